using DescPortal.Web.Infrastructure.Persistence;
using JasperFx;
using JasperFx.Events;
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
    /// <summary>
    /// Reads the case, decides, appends; when the case changed in between (a job recorded a thumbnail while an
    /// examiner took the case), decides again on the new state. Only for commands whose decider checks everything
    /// the person meant: edits of typed content must instead show the conflict to the person.
    /// </summary>
    public async Task<ReferralRecord> DecideAsync(Guid caseId, Func<ReferralRecord, IReadOnlyList<object>> decide, CancellationToken ct, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            ReferralRecord record;
            await using (var session = store.QuerySession())
                record = await ReferralRecord.LoadAsync(session, caseId, ct) ?? throw new KeyNotFoundException("No such case.");
            try
            {
                await AppendAsync(caseId, record.Version, decide(record), ct);
                return record;
            }
            catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException && attempt < attempts)
            {
                // Someone else appended first: decide again on what is there now.
            }
        }
    }

    public async Task AppendAsync(Guid caseId, long decidedOnVersion, IReadOnlyList<object> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        await EventStreams.AppendAsync(store, caseId, decidedOnVersion, events, ct);
        notifications.Publish(caseId);
    }
}
