using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using DescPortal.Web.Infrastructure.Persistence;
using DescPortal.Web.Infrastructure.Reports;
using DescPortal.Web.Infrastructure.Telemetry;
using Marten;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// The expert report of one approval (Hangfire): plan the number and version, print the PDF, store it, and record it.
/// Idempotent per approval: copies of the job for one case run one after the other (a lock shared by every process),
/// so a retried or duplicated job finds the report issued and stops without printing. A crash in the middle
/// leaves at most an unreferenced blob: each attempt writes under a name of its own (never overwriting), and the
/// report exists only once ReportIssued and its verification index are committed together.
/// </summary>
public sealed class ReportJob(IDocumentStore store, BlobContainers blobs, ReportRenderer renderer, ExpertReportBuilder builder,
    CaseWrites cases, AdvisoryLocks locks, AccessLog accesses, PortalMetrics metrics, TimeProvider clock, ILogger<ReportJob> log)
{
    public const string Actor = "DescPortal report job";

    [Hangfire.AutomaticRetry(Attempts = 5)]
    public async Task IssueAsync(Guid caseId, Guid approvalId, CancellationToken ct)
    {
        await using var printing = await locks.AcquireAsync("report", caseId, ct);
        for (var attempt = 0; attempt < EventStreams.Attempts; attempt++)
        {
            CaseRecord record;
            await using (var read = store.QuerySession())
                record = await CaseRecord.LoadAsync(read, caseId, ct) ?? throw new InvalidOperationException($"No case {caseId}.");
            PlannedReport? plan;
            try
            {
                plan = OpinionDecider.PlanReport(record.Case, record.Opinion, approvalId);
            }
            catch (DomainException e)
            {
                // Not (or no longer) the case's current approval: there is no report to make, now or on a retry.
                log.LogWarning("No report for approval {Approval} of {Reference}: {Reason}", approvalId, record.Reference, e.Message);
                return;
            }
            if (plan is null) return; // issued already
            if (record.Evidence.FirstOrDefault(e => e.IntegrityFailure is not null) is { } failed)
            {
                // Printed evidence must be the evidence received: no report until the centre has dealt with the alarm.
                log.LogError("No report for {Reference}: evidence {Evidence} failed its integrity check", record.Reference, failed.Id);
                return;
            }

            var code = VerificationCode.Format(RandomNumberGenerator.GetBytes(10));
            // One time for the printed date of issue and the recorded one.
            var issuedAt = clock.GetUtcNow();
            ExpertReport report;
            try
            {
                report = await builder.BuildAsync(record, approvalId, plan, code, issuedAt, ct);
            }
            catch (EvidenceIntegrityException e)
            {
                log.LogError("No report for {Reference}: evidence {Evidence} failed its integrity check while it was printed", record.Reference, e.EvidenceId);
                return;
            }
            var pdf = await renderer.RenderPdfAsync(report, ct);
            var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
            var blobName = $"{caseId:N}/{plan.ReportNumber}-{Guid.NewGuid():N}.pdf";
            await blobs.Reports.GetBlobClient(blobName).UploadAsync(new BinaryData(pdf), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                Metadata = new Dictionary<string, string> { ["reportNumber"] = plan.ReportNumber, ["sha256"] = sha },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);

            var events = OpinionDecider.IssueReport(record.Case, record.Opinion, plan, code, blobName, sha, Actor, issuedAt);
            if (events.Count == 0) return;
            var issued = (ReportIssued)events[0];
            IssuedReportIndex? superseded = null;
            if (issued.Supersedes is { } previous)
                await using (var read = store.QuerySession())
                    superseded = await read.LoadAsync<IssuedReportIndex>(previous, ct);
            try
            {
                // The report and its verification index are committed together, or neither is.
                await cases.AppendAsync(caseId, record.Version, events, session =>
                {
                    session.Store(new IssuedReportIndex
                    {
                        Id = issued.ReportNumber, CaseId = caseId, VerificationCode = issued.VerificationCode, Sha256 = issued.Sha256, IssuedAt = issued.At,
                    });
                    if (superseded is not null)
                    {
                        superseded.SupersededBy = issued.ReportNumber;
                        session.Store(superseded);
                    }
                }, ct);
            }
            catch (CaseChangedException)
            {
                // Someone changed the case meanwhile (a reopening, say): our blob would stay unreferenced.
                await blobs.Reports.DeleteBlobIfExistsAsync(blobName, cancellationToken: CancellationToken.None);
                continue;
            }
            await accesses.RecordSystemAsync(caseId, AccessAction.ReportPrinted, issued.ReportNumber, Actor, ct);
            metrics.ReportIssued();
            log.LogInformation("Issued report {Report} of {Reference} ({Bytes} bytes)", issued.ReportNumber, record.Reference, pdf.Length);
            return;
        }
        throw new InvalidOperationException($"The report of approval {approvalId} could not be recorded: the case kept changing.");
    }

    /// <summary>
    /// Deletes report PDFs that no issued report names: what an attempt left when its process died between the upload
    /// and the commit, or when the case changed under it. Only blobs older than <paramref name="olderThan"/>, so that an
    /// attempt still between its upload and its commit keeps its file. An issued report is never touched: its blob's
    /// number and SHA-256 (in the blob's metadata, written with it) are those of an <see cref="IssuedReportIndex"/>.
    /// </summary>
    /// <param name="caseId">Only this case's PDFs; every case's when null.</param>
    /// <returns>How many blobs were deleted.</returns>
    public async Task<int> DeleteOrphanPdfsAsync(TimeSpan olderThan, Guid? caseId, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - olderThan;
        var deleted = 0;
        await using var session = store.QuerySession();
        var prefix = caseId is { } id ? $"{id:N}/" : null;
        await foreach (var blob in blobs.Reports.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, ct))
        {
            if (blob.Properties.LastModified is not { } modified || modified > before) continue;
            var number = blob.Metadata.TryGetValue("reportNumber", out var n) ? n : null;
            var sha = blob.Metadata.TryGetValue("sha256", out var h) ? h : null;
            if (number is null || sha is null) continue; // not written by this job: not ours to judge
            var issued = await session.LoadAsync<IssuedReportIndex>(number, ct);
            if (issued?.Sha256 == sha) continue;
            await blobs.Reports.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct);
            log.LogInformation("Deleted {Blob}: a report PDF that no issued report names", blob.Name);
            deleted++;
        }
        return deleted;
    }

    /// <summary>
    /// Approved cases whose report is missing (a lost enqueue, a crash, templates being fixed): issued now; the job is
    /// idempotent. A case that cannot be issued is logged and the sweep goes on to the next: one broken case never
    /// holds back the reports of the others.
    /// </summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var approved = await session.Query<ReferralSummary>().Where(r => r.Status == ReferralStatus.Approved).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in approved)
        {
            var record = await CaseRecord.LoadAsync(session, id, ct);
            if (record?.Opinion.LatestApproval is not { } approval || record.Opinion.ReportOf(approval.ApprovalId) is not null) continue;
            try
            {
                await IssueAsync(id, approval.ApprovalId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The report of {Reference} could not be issued; the next sweep tries again", record.Reference);
            }
        }
    }
}
