using System.Collections.Concurrent;
using System.Security.Cryptography;
using DescPortal.Core;
using DescPortal.Web.Features.ReferenceLibrary;
using NetVips;
using Xunit;
using DescPortal.DemoData.Specimens;

namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>
/// The rendered demo images: decodable PNGs of the declared size and resolution, identical on every render, and
/// showing what each light should show. Set DESC_SPECIMENS_DIR to also write them out for people to look at.
/// </summary>
public sealed class DemoSpecimenImageTests
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Rendered = new(StringComparer.Ordinal);

    private static byte[] Png(DemoSpecimen specimen, DemoImage image) =>
        Rendered.GetOrAdd($"{specimen.Key}-{image.Key}", _ => new Lazy<byte[]>(image.Render)).Value;

    private static byte[] Png(DemoSpecimen specimen, string imageKey) =>
        Png(specimen, specimen.Images.Single(i => i.Key == imageKey));

    private static IEnumerable<(DemoSpecimen Specimen, DemoImage Image)> AllImages() =>
        DemoSpecimens.All.SelectMany(s => s.Images.Select(i => (s, i)));

    private static DemoLocation At(DemoSpecimen specimen, string type, string light, int nth = 0)
    {
        var feature = specimen.Features.First(f => f.Type == type);
        return feature.Locations
            .Where(l => specimen.Images.Single(i => i.Key == l.ImageKey).LightSource == light)
            .ElementAt(nth);
    }

    private static Image Crop(Image image, DemoLocation at) => image.Crop(at.X, at.Y, at.Width, at.Height);

    [Fact]
    public void Every_image_renders_to_a_png_of_its_declared_size_at_300_dpi()
    {
        var dir = Environment.GetEnvironmentVariable("DESC_SPECIMENS_DIR");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        Assert.All(AllImages(), x =>
        {
            var bytes = Png(x.Specimen, x.Image);
            Assert.Equal(ImageKind.Png, ImageContent.Detect(bytes));
            using var decoded = Image.NewFromBuffer(bytes);
            Assert.Equal((x.Image.Width, x.Image.Height), (decoded.Width, decoded.Height));
            Assert.True(Math.Round(decoded.Xres * 25.4) >= 300, $"{x.Image.Key}: {decoded.Xres * 25.4} dpi");
            Assert.Equal(x.Image.LightSource == "IR" ? 1 : 3, decoded.Bands);
            if (!string.IsNullOrEmpty(dir))
            {
                File.WriteAllBytes(Path.Combine(dir, $"{x.Specimen.Key}-{x.Image.Key}.png"), bytes);
            }
        });
    }

    [Fact]
    public void Rendering_again_gives_the_same_bytes()
    {
        Assert.All(AllImages(), x =>
        {
            var first = SHA256.HashData(Png(x.Specimen, x.Image));
            var again = SHA256.HashData(x.Image.Render());
            Assert.True(first.SequenceEqual(again), $"{x.Specimen.Key}/{x.Image.Key} rendered differently");
        });
    }

    [Fact]
    public void Under_uv_the_fibres_and_the_seal_glow_on_dark_paper_where_white_light_shows_none()
    {
        Assert.All(DemoSpecimens.All, s =>
        {
            var seal = At(s, "UvFluorescent", "UV365");
            var fibre = At(s, "InvisibleFibres", "UV365");
            var side = seal.ImageKey[..seal.ImageKey.LastIndexOf('-')];
            using var uv = Image.NewFromBuffer(Png(s, seal.ImageKey));
            using var white = Image.NewFromBuffer(Png(s, side + "-white"));
            using var uvSeal = Crop(uv, seal);
            using var whiteSeal = Crop(white, seal);
            using var uvFibres = Image.NewFromBuffer(Png(s, fibre.ImageKey));
            using var uvFibre = Crop(uvFibres, fibre);

            var paper = uv.Avg();
            Assert.True(paper < 70, $"{s.Key}: UV-dull paper should be dark, mean {paper:0}");
            Assert.True(uvSeal.Avg() > paper + 12 && uvSeal.Max() > 200,
                $"{s.Key}: seal under UV mean {uvSeal.Avg():0} max {uvSeal.Max():0}, paper {paper:0}");
            Assert.True(whiteSeal.Avg() - uvSeal.Avg() > 80,
                $"{s.Key}: seal region white {whiteSeal.Avg():0} vs UV {uvSeal.Avg():0}");
            Assert.True(uvFibre.Max() > 150, $"{s.Key}: fibre under UV max {uvFibre.Max():0}");
        });
    }

    [Fact]
    public void Under_ir_the_mrz_stays_black_while_the_guilloche_drops_out()
    {
        Assert.All(DemoSpecimens.All, s =>
        {
            var mrz = At(s, "Mrz", "IR");
            var plain = At(s, "IrDropOut", "IR");
            var side = plain.ImageKey[..plain.ImageKey.LastIndexOf('-')];
            using var ir = Image.NewFromBuffer(Png(s, plain.ImageKey));
            using var white = Image.NewFromBuffer(Png(s, side + "-white"));
            using var irPlain = Crop(ir, plain);
            using var whitePlain = Crop(white, plain);
            using var irMrzImage = Image.NewFromBuffer(Png(s, mrz.ImageKey));
            using var irMrz = Crop(irMrzImage, mrz);

            Assert.True(irPlain.Avg() > 200 && irPlain.Deviate() < 3,
                $"{s.Key}: guilloche under IR mean {irPlain.Avg():0} deviation {irPlain.Deviate():0.0}");
            Assert.True(whitePlain.Deviate() > 8,
                $"{s.Key}: the same guilloche in white light should show lines, deviation {whitePlain.Deviate():0.0}");
            Assert.True(irMrz.Min() < 40 && irMrz.Deviate() > 40,
                $"{s.Key}: MRZ under IR min {irMrz.Min():0} deviation {irMrz.Deviate():0.0}");
        });
    }

    [Fact]
    public void The_metameric_number_shows_only_in_ir()
    {
        Assert.All(DemoSpecimens.All.Where(s => s.Features.Any(f => f.Type == "Metameric")), s =>
        {
            var inWhite = At(s, "Metameric", "White");
            var inIr = At(s, "Metameric", "IR");
            using var white = Image.NewFromBuffer(Png(s, inWhite.ImageKey));
            using var ir = Image.NewFromBuffer(Png(s, inIr.ImageKey));
            // Inside the panel's frame: uniform in white light, a dark number in IR.
            using var whitePanel = white.Crop(inWhite.X + 8, inWhite.Y + 8, inWhite.Width - 16, inWhite.Height - 16);
            using var irPanel = ir.Crop(inIr.X + 8, inIr.Y + 8, inIr.Width - 16, inIr.Height - 16);

            Assert.True(irPanel.Min() < 80, $"{s.Key}: no number in IR (min {irPanel.Min():0})");
            Assert.True(irPanel.Deviate() > whitePanel.Deviate() + 10,
                $"{s.Key}: IR deviation {irPanel.Deviate():0.0} vs white {whitePanel.Deviate():0.0}");
        });
    }
}
