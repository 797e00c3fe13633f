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
/// Makes and serves Deep Zoom pyramids. Making: the original is downloaded to a server-named temporary folder,
/// NetVips writes the Deep Zoom tiles (what `vips dzsave` does), they are packed into one blob in index order and the
/// <see cref="TilePyramid"/> is stored last, so a pyramid is visible only once its pack is complete. Serving: one
/// ranged read of the pack per tile. Callers check the user's right to the image before asking for a tile.
/// </summary>
public sealed class TilePyramids(IDocumentStore store, BlobContainers blobs, AdvisoryLocks locks, PortalMetrics metrics, TimeProvider clock,
    ILogger<TilePyramids> log)
{
    public const int JpegQuality = 85;

    private static readonly string WorkDirectory = Path.Combine(Path.GetTempPath(), "descportal-tiles");

    // Pyramids never change once made: keep the few in use in memory rather than reading them for every tile.
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

    public async Task<TilePyramid?> FindAsync(Guid imageId, CancellationToken ct)
    {
        if (_cache.TryGetValue(imageId, out var cached)) return cached;
        await using var session = store.QuerySession();
        var pyramid = await session.LoadAsync<TilePyramid>(imageId, ct);
        if (pyramid is not null && _cache.Count < 2_000) _cache[imageId] = pyramid;
        return pyramid;
    }

    /// <summary>
    /// Makes the pyramid unless one of the same original exists. Safe to run twice, even at once and in two processes:
    /// copies for one image run one after the other, and the second finds the first's.
    /// </summary>
    public async Task<TilePyramid> MakeAsync(Guid imageId, BlobContainerClient source, string sourceBlob, string sourceSha256, CancellationToken ct)
    {
        if (await FindAsync(imageId, ct) is { } found && found.SourceSha256 == sourceSha256) return found;
        await using var making = await locks.AcquireAsync("tiles", imageId, ct);
        if (await FindAsync(imageId, ct) is { } existing && existing.SourceSha256 == sourceSha256) return existing;

        var started = Stopwatch.GetTimestamp();
        var work = Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var original = Path.Combine(work, "original");
            await source.GetBlobClient(sourceBlob).DownloadToAsync(original, ct);
            var (width, height) = Tile(original, Path.Combine(work, "pyramid"));
            var pack = Path.Combine(work, "pack");
            var (offsets, lengths) = await PackAsync(Path.Combine(work, "pyramid_files"), pack, width, height, ct);

            // The pack's name derives from the image and its hash: a retried job overwrites the same bytes.
            var packName = $"tiles/{imageId:N}/{sourceSha256[..16]}.pack";
            await blobs.Derivatives.GetBlobClient(packName).UploadAsync(pack, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
                Metadata = new Dictionary<string, string> { [ImageDerivatives.DerivedFrom] = sourceSha256 },
            }, ct);

            var pyramid = new TilePyramid
            {
                Id = imageId, SourceSha256 = sourceSha256, Width = width, Height = height,
                PackBlobName = packName, Offsets = offsets, Lengths = lengths, MadeAt = clock.GetUtcNow(),
            };
            await using var session = store.LightweightSession();
            session.Store(pyramid);
            await session.SaveChangesAsync(ct);
            _cache[imageId] = pyramid;
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

    /// <summary>The bytes of one tile, or null when the pyramid has no such tile.</summary>
    public async Task<Stream?> OpenTileAsync(TilePyramid pyramid, int level, int column, int row, CancellationToken ct)
    {
        var index = pyramid.IndexOf(level, column, row);
        if (index < 0) return null;
        var range = new HttpRange(pyramid.Offsets[index], pyramid.Lengths[index]);
        var download = await blobs.Derivatives.GetBlobClient(pyramid.PackBlobName)
            .DownloadStreamingAsync(new BlobDownloadOptions { Range = range }, ct);
        return download.Value.Content;
    }
}
