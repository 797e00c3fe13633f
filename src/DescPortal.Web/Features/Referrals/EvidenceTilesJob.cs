using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.DeepZoom;
using DescPortal.Web.Infrastructure.Custody;
using Hangfire;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// Makes the Deep Zoom pyramids of a case's evidence (Hangfire; at least once, idempotent: a made pyramid is kept).
/// Only from checked originals: an image that fails its integrity check gets its alarm and no tiles, and the others
/// still get theirs.
/// </summary>
public sealed class EvidenceTilesJob(IDocumentStore store, TilePyramids pyramids, EvidenceOriginals originals, AccessLog accesses, ILogger<EvidenceTilesJob> log)
{
    public const string Actor = "system (tiles job)";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid caseId, CancellationToken ct)
    {
        CaseRecord? record;
        await using (var session = store.QuerySession())
            record = await CaseRecord.LoadAsync(session, caseId, ct);
        if (record is null) return;
        foreach (var e in record.Evidence.Where(e => e.IntegrityFailure is null))
        {
            try
            {
                // Only a pyramid actually made reads the original: that derivation is recorded.
                await pyramids.MakeAsync(e.Id, e.Sha256, async token =>
                {
                    var original = await originals.FetchAsync(record, e, EvidenceUse.Tiles, Actor, token);
                    await accesses.RecordSystemAsync(caseId, AccessAction.EvidenceDerived, e.Id.ToString(), Actor, token);
                    return original;
                }, ct);
            }
            catch (EvidenceIntegrityException)
            {
                log.LogWarning("No tiles for evidence {Evidence} of {Reference}: it failed its integrity check", e.Id, record.Reference);
            }
        }
    }
}
