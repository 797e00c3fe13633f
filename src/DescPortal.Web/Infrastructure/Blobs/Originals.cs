using System.Buffers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;

namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>
/// An original's bytes in a private temporary file, proven to hash to the SHA-256 taken at acquisition. Serve them
/// with <see cref="OpenRead"/>, or derive from <see cref="Path"/>; disposing deletes the file.
/// </summary>
public sealed class CheckedOriginal : IAsyncDisposable
{
    internal CheckedOriginal(string path, string sha256, long length) => (Path, Sha256, Length) = (path, sha256, length);

    public string Path { get; }

    /// <summary>Lower-case hex, equal to what the record says the original is.</summary>
    public string Sha256 { get; }

    public long Length { get; }

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024,
        FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        try { File.Delete(Path); } catch (IOException) { /* the temp folder is cleaned by the OS */ }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The stored bytes of an original no longer hash to the SHA-256 its record holds (or it is gone).</summary>
public sealed class OriginalChangedException(string blobName, string expectedSha256, string? actualSha256)
    : Exception($"The original {blobName} no longer matches the SHA-256 recorded at acquisition ({expectedSha256}); it hashes to {actualSha256 ?? "nothing: it is gone"}.")
{
    public string ExpectedSha256 { get; } = expectedSha256;

    /// <summary>What the stored bytes hash to now; null when there is no such blob any more.</summary>
    public string? ActualSha256 { get; } = actualSha256;
}

/// <summary>
/// The one way an original's bytes are read (to serve, to derive, to print): downloaded into a private temporary file
/// while hashing, and handed over only when the hash is the one recorded at acquisition. Bytes changed behind the
/// portal's back are therefore never served or used, not even their first kilobytes.
/// Cost: each read writes and reads the original once more on local disk (about 45 MB for a large scan) and holds one
/// 128 KB buffer; serving straight from the blob while hashing would have sent the bytes before knowing they match.
/// </summary>
public static class Originals
{
    private static readonly string WorkDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "descportal-originals");

    /// <exception cref="OriginalChangedException">The bytes do not hash to <paramref name="expectedSha256"/>, or the blob is gone.</exception>
    public static async Task<CheckedOriginal> FetchAsync(BlobContainerClient container, string blobName, string expectedSha256, CancellationToken ct)
    {
        Directory.CreateDirectory(WorkDirectory);
        var path = System.IO.Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N"));
        var kept = false;
        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            try
            {
                var download = await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: ct);
                await using var source = download.Value.Content;
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    length += read;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw new OriginalChangedException(blobName, expectedSha256, null);
            }
            var actual = Convert.ToHexStringLower(sha.GetHashAndReset());
            if (!string.Equals(actual, expectedSha256, StringComparison.Ordinal))
                throw new OriginalChangedException(blobName, expectedSha256, actual);
            kept = true;
            return new CheckedOriginal(path, actual, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!kept) File.Delete(path);
        }
    }
}
