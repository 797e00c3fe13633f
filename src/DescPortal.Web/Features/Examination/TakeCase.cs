using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Examination;

/// <summary>An examiner takes a case from the queue (CaseAssigned); it then appears under "my cases".</summary>
public sealed class TakeCase(CaseQueries cases, CaseWrites writes)
{
    public async Task HandleAsync(UserScope scope, Guid caseId, CancellationToken ct)
    {
        if (!scope.IsIn(Roles.Examiner))
            throw new UnauthorizedAccessException("Only an examiner can take a case.");
        if (!await cases.CanReadAsync(scope, caseId, ct)) throw new KeyNotFoundException("No such case.");
        // The decider refuses a case someone else took meanwhile, so deciding again after a conflict is safe.
        await writes.DecideAsync(caseId, (record, now) =>
            ReferralDecider.Assign(record.Case, scope.UserId, scope.DisplayName, scope.Actor, now), ct);
    }
}
