using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Custody;
using Hangfire;
using Marten;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// Makes the thumbnails of a case's evidence (Hangfire job, one per case so that its appends never race each other).
/// Jobs run at least once: blob names derive from the evidence's id and SHA-256, and an image that already has a
/// thumbnail is skipped. Only from the checked original: an image that fails its integrity check gets its alarm and no
/// thumbnail.
/// </summary>
public sealed class EvidenceThumbnailJob(IDocumentStore store, BlobContainers blobs, CaseWrites cases, EvidenceOriginals originals, AccessLog accesses)
{
    public const int Size = 512;
    public const string Actor = "system (thumbnail job)";

    /// <summary>Where the thumbnail of this original is stored in the derivatives container.</summary>
    public static string BlobNameOf(EvidenceItem evidence) =>
        ImageDerivatives.NameOf("thumbnails", evidence.Id, evidence.Sha256, $"-{Size}.jpg");

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid referralId, CancellationToken ct)
    {
        while (true)
        {
            CaseRecord? record;
            await using (var session = store.QuerySession())
                record = await CaseRecord.LoadAsync(session, referralId, ct);
            var evidence = record?.Evidence.FirstOrDefault(e => e.ThumbnailBlobName is null && e.IntegrityFailure is null);
            if (record is null || evidence is null) return;

            DerivedImage thumb;
            try
            {
                await using var original = await originals.FetchAsync(record, evidence, EvidenceUse.Thumbnail, Actor, ct);
                // A derivative may be rewritten by a retried job; it names the original it was made from.
                thumb = await ImageDerivatives.MakeJpegPreviewAsync(original, evidence.Id, blobs.Derivatives, BlobNameOf(evidence), Size, ct);
            }
            catch (EvidenceIntegrityException)
            {
                continue; // the alarm is recorded: the next round passes this image over
            }
            await accesses.RecordSystemAsync(referralId, AccessAction.EvidenceDerived, evidence.Id.ToString(), Actor, ct);
            // The decider records nothing if a thumbnail got recorded meanwhile (a duplicated job).
            await cases.DecideAsync(referralId, (current, now) =>
                ReferralDecider.RecordThumbnail(current.Case, evidence.Id, BlobNameOf(evidence), thumb.Width, thumb.Height, Actor, now), ct);
        }
    }
}
