using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Testing;
using DescPortal.Web.Infrastructure.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static DescPortal.IntegrationTests.ReferenceLibrary.LibraryTestData;

namespace DescPortal.IntegrationTests.ReferenceLibrary;

/// <summary>Commands carry the caller's ids and may be retried: the same command again adds no event and no blob.</summary>
public sealed class SpecimenIdempotencyTests(IntegrationHost host)
{
    private const string State = "XXI";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_the_same_image_again_under_the_same_id_adds_no_event_and_no_blob()
    {
        var id = await host.CreateAsync(State);
        var bytes = TestImages.Png(seed: 401);
        var imageId = Guid.NewGuid();

        var first = await host.AddImageAsync(id, bytes, imageId: imageId);
        var version = await host.StreamVersionAsync(id);
        var blobs = await BlobNamesAsync(id);
        var again = await host.AddImageAsync(id, bytes, imageId: imageId);

        Assert.Equal(first, again);
        Assert.Equal(version, await host.StreamVersionAsync(id));
        Assert.Equal(blobs, await BlobNamesAsync(id));
        var image = Assert.Single((await host.EntryAsync(id)).Specimen.Images);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), image.Sha256);
        Assert.Single((await host.EventsAsync(id)).OfType<SpecimenImageAdded>());
    }

    [Fact]
    public async Task The_same_file_under_another_id_is_refused_before_anything_is_stored()
    {
        var id = await host.CreateAsync(State);
        var bytes = TestImages.Png(seed: 402);
        await host.AddImageAsync(id, bytes);
        var version = await host.StreamVersionAsync(id);
        var blobs = await BlobNamesAsync(id);

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.AddImageAsync(id, bytes, LightSource.UV365));

        Assert.Contains("already on the specimen", refused.Message, StringComparison.Ordinal);
        Assert.Equal(version, await host.StreamVersionAsync(id));
        Assert.Equal(blobs, await BlobNamesAsync(id));
    }

    [Fact]
    public async Task Another_file_under_an_image_id_already_used_is_refused_not_silently_ignored()
    {
        var id = await host.CreateAsync(State);
        var imageId = Guid.NewGuid();
        var first = await host.AddImageAsync(id, TestImages.Png(seed: 403), imageId: imageId);
        var version = await host.StreamVersionAsync(id);

        // Images never change (SpecimenDecider.AddImage): a different file under the same id must not pass as stored.
        await Assert.ThrowsAsync<DomainException>(() => host.AddImageAsync(id, TestImages.Png(seed: 404), LightSource.IR, imageId: imageId));

        Assert.Equal(version, await host.StreamVersionAsync(id));
        Assert.Equal(first, Assert.Single((await host.EntryAsync(id)).Specimen.Images));
    }

    [Fact]
    public async Task The_same_feature_proposal_and_withdrawal_again_add_no_event()
    {
        var (id, image, feature) = await host.SubmittedSpecimenAsync(State, seed: 405);
        var commands = host.Commands();
        var correction = Guid.NewGuid();
        await commands.ProposeCorrectionAsync(Authority(State), id, correction, feature.FeatureId, "The rosette has eight petals", Ct);
        var version = await host.StreamVersionAsync(id);

        await commands.AddFeatureAsync(Editor, id, feature, Ct);
        await commands.ChangeFeatureAsync(Editor, id, feature, Ct);
        await commands.SubmitForConfirmationAsync(Editor, id, Ct);
        await commands.ProposeCorrectionAsync(Authority(State), id, correction, feature.FeatureId, "The rosette has eight petals", Ct);
        await commands.CreateAsync(Editor, id, State, Details(), Ct);
        Assert.Equal(version, await host.StreamVersionAsync(id));

        // The same id for another feature is refused rather than taken as a retry.
        await Assert.ThrowsAsync<DomainException>(() =>
            commands.AddFeatureAsync(Editor, id, feature with { Description = "Something else entirely" }, Ct));
        Assert.Equal(version, await host.StreamVersionAsync(id));

        await commands.WithdrawAsync(Editor, id, "Superseded", Ct);
        await commands.WithdrawAsync(Editor, id, "Superseded", Ct);
        Assert.Equal(version + 1, await host.StreamVersionAsync(id));
        var withdrawn = await Assert.ThrowsAsync<DomainException>(() => host.AddImageAsync(id, TestImages.Png(seed: 406)));
        Assert.Contains("withdrawn", withdrawn.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => commands.AddFeatureAsync(Editor, id, Feature(image, "After withdrawal"), Ct));
        Assert.Equal(version + 1, await host.StreamVersionAsync(id));
    }

    private async Task<List<string>> BlobNamesAsync(Guid specimenId)
    {
        var container = host.Services.GetRequiredService<BlobContainers>().Library;
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: $"specimens/{specimenId:N}/", cancellationToken: Ct))
            names.Add(blob.Name);
        return names;
    }
}
