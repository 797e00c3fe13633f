using DescPortal.Core.Opinion;
using static DescPortal.Core.Tests.Opinion.OpinionSamples;

namespace DescPortal.Core.Tests.Opinion;

// Reports: one per approval, never changed, superseded by the next version after a reopening.
public class ReportTests
{
    private static readonly PlannedReport FirstPlan = new(ApprovalId(1), "DESC-2026-000042-R1", 1, null);

    private static IReadOnlyList<object> Issue(OpinionHistory history, PlannedReport plan, int code, char sha) =>
        history.When((c, o) => OpinionDecider.IssueReport(c, o, plan, Code(code), $"reports/{code}.pdf", Sha(sha), Job, Now.AddDays(1)));

    [Fact]
    public void NoReportWithoutApproval()
    {
        var history = OpinionHistory.InReview();

        var plan = Assert.Throws<DomainException>(() => OpinionDecider.PlanReport(history.Case, history.Opinion, ApprovalId(1)));
        var issue = Assert.Throws<DomainException>(() => Issue(history, FirstPlan, 1, 'a'));

        Assert.Equal(Refusals.Opinion.ReportWithoutCurrentApproval, plan.Code);
        Assert.Equal($"Referral {Reference} is in review; a report is issued only for the opinion's current approval.", plan.Message);
        Assert.Equal(Refusals.Opinion.ReportWithoutCurrentApproval, issue.Code);
        Assert.Equal(plan.Message, issue.Message);
        Assert.Empty(history.Opinion.Reports);
    }

    [Fact]
    public void NoReportForAnApprovalThatWasNotGiven()
    {
        var history = OpinionHistory.Approved();

        Assert.Throws<DomainException>(() => Issue(history, FirstPlan with { ApprovalId = ApprovalId(2) }, 1, 'a'));
        Assert.Single(Issue(history, FirstPlan, 1, 'a'));
    }

    [Fact]
    public void ARetriedOrDuplicatedJobIssuesOneReportPerApproval()
    {
        var history = OpinionHistory.Approved();
        var plan = OpinionDecider.PlanReport(history.Case, history.Opinion, ApprovalId(1))!;
        history.Then((c, o) => OpinionDecider.IssueReport(c, o, plan, Code(1), "reports/a.pdf", Sha('a'), Job, Now));

        // The retry renders again with a fresh code and file: still nothing to append, and nothing to plan.
        Assert.Empty(Issue(history, plan, 2, 'b'));
        Assert.Null(OpinionDecider.PlanReport(history.Case, history.Opinion, ApprovalId(1)));
        var report = Assert.Single(history.Opinion.Reports);
        Assert.Equal((Code(1), Sha('a')), (report.VerificationCode, report.Sha256));
    }

    [Fact]
    public void AStalePlanIsRefused()
    {
        var history = OpinionHistory.Approved();

        var refusal = Assert.Throws<DomainException>(() => Issue(history, FirstPlan with { ReportNumber = "DESC-2026-000042-R2", Version = 2 }, 1, 'a'));

        Assert.Equal(Refusals.Opinion.ReportPlanStale, refusal.Code);
        Assert.Equal(
            $"The report was planned as DESC-2026-000042-R2 but the next report of referral {Reference} is DESC-2026-000042-R1; plan it again.",
            refusal.Message);
    }

    [Fact]
    public void AMalformedCodeOrHashIsAProgrammingError()
    {
        var history = OpinionHistory.Approved();

        Assert.Throws<ArgumentException>(() => history.When((c, o) =>
            OpinionDecider.IssueReport(c, o, FirstPlan, "NOT-A-CODE", "reports/a.pdf", Sha('a'), Job, Now)));
        Assert.Throws<ArgumentException>(() => history.When((c, o) =>
            OpinionDecider.IssueReport(c, o, FirstPlan, Code(1), "reports/a.pdf", Sha('A'), Job, Now)));
        Assert.Throws<ArgumentException>(() => history.When((c, o) =>
            OpinionDecider.IssueReport(c, o, FirstPlan, Code(1), " ", Sha('a'), Job, Now)));
    }

