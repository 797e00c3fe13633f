using DescPortal.Core.Opinion;
using static DescPortal.Core.Tests.Opinion.OpinionSamples;

namespace DescPortal.Core.Tests.Opinion;

// Four eyes: submission for review, approval and return.
public class ReviewTests
{
    [Fact]
    public void TheExaminerCannotApproveTheirOwnCase()
    {
        var history = OpinionHistory.InReview();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.Approve(c, o, ApprovalId(1), ExaminerAsReviewer, Now)));

        Assert.Equal(Refusals.Opinion.ReviewOwnCase, refusal.Code);
        Assert.Equal(
            $"You are the examiner of referral {Reference}; another examiner must review it (four-eyes principle), so you cannot approve it.",
            refusal.Message);
        Assert.Equal(ReferralStatus.InReview, history.Status);
    }

    [Fact]
    public void TheExaminerCannotReturnTheirOwnCase()
    {
        var history = OpinionHistory.InReview();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) =>
            OpinionDecider.Return(c, o, "Looks fine to me", ExaminerAsReviewer, Now)));

        Assert.Equal(Refusals.Opinion.ReviewOwnCase, refusal.Code);
        Assert.Contains("four-eyes principle", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith("you cannot return it.", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReferralStatus.InExamination, "in examination")]
    [InlineData(ReferralStatus.Returned, "returned to the examiner")]
    [InlineData(ReferralStatus.AwaitingInformation, "awaiting information from the officer")]
    [InlineData(ReferralStatus.Reported, "reported")]
    public void OnlyAnOpinionInReviewIsApproved(ReferralStatus status, string described)
    {
        var history = OpinionHistory.InReview();

        var refusal = Assert.Throws<DomainException>(() =>
            OpinionDecider.Approve(history.Case with { Status = status }, history.Opinion, ApprovalId(1), Reviewer, Now));

        Assert.Equal(Refusals.Opinion.ReviewNotInReview, refusal.Code);
        Assert.Equal($"Referral {Reference} is {described}; only an opinion in review can be approved.", refusal.Message);
    }

    [Fact]
    public void ADraftNeverSubmittedCannotBeReviewed()
    {
        var history = OpinionHistory.Drafted();

        var approve = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.Approve(c, o, ApprovalId(1), Reviewer, Now)));
        var send = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.Return(c, o, "No", Reviewer, Now)));

        Assert.Equal(Refusals.Opinion.ReviewNotInReview, approve.Code);
        Assert.EndsWith("only an opinion in review can be approved.", approve.Message, StringComparison.Ordinal);
        Assert.Equal(Refusals.Opinion.ReviewNotInReview, send.Code);
        Assert.EndsWith("only an opinion in review can be returned.", send.Message, StringComparison.Ordinal);
        Assert.Empty(history.Opinion.Approvals);
    }

    [Fact]
    public void AReturnNeedsComments()
    {
        var history = OpinionHistory.InReview();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.Return(c, o, " \n ", Reviewer, Now)));

        Assert.Equal(Refusals.Opinion.ReviewCommentsRequired, refusal.Code);
        Assert.Equal("The review comments are required: say what the examiner should change or check.", refusal.Message);
        Assert.Equal(ReferralStatus.InReview, history.Status);
    }

    [Fact]
    public void ARetriedApprovalChangesNothingAndASecondOneIsRefused()
    {
        var history = OpinionHistory.Approved();

        Assert.Empty(history.When((c, o) => OpinionDecider.Approve(c, o, ApprovalId(1), Reviewer, Now.AddHours(9))));
        var second = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.Approve(c, o, ApprovalId(2), Reviewer, Now)));
        Assert.Equal(Refusals.Opinion.ReviewNotInReview, second.Code);
        Assert.EndsWith("is approved; only an opinion in review can be approved.", second.Message, StringComparison.Ordinal);
        var other = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.Approve(c, o, ApprovalId(1), OtherReviewer, Now)));
        Assert.Equal(Refusals.Opinion.ApprovalByOtherReviewer, other.Code);
        Assert.Equal("This approval was given by another reviewer.", other.Message);
        Assert.Single(history.Opinion.Approvals);
    }

    [Fact]
    public void ARetriedReturnChangesNothing()
    {
        var history = OpinionHistory.InReview()
            .Then((c, o) => OpinionDecider.Return(c, o, "Check the MRZ.", Reviewer, Now));

        Assert.Empty(history.When((c, o) => OpinionDecider.Return(c, o, " Check the MRZ. ", Reviewer, Now.AddMinutes(1))));
        Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.Return(c, o, "Something else", Reviewer, Now)));
    }

    [Fact]
    public void SubmittingACaseAlreadyInReviewChangesNothing()
    {
        var history = OpinionHistory.InReview();

        Assert.Empty(history.When((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now.AddHours(5))));
    }

    [Fact]
    public void EveryDocumentNeedsAnOpinionBeforeReview()
    {
        var history = OpinionHistory.InExamination()
            .Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport(), Examiner, Now));

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now)));

        Assert.Equal(Refusals.Opinion.DocumentWithoutOpinion, refusal.Code);
        Assert.Equal("Document 2 has no opinion yet: its fraud type and conclusion are required.", refusal.Message);
        Assert.Equal(ReferralStatus.InExamination, history.Status);
    }

    [Fact]
    public void EveryOpinionNeedsAConclusionBeforeReview()
    {
        var history = OpinionHistory.InExamination()
            .Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport() with { Conclusion = null }, Examiner, Now))
            .Then((c, o) => OpinionDecider.SaveDraft(c, o, Card() with { Conclusion = "" }, Examiner, Now));

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now)));

        Assert.Equal(Refusals.Several, refusal.Code);
        Assert.Equal(
            "The conclusion of document 1 is required before the opinion goes to review. " +
            "The conclusion of document 2 is required before the opinion goes to review.",
            refusal.Message);
    }

    [Fact]
    public void OnlyTheAssignedExaminerSubmits()
    {
        var history = OpinionHistory.Drafted();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.SubmitForReview(c, o, null, OtherExaminer, Now)));

        Assert.Equal(Refusals.Cases.OtherExaminer, refusal.Code);
        Assert.Equal("Only the examiner assigned to this case, Dr Ada Lind, can submit its opinion for review.", refusal.Message);
    }
}
