using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Core.Tests.ReferenceLibrary;

public class SecurityFeatureTaxonomyTests
{
    // The categories and types of domain.md (ICAO 9303 Part 2, App. A, Table A-1), verbatim: stored events carry them.
    [Fact]
    public void TheTaxonomyIsExactlyThatOfTheDomain()
    {
        Assert.Equal(
            ["Substrate", "SecurityPrinting", "Ink", "Numbering", "CopyProtection", "Personalisation",
             "PersonalisationProtection", "Booklet", "Electronic"],
            Enum.GetNames<SecurityFeatureCategory>());
        Assert.Equal(["TD1", "TD2", "TD3", "Other"], Enum.GetNames<DocumentFormat>());

        string[] Codes(SecurityFeatureCategory c) => [.. SecurityFeatureTaxonomy.TypesOf(c).Select(t => t.Code)];
        Assert.Equal(["UvDullPaper", "Watermark", "ChemicalSensitisers", "VisibleFibres", "InvisibleFibres", "Planchettes",
            "SecurityThread", "Taggants", "LaserPerforation", "Polycarbonate"], Codes(SecurityFeatureCategory.Substrate));
        Assert.Equal(["Guilloche", "RainbowPrinting", "Microprinting", "IntaglioLatentImage", "AntiScanPattern", "DuplexPattern",
            "Relief", "SeeThroughRegister", "DeliberateError", "UniqueTypeface"], Codes(SecurityFeatureCategory.SecurityPrinting));
        Assert.Equal(["UvFluorescent", "Reactive", "OpticallyVariable", "Metallic", "PenetratingNumbering", "Metameric",
            "IrDropOut", "IrAbsorbing", "Phosphorescent", "Tagged", "AntiStokes", "Magnetic"], Codes(SecurityFeatureCategory.Ink));
        Assert.Equal(["Printed", "LaserPerforated"], Codes(SecurityFeatureCategory.Numbering));
        Assert.Equal(["Dovid", "MultipleLaserImage", "RetroReflectiveLaminate"], Codes(SecurityFeatureCategory.CopyProtection));
        Assert.Equal(["LaserEngraving", "Inkjet", "ThermalTransfer", "Toner", "Photographic"],
            Codes(SecurityFeatureCategory.Personalisation));
        Assert.Equal(["BackgroundMergedPortrait", "OvdOverPortrait", "SecureLaminate", "GhostImage", "Steganography"],
            Codes(SecurityFeatureCategory.PersonalisationProtection));
        Assert.Equal(["Stitching", "UvFluorescentThread", "PageNumbering"], Codes(SecurityFeatureCategory.Booklet));
        Assert.Equal(["Mrz", "ContactlessChip", "VisibleDigitalSeal"], Codes(SecurityFeatureCategory.Electronic));
        Assert.Equal(53, SecurityFeatureTaxonomy.All.Count);
    }

    [Fact]
    public void EveryTypeCodeIsUniqueAndLabelled()
    {
        Assert.Equal(SecurityFeatureTaxonomy.All.Count, SecurityFeatureTaxonomy.All.Select(t => t.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(SecurityFeatureTaxonomy.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Label));
            Assert.Equal(t.Label, SecurityFeatureTaxonomy.LabelOf(t.Category, t.Code));
        });
        Assert.Equal(9, Enum.GetValues<SecurityFeatureCategory>().Select(SecurityFeatureTaxonomy.LabelOf).Distinct().Count());
        Assert.Equal("Protection against copying", SecurityFeatureTaxonomy.LabelOf(SecurityFeatureCategory.CopyProtection));
    }

    [Theory]
    [InlineData(SecurityFeatureCategory.Substrate, "Watermark", true)]
    [InlineData(SecurityFeatureCategory.Ink, "UvFluorescent", true)]
    [InlineData(SecurityFeatureCategory.Electronic, "VisibleDigitalSeal", true)]
    [InlineData(SecurityFeatureCategory.Ink, "Watermark", false)]
    [InlineData(SecurityFeatureCategory.Booklet, "UvFluorescent", false)]
    [InlineData(SecurityFeatureCategory.Ink, "uvfluorescent", false)]
    [InlineData(SecurityFeatureCategory.Ink, "", false)]
    [InlineData(SecurityFeatureCategory.Ink, null, false)]
    [InlineData((SecurityFeatureCategory)99, "Watermark", false)]
    public void IsValidAcceptsOnlyACategorysOwnTypesSpeltAsStored(SecurityFeatureCategory category, string? type, bool expected)
    {
        Assert.Equal(expected, SecurityFeatureTaxonomy.IsValid(category, type));
    }

    [Fact]
    public void TypesAreParsedIgnoringCaseIntoTheirStoredSpelling()
    {
        Assert.True(SecurityFeatureTaxonomy.TryParseType(SecurityFeatureCategory.Ink, " uvfluorescent ", out var type));
        Assert.Equal("UvFluorescent", type);
        Assert.False(SecurityFeatureTaxonomy.TryParseType(SecurityFeatureCategory.Substrate, "UvFluorescent", out _));
    }

    [Fact]
    public void LabelsReadAsExaminersSayThem()
    {
        Assert.Equal("UV-fluorescent ink", SecurityFeatureTaxonomy.LabelOf(SecurityFeatureCategory.Ink, "UvFluorescent"));
        Assert.Equal("Diffractive optically variable image device (DOVID)",
            SecurityFeatureTaxonomy.LabelOf(SecurityFeatureCategory.CopyProtection, "Dovid"));
        Assert.Equal("Nonsense", SecurityFeatureTaxonomy.LabelOf(SecurityFeatureCategory.Ink, "Nonsense"));
    }
}
