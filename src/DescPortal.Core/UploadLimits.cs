namespace DescPortal.Core;

/// <summary>
/// What one referral may upload. The Web enforces the limits while streaming; the defaults live here
/// so that validation, forms and configuration agree. Bind it from configuration to change them.
/// </summary>
public sealed record UploadLimits
{
    public static UploadLimits Default { get; } = new();

    /// <summary>200 MiB a file.</summary>
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>100 megapixels (width x height) an image; checked from the header before decoding.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    public int MaxFilesPerReferral { get; init; } = 20;
}
