namespace DescPortal.DemoData.Specimens;

/// <summary>
/// The printed elements of a data page, each added to a scene with how it shows under White, UV 365 nm and IR.
/// Positions are in millimetres from the page's top-left corner; regions come back in pixels.
/// The inks follow the usual physics of a security document: offset-printed background and text drop out in
/// IR and stay dark under UV on UV-dull paper; the personalisation (laser engraving, MRZ) absorbs IR; fibres,
/// seal and planchettes fluoresce only under UV.
/// </summary>
internal sealed class SpecimenParts(SpecimenScene scene, SpecimenState state)
{
    private const string LabelFont = "DejaVu Sans 4.4";
    private const string ValueFont = "DejaVu Sans Bold 8";
    private const string MicroFont = "DejaVu Sans Mono Bold 1.9";

    private static readonly Rgb Black = Rgb.Hex(0x15171A);
    private static readonly Rgb SignatureBlue = Rgb.Hex(0x233A8C);
    private static readonly Rgb NumberRed = Rgb.Hex(0xC21F36);

    // Offset inks seen on UV-dull paper under a UV lamp: dark, a little darker than the paper.
    private static readonly Paint UvDarkPrint = Paint.Ink(Rgb.Grey(0.55f), 0.6f);
    private static readonly Paint UvDarkText = Paint.Ink(Rgb.Grey(0.45f), 0.8f);
    private static readonly Paint UvDarkPersonalisation = Paint.Ink(Rgb.Grey(0.25f), 0.9f);

    private static double M(double mm) => SpecimenDraw.Mm(mm);

    private static PixelRect Box(double xMm, double yMm, double wMm, double hMm) =>
        new(SpecimenDraw.MmPx(xMm), SpecimenDraw.MmPx(yMm), SpecimenDraw.MmPx(wMm), SpecimenDraw.MmPx(hMm));

