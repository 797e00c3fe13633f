using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Core.Examination;

/// <summary>A point in an image's own pixels (origin top left, x to the right, y down); fractions allowed.</summary>
public readonly record struct ImagePoint(double X, double Y)
{
    public double DistanceTo(ImagePoint other) => double.Hypot(other.X - X, other.Y - Y);
}

/// <summary>The same spot of the document marked on a specimen image and on an evidence image.</summary>
public sealed record PointPair(ImagePoint Specimen, ImagePoint Evidence);

/// <summary>An affine transform fitted to point pairs, and how far the pairs lie from it (root mean square, in evidence pixels).</summary>
public sealed record AffineFit(AffineTransform Transform, double RmsResidualPixels);

/// <summary>
/// An affine map from specimen pixels to evidence pixels: x' = A·x + B·y + C, y' = D·x + E·y + F.
/// Affine covers what separates two captures of a flat page (shift, rotation, scale per axis, shear);
/// perspective and curvature are left to the residual.
/// </summary>
public sealed record AffineTransform(double A, double B, double C, double D, double E, double F)
{
    /// <summary>Below this ratio of the narrower to the wider spread of the points, they count as one line.</summary>
    public const double MinSpreadRatio = 0.01;

    /// <summary>Points whose spread is under a pixel count as one point.</summary>
    public const double MinSpreadPixels = 1;

    public ImagePoint Map(ImagePoint p) => new(A * p.X + B * p.Y + C, D * p.X + E * p.Y + F);

    /// <summary>The four corners of a rectangle, mapped: top left, top right, bottom right, bottom left.</summary>
    public IReadOnlyList<ImagePoint> MapRectangle(double x, double y, double width, double height) =>
    [
        Map(new ImagePoint(x, y)),
        Map(new ImagePoint(x + width, y)),
        Map(new ImagePoint(x + width, y + height)),
        Map(new ImagePoint(x, y + height)),
    ];

    /// <summary>A specimen feature's rectangle as a polygon on the evidence image (the image id is not checked here).</summary>
    public IReadOnlyList<ImagePoint> Map(FeatureLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return MapRectangle(location.X, location.Y, location.Width, location.Height);
    }

    /// <summary>
    /// The least-squares affine transform taking each pair's specimen point to its evidence point.
    /// The 6 × 6 normal equations of the fit are block diagonal (x' and y' share the same 3 × 3 block in x, y, 1);
    /// measured from the centroids the translation separates out, leaving one 2 × 2 system per output coordinate,
    /// which is solved directly. Centring also keeps the sums small for images tens of thousands of pixels wide.
    /// </summary>
    /// <exception cref="DomainException">Fewer than three pairs, or the points of either image coincide or lie on one line.</exception>
    public static AffineFit Fit(IReadOnlyList<PointPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < 3)
        {
            throw new DomainException(Refusals.Examination.AlignmentUnderThreePairs);
        }
        var n = pairs.Count;
        double mx = 0, my = 0, mu = 0, mv = 0;
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            mx += pair.Specimen.X;
            my += pair.Specimen.Y;
            mu += pair.Evidence.X;
            mv += pair.Evidence.Y;
        }
        (mx, my, mu, mv) = (mx / n, my / n, mu / n, mv / n);

        double sxx = 0, sxy = 0, syy = 0, sxu = 0, syu = 0, sxv = 0, syv = 0, suu = 0, suv = 0, svv = 0;
        foreach (var pair in pairs)
        {
            var (dx, dy) = (pair.Specimen.X - mx, pair.Specimen.Y - my);
            var (du, dv) = (pair.Evidence.X - mu, pair.Evidence.Y - mv);
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            sxu += dx * du;
            syu += dy * du;
            sxv += dx * dv;
            syv += dy * dv;
            suu += du * du;
            suv += du * dv;
            svv += dv * dv;
        }
        RequireSpread(sxx, sxy, syy, n, Refusals.Examination.Images.Specimen);
        RequireSpread(suu, suv, svv, n, Refusals.Examination.Images.Evidence);

        var det = sxx * syy - sxy * sxy;
        var a = (sxu * syy - sxy * syu) / det;
        var b = (sxx * syu - sxy * sxu) / det;
        var d = (sxv * syy - sxy * syv) / det;
        var e = (sxx * syv - sxy * sxv) / det;
        var transform = new AffineTransform(a, b, mu - a * mx - b * my, d, e, mv - d * mx - e * my);

        double squares = 0;
        foreach (var pair in pairs)
        {
            var mapped = transform.Map(pair.Specimen);
            var (rx, ry) = (mapped.X - pair.Evidence.X, mapped.Y - pair.Evidence.Y);
            squares += rx * rx + ry * ry;
        }
        return new AffineFit(transform, Math.Sqrt(squares / n));
    }

    // The eigenvalues of the points' scatter matrix are their spreads along the two principal axes: a narrow
    // spread across the line through them makes the fit guess in that direction. Which image: a phrase of
    // Refusals.Examination.Images.
    private static void RequireSpread(double sxx, double sxy, double syy, int n, string which)
    {
        var half = (sxx + syy) / 2;
        var root = double.Hypot((sxx - syy) / 2, sxy);
        var wide = Math.Sqrt(Math.Max(0, (half + root) / n));
        var narrow = Math.Sqrt(Math.Max(0, (half - root) / n));
        if (!double.IsFinite(wide) || wide < MinSpreadPixels)
        {
            throw new DomainException(Refusals.Examination.AlignmentPointsCoincide, new Phrase(which));
        }
        if (narrow < MinSpreadRatio * wide)
        {
            throw new DomainException(Refusals.Examination.AlignmentPointsInLine, new Phrase(which));
        }
    }
}
