using System.Text.Json.Serialization;

namespace DescPortal.Core.Examination;

/// <summary>A corner of a shape, in whole pixels of the evidence image (origin top left).</summary>
public readonly record struct Vertex(int X, int Y);

/// <summary>
/// The region an annotation marks, in the evidence image's own pixels: pixel (x, y) covers [x, x+1) × [y, y+1).
/// One shape for every kind, so that stored events need no type discriminator:
/// a <see cref="ShapeKind.Rectangle"/> is its top-left corner and the corner just past its bottom right
/// (x + width, y + height); a <see cref="ShapeKind.Polygon"/> is its corners in order (at least three);
/// a <see cref="ShapeKind.Point"/> is the one pixel it marks. Build them with <see cref="Rectangle"/>,
/// <see cref="Polygon"/> and <see cref="Point"/>.
/// </summary>
public sealed record AnnotationShape(ShapeKind Kind, IReadOnlyList<Vertex> Vertices)
{
    public static AnnotationShape Rectangle(int x, int y, int width, int height) =>
        new(ShapeKind.Rectangle, [new Vertex(x, y), new Vertex(x + width, y + height)]);

    public static AnnotationShape Polygon(params IEnumerable<Vertex> vertices) => new(ShapeKind.Polygon, [.. vertices]);

    public static AnnotationShape Point(int x, int y) => new(ShapeKind.Point, [new Vertex(x, y)]);

    /// <summary>
    /// The smallest rectangle of whole pixels that holds the shape, as (x, y, width, height): the rectangle itself,
    /// the point's one pixel, the polygon's bounding box. Zero when there are no vertices.
    /// </summary>
    [JsonIgnore]
    public (int X, int Y, int Width, int Height) Bounds
    {
        get
        {
            if (Vertices is null || Vertices.Count == 0)
            {
                return (0, 0, 0, 0);
            }
            if (Kind == ShapeKind.Point)
            {
                return (Vertices[0].X, Vertices[0].Y, 1, 1);
            }
            int left = int.MaxValue, top = int.MaxValue, right = int.MinValue, bottom = int.MinValue;
            foreach (var v in Vertices)
            {
                (left, top) = (Math.Min(left, v.X), Math.Min(top, v.Y));
                (right, bottom) = (Math.Max(right, v.X), Math.Max(bottom, v.Y));
            }
            return (left, top, right - left, bottom - top);
        }
    }

    public bool Equals(AnnotationShape? other) =>
        other is not null && Kind == other.Kind && Vertices.SequenceEqual(other.Vertices);

    public override int GetHashCode() => HashCode.Combine(Kind, Vertices.Count);
}

/// <summary>A security feature of a reference specimen that an annotation shows (or shows the absence of).</summary>
public sealed record FeatureReference(Guid SpecimenId, Guid FeatureId);

/// <summary>
/// What the examiner marked on an evidence image: where (<see cref="Shape"/>), what it concerns (optionally a
/// specimen's feature), the <see cref="Finding"/>, and a plain-text <see cref="Note"/> (never markup).
/// <see cref="AnnotationId"/> is chosen by the caller, so that a retried command is recognised.
/// </summary>
public sealed record Annotation(
    Guid AnnotationId,
    Guid EvidenceImageId,
    AnnotationShape Shape,
    FeatureReference? Feature,
    Finding Finding,
    string? Note);
