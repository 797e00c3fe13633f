using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DescPortal.Web.Tests.Infrastructure.Jobs;

/// <summary>The subscription's own logic on a page of committed events: which jobs it queues, once per key.</summary>
public sealed class JobsFromEventsTests
{
#pragma warning disable CA1822 // Hangfire calls a job's method on an instance
    private sealed class Thumbnails
    {
        public Task RunAsync(Guid caseId) => Task.CompletedTask;
    }

    private sealed class Reports
    {
        public Task IssueAsync(Guid caseId, Guid approvalId) => Task.CompletedTask;
    }
#pragma warning restore CA1822

    /// <summary>Records what would be queued (Hangfire's Enqueue extension ends in Create).</summary>
    private sealed class QueuedJobs : IBackgroundJobClient
    {
        public List<Job> Jobs { get; } = [];

        public string Create(Job job, IState state)
        {
            Jobs.Add(job);
            return Jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    private static readonly CancellationToken Ct = CancellationToken.None;

    private static (JobsFromEvents Subscription, QueuedJobs Queued) Subscription()
    {
        var queued = new QueuedJobs();
        var services = new ServiceCollection()
            .AddSingleton<IBackgroundJobClient>(queued)
            .AddJobTrigger<EvidenceImageAttached>(e => $"thumbnails:{e.StreamId}", (e, jobs) =>
            {
                var id = e.StreamId;
                jobs.Enqueue<Thumbnails>(j => j.RunAsync(id));
            })
            .AddJobTrigger<OpinionApproved>(e => $"report:{e.Data.ApprovalId}", (e, jobs) =>
            {
                var (id, approval) = (e.StreamId, e.Data.ApprovalId);
                jobs.Enqueue<Reports>(j => j.IssueAsync(id, approval));
            })
            .BuildServiceProvider();
        return (new JobsFromEvents(services.GetServices<JobTrigger>(), services), queued);
    }

    private static Event<T> Committed<T>(Guid stream, T data) where T : notnull => new(data) { StreamId = stream };

    private static EvidenceImageAttached Image(Guid caseId) => new(caseId, Guid.NewGuid(), 0, LightSource.White, DocumentArea.DataPage,
        300, null, null, null, null, "blob", new string('a', 64), 1, 10, 10, "image/png", "officer", DateTimeOffset.UnixEpoch);

    private static OpinionApproved Approval(Guid caseId) =>
        new(caseId, Guid.NewGuid(), 1, "reviewer", "Rita Reviewer", "reviewer", DateTimeOffset.UnixEpoch);

    private static EventRange Page(params IEvent[] events) => new(new ShardName("JobsFromEvents"), events.Length) { Events = [.. events] };

    [Fact]
    public async Task Images_attached_together_make_one_job_per_case_and_each_approval_its_own_report()
    {
        var (subscription, queued) = Subscription();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var (approvalA, approvalB) = (Approval(first), Approval(first));

        await subscription.ProcessEventsAsync(Page(
            Committed(first, Image(first)), Committed(first, Image(first)), Committed(second, Image(second)),
            Committed(first, approvalA), Committed(first, approvalB)), null!, null!, Ct);

        var thumbnails = queued.Jobs.Where(j => j.Type == typeof(Thumbnails)).Select(j => (Guid)j.Args[0]).ToList();
        Assert.Equal([first, second], thumbnails);
        var reports = queued.Jobs.Where(j => j.Type == typeof(Reports)).Select(j => (Guid)j.Args[1]).ToList();
        Assert.Equal([approvalA.ApprovalId, approvalB.ApprovalId], reports);
    }

    [Fact]
    public async Task Events_no_job_follows_queue_nothing()
    {
        var (subscription, queued) = Subscription();
        var id = Guid.NewGuid();

        await subscription.ProcessEventsAsync(Page(
            Committed(id, new CaseAssigned(id, "e1", "Erik Examiner", "examiner", DateTimeOffset.UnixEpoch))), null!, null!, Ct);

        Assert.Empty(queued.Jobs);
    }

    [Fact]
    public async Task A_page_read_again_after_a_crash_queues_its_jobs_again()
    {
        // The daemon records its progress after the page: a page read twice queues twice, which idempotent jobs allow.
        var (subscription, queued) = Subscription();
        var id = Guid.NewGuid();
        var page = Page(Committed(id, Image(id)));

        await subscription.ProcessEventsAsync(page, null!, null!, Ct);
        await subscription.ProcessEventsAsync(page, null!, null!, Ct);

        Assert.Equal(2, queued.Jobs.Count);
    }
}
