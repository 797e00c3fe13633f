using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>Raised after any change to a case, so that open queues and case pages refresh themselves.</summary>
public sealed class CaseNotifications
{
    public event Action<Guid>? Changed;

    // Single process for now; scale-out will carry this over PostgreSQL LISTEN/NOTIFY.
    public void Publish(Guid caseId) => Changed?.Invoke(caseId);
}

/// <summary>
/// Appends a decider's events to a case stream, expecting the version the decision was made on: a concurrent change
/// fails with a concurrency exception instead of being overwritten.
/// </summary>
public sealed class CaseEvents(IDocumentStore store, CaseNotifications notifications)
{
    public async Task AppendAsync(Guid caseId, long decidedOnVersion, IReadOnlyList<object> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        await using var session = store.LightweightSession();
        // Marten's expected version is the stream's version once these events are in.
        session.Events.Append(caseId, decidedOnVersion + events.Count, events.ToArray());
        await session.SaveChangesAsync(ct);
        notifications.Publish(caseId);
    }
}
