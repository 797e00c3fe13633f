using DescPortal.Core;
using Marten;
using DescPortal.Web.Infrastructure.Persistence;
using DescPortal.Web.Infrastructure.Identity;

namespace DescPortal.Web.Features.Cases;

/// <summary>What the examiner's queue can be narrowed to.</summary>
public sealed record QueueFilter(
    ReferralStatus? Status = null, bool OpenOnly = true, Urgency? Urgency = null, string? IssuingState = null,
    DateOnly? SubmittedFrom = null, DateOnly? SubmittedTo = null, string? AssignedTo = null);

/// <summary>A page of cases with the caller's scope applied.</summary>

/// <summary>Sortable queue columns (the grid's property names).</summary>
public enum QueueSort { Due, Reference, SubmittedAt, Status }

/// <summary>The examiners' queue over the inline <see cref="ReferralSummary"/> projection; paged and sorted in PostgreSQL.</summary>
public sealed class CaseQueue(IDocumentStore store)
{
    /// <summary>
    /// Examiners and reviewers see every agency's cases; an officer only their own agency's, whatever the filter says.
    /// </summary>
    public Task<Page<ReferralSummary>> QueryAsync(UserScope scope, QueueFilter filter, QueueSort sort, bool descending, int page, int pageSize, CancellationToken ct)
    {
        if (scope.IsIn(Roles.Examiner) || scope.IsIn(Roles.Reviewer))
            return QueryAsync(filter, agencyCode: null, sort, descending, page, pageSize, ct);
        if (scope.IsIn(Roles.FieldOfficer) && !string.IsNullOrEmpty(scope.AgencyCode))
            return QueryAsync(filter, scope.AgencyCode, sort, descending, page, pageSize, ct);
        throw new UnauthorizedAccessException("This account cannot list cases.");
    }

    private static readonly ReferralStatus[] Finished = [ReferralStatus.Reported, ReferralStatus.Closed, ReferralStatus.Withdrawn];

    private async Task<Page<ReferralSummary>> QueryAsync(QueueFilter filter, string? agencyCode, QueueSort sort, bool descending, int page, int pageSize, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        IQueryable<ReferralSummary> q = session.Query<ReferralSummary>();
        if (agencyCode is not null) q = q.Where(r => r.AgencyCode == agencyCode);
        if (filter.Status is { } status) q = q.Where(r => r.Status == status);
        else if (filter.OpenOnly) q = q.Where(r => !Finished.Contains(r.Status));
        if (filter.Urgency is { } urgency) q = q.Where(r => r.Urgency == urgency);
        if (!string.IsNullOrWhiteSpace(filter.IssuingState))
        {
            var state = filter.IssuingState.Trim().ToUpperInvariant();
            q = q.Where(r => r.IssuingStates.Contains(state));
        }
        if (filter.SubmittedFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(r => r.SubmittedAt >= start);
        }
        if (filter.SubmittedTo is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            q = q.Where(r => r.SubmittedAt < end);
        }
        if (filter.AssignedTo is { } examiner) q = q.Where(r => r.AssignedExaminerId == examiner);

        var filtered = q;
        q = (sort, descending) switch
        {
            (QueueSort.Reference, false) => q.OrderBy(r => r.Reference),
            (QueueSort.Reference, true) => q.OrderByDescending(r => r.Reference),
            (QueueSort.SubmittedAt, false) => q.OrderBy(r => r.SubmittedAt),
            (QueueSort.SubmittedAt, true) => q.OrderByDescending(r => r.SubmittedAt),
            (QueueSort.Status, false) => q.OrderBy(r => r.Status).ThenBy(r => r.UrgencyRank).ThenBy(r => r.DueAt),
            (QueueSort.Status, true) => q.OrderByDescending(r => r.Status).ThenBy(r => r.UrgencyRank).ThenBy(r => r.DueAt),
            // The default: urgent cases first by their deadline, then routine ones oldest first.
            _ => q.OrderBy(r => r.UrgencyRank).ThenBy(r => r.DueAt),
        };
        return await ((IOrderedQueryable<ReferralSummary>)q).ThenBy(r => r.Id).PageAsync(filtered, page, pageSize, ct);
    }
}
