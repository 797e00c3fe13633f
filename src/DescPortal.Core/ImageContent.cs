namespace DescPortal.Core;

public enum ImageKind
{
    Jpeg,
    Png,
    Tiff,
}

/// <summary>
/// Recognises evidence images by their first bytes. A file's name and declared content type are
/// whatever the sender's machine said; the bytes are what will be decoded and kept.
/// </summary>
public static class ImageContent
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to tell every kind apart.</summary>
    public const int SignatureLength = 8;

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> TiffLittleEndian => [0x49, 0x49, 0x2A, 0x00]; // II*\0
    private static ReadOnlySpan<byte> TiffBigEndian => [0x4D, 0x4D, 0x00, 0x2A]; // MM\0*
    private static ReadOnlySpan<byte> BigTiffLittleEndian => [0x49, 0x49, 0x2B, 0x00]; // II+\0
    private static ReadOnlySpan<byte> BigTiffBigEndian => [0x4D, 0x4D, 0x00, 0x2B]; // MM\0+

    /// <summary>The kind of image the bytes start, or null for anything else (GIF, PDF, too short...).</summary>
    public static ImageKind? Detect(ReadOnlySpan<byte> firstBytes)
    {
        if (firstBytes.StartsWith(Png))
        {
            return ImageKind.Png;
        }
        if (firstBytes.StartsWith(Jpeg))
        {
            return ImageKind.Jpeg;
        }
        if (firstBytes.StartsWith(TiffLittleEndian) || firstBytes.StartsWith(TiffBigEndian)
            || firstBytes.StartsWith(BigTiffLittleEndian) || firstBytes.StartsWith(BigTiffBigEndian))
        {
            return ImageKind.Tiff;
        }
        return null;
    }

    public static string ContentType(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.Png => "image/png",
        ImageKind.Tiff => "image/tiff",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The file extension to store the kind under, with its dot.</summary>
    public static string FileExtension(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => ".jpg",
        ImageKind.Png => ".png",
        ImageKind.Tiff => ".tif",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
