using Hangfire;

namespace DescPortal.Web.Features.Opinion;

/// <summary>Queues the report of an approval. The job is idempotent per approval, so queuing twice is harmless.</summary>
public sealed class ReportQueue(IBackgroundJobClient jobs)
{
    public void Enqueue(Guid caseId, Guid approvalId) =>
        jobs.Enqueue<ReportJob>(j => j.IssueAsync(caseId, approvalId, CancellationToken.None));
}
