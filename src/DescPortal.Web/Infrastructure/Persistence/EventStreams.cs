using DescPortal.Core.Referrals;
using JasperFx.Events;
using Marten;

namespace DescPortal.Web.Infrastructure.Persistence;

/// <summary>One entry of a stream's history: what happened, when, and who did it.</summary>
public sealed record HistoryEntry(string Type, DateTimeOffset At, string Actor, long Version)
{
    /// <summary>The entry of an event that records its actor and time, or null for one that does not.</summary>
    public static HistoryEntry? Of(IEvent e) =>
        e.Data is IRecordedEvent recorded ? new HistoryEntry(e.Data.GetType().Name, recorded.At, recorded.Actor, e.Version) : null;
}

/// <summary>How every stream (cases, specimens) is appended to.</summary>
public static class EventStreams
{
    /// <summary>
    /// Appends a decider's events expecting the version the decision was made on: a concurrent change fails with a
    /// concurrency exception instead of being overwritten. Marten's expected version is the stream's version once
    /// these events are in.
    /// </summary>
    public static async Task AppendAsync(IDocumentStore store, Guid streamId, long decidedOnVersion, IReadOnlyList<object> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        await using var session = store.LightweightSession();
        Append(session, streamId, decidedOnVersion, events);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The same, inside a session that commits other documents with the events.</summary>
    public static void Append(IDocumentSession session, Guid streamId, long decidedOnVersion, IReadOnlyList<object> events)
    {
        if (events.Count == 0) return;
        session.Events.Append(streamId, decidedOnVersion + events.Count, events.ToArray());
    }
}
