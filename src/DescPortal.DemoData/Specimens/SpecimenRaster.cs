namespace DescPortal.DemoData.Specimens;

// The small raster toolkit behind SpecimenArt. Everything is computed in managed code on float buffers so that
// the output depends only on this code, the fonts and libvips' text and PNG encoders (no time, no machine state,
// no unseeded randomness). libvips renders the text (Pango) and encodes the PNG.
// Its files: here the values it works in (colours, rectangles, a seeded random sequence); SpecimenMask (the shape of
// an element), SpecimenCanvas (how an element's ink lands on the page, and the PNG), SpecimenDraw (text and shapes).

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
