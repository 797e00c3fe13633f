using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>
/// The specimen exchange archive, format version 1 (docs/decisions/0005-specimen-exchange-archives.md): a zip with
/// <c>manifest.json</c>, <c>signature.json</c>, <c>FORMAT.md</c> and the original images under <c>images/</c>.
/// The manifest is signed as the exact bytes in the archive; the images are bound to it by their SHA-256.
/// </summary>
public static class ArchiveFormat
{
    public const string Name = "desc-specimen-archive";
    public const int Version = 1;
    public const string Algorithm = "ECDSA-P256-SHA256";

    public const string ManifestEntry = "manifest.json";
    public const string SignatureEntry = "signature.json";
    public const string FormatEntry = "FORMAT.md";

    /// <summary>The fixed entries besides images: anything else in an archive must be an image the manifest names.</summary>
    public static readonly IReadOnlySet<string> FixedEntries = new HashSet<string>(StringComparer.Ordinal)
    {
        ManifestEntry, SignatureEntry, FormatEntry,
    };

    /// <summary>
    /// Strict reading: codes as strings only (no numbers), nulls only where a member is optional, every required
    /// member present. Unknown members are ignored, so a later minor addition does not break an older reader.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people too: names with diacritics, '+' and apostrophes written as they are (it is never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        MaxDepth = 16,
    };

    public static string ImagePath(Guid specimenId, Guid imageId, string contentType) =>
        $"images/{specimenId:N}/{imageId:N}{ExtensionOf(contentType)}";

    private static string ExtensionOf(string contentType) => contentType switch
    {
        "image/jpeg" => ImageContent.FileExtension(ImageKind.Jpeg),
        "image/png" => ImageContent.FileExtension(ImageKind.Png),
        "image/tiff" => ImageContent.FileExtension(ImageKind.Tiff),
        _ => ".bin",
    };

    /// <summary>What the manifest says about itself, so that the JSON documents its own format.</summary>
    public static IReadOnlyDictionary<string, string> Documentation { get; } = new Dictionary<string, string>
    {
        ["specification"] = "FORMAT.md in this archive describes every member; this section is a summary of it.",
        ["signature"] = "signature.json holds an ECDSA P-256 signature (SHA-256, IEEE P1363 r||s, base64) over the exact bytes of manifest.json, made with the key whose SubjectPublicKeyInfo is installation.publicKey.",
        ["fingerprint"] = "installation.fingerprint is the SHA-256 of the DER SubjectPublicKeyInfo, 64 lower-case hex digits.",
        ["images"] = "specimens[].images[].path names a zip entry holding the original bytes; sha256 (lower-case hex) and sizeBytes bind those bytes to the signed manifest.",
        ["codes"] = "Enumerations (documentType, documentFormat, areas, area, lightSource, lights, category, type) are the stored English codes of DescPortal, never translated labels.",
        ["dates"] = "issuedFrom and issuedTo are ISO 8601 dates (yyyy-MM-dd); every instant is ISO 8601 with its offset.",
        ["regions"] = "features[].locations[] are rectangles in pixels of the image they name (origin top left).",
        ["confirmations"] = "Confirmations by the issuing authority of the specimen's own issuing state made at the exporting installation, with the content version each confirms; an importer shows them as made there.",
        ["provenance"] = "For a specimen the exporter itself imported: where it came from before, nearest first.",
    };

    /// <summary>FORMAT.md, written into every archive.</summary>
    public const string FormatMarkdown = """
        # DESC specimen exchange archive, format version 1

        This zip archive carries reference specimens (genuine documents of the reference library) from one
        Document Examination Support Centre installation to another. It is signed by the installation that
        exported it. An importer must verify the signature and every image hash before using anything in it.

        ## Entries

        | entry | content |
        |---|---|
        | `manifest.json` | the specimens, their images, features and confirmations (UTF-8 JSON, below) |
        | `signature.json` | the exporting installation's signature over the exact bytes of `manifest.json` |
        | `FORMAT.md` | this description (not signed; informative only) |
        | `images/<specimenId>/<imageId>.<ext>` | the original image bytes (JPEG, PNG or TIFF), unchanged since acquisition |

        Exporters name images `images/<specimenId>/<imageId>.<ext>` (ids as 32 hex digits); importers accept any path
        the manifest names, provided it is relative, uses `/`, and has no `..`, `.` or empty segment, no drive letter
        or `:`, no backslash and no control character. No other entries are allowed (empty folder entries, ending in
        `/`, are tolerated). An importer never writes an entry to a path derived from its name.

        ## signature.json

        ```json
        { "algorithm": "ECDSA-P256-SHA256", "keyFingerprint": "<64 hex>", "manifestSha256": "<64 hex>", "signature": "<base64>" }
        ```

        - `manifestSha256`: SHA-256 of the bytes of `manifest.json`, lower-case hex.
        - `signature`: ECDSA over NIST P-256 with SHA-256, the signature in IEEE P1363 form (r || s, 64 bytes),
          base64, computed over the bytes of `manifest.json` exactly as stored in the archive.
        - `keyFingerprint`: repeats `installation.fingerprint` of the manifest.

        ## manifest.json

        UTF-8 JSON, member names in camelCase. Members described here as optional may be missing or null; the
        others are required. Readers ignore members they do not know. `$comment` and `documentation` repeat, in
        short, what this file says.

        - `format`: `"desc-specimen-archive"`; `formatVersion`: `1`; `exportedAt`: ISO 8601 instant.
        - `installation`: `name` (as the exporter calls itself), `publicKey` (base64 of the DER
          SubjectPublicKeyInfo of its P-256 key), `fingerprint` (SHA-256 of those DER bytes, lower-case hex).
          The signature must verify with this key, and the fingerprint must be the key's. Whether to trust the
          installation is the importer's decision: the fingerprint identifies it (compare it with the partner's
          through another channel).
        - `specimens[]`, one per specimen:
          - `originalId` (UUID at the exporter), `version` (content version at the exporter, from 1),
            `issuingState` (ICAO 9303 three-letter code), `documentType`, `series`, `issuedFrom`,
            `documentFormat` (`TD1`, `TD2`, `TD3`, `Other`), `areas`; optionally `issuedTo` (null while still
            issued), `description`, and `status`, `createdAt`, `changedAt` (informative only).
          - `images[]` (required, may be empty), `features[]` and `confirmations[]` (optional: empty when missing).
          - `images[]`: `imageId`, `path`, `sha256`, `sizeBytes`, `contentType`, `width`, `height` (pixels),
            `area`, `lightSource`, `dpi`, and optionally `wavelengthNm`, `captureDevice`, `capturedAt`, `note`.
          - `features[]`: `featureId`, `category` and `type` (ICAO 9303 Part 2 App. A, Table A-1, as codes),
            `lights`, `inspectionLevel` (1 naked eye, 2 simple tools, 3 laboratory), `description`,
            `locations[]` (`imageId`, `x`, `y`, `width`, `height` in pixels of that image).
          - `confirmations[]`: `version` confirmed, `confirmedByName`, `confirmedByUserId` (an id at the
            exporter), `country` (the issuing state itself), `at`. Only confirmations made at the exporting
            installation; an importer attributes every one to the installation that signed the archive.
          - `provenance[]` (optional): when the exporter had itself imported the specimen, where it came from,
            nearest first: `installationName`, `fingerprint`, `originalId`, `originalVersion`, `archiveSha256`.

        Codes are the stored English codes: light sources `White`, `WhiteOblique`, `Transmitted`, `Coaxial`,
        `UV365`, `UV313`, `UV254`, `IR`, `IRLuminescence`, `AntiStokes`, `PointLight`, `Other`; areas `DataPage`,
        `Cover`, `InsideCover`, `VisaPage`, `Stamp`, `Portrait`, `Mrz`, `Detail`, `Other`; document types
        `Passport`, `IdentityCard`, `Visa`, `ResidencePermit`, `RefugeeTravelDocument`, `Other`.

        ## What an importer refuses

        A signature that does not verify, a manifest whose SHA-256 differs from `manifestSha256`, a fingerprint
        that is not the key's, an image whose bytes differ from its `sha256` or `sizeBytes` or that is not a
        complete JPEG, PNG or TIFF, an entry path that is unsafe or that the manifest does not name, and archives
        over the importer's limits on entries and sizes. It imports each specimen under an id derived from
        (signer fingerprint, `originalId`), so the same specimen arriving again is recognised and not duplicated.
        """;
}

