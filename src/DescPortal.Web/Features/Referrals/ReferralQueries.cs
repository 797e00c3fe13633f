using DescPortal.Core;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using DescPortal.Web.Infrastructure.Persistence;

namespace DescPortal.Web.Features.Referrals;

/// <summary>Reads of referrals, always within the caller's scope; ids from the client are checked here.</summary>
public static class ReferralQueries
{
    public static async Task<Page<ReferralSummary>> ListForAgencyAsync(IDocumentStore store, string agencyCode, ReferralStatus? status,
        int page, int pageSize, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var query = session.Query<ReferralSummary>().Where(r => r.AgencyCode == agencyCode);
        if (status is { } s) query = query.Where(r => r.Status == s);
        return await query.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id).PageAsync(query, page, pageSize, ct);
    }

    /// <summary>The case, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public static async Task<ReferralRecord?> LoadForAsync(IDocumentStore store, UserScope scope, Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var summary = await session.LoadAsync<ReferralSummary>(id, ct);
        if (summary is null || !ReferralAccess.CanRead(scope, summary.AgencyCode)) return null;
        return await ReferralRecord.LoadAsync(session, id, ct);
    }
}
