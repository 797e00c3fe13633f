namespace DescPortal.DemoData.Specimens;

/// <summary>The lights a demo data page is rendered under (the codes of the LightSource vocabulary).</summary>
internal enum SpecimenLight
{
    White,
    UV365,
    IR,
}

/// <summary>
/// One page as a stack of printed elements, each with what it looks like under White, UV 365 nm and IR light,
/// plus the named regions (in pixels) that the security features point at. Building a scene is cheap: the masks
/// are only computed when a light that shows them is rendered.
/// </summary>
internal sealed class SpecimenScene
{
    private readonly List<Layer> _layers = [];
    private readonly Dictionary<string, PixelRect> _regions = new(StringComparer.Ordinal);

    public SpecimenScene(double widthMm, double heightMm, Rgb paper, Rgb uvPaper, float irPaper)
    {
        Width = SpecimenDraw.MmPx(widthMm);
        Height = SpecimenDraw.MmPx(heightMm);
        Paper = paper;
        UvPaper = uvPaper;
        IrPaper = irPaper;
    }

    public int Width { get; }
    public int Height { get; }
    public Rgb Paper { get; }
    public Rgb UvPaper { get; }
    public float IrPaper { get; }

    public PixelRect Page => new(0, 0, Width, Height);

    public void Add(Func<SpecimenMask> mask, Paint? white, Paint? uv, Paint? ir) =>
        _layers.Add(new Layer(mask, white, uv, ir));

    /// <summary>Names a region of the page (clipped to it) for the features to locate.</summary>
    public PixelRect Region(string name, PixelRect rect)
    {
        var clipped = rect.Clip(Width, Height);
        _regions[name] = clipped;
        return clipped;
    }

    public PixelRect this[string region] => _regions[region];

    public byte[] Render(SpecimenLight light)
    {
        var paper = light switch
        {
            SpecimenLight.White => Paper,
            SpecimenLight.UV365 => UvPaper,
            _ => Rgb.Grey(IrPaper),
        };
        var canvas = new SpecimenCanvas(Width, Height, paper);
        foreach (var layer in _layers)
        {
            var paint = light switch
            {
                SpecimenLight.White => layer.White,
                SpecimenLight.UV365 => layer.Uv,
                _ => layer.Ir,
            };
            if (paint is not null)
            {
                canvas.Apply(layer.Mask(), paint);
            }
        }
        return canvas.EncodePng(SpecimenDraw.Dpi, greyscale: light == SpecimenLight.IR);
    }

    private sealed record Layer(Func<SpecimenMask> Mask, Paint? White, Paint? Uv, Paint? Ir);
}
