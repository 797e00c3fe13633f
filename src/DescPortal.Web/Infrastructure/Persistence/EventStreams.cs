using DescPortal.Core;
using DescPortal.Core.History;
using DescPortal.Core.Referrals;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace DescPortal.Web.Infrastructure.Persistence;

/// <summary>
/// One entry of a stream's history: what happened, when, and who did it; <see cref="Summary"/> says what changed, in
/// words (Core's describers: <see cref="CaseHistory"/>), when the stream's reader gave one.
/// </summary>
public sealed record HistoryEntry(string Type, DateTimeOffset At, string Actor, long Version, EventSummary? Summary = null)
{
    /// <summary>The entry of an event that records its actor and time, or null for one that does not.</summary>
    public static HistoryEntry? Of(IEvent e, EventSummary? summary = null) =>
        e.Data is IRecordedEvent recorded ? new HistoryEntry(e.Data.GetType().Name, recorded.At, recorded.Actor, e.Version, summary) : null;

    /// <summary>What changed, as <paramref name="audience"/> may read it; the event's name in words without a summary.</summary>
    public HistoryLine LineFor(HistoryAudience audience) => Summary?.For(audience) ?? HistoryLine.Named(Type);
}

/// <summary>
/// Someone else appended to the stream after the version a decision was made on: nothing was stored. A refusal with
/// the stream's own code (a case, a specimen); pages catch <see cref="DomainException"/> and show the latest state
/// beside what was typed.
/// </summary>
public class StreamChangedException(string code, params object?[] arguments) : DomainException(code, arguments);

/// <summary>
/// How every stream (cases, specimens) is written: the stream's aggregate fetched for writing with Marten's
/// <c>FetchForWriting</c>, a decider's events appended to it, and the commit refused when anyone appended since the
/// fetch (optimistic concurrency, never last-write-wins). Callers that may decide again on the latest state retry
/// up to <see cref="Attempts"/> times; edits of typed content do not, and show the conflict to the person instead.
/// </summary>
public static class EventStreams
{
    /// <summary>The one retry policy: how often a decision is made again after others appended first.</summary>
    public const int Attempts = 5;

    /// <summary>Whether the exception is a concurrent append (at the fetch or at the commit).</summary>
    public static bool IsConflict(Exception e) => e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException;

    /// <summary>
    /// Another session created the same stream first (two first appends at once): Marten throws its own exception for
    /// it and JasperFx's in other paths; both mean "fetch again and append after it".
    /// </summary>
    public static bool IsCreationRace(Exception e) =>
        e is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException;

    /// <summary>
    /// One attempt: fetches <typeparamref name="T"/> (at <paramref name="expectedVersion"/> when given), decides, appends
    /// what was decided and commits, together with whatever <paramref name="decide"/> stores in the session. Returns the
    /// aggregate the decision was made on and the events appended, or null when there is no such stream. A concurrent
    /// append throws (<see cref="IsConflict"/>).
    /// </summary>
    public static async Task<(T Before, IReadOnlyList<object> Events)?> DecideOnceAsync<T>(IDocumentStore store, Guid id, long? expectedVersion,
        Func<T, IDocumentSession, IReadOnlyList<object>> decide, CancellationToken ct) where T : class
    {
        await using var session = store.LightweightSession();
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<T>(id, version, ct)
            : await session.Events.FetchForWriting<T>(id, ct);
        if (stream.Aggregate is not { } current) return null;
        var events = decide(current, session);
        if (events.Count == 0) return (current, events);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return (current, events);
    }

    /// <summary>
    /// The same append inside a session that commits other writes with it (several streams, documents): expects the
    /// version the events were decided on, checked at the fetch and again at the commit.
    /// </summary>
    public static async Task AppendAsync<T>(IDocumentSession session, Guid id, long decidedOnVersion, IReadOnlyList<object> events,
        CancellationToken ct) where T : class
    {
        if (events.Count == 0) return;
        var stream = await session.Events.FetchForWriting<T>(id, decidedOnVersion, ct);
        stream.AppendMany(events);
    }
}
