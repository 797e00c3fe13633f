using Azure.Storage.Blobs;

namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>
/// The portal's blob containers. Originals go to <see cref="Evidence"/> and are never overwritten;
/// derivatives (thumbnails, tiles) go to <see cref="Derivatives"/>. Blob names are always chosen by the server.
/// </summary>
public sealed class BlobContainers(BlobServiceClient service)
{
    public BlobContainerClient Evidence { get; } = service.GetBlobContainerClient("evidence");
    public BlobContainerClient Derivatives { get; } = service.GetBlobContainerClient("derivatives");

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        await Evidence.CreateIfNotExistsAsync(cancellationToken: ct);
        await Derivatives.CreateIfNotExistsAsync(cancellationToken: ct);
    }
}
