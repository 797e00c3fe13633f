using System.ComponentModel.DataAnnotations;

namespace DescPortal.Core;

/// <summary>
/// What one referral may upload. The Web enforces the limits while streaming; the defaults live here
/// so that validation, forms and configuration agree. Bound from configuration section <see cref="Section"/>.
/// </summary>
public sealed record UploadLimits
{
    public const string Section = "Uploads";

    public static UploadLimits Default { get; } = new();

    /// <summary>200 MiB a file.</summary>
    [Range(typeof(long), "1", "4294967296")]
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>100 megapixels (width x height) an image; checked from the header before decoding.</summary>
    [Range(typeof(long), "1", "1000000000")]
    public long MaxPixels { get; init; } = 100_000_000;

    [Range(1, 1000)]
    public int MaxFilesPerReferral { get; init; } = 20;
}
