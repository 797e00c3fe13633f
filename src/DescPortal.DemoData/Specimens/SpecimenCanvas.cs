using NetVips;

namespace DescPortal.DemoData.Specimens;

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
