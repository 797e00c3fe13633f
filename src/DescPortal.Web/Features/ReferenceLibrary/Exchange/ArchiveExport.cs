using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>What an export wrote.</summary>
public sealed record ExportSummary(string FileName, string ArchiveSha256, int SpecimenCount, int ImageCount);

/// <summary>
/// Writes specimens as one signed archive (<see cref="ArchiveFormat"/>). Only library editors export; every id must
/// be a specimen the caller can see. Each image is read from the library's blob storage and its SHA-256 checked
/// while it is written: an original that no longer matches its recorded hash stops the export (chain of custody).
/// </summary>
public sealed class ArchiveExport(
    IDocumentStore store, BlobContainers blobs, InstallationIdentity installation, ExchangeLimits limits, TimeProvider clock,
    ILogger<ArchiveExport> log)
{
    public async Task<ExportSummary> ExportAsync(UserScope scope, IReadOnlyCollection<Guid> ids, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(output);
        if (!LibraryAccess.CanEdit(scope))
            throw new UnauthorizedAccessException("Only library editors (examiners and reviewers) can export specimens.");
        var wanted = ids.Where(id => id != Guid.Empty).Distinct().ToList();
        if (wanted.Count == 0)
            throw new ExportRefusedException("Choose at least one specimen to export.", StatusCodes.Status400BadRequest);
        if (wanted.Count > limits.MaxSpecimens)
            throw new ExportRefusedException($"An archive holds at most {limits.MaxSpecimens} specimens; {wanted.Count} were chosen.",
                StatusCodes.Status400BadRequest);

        var (entries, provenance) = await LoadAsync(scope, wanted, ct);
        var me = await installation.GetAsync(ct);
        var now = clock.GetUtcNow();
        var manifest = new ArchiveManifest
        {
            Comment = $"A {ArchiveFormat.Name} archive, format version {ArchiveFormat.Version}: see FORMAT.md and the documentation member.",
            Format = ArchiveFormat.Name,
            FormatVersion = ArchiveFormat.Version,
            Documentation = ArchiveFormat.Documentation,
            ExportedAt = now,
            Installation = new ManifestInstallation { Name = me.Name, Fingerprint = me.Fingerprint, PublicKey = me.PublicKeySpki },
            Specimens = [.. entries.Select(e => Describe(e.Specimen, provenance.GetValueOrDefault(e.Id)))],
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ArchiveFormat.Json);
        var signature = new ArchiveSignature
        {
            Algorithm = ArchiveFormat.Algorithm,
            KeyFingerprint = me.Fingerprint,
            ManifestSha256 = Convert.ToHexStringLower(SHA256.HashData(manifestBytes)),
            Signature = Convert.ToBase64String(await installation.SignAsync(manifestBytes, ct)),
        };

        using var hashing = new HashingWriteStream(output);
        await using (var zip = await ZipArchive.CreateAsync(hashing, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            await WriteAsync(zip, ArchiveFormat.FormatEntry, System.Text.Encoding.UTF8.GetBytes(ArchiveFormat.FormatMarkdown), now, ct);
            await WriteAsync(zip, ArchiveFormat.ManifestEntry, manifestBytes, now, ct);
            await WriteAsync(zip, ArchiveFormat.SignatureEntry, JsonSerializer.SerializeToUtf8Bytes(signature, ArchiveFormat.Json), now, ct);
            foreach (var entry in entries)
            {
                foreach (var image in entry.Specimen.Images)
                    await WriteImageAsync(zip, entry.Specimen, image, now, ct);
            }
        }
        var archiveSha256 = hashing.Sha256();

        var summary = new ExportSummary($"desc-specimens-{now:yyyyMMdd-HHmmss}.zip", archiveSha256, entries.Count,
            entries.Sum(e => e.Specimen.Images.Count));
        await RecordAsync(scope, me, archiveSha256, entries, now, ct);
        log.LogInformation("{Actor} exported {Count} specimens as archive {Sha256}", scope.Actor, entries.Count, archiveSha256);
        return summary;
    }

    private async Task<(List<LibraryEntry> Entries, Dictionary<Guid, SpecimenProvenance> Provenance)> LoadAsync(
        UserScope scope, List<Guid> ids, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var found = (await session.LoadManyAsync<LibraryEntry>(ct, ids)).Where(e => LibraryAccess.CanSee(scope, e)).ToDictionary(e => e.Id);
        // A specimen the caller may not see is named exactly like one that does not exist.
        var missing = ids.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw new ExportRefusedException(
                (missing.Count == 1 ? "No such specimen: " : "No such specimens: ") + string.Join(", ", missing) + ".",
                StatusCodes.Status404NotFound);
        var withdrawn = ids.Select(id => found[id]).Where(e => e.Specimen.IsWithdrawn).ToList();
        if (withdrawn.Count > 0)
            throw new ExportRefusedException(
                string.Join(" ", withdrawn.Select(e => $"{e.Specimen.Name} ({e.Id}) was withdrawn from the library; withdrawn specimens are not exported.")),
                StatusCodes.Status409Conflict);
        var provenance = (await session.LoadManyAsync<SpecimenProvenance>(ct, ids)).ToDictionary(p => p.Id);
        return ([.. ids.Select(id => found[id])], provenance);
    }

    private static ManifestSpecimen Describe(Specimen s, SpecimenProvenance? provenance)
    {
        List<ManifestOrigin> chain = [];
        if (s.Origin is { } o)
        {
            chain.Add(new ManifestOrigin
            {
                InstallationName = o.InstallationName, Fingerprint = o.SignerKeyFingerprint, OriginalId = o.OriginalSpecimenId,
                OriginalVersion = o.OriginalVersion, ArchiveSha256 = o.ArchiveSha256,
            });
            chain.AddRange(provenance?.EarlierOrigins ?? []);
        }
        return new ManifestSpecimen
        {
            OriginalId = s.Id,
            Version = s.Version,
            IssuingState = s.IssuingState,
            DocumentType = s.DocumentType,
            Series = s.Series,
            IssuedFrom = s.IssuedFrom,
            IssuedTo = s.IssuedTo,
            DocumentFormat = s.Format,
            Description = s.Description,
            Areas = s.Areas,
            Status = s.Status,
            CreatedAt = s.CreatedAt,
            ChangedAt = s.ChangedAt,
            Images = [.. s.Images.Select(i => new ManifestImage
            {
                ImageId = i.ImageId,
                Path = ArchiveFormat.ImagePath(s.Id, i.ImageId, i.ContentType),
                Sha256 = i.Sha256,
                SizeBytes = i.SizeBytes,
                ContentType = i.ContentType,
                Width = i.Width,
                Height = i.Height,
                Area = i.Area,
                LightSource = i.LightSource,
                Dpi = i.Dpi,
                WavelengthNm = i.WavelengthNm,
                CaptureDevice = i.CaptureDevice,
                CapturedAt = i.CapturedAt,
                Note = i.Note,
            })],
            Features = [.. s.Features.Select(f => new ManifestFeature
            {
                FeatureId = f.FeatureId,
                Category = f.Category,
                Type = f.Type,
                Lights = f.Lights,
                InspectionLevel = f.InspectionLevel,
                Description = f.Description,
                Locations = [.. f.Locations.Select(l => new ManifestLocation { ImageId = l.ImageId, X = l.X, Y = l.Y, Width = l.Width, Height = l.Height })],
            })],
            // Only the issuing authority of the specimen's own state confirms it (the decider holds an import to that too).
            // Only confirmations made here: the receiver attributes every confirmation to the signer (us), so passing on a
            // partner's would vouch for what we did not see.
            Confirmations = [.. s.Confirmations.Where(c => c.MadeHere && c.Country == s.IssuingState).Select(c => new ManifestConfirmation
            {
                Version = c.Version, ConfirmedByName = c.ConfirmedByName, ConfirmedByUserId = c.ConfirmedByUserId, Country = c.Country, At = c.At,
            })],
            Provenance = chain.Count == 0 ? null : chain,
        };
    }

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] bytes, DateTimeOffset at, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(bytes, ct);
    }

    private async Task WriteImageAsync(ZipArchive zip, Specimen specimen, SpecimenImage image, DateTimeOffset at, CancellationToken ct)
    {
        var path = ArchiveFormat.ImagePath(specimen.Id, image.ImageId, image.ContentType);
        // Images are already compressed: stored as they are, byte for byte.
        var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
        entry.LastWriteTime = at;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            var download = await blobs.Library.GetBlobClient(image.BlobName).DownloadStreamingAsync(cancellationToken: ct);
            await using var source = download.Value.Content;
            await using var target = await entry.OpenAsync(ct);
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > image.SizeBytes) break;
                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            throw new ExportRefusedException(
                $"The stored original of {specimen.Name}'s image {image.ImageId} ({image.BlobName}) is missing; the export was stopped.", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var actual = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (size != image.SizeBytes || !string.Equals(actual, image.Sha256, StringComparison.Ordinal))
        {
            log.LogCritical("Library image {Blob} of specimen {Specimen} no longer matches its recorded SHA-256 {Expected}", image.BlobName,
                specimen.Id, image.Sha256);
            throw new ExportRefusedException(
                $"The stored original of {specimen.Name}'s image {image.ImageId} no longer matches the SHA-256 recorded when it was "
                + $"acquired ({image.Sha256}); the export was stopped. Report this to the library's administrator: the stored copy has changed.",
                StatusCodes.Status500InternalServerError);
        }
    }

    private async Task RecordAsync(UserScope scope, InstallationInfo me, string archiveSha256, List<LibraryEntry> entries,
        DateTimeOffset at, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(new ExchangeRecord
        {
            Id = Guid.CreateVersion7(at),
            Direction = ExchangeDirection.Export,
            ArchiveSha256 = archiveSha256,
            InstallationName = me.Name,
            Fingerprint = me.Fingerprint,
            Actor = scope.Actor,
            At = at,
            Specimens = [.. entries.Select(e => new ExchangeRecordItem(e.Id, e.Id, e.Specimen.Version, ExchangeOutcome.Exported, null))],
        });
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Passes writes through while hashing them: the archive's SHA-256 without reading it back.</summary>
    private sealed class HashingWriteStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _position;

        public string Sha256() => Convert.ToHexStringLower(_sha.GetHashAndReset());

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _position;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _sha.AppendData(buffer);
            _position += buffer.Length;
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _sha.AppendData(buffer.Span);
            _position += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _sha.Dispose();
            base.Dispose(disposing);
        }
    }
}
