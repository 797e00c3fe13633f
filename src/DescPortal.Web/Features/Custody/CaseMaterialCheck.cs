using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using Marten;

namespace DescPortal.Web.Features.Custody;

/// <summary>
/// For <c>infra/desc verify</c>: every case's evidence originals and issued reports hashed again and compared with the
/// SHA-256 recorded when they were received or printed. Originals are read as every read is (<see cref="EvidenceOriginals"/>),
/// so a mismatch found here raises the case's integrity alarm too.
/// </summary>
public sealed class CaseMaterialCheck(IDocumentStore store, EvidenceOriginals originals, BlobContainers blobs) : IStoreCheck
{
    public const string Actor = "infra/desc verify";

    /// <summary>An issued report's PDF no longer hashes to what was recorded when it was issued (or is gone).</summary>
    public const string ReportChanged = "report.integrity-failed";

    public async Task<StoreCheckResult> RunAsync(CancellationToken ct)
    {
        var breaks = new List<CustodyFinding>();
        var (originalsSeen, reportsSeen) = (0, 0);
        await using var session = store.QuerySession();
        foreach (var id in await session.Query<ReferralSummary>().Select(r => r.Id).ToListAsync(ct))
        {
            if (await CaseRecord.LoadAsync(session, id, ct) is not { } record) continue;
            foreach (var evidence in record.Evidence)
            {
                originalsSeen++;
                try
                {
                    await using var original = await originals.FetchAsync(record, evidence, EvidenceUse.Verified, Actor, ct);
                }
                catch (EvidenceIntegrityException)
                {
                    breaks.Add(new CustodyFinding("evidence", $"{record.Reference} ({evidence.Id})", null, Core.Refusals.Evidence.IntegrityFailed,
                        $"its bytes do not hash to {evidence.Sha256}, taken at acquisition"));
                }
            }
            foreach (var report in record.Opinion.Reports)
            {
                reportsSeen++;
                try
                {
                    await using var pdf = await Originals.FetchAsync(blobs.Reports, report.PdfBlobName, report.Sha256, ct);
                }
                catch (OriginalChangedException e)
                {
                    breaks.Add(new CustodyFinding("report", $"{record.Reference} {report.ReportNumber}", null, ReportChanged,
                        $"the PDF hashes to {e.ActualSha256 ?? "nothing: it is gone"}, not to {report.Sha256} recorded when it was issued"));
                }
            }
        }
        return new StoreCheckResult(StoreCheckResult.Count(originalsSeen, "{0} {0:evidence original|evidence originals}") + ", "
            + StoreCheckResult.Count(reportsSeen, "{0} {0:report|reports}"), breaks);
    }
}
