using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using DescPortal.Core;
using DescPortal.Web.Infrastructure.Blobs;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>What reading an archive found: who claims to have signed it, whether that holds, the manifest, and
/// (when every check passed) the images staged in private temporary files, proven whole and hash-checked.</summary>
internal sealed class ArchiveContents : IAsyncDisposable
{
    public string ArchiveSha256 { get; set; } = "";
    public ArchiveManifest? Manifest { get; set; }
    public string? SignerName => Manifest?.Installation?.Name;
    public string? SignerFingerprint => Manifest?.Installation?.Fingerprint;
    public bool SignatureValid { get; set; }
    /// <summary>The signer's name as registered here (a partner, or this installation itself); null when it is not registered.</summary>
    public string? PartnerName { get; set; }
    public List<string> Problems { get; } = [];
    /// <summary>The staged originals by their path in the archive.</summary>
    public Dictionary<string, StagedImage> Images { get; } = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var image in Images.Values) await image.DisposeAsync();
        Images.Clear();
    }
}

/// <summary>
/// Reads an archive defensively, in stages that stop at the first stage with a problem: the container (entry
/// count, names, declared sizes), then the signature over the manifest, then the manifest's references, and only
/// then the image bytes. Entries are read as streams and never extracted to paths: images go through
/// <see cref="ImageIntake"/> (hash and type by content, pixel limit from the header, then a full decode) into
/// temporary files it names itself.
/// </summary>
// Its stages, one file each, in the order ReadIntoAsync runs them: Container (the zip itself, read safely),
// Signature (who signed the manifest, and whether that holds), Manifest (what it names, against the entries) and
// Images (each one staged, hash-checked and decoded). Here: the order of the stages and the helpers they share.
internal sealed partial class ArchiveReader(ImageIntake intake, ExchangeLimits limits)
{
    private const long MaxSignatureBytes = 64 * 1024;
    private const long MaxFormatBytes = 1024 * 1024;
    private const int MaxShownName = 120;
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <param name="zip">A seekable stream holding the archive; read from its start.</param>
    /// <param name="registeredName">The name registered here for a key fingerprint, or null: an archive signed by any
    /// other key is refused after its signature, before its manifest's references or any image is read.</param>
    public async Task<ArchiveContents> ReadAsync(Stream zip, Func<string, string?> registeredName, CancellationToken ct)
    {
        var contents = new ArchiveContents();
        try
        {
            await ReadIntoAsync(zip, registeredName, contents, ct);
            return contents;
        }
        catch
        {
            await contents.DisposeAsync();
            throw;
        }
    }

    private async Task ReadIntoAsync(Stream zip, Func<string, string?> registeredName, ArchiveContents contents, CancellationToken ct)
    {
        if (zip.Length > limits.MaxArchiveBytes)
        {
            contents.Problems.Add($"The archive is {Mb(zip.Length)}, over the limit of {Mb(limits.MaxArchiveBytes)}.");
            return;
        }
        zip.Position = 0;
        contents.ArchiveSha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(zip, ct));
        zip.Position = 0;

        if (await DirectoryProblemAsync(zip, ct) is { } directoryProblem)
        {
            contents.Problems.Add(directoryProblem);
            return;
        }
        zip.Position = 0;

        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, ct);
        }
        catch (InvalidDataException)
        {
            contents.Problems.Add("The file is not a zip archive, or it is damaged.");
            return;
        }
        await using (archive)
        {
            var entries = CheckContainer(archive, contents.Problems);
            if (contents.Problems.Count > 0) return;

            if (!entries.TryGetValue(ArchiveFormat.ManifestEntry, out var manifestEntry)
                || !entries.TryGetValue(ArchiveFormat.SignatureEntry, out var signatureEntry))
            {
                contents.Problems.Add($"The archive holds no {ArchiveFormat.ManifestEntry} or no {ArchiveFormat.SignatureEntry}: it is not a specimen archive.");
                return;
            }
            var manifestBytes = await ReadAllAsync(manifestEntry, ct);
            var signatureBytes = await ReadAllAsync(signatureEntry, ct);

            var signature = Parse<ArchiveSignature>(signatureBytes, ArchiveFormat.SignatureEntry, contents.Problems);
            contents.Manifest = Parse<ArchiveManifest>(manifestBytes, ArchiveFormat.ManifestEntry, contents.Problems);
            if (signature is null || contents.Manifest is null) return;
            if (HasNullMembers(contents.Manifest))
            {
                contents.Problems.Add($"{ArchiveFormat.ManifestEntry} is not valid: a list holds null where a specimen, image, feature, region, confirmation or origin belongs.");
                contents.Manifest = null;
                return;
            }
            if (contents.Manifest.Format != ArchiveFormat.Name)
            {
                contents.Problems.Add($"{ArchiveFormat.ManifestEntry} is not a {ArchiveFormat.Name} manifest.");
                contents.Manifest = null;
                return;
            }
            if (contents.Manifest.FormatVersion != ArchiveFormat.Version)
            {
                contents.Problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The archive is in format version {contents.Manifest.FormatVersion}; this installation reads version {ArchiveFormat.Version}."));
                return;
            }

            contents.SignatureValid = CheckSignature(contents.Manifest, manifestBytes, signature, contents.Problems);
            if (!contents.SignatureValid) return;

            // Only registered partners: an unknown signer's images never reach the decoders.
            contents.PartnerName = registeredName(contents.Manifest.Installation.Fingerprint);
            if (contents.PartnerName is null)
            {
                contents.Problems.Add(NotAPartner(contents.Manifest.Installation));
                return;
            }

            var images = CheckManifest(contents.Manifest, entries, contents.Problems);
            if (contents.Problems.Count > 0) return;

            foreach (var (specimen, image) in images)
            {
                var staged = await StageAsync(entries[image.Path], specimen, image, contents.Problems, ct);
                if (staged is not null) contents.Images[image.Path] = staged;
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /// <summary>The refusal of a validly signed archive from an unregistered key: its fingerprint, for the administrator to compare.</summary>
    internal static string NotAPartner(ManifestInstallation signer) =>
        $"This archive is signed by a key that is not registered here as a partner installation: key fingerprint "
        + $"{InstallationIdentity.Grouped(signer.Fingerprint)} (the archive names its installation '{Shown(signer.Name)}'). "
        + "Compare this fingerprint with the one the partner gives you by phone or letter; once an administrator has registered it "
        + "(Administration, Partner installations), import the archive again.";

    private static T? Parse<T>(byte[] json, string entry, List<string> problems) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ArchiveFormat.Json)
                ?? throw new JsonException("It is empty (null).");
        }
        catch (JsonException e)
        {
            problems.Add($"{entry} is not valid: {Shown(e.Message, 400)}");
            return null;
        }
    }

    /// <summary>A name from the archive, safe to show: no control characters, not too long.</summary>
    internal static string Shown(string? text, int max = MaxShownName)
    {
        if (text is null) return "";
        var clean = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length <= max ? clean : string.Concat(clean.AsSpan(0, max), "…");
    }

    private static string Mb(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
