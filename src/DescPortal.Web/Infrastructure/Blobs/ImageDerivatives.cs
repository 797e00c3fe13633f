using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NetVips;

namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>A JPEG derivative as stored: its bytes and its size in pixels.</summary>
public sealed record DerivedImage(byte[] Bytes, int Width, int Height);

/// <summary>
/// The one way derivatives (thumbnails, previews) are made: the original is downloaded to a server-named temporary
/// file, shrunk by NetVips to fit a square of the given size (longest side), saved as JPEG without metadata and
/// stored in the target container under a deterministic, server-chosen name. A derivative may be rewritten (a
/// retried job, two requests at once); it records the SHA-256 of the original it was made from as <c>derivedFrom</c>.
/// </summary>
public static class ImageDerivatives
{
    public const string DerivedFrom = "derivedFrom";
    public const string ContentType = "image/jpeg";

    private static readonly string WorkDirectory = Path.Combine(Path.GetTempPath(), "descportal-thumbs");

    public static async Task<DerivedImage> MakeJpegPreviewAsync(BlobContainerClient source, string sourceBlob,
        BlobContainerClient target, string targetBlob, int size, string sourceSha256, CancellationToken ct)
    {
        var derived = await MakeJpegAsync(source, sourceBlob, size, size, ct);
        await target.GetBlobClient(targetBlob).UploadAsync(new BinaryData(derived.Bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType },
            Metadata = new Dictionary<string, string> { [DerivedFrom] = sourceSha256 },
        }, ct);
        return derived;
    }

    /// <summary>
    /// The original shrunk to fit width × height (never enlarged), as JPEG without metadata; not stored. Its pixels as
    /// stored, EXIF orientation not applied: as the tiles show them and as marks and the recorded size count them.
    /// </summary>
    public static async Task<DerivedImage> MakeJpegAsync(BlobContainerClient source, string sourceBlob, int width, int height, CancellationToken ct)
    {
        Directory.CreateDirectory(WorkDirectory);
        var original = Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N"));
        try
        {
            await source.GetBlobClient(sourceBlob).DownloadToAsync(original, ct);
            using var thumb = Image.Thumbnail(original, width, height: height, size: Enums.Size.Down, noRotate: true);
            return Encoded(thumb);
        }
        finally
        {
            File.Delete(original);
        }
    }

    /// <summary>The same from an image in memory (the sample reports of tests and benchmarks print as the job does).</summary>
    public static DerivedImage MakeJpeg(byte[] original, int width, int height)
    {
        using var thumb = Image.ThumbnailBuffer(original, width, height: height, size: Enums.Size.Down, noRotate: true);
        return Encoded(thumb);
    }

    private static DerivedImage Encoded(Image thumb) => new(thumb.JpegsaveBuffer(q: 82, keep: Enums.ForeignKeep.None), thumb.Width, thumb.Height);
}
