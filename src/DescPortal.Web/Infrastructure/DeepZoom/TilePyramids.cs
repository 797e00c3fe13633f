using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Persistence;
using DescPortal.Web.Infrastructure.Telemetry;
using Marten;
using NetVips;

namespace DescPortal.Web.Infrastructure.DeepZoom;

/// <summary>
/// Makes and serves Deep Zoom pyramids. Making: the original is downloaded to a server-named temporary file and checked,
/// NetVips writes the Deep Zoom tiles (what `vips dzsave` does), they are packed into one blob in index order and the
/// <see cref="TilePyramid"/> is stored last, so a pyramid is visible only once its pack is complete. Serving: one
/// ranged read of the pack per tile, whose metadata must name the original. Callers check the user's right to the
/// image before asking for a tile, and look pyramids up by the image's id and SHA-256 as their record holds them.
/// </summary>
public sealed class TilePyramids(IDocumentStore store, BlobContainers blobs, AdvisoryLocks locks, PortalMetrics metrics, TimeProvider clock,
    ILogger<TilePyramids> log)
{
    public const int JpegQuality = 85;

    private static readonly string WorkDirectory = Path.Combine(Path.GetTempPath(), "descportal-tiles");

    // Pyramids never change once made: keep the few in use in memory rather than reading them for every tile. Keyed by
    // the document's id, which derives from the original's id and hash.
    private readonly ConcurrentDictionary<Guid, TilePyramid> _cache = new();

    // When a viewer last found an image without its pyramid and a job was queued for it.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _asked = new();

    /// <summary>
    /// Whether a viewer's ask for an image without a pyramid should queue a job: once per image in a while, so a viewer
    /// asking again until the tiles are there does not queue a job each time. Memory per process: another process may
    /// queue once more, and the job stops when it finds the pyramid made.
    /// </summary>
    public bool ShouldQueue(Guid imageId)
    {
        var now = clock.GetUtcNow();
        if (_asked.TryGetValue(imageId, out var at) && now - at < TimeSpan.FromMinutes(2)) return false;
        if (_asked.Count > 10_000) _asked.Clear();
        _asked[imageId] = now;
        return true;
    }

    /// <summary>
    /// The pyramid of the original (<paramref name="imageId"/>, <paramref name="sha256"/>), both from the server's
    /// record of the image, never from the request; null when it is not made (or not made from those bytes).
    /// </summary>
    public async Task<TilePyramid?> FindAsync(Guid imageId, string sha256, CancellationToken ct)
    {
        var id = TilePyramid.IdOf(imageId, sha256);
        if (!_cache.TryGetValue(id, out var pyramid))
        {
            await using var session = store.QuerySession();
            pyramid = await session.LoadAsync<TilePyramid>(id, ct);
            if (pyramid is not null && _cache.Count < 2_000) _cache[id] = pyramid;
        }
        return pyramid is not null && pyramid.Belongs(imageId, sha256) ? pyramid : null;
    }

    /// <summary>
    /// Makes the pyramid of the original (<paramref name="imageId"/>, <paramref name="sha256"/>) unless it exists.
    /// <paramref name="fetch"/> gives the original's bytes checked against <paramref name="sha256"/> (see
    /// <see cref="Originals"/>); it is called only when the pyramid must be made. Safe to run twice, even at once and in
    /// two processes: copies for one original run one after the other, and the second finds the first's.
    /// </summary>
    public async Task<TilePyramid> MakeAsync(Guid imageId, string sha256, Func<CancellationToken, Task<CheckedOriginal>> fetch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (await FindAsync(imageId, sha256, ct) is { } found) return found;
        var id = TilePyramid.IdOf(imageId, sha256);
        await using var making = await locks.AcquireAsync("tiles", id, ct);
        if (await FindAsync(imageId, sha256, ct) is { } existing) return existing;

        var started = Stopwatch.GetTimestamp();
        var work = Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            int width, height;
            await using (var original = await fetch(ct))
            {
                if (!string.Equals(original.Sha256, sha256, StringComparison.Ordinal))
                    throw new InvalidOperationException($"Asked for the tiles of {sha256} but given the bytes of {original.Sha256}.");
                (width, height) = Tile(original.Path, Path.Combine(work, "pyramid"));
            }
            var pack = Path.Combine(work, "pack");
            var (offsets, lengths) = await PackAsync(Path.Combine(work, "pyramid_files"), pack, width, height, ct);

            // The pack's name derives from the original's id and hash: a retried job overwrites the same bytes.
            var packName = ImageDerivatives.NameOf("tiles", imageId, sha256, ".pack");
            await blobs.Derivatives.GetBlobClient(packName).UploadAsync(pack, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
                Metadata = ImageDerivatives.MetadataOf(imageId, sha256),
            }, ct);

            var pyramid = new TilePyramid
            {
                Id = id, ImageId = imageId, SourceSha256 = sha256, Width = width, Height = height,
                PackBlobName = packName, Offsets = offsets, Lengths = lengths, MadeAt = clock.GetUtcNow(),
            };
            await using var session = store.LightweightSession();
            session.Store(pyramid);
            await session.SaveChangesAsync(ct);
            _cache[id] = pyramid;
            metrics.TilePyramidMade(Stopwatch.GetElapsedTime(started));
            log.LogInformation("Made the Deep Zoom pyramid of {Image}: {Width} × {Height}, {Tiles} tiles", imageId, width, height, offsets.Length);
            return pyramid;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>What `vips dzsave original pyramid --tile-size 254 --overlap 1 --suffix .jpg[Q=85]` does.</summary>
    public static (int Width, int Height) Tile(string original, string target)
    {
        // Sequential access: the image streams through once, so a 50-megapixel original is never whole in memory.
        using var image = Image.NewFromFile(original, access: Enums.Access.Sequential);
        image.Dzsave(target, layout: Enums.ForeignDzLayout.Dz, suffix: $".jpg[Q={JpegQuality},strip]",
            overlap: TilePyramid.DefaultOverlap, tileSize: TilePyramid.DefaultTileSize);
        return (image.Width, image.Height);
    }

    private static async Task<(long[] Offsets, int[] Lengths)> PackAsync(string tiles, string pack, int width, int height, CancellationToken ct)
    {
        var offsets = new List<long>();
        var lengths = new List<int>();
        await using var output = File.Create(pack);
        foreach (var (level, column, row) in TilePyramid.TilesOf(width, height, TilePyramid.DefaultTileSize))
        {
            var file = Path.Combine(tiles, level.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{column}_{row}.{TilePyramid.Format}");
            var bytes = await File.ReadAllBytesAsync(file, ct);
            offsets.Add(output.Position);
            lengths.Add(bytes.Length);
            await output.WriteAsync(bytes, ct);
        }
        return ([.. offsets], [.. lengths]);
    }

    /// <summary>
    /// The bytes of one tile, or null when the pyramid has no such tile, or when the pack does not say it was made from
    /// the pyramid's original (checked on every read: the metadata comes with the ranged read at no extra cost). Such a
    /// pyramid is forgotten, so that the next ask for it queues the job that makes it again.
    /// </summary>
    public async Task<Stream?> OpenTileAsync(TilePyramid pyramid, int level, int column, int row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pyramid);
        var index = pyramid.IndexOf(level, column, row);
        if (index < 0) return null;
        var range = new HttpRange(pyramid.Offsets[index], pyramid.Lengths[index]);
        BlobDownloadStreamingResult download;
        try
        {
            download = (await blobs.Derivatives.GetBlobClient(pyramid.PackBlobName)
                .DownloadStreamingAsync(new BlobDownloadOptions { Range = range }, ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 416)
        {
            await ForgetAsync(pyramid, "is gone", ct);
            return null;
        }
        if (ImageDerivatives.BelongsTo(download.Details.Metadata, pyramid.ImageId, pyramid.SourceSha256)) return download.Content;
        download.Dispose();
        await ForgetAsync(pyramid, "was not made from its original", ct);
        return null;
    }

    private async Task ForgetAsync(TilePyramid pyramid, string why, CancellationToken ct)
    {
        log.LogWarning("The tile pack {Blob} of image {Image} (SHA-256 {Sha256}) {Why}: not served; the pyramid will be made again",
            pyramid.PackBlobName, pyramid.ImageId, pyramid.SourceSha256, why);
        _cache.TryRemove(pyramid.Id, out _);
        await using var session = store.LightweightSession();
        session.Delete<TilePyramid>(pyramid.Id);
        await session.SaveChangesAsync(ct);
    }
}
