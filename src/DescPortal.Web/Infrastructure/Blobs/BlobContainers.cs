using Azure.Storage.Blobs;

namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>
/// The portal's blob containers. Originals go to <see cref="Evidence"/> and are never overwritten;
/// derivatives (thumbnails, tiles) go to <see cref="Derivatives"/>; unsent drafts' images to <see cref="Drafts"/>. Blob names are always chosen by the server.
/// </summary>
public sealed class BlobContainers(BlobServiceClient service, StorageOptions storage)
{
    // A prefix lets test hosts share one Azurite without seeing each other's blobs.
    private readonly string _prefix = storage.ContainerPrefix;

    public BlobContainerClient Evidence => service.GetBlobContainerClient(_prefix + "evidence");
    public BlobContainerClient Derivatives => service.GetBlobContainerClient(_prefix + "derivatives");

    /// <summary>Images attached to an officer's unsent draft; moved into evidence only when the referral is submitted.</summary>
    public BlobContainerClient Drafts => service.GetBlobContainerClient(_prefix + "drafts");

    /// <summary>Images of the reference library's genuine specimens: hashed and immutable like evidence.</summary>
    public BlobContainerClient Library => service.GetBlobContainerClient(_prefix + "library");

    /// <summary>Issued expert reports (PDF): written once under a name no one else writes, never changed.</summary>
    public BlobContainerClient Reports => service.GetBlobContainerClient(_prefix + "reports");

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        await Evidence.CreateIfNotExistsAsync(cancellationToken: ct);
        await Derivatives.CreateIfNotExistsAsync(cancellationToken: ct);
        await Drafts.CreateIfNotExistsAsync(cancellationToken: ct);
        await Library.CreateIfNotExistsAsync(cancellationToken: ct);
        await Reports.CreateIfNotExistsAsync(cancellationToken: ct);
    }
}
