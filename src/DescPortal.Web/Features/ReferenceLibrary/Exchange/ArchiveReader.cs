using System.Buffers.Binary;
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
internal sealed class ArchiveReader(ImageIntake intake, ExchangeLimits limits)
{
    private const long MaxSignatureBytes = 64 * 1024;
    private const long MaxFormatBytes = 1024 * 1024;
    private const int MaxShownName = 120;
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <param name="zip">A seekable stream holding the archive; read from its start.</param>
    public async Task<ArchiveContents> ReadAsync(Stream zip, CancellationToken ct)
    {
        var contents = new ArchiveContents();
        try
        {
            await ReadIntoAsync(zip, contents, ct);
            return contents;
        }
        catch
        {
            await contents.DisposeAsync();
            throw;
        }
    }

    private async Task ReadIntoAsync(Stream zip, ArchiveContents contents, CancellationToken ct)
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

            var images = CheckManifest(contents.Manifest, entries, contents.Problems);
            if (contents.Problems.Count > 0) return;

            foreach (var (specimen, image) in images)
            {
                var staged = await StageAsync(entries[image.Path], specimen, image, contents.Problems, ct);
                if (staged is not null) contents.Images[image.Path] = staged;
            }
        }
    }

    // ---- stage 1: the container -------------------------------------------------------------------------------

    private Dictionary<string, ZipArchiveEntry> CheckContainer(ZipArchive archive, List<string> problems)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            problems.Add($"The archive has {archive.Entries.Count} entries, over the limit of {limits.MaxEntries}.");
            return entries;
        }
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            if (PathProblem(name) is { } problem)
            {
                problems.Add($"The archive entry '{Shown(name)}' {problem}; nothing was imported.");
                continue;
            }
            if (!seen.Add(name))
            {
                problems.Add($"The archive holds the entry '{Shown(name)}' twice.");
                continue;
            }
            if (entry.IsEncrypted)
            {
                problems.Add($"The archive entry '{Shown(name)}' is encrypted; archives are signed, not encrypted.");
                continue;
            }
            if (name.EndsWith('/'))
            {
                if (entry.Length != 0) problems.Add($"The archive entry '{Shown(name)}' is a folder with content.");
                continue; // a folder entry that tools add; it carries nothing
            }
            var limit = LimitOf(name);
            if (entry.Length > limit)
            {
                problems.Add($"The archive entry '{Shown(name)}' declares {Mb(entry.Length)}, over the limit of {Mb(limit)} for one entry.");
                continue;
            }
            total += entry.Length;
            entries[name] = entry;
        }
        if (total > limits.MaxUncompressedBytes)
            problems.Add($"The archive's entries add up to {Mb(total)} uncompressed, over the limit of {Mb(limits.MaxUncompressedBytes)}.");
        return entries;
    }

    /// <summary>
    /// Reads the end-of-central-directory record (and its zip64 form) before the zip library does: a directory that
    /// declares more entries than allowed, or is larger than that many entries can be, is refused before a single
    /// entry is parsed into memory.
    /// </summary>
    private async Task<string?> DirectoryProblemAsync(Stream zip, CancellationToken ct)
    {
        const int EndRecordLength = 22;
        var tailLength = (int)Math.Min(zip.Length, EndRecordLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        await zip.ReadExactlyAsync(tail, ct);
        var at = -1;
        for (var i = tailLength - EndRecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50) { at = i; break; }
        }
        if (at < 0) return "The file is not a zip archive, or it is damaged.";
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
        long directoryBytes = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 12));
        if (entries == ushort.MaxValue || directoryBytes == uint.MaxValue)
        {
            // Zip64: the locator sits just before the record and points at the zip64 end record.
            var locator = zip.Length - tailLength + at - 20;
            if (locator < 0) return "The file is not a zip archive, or it is damaged.";
            var buffer = new byte[56];
            zip.Position = locator;
            await zip.ReadExactlyAsync(buffer.AsMemory(0, 20), ct);
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) != 0x07064b50) return "The file is not a zip archive, or it is damaged.";
            var record = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(8));
            if (record < 0 || record > zip.Length - buffer.Length) return "The file is not a zip archive, or it is damaged.";
            zip.Position = record;
            await zip.ReadExactlyAsync(buffer, ct);
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) != 0x06064b50) return "The file is not a zip archive, or it is damaged.";
            entries = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32)), long.MaxValue);
            directoryBytes = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40)), long.MaxValue);
        }
        if (entries > limits.MaxEntries)
            return $"The archive has {entries} entries, over the limit of {limits.MaxEntries}.";
        // 46 bytes of header, a name of at most 260 characters, room for ordinary extra fields.
        if (directoryBytes > (long)Math.Max(entries, 1) * 1024)
            return $"The archive's directory is {Mb(directoryBytes)} for {entries} entries: it is not a plain archive.";
        return null;
    }

    private long LimitOf(string name) => name switch
    {
        ArchiveFormat.ManifestEntry => limits.MaxManifestBytes,
        ArchiveFormat.SignatureEntry => MaxSignatureBytes,
        ArchiveFormat.FormatEntry => MaxFormatBytes,
        _ => intake.Limits.MaxFileBytes,
    };

    /// <summary>Why a path inside an archive is unsafe (null when it is a plain relative path).</summary>
    internal static string? PathProblem(string name)
    {
        if (name.Length == 0) return "has no name";
        if (name.Length > 260) return "has a name longer than 260 characters";
        if (name.Any(char.IsControl)) return "has control characters in its name";
        if (name.Contains('\\')) return "uses a backslash in its path";
        if (name.StartsWith('/')) return "is an absolute path";
        if (name.Contains(':')) return "names a drive or a stream (':')";
        var segments = name.Split('/');
        // A trailing '/' (a folder entry) leaves one empty last segment.
        var inner = name.EndsWith('/') ? segments[..^1] : segments;
        if (inner.Any(s => s == "..")) return "climbs out of the archive's folder ('..')";
        if (inner.Any(s => s.Length == 0 || s == "." || s.Trim().Length == 0)) return "has an empty or '.' segment in its path";
        return null;
    }

    // ---- stage 2: the signature ------------------------------------------------------------------------------

    private static bool CheckSignature(ArchiveManifest manifest, byte[] manifestBytes, ArchiveSignature signature, List<string> problems)
    {
        var installation = manifest.Installation;
        var before = problems.Count;
        if (signature.Algorithm != ArchiveFormat.Algorithm)
        {
            problems.Add($"The archive is signed with '{Shown(signature.Algorithm)}'; this installation accepts {ArchiveFormat.Algorithm} only.");
            return false;
        }
        var manifestSha256 = Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
        if (!string.Equals(manifestSha256, signature.ManifestSha256, StringComparison.Ordinal))
            problems.Add($"{ArchiveFormat.ManifestEntry} was changed after it was signed: its SHA-256 ({manifestSha256}) does not match the one in {ArchiveFormat.SignatureEntry}.");

        if (string.IsNullOrWhiteSpace(installation.Name) || installation.Name.Length > 200)
            problems.Add("The archive does not name the installation that exported it.");
        if (!string.Equals(signature.KeyFingerprint, installation.Fingerprint, StringComparison.Ordinal))
            problems.Add($"{ArchiveFormat.SignatureEntry} names another key than the manifest ({Shown(signature.KeyFingerprint)}).");

        using var key = PublicKeyOf(installation, problems);
        if (key is null) return false;

        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature.Signature);
        }
        catch (FormatException)
        {
            problems.Add($"The signature in {ArchiveFormat.SignatureEntry} is not base64.");
            return false;
        }
        if (!key.VerifyData(manifestBytes, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            problems.Add($"The signature does not verify with the key of '{Shown(installation.Name)}' (fingerprint "
                + $"{Shown(InstallationIdentity.Grouped(installation.Fingerprint))}): the archive was changed after it was signed, or it was signed with another key.");
        }
        return problems.Count == before;
    }

    private static ECDsa? PublicKeyOf(ManifestInstallation installation, List<string> problems)
    {
        byte[] spki;
        try
        {
            spki = Convert.FromBase64String(installation.PublicKey);
        }
        catch (FormatException)
        {
            problems.Add("The archive's public key is not base64.");
            return null;
        }
        var fingerprint = InstallationIdentity.FingerprintOf(spki);
        if (!string.Equals(fingerprint, installation.Fingerprint, StringComparison.Ordinal))
        {
            problems.Add($"The archive claims the signer's fingerprint {Shown(installation.Fingerprint)}, but its public key's fingerprint is "
                + $"{fingerprint}: the key was replaced.");
            return null;
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length || key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
            {
                problems.Add("The archive's public key is not an ECDSA P-256 key.");
                key.Dispose();
                return null;
            }
            return key;
        }
        catch (CryptographicException)
        {
            problems.Add("The archive's public key is not an ECDSA P-256 key.");
            key.Dispose();
            return null;
        }
    }

    // ---- stage 3: what the manifest references ----------------------------------------------------------------

    private List<(ManifestSpecimen Specimen, ManifestImage Image)> CheckManifest(
        ArchiveManifest manifest, Dictionary<string, ZipArchiveEntry> entries, List<string> problems)
    {
        var images = new List<(ManifestSpecimen, ManifestImage)>();
        if (manifest.Specimens.Count == 0) problems.Add("The archive holds no specimens.");
        if (manifest.Specimens.Count > limits.MaxSpecimens)
            problems.Add($"The archive holds {manifest.Specimens.Count} specimens, over the limit of {limits.MaxSpecimens}.");
        var ids = new HashSet<Guid>();
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var specimen in manifest.Specimens)
        {
            if (specimen.OriginalId == Guid.Empty || !ids.Add(specimen.OriginalId))
                problems.Add($"The archive holds {Shown(specimen.Name)} without an id, or under an id used twice.");
            foreach (var image in specimen.Images)
            {
                var label = $"The image '{Shown(image.Path)}' of {Shown(specimen.Name)}";
                if (PathProblem(image.Path) is { } problem || image.Path.EndsWith('/') || ArchiveFormat.FixedEntries.Contains(image.Path))
                {
                    problems.Add($"{label}: the path {PathProblem(image.Path) ?? "is not an image's"}; nothing was imported.");
                    continue;
                }
                if (!paths.Add(image.Path))
                {
                    problems.Add($"{label} is named twice in the manifest.");
                    continue;
                }
                if (!IsSha256(image.Sha256))
                    problems.Add($"{label} has no valid SHA-256 in the manifest.");
                if (!entries.TryGetValue(image.Path, out var entry))
                {
                    problems.Add($"{label} is named by the manifest but missing from the archive.");
                    continue;
                }
                if (entry.Length != image.SizeBytes)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{label} holds {entry.Length} bytes, but the manifest says {image.SizeBytes}."));
                    continue;
                }
                images.Add((specimen, image));
            }
        }
        foreach (var name in entries.Keys.Where(n => !ArchiveFormat.FixedEntries.Contains(n) && !paths.Contains(n)))
            problems.Add($"The archive entry '{Shown(name)}' is not named by the manifest; nothing was imported.");
        return images;
    }

    // ---- stage 4: the images ----------------------------------------------------------------------------------

    private async Task<StagedImage?> StageAsync(ZipArchiveEntry entry, ManifestSpecimen specimen, ManifestImage image,
        List<string> problems, CancellationToken ct)
    {
        var label = $"The image '{image.Path}' of {Shown(specimen.Name)}";
        StagedImage staged;
        try
        {
            await using var raw = await entry.OpenAsync(ct);
            await using var bounded = new BoundedReadStream(raw, entry.Length, image.Path);
            // Received (hashed, typed by content, pixel count from the header) before decoding: a changed image is
            // reported as changed, not as "damaged".
            staged = await intake.ReceiveAsync(bounded, label, ct);
        }
        catch (ImageRejectedException e)
        {
            problems.Add(e.Message);
            return null;
        }
        catch (InvalidDataException)
        {
            problems.Add($"{label} cannot be read from the archive: the entry is damaged or larger than it declares.");
            return null;
        }

        var keep = false;
        try
        {
            if (!string.Equals(staged.Sha256, image.Sha256, StringComparison.Ordinal) || staged.SizeBytes != image.SizeBytes)
            {
                problems.Add($"{label} does not match its SHA-256 in the signed manifest (expected {image.Sha256}, found {staged.Sha256}): "
                    + "its bytes were changed after the archive was signed.");
                return null;
            }
            try
            {
                await ImageIntake.VerifyAsync(staged, label, ct);
            }
            catch (ImageRejectedException e)
            {
                problems.Add(e.Message);
                return null;
            }
            if (staged.ContentType != image.ContentType || staged.Width != image.Width || staged.Height != image.Height)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{label} is {staged.ContentType} of {staged.Width} × {staged.Height} pixels, but the manifest describes {Shown(image.ContentType)} of {image.Width} × {image.Height}."));
                return null;
            }
            keep = true;
            return staged;
        }
        finally
        {
            if (!keep) await staged.DisposeAsync();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private async Task<byte[]> ReadAllAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var raw = await entry.OpenAsync(ct);
        await using var bounded = new BoundedReadStream(raw, entry.Length, entry.FullName);
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, limits.MaxManifestBytes));
        try
        {
            await bounded.CopyToAsync(buffer, ct);
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveRefusedException($"The archive entry '{entry.FullName}' is damaged or larger than it declares.", e);
        }
        return buffer.ToArray();
    }

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

    private static bool HasNullMembers(ArchiveManifest m) =>
        m.Specimens.Any(s => s is null
            || s.Areas is null || s.Images.Any(i => i is null) || s.Features.Any(f => f is null || f.Lights is null || f.Locations.Any(l => l is null))
            || s.Confirmations.Any(c => c is null) || (s.Provenance?.Any(o => o is null) ?? false));

    private static bool IsSha256(string? s) =>
        s is { Length: 64 } && s.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

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

    /// <summary>Reads no more than an entry declares: a decompressor that yields more is an attack, not a file.</summary>
    private sealed class BoundedReadStream(Stream inner, long limit, string name) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - _read + 1)]);
            return Count(n);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - _read + 1)], cancellationToken);
            return Count(n);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new InvalidDataException($"The archive entry '{Shown(name)}' holds more bytes than it declares.");
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    }
}
