using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.DeepZoom;
using Hangfire;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>
/// Makes the Deep Zoom pyramids of a specimen's images (Hangfire; queued by the first request; idempotent), each
/// from its original checked against the SHA-256 the specimen records.
/// </summary>
public sealed class SpecimenTilesJob(IDocumentStore store, BlobContainers blobs, TilePyramids pyramids)
{
    /// <summary>Where a specimen image's tiles are served (relative to the app's base address).</summary>
    public static string TilesUrl(Guid specimenId, Guid imageId) => $"library/{specimenId}/images/{imageId}/tiles/";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid specimenId, CancellationToken ct)
    {
        LibraryEntry? entry;
        await using (var session = store.QuerySession())
            entry = await session.LoadAsync<LibraryEntry>(specimenId, ct);
        foreach (var image in entry?.Specimen.Images ?? [])
            await pyramids.MakeAsync(image.ImageId, image.Sha256, token => Originals.FetchAsync(blobs.Library, image.BlobName, image.Sha256, token), ct);
    }
}
