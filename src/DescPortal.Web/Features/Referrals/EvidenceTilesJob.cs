using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.DeepZoom;
using Hangfire;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>Makes the Deep Zoom pyramids of a case's evidence (Hangfire; at least once, idempotent: a made pyramid is kept).</summary>
public sealed class EvidenceTilesJob(IDocumentStore store, BlobContainers blobs, TilePyramids pyramids)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid caseId, CancellationToken ct)
    {
        CaseRecord? record;
        await using (var session = store.QuerySession())
            record = await CaseRecord.LoadAsync(session, caseId, ct);
        foreach (var e in record?.Evidence ?? [])
            await pyramids.MakeAsync(e.Id, blobs.Evidence, e.BlobName, e.Sha256, ct);
    }
}