// The members of manifest.json and signature.json, in the order written. "required" members must be present in an
// archive (System.Text.Json refuses it otherwise); the others may be missing or null.

/// <summary>manifest.json.</summary>
public sealed record ArchiveManifest
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }
    public required string Format { get; init; }
    public required int FormatVersion { get; init; }
    public IReadOnlyDictionary<string, string>? Documentation { get; init; }
    public required DateTimeOffset ExportedAt { get; init; }
    public required ManifestInstallation Installation { get; init; }
    public required IReadOnlyList<ManifestSpecimen> Specimens { get; init; }
}

public sealed record ManifestInstallation
{
    public required string Name { get; init; }
    public required string Fingerprint { get; init; }
    /// <summary>Base64 of the DER SubjectPublicKeyInfo.</summary>
    public required string PublicKey { get; init; }
}

public sealed record ManifestSpecimen
{
    public required Guid OriginalId { get; init; }
    public required int Version { get; init; }
    public required string IssuingState { get; init; }
    public required DocumentType DocumentType { get; init; }
    public required string Series { get; init; }
    public required DateOnly IssuedFrom { get; init; }
    public DateOnly? IssuedTo { get; init; }
    public required DocumentFormat DocumentFormat { get; init; }
    public string Description { get; init; } = "";
    public required IReadOnlyList<DocumentArea> Areas { get; init; }
    public SpecimenStatus? Status { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }
    public required IReadOnlyList<ManifestImage> Images { get; init; }
    public IReadOnlyList<ManifestFeature> Features { get; init; } = [];
    public IReadOnlyList<ManifestConfirmation> Confirmations { get; init; } = [];
    /// <summary>Earlier hand-overs, nearest first; missing for a specimen the exporter made itself.</summary>
    public IReadOnlyList<ManifestOrigin>? Provenance { get; init; }

