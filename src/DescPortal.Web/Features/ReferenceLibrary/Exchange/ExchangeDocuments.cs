using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>Limits on archives, bound from configuration section <c>Exchange</c>; the per-image limit is UploadLimits.MaxFileBytes.</summary>
public sealed record ExchangeLimits
{
    public const string Section = "Exchange";

    public static ExchangeLimits Default { get; } = new();

    /// <summary>The archive as uploaded (compressed): 1 GiB.</summary>
    [Range(typeof(long), "1", "68719476736")]
    public long MaxArchiveBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>All entries together, uncompressed, as declared and as read: 2 GiB.</summary>
    [Range(typeof(long), "1", "68719476736")]
    public long MaxUncompressedBytes { get; init; } = 2048L * 1024 * 1024;

    [Range(1, 1_000_000)]
    public int MaxEntries { get; init; } = 2000;

    [Range(typeof(long), "1", "1073741824")]
    public long MaxManifestBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Specimens one archive may carry, and one export may pick.</summary>
    [Range(1, 100_000)]
    public int MaxSpecimens { get; init; } = 100;
}

/// <summary>
/// "This installation holds the specimen that installation <see cref="Fingerprint"/> calls <see cref="OriginalId"/>":
/// one per hand-over in an imported specimen's provenance, so that the same specimen arriving again (the same
/// archive, a later export, or through another partner) is recognised. Id: <see cref="IdOf"/>.
/// </summary>
public sealed class ExchangeKey
{
    public string Id { get; set; } = "";
    public Guid SpecimenId { get; set; }
    public string Fingerprint { get; set; } = "";
    public Guid OriginalId { get; set; }
    public int OriginalVersion { get; set; }
    /// <summary>True for the signer of the archive it was imported from; false for an earlier hand-over.</summary>
    public bool Direct { get; set; }

    public static string IdOf(string fingerprint, Guid originalId) => $"{fingerprint}:{originalId:N}";
}

/// <summary>
/// The hand-overs before the one recorded in the specimen's <c>SpecimenImported</c> origin, nearest first, as the
/// signed archive stated them. Kept so that exporting the specimen again passes the whole chain on.
/// </summary>
public sealed class SpecimenProvenance
{
    public Guid Id { get; set; }
    public List<ManifestOrigin> EarlierOrigins { get; set; } = [];
}

public enum ExchangeDirection
{
    Export,
    Import,
}

public enum ExchangeOutcome
{
    Exported,
    Created,
    /// <summary>A newer version of a specimen imported before from the same signer replaced it.</summary>
    Updated,
    Skipped,
}

/// <summary>Chain of custody: every archive that left or entered the library, who handled it, when, and what it held.</summary>
public sealed class ExchangeRecord
{
    public Guid Id { get; set; }
    public ExchangeDirection Direction { get; set; }
    public string ArchiveSha256 { get; set; } = "";
    public string InstallationName { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public List<ExchangeRecordItem> Specimens { get; set; } = [];
}

public sealed record ExchangeRecordItem(Guid? SpecimenId, Guid OriginalId, int Version, ExchangeOutcome Outcome, string? Message);

public static class ExchangeIds
{
    /// <summary>
    /// The local id of a specimen imported from the installation with <paramref name="fingerprint"/>, where its id
    /// is <paramref name="originalId"/>: the same on every import, so a second import finds the first.
    /// </summary>
    public static Guid LocalId(string fingerprint, Guid originalId) =>
        Uuid("desc-exchange:" + ExchangeKey.IdOf(fingerprint, originalId));

    /// <summary>
    /// The local id of an image of that specimen, where the archive calls it <paramref name="originalImageId"/>: an id of
    /// this installation, never the archive's own, so an archive cannot make its image meet one held here under the same
    /// id (an evidence image, another specimen's). The same on every import, so a newer version finds the image.
    /// </summary>
    public static Guid LocalImageId(string fingerprint, Guid originalSpecimenId, Guid originalImageId) =>
        Uuid($"desc-exchange-image:{ExchangeKey.IdOf(fingerprint, originalSpecimenId)}:{originalImageId:N}");

    private static Guid Uuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 (custom) and variant bits, so the id reads as a well-formed UUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>An archive refused, with every reason found.</summary>
public sealed class ArchiveRefusedException : Exception
{
    public ArchiveRefusedException(IReadOnlyList<string> problems) : base(string.Join(" ", problems)) => Problems = problems;
    public ArchiveRefusedException(string message) : this([message]) { }
    public ArchiveRefusedException() : this("The archive was refused.") { }
    public ArchiveRefusedException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}

/// <summary>An export that cannot be made: the message says why (missing ids, a stored image that no longer matches its hash...).</summary>
public sealed class ExportRefusedException : Exception
{
    public ExportRefusedException(string message, int statusCode) : base(message) => StatusCode = statusCode;
    public ExportRefusedException(string message) : this(message, StatusCodes.Status409Conflict) { }
    public ExportRefusedException() : this("The export was refused.") { }
    public ExportRefusedException(string message, Exception inner) : base(message, inner) => StatusCode = StatusCodes.Status500InternalServerError;

    public int StatusCode { get; }
}

/// <summary>Temporary files of the exchange, always named by the server.</summary>
public static class ExchangeFiles
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "descportal-exchange");

    /// <summary>A new empty file with a server-chosen name, deleted when the stream is closed.</summary>
    public static FileStream CreateTemporary()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return new FileStream(Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
    }
}
