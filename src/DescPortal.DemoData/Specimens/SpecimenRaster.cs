using System.Text;
using NetVips;

namespace DescPortal.DemoData.Specimens;

// The small raster toolkit behind SpecimenArt. Everything is computed in managed code on float buffers so that
// the output depends only on this code, the fonts and libvips' text and PNG encoders (no time, no machine state,
// no unseeded randomness). libvips renders the text (Pango) and encodes the PNG.

/// <summary>A colour, each channel 0..1 (sRGB values; blending is done on them directly, as printing would).</summary>
internal readonly record struct Rgb(float R, float G, float B)
{
    public static Rgb Hex(uint rgb) =>
        new(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);

    public static Rgb Grey(float v) => new(v, v, v);

    public static Rgb White { get; } = new(1, 1, 1);

    public Rgb Lerp(Rgb other, float t) =>
        new(R + ((other.R - R) * t), G + ((other.G - G) * t), B + ((other.B - B) * t));

    /// <summary>Hue 0..1 around the colour wheel.</summary>
    public static Rgb Hsv(float hue, float saturation, float value)
    {
        var h = (hue - MathF.Floor(hue)) * 6f;
        var c = value * saturation;
        var x = c * (1 - MathF.Abs((h % 2) - 1));
        var m = value - c;
        var (r, g, b) = h switch
        {
            < 1 => (c, x, 0f),
            < 2 => (x, c, 0f),
            < 3 => (0f, c, x),
            < 4 => (0f, x, c),
            < 5 => (x, 0f, c),
            _ => (c, 0f, x),
        };
        return new Rgb(r + m, g + m, b + m);
    }
}

/// <summary>A rectangle in pixels of a page image.</summary>
internal readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;

    public static PixelRect Around(double cx, double cy, double halfWidth, double halfHeight) =>
        new((int)Math.Floor(cx - halfWidth), (int)Math.Floor(cy - halfHeight),
            (int)Math.Ceiling(halfWidth * 2), (int)Math.Ceiling(halfHeight * 2));

    public bool Intersects(PixelRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public PixelRect Inflate(int by) => new(X - by, Y - by, Width + (2 * by), Height + (2 * by));

    public PixelRect Clip(int width, int height)
    {
        var x = Math.Clamp(X, 0, width);
        var y = Math.Clamp(Y, 0, height);
        return new PixelRect(x, y, Math.Clamp(Right, 0, width) - x, Math.Clamp(Bottom, 0, height) - y);
    }
}

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

/// <summary>How a printed element combines with what is under it.</summary>
internal enum Blend
{
    /// <summary>Ink on paper: absorbs (multiplies).</summary>
    Multiply,

    /// <summary>Fluorescence, glare: adds light (screen).</summary>
    Screen,

    /// <summary>Opaque cover (laminate, foil, overprint).</summary>
    Normal,
}

/// <summary>What one element looks like under one light. A null paint means the element does not show.</summary>
internal sealed record Paint(Blend Blend, Rgb Colour, float Opacity = 1f, Func<int, int, Rgb>? ColourAt = null)
{
    public static Paint Ink(Rgb colour, float opacity = 1f) => new(Blend.Multiply, colour, opacity);
    public static Paint Ink(Func<int, int, Rgb> colourAt, float opacity = 1f) => new(Blend.Multiply, default, opacity, colourAt);
    public static Paint Glow(Rgb colour, float opacity = 1f) => new(Blend.Screen, colour, opacity);
    public static Paint Glow(Func<int, int, Rgb> colourAt, float opacity = 1f) => new(Blend.Screen, default, opacity, colourAt);
    public static Paint Cover(Rgb colour, float opacity = 1f) => new(Blend.Normal, colour, opacity);
    public static Paint Cover(Func<int, int, Rgb> colourAt, float opacity = 1f) => new(Blend.Normal, default, opacity, colourAt);

    /// <summary>Under IR only darkness counts: an ink that absorbs this much (0 none, 1 black).</summary>
    public static Paint Absorb(float darkness) => new(Blend.Multiply, Rgb.Grey(1 - darkness));
}

/// <summary>The page being painted, float RGB.</summary>
internal sealed class SpecimenCanvas
{
    private readonly float[] _r;
    private readonly float[] _g;
    private readonly float[] _b;

    public SpecimenCanvas(int width, int height, Rgb paper)
    {
        Width = width;
        Height = height;
        _r = new float[width * height];
        _g = new float[width * height];
        _b = new float[width * height];
        Array.Fill(_r, paper.R);
        Array.Fill(_g, paper.G);
        Array.Fill(_b, paper.B);
    }

    public int Width { get; }
    public int Height { get; }

    public void Apply(SpecimenMask mask, Paint paint)
    {
        var area = new PixelRect(mask.X, mask.Y, mask.Width, mask.Height).Clip(Width, Height);
        if (area.Width <= 0 || area.Height <= 0)
        {
            return;
        }
        Parallel.For(area.Y, area.Bottom, y =>
        {
            for (var x = area.X; x < area.Right; x++)
            {
                var a = mask.At(x - mask.X, y - mask.Y) * paint.Opacity;
                if (a <= 0f)
                {
                    continue;
                }
                var c = paint.ColourAt?.Invoke(x, y) ?? paint.Colour;
                var i = (y * Width) + x;
                switch (paint.Blend)
                {
                    case Blend.Multiply:
                        _r[i] *= 1 - a + (a * c.R);
                        _g[i] *= 1 - a + (a * c.G);
                        _b[i] *= 1 - a + (a * c.B);
                        break;
                    case Blend.Screen:
                        _r[i] = 1 - ((1 - _r[i]) * (1 - (a * c.R)));
                        _g[i] = 1 - ((1 - _g[i]) * (1 - (a * c.G)));
                        _b[i] = 1 - ((1 - _b[i]) * (1 - (a * c.B)));
                        break;
                    default:
                        _r[i] += (c.R - _r[i]) * a;
                        _g[i] += (c.G - _g[i]) * a;
                        _b[i] += (c.B - _b[i]) * a;
                        break;
                }
            }
        });
    }

