using DescPortal.Core;
using DescPortal.Web.Infrastructure.Health;
using DescPortal.Web.Infrastructure.Telemetry;
using Marten;

namespace DescPortal.Web.Features.Cases;

/// <summary>
/// Cases submitted and not yet taken by an examiner, for the queue-depth gauge: one count over the indexed status of
/// the <see cref="ReferralSummary"/> documents, kept for a few seconds, so several readers or a short export interval
/// cost one query in that time. Read on the exporter's own thread, which may wait for it.
/// </summary>
public sealed class WaitingCases(IDocumentStore store, Readiness readiness, TimeProvider clock, ILogger<WaitingCases> log) : ICaseQueueDepth
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private (long Count, DateTimeOffset At)? _last;

    public long? Read()
    {
        // Not before the schema is applied: a query then would have Marten create the table itself, racing the
        // start-up's own migration (seen as "index already exists" when the exporter read the gauge that early).
        if (!readiness.IsReady) return null;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_last is { } last && now - last.At < KeptFor) return last.Count;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var count = CountAsync(timeout.Token).GetAwaiter().GetResult();
                _last = (count, now);
                return count;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // No number is better than a wrong one; the next export asks again.
                log.LogDebug(e, "Could not count the cases waiting for examination");
                return null;
            }
        }
    }

    private async Task<long> CountAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<ReferralSummary>().CountAsync(r => r.Status == ReferralStatus.Submitted, ct);
    }
}
