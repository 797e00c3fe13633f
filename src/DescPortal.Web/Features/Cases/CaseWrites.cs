using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// Someone else changed the case after the version the user was looking at. Nothing of theirs was stored;
/// <see cref="Latest"/> is the case as it is now, to show beside what they typed.
/// </summary>
public sealed class CaseChangedException(CaseRecord latest)
    : StreamChangedException(Refusals.Cases.Changed)
{
    public CaseRecord Latest { get; } = latest;
}

/// <summary>Raised after any change to a case, so that open queues and case pages refresh themselves.</summary>
public sealed class CaseNotifications
{
    public event Action<Guid>? Changed;

    // Single process for now; scale-out will carry this over PostgreSQL LISTEN/NOTIFY.
    public void Publish(Guid caseId) => Changed?.Invoke(caseId);
}

/// <summary>
/// The one write path of a case stream, for every command, job and API: a decision made on the case as Marten folds
/// it (<see cref="EventStreams"/>, fetched for writing), appended with optimistic concurrency, never last-write-wins,
/// then announced to open pages. What callers see of a conflict is <see cref="CaseChangedException"/>.
/// </summary>
public sealed class CaseWrites(IDocumentStore store, CaseQueries cases, CaseNotifications notifications, TimeProvider clock)
{
    public delegate IReadOnlyList<object> Decision(CaseRecord record, DateTimeOffset now);

    /// <summary>
    /// A person's step (examination work, opinions, reviews, answers), decided on the version of the case they saw.
    /// When anything a person did reached the case since then, nothing is stored and <see cref="CaseChangedException"/>
    /// carries the latest state; a job's thumbnail in between cannot clash with typed content, so the decision is then
    /// made again on the latest state. The scope must let the user read the case. Returns the case as stored.
    /// </summary>
    public async Task<CaseRecord> DecideAsync(UserScope scope, Guid caseId, long seenVersion, Decision decide, CancellationToken ct)
    {
        if (!await cases.CanReadAsync(scope, caseId, ct)) throw new KeyNotFoundException("No such case.");
        return await DecideAsync(caseId, (record, now) =>
            record.ChangedSince(seenVersion) ? throw new CaseChangedException(record) : decide(record, now), ct);
    }

    /// <summary>
    /// A step whose decider checks everything it means (a job's thumbnail, taking a case: the decider refuses a case
    /// someone else took), so it is decided again on the latest state when another append came first.
    /// </summary>
    public async Task<CaseRecord> DecideAsync(Guid caseId, Decision decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var done = await EventStreams.DecideOnceAsync<CaseRecord>(store, caseId, null, (record, _) => decide(record, clock.GetUtcNow()), ct)
                    ?? throw new KeyNotFoundException("No such case.");
                return await AfterAsync(caseId, done.Before, done.Events, ct);
            }
            catch (Exception e) when (EventStreams.IsConflict(e))
            {
                // Someone else appended first: decide again on what is there now.
                if (attempt == EventStreams.Attempts) throw new CaseChangedException(await LatestAsync(caseId, ct));
            }
        }
    }

    /// <summary>
    /// Appends events decided earlier on <paramref name="decidedOnVersion"/> (a job that printed in between), with
    /// documents stored in the same transaction; <see cref="CaseChangedException"/> when the case moved on since.
    /// </summary>
    public async Task AppendAsync(Guid caseId, long decidedOnVersion, IReadOnlyList<object> events, Action<IDocumentSession> alsoStore, CancellationToken ct)
    {
        try
        {
            await EventStreams.DecideOnceAsync<CaseRecord>(store, caseId, decidedOnVersion, (_, session) =>
            {
                alsoStore(session);
                return events;
            }, ct);
        }
        catch (Exception e) when (EventStreams.IsConflict(e))
        {
            throw new CaseChangedException(await LatestAsync(caseId, ct));
        }
        notifications.Publish(caseId);
    }

    /// <summary>Starts a case's stream with the events of its submission, decided in the session that commits them.</summary>
    public async Task StartAsync(Guid caseId, Func<IDocumentSession, Task<IReadOnlyList<object>>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var events = await decide(session);
        // Streams name the domain's aggregate (as every case since the first does), though pages read them as CaseRecord.
        session.Events.StartStream<Referral>(caseId, [.. events]);
        await session.SaveChangesAsync(ct);
        notifications.Publish(caseId);
    }

    private async Task<CaseRecord> AfterAsync(Guid caseId, CaseRecord before, IReadOnlyList<object> events, CancellationToken ct)
    {
        if (events.Count == 0) return before;
        notifications.Publish(caseId);
        return await LatestAsync(caseId, ct);
    }

    private async Task<CaseRecord> LatestAsync(Guid caseId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await CaseRecord.LoadAsync(session, caseId, ct) ?? throw new KeyNotFoundException("No such case.");
    }
}
