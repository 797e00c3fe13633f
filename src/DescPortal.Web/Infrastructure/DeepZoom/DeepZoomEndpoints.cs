using System.Globalization;

namespace DescPortal.Web.Infrastructure.DeepZoom;

/// <summary>
/// What an image endpoint answers for Deep Zoom, once its caller has checked the user's right to the image and read
/// the image's id and SHA-256 from its record: the pyramid's description (for the viewer), or one tile. An image without a pyramid yet gets its job enqueued
/// and a 404 that says so; the viewer shows the plain image meanwhile and asks again. Tiles are served from the app, never from a
/// public blob URL.
/// </summary>
public static class DeepZoomEndpoints
{
    /// <summary>The viewer's description: sizes, and where the tiles are ({tilesUrl}{level}/{column}_{row}.jpg).</summary>
    public sealed record DeepZoomDescription(int Width, int Height, int TileSize, int Overlap, string Format, string TilesUrl)
    {
        public static DeepZoomDescription Of(TilePyramid p, string tilesUrl) =>
            new(p.Width, p.Height, p.TileSize, p.Overlap, TilePyramid.Format, tilesUrl);
    }

    /// <param name="imageId">The image's id, from the server's record of it.</param>
    /// <param name="sha256">The original's SHA-256, from the same record: the pyramid must be of these bytes.</param>
    /// <param name="queueMaking">Queues the job of the image's feature that makes its pyramid.</param>
    public static async Task<IResult> DescribeAsync(TilePyramids pyramids, Guid imageId, string sha256, string tilesUrl, Action queueMaking,
        CancellationToken ct)
    {
        if (await pyramids.FindAsync(imageId, sha256, ct) is not { } p)
        {
            // Made once: a duplicated job finds the first one's pyramid and stops.
            if (pyramids.ShouldQueue(imageId)) queueMaking();
            return Results.Problem(statusCode: 404, title: "The deep zoom tiles are being prepared.", detail: "Show the image itself meanwhile.");
        }
        return Results.Ok(DeepZoomDescription.Of(p, tilesUrl));
    }

    /// <summary>One tile: "{column}_{row}.jpg" at a level; anything else is a 404, whatever the URL says.</summary>
    public static async Task<IResult> TileAsync(TilePyramids pyramids, HttpContext http, Guid imageId, string sha256, int level, string tile,
        CancellationToken ct)
    {
        if (await pyramids.FindAsync(imageId, sha256, ct) is not { } pyramid || !TryParseTile(tile, out var column, out var row))
            return Results.NotFound();
        var content = await pyramids.OpenTileAsync(pyramid, level, column, row, ct);
        if (content is null) return Results.NotFound();
        // Tiles are the image itself, a piece at a time: no copy stays in a browser's or a proxy's cache (the viewer
        // keeps the tiles it shows in memory).
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(content, "image/jpeg");
    }

    private static bool TryParseTile(string tile, out int column, out int row)
    {
        column = row = -1;
        const string suffix = "." + TilePyramid.Format;
        if (!tile.EndsWith(suffix, StringComparison.Ordinal)) return false;
        var name = tile.AsSpan(0, tile.Length - suffix.Length);
        var separator = name.IndexOf('_');
        return separator > 0
            && int.TryParse(name[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out column)
            && int.TryParse(name[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out row);
    }
}
