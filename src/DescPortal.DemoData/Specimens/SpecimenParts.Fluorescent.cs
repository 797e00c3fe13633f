namespace DescPortal.DemoData.Specimens;

// Fluorescent: fibres and planchettes in the paper, and inks, that are faint or absent in white light and glow under UV.
internal sealed partial class SpecimenParts
{
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
}