    /// <summary>Split-duct ("rainbow") colour across the page: primary at the edges, secondary in the middle.</summary>
    private Func<int, int, Rgb> Rainbow(Rgb a, Rgb b)
    {
        var width = (double)scene.Width;
        return (x, _) => a.Lerp(b, (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * x / width))));
    }

    /// <summary>The woven background net over the whole page, printed in rainbow.</summary>
    public PixelRect Background()
    {
        var g = state.Guilloche;
        var page = scene.Page;
        var reach = g.NetAmplitude * (1 + g.NetModulation) * 2;
        var count = (int)Math.Ceiling((page.Height + (2 * reach)) / g.NetSpacing);
        var a = new WaveFamily(-reach, g.NetSpacing, count, g.NetAmplitude, g.NetWavelength, g.NetPhaseStep,
            LineWidth: 1.0, Modulation: g.NetModulation, ModulationWavelength: page.Width * 0.77);
        var b = a with { PhaseStep = -g.NetPhaseStep, Phase = Math.PI, Y0 = -reach + (g.NetSpacing / 2) };
        var light = Rgb.White;
        scene.Add(() => SpecimenGuilloche.Waves(page, a),
            Paint.Ink(Rainbow(state.Primary.Lerp(light, 0.35f), state.Secondary.Lerp(light, 0.35f)), 0.55f),
            UvDarkPrint, null);
        scene.Add(() => SpecimenGuilloche.Waves(page, b),
            Paint.Ink(Rainbow(state.Secondary.Lerp(light, 0.45f), state.Primary.Lerp(light, 0.45f)), 0.45f),
            UvDarkPrint, null);
        return page;
    }

    /// <summary>A two-colour rosette with a spirograph medallion in its centre.</summary>
    public PixelRect Rosette(double cxMm, double cyMm, double innerMm, int rings)
    {
        var g = state.Guilloche;
        var cx = M(cxMm);
        var cy = M(cyMm);
        var inner = new RosetteFamily(M(innerMm), g.RosetteSpacing, rings, g.RosetteAmplitude, g.RosetteLobes,
            g.RosettePhaseStep, LineWidth: 1.2, Twist: g.RosetteTwist);
        var crossing = inner with { PhaseStep = -g.RosettePhaseStep, Phase = Math.PI / g.RosetteLobes, Twist = -g.RosetteTwist };
        var spiroRadius = M(innerMm) - g.RosetteAmplitude - 6;
        scene.Add(() => SpecimenGuilloche.Rosette(cx, cy, inner),
            Paint.Ink(state.Primary, 0.38f), UvDarkPrint, null);
        scene.Add(() => SpecimenGuilloche.Rosette(cx, cy, crossing),
            Paint.Ink(state.Secondary, 0.34f), UvDarkPrint, null);
        scene.Add(() => SpecimenGuilloche.Spirograph(cx, cy, spiroRadius, g.SpiroBig, g.SpiroSmall, g.SpiroPen, 0.9),
            Paint.Ink(state.Primary.Lerp(state.Secondary, 0.5f), 0.4f), UvDarkPrint, null);
        var outer = M(innerMm) + (rings * g.RosetteSpacing) + g.RosetteAmplitude;
        return PixelRect.Around(cx, cy, outer, outer).Clip(scene.Width, scene.Height);
    }

    /// <summary>A band of fine waves printed in visible rainbow (split duct) ink.</summary>
    public PixelRect RainbowBand(double yMm, double heightMm)
    {
        var band = new PixelRect(0, SpecimenDraw.MmPx(yMm), scene.Width, SpecimenDraw.MmPx(heightMm));
        var g = state.Guilloche;
        var waves = new WaveFamily(band.Y + (band.Height * 0.3), 3.2, 6, band.Height * 0.28, g.NetWavelength * 0.45,
            0.5, LineWidth: 1.3);
        scene.Add(() => SpecimenGuilloche.Waves(band, waves),
            Paint.Ink((x, _) => Rgb.Hsv(0.55f + (0.5f * x / scene.Width), 0.55f, 0.92f), 0.85f),
            UvDarkPrint, null);
        return band;
    }

    /// <summary>Printed text in the state's colour (drops out in IR).</summary>
    public void Print(string text, string font, double xMm, double yMm, Rgb? colour = null) =>
        scene.Add(() => SpecimenDraw.Text(text, font, M(xMm), M(yMm)),
            Paint.Ink(colour ?? state.Text), UvDarkText, Paint.Absorb(0.04f));

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

    /// <summary>Microprint: a word repeated at about 0.25 mm letter height, a line to the naked eye.</summary>
    public (PixelRect Line, PixelRect Error) Microprint(double xMm, double yMm, double widthMm, int errorIndex)
    {
        var line = new PixelRect(SpecimenDraw.MmPx(xMm), SpecimenDraw.MmPx(yMm), SpecimenDraw.MmPx(widthMm), 12);
        // DejaVu Sans Mono advances 0.602 em; at 2.2 pt and 300 dpi a letter is about 5.5 px wide. One letter of
        // the word is left as a gap so that the pitch stays fixed whatever the hinting does.
        var pitch = Math.Ceiling((state.MicroWord.Length + 1) * 0.602 * 1.9 * SpecimenDraw.Dpi / 72);
        var substitutions = errorIndex >= 0 ? new Dictionary<int, string> { [errorIndex] = state.MicroError } : null;
        scene.Add(() => SpecimenDraw.Repeated(state.MicroWord, MicroFont, line, pitch, substitutions),
            Paint.Ink(state.Text, 0.9f), UvDarkPrint, null);
        var error = new PixelRect(line.X + (int)Math.Round(errorIndex * pitch) - 2, line.Y - 2, (int)pitch + 2, line.Height + 4);
        return (line, error);
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

    /// <summary>The red printed document number (fluoresces red under UV, drops out in IR).</summary>
    public PixelRect PrintedNumber(string text, double xMm, double yMm)
    {
        scene.Add(() => SpecimenDraw.Text(text, "DejaVu Sans Mono Bold 9", M(xMm), M(yMm)),
            Paint.Ink(NumberRed), Paint.Glow(Rgb.Hex(0xFF5A4A), 0.9f), Paint.Absorb(0.05f));
        return Box(xMm - 0.5, yMm, (text.Length * 1.95) + 1, 4.6);
    }

    /// <summary>"SPECIMEN" across the page, under every light.</summary>
    public void SpecimenOverprint(double cxMm, double cyMm, double points)
    {
        scene.Add(() => SpecimenDraw.TextAt("SPECIMEN", $"DejaVu Sans Bold {points}", M(cxMm), M(cyMm)).Rotate(16),
            Paint.Ink(Rgb.Hex(0xD7263D), 0.42f), Paint.Glow(Rgb.Hex(0xFF7AA0), 0.35f), Paint.Absorb(0.35f));
    }

    /// <summary>
    /// A panel printed in two metameric inks: uniform under White light; in IR one ink absorbs and a number
    /// appears.
    /// </summary>
    public PixelRect HiddenNumber(double xMm, double yMm, double wMm, double hMm)
    {
        var r = Box(xMm, yMm, wMm, hMm);
        var tone = state.Primary.Lerp(state.Secondary, 0.3f).Lerp(Rgb.White, 0.45f);
        scene.Add(() => SpecimenDraw.RoundRect(r, M(1.2)), Paint.Ink(tone, 0.55f), UvDarkPrint, null);
        scene.Add(() => SpecimenDraw.RoundRectOutline(r, M(1.2), 1.5), Paint.Ink(state.Primary, 0.6f), UvDarkPrint, null);
        scene.Add(() => SpecimenDraw.TextAt(state.HiddenNumber, "DejaVu Sans Bold 11", r.X + (r.Width / 2.0), r.Y + (r.Height / 2.0)),
            null, null, Paint.Absorb(0.8f));
        return r;
    }

    /// <summary>The ICAO chip symbol (printed).</summary>
    public PixelRect ChipSymbol(double xMm, double yMm, double wMm, double hMm)
    {
        var r = Box(xMm, yMm, wMm, hMm);
        var cx = r.X + (r.Width / 2.0);
        var cy = r.Y + (r.Height / 2.0);
        var radius = r.Height * 0.28;
        var stroke = 2.4;
        scene.Add(() => SpecimenDraw.Union(
                SpecimenDraw.RoundRectOutline(r, r.Height * 0.12, stroke),
                SpecimenDraw.Ring(cx, cy, radius, stroke),
                SpecimenDraw.Stroke([(r.X + 4, cy - radius), (r.Right - 4, cy - radius)], stroke),
                SpecimenDraw.Stroke([(r.X + 4, cy + radius), (r.Right - 4, cy + radius)], stroke)),
            Paint.Ink(state.Text, 0.9f), UvDarkText, null);
        return r.Inflate(3);
    }

    /// <summary>
    /// A diffractive foil (DOVID) over the portrait's corner: rainbow sheen with fine diffraction rings and the
    /// state's initial.
    /// </summary>
    public PixelRect Dovid(double cxMm, double cyMm, double radiusMm)
    {
        var cx = M(cxMm);
        var cy = M(cyMm);
        var radius = M(radiusMm);
        var disc = PixelRect.Around(cx, cy, radius + 2, radius + 2);
        var sheen = (Func<int, int, Rgb>)((x, y) =>
        {
            var angle = Math.Atan2(y - cy, x - cx) / (2 * Math.PI);
            var d = Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy))) / radius;
            return Rgb.Hsv((float)((angle * 2) + (d * 0.9)), 0.38f, 1f);
        });
        scene.Add(() => SpecimenDraw.Ellipse(cx, cy, radius, radius), Paint.Cover(sheen, 0.62f), Paint.Ink(Rgb.Grey(0.5f), 0.8f), Paint.Absorb(0.12f));
        scene.Add(() => SpecimenDraw.Field(disc, (x, y) =>
            {
                var d = Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy)));
                return d > radius ? 0 : (float)Math.Pow(0.5 + (0.5 * Math.Cos(d * 0.9)), 6);
            }),
            Paint.Ink(Rgb.Grey(0.7f), 0.35f), null, null);
        scene.Add(() => SpecimenDraw.TextAt(state.Initial, $"DejaVu Serif Bold {radiusMm * 2.4:0.#}", cx, cy),
            Paint.Cover(Rgb.White, 0.55f), null, null);
        scene.Add(() => SpecimenDraw.Ring(cx, cy, radius - 1, 1.6), Paint.Ink(Rgb.Grey(0.55f), 0.7f), null, Paint.Absorb(0.15f));
        return disc;
    }

    /// <summary>
    /// Optically variable ink: an emblem printed with a gold-to-green metallic gradient (White only).
    /// </summary>
    public PixelRect OpticallyVariable(double cxMm, double cyMm, double radiusMm)
    {
        var cx = M(cxMm);
        var cy = M(cyMm);
        var radius = M(radiusMm);
        var gold = Rgb.Hex(0xD9B64E);
        var green = Rgb.Hex(0x5BB07A);
        var shade = (Func<int, int, Rgb>)((x, y) => gold.Lerp(green, (float)Math.Clamp(((x - cx) + (y - cy) + radius) / (2.4 * radius), 0, 1)));
        scene.Add(() => SpecimenDraw.Union(
                SpecimenDraw.Ring(cx, cy, radius * 0.92, M(0.5)),
                Star(cx, cy, radius * 0.72, radius * 0.3, 7)),
            Paint.Cover(shade, 0.9f), UvDarkText, null);
        return PixelRect.Around(cx, cy, radius + 4, radius + 4);
    }

    private static SpecimenMask Star(double cx, double cy, double outer, double inner, int points)
    {
        var box = PixelRect.Around(cx, cy, outer + 2, outer + 2);
        return SpecimenDraw.Field(box, (x, y) =>
        {
            var dx = x - cx;
            var dy = y - cy;
            var r = Math.Sqrt((dx * dx) + (dy * dy));
            var a = Math.Atan2(dy, dx) + (Math.PI / 2);
            var t = Math.Abs(((a * points / (2 * Math.PI)) % 1 + 1) % 1 - 0.5) * 2; // 0 at the points, 1 between
            var edge = outer + ((inner - outer) * t);
            return SpecimenDraw.Cover(r - edge);
        });
    }

    /// <summary>
    /// Fluorescent fibres: short curved threads in the paper, bright under UV; invisible in white light unless
    /// <paramref name="visibleInWhite"/>. Each fibre is its own small layer. Returns the boxes of three fibres
    /// that lie clear of <paramref name="covered"/> (portrait, dark print), for locating the feature.
    /// </summary>
    public IReadOnlyList<PixelRect> Fibres(PixelRect area, int count, bool visibleInWhite = false, params PixelRect[] covered)
    {
        var palette = visibleInWhite
            ? new[] { (Rgb.Hex(0xC8323A), Rgb.Hex(0xFF6A4D)), (Rgb.Hex(0x2F55C8), Rgb.Hex(0x5CA8FF)) }
            : new[] { (Rgb.White, Rgb.Hex(0xFFEE55)), (Rgb.White, Rgb.Hex(0xFF5566)), (Rgb.White, Rgb.Hex(0x55BBFF)) };
        var rng = new SpecimenRandom(state.Seed ^ (visibleInWhite ? 0xB1B1UL : 0xF1B3UL));
        var boxes = new List<PixelRect>();
        for (var i = 0; i < count; i++)
        {
            var x = rng.Range(area.X + 20, area.Right - 20);
            var y = rng.Range(area.Y + 20, area.Bottom - 20);
            var angle = rng.Range(0, 2 * Math.PI);
            var length = M(rng.Range(2.0, 4.2));
            var bend = rng.Range(-0.3, 0.3) * length;
            var (white, uv) = palette[(int)(rng.Next() % (ulong)palette.Length)];
            var brightness = (float)rng.Range(0.7, 1.0);
            var p2 = (X: x + (length * Math.Cos(angle)), Y: y + (length * Math.Sin(angle)));
            var mid = (X: (x + p2.X) / 2, Y: (y + p2.Y) / 2);
            var p1 = (mid.X - (bend * Math.Sin(angle)), mid.Y + (bend * Math.Cos(angle)));
            var points = SpecimenDraw.Bezier((x, y), p1, p2, 14);
            scene.Add(() => SpecimenDraw.Stroke(points, 7, soft: true), null, Paint.Glow(uv, 0.55f * brightness), null);
            scene.Add(() => SpecimenDraw.Stroke(points, visibleInWhite ? 1.3 : 1.5),
                visibleInWhite ? Paint.Ink(white, 0.75f) : null, Paint.Glow(uv.Lerp(Rgb.White, 0.35f), brightness), null);
            var minX = points.Min(p => p.X);
            var minY = points.Min(p => p.Y);
            var box = new PixelRect((int)minX - 6, (int)minY - 6,
                (int)(points.Max(p => p.X) - minX) + 12, (int)(points.Max(p => p.Y) - minY) + 12);
            if (boxes.Count < 3 && box.Clip(scene.Width, scene.Height) == box && !covered.Any(c => c.Intersects(box)))
            {
                boxes.Add(box);
            }
        }
        return boxes;
    }

    /// <summary>Planchettes: small discs in the paper, faint in White, bright under UV.</summary>
    public IReadOnlyList<PixelRect> Planchettes(PixelRect area, int count)
    {
        var rng = new SpecimenRandom(state.Seed ^ 0x91A7UL);
        var boxes = new List<PixelRect>();
        for (var i = 0; i < count; i++)
        {
            var x = rng.Range(area.X + 10, area.Right - 10);
            var y = rng.Range(area.Y + 10, area.Bottom - 10);
            var r = rng.Range(4.5, 7);
            scene.Add(() => SpecimenDraw.Ellipse(x, y, r * 2.2, r * 2.2).Modulate((px, py) =>
                {
                    var d = Math.Sqrt(((px - x) * (px - x)) + ((py - y) * (py - y))) / (r * 2.2);
                    return (float)Math.Pow(Math.Max(0, 1 - d), 2);
                }),
                null, Paint.Glow(Rgb.Hex(0x9DFF6A), 0.6f), null);
            scene.Add(() => SpecimenDraw.Ellipse(x, y, r, r),
                Paint.Ink(state.Secondary.Lerp(Rgb.White, 0.5f), 0.45f), Paint.Glow(Rgb.Hex(0xD8FFB0)), null);
            if (boxes.Count < 3)
            {
                boxes.Add(PixelRect.Around(x, y, r + 6, r + 6).Clip(scene.Width, scene.Height));
            }
        }
        return boxes;
    }

    /// <summary>
    /// The UV seal: rings, the state's name around and its initial in the middle, in invisible fluorescent ink.
    /// </summary>
    public PixelRect UvSeal(double cxMm, double cyMm, double radiusMm)
    {
        var cx = M(cxMm);
        var cy = M(cyMm);
        var radius = M(radiusMm);
        var g = state.Guilloche;
        var mask = new Lazy<SpecimenMask>(() =>
        {
            var parts = new List<SpecimenMask>
            {
                SpecimenDraw.Ring(cx, cy, radius, M(0.45)),
                SpecimenDraw.Ring(cx, cy, radius - M(3.2), M(0.25)),
                SpecimenGuilloche.Rosette(cx, cy, new RosetteFamily(radius * 0.5, 3.5, 6, radius * 0.07, g.RosetteLobes, 0.5, LineWidth: 1.2)),
                SpecimenDraw.TextAt(state.Initial, $"DejaVu Serif Bold {radiusMm * 1.5:0.#}", cx, cy),
            };
            parts.AddRange(CircularText($"{state.Name} ★ ", "DejaVu Sans Bold 6", cx, cy, radius - M(1.6)));
            return SpecimenDraw.Union([.. parts]);
        });
        var glow = new Lazy<SpecimenMask>(() => mask.Value.Blur(3));
        scene.Add(() => glow.Value, null, Paint.Glow(state.UvSeal, 0.55f), null);
        scene.Add(() => mask.Value, null, Paint.Glow(state.UvSeal.Lerp(Rgb.White, 0.25f)), null);
        return PixelRect.Around(cx, cy, radius + 6, radius + 6).Clip(scene.Width, scene.Height);
    }

    private static IEnumerable<SpecimenMask> CircularText(string text, string font, double cx, double cy, double radius)
    {
        var step = 2 * Math.PI / text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                continue;
            }
            var a = (-Math.PI / 2) + (i * step);
            var glyph = SpecimenDraw.TextAt(text[i].ToString(), font, 0, 0).Rotate(-((a * 180 / Math.PI) + 90));
            var gx = cx + (radius * Math.Cos(a));
            var gy = cy + (radius * Math.Sin(a));
            yield return glyph.Translate((int)Math.Round(gx - (glyph.Width / 2.0)), (int)Math.Round(gy - (glyph.Height / 2.0)));
        }
    }

    /// <summary>A band of fine waves in invisible fluorescent ink whose colour runs through the rainbow under UV.</summary>
    public PixelRect UvRainbowBand(double yMm, double heightMm)
    {
        var band = new PixelRect(0, SpecimenDraw.MmPx(yMm), scene.Width, SpecimenDraw.MmPx(heightMm));
        var waves = new WaveFamily(band.Y + (band.Height * 0.25), 4, 8, band.Height * 0.22, 170, 0.45, LineWidth: 1.6);
        var mask = new Lazy<SpecimenMask>(() => SpecimenGuilloche.Waves(band, waves));
        var hue = (Func<int, int, Rgb>)((x, _) => Rgb.Hsv(0.13f + (0.62f * x / scene.Width), 0.85f, 1f));
        scene.Add(() => mask.Value.Blur(2), null, Paint.Glow(hue, 0.5f), null);
        scene.Add(() => mask.Value, null, Paint.Glow(hue, 0.95f), null);
        return band;
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
