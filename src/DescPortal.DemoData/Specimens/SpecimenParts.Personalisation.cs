namespace DescPortal.DemoData.Specimens;

// Personalisation: what each document carries for its holder (data, MRZ, portrait, signature, laser perforation, MLI).
internal sealed partial class SpecimenParts
{
    /// <summary>A label (printed) above its value (personalised: IR-absorbing).</summary>
    public PixelRect Field(string label, string value, double xMm, double yMm)
    {
        Print(label, LabelFont, xMm, yMm, state.Text.Lerp(Rgb.White, 0.15f));
        Personalise(value, ValueFont, xMm, yMm + 1.9);
        return Box(xMm, yMm, Math.Max(8, value.Length * 2.0), 5.2);
    }

    /// <summary>Laser-engraved (or inkjet) personal data: black, absorbs IR.</summary>
    public void Personalise(string text, string font, double xMm, double yMm) =>
        scene.Add(() => SpecimenDraw.Text(text, font, M(xMm), M(yMm)),
            Paint.Ink(Black), UvDarkPersonalisation, Paint.Absorb(0.92f));

    /// <summary>The MRZ in OCR-B-like monospace at 10 characters per inch; IR-absorbing.</summary>
    public PixelRect Mrz(IReadOnlyList<string> lines, double xMm, double firstLineMm, double lineStepMm)
    {
        const string font = "DejaVu Sans Mono 11";
        var pitch = M(2.54);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var y = M(firstLineMm + (i * lineStepMm));
            scene.Add(() => SpecimenDraw.Monospaced(line, font, M(xMm), y, pitch, M(5)),
                Paint.Ink(Black), UvDarkPersonalisation, Paint.Absorb(0.95f));
        }
        var width = lines.Max(l => l.Length) * 2.54;
        return Box(xMm - 1, firstLineMm - 0.4, width + 2, (lines.Count - 1) * lineStepMm + 4.6);
    }

    /// <summary>A grey portrait placeholder: head and shoulders in a frame (laser-engraved: absorbs IR).</summary>
    public PixelRect Portrait(double xMm, double yMm, double wMm, double hMm)
    {
        var r = Box(xMm, yMm, wMm, hMm);
        var backdrop = Rgb.Hex(0xDADFE4);
        scene.Add(() => SpecimenMask.Full(r),
            Paint.Cover((_, y) => backdrop.Lerp(Rgb.Hex(0xEEF0F2), (float)(y - r.Y) / r.Height)),
            Paint.Ink(Rgb.Grey(0.55f)), Paint.Absorb(0.08f));
        scene.Add(() => Silhouette(r), Paint.Ink(Rgb.Hex(0x737B84)), Paint.Ink(Rgb.Grey(0.35f)), Paint.Absorb(0.6f));
        scene.Add(() => SpecimenDraw.RoundRectOutline(r, 0, 2), Paint.Ink(Rgb.Grey(0.45f)), UvDarkText, Paint.Absorb(0.3f));
        return r;
    }

    /// <summary>The ghost image: a small, faint second portrait printed into the background.</summary>
    public PixelRect Ghost(double xMm, double yMm, double wMm, double hMm)
    {
        var r = Box(xMm, yMm, wMm, hMm);
        scene.Add(() => Silhouette(r), Paint.Ink(state.Text.Lerp(Rgb.White, 0.25f), 0.35f), UvDarkPrint, Paint.Absorb(0.2f));
        scene.Add(() => SpecimenDraw.RoundRectOutline(r, 8, 1.2), Paint.Ink(state.Text, 0.25f), null, null);
        return r;
    }

    private static SpecimenMask Silhouette(PixelRect r)
    {
        var cx = r.X + (r.Width / 2.0);
        var headRx = r.Width * 0.2;
        var headRy = r.Height * 0.2;
        var headCy = r.Y + (r.Height * 0.38);
        var shoulderRx = r.Width * 0.48;
        var shoulderRy = r.Height * 0.3;
        var shoulderCy = r.Y + (r.Height * 1.02);
        var neckW = r.Width * 0.16;
        return SpecimenDraw.Field(r, (x, y) =>
        {
            var head = SpecimenDraw.EllipseDistance(x - cx, y - headCy, headRx, headRy);
            var shoulders = SpecimenDraw.EllipseDistance(x - cx, y - shoulderCy, shoulderRx, shoulderRy);
            var neck = Math.Max(Math.Abs(x - cx) - (neckW / 2), Math.Max(headCy - y, y - (shoulderCy - shoulderRy + 5)));
            return SpecimenDraw.Cover(Math.Min(head, Math.Min(shoulders, neck)));
        });
    }

    /// <summary>A handwritten-looking signature (ballpoint: drops out in IR).</summary>
    public PixelRect Signature(double xMm, double yMm, double wMm, double hMm)
    {
        var r = Box(xMm, yMm, wMm, hMm);
        var rng = new SpecimenRandom(state.Seed ^ 0x5167);
        var points = new List<(double X, double Y)>();
        var loops = 7;
        var steps = 500;
        var amp = new double[loops + 2];
        for (var i = 0; i < amp.Length; i++)
        {
            amp[i] = rng.Range(0.45, 1.0);
        }
        for (var s = 0; s <= steps; s++)
        {
            var t = s / (double)steps;
            var phase = t * loops * 2 * Math.PI;
            var k = Math.Min(loops, (int)(t * loops));
            var a = amp[k] * r.Height * 0.38;
            var x = r.X + (t * r.Width * 0.9) + (Math.Sin(phase) * r.Height * 0.16);
            var y = r.Y + (r.Height * 0.55) - (Math.Cos(phase) * a) + (t * r.Height * 0.1);
            points.Add((x, y));
        }
        // The underline flourish.
        points.AddRange(SpecimenDraw.Bezier(points[^1], (r.X + (r.Width * 0.5), r.Bottom + 2), (r.X + (r.Width * 0.08), r.Y + (r.Height * 0.8)), 60));
        scene.Add(() => SpecimenDraw.Stroke(points, 2.2), Paint.Ink(SignatureBlue), UvDarkText, null);
        return r;
    }

    /// <summary>A laser-perforated number: holes in a dot grid, showing dark in reflected light.</summary>
    public PixelRect LaserPerforation(string text, double xMm, double yMm, double heightMm)
    {
        var pitch = M(0.55);
        var rows = (int)Math.Round(M(heightMm) / pitch);
        var x0 = M(xMm);
        var y0 = M(yMm);
        var width = text.Length * heightMm * 0.72;
        var mask = new Lazy<SpecimenMask>(() =>
        {
            var glyphs = SpecimenDraw.Text(text, $"DejaVu Sans Mono Bold {heightMm * 72 / 25.4 * 1.3:0.#}", 0, 0);
            var holes = SpecimenMask.Empty(new PixelRect((int)x0 - 4, (int)y0 - 4, (int)(glyphs.Width * 1.0) + 8, (int)M(heightMm) + 8));
            var sx = glyphs.Width / Math.Max(1.0, Math.Round(glyphs.Width / pitch));
            for (var row = 0; row < rows; row++)
            {
                for (var col = 0; col * sx < glyphs.Width; col++)
                {
                    var gx = (int)(col * sx);
                    var gy = (int)(row * pitch * glyphs.Height / M(heightMm));
                    if (gy < glyphs.Height && gx < glyphs.Width && glyphs.At(gx, gy) > 0.5f)
                    {
                        holes.Union(SpecimenDraw.Ellipse(x0 + (col * sx), y0 + (row * pitch), 2.4, 2.4));
                    }
                }
            }
            return holes;
        });
        scene.Add(() => mask.Value, Paint.Ink(Rgb.Grey(0.35f), 0.9f), Paint.Ink(Rgb.Grey(0.1f)), Paint.Absorb(0.55f));
        return Box(xMm - 0.5, yMm - 0.5, width + 1, heightMm + 1);
    }

    /// <summary>
    /// A multiple laser image window: lens ridges over a small portrait and the expiry date, engraved.
    /// </summary>
    public PixelRect MultipleLaserImage(double xMm, double yMm, double wMm, double hMm, string engraved)
    {
        var r = Box(xMm, yMm, wMm, hMm);
        scene.Add(() => SpecimenDraw.RoundRect(r, M(1)), Paint.Ink(Rgb.Grey(0.9f)), Paint.Ink(Rgb.Grey(0.5f)), null);
        scene.Add(() => SpecimenDraw.Field(r, (x, _) => (float)Math.Pow(0.5 + (0.5 * Math.Cos(x * 2 * Math.PI / 5)), 4)),
            Paint.Ink(Rgb.Grey(0.75f), 0.5f), null, null);
        var face = new PixelRect(r.X + (r.Width / 5), r.Y + 6, r.Width * 3 / 5, r.Height * 3 / 5);
        scene.Add(() => Silhouette(face), Paint.Ink(Rgb.Grey(0.45f)), UvDarkText, Paint.Absorb(0.55f));
        scene.Add(() => SpecimenDraw.TextCentred(engraved, "DejaVu Sans Mono Bold 5", r.X + (r.Width / 2.0), r.Bottom - M(3)),
            Paint.Ink(Rgb.Grey(0.2f)), UvDarkText, Paint.Absorb(0.8f));
        return r;
    }
}
