namespace DescPortal.DemoData.Specimens;

// Shapes: coverage computed per pixel from a signed distance, antialiased strokes along polylines, and unions.
internal static partial class SpecimenDraw
{
    /// <summary>Coverage computed per pixel over a rectangle (rows in parallel; each pixel independent).</summary>
    public static SpecimenMask Field(PixelRect r, Func<double, double, float> coverage)
    {
        var alpha = new float[Math.Max(0, r.Width) * Math.Max(0, r.Height)];
        Parallel.For(0, Math.Max(0, r.Height), y =>
        {
            for (var x = 0; x < r.Width; x++)
            {
                alpha[(y * r.Width) + x] = coverage(r.X + x + 0.5, r.Y + y + 0.5);
            }
        });
        return new SpecimenMask(r.X, r.Y, r.Width, r.Height, alpha);
    }

    /// <summary>Antialiased coverage for a signed distance (negative inside), in pixels.</summary>
    public static float Cover(double signedDistance) => (float)Math.Clamp(0.5 - signedDistance, 0, 1);

    public static SpecimenMask Ellipse(double cx, double cy, double rx, double ry) =>
        Field(PixelRect.Around(cx, cy, rx + 2, ry + 2), (x, y) => Cover(EllipseDistance(x - cx, y - cy, rx, ry)));

    public static double EllipseDistance(double dx, double dy, double rx, double ry)
    {
        var k = Math.Sqrt(((dx * dx) / (rx * rx)) + ((dy * dy) / (ry * ry)));
        return (k - 1) * Math.Min(rx, ry);
    }

    public static double RoundRectDistance(double x, double y, PixelRect r, double radius)
    {
        var hx = (r.Width / 2.0) - radius;
        var hy = (r.Height / 2.0) - radius;
        var qx = Math.Abs(x - (r.X + (r.Width / 2.0))) - hx;
        var qy = Math.Abs(y - (r.Y + (r.Height / 2.0))) - hy;
        var outside = Math.Sqrt((Math.Max(qx, 0) * Math.Max(qx, 0)) + (Math.Max(qy, 0) * Math.Max(qy, 0)));
        return outside + Math.Min(Math.Max(qx, qy), 0) - radius;
    }

    public static SpecimenMask RoundRect(PixelRect r, double radius) =>
        Field(r.Inflate(1), (x, y) => Cover(RoundRectDistance(x, y, r, radius)));

    public static SpecimenMask RoundRectOutline(PixelRect r, double radius, double width) =>
        Field(r.Inflate((int)Math.Ceiling(width) + 1), (x, y) =>
            Cover(Math.Abs(RoundRectDistance(x, y, r, radius)) - (width / 2)));

    public static SpecimenMask Ring(double cx, double cy, double radius, double width) =>
        Field(PixelRect.Around(cx, cy, radius + width + 2, radius + width + 2), (x, y) =>
            Cover(Math.Abs(Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy))) - radius) - (width / 2)));

    /// <summary>An antialiased stroke along a polyline (or a soft halo of that width).</summary>
    public static SpecimenMask Stroke(IReadOnlyList<(double X, double Y)> points, double width, bool closed = false, bool soft = false)
    {
        if (points.Count == 0)
        {
            return SpecimenMask.Empty(new PixelRect(0, 0, 0, 0));
        }
        var minX = points.Min(p => p.X);
        var minY = points.Min(p => p.Y);
        var maxX = points.Max(p => p.X);
        var maxY = points.Max(p => p.Y);
        var pad = (int)Math.Ceiling(width) + 2;
        var bounds = new PixelRect((int)Math.Floor(minX) - pad, (int)Math.Floor(minY) - pad,
            (int)Math.Ceiling(maxX - minX) + (2 * pad) + 1, (int)Math.Ceiling(maxY - minY) + (2 * pad) + 1);
        var mask = SpecimenMask.Empty(bounds);
        var alpha = mask.Alpha!;
        var half = width / 2;
        var segments = closed ? points.Count : points.Count - 1;
        for (var s = 0; s < Math.Max(1, segments); s++)
        {
            var (ax, ay) = points[s];
            var (bx, by) = points[Math.Min((s + 1) % points.Count, points.Count - 1)];
            var x0 = (int)Math.Floor(Math.Min(ax, bx) - half - 1) - bounds.X;
            var x1 = (int)Math.Ceiling(Math.Max(ax, bx) + half + 1) - bounds.X;
            var y0 = (int)Math.Floor(Math.Min(ay, by) - half - 1) - bounds.Y;
            var y1 = (int)Math.Ceiling(Math.Max(ay, by) + half + 1) - bounds.Y;
            var vx = bx - ax;
            var vy = by - ay;
            var len2 = (vx * vx) + (vy * vy);
            for (var y = Math.Max(0, y0); y <= Math.Min(bounds.Height - 1, y1); y++)
            {
                for (var x = Math.Max(0, x0); x <= Math.Min(bounds.Width - 1, x1); x++)
                {
                    var px = bounds.X + x + 0.5 - ax;
                    var py = bounds.Y + y + 0.5 - ay;
                    var t = len2 > 0 ? Math.Clamp(((px * vx) + (py * vy)) / len2, 0, 1) : 0;
                    var dx = px - (t * vx);
                    var dy = py - (t * vy);
                    var d = Math.Sqrt((dx * dx) + (dy * dy));
                    // A soft stroke fades from its axis to its edge: the halo of a glowing fibre.
                    var c = soft ? (float)Math.Pow(Math.Max(0, 1 - (d / half)), 2) : Cover(d - half);
                    var i = (y * bounds.Width) + x;
                    if (c > alpha[i])
                    {
                        alpha[i] = c;
                    }
                }
            }
        }
        return mask;
    }

    /// <summary>Points along a quadratic Bézier curve.</summary>
    public static List<(double X, double Y)> Bezier((double X, double Y) p0, (double X, double Y) p1, (double X, double Y) p2, int steps)
    {
        var points = new List<(double X, double Y)>(steps + 1);
        for (var i = 0; i <= steps; i++)
        {
            var t = i / (double)steps;
            var u = 1 - t;
            points.Add(((u * u * p0.X) + (2 * u * t * p1.X) + (t * t * p2.X), (u * u * p0.Y) + (2 * u * t * p1.Y) + (t * t * p2.Y)));
        }
        return points;
    }

    /// <summary>Several masks as one (their union).</summary>
    public static SpecimenMask Union(params SpecimenMask[] masks)
    {
        var x0 = masks.Min(m => m.X);
        var y0 = masks.Min(m => m.Y);
        var x1 = masks.Max(m => m.X + m.Width);
        var y1 = masks.Max(m => m.Y + m.Height);
        var union = SpecimenMask.Empty(new PixelRect(x0, y0, x1 - x0, y1 - y0));
        foreach (var m in masks)
        {
            union.Union(m);
        }
        return union;
    }
}
