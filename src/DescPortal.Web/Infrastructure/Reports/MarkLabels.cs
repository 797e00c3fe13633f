using DescPortal.Core.Examination;

namespace DescPortal.Web.Infrastructure.Reports;

/// <summary>
/// Where the numbers of an image's marks go, so that each stays readable: on a corner of its shape when that place is
/// free, else on another corner or an edge's middle, else the nearest free place around the shape; always wholly
/// inside the picture. Sizes are those of report.css (a figure as wide as the 174 mm text or 80 mm high, a number's
/// label 4.6 mm high); a stylesheet with other sizes still gets labels inside the picture, only less well spaced.
/// </summary>
internal static class MarkLabels
{
    public const double TextWidthMm = 174;
    public const double FigureMaxHeightMm = 80;
    private const double LabelHeightMm = 4.6;
    private const double GapMm = 0.6;

    /// <summary>The printed size of a picture of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static (double Width, double Height) PrintedMm(int width, int height)
    {
        var aspect = (double)width / height;
        var w = Math.Min(TextWidthMm, FigureMaxHeightMm * aspect);
        return (w, w / aspect);
    }

    /// <summary>
    /// The centre of each mark's label, in per cent of the picture's width and height, in the order of
    /// <paramref name="marks"/> (which place first: number order).
    /// </summary>
    public static IReadOnlyList<(double Left, double Top)> Place(IReadOnlyList<(int Number, AnnotationShape Shape)> marks, int width, int height)
    {
        var (wMm, hMm) = PrintedMm(width, height);
        var placed = new List<(double L, double T, double R, double B)>();
        var result = new List<(double, double)>();
        foreach (var (number, shape) in marks)
        {
            // Label size in per cent of the picture: a digit is about 1.45 mm of bold 7.5 pt, plus padding and border.
            var lw = (Math.Max(LabelHeightMm, 2.6 + (1.45 * number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)) + GapMm) / wMm * 100;
            var lh = (LabelHeightMm + GapMm) / hMm * 100;
            var (x, y, bw, bh) = shape.Bounds;
            double left = x * 100.0 / width, top = y * 100.0 / height;
            double right = (x + bw) * 100.0 / width, bottom = (y + bh) * 100.0 / height;
            if (shape.Kind == ShapeKind.Point)
            {
                // Beside the point's ring (3.6 mm), never on it.
                var (cx, cy) = ((x + 0.5) * 100 / width, (y + 0.5) * 100 / height);
                var ring = 2.4;
                (left, right, top, bottom) = (cx - (ring / wMm * 100), cx + (ring / wMm * 100), cy - (ring / hMm * 100), cy + (ring / hMm * 100));
            }

            var candidates = new List<(double X, double Y)>();
            if (shape.Kind == ShapeKind.Point)
            {
                candidates.AddRange([
                    (right + (lw / 2), top - (lh / 2)), (left - (lw / 2), top - (lh / 2)),
                    (right + (lw / 2), bottom + (lh / 2)), (left - (lw / 2), bottom + (lh / 2)),
                ]);
            }
            else
            {
                var (mx, my) = ((left + right) / 2, (top + bottom) / 2);
                candidates.AddRange([(left, top), (right, top), (left, bottom), (right, bottom), (mx, top), (mx, bottom), (left, my), (right, my)]);
            }
            // Then rings of places around the first choice, nearest first.
            var (ax, ay) = candidates[0];
            for (var ring = 1; ring <= 12; ring++)
            {
                for (var dy = -ring; dy <= ring; dy++)
                {
                    for (var dx = -ring; dx <= ring; dx++)
                    {
                        if (Math.Max(Math.Abs(dx), Math.Abs(dy)) == ring) candidates.Add((ax + (dx * lw), ay + (dy * lh)));
                    }
                }
            }

            (double X, double Y)? chosen = null;
            foreach (var (cx, cy) in candidates)
            {
                var (px, py) = Inside(cx, cy, lw, lh);
                var box = (px - (lw / 2), py - (lh / 2), px + (lw / 2), py + (lh / 2));
                if (!placed.Any(p => Overlap(p, box)))
                {
                    chosen = (px, py);
                    break;
                }
            }
            var (fx, fy) = chosen ?? Inside(candidates[0].X, candidates[0].Y, lw, lh);
            placed.Add((fx - (lw / 2), fy - (lh / 2), fx + (lw / 2), fy + (lh / 2)));
            result.Add((fx, fy));
        }
        return result;
    }

    private static (double X, double Y) Inside(double x, double y, double lw, double lh) =>
        (Math.Clamp(x, Math.Min(50, lw / 2), Math.Max(50, 100 - (lw / 2))),
         Math.Clamp(y, Math.Min(50, lh / 2), Math.Max(50, 100 - (lh / 2))));

    private static bool Overlap((double L, double T, double R, double B) a, (double L, double T, double R, double B) b) =>
        a.L < b.R && b.L < a.R && a.T < b.B && b.T < a.B;
}
