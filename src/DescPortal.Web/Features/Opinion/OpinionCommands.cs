using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// The opinion workflow's commands, decided by <see cref="OpinionDecider"/> through <see cref="CaseWrites"/> on the
/// version of the case the person saw. Each entry point checks the role that may take that step; the decider checks
/// the case (its examiner, four eyes, its status).
/// </summary>
public sealed class OpinionCommands(CaseWrites cases)
{
    public delegate IReadOnlyList<object> Decision(Referral referral, OpinionState opinion, OpinionActor actor, DateTimeOffset now);

    /// <summary>Drafts, submission for review, requests for more material: the case's examiner.</summary>
    public Task<CaseRecord> AsExaminerAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        if (!scope.IsIn(Roles.Examiner) || scope.ViaApiKey)
            throw new DomainException(Refusals.Opinion.ExaminersOnly);
        return DecideAsync(scope, caseId, seenVersion, decide, ct);
    }

    /// <summary>Approval or return: a reviewer who is not the case's examiner. An approval's report follows from its event.</summary>
    public Task<CaseRecord> AsReviewerAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        if (!scope.IsIn(Roles.Reviewer) || scope.ViaApiKey)
            throw new DomainException(Refusals.Opinion.ReviewersOnly);
        return DecideAsync(scope, caseId, seenVersion, decide, ct);
    }

    /// <summary>
    /// Takes a reported case back into examination, for a reason the next report states: the case's examiner or a
    /// reviewer. The report in force stays so until the next approval's report supersedes it.
    /// </summary>
    public Task<CaseRecord> ReopenAsync(UserScope scope, Guid caseId, long seenVersion, string reason, CancellationToken ct)
    {
        const string only = Refusals.Opinion.ReopenNotAllowed;
        if ((!scope.IsIn(Roles.Examiner) && !scope.IsIn(Roles.Reviewer)) || scope.ViaApiKey) throw new DomainException(only);
        return DecideAsync(scope, caseId, seenVersion, (referral, opinion, actor, now) =>
            scope.IsIn(Roles.Reviewer) || referral.AssignedExaminerId == scope.UserId
                ? OpinionDecider.Reopen(referral, opinion, reason, actor, now)
                : throw new DomainException(only), ct);
    }

    /// <summary>The answer to a request for more material: an officer of the case's agency (the scope sees only those cases).</summary>
    public Task<CaseRecord> AsOfficerAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        const string only = Refusals.Opinion.AnswerOfficersOnly;
        if (!scope.IsIn(Roles.FieldOfficer) && !scope.ViaApiKey) throw new DomainException(only);
        return DecideAsync(scope, caseId, seenVersion, (referral, opinion, actor, now) =>
            CaseAccess.IsSubmittingAgency(scope, referral.AgencyCode) ? decide(referral, opinion, actor, now) : throw new DomainException(only), ct);
    }

    private Task<CaseRecord> DecideAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        var actor = new OpinionActor(scope.UserId, scope.DisplayName, scope.Actor);
        return cases.DecideAsync(scope, caseId, seenVersion, (record, now) => decide(record.Case, record.Opinion, actor, now), ct);
    }
}
