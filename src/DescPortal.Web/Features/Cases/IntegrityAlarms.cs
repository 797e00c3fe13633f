using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using Marten;

namespace DescPortal.Web.Features.Cases;

/// <summary>One evidence original found changed: which case and image, the two hashes, what found it, when.</summary>
public sealed record IntegrityAlarm(
    Guid CaseId, string Reference, Guid EvidenceId, string ExpectedSha256, string? ActualSha256, EvidenceUse DetectedWhile,
    string Actor, DateTimeOffset At);

/// <summary>
/// Every integrity alarm of every case, newest first, for administrators (the chain of custody is theirs to follow up)
/// and the centre's examiners and reviewers. Names the case and the image, never the case's content. Read from the
/// events themselves: alarms are rare, and a read model of its own would be one more thing to keep.
/// </summary>
public sealed class IntegrityAlarms(IDocumentStore store)
{
    public static bool CanRead(UserScope scope) =>
        scope.IsIn(Roles.Admin) || scope.IsIn(Roles.Examiner) || scope.IsIn(Roles.Reviewer);

    public async Task<IReadOnlyList<IntegrityAlarm>> ListAsync(UserScope scope, CancellationToken ct)
    {
        if (!CanRead(scope)) throw new UnauthorizedAccessException("Only administrators, examiners and reviewers read integrity alarms.");
        await using var session = store.QuerySession();
        var alarms = await session.Events.QueryRawEventDataOnly<EvidenceIntegrityFailed>().ToListAsync(ct);
        var cases = (await session.LoadManyAsync<ReferralSummary>(ct, alarms.Select(a => a.ReferralId).Distinct()))
            .ToDictionary(s => s.Id, s => s.Reference);
        return [.. alarms
            .OrderByDescending(a => a.At)
            .Select(a => new IntegrityAlarm(a.ReferralId, cases.GetValueOrDefault(a.ReferralId, "?"), a.EvidenceId, a.ExpectedSha256,
                a.ActualSha256, a.DetectedWhile, a.Actor, a.At))];
    }
}
