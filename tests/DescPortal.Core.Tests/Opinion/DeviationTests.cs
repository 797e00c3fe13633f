using DescPortal.Core.Opinion;
using static DescPortal.Core.Tests.Opinion.OpinionSamples;

namespace DescPortal.Core.Tests.Opinion;

// Deviations from the method: written by the examiner with each document's opinion, kept through review and approval.
public class DeviationTests
{
    private const string Deviation = "Not examined under UV 254 nm: the short-wave lamp was out of service; UV 365 nm only.";

    [Fact]
    public void A_deviation_is_saved_with_the_documents_draft_trimmed_and_approved_with_it()
    {
        var history = OpinionHistory.InExamination()
            .Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport() with { Deviations = $"  {Deviation}\n" }, Examiner, Now))
            .Then((c, o) => OpinionDecider.SaveDraft(c, o, Card(), Examiner, Now))
            .Then((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now.AddHours(1)))
            .Then((c, o) => OpinionDecider.Approve(c, o, ApprovalId(1), Reviewer, Now.AddHours(2)));

        var drafted = history.Events.OfType<OpinionDrafted>().First();
        Assert.Equal(Deviation, drafted.Deviations);
        var approved = history.Opinion.ApprovedOpinions;
        Assert.Equal(Deviation, approved[0].Deviations);
        Assert.Null(approved[1].Deviations); // none for the card: the report prints "None"
    }

    [Fact]
    public void Blank_is_none_and_changing_only_the_deviation_is_a_new_draft()
    {
        var history = OpinionHistory.InExamination()
            .Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport() with { Deviations = "   " }, Examiner, Now));

        Assert.Null(history.Opinion.DraftOf(0)!.Deviations);
        Assert.Empty(history.When((c, o) => OpinionDecider.SaveDraft(c, o, Passport(), Examiner, Now)));
        Assert.Single(history.When((c, o) => OpinionDecider.SaveDraft(c, o, Passport() with { Deviations = Deviation }, Examiner, Now)));
    }

    [Fact]
    public void A_deviation_too_long_is_a_field_error_of_its_own()
    {
        var draft = Passport() with { Deviations = new string('d', OpinionValidation.MaxDeviationsLength + 1) };

        var error = Assert.Single(OpinionValidation.Check(draft, forReview: false));

        Assert.Equal(("deviations", Refusals.Opinion.TextTooLong), (error.Path, error.Code));
        Assert.StartsWith("The deviations from the method of document 1", error.MessageIn(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_deviation_with_control_characters_is_a_field_error_of_its_own()
    {
        var draft = Passport() with { Deviations = "UV 254 nm left out\u0000" };

        var error = Assert.Single(OpinionValidation.Check(draft, forReview: false));

        Assert.Equal(("deviations", Refusals.Opinion.TextControlCharacters), (error.Path, error.Code));
    }
}
