using DescPortal.Core;
using DescPortal.Core.History;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Identity;
using JasperFx.Events;
using Marten;
using DescPortal.Web.Infrastructure.Persistence;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>What the library can be narrowed to.</summary>
public sealed record LibraryFilter(
    string? IssuingState = null, DocumentType? DocumentType = null, int? YearOfIssue = null, string? FeatureType = null,
    string? Text = null, bool IncludeWithdrawn = false);

/// <summary>Reads of the library, always within the caller's scope (an issuing authority sees its own country only).</summary>
public sealed class LibraryQueries(IDocumentStore store)
{
    public async Task<Page<LibraryEntry>> SearchAsync(UserScope scope, LibraryFilter filter, int page, int pageSize, CancellationToken ct)
    {
        if (!LibraryAccess.CanBrowse(scope)) throw new UnauthorizedAccessException("This account cannot see the reference library.");
        await using var session = store.QuerySession();
        IQueryable<LibraryEntry> q = session.Query<LibraryEntry>();
        if (LibraryAccess.CountryLimit(scope) is { } country) q = q.Where(e => e.IssuingState == country);
        if (LibraryAccess.ConfirmedOnly(scope)) q = q.Where(e => e.Status == SpecimenStatus.Confirmed);
        if (!filter.IncludeWithdrawn) q = q.Where(e => !e.Withdrawn);
        if (!string.IsNullOrWhiteSpace(filter.IssuingState))
        {
            var state = filter.IssuingState.Trim().ToUpperInvariant();
            q = q.Where(e => e.IssuingState == state);
        }
        if (filter.DocumentType is { } type) q = q.Where(e => e.DocumentType == type);
        if (filter.YearOfIssue is { } year) q = q.Where(e => e.IssuedFromYear <= year && e.IssuedToYear >= year);
        if (!string.IsNullOrWhiteSpace(filter.FeatureType))
        {
            var feature = filter.FeatureType.Trim();
            q = q.Where(e => e.FeatureTypes.Contains(feature));
        }
        // Every word must occur (case-insensitive) in the series, the description or a feature's description. Marten's
        // full-text operators search the whole JSON document, unindexed: 190 ms at the 95th percentile over 1,000
        // specimens, against 100 ms allowed; a scan of the short search text is well inside it (docs/performance.md).
        if (!string.IsNullOrWhiteSpace(filter.Text))
            foreach (var word in filter.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
                q = q.Where(e => e.SearchText.Contains(word, StringComparison.OrdinalIgnoreCase));
        return await q.OrderBy(e => e.IssuingState).ThenBy(e => e.DocumentType).ThenByDescending(e => e.IssuedFromYear)
            .ThenBy(e => e.Id).PageAsync(q, page, pageSize, ct);
    }

    /// <summary>The specimen, or null when it does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<LibraryEntry?> LoadAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var entry = await session.LoadAsync<LibraryEntry>(id, ct);
        return entry is not null && LibraryAccess.CanSee(scope, entry) ? entry : null;
    }

    /// <summary>
    /// What waits for this issuing authority: its own country's specimens submitted for confirmation and not confirmed
    /// since (a withdrawn one waits for nothing), in the order they last changed. Each entry's current version is the one
    /// to confirm. Nothing for anyone who is not the issuing authority of a country.
    /// </summary>
    public async Task<IReadOnlyList<LibraryEntry>> AwaitingConfirmationAsync(UserScope scope, CancellationToken ct)
    {
        if (!scope.IsIn(Roles.IssuingAuthority) || scope.ViaApiKey || string.IsNullOrEmpty(scope.CountryCode)) return [];
        var country = scope.CountryCode;
        await using var session = store.QuerySession();
        return await session.Query<LibraryEntry>()
            .Where(e => e.IssuingState == country && e.Status == SpecimenStatus.AwaitingConfirmation)
            .OrderBy(e => e.ChangedAt).ThenBy(e => e.Id)
            .ToListAsync(ct);
    }

    /// <summary>The specimen's history from its stream: what happened (in words: which image, which feature), when, and who did it.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(scope, id, ct) is null) return [];
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var lines = LibraryHistory.Of(events.Select(e => e.Data));
        return events.Select((e, i) => HistoryEntry.Of(e, lines[i])).OfType<HistoryEntry>().ToList();
    }
}
