namespace DescPortal.Core.Examination;

/// <summary>
/// Where an image lies in the workspace, in millimetres of the questioned document: its top-left corner, its width,
/// and its rotation in degrees clockwise about its centre. The workspace shows every image in this one world, so the
/// questioned image and a specimen image beside it or over it are at the same scale, and the ruler reads millimetres.
/// </summary>
public readonly record struct ImagePlacement(double X, double Y, double Width, double Degrees)
{
    /// <summary>An image at its own resolution with its top-left corner at the origin.</summary>
    public static ImagePlacement AtOrigin(int widthPixels, double pixelsPerMm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPixels, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerMm);
        return new ImagePlacement(0, 0, widthPixels / pixelsPerMm, 0);
    }

    /// <summary>
    /// A specimen image placed over the questioned image by their alignment (<paramref name="transform"/>: specimen
    /// pixels to evidence pixels), the questioned image lying at the origin at <paramref name="evidencePixelsPerMm"/>.
    /// A viewer draws an image shifted, scaled and turned but not sheared, so this takes the transform's nearest
    /// similarity: its mean scale, the rotation that fits best, and the specimen's centre where the transform puts it.
    /// </summary>
    public static ImagePlacement Aligned(AffineTransform transform, int specimenWidth, int specimenHeight, double evidencePixelsPerMm)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentOutOfRangeException.ThrowIfLessThan(specimenWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(specimenHeight, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(evidencePixelsPerMm);
        var t = transform;
        var scale = Math.Sqrt(Math.Abs(t.A * t.E - t.B * t.D));
        // Image coordinates run downwards, so a positive angle turns clockwise on screen, as the viewer counts it.
        var degrees = Math.Atan2(t.D - t.B, t.A + t.E) * 180 / Math.PI;
        var centre = t.Map(new ImagePoint(specimenWidth / 2.0, specimenHeight / 2.0));
        var width = specimenWidth * scale / evidencePixelsPerMm;
        var height = specimenHeight * scale / evidencePixelsPerMm;
        return new ImagePlacement(centre.X / evidencePixelsPerMm - width / 2, centre.Y / evidencePixelsPerMm - height / 2, width, degrees);
    }
}
