using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Tests.Opinion.OpinionSamples;

namespace DescPortal.Core.Tests.Opinion;

// The case's way from draft to issued report, with the detours through the officer and back from the reviewer.
public class OpinionWorkflowTests
{
    [Fact]
    public void FromDraftToIssuedReport()
    {
        var history = OpinionHistory.InExamination();
        Assert.Equal(ReferralStatus.InExamination, history.Status);

        history.Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport(), Examiner, Now))
            .Then((c, o) => OpinionDecider.SaveDraft(c, o, Card(), Examiner, Now));
        Assert.Equal(ReferralStatus.InExamination, history.Status);

        history.Then((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now.AddHours(1)));
        Assert.Equal(ReferralStatus.InReview, history.Status);

        history.Then((c, o) => OpinionDecider.Approve(c, o, ApprovalId(1), Reviewer, Now.AddHours(2)));
        Assert.Equal(ReferralStatus.Approved, history.Status);

        var plan = OpinionDecider.PlanReport(history.Case, history.Opinion, ApprovalId(1));
        Assert.Equal(new PlannedReport(ApprovalId(1), "DESC-2026-000042-R1", 1, null), plan);

        history.Then((c, o) => OpinionDecider.IssueReport(c, o, plan!, Code(7).ToLowerInvariant(), "reports/r1.pdf", Sha('c'), Job, Now.AddHours(3)));
        Assert.Equal(ReferralStatus.Reported, history.Status);

        Assert.Equal(
            [nameof(OpinionDrafted), nameof(OpinionDrafted), nameof(SubmittedForReview), nameof(OpinionApproved), nameof(ReportIssued)],
            history.Events.OfType<IOpinionEvent>().Select(e => e.GetType().Name));
        var approved = history.Events.OfType<OpinionApproved>().Single();
        Assert.Equal((CaseId, ApprovalId(1), 1, "reviewer-5", "Dr Cy Holm", Reviewer.Actor), (approved.ReferralId,
            approved.ApprovalId, approved.Round, approved.ReviewerId, approved.ReviewerName, approved.Actor));

        var opinion = history.Opinion;
        var report = Assert.Single(opinion.Reports);
        Assert.Equal(("DESC-2026-000042-R1", 1, ApprovalId(1), Code(7), "reports/r1.pdf", Sha('c'), (string?)null, true),
            (report.ReportNumber, report.Version, report.ApprovalId, report.VerificationCode, report.PdfBlobName, report.Sha256,
             report.Supersedes, report.IsCurrent));
        Assert.Same(report, opinion.CurrentReport);
        Assert.Equal([FraudType.Forged, FraudType.Genuine], opinion.ApprovedOpinions.Select(d => d.FraudType));
        Assert.Equal([ForgerySubType.PhotoSubstitution], opinion.ApprovedOpinions[0].ForgerySubTypes);
        var round = Assert.Single(opinion.ReviewRounds);
        Assert.Equal((1, ReviewVerdict.Approved, "Dr Cy Holm"), (round.Number, round.Verdict, round.ReviewerName));
    }

    [Fact]
    public void EveryEventIsARecordedEventOfTheCaseWithItsActorAndTime()
    {
        var history = OpinionHistory.Reported()
            .Then((c, o) => OpinionDecider.Reopen(c, o, "New IR images", Reviewer, Now.AddDays(1)))
            .Then((c, o) => OpinionDecider.RequestInformation(c, o, RequestId(1), "Send the IR image", Examiner, Now.AddDays(2)))
            .With(IrAttached())
            .Then((c, o) => OpinionDecider.ProvideInformation(c, o, RequestId(1), null, [PassportIr], Officer, Now.AddDays(3)));

        var events = history.Events.OfType<IOpinionEvent>().ToList();

        Assert.Equal(8, events.Count);
        Assert.All(events, e => Assert.Equal(CaseId, e.ReferralId));
        Assert.All(events, e => Assert.False(string.IsNullOrWhiteSpace(e.Actor)));
        Assert.Equal(Officer.Actor, events[^1].Actor);
        Assert.Equal(Now.AddDays(3), events[^1].At);
    }

    [Fact]
    public void ReturnedWithCommentsTheExaminerReworksAnswersAndResubmits()
    {
        var history = OpinionHistory.InReview()
            .Then((c, o) => OpinionDecider.Return(c, o, "Say what the UV image shows around the portrait.", Reviewer, Now.AddHours(2)));

        Assert.Equal(ReferralStatus.Returned, history.Status);
        var returned = Assert.Single(history.Opinion.ReviewRounds);
        Assert.Equal((ReviewVerdict.Returned, "Say what the UV image shows around the portrait.", (string?)null),
            (returned.Verdict, returned.Comments, returned.Answer));

        // The examiner works on the returned opinion, then must answer before resubmitting.
        history.Then((c, o) => OpinionDecider.SaveDraft(c, o,
            Passport() with { Findings = "UV 365 nm shows a cut line around the portrait." }, Examiner, Now.AddHours(3)));
        Assert.Equal(ReferralStatus.Returned, history.Status);
        var unanswered = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.SubmitForReview(c, o, " ", Examiner, Now.AddHours(4))));
        Assert.Equal(Refusals.Opinion.ReviewAnswerMissing, unanswered.Code);
        Assert.Equal("Answer the reviewer's comments before submitting the opinion again.", unanswered.Message);

        history.Then((c, o) => OpinionDecider.SubmitForReview(c, o, "Findings now describe the UV cut line.", Examiner, Now.AddHours(4)));

        Assert.Equal(ReferralStatus.InReview, history.Status);
        var rounds = history.Opinion.ReviewRounds;
        Assert.Equal([1, 2], rounds.Select(r => r.Number));
        Assert.Equal(("Findings now describe the UV cut line.", Examiner.Actor, Now.AddHours(4)),
            (rounds[0].Answer, rounds[0].AnsweredBy, rounds[0].AnsweredAt));
        Assert.Null(rounds[1].Verdict);
        Assert.Equal(2, history.Events.OfType<SubmittedForReview>().Last().Round);

        history.Then((c, o) => OpinionDecider.Approve(c, o, ApprovalId(1), OtherReviewer, Now.AddHours(5)));
        Assert.Equal(ReferralStatus.Approved, history.Status);
        Assert.Equal(2, history.Opinion.LatestApproval!.Round);
        Assert.Equal("UV 365 nm shows a cut line around the portrait.", history.Opinion.ApprovedOpinions[0].Findings);
    }

    [Fact]
    public void AnAnswerWithoutCommentsToAnswerIsRefused()
    {
        var history = OpinionHistory.Drafted();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.SubmitForReview(c, o, "Nothing to answer", Examiner, Now)));

        Assert.Equal(Refusals.Opinion.ReviewAnswerUnasked, refusal.Code);
        Assert.Equal("There are no review comments to answer.", refusal.Message);
    }

    [Fact]
    public void TheOfficerAnswersARequestWithImagesAndTheCaseReturnsToTheExaminer()
    {
        var history = OpinionHistory.Drafted()
            .Then((c, o) => OpinionDecider.RequestInformation(c, o, RequestId(1), "Please send the data page under IR light.", Examiner, Now));

        Assert.Equal(ReferralStatus.AwaitingInformation, history.Status);
        Assert.Equal(RequestId(1), history.Opinion.OpenInformationRequest!.RequestId);
        // While waiting, the opinion is not worked on.
        var waiting = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.SaveDraft(c, o, Card(), Examiner, Now)));
        Assert.Equal(Refusals.Cases.NotOpenForWork, waiting.Code);
        Assert.Contains("awaiting information from the officer", waiting.Message, StringComparison.Ordinal);

        history.With(IrAttached())
            .Then((c, o) => OpinionDecider.ProvideInformation(c, o, RequestId(1), "IR image attached.", [PassportIr], Officer, Now.AddHours(1)));

        Assert.Equal(ReferralStatus.InExamination, history.Status);
        var request = Assert.Single(history.Opinion.InformationRequests);
        Assert.Equal(("Please send the data page under IR light.", "IR image attached.", Officer.Actor, true),
            (request.Message, request.Answer, request.AnsweredBy, request.IsAnswered));
        Assert.Equal([PassportIr], request.EvidenceIds);
        Assert.Null(history.Opinion.OpenInformationRequest);

        // A retried answer changes nothing; a different one for the same request is refused.
        Assert.Empty(history.When((c, o) => OpinionDecider.ProvideInformation(c, o, RequestId(1), "IR image attached.", [PassportIr], Officer, Now.AddHours(2))));
        Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.ProvideInformation(c, o, RequestId(1), "Another", [], Officer, Now.AddHours(2))));

        // Back in examination, the examiner submits as usual.
        history.Then((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now.AddHours(3)));
        Assert.Equal(ReferralStatus.InReview, history.Status);
    }

    [Fact]
    public void TheReviewerCanSendTheExaminerToAskTheOfficer()
    {
        var history = OpinionHistory.InReview()
            .Then((c, o) => OpinionDecider.Return(c, o, "Ask for the IR image.", Reviewer, Now))
            .Then((c, o) => OpinionDecider.RequestInformation(c, o, RequestId(1), "Please send the IR image.", Examiner, Now));

        Assert.Equal(ReferralStatus.AwaitingInformation, history.Status);
    }

    [Fact]
    public void AnAnswerMustSaySomethingAndCiteTheCasesOwnNewImages()
    {
        var history = OpinionHistory.Drafted()
            .Then((c, o) => OpinionDecider.RequestInformation(c, o, RequestId(1), "Send the IR image.", Examiner, Now));

        var empty = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.ProvideInformation(c, o, RequestId(1), "  ", [], Officer, Now)));
        Assert.Equal(Refusals.Opinion.AnswerEmpty, empty.Code);
        Assert.Equal("The answer is empty: write a message, add images, or both.", empty.Message);

        var notAttached = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.ProvideInformation(c, o, RequestId(1), null, [PassportIr], Officer, Now)));
        Assert.Equal(Refusals.Opinion.AnswerNoSuchEvidence, notAttached.Code);
        Assert.Contains("attach it before answering", notAttached.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.ProvideInformation(c, o, RequestId(2), "Here", [], Officer, Now)));
        Assert.Equal(Refusals.Opinion.RequestNotFound, unknown.Code);
        Assert.Equal($"Referral {Reference} has no such request for information.", unknown.Message);
        Assert.Equal(ReferralStatus.AwaitingInformation, history.Status);
    }

    [Fact]
    public void ARequestNeedsAMessageAndIsSentOnce()
    {
        var history = OpinionHistory.Drafted();

        var blank = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.RequestInformation(c, o, RequestId(1), " ", Examiner, Now)));
        Assert.Equal(Refusals.Opinion.RequestMessageRequired, blank.Code);
        Assert.StartsWith("The message to the officer is required", blank.Message, StringComparison.Ordinal);

        history.Then((c, o) => OpinionDecider.RequestInformation(c, o, RequestId(1), "Send the IR image.", Examiner, Now));

        Assert.Empty(history.When((c, o) => OpinionDecider.RequestInformation(c, o, RequestId(1), "Send the IR image.", Examiner, Now)));
        var second = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.RequestInformation(c, o, RequestId(2), "And the UV one.", Examiner, Now)));
        Assert.Equal(Refusals.Cases.NotOpenForWork, second.Code);
        Assert.Contains("awaiting information from the officer", second.Message, StringComparison.Ordinal);
        var other = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.RequestInformation(c, o, RequestId(1), "Something else", Examiner, Now)));
        Assert.Equal(Refusals.Opinion.RequestSentOtherwise, other.Code);
        Assert.Equal("This request to the officer was already sent with another message.", other.Message);
    }

    [Fact]
    public void OnlyTheAssignedExaminerAsksTheOfficer()
    {
        var history = OpinionHistory.Drafted();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.RequestInformation(c, o, RequestId(1), "Send more", OtherExaminer, Now)));

        Assert.Equal(Refusals.Cases.OtherExaminer, refusal.Code);
        Assert.Equal("Only the examiner assigned to this case, Dr Ada Lind, can ask the officer for more material.", refusal.Message);
    }
}
