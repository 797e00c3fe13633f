using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DescPortal.Core;
using NetVips;

namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>Why an uploaded image was refused; the API maps each to its status code.</summary>
public enum ImageRejection
{
    /// <summary>Over the size limit (413).</summary>
    TooLarge,
    /// <summary>Not JPEG, PNG or TIFF by its first bytes (415).</summary>
    NotAnImage,
    /// <summary>Truncated or corrupt: it does not decode completely (422).</summary>
    Corrupt,
    /// <summary>Over the pixel limit (422).</summary>
    TooManyPixels,
}

/// <summary>An image refused on intake: a code of <see cref="Refusals.Image"/> and the values it names, worded when shown.</summary>
public sealed class ImageRejectedException(ImageRejection reason, string code, params object?[] arguments) : Exception(code)
{
    public ImageRejection Reason { get; } = reason;

    public string Code { get; } = code;

    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>Which image of a submission it was (0-based), when known.</summary>
    public int? ImageIndex { get; init; }

    /// <summary>Why, in words of the current UI culture.</summary>
    public override string Message => Wording.Of(Code, Arguments);

    /// <summary>Why, in words of <paramref name="culture"/>; the invariant culture gives the English of the API.</summary>
    public string MessageIn(CultureInfo culture) => Wording.Of(Code, Arguments, culture);

    /// <summary>The same refusal, naming the image of the submission it was.</summary>
    public ImageRejectedException OfImage(int index) => new(Reason, Code, [.. Arguments]) { ImageIndex = index };
}

/// <summary>An image copied to a private temporary file, measured and proven to decode; not stored yet.</summary>
public sealed class StagedImage : IAsyncDisposable
{
    internal StagedImage(string path, string sha256, long sizeBytes, int width, int height, ImageKind kind)
    {
        TempPath = path; Sha256 = sha256; SizeBytes = sizeBytes; Width = width; Height = height; Kind = kind;
    }

    public string TempPath { get; }
    /// <summary>Lowercase hex SHA-256 of the original bytes.</summary>
    public string Sha256 { get; }
    public long SizeBytes { get; }
    public int Width { get; }
    public int Height { get; }
    public ImageKind Kind { get; }
    public string ContentType => ImageContent.ContentType(Kind);

    public ValueTask DisposeAsync()
    {
        try { File.Delete(TempPath); } catch (IOException) { /* the temp folder is cleaned by the OS */ }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The one way images enter the portal (evidence now, specimen images later): stream to a temporary file while
/// hashing and counting, recognise the type by content and check the pixel count from the header
/// (<see cref="ReceiveAsync"/>), decode completely to prove the file whole (<see cref="VerifyAsync"/>), and store the
/// original bytes unchanged under a server-chosen name that is never overwritten (<see cref="StoreAsync"/>).
/// Receiving is cheap; verifying and storing can overlap (see <c>EvidenceBatch</c>).
/// </summary>
public sealed class ImageIntake(UploadLimits limits)
{
    /// <summary>
    /// Where uploads wait while they are checked: a folder of this process's own, made by the system with mode 0700
    /// (only the portal's user may list or read it) and a name nobody can guess or make beforehand.
    /// </summary>
    internal static string StagingDirectory => Staging.Value;

    private static readonly Lazy<string> Staging = new(() => Directory.CreateTempSubdirectory("descportal-intake-").FullName);

    // Each staged file is the owner's alone as well (0600), whatever the process's umask.
    private static readonly UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public UploadLimits Limits => limits;

    /// <summary>Receives and verifies: for callers that want a proven image before going on (a draft's attachment).</summary>
    public async Task<StagedImage> StageAsync(Stream source, string label, CancellationToken ct)
    {
        var staged = await ReceiveAsync(source, label, ct);
        try
        {
            await VerifyAsync(staged, label, ct);
            return staged;
        }
        catch
        {
            await staged.DisposeAsync();
            throw;
        }
    }

    /// <summary>Copies to a private temporary file while hashing; refuses by size, content type and declared pixels.</summary>
    public async Task<StagedImage> ReceiveAsync(Stream source, string label, CancellationToken ct)
    {
        var path = Path.Combine(StagingDirectory, Guid.NewGuid().ToString("N"));
        var staged = false;
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            var head = new byte[ImageContent.SignatureLength];
            var headLength = 0;
            var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
            try
            {
                var create = new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1, Options = FileOptions.Asynchronous,
                };
                if (!OperatingSystem.IsWindows()) create.UnixCreateMode = OwnerOnly;
                await using var file = new FileStream(path, create);
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > limits.MaxFileBytes)
                        throw new ImageRejectedException(ImageRejection.TooLarge, Refusals.Image.TooLarge, label, limits.MaxFileBytes / (1024 * 1024));
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (size == 0)
                throw new ImageRejectedException(ImageRejection.NotAnImage, Refusals.Image.Empty, label);
            var kind = ImageContent.Detect(head.AsSpan(0, headLength))
                ?? throw new ImageRejectedException(ImageRejection.NotAnImage, Refusals.Image.NotAnImage, label);

            var (width, height) = ReadHeader(path, label);
            var result = new StagedImage(path, Convert.ToHexStringLower(sha.GetHashAndReset()), size, width, height, kind);
            staged = true;
            return result;
        }
        finally
        {
            if (!staged) File.Delete(path);
        }
    }

