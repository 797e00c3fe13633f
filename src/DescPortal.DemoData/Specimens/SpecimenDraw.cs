using System.Text;
using NetVips;

namespace DescPortal.DemoData.Specimens;

/// <summary>Shapes, strokes and text as masks.</summary>
// Its parts: text here (libvips lays it out with Pango), shapes and strokes in SpecimenDraw.Shapes.
internal static partial class SpecimenDraw
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
}
