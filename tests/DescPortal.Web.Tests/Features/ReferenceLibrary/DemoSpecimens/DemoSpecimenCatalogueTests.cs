using DescPortal.Core;
using DescPortal.Web.Features.ReferenceLibrary;
using Xunit;
using DescPortal.DemoData.Specimens;

// Not in a ...DemoSpecimens namespace: that would hide the DemoSpecimens class from code in ReferenceLibrary.
namespace DescPortal.Web.Tests.Features.ReferenceLibrary;

/// <summary>What the demo specimen set describes: pure data, no rendering, no host.</summary>
public sealed class DemoSpecimenCatalogueTests
{
    private static readonly Dictionary<string, string[]> FeatureTypes = new(StringComparer.Ordinal)
    {
        ["Substrate"] = ["Watermark", "InvisibleFibres", "VisibleFibres", "UvDullPaper", "SecurityThread", "Planchettes"],
        ["SecurityPrinting"] = ["Guilloche", "RainbowPrinting", "Microprinting", "IntaglioLatentImage", "SeeThroughRegister", "DeliberateError"],
        ["Ink"] = ["UvFluorescent", "OpticallyVariable", "IrAbsorbing", "IrDropOut", "Metameric"],
        ["Numbering"] = ["Printed", "LaserPerforated"],
        ["CopyProtection"] = ["Dovid", "MultipleLaserImage"],
        ["Personalisation"] = ["LaserEngraving", "Inkjet"],
        ["PersonalisationProtection"] = ["GhostImage", "SecureLaminate"],
        ["Electronic"] = ["Mrz", "ContactlessChip"],
    };

    [Fact]
    public void The_set_has_the_utopian_passport_card_and_visa_and_a_passport_of_two_more_fictitious_states()
    {
        var all = DemoSpecimens.All;

        Assert.Contains(all, s => s is { IssuingState: "UTO", DocumentType: "Passport", Format: "TD3" });
        Assert.Contains(all, s => s is { IssuingState: "UTO", DocumentType: "IdentityCard", Format: "TD1" });
        Assert.Contains(all, s => s is { IssuingState: "UTO", DocumentType: "Visa" });
        Assert.Contains(all, s => s is { IssuingState: "XXA", DocumentType: "Passport", Format: "TD3" });
        Assert.Contains(all, s => s is { IssuingState: "XXB", DocumentType: "Passport", Format: "TD3" });
        Assert.Equal(all.Count, all.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, s => Assert.True(s.IssuingState is "UTO" || s.IssuingState.StartsWith("XX", StringComparison.Ordinal),
            $"{s.Key}: only fictitious states ({s.IssuingState})"));
    }

    [Fact]
    public void Every_specimen_has_its_data_page_under_white_uv_and_ir_at_300_dpi_or_more()
    {
        Assert.All(DemoSpecimens.All, s =>
        {
            Assert.Equal(s.Images.Count, s.Images.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count());
            foreach (var light in new[] { "White", "UV365", "IR" })
            {
                Assert.Contains(s.Images, i => i.Area == "DataPage" && i.LightSource == light);
            }
            Assert.All(s.Images, i =>
            {
                Assert.True(i.Dpi >= 300, $"{s.Key}/{i.Key} at {i.Dpi} dpi");
                Assert.True(Code.TryParse<LightSource>(i.LightSource, out _), i.LightSource);
                Assert.True(Code.TryParse<DocumentArea>(i.Area, out _), i.Area);
            });
            Assert.True(Code.TryParse<DocumentType>(s.DocumentType, out _), s.DocumentType);
            Assert.Contains(s.Format, new[] { "TD3", "TD1", "Other" });
        });
    }

    [Fact]
    public void Data_pages_have_their_real_size_at_300_dpi()
    {
        var passport = DemoSpecimens.All.First(s => s.Format == "TD3").Images[0];
        var card = DemoSpecimens.All.First(s => s.Format == "TD1").Images[0];
        var visa = DemoSpecimens.All.First(s => s.DocumentType == "Visa").Images[0];

        Assert.Equal((1476, 1039), (passport.Width, passport.Height)); // 125 x 88 mm
        Assert.Equal((1011, 638), (card.Width, card.Height)); // 85.6 x 54 mm
        Assert.Equal((1417, 945), (visa.Width, visa.Height)); // MRV-A, 120 x 80 mm
    }

    [Fact]
    public void Features_use_the_vocabulary_and_every_location_is_inside_an_image_lit_as_the_feature_shows()
    {
        Assert.All(DemoSpecimens.All, s => Assert.All(s.Features, f =>
        {
            var what = $"{s.Key} {f.Category}/{f.Type}";
            Assert.True(FeatureTypes.TryGetValue(f.Category, out var types), what);
            Assert.Contains(f.Type, types!);
            Assert.InRange(f.InspectionLevel, 1, 3);
            Assert.NotEmpty(f.LightSources);
            Assert.All(f.LightSources, l => Assert.True(Code.TryParse<LightSource>(l, out _), $"{what}: {l}"));
            Assert.False(string.IsNullOrWhiteSpace(f.Description), what);
            Assert.NotEmpty(f.Locations);
            Assert.All(f.Locations, at =>
            {
                var image = s.Images.SingleOrDefault(i => i.Key == at.ImageKey);
                Assert.True(image is not null, $"{what}: no image {at.ImageKey}");
                Assert.Contains(image!.LightSource, f.LightSources);
                Assert.True(at.Width > 0 && at.Height > 0, $"{what}: empty location on {at.ImageKey}");
                Assert.True(at.X >= 0 && at.Y >= 0 && at.X + at.Width <= image.Width && at.Y + at.Height <= image.Height,
                    $"{what}: ({at.X},{at.Y} {at.Width}x{at.Height}) outside {at.ImageKey} {image.Width}x{image.Height}");
            });
        }));
    }

    [Fact]
    public void Passports_have_at_least_eight_features_across_inspection_levels_one_and_two_cards_and_visas_five()
    {
        Assert.All(DemoSpecimens.All, s =>
        {
            if (s.DocumentType == "Passport")
            {
                Assert.True(s.Features.Count >= 8, $"{s.Key}: {s.Features.Count} features");
                Assert.Contains(s.Features, f => f.InspectionLevel == 1);
                Assert.Contains(s.Features, f => f.InspectionLevel == 2);
                Assert.Contains(s.Features, f => f.InspectionLevel == 3);
            }
            else
            {
                Assert.True(s.Features.Count >= 5, $"{s.Key}: {s.Features.Count} features");
            }
            // The light switch must matter: features that show only under UV, and the MRZ located under IR.
            Assert.Contains(s.Features, f => f.LightSources.SequenceEqual(["UV365"]));
            Assert.Contains(s.Features, f => f is { Category: "Electronic", Type: "Mrz" }
                && f.Locations.Any(l => s.Images.Single(i => i.Key == l.ImageKey).LightSource == "IR"));
        });
    }
}
