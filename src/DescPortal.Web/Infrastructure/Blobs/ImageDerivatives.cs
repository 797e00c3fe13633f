using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NetVips;

namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>A JPEG derivative as stored: its bytes and its size in pixels.</summary>
public sealed record DerivedImage(byte[] Bytes, int Width, int Height);

/// <summary>
/// The one way derivatives (thumbnails, previews, tile packs) are named, stored and found, and JPEG previews made. A
/// derivative belongs to one original, known by its id <i>and</i> its SHA-256: both are in its name
/// (<see cref="NameOf"/>) and in its metadata (<see cref="Original"/>, <see cref="DerivedFrom"/>), and both are checked
/// against the server's record of the image whenever it is served (<see cref="BelongsTo"/>), so a derivative of other
/// bytes (another image reusing the id, a blob replaced behind the portal's back) is never served. A derivative may be
/// rewritten (a retried job, two requests at once, one made again because it did not belong).
/// </summary>
public static class ImageDerivatives
{
    /// <summary>Metadata: the SHA-256 of the original it was made from.</summary>
    public const string DerivedFrom = "derivedFrom";

    /// <summary>Metadata: the id of the image (evidence or specimen image) it was made from.</summary>
    public const string Original = "original";

    public const string ContentType = "image/jpeg";

    /// <summary>"{kind}/{image id}/{sha256}{suffix}": made from this original, and from no other.</summary>
    public static string NameOf(string kind, Guid imageId, string sha256, string suffix) => $"{kind}/{imageId:N}/{sha256}{suffix}";

    public static Dictionary<string, string> MetadataOf(Guid imageId, string sha256) =>
        new() { [DerivedFrom] = sha256, [Original] = imageId.ToString("N") };

    /// <summary>
    /// Whether a stored derivative's metadata says it was made from this original. Derivatives made before ids were
    /// recorded carry no <see cref="Original"/>: they do not belong, and are made again.
    /// </summary>
    public static bool BelongsTo(IDictionary<string, string> metadata, Guid imageId, string sha256) =>
        metadata.TryGetValue(DerivedFrom, out var sha) && string.Equals(sha, sha256, StringComparison.Ordinal)
        && metadata.TryGetValue(Original, out var id) && string.Equals(id, imageId.ToString("N"), StringComparison.Ordinal);

    /// <summary>
    /// The stored derivative, when there is one and it belongs to (<paramref name="imageId"/>, <paramref name="sha256"/>),
    /// both taken from the server's record of the image; null otherwise, and then the caller makes it again.
    /// </summary>
    public static async Task<Stream?> OpenAsync(BlobContainerClient container, string blobName, Guid imageId, string sha256, ILogger log,
        CancellationToken ct)
    {
        try
        {
            var stored = await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: ct);
            if (BelongsTo(stored.Value.Details.Metadata, imageId, sha256)) return stored.Value.Content;
            stored.Value.Dispose();
            log.LogWarning("The derivative {Blob} was not made from image {Image} with SHA-256 {Sha256}; not served, made again", blobName, imageId, sha256);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Shrinks the checked original to fit a square of <paramref name="size"/> and stores it, bound to the original.</summary>
    public static async Task<DerivedImage> MakeJpegPreviewAsync(CheckedOriginal original, Guid imageId, BlobContainerClient target,
        string targetBlob, int size, CancellationToken ct)
    {
        var derived = MakeJpeg(original, size, size);
        await target.GetBlobClient(targetBlob).UploadAsync(new BinaryData(derived.Bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
            Metadata = MetadataOf(imageId, original.Sha256),
        }, ct);
        return derived;
    }

    /// <summary>
    /// The original shrunk to fit width × height (never enlarged), as JPEG without metadata; not stored. Its pixels as
    /// stored, EXIF orientation not applied: as the tiles show them and as marks and the recorded size count them.
    /// </summary>
    public static DerivedImage MakeJpeg(CheckedOriginal original, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(original);
        using var thumb = Image.Thumbnail(original.Path, width, height: height, size: Enums.Size.Down, noRotate: true);
        return Encoded(thumb);
    }

    /// <summary>The same from an image in memory (the sample reports of tests and benchmarks print as the job does).</summary>
    public static DerivedImage MakeJpeg(byte[] original, int width, int height)
    {
        using var thumb = Image.ThumbnailBuffer(original, width, height: height, size: Enums.Size.Down, noRotate: true);
        return Encoded(thumb);
    }

    private static DerivedImage Encoded(Image thumb) => new(thumb.JpegsaveBuffer(q: 82, keep: Enums.ForeignKeep.None), thumb.Width, thumb.Height);
}
