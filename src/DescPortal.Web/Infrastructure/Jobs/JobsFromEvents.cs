using Hangfire;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace DescPortal.Web.Infrastructure.Jobs;

/// <summary>
/// A job that follows a committed event: the event type, a key that names the job's work (one job per key in a page of
/// events: ten images attached at once make one thumbnail job for their case), and how to queue it.
/// </summary>
public sealed record JobTrigger(Type EventType, Func<IEvent, string> Key, Action<IEvent, IBackgroundJobClient> Enqueue);

public static class JobTriggers
{
    /// <summary>Queues a job after every committed <typeparamref name="TEvent"/>. The job must be idempotent: it may be queued twice.</summary>
    public static IServiceCollection AddJobTrigger<TEvent>(this IServiceCollection services,
        Func<IEvent<TEvent>, string> key, Action<IEvent<TEvent>, IBackgroundJobClient> enqueue) where TEvent : notnull =>
        services.AddSingleton(new JobTrigger(typeof(TEvent), e => key((IEvent<TEvent>)e), (e, jobs) => enqueue((IEvent<TEvent>)e, jobs)));
}

/// <summary>
/// Queues the jobs that follow committed events (a Marten subscription, run by the async daemon on one node at a time).
/// The daemon records how far it got only after a page's jobs are queued, so a crash between a commit and its jobs
/// loses nothing: the page is read again and its jobs queued again, which idempotent jobs allow.
/// </summary>
public sealed class JobsFromEvents : SubscriptionBase
{
    private readonly ILookup<Type, JobTrigger> _triggers;
    private readonly IServiceProvider _services;

    public JobsFromEvents(IEnumerable<JobTrigger> triggers, IServiceProvider services)
    {
        _triggers = triggers.ToLookup(t => t.EventType);
        _services = services;
        Name = "JobsFromEvents";
        foreach (var type in _triggers.Select(g => g.Key)) IncludeType(type);
    }

    public override Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // Resolved here, not in the constructor: Marten builds this subscription while the container builds the store.
        var jobs = _services.GetRequiredService<IBackgroundJobClient>();
        var queued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in page.Events)
            foreach (var trigger in _triggers[e.EventType])
                if (queued.Add(trigger.Key(e)))
                    trigger.Enqueue(e, jobs);
        return Task.FromResult(NullChangeListener.Instance);
    }
}
