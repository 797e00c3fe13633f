using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Examination;

/// <summary>
/// The examiner's changes to a case (annotations, checklist, calibration, alignment, MRZ checks), decided by
/// <see cref="ExaminationDecider"/> through <see cref="CaseWrites"/> on the version of the case the examiner saw.
/// </summary>
public sealed class ExaminationCommands(CaseWrites cases)
{
    public delegate IReadOnlyList<object> Decision(Referral referral, CaseExamination examination, ExaminationActor actor, DateTimeOffset now);

    /// <summary>Decides and appends; returns the case as stored afterwards.</summary>
    public Task<CaseRecord> DecideAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        // Readers (reviewers, other examiners) reach the case but the decider lets only its examiner change it.
        if (!scope.IsIn(Roles.Examiner) || scope.ViaApiKey)
            throw new DomainException(Refusals.Examination.ExaminersOnly);
        var actor = new ExaminationActor(scope.UserId, scope.Actor);
        return cases.DecideAsync(scope, caseId, seenVersion, (record, now) => decide(record.Case, record.Examination, actor, now), ct);
    }
}
