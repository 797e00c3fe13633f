namespace DescPortal.Web.Infrastructure.DeepZoom;

/// <summary>
/// The Deep Zoom tiles of one original (evidence or specimen image), made once: every tile of every level in one "pack"
/// blob, in index order, with each tile's offset and length here. A tile is one ranged read of the pack; storing a
/// thousand tiles as a thousand blobs would cost a thousand uploads. Keyed by the original's id and SHA-256 together
/// (<see cref="IdOf"/>): an image id alone is no key, since another image may carry the same id (an imported archive's,
/// before imports minted ids of their own) and would replace these tiles. Immutable: originals never change, so
/// neither do their tiles.
/// </summary>
public sealed class TilePyramid
{
    public const int DefaultTileSize = 254;
    public const int DefaultOverlap = 1;
    public const string Format = "jpg";

    /// <summary><see cref="IdOf"/>(<see cref="ImageId"/>, <see cref="SourceSha256"/>).</summary>
    public Guid Id { get; set; }

    /// <summary>The original's id.</summary>
    public Guid ImageId { get; set; }

    /// <summary>The original's hash: a pyramid made from other bytes is not this image's.</summary>
    public string SourceSha256 { get; set; } = "";

    public int Width { get; set; }
    public int Height { get; set; }
    public int TileSize { get; set; } = DefaultTileSize;
    public int Overlap { get; set; } = DefaultOverlap;
    public string PackBlobName { get; set; } = "";
    public long[] Offsets { get; set; } = [];
    public int[] Lengths { get; set; } = [];
    public DateTimeOffset MadeAt { get; set; }

    /// <summary>
    /// The document's id for the original (<paramref name="imageId"/>, <paramref name="sha256"/>): a UUID (version 8)
    /// from their SHA-256, so the documents table keeps its uuid key. Pyramids stored before were keyed by the image id
    /// alone; they are never found by this id, and the pyramid is made again when first asked for.
    /// </summary>
    public static Guid IdOf(Guid imageId, string sha256)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"desc-tiles:{imageId:N}:{sha256}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Whether this is the pyramid of that original (a cached or stored one is checked before every serve).</summary>
    public bool Belongs(Guid imageId, string sha256) =>
        ImageId == imageId && string.Equals(SourceSha256, sha256, StringComparison.Ordinal) && Id == IdOf(imageId, sha256);

    /// <summary>Level 0 is one pixel; the top level is the full image (the Deep Zoom convention).</summary>
    public int MaxLevel => MaxLevelOf(Width, Height);

    public static int MaxLevelOf(int width, int height) =>
        (int)Math.Ceiling(Math.Log2(Math.Max(Math.Max(width, height), 1)));

    /// <summary>Columns and rows of tiles at a level.</summary>
    public static (int Columns, int Rows) GridOf(int width, int height, int tileSize, int level)
    {
        var scale = 1L << (MaxLevelOf(width, height) - level);
        var w = (int)Math.Max(1, (width + scale - 1) / scale);
        var h = (int)Math.Max(1, (height + scale - 1) / scale);
        return ((w + tileSize - 1) / tileSize, (h + tileSize - 1) / tileSize);
    }

    /// <summary>Every tile in pack order: level by level, row by row, column by column.</summary>
    public static IEnumerable<(int Level, int Column, int Row)> TilesOf(int width, int height, int tileSize)
    {
        for (var level = 0; level <= MaxLevelOf(width, height); level++)
        {
            var (columns, rows) = GridOf(width, height, tileSize, level);
            for (var row = 0; row < rows; row++)
                for (var column = 0; column < columns; column++)
                    yield return (level, column, row);
        }
    }

    /// <summary>The tile's position in the pack, or -1 when there is no such tile (a client's numbers are never trusted).</summary>
    public int IndexOf(int level, int column, int row)
    {
        if (level < 0 || level > MaxLevel || column < 0 || row < 0) return -1;
        var index = 0;
        for (var l = 0; l < level; l++)
        {
            var (c, r) = GridOf(Width, Height, TileSize, l);
            index += c * r;
        }
        var (columns, rows) = GridOf(Width, Height, TileSize, level);
        return column < columns && row < rows ? index + row * columns + column : -1;
    }
}
