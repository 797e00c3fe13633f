namespace DescPortal.DemoData.Specimens;

// Optically variable: a diffractive foil and a colour-shifting ink, drawn as one angle under white light shows them.
internal sealed partial class SpecimenParts
{
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
}
