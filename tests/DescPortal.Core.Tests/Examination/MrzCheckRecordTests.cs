using System.Text.Json;
using DescPortal.Core.Examination;
using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Examination;

// Given a case in examination, when the examiner checks a document's MRZ, then the outcome is recorded per document.
public class MrzCheckRecordTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    // The Utopia vector with the date of birth changed from 740812 to 740813 (its check digit and the composite now fail).
    private const string AlteredBirth = Td3Line1 + "\nL898902C36UTO7408132F1204159ZE184226B<<<<<10";

    private static IReadOnlyList<object> Record(CaseHistory history, string mrz, int document = 0) =>
        history.When((c, e) => ExaminationDecider.RecordMrzCheck(c, e, document, Check(mrz), VizData.Of(Submitted(), document), Examiner, Later));

    [Fact]
    public void TheEnteredDataComesFromTheDocumentAndItsBearer()
    {
        var passport = VizData.Of(Submitted(), 0);
        var card = VizData.Of(Submitted(), 1);

        Assert.Equal(new MrzEnteredData
        {
            Surname = "ERIKSSON", GivenNames = "ANNA MARIA", Nationality = "UTO", DateOfBirth = "1974-08-12", Sex = "F",
            DocumentNumber = "L898902C3", IssuingState = "UTO", DocumentType = "Passport",
        }, passport);
        Assert.Equal(("D23145890", "IdentityCard"), (card.DocumentNumber, card.DocumentType));
        Assert.Throws<ArgumentOutOfRangeException>(() => VizData.Of(Submitted(), 2));
    }

    [Fact]
    public void AValidMrzThatMatchesIsRecordedWithoutThePersonalData()
    {
        var checkedEvent = Assert.IsType<MrzChecked>(Assert.Single(Record(CaseHistory.InExamination(), Td3)));

        Assert.Equal((0, MrzFormat.TD3, true, 0), (checkedEvent.Document, checkedEvent.Format, checkedEvent.Valid, checkedEvent.ErrorCount));
        Assert.Empty(checkedEvent.FailedChecks);
        Assert.Equal(Enum.GetValues<MrzComparedField>(), checkedEvent.Comparison.Select(c => c.Field));
        Assert.All(checkedEvent.Comparison, c => Assert.Equal(MrzComparisonResult.Consistent, c.Result));
        var json = JsonSerializer.Serialize(checkedEvent, JsonSerializerOptions.Web);
        Assert.DoesNotContain("ERIKSSON", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("L898902C3", json, StringComparison.Ordinal);
        Assert.DoesNotContain("1974", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongCharacterWithEveryCheckDigitRightIsRecordedInvalidWithItsErrorCounted()
    {
        // ERIKSSON with a zero for its O (issue 16): no check digit covers line 1.
        var checkedEvent = Assert.IsType<MrzChecked>(Assert.Single(Record(CaseHistory.InExamination(),
            "P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Td3Line2)));

        Assert.Equal((false, 1), (checkedEvent.Valid, checkedEvent.ErrorCount));
        Assert.Empty(checkedEvent.FailedChecks);
        Assert.Equal(MrzComparisonResult.Discrepancy, checkedEvent.Comparison.Single(c => c.Field == MrzComparedField.Surname).Result);
    }

    [Fact]
    public void ARecheckReplacesThePreviousOneAndTheSameOutcomeAgainChangesNothing()
    {
        var history = CaseHistory.InExamination().Then((_, _) => Record(CaseHistory.InExamination(), Td3));

        var altered = Assert.IsType<MrzChecked>(Assert.Single(Record(history, AlteredBirth)));
        history.Then((_, _) => [altered]);
        var again = Record(history, AlteredBirth);

        Assert.False(altered.Valid);
        Assert.Equal([MrzCheckedField.DateOfBirth, MrzCheckedField.Composite], altered.FailedChecks.Select(c => c.Field));
        Assert.Equal(MrzComparisonResult.Discrepancy, altered.Comparison.Single(c => c.Field == MrzComparedField.DateOfBirth).Result);
        Assert.Empty(again);
        var recorded = Assert.Single(history.Examination.MrzChecks);
        Assert.Equal((0, false, Later), (recorded.Document, recorded.Valid, recorded.CheckedAt));
        Assert.Equal(altered.FailedChecks, history.Examination.MrzCheckOf(0)!.FailedChecks);
        Assert.Null(history.Examination.MrzCheckOf(1));
    }

    [Fact]
    public void EachDocumentKeepsItsOwnCheck()
    {
        var history = CaseHistory.InExamination()
            .Then((_, _) => Record(CaseHistory.InExamination(), Td3))
            .Then((_, _) => Record(CaseHistory.InExamination(), Td1, 1));

        Assert.Equal(MrzFormat.TD3, history.Examination.MrzCheckOf(0)!.Format);
        Assert.Equal(MrzFormat.TD1, history.Examination.MrzCheckOf(1)!.Format);
        // The card's entered number is D23145890, the TD1 vector's D23145890: consistent; its type IdentityCard, code I.
        Assert.All(history.Examination.MrzCheckOf(1)!.Comparison, c => Assert.Equal(MrzComparisonResult.Consistent, c.Result));
    }

    [Fact]
    public void ADocumentTheCaseDoesNotHaveIsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => CaseHistory.InExamination().When((c, e) =>
            ExaminationDecider.RecordMrzCheck(c, e, 5, Check(Td3), new MrzEnteredData(), Examiner, Later)));

        RefusalAssert.Equal(Refusals.Cases.NoSuchDocument, $"Referral {Reference} has no document 6; it has 2 documents.", refusal);
    }
}
