namespace DescPortal.Web.Infrastructure.Blobs;

/// <summary>
/// libvips decodes only the formats the portal accepts (JPEG, PNG, TIFF: <see cref="DescPortal.Core.ImageContent"/>).
/// Every other loader (GIF, SVG, PDF, HEIF, WebP, PPM, Matlab, FITS, CSV, libvips' own format...) is blocked for the
/// whole process when the portal starts, so a crafted file that got past the content check still cannot reach an
/// exotic decoder and its bugs. Writers are untouched (previews and tiles are written as JPEG).
/// </summary>
public static class ImageDecoders
{
    /// <summary>libvips' loader classes the portal uses; each stands for its file, buffer and stream variants.</summary>
    public static readonly IReadOnlyList<string> Accepted = ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadTiff"];

    /// <summary>Blocks every loader but <see cref="Accepted"/> (the same for every call: safe to call again).</summary>
    public static void Restrict()
    {
        NetVips.Operation.Block("VipsForeignLoad", true);
        foreach (var loader in Accepted) NetVips.Operation.Block(loader, false);
    }
}