    [Fact]
    public void AfterReopeningTheNextApprovalsReportSupersedesTheFirst()
    {
        var history = OpinionHistory.Reported()
            .Then((c, o) => OpinionDecider.Reopen(c, o, "The officer sent the IR image of the data page.", Reviewer, Now.AddDays(1)));

        Assert.Equal(ReferralStatus.InExamination, history.Status);
        var reopened = history.Events.OfType<CaseReopened>().Single();
        Assert.Equal(("DESC-2026-000042-R1", "The officer sent the IR image of the data page."), (reopened.ReportNumber, reopened.Reason));
        // Until the next report, the first stays in force and its opinions stand.
        Assert.True(history.Opinion.CurrentReport!.IsCurrent);
        Assert.Equal(FraudType.Forged, history.Opinion.ApprovedOpinions[0].FraudType);

        history.Then((c, o) => OpinionDecider.SaveDraft(c, o, Passport() with
        {
            FraudType = FraudType.Counterfeit,
            ForgerySubTypes = [],
            Conclusion = "A counterfeit of the Utopian passport.",
        }, Examiner, Now.AddDays(2)))
            .Then((c, o) => OpinionDecider.SubmitForReview(c, o, null, Examiner, Now.AddDays(2)))
            .Then((c, o) => OpinionDecider.Approve(c, o, ApprovalId(2), Reviewer, Now.AddDays(3)));

        var plan = OpinionDecider.PlanReport(history.Case, history.Opinion, ApprovalId(2));
        Assert.Equal(new PlannedReport(ApprovalId(2), "DESC-2026-000042-R2", 2, "DESC-2026-000042-R1"), plan);
        history.Then((c, o) => OpinionDecider.IssueReport(c, o, plan!, Code(2), "reports/r2.pdf", Sha('2'), Job, Now.AddDays(3)));

        Assert.Equal(ReferralStatus.Reported, history.Status);
        var issued = history.Events.OfType<ReportIssued>().Last();
        Assert.Equal(("DESC-2026-000042-R2", 2, "DESC-2026-000042-R1"), (issued.ReportNumber, issued.Version, issued.Supersedes));
        var opinion = history.Opinion;
        var (first, second) = (opinion.FindReport("DESC-2026-000042-R1")!, opinion.FindReport("DESC-2026-000042-R2")!);
        Assert.Equal(("DESC-2026-000042-R2", false), (first.SupersededBy, first.IsCurrent));
        Assert.Equal(((string?)null, true), (second.SupersededBy, second.IsCurrent));
        Assert.Same(second, opinion.CurrentReport);
        // The first report's file and code are untouched: an issued report is never changed.
        Assert.Equal((Code(1), Sha('1'), "reports/r1.pdf"), (first.VerificationCode, first.Sha256, first.PdfBlobName));
        Assert.Equal(FraudType.Counterfeit, opinion.ApprovedOpinions[0].FraudType);
        Assert.Equal(FraudType.Forged, opinion.FindApproval(ApprovalId(1))!.Opinions[0].FraudType);

        // A late retry of the first approval's job still adds nothing.
        Assert.Empty(Issue(history, FirstPlan, 9, '9'));
    }

    [Fact]
    public void OnlyAReportedCaseIsReopenedAndForAReason()
    {
        var approved = OpinionHistory.Approved();
        var early = Assert.Throws<DomainException>(() => approved.When((c, o) => OpinionDecider.Reopen(c, o, "Typo", Reviewer, Now)));
        Assert.Equal(Refusals.Opinion.ReopenNotReported, early.Code);
        Assert.Equal($"Referral {Reference} is approved; only a reported case can be reopened.", early.Message);

        var reported = OpinionHistory.Reported();
        var noReason = Assert.Throws<DomainException>(() => reported.When((c, o) => OpinionDecider.Reopen(c, o, "  ", Reviewer, Now)));
        Assert.Equal(Refusals.Opinion.ReopenReasonRequired, noReason.Code);
        Assert.StartsWith("The reason for reopening is required", noReason.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Reported, reported.Status);
    }

    [Fact]
    public void ARetriedReopeningChangesNothing()
    {
        var history = OpinionHistory.Reported()
            .Then((c, o) => OpinionDecider.Reopen(c, o, "New material", Reviewer, Now));

        Assert.Empty(history.When((c, o) => OpinionDecider.Reopen(c, o, "New material", Reviewer, Now.AddMinutes(1))));
        Assert.Throws<DomainException>(() => history.When((c, o) => OpinionDecider.Reopen(c, o, "Another reason", Reviewer, Now)));
        Assert.Single(history.Opinion.Reopenings);
    }

    [Fact]
    public void ReportNumbersCarryTheReferenceAndTheVersion()
    {
        Assert.Equal("DESC-2026-000123-R1", ReportNumber.Format("DESC-2026-000123", 1));
        Assert.Equal("DESC-2026-000123-R12", ReportNumber.Format("DESC-2026-000123", 12));
        Assert.True(ReportNumber.TryParse("DESC-2026-000123-R12", out var reference, out var version));
        Assert.Equal(("DESC-2026-000123", 12), (reference, version));
        Assert.Throws<ArgumentException>(() => ReportNumber.Format("DESC-26-1", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportNumber.Format("DESC-2026-000123", 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DESC-2026-000123")]
    [InlineData("DESC-2026-000123-R")]
    [InlineData("DESC-2026-000123-R0")]
    [InlineData("DESC-2026-000123-R01")]
    [InlineData("DESC-2026-000123-R1000")]
    [InlineData("DESC-2026-000123-r1")]
    [InlineData("DESC-2026-000123-R1 ")]
    [InlineData("DESC-2026-00012-R1")]
    public void MalformedReportNumbersAreRefused(string? text)
    {
        Assert.False(ReportNumber.TryParse(text, out _, out _));
    }
}
