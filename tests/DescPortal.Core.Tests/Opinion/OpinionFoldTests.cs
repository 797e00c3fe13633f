using System.Text.Json;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Tests.Opinion.OpinionSamples;

namespace DescPortal.Core.Tests.Opinion;

// The opinion's events are stored as JSON for good and folded from the case's stream with the others.
public class OpinionFoldTests
{
    private static object Stored(object e) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), JsonSerializerOptions.Web), e.GetType(), JsonSerializerOptions.Web)!;

    /// <summary>Every kind of opinion event: a return, a request answered with an image, two reports.</summary>
    private static OpinionHistory Everything() => OpinionHistory.InExamination()
        .Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport() with
        {
            Evaluative = new EvaluativeOpinion("printed by the same press as DESC-2026-000017", "printed by another press", EvaluativeSupport.Strong),
        }, Examiner, Now))
        .Then((c, o) => OpinionDecider.SaveDraft(c, o, Card(), Examiner, Now))
        .Then((c, o) => OpinionDecider.RequestInformation(c, o, RequestId(1), "Send the IR image.", Examiner, Now))
        .With(IrAttached())
        .Then((c, o) => OpinionDecider.ProvideInformation(c, o, RequestId(1), "Attached.", [PassportIr], Officer, Now))
        .Then((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now))
        .Then((c, o) => OpinionDecider.Return(c, o, "Cite the IR image.", Reviewer, Now))
        .Then((c, o) => OpinionDecider.SubmitForReview(c, o, "Cited.", Examiner, Now))
        .Then((c, o) => OpinionDecider.Approve(c, o, ApprovalId(1), Reviewer, Now))
        .Then((c, o) => OpinionDecider.IssueReport(c, o, OpinionDecider.PlanReport(c, o, ApprovalId(1))!, Code(1), "r1.pdf", Sha('1'), Job, Now))
        .Then((c, o) => OpinionDecider.Reopen(c, o, "Typing error in the findings", Reviewer, Now))
        .Then((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now))
        .Then((c, o) => OpinionDecider.Approve(c, o, ApprovalId(2), OtherReviewer, Now))
        .Then((c, o) => OpinionDecider.IssueReport(c, o, OpinionDecider.PlanReport(c, o, ApprovalId(2))!, Code(2), "r2.pdf", Sha('2'), Job, Now));

    [Fact]
    public void EveryEventRoundTripsWithCodesAsNames()
    {
        var events = Everything().Events.OfType<IOpinionEvent>().ToList();

        Assert.Equal(8, events.Select(e => e.GetType()).Distinct().Count());
        foreach (var e in events)
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), JsonSerializerOptions.Web);
            Assert.Equal(json, JsonSerializer.Serialize(Stored(e), e.GetType(), JsonSerializerOptions.Web));
        }
        var drafted = JsonSerializer.Serialize(events.OfType<OpinionDrafted>().First(), JsonSerializerOptions.Web);
        Assert.Contains("\"fraudType\":\"Forged\",\"forgerySubTypes\":[\"PhotoSubstitution\"]", drafted, StringComparison.Ordinal);
        Assert.Contains("\"support\":\"Strong\"", drafted, StringComparison.Ordinal);
        var issued = events.OfType<ReportIssued>().Last();
        Assert.Equal(issued, Stored(issued));
    }

    [Fact]
    public void FoldingTheStoredEventsGivesTheSameCaseAndOpinion()
    {
        var history = Everything();
        var stored = history.Events.Select(Stored).ToList();

        var (live, folded) = (history.Opinion, OpinionState.Fold(stored));

        Assert.Equal(ReferralStatus.Reported, CaseOf(stored).Status);
        Assert.Equal(CaseOf(history.Events).Evidence, CaseOf(stored).Evidence);
        Assert.Equal(live.Reports, folded.Reports);
        Assert.Equal(["DESC-2026-000042-R2"], folded.Reports.Where(r => !r.IsCurrent).Select(r => r.SupersededBy));
        Assert.Equal(live.ReviewRounds, folded.ReviewRounds);
        Assert.Equal(3, folded.ReviewRounds.Count);
        Assert.Equal("Cited.", folded.ReviewRounds[0].Answer);
        Assert.Equal(live.Drafts.Select(d => (d.Document, d.FraudType, d.Conclusion, d.Evaluative)),
            folded.Drafts.Select(d => (d.Document, d.FraudType, d.Conclusion, d.Evaluative)));
        Assert.Equal([PassportIr], folded.InformationRequests.Single().EvidenceIds);
        Assert.Equal(["Typing error in the findings"], folded.Reopenings.Select(r => r.Reason));
        Assert.Equal(["reviewer-5", "reviewer-6"], folded.Approvals.Select(a => a.ReviewerId));
    }

    [Fact]
    public void OtherEventsOfTheCaseAreSkippedAndAnUnmappedOpinionEventIsAnError()
    {
        Assert.Same(OpinionState.Empty, OpinionState.Fold(OpinionHistory.InExamination().Events));
        Assert.Throws<InvalidOperationException>(() => OpinionState.Evolve(OpinionState.Empty, new UnmappedOpinionEvent(CaseId, "x", Now)));
    }

    [Fact]
    public void EachOpinionEventMovesTheReferralsStatus()
    {
        var statuses = new List<ReferralStatus>();
        var history = OpinionHistory.InExamination();
        foreach (var e in Everything().Events.Skip(history.Events.Count))
        {
            history.With(e);
            statuses.Add(history.Status);
        }

        Assert.Equal(
        [
            ReferralStatus.InExamination, ReferralStatus.InExamination, // drafts leave it as it is
            ReferralStatus.AwaitingInformation, ReferralStatus.AwaitingInformation, ReferralStatus.InExamination,
            ReferralStatus.InReview, ReferralStatus.Returned, ReferralStatus.InReview, ReferralStatus.Approved, ReferralStatus.Reported,
            ReferralStatus.InExamination, ReferralStatus.InReview, ReferralStatus.Approved, ReferralStatus.Reported,
        ], statuses);
    }

    private sealed record UnmappedOpinionEvent(Guid ReferralId, string Actor, DateTimeOffset At) : IOpinionEvent;
}
