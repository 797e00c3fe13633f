using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using Hangfire;
using Marten;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// Makes the thumbnails of a case's evidence (Hangfire job, one per case so that its appends never race each other).
/// Jobs run at least once: blob names derive from the evidence id, and an image that already has a thumbnail is skipped.
/// </summary>
public sealed class EvidenceThumbnailJob(IDocumentStore store, BlobContainers blobs, CaseWrites cases)
{
    public const int Size = 512;
    public const string Actor = "system (thumbnail job)";

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid referralId, CancellationToken ct)
    {
        while (true)
        {
            CaseRecord? record;
            await using (var session = store.QuerySession())
                record = await CaseRecord.LoadAsync(session, referralId, ct);
            var evidence = record?.Evidence.FirstOrDefault(e => e.ThumbnailBlobName is null);
            if (record is null || evidence is null) return;

            var (blobName, width, height) = await MakeAsync(referralId, evidence, ct);
            // The decider records nothing if a thumbnail got recorded meanwhile (a duplicated job).
            await cases.DecideAsync(referralId, (current, now) =>
                ReferralDecider.RecordThumbnail(current.Case, evidence.Id, blobName, width, height, Actor, now), ct);
        }
    }

    private async Task<(string BlobName, int Width, int Height)> MakeAsync(Guid referralId, EvidenceItem evidence, CancellationToken ct)
    {
        var blobName = $"referrals/{referralId:N}/{evidence.Id:N}.thumb.jpg";
        // A derivative may be rewritten by a retried job; it records the original it was made from.
        var thumb = await ImageDerivatives.MakeJpegPreviewAsync(blobs.Evidence, evidence.BlobName, blobs.Derivatives, blobName, Size, evidence.Sha256, ct);
        return (blobName, thumb.Width, thumb.Height);
    }
}
