using DescPortal.Core;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;

namespace DescPortal.Web.Features.Cases;

/// <summary>Reads of cases, always within the caller's scope; ids from the client are checked here.</summary>
public sealed class CaseQueries(IDocumentStore store)
{
    public async Task<Page<ReferralSummary>> ListForAgencyAsync(string agencyCode, ReferralStatus? status, int page, int pageSize, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var query = session.Query<ReferralSummary>().Where(r => r.AgencyCode == agencyCode);
        if (status is { } s) query = query.Where(r => r.Status == s);
        return await query.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id).PageAsync(query, page, pageSize, ct);
    }

    /// <summary>Whether the case exists and the caller may see it (the two look the same).</summary>
    public async Task<bool> CanReadAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var summary = await session.LoadAsync<ReferralSummary>(id, ct);
        return summary is not null && CaseAccess.CanRead(scope, summary.AgencyCode);
    }

    /// <summary>The case, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<CaseRecord?> LoadForAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var summary = await session.LoadAsync<ReferralSummary>(id, ct);
        if (summary is null || !CaseAccess.CanRead(scope, summary.AgencyCode)) return null;
        return await CaseRecord.LoadAsync(session, id, ct);
    }

    /// <summary>The agency with its crossing points, or null when there is none of that code.</summary>
    public async Task<Agency?> AgencyAsync(string agencyCode, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Agency>(agencyCode, ct);
    }

    /// <summary>The IANA time zone of the crossing point the case came from (interception and deadline times are shown in it).</summary>
    public async Task<string?> TimeZoneOfAsync(CaseRecord record, CancellationToken ct) =>
        (await AgencyAsync(record.AgencyCode, ct))?.FindCrossingPoint(record.Submission.BorderCrossingPoint)?.TimeZone;
}
