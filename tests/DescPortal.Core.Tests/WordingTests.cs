using System.Globalization;
using System.Resources;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests;

// How a code becomes words: the entry of the UI culture (a satellite) or else the English one, with its arguments
// written the same in every culture. Resources/TestWording*.resx hold a tiny English entry and its French.
public class WordingTests
{
    private static readonly ResourceManager TestWording = new("DescPortal.Core.Tests.Resources.TestWording", typeof(WordingTests).Assembly);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly object?[] GreetingArguments = [1234, 0.5, new List<string> { "White", "IR", "UV365" }, 1, new Phrase("weekday")];

    [Fact]
    public void AnEntryOfTheUiCultureIsPickedUpFromItsSatellite()
    {
        Assert.Equal("1234 pixels pour 0.5 mm ; White, IR ou UV365 ; 1 document ; lundi",
            Wording.Of(TestWording, "greeting", GreetingArguments, French));
    }

    [Fact]
    public void ACultureWithoutEntriesReadsTheEnglishOne()
    {
        Assert.Equal("1234 pixels for 0.5 mm; White, IR or UV365; 1 document; Monday",
            Wording.Of(TestWording, "greeting", GreetingArguments, German));
        Assert.Equal("Only in English: 3", Wording.Of(TestWording, "english-only", [3], French));
    }

    [Fact]
    public void ATranslationThatNamesAnArgumentTheCodeDoesNotHaveFallsBackToEnglish()
    {
        Assert.Equal("Only in English, badly translated: 3", Wording.Of(TestWording, "english-only-broken", [3], French));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("hi-IN")]
    public void NumbersAndDatesAreWrittenTheSameInEveryCulture(string culture)
    {
        var words = Wording.Of(TestWording, "greeting", [12345.75, 2.5, Array.Empty<string>(), 2, new DateOnly(2026, 12, 1)],
            CultureInfo.GetCultureInfo(culture));

        Assert.StartsWith("12345.75 pixels", words, StringComparison.Ordinal);
        Assert.Contains("2.5 mm", words, StringComparison.Ordinal);
        Assert.Contains("2 documents", words, StringComparison.Ordinal);
        Assert.EndsWith("12/01/2026", words, StringComparison.Ordinal);
    }

    [Fact]
    public void CoresEnglishIsReadInAnyUiCultureWithoutItsOwnEntries()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = German;
        try
        {
            var error = new FieldError("reason", Refusals.Referral.TextTooLong, [new Phrase(Refusals.Referral.Field.Reason), 2000, 2001]);

            Assert.Equal("Reason for suspicion must be at most 2000 characters; it has 2001.", error.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void ACodeWithoutAnEntryReadsAsItself()
    {
        Assert.Equal("no.such-code", new DomainException("no.such-code", 1, 2).Message);
        Assert.Equal("{0} is not formatted", Wording.Of("{0} is not formatted", []));
    }

    [Fact]
    public void ARefusalKeepsItsCodeAndArgumentsForOtherSystems()
    {
        var refusal = new DomainException(new Phrase(Refusals.Referral.ImagesTooMany, 20, 21));

        Assert.Equal("referral.images.too-many", refusal.Code);
        Assert.Equal([20, 21], refusal.Arguments);
        Assert.Equal("A referral can carry at most 20 images; this one has 21.", refusal.MessageIn(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SeveralProblemsAreWordedOneAfterTheOther()
    {
        var refusal = new DomainException(Refusals.Several, new List<Phrase>
        {
            new(Refusals.Referral.SurnameRequired),
            new(Refusals.Referral.ImagesTooMany, 2, 3),
        });

        Assert.Equal("Surname is required. A referral can carry at most 2 images; this one has 3.", refusal.MessageIn(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1, "its image and 1 document")]
    [InlineData(3, "its 3 images and 3 documents")]
    public void AnEntryOfAnotherResourceSetChoosesItsFormsByTheSameRule(int count, string expected) =>
        Assert.Equal(expected, Wording.Format("{0:its image|its # images} and {0} {0:document|documents}", [count], German));
}