    /// <summary>PNG bytes at the given resolution; greyscale (one band, the green channel) for IR.</summary>
    public byte[] EncodePng(int dpi, bool greyscale)
    {
        var bands = greyscale ? 1 : 3;
        var bytes = new byte[Width * Height * bands];
        Parallel.For(0, Height, y =>
        {
            for (var x = 0; x < Width; x++)
            {
                var i = (y * Width) + x;
                if (greyscale)
                {
                    bytes[i] = ToByte(_g[i]);
                }
                else
                {
                    bytes[(i * 3) + 0] = ToByte(_r[i]);
                    bytes[(i * 3) + 1] = ToByte(_g[i]);
                    bytes[(i * 3) + 2] = ToByte(_b[i]);
                }
            }
        });
        using var raw = Image.NewFromMemory(bytes, Width, Height, bands, Enums.BandFormat.Uchar);
        var pixelsPerMm = dpi / 25.4;
        using var tagged = raw.Copy(
            interpretation: greyscale ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb,
            xres: pixelsPerMm, yres: pixelsPerMm);
        return tagged.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None);
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)((v * 255f) + 0.5f), 0, 255);
}

/// <summary>Shapes, strokes and text as masks.</summary>
internal static class SpecimenDraw
{
    public const int Dpi = 300;

    /// <summary>Pixels for millimetres at 300 dpi.</summary>
    public static double Mm(double mm) => mm * Dpi / 25.4;

    public static int MmPx(double mm) => (int)Math.Round(Mm(mm));

    /// <summary>
    /// Text whose layout box starts at (x, y). Pango fonts: "DejaVu Sans Bold 9". The markup is escaped.
    /// </summary>
    public static SpecimenMask Text(string text, string font, double x, double y)
    {
        using var image = Image.Text(Escape(text), font: font, dpi: Dpi);
        return FromImage(image, (int)Math.Round(x) + image.Xoffset, (int)Math.Round(y) + image.Yoffset);
    }

    /// <summary>Text centred horizontally on cx (by its ink), layout top at y.</summary>
    public static SpecimenMask TextCentred(string text, string font, double cx, double y)
    {
        using var image = Image.Text(Escape(text), font: font, dpi: Dpi);
        return FromImage(image, (int)Math.Round(cx - (image.Width / 2.0)), (int)Math.Round(y) + image.Yoffset);
    }

    /// <summary>Text centred on a point by its ink (for rotating).</summary>
    public static SpecimenMask TextAt(string text, string font, double cx, double cy)
    {
        using var image = Image.Text(Escape(text), font: font, dpi: Dpi);
        return FromImage(image, (int)Math.Round(cx - (image.Width / 2.0)), (int)Math.Round(cy - (image.Height / 2.0)));
    }

    /// <summary>
    /// A line of fixed-pitch characters, each glyph placed at x + i * pitch (as OCR-B in an MRZ: 10 per inch).
    /// </summary>
    public static SpecimenMask Monospaced(string text, string font, double x, double y, double pitch, double lineHeight)
    {
        var width = (int)Math.Ceiling(pitch * text.Length) + 8;
        var height = (int)Math.Ceiling(lineHeight);
        var mask = SpecimenMask.Empty(new PixelRect((int)Math.Round(x), (int)Math.Round(y), width, height));
        var glyphs = new Dictionary<char, SpecimenMask>();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == ' ')
            {
                continue;
            }
            if (!glyphs.TryGetValue(ch, out var glyph))
            {
                glyph = Text(ch.ToString(), font, 0, 0);
                glyphs[ch] = glyph;
            }
            mask.Union(glyph.Translate((int)Math.Round(x + (i * pitch)), (int)Math.Round(y)));
        }
        return mask;
    }

    /// <summary>A word repeated at a fixed pitch along a line (microprint), with per-index substitutions.</summary>
    public static SpecimenMask Repeated(string word, string font, PixelRect line, double pitch,
        IReadOnlyDictionary<int, string>? substitutions = null)
    {
        var mask = SpecimenMask.Empty(line);
        var stamp = Text(word, font, 0, 0);
        var count = (int)Math.Floor(line.Width / pitch);
        for (var i = 0; i < count; i++)
        {
            var s = stamp;
            if (substitutions is not null && substitutions.TryGetValue(i, out var other))
            {
                s = Text(other, font, 0, 0);
            }
            mask.Union(s.Translate(line.X + (int)Math.Round(i * pitch), line.Y));
        }
        return mask;
    }

    private static SpecimenMask FromImage(Image image, int x, int y)
    {
        var bytes = image.WriteToMemory<byte>();
        var alpha = new float[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            alpha[i] = bytes[i] / 255f;
        }
        return new SpecimenMask(x, y, image.Width, image.Height, alpha);
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

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

/// <summary>A deterministic random sequence (SplitMix64): the same seed gives the same fibres on every machine.</summary>
internal sealed class SpecimenRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double Range(double min, double max) => min + ((max - min) * NextDouble());
}
