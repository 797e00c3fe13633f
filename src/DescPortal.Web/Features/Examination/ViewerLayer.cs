using DescPortal.Core.Examination;

namespace DescPortal.Web.Features.Examination;

/// <summary>
/// One image in a <see cref="DeepZoomViewer"/>: which original (its id and SHA-256 from the server's record: its tiles
/// must be of those bytes), where it and its tiles are served, where it lies in the world (millimetres), how opaque.
/// </summary>
public sealed record ViewerLayer(Guid ImageId, string Sha256, string ImageUrl, string TilesUrl, ImagePlacement Place, double Opacity);

/// <summary>
/// An outline drawn on a viewer's main image, in its pixels (a rectangle as its four corners): a mark (Rectangle,
/// Polygon, Point), a specimen's Feature or an alignment Pick, with the number or name shown beside it.
/// </summary>
public sealed record ViewerMark(string Id, string Kind, int[] Points, string Label, bool Selected);
