namespace DescPortal.DemoData.Specimens;

/// <summary>
/// Coverage (0..1) over a rectangle of the page: the shape of one printed element. Null alpha means fully covered.
/// </summary>
internal sealed class SpecimenMask
{
    public SpecimenMask(int x, int y, int width, int height, float[]? alpha)
    {
        X = x;
        Y = y;
        Width = Math.Max(0, width);
        Height = Math.Max(0, height);
        Alpha = alpha;
    }

    public int X { get; }
    public int Y { get; }
    public int Width { get; }
    public int Height { get; }
    public float[]? Alpha { get; }

    public static SpecimenMask Empty(PixelRect r) => new(r.X, r.Y, r.Width, r.Height, new float[Math.Max(0, r.Width) * Math.Max(0, r.Height)]);

    public static SpecimenMask Full(PixelRect r) => new(r.X, r.Y, r.Width, r.Height, null);

    public float At(int localX, int localY) => Alpha is null ? 1f : Alpha[(localY * Width) + localX];

    /// <summary>Unions (max) another mask into this one where they overlap.</summary>
    public void Union(SpecimenMask other, float scale = 1f)
    {
        var alpha = Alpha ?? throw new InvalidOperationException("A full mask cannot take a union.");
        var x0 = Math.Max(X, other.X);
        var y0 = Math.Max(Y, other.Y);
        var x1 = Math.Min(X + Width, other.X + other.Width);
        var y1 = Math.Min(Y + Height, other.Y + other.Height);
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var i = ((y - Y) * Width) + (x - X);
                var v = other.At(x - other.X, y - other.Y) * scale;
                if (v > alpha[i])
                {
                    alpha[i] = v;
                }
            }
        }
    }

    /// <summary>Multiplies the coverage by a function of page coordinates (clipping, fading).</summary>
    public SpecimenMask Modulate(Func<int, int, float> factor)
    {
        var alpha = new float[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                alpha[(y * Width) + x] = At(x, y) * factor(X + x, Y + y);
            }
        }
        return new SpecimenMask(X, Y, Width, Height, alpha);
    }

    /// <summary>A soft copy (three box passes approximate a gaussian), grown by the blur's reach.</summary>
    public SpecimenMask Blur(int radius)
    {
        var grow = radius * 3;
        var w = Width + (2 * grow);
        var h = Height + (2 * grow);
        var a = new float[w * h];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                a[((y + grow) * w) + x + grow] = At(x, y);
            }
        }
        var tmp = new float[a.Length];
        for (var pass = 0; pass < 3; pass++)
        {
            BoxPass(a, tmp, w, h, radius, horizontal: true);
            BoxPass(tmp, a, w, h, radius, horizontal: false);
        }
        return new SpecimenMask(X - grow, Y - grow, w, h, a);
    }

    private static void BoxPass(float[] src, float[] dst, int w, int h, int r, bool horizontal)
    {
        var n = horizontal ? w : h;
        var lines = horizontal ? h : w;
        var stride = horizontal ? 1 : w;
        var norm = 1f / ((2 * r) + 1);
        Parallel.For(0, lines, line =>
        {
            var start = horizontal ? line * w : line;
            var sum = 0f;
            for (var k = 0; k <= Math.Min(r, n - 1); k++)
            {
                sum += src[start + (k * stride)];
            }
            for (var k = 0; k < n; k++)
            {
                dst[start + (k * stride)] = sum * norm;
                var add = k + r + 1;
                var remove = k - r;
                if (add < n)
                {
                    sum += src[start + (add * stride)];
                }
                if (remove >= 0)
                {
                    sum -= src[start + (remove * stride)];
                }
            }
        });
    }

    /// <summary>Rotated about its centre (degrees, counter-clockwise on the page), bilinear.</summary>
    public SpecimenMask Rotate(double degrees)
    {
        var rad = degrees * Math.PI / 180;
        var cos = Math.Cos(rad);
        var sin = Math.Sin(rad);
        var cx = (Width - 1) / 2.0;
        var cy = (Height - 1) / 2.0;
        var w = (int)Math.Ceiling((Math.Abs(Width * cos) + Math.Abs(Height * sin))) + 2;
        var h = (int)Math.Ceiling((Math.Abs(Width * sin) + Math.Abs(Height * cos))) + 2;
        var ox = (w - 1) / 2.0;
        var oy = (h - 1) / 2.0;
        var a = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // Inverse mapping: page y grows downwards, so a counter-clockwise turn on screen is -degrees here.
                var dx = x - ox;
                var dy = y - oy;
                var sx = (dx * cos) - (dy * sin) + cx;
                var sy = (dx * sin) + (dy * cos) + cy;
                a[(y * w) + x] = Sample(sx, sy);
            }
        }
        var x0 = X + (int)Math.Round(cx - ox);
        var y0 = Y + (int)Math.Round(cy - oy);
        return new SpecimenMask(x0, y0, w, h, a);
    }

    private float Sample(double x, double y)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        float Px(int px, int py) => px < 0 || py < 0 || px >= Width || py >= Height ? 0f : At(px, py);
        var top = Px(x0, y0) + ((Px(x0 + 1, y0) - Px(x0, y0)) * fx);
        var bottom = Px(x0, y0 + 1) + ((Px(x0 + 1, y0 + 1) - Px(x0, y0 + 1)) * fx);
        return top + ((bottom - top) * fy);
    }

    public SpecimenMask Translate(int dx, int dy) => new(X + dx, Y + dy, Width, Height, Alpha);
}
