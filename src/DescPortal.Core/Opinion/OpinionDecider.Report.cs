using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Opinion;

/// <summary>The report the job is about to render for an approval: its number is printed on every page.</summary>
public sealed record PlannedReport(Guid ApprovalId, string ReportNumber, int Version, string? Supersedes);

// Report: the number of an approval's report, its issue once the PDF is stored, and the reopening of a reported case.
public static partial class OpinionDecider
{
    /// <summary>
    /// The number and version of the report for an approval, and the report it supersedes: what the job prints before
    /// it calls <see cref="IssueReport"/>. Null when that approval's report is already issued (the job is done).
    /// </summary>
    public static PlannedReport? PlanReport(Referral current, OpinionState opinion, Guid approvalId)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        if (opinion.ReportOf(approvalId) is not null)
        {
            return null;
        }
        if (current.Status != ReferralStatus.Approved || opinion.LatestApproval?.ApprovalId != approvalId)
        {
            throw new DomainException(Refusals.Opinion.ReportWithoutCurrentApproval, current.Reference, StatusText(current.Status));
        }
        var version = opinion.Reports.Count + 1;
        return new PlannedReport(approvalId, ReportNumber.Format(current.Reference, version), version,
            opinion.CurrentReport?.ReportNumber);
    }

    /// <summary>
    /// Issues the planned report whose PDF the job has stored. Nothing when the approval's report is already issued, so
    /// a retried or duplicated job adds no second report; refused without a current approval, or when the plan is
    /// stale (another report came first).
    /// </summary>
    public static IReadOnlyList<object> IssueReport(
        Referral current,
        OpinionState opinion,
        PlannedReport plan,
        string verificationCode,
        string pdfBlobName,
        string sha256,
        string actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(pdfBlobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        RequireTime(now);
        if (!VerificationCode.TryParse(verificationCode, out var code))
        {
            throw new ArgumentException("Not a verification code.", nameof(verificationCode));
        }
        // Verification matches files by this text: one spelling only.
        if (sha256 is null || sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("SHA-256 must be 64 lower-case hex digits.", nameof(sha256));
        }

        var expected = PlanReport(current, opinion, plan.ApprovalId);
        if (expected is null)
        {
            return [];
        }
        if (expected != plan)
        {
            throw new DomainException(Refusals.Opinion.ReportPlanStale, plan.ReportNumber, current.Reference, expected.ReportNumber);
        }
        if (opinion.Reports.Any(r => r.VerificationCode == code))
        {
            throw new DomainException(Refusals.Opinion.ReportCodeUsed);
        }
        return
        [
            new ReportIssued(current.Id, plan.ApprovalId, plan.ReportNumber, plan.Version, code, pdfBlobName.Trim(),
                sha256, plan.Supersedes, actor, now),
        ];
    }

    /// <summary>
    /// Takes a reported case back into examination for a stated reason; the report in force stays so until the next
    /// approval's report supersedes it. The same reason again, before anything else happened, changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Reopen(
        Referral current, OpinionState opinion, string reason, OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(actor, now);
        var text = PlainText(reason, MaxMessageLength, Refusals.Opinion.Text.ReopeningReason);
        if (current.Status == ReferralStatus.InExamination && opinion.Reopenings.Count > 0
            && opinion.Reopenings[^1] is { } last && last.Reason == text
            && last.ReportNumber == opinion.CurrentReport?.ReportNumber)
        {
            return [];
        }
        if (current.Status != ReferralStatus.Reported || opinion.CurrentReport is not { } report)
        {
            throw new DomainException(Refusals.Opinion.ReopenNotReported, current.Reference, StatusText(current.Status));
        }
        if (text is null)
        {
            throw new DomainException(Refusals.Opinion.ReopenReasonRequired);
        }
        return [new CaseReopened(current.Id, report.ReportNumber, text, actor.Actor, now)];
    }
}
