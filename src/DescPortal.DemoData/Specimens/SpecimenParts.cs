namespace DescPortal.DemoData.Specimens;

/// <summary>
/// The printed elements of a data page, each added to a scene with how it shows under White, UV 365 nm and IR.
/// Positions are in millimetres from the page's top-left corner; regions come back in pixels.
/// The inks follow the usual physics of a security document: offset-printed background and text drop out in
/// IR and stay dark under UV on UV-dull paper; the personalisation (laser engraving, MRZ) absorbs IR; fibres,
/// seal and planchettes fluoresce only under UV.
/// </summary>
// Its parts, one file each, by what they draw: here the printing (background net, rosette, rainbow band, text,
// microprint, number, overprint, metameric panel, chip symbol); Personalisation (the holder's data, MRZ, portrait,
// signature, laser perforation and image); OpticallyVariable (foil, ink); Fluorescent (fibres, planchettes, UV seal
// and band).
internal sealed partial class SpecimenParts(SpecimenScene scene, SpecimenState state)
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
}
