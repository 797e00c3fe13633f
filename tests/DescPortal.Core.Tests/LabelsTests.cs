using System.Collections;
using System.Globalization;
using System.Resources;
using DescPortal.Core.Opinion;
using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Core.Tests;

// The vocabularies' labels in Resources/Labels.resx: one for every value of every labelled vocabulary, none for
// anything else, in the words pages and reports have always shown.
public class LabelsTests
{
    private static readonly Type[] Vocabularies =
    [
        typeof(DocumentType), typeof(LightSource), typeof(DocumentArea), typeof(ReferralStatus), typeof(Sex),
        typeof(SpecimenStatus), typeof(CorrectionStatus), typeof(DocumentFormat), typeof(Finding), typeof(FraudType),
        typeof(ForgerySubType), typeof(EvaluativeSupport), typeof(SecurityFeatureCategory), typeof(Core.Referrals.EvidenceUse),
    ];

    private static HashSet<string> Keys() =>
        new ResourceManager("DescPortal.Core.Resources.Labels", typeof(Labels).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryValueOfEveryVocabularyHasALabelAndEveryLabelAValue()
    {
        var expected = Vocabularies
            .SelectMany(t => Enum.GetValues(t).Cast<Enum>().Select(Labels.KeyOf))
            .Concat(SecurityFeatureTaxonomy.All.Select(t => $"SecurityFeatureType.{t.Code}"))
            .Concat(["Sex.Unknown", "InspectionLevel.1", "InspectionLevel.2", "InspectionLevel.3", "InspectionLevel.Other"])
            .ToHashSet(StringComparer.Ordinal);
        var keys = Keys();

        Assert.Empty(expected.Except(keys).Select(k => $"{k} has no label in Resources/Labels.resx"));
        Assert.Empty(keys.Except(expected).Select(k => $"Resources/Labels.resx labels {k}, which is no vocabulary value"));
    }

    [Fact]
    public void LabelsReadAsPagesAndReportsShowThem()
    {
        Assert.Equal("UV 365 nm (long-wave)", Labels.Of(LightSource.UV365, CultureInfo.InvariantCulture));
        Assert.Equal("Forged (falsified)", Labels.Of(FraudType.Forged, CultureInfo.InvariantCulture));
        Assert.Equal("moderately strong support", Labels.Of(EvaluativeSupport.ModeratelyStrong, CultureInfo.InvariantCulture));
        Assert.Equal("Inks", Labels.Of(SecurityFeatureCategory.Ink, CultureInfo.InvariantCulture));
        Assert.Equal("Optically variable ink (OVI)", Labels.OfFeatureType("OpticallyVariable", CultureInfo.InvariantCulture));
        Assert.Equal("Level 2 · simple tools (loupe, UV lamp)", Labels.OfInspectionLevel(2, CultureInfo.InvariantCulture));
        Assert.Equal("Other level", Labels.OfInspectionLevel(7, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AValueWithoutALabelReadsAsItsCodesWords()
    {
        Assert.Equal("Routine", Labels.Of(Urgency.Routine));
        Assert.Equal("Referral submitted", Labels.Words("ReferralSubmitted"));
        Assert.Equal("Nonsense", Labels.OfFeatureType("Nonsense"));
    }

    [Fact]
    public void ACultureWithoutLabelsReadsTheEnglishOnes()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("Consistent with the genuine", Labels.Of(Finding.Consistent));
            Assert.Equal("UV-fluorescent ink", SecurityFeatureTaxonomy.LabelOf(SecurityFeatureCategory.Ink, "UvFluorescent"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
