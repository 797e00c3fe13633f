using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using DescPortal.IntegrationTests.ReferenceLibrary.Exchange;
using DescPortal.Testing;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.ReferenceLibrary;
using DescPortal.Web.Features.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.DeepZoom;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.Exchange.ExchangeKit;
using static DescPortal.Testing.SpecimenArchives;

namespace DescPortal.IntegrationTests.Examination;

/// <summary>
/// Thumbnails, previews and tiles belong to one original, its id and its SHA-256 together: an imported archive that
/// reuses the ids of images held here neither replaces their tiles nor reads them, and a derivative that says it was
/// made from other bytes is never served.
/// </summary>
[Collection(nameof(CaseWriteCollection))]
public sealed class DerivativeBindingTests(IntegrationHost host)
{
    private T Service<T>() where T : notnull => host.Services.GetRequiredService<T>();

    private async Task<(Guid CaseId, EvidenceItem Evidence)> EvidenceWithDerivativesAsync(int seed)
    {
        using var client = host.CreateClient().WithKey(ReferralRequests.NorthKey);
        var response = await client.PostAsync("/api/v1/referrals",
            ReferralRequests.Multipart(ReferralRequests.Example(["White"]), TestImages.Jpeg(600, 400, seed)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        // Queued by the submission too; idempotent, so run here to have them made now.
        await Service<EvidenceThumbnailJob>().RunAsync(id, Ct);
        await Service<EvidenceTilesJob>().RunAsync(id, Ct);
        await using var session = Service<IDocumentStore>().QuerySession();
        var record = await CaseRecord.LoadAsync(session, id, Ct);
        return (id, record!.Evidence.Single());
    }

    /// <summary>The top level's first tile: the most of the image one tile shows.</summary>
    private static string TopTile(int width, int height) => $"{TilePyramid.MaxLevelOf(width, height)}/0_0.jpg";

    [Fact]
    public async Task An_archive_reusing_an_evidence_images_id_and_a_specimens_image_id_neither_replaces_nor_reveals_their_tiles()
    {
        var (caseId, evidence) = await EvidenceWithDerivativesAsync(seed: Random.Shared.Next(1000, 100_000));
        var other = await ConfirmedSpecimenAsync(host);
        await Service<SpecimenTilesJob>().RunAsync(other.Id, Ct);
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        using var trainer = await host.SignedInClientAsync("trainer@desc.local");
        var evidenceTileUrl = $"/evidence/{caseId}/{evidence.Id}/tiles/{TopTile(evidence.Width, evidence.Height)}";
        var otherTileUrl = $"/library/{other.Id}/images/{other.UvImage.ImageId}/tiles/{TopTile(320, 200)}";
        var evidenceTile = await examiner.GetByteArrayAsync(evidenceTileUrl, Ct);
        var evidenceThumbnail = await examiner.GetByteArrayAsync($"/evidence/{caseId}/{evidence.Id}/thumbnail", Ct);
        var otherTile = await trainer.GetByteArrayAsync(otherTileUrl, Ct);

        // Signed by a centre nobody vouched for: a specimen whose images carry the evidence's id and the other
        // specimen's image id, with other pictures under them.
        var white = TestImages.Png(320, 200, seed: 4242);
        var uv = TestImages.Jpeg(320, 200, seed: 4343);
        var forged = Forge(await ExportAsync(host, other.Id), NewKey(), (manifest, entries) =>
        {
            foreach (var (original, reused, bytes) in new[] { (other.WhiteImage.ImageId, evidence.Id, white), (other.UvImage.ImageId, other.UvImage.ImageId, uv) })
            {
                var specimen = manifest["specimens"]![0]!;
                var image = specimen["images"]!.AsArray().Single(i => (Guid)i!["imageId"]! == original)!;
                image["imageId"] = reused;
                image["sha256"] = Sha256(bytes);
                image["sizeBytes"] = bytes.Length;
                var path = (string)image["path"]!;
                entries[entries.FindIndex(e => e.Name == path)] = (path, bytes);
                foreach (var location in specimen["features"]!.AsArray().SelectMany(f => f!["locations"]!.AsArray()))
                    if ((Guid)location!["imageId"]! == original) location["imageId"] = reused;
            }
        });

        var imported = Assert.Single((await ImportAsync(host, forged)).Specimens);
        var copy = (await EntryAsync(host, imported.SpecimenId!.Value))!.Specimen;
        await Service<SpecimenTilesJob>().RunAsync(copy.Id, Ct);
        // What replaced tiles before: the evidence's job running after the import's.
        await Service<EvidenceTilesJob>().RunAsync(caseId, Ct);

        // The copy's images have ids of this installation.
        Assert.DoesNotContain(copy.Images, i => i.ImageId == evidence.Id || i.ImageId == other.UvImage.ImageId);
        // Integrity: the evidence's tiles and thumbnail, and the other specimen's tiles, are what they were.
        Assert.Equal(evidenceTile, await examiner.GetByteArrayAsync(evidenceTileUrl, Ct));
        Assert.Equal(evidenceThumbnail, await examiner.GetByteArrayAsync($"/evidence/{caseId}/{evidence.Id}/thumbnail", Ct));
        Assert.Equal(otherTile, await trainer.GetByteArrayAsync(otherTileUrl, Ct));
        // Confidentiality: a reader of specimens gets nothing of the evidence through the copy, by the reused id or
        // by the copy's own image, whose tiles are of the picture the archive brought.
        var top = TopTile(320, 200);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/library/{copy.Id}/images/{evidence.Id}/tiles/{top}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/library/{copy.Id}/images/{evidence.Id}/deepzoom", Ct)).StatusCode);
        var copyWhite = copy.Images.Single(i => i.Sha256 == Sha256(white));
        var copyTile = await trainer.GetByteArrayAsync($"/library/{copy.Id}/images/{copyWhite.ImageId}/tiles/{top}", Ct);
        Assert.NotEqual(evidenceTile, copyTile);
        using (var shown = NetVips.Image.NewFromBuffer(copyTile))
            Assert.Equal((TilePyramid.DefaultTileSize + 1, 200), (shown.Width, shown.Height)); // the first tile of a 320 × 200 image
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync(evidenceTileUrl, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_thumbnail_whose_metadata_names_other_bytes_is_not_served_but_made_again_from_the_original()
    {
        var (caseId, evidence) = await EvidenceWithDerivativesAsync(seed: Random.Shared.Next(1000, 100_000));
        var derivatives = Service<BlobContainers>().Derivatives;
        var planted = TestImages.Jpeg(64, 64, seed: 77);
        // Another picture put where the thumbnail is, saying it was made from other bytes (and one made before
        // derivatives named their original, which is made again the same way).
        foreach (var metadata in new[]
                 {
                     ImageDerivatives.MetadataOf(evidence.Id, Sha256(planted)),
                     new Dictionary<string, string> { [ImageDerivatives.DerivedFrom] = evidence.Sha256 },
                 })
        {
            await derivatives.GetBlobClient(evidence.ThumbnailBlobName).UploadAsync(new BinaryData(planted),
                new BlobUploadOptions { Metadata = metadata }, Ct);
            using var examiner = await host.SignedInClientAsync("examiner@desc.local");

            var served = await examiner.GetByteArrayAsync($"/evidence/{caseId}/{evidence.Id}/thumbnail", Ct);

            Assert.NotEqual(planted, served);
            using (var thumb = NetVips.Image.NewFromBuffer(served))
                Assert.Equal((EvidenceThumbnailJob.Size, 341), (thumb.Width, thumb.Height));
            var stored = (await derivatives.GetBlobClient(evidence.ThumbnailBlobName).GetPropertiesAsync(cancellationToken: Ct)).Value;
            Assert.True(ImageDerivatives.BelongsTo(stored.Metadata, evidence.Id, evidence.Sha256));
        }
    }

    [Fact]
    public async Task A_tile_pack_whose_metadata_names_other_bytes_is_not_served_and_its_pyramid_is_made_again()
    {
        var (caseId, evidence) = await EvidenceWithDerivativesAsync(seed: Random.Shared.Next(1000, 100_000));
        var pyramid = (await Service<TilePyramids>().FindAsync(evidence.Id, evidence.Sha256, Ct))!;
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        var url = $"/evidence/{caseId}/{evidence.Id}/tiles/{TopTile(evidence.Width, evidence.Height)}";
        var tile = await examiner.GetByteArrayAsync(url, Ct);
        var pack = Service<BlobContainers>().Derivatives.GetBlobClient(pyramid.PackBlobName);
        var bytes = (await pack.DownloadContentAsync(Ct)).Value.Content.ToArray();
        // The same bytes, but the pack no longer says it comes from this original.
        await pack.UploadAsync(new BinaryData(bytes), new BlobUploadOptions { Metadata = ImageDerivatives.MetadataOf(evidence.Id, new string('0', 64)) }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await examiner.GetAsync(url, Ct)).StatusCode);
        Assert.Null(await Service<TilePyramids>().FindAsync(evidence.Id, evidence.Sha256, Ct));

        await Service<EvidenceTilesJob>().RunAsync(caseId, Ct);
        Assert.Equal(tile, await examiner.GetByteArrayAsync(url, Ct));
    }

    [Fact]
    public async Task A_specimen_preview_whose_metadata_names_other_bytes_is_not_served()
    {
        var made = await ConfirmedSpecimenAsync(host);
        using var examiner = await host.SignedInClientAsync("examiner@desc.local");
        var url = $"/library/{made.Id}/images/{made.WhiteImage.ImageId}/preview";
        var preview = await examiner.GetByteArrayAsync(url, Ct);
        var planted = TestImages.Jpeg(48, 30, seed: 78);
        await Service<BlobContainers>().Derivatives.GetBlobClient(LibraryEndpoints.PreviewBlobName(made.WhiteImage)).UploadAsync(new BinaryData(planted),
            new BlobUploadOptions { Metadata = ImageDerivatives.MetadataOf(made.WhiteImage.ImageId, Sha256(planted)) }, Ct);

        Assert.Equal(preview, await examiner.GetByteArrayAsync(url, Ct));
    }
}