    [JsonIgnore]
    public string Name => $"{IssuingState} {DocumentType} {Series}";
}

public sealed record ManifestImage
{
    public required Guid ImageId { get; init; }
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    public required long SizeBytes { get; init; }
    public required string ContentType { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required DocumentArea Area { get; init; }
    public required LightSource LightSource { get; init; }
    public required int Dpi { get; init; }
    public int? WavelengthNm { get; init; }
    public string? CaptureDevice { get; init; }
    public DateTimeOffset? CapturedAt { get; init; }
    public string? Note { get; init; }
}

public sealed record ManifestFeature
{
    public required Guid FeatureId { get; init; }
    public required SecurityFeatureCategory Category { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<LightSource> Lights { get; init; }
    public required int InspectionLevel { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<ManifestLocation> Locations { get; init; }
}

public sealed record ManifestLocation
{
    public required Guid ImageId { get; init; }
    public required int X { get; init; }
    public required int Y { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
}

public sealed record ManifestConfirmation
{
    public required int Version { get; init; }
    public required string ConfirmedByName { get; init; }
    public required string ConfirmedByUserId { get; init; }
    public required string Country { get; init; }
    public required DateTimeOffset At { get; init; }
}

/// <summary>One earlier hand-over of a specimen between installations.</summary>
public sealed record ManifestOrigin
{
    public required string InstallationName { get; init; }
    public required string Fingerprint { get; init; }
    public required Guid OriginalId { get; init; }
    public required int OriginalVersion { get; init; }
    public required string ArchiveSha256 { get; init; }
}

/// <summary>signature.json.</summary>
public sealed record ArchiveSignature
{
    public required string Algorithm { get; init; }
    public required string KeyFingerprint { get; init; }
    public required string ManifestSha256 { get; init; }
    /// <summary>Base64 of the IEEE P1363 (r||s) signature over manifest.json's bytes.</summary>
    public required string Signature { get; init; }
}