    /// <summary>
    /// Stores the staged original. If-None-Match:* makes an existing blob of that name a failure, never an overwrite;
    /// a blob already there with the same SHA-256 is the same original (a retried command) and counts as stored.
    /// </summary>
    public static async Task StoreAsync(StagedImage image, BlobContainerClient container, string blobName, CancellationToken ct)
    {
        var blob = container.GetBlobClient(blobName);
        try
        {
            await using var file = new FileStream(image.TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await blob.UploadAsync(file, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = image.ContentType },
                Metadata = new Dictionary<string, string> { ["sha256"] = image.Sha256 },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                // One request per file: splitting into blocks measured twice as slow (docs/performance.md).
                TransferOptions = new StorageTransferOptions { InitialTransferSize = image.SizeBytes + 1, MaximumTransferSize = 64 * 1024 * 1024 },
            }, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.Status == 409)
        {
            var existing = await blob.GetPropertiesAsync(cancellationToken: ct);
            if (!existing.Value.Metadata.TryGetValue("sha256", out var sha) || !string.Equals(sha, image.Sha256, StringComparison.Ordinal))
                throw new InvalidOperationException($"A different original is already stored as {blobName}; originals are never overwritten.", e);
        }
    }

    private (int Width, int Height) ReadHeader(string path, string label)
    {
        try
        {
            // The header is read lazily: refuse a decompression bomb before decoding a single pixel.
            using var header = Image.NewFromFile(path, access: Enums.Access.Sequential);
            if ((long)header.Width * header.Height > limits.MaxPixels)
                throw new ImageRejectedException(ImageRejection.TooManyPixels, Refusals.Image.TooManyPixels,
                    label, header.Width, header.Height, limits.MaxPixels / 1_000_000);
            return (header.Width, header.Height);
        }
        catch (VipsException)
        {
            throw Corrupt(label);
        }
    }

    /// <summary>
    /// Decodes every pixel (on the thread pool) so that a truncated or corrupt file is refused instead of being
    /// filled with grey. JPEGs are decoded at 1/8 scale: every entropy-coded block is still read, which is what
    /// proves the file complete, at a fraction of the cost.
    /// </summary>
    public static Task VerifyAsync(StagedImage image, string label, CancellationToken ct) => Task.Run(() =>
    {
        try
        {
            using var full = image.Kind == ImageKind.Jpeg
                ? Image.NewFromFile(image.TempPath, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated,
                    kwargs: new VOption { { "shrink", 8 } })
                : Image.NewFromFile(image.TempPath, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            _ = full.Avg();
        }
        catch (VipsException)
        {
            throw Corrupt(label);
        }
    }, ct);

    // libvips' message names the temporary path: say what is wrong without it.
    private static ImageRejectedException Corrupt(string label) => new(ImageRejection.Corrupt, Refusals.Image.Corrupt, label);
}
