using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// Someone else changed the case after the version the user was looking at. Nothing of theirs was stored;
/// <see cref="Latest"/> is the case as it is now, to show beside what they typed.
/// </summary>
public sealed class CaseChangedException(ReferralRecord latest)
    : Exception("Someone else changed this case meanwhile. The page shows the latest state; what you entered is kept, check it and save again.")
{
    public ReferralRecord Latest { get; } = latest;
}

/// <summary>
/// The one way people change a case after submission (examination work, opinions, reviews, answers): a decision made
/// on the version of the case the user saw, appended with optimistic concurrency on the stream, never last-write-wins.
/// When anything a person did reached the case since that version, nothing is stored and
/// <see cref="CaseChangedException"/> carries the latest state. A job's thumbnail cannot clash with typed content:
/// the decision is then made again on the latest state.
/// </summary>
public sealed class CaseCommands(IDocumentStore store, CaseEvents events, TimeProvider clock)
{
    public delegate IReadOnlyList<object> Decision(ReferralRecord record, DateTimeOffset now);

    /// <summary>Decides and appends; returns the case as stored afterwards. The scope must let the user read the case.</summary>
    public async Task<ReferralRecord> DecideAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var record = await LoadAsync(scope, caseId, ct);
            if (record.Version != seenVersion && await ClashesAsync(caseId, seenVersion, ct))
                throw new CaseChangedException(record);
            var decided = decide(record, clock.GetUtcNow());
            try
            {
                await events.AppendAsync(caseId, record.Version, decided, ct);
                return decided.Count == 0 ? record : await LoadAsync(scope, caseId, ct);
            }
            catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
            {
                // Appended between our read and our write: look at what it was.
            }
        }
        throw new CaseChangedException(await LoadAsync(scope, caseId, ct));
    }

    /// <summary>Whether anything since the user's version could clash with their work: everything but a job's thumbnail.</summary>
    private async Task<bool> ClashesAsync(Guid caseId, long seenVersion, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var since = await session.Events.FetchStreamAsync(caseId, fromVersion: seenVersion + 1, token: ct);
        return since.Any(e => e.Data is not EvidenceThumbnailCreated);
    }

    private async Task<ReferralRecord> LoadAsync(UserScope scope, Guid caseId, CancellationToken ct) =>
        await ReferralQueries.LoadForAsync(store, scope, caseId, ct) ?? throw new KeyNotFoundException("No such case.");
}
