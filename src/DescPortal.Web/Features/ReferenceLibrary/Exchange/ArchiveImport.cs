using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary.Exchange;

/// <summary>One specimen in an archive, as the importer will treat it.</summary>
public sealed record ArchiveSpecimenSummary(
    Guid OriginalId, string IssuingState, DocumentType DocumentType, string Series, int Version, int ImageCount, int FeatureCount,
    int ConfirmationCount, Guid LocalId, ExchangeOutcome Outcome, Guid? ExistingId, string? Note)
{
    public string Name => $"{IssuingState} {DocumentType} {Series}";
}

/// <summary>
/// What an archive holds and whether it can be imported. <see cref="SignerName"/> and <see cref="SignerFingerprint"/>
/// are what the archive claims; <see cref="SignatureValid"/> says whether its signature proves that claim, and
/// <see cref="PartnerName"/> is the name an administrator registered for that key (null: not a partner, refused).
/// </summary>
public sealed record ArchiveInspection(
    string ArchiveSha256, string? SignerName, string? SignerFingerprint, bool SignatureValid, string? PartnerName, DateTimeOffset? ExportedAt,
    IReadOnlyList<ArchiveSpecimenSummary> Specimens, IReadOnlyList<string> Problems)
{
    public string? SignerFingerprintGroups => SignerFingerprint is { Length: 64 } f ? InstallationIdentity.Grouped(f) : SignerFingerprint;
    public bool CanImport => SignatureValid && PartnerName is not null && Problems.Count == 0 && Specimens.Count > 0;
}

public sealed record ImportedSpecimen(Guid OriginalId, string Name, int Version, ExchangeOutcome Outcome, Guid? SpecimenId, string? Note);

/// <summary>What an import did; <see cref="PartnerName"/> is the signer's name as registered here.</summary>
public sealed record ImportResult(string ArchiveSha256, string SignerName, string SignerFingerprint, string PartnerName, IReadOnlyList<ImportedSpecimen> Specimens)
{
    public int Created => Specimens.Count(s => s.Outcome == ExchangeOutcome.Created);
    public int Updated => Specimens.Count(s => s.Outcome == ExchangeOutcome.Updated);
    public int Skipped => Specimens.Count(s => s.Outcome == ExchangeOutcome.Skipped);
}

/// <summary>
/// Reads specimen archives from partner centres. <see cref="InspectAsync"/> reports who signed, whether the signature
/// holds, what is inside and every problem, without changing anything. <see cref="ImportAsync"/> refuses an archive
/// with any problem and otherwise, as one transaction, starts one stream per new specimen under an id derived from
/// (signer fingerprint, original id), so the same specimen arriving again is recognised and skipped, and a newer
/// version of one imported before from the same signer updates it (unless it was changed here since). Only library
/// editors do either, and only archives signed by a partner an administrator registered (<see cref="PartnerRegistry"/>)
/// or by this installation itself are read past their signature.
/// </summary>
public sealed class ArchiveImport(
    IDocumentStore store, BlobContainers blobs, ImageIntake intake, InstallationIdentity installation, PartnerRegistry partners,
    ExchangeLimits limits, TimeProvider clock, ILogger<ArchiveImport> log)
{
    private readonly ArchiveReader _reader = new(intake, limits);

    public async Task<ArchiveInspection> InspectAsync(UserScope scope, Stream zip, CancellationToken ct)
    {
        RequireEditor(scope);
        await using var file = await SeekableAsync(zip, ct);
        // The staged images are kept for the plan (what each would be stored as), and dropped with the contents.
        await using var contents = await _reader.ReadAsync(file.Stream, await RegisteredNamesAsync(ct), ct);
        var problems = new List<string>(contents.Problems);
        IReadOnlyList<Plan> plans = [];
        if (contents.Manifest is { } manifest)
        {
            plans = contents.Problems.Count == 0
                ? await PlanAsync(scope, contents, problems, ct)
                : [.. manifest.Specimens.Select(s => new Plan(s, Guid.Empty, ExchangeOutcome.Skipped, null, null, [], []))];
        }
        return new ArchiveInspection(contents.ArchiveSha256, contents.SignerName, contents.SignerFingerprint, contents.SignatureValid,
            contents.PartnerName, contents.Manifest?.ExportedAt, [.. plans.Select(Summarise)], problems);
    }

    public async Task<ImportResult> ImportAsync(UserScope scope, Stream zip, CancellationToken ct)
    {
        RequireEditor(scope);
        await using var file = await SeekableAsync(zip, ct);
        await using var contents = await _reader.ReadAsync(file.Stream, await RegisteredNamesAsync(ct), ct);
        if (contents.Problems.Count > 0 || contents.Manifest is null || !contents.SignatureValid || contents.PartnerName is null)
            throw new ArchiveRefusedException(contents.Problems.Count > 0 ? contents.Problems : ["The archive cannot be read."]);

        var problems = new List<string>();
        var plans = await PlanAsync(scope, contents, problems, ct);
        if (problems.Count > 0) throw new ArchiveRefusedException(problems);

        var writes = plans.Where(p => p.Writes).ToList();
        var stored = new List<(Guid SpecimenId, string BlobName)>();
        try
        {
            foreach (var plan in writes)
            {
                foreach (var image in plan.Images)
                {
                    await ImageIntake.StoreAsync(contents.Images[image.Path], blobs.Library, image.Stored.BlobName, ct);
                    stored.Add((plan.LocalId, image.Stored.BlobName));
                }
            }
            await SaveAsync(scope, contents, plans, ct);
        }
        catch (Exception e)
        {
            await RemoveOrphansAsync(stored);
            if (EventStreams.IsConflict(e) || EventStreams.IsCreationRace(e) || e is JasperFx.DocumentAlreadyExistsException)
                throw new ArchiveRefusedException(
                    "Another import of these specimens finished at the same moment; import the archive again to see what is already in the library.", e);
            throw;
        }

        log.LogInformation("{Actor} imported archive {Sha256} from {Installation} ({Fingerprint}): {Created} created or updated, {Skipped} skipped",
            scope.Actor, contents.ArchiveSha256, contents.SignerName, contents.SignerFingerprint, writes.Count, plans.Count - writes.Count);
        return new ImportResult(contents.ArchiveSha256, contents.SignerName!, contents.SignerFingerprint!, contents.PartnerName,
            [.. plans.Select(p => new ImportedSpecimen(p.Specimen.OriginalId, p.Specimen.Name, p.Specimen.Version, p.Outcome,
                p.Writes ? p.LocalId : p.ExistingId, p.Note))]);
    }

    // ---- deciding ---------------------------------------------------------------------------------------------

    private sealed record PlannedImage(string Path, SpecimenImage Stored);

    /// <summary>What is done with one specimen; an update appends <see cref="Events"/> on <see cref="StreamVersion"/>.</summary>
    private sealed record Plan(
        ManifestSpecimen Specimen, Guid LocalId, ExchangeOutcome Outcome, Guid? ExistingId, string? Note,
        IReadOnlyList<PlannedImage> Images, IReadOnlyList<object> Events, long StreamVersion = 0)
    {
        /// <summary>The import writes this specimen (a new stream or a newer version), with its new images.</summary>
        public bool Writes => Outcome is ExchangeOutcome.Created or ExchangeOutcome.Updated;
    }

    /// <summary>For each specimen: skip it (already here, or this installation's own) or decide its import events.</summary>
    private async Task<List<Plan>> PlanAsync(UserScope scope, ArchiveContents contents, List<string> problems, CancellationToken ct)
    {
        var manifest = contents.Manifest!;
        var me = await installation.GetAsync(ct);
        var signer = manifest.Installation.Fingerprint;
        var actor = LibraryAccess.ActorFor(scope);
        var now = clock.GetUtcNow();

        var hops = manifest.Specimens.ToDictionary(s => s.OriginalId, s =>
            (IReadOnlyList<(string Fingerprint, Guid OriginalId)>)
            [(signer, s.OriginalId), .. (s.Provenance ?? []).Select(o => (o.Fingerprint, o.OriginalId))]);
        var keyIds = hops.Values.SelectMany(h => h).Select(h => ExchangeKey.IdOf(h.Fingerprint, h.OriginalId)).Distinct().ToArray();
        var ownIds = hops.Values.SelectMany(h => h).Where(h => h.Fingerprint == me.Fingerprint).Select(h => h.OriginalId).Distinct().ToArray();
        var localIds = manifest.Specimens.Select(s => ExchangeIds.LocalId(signer, s.OriginalId)).ToArray();

        await using var session = store.QuerySession();
        var keys = (await session.LoadManyAsync<ExchangeKey>(ct, keyIds)).ToDictionary(k => k.Id);
        var ours = (await session.LoadManyAsync<LibraryEntry>(ct, ownIds)).Select(e => e.Id).ToHashSet();
        var present = (await session.LoadManyAsync<LibraryEntry>(ct, localIds)).ToDictionary(e => e.Id);

        var plans = new List<Plan>();
        foreach (var s in manifest.Specimens)
        {
            var localId = ExchangeIds.LocalId(signer, s.OriginalId);
            var update = keys.GetValueOrDefault(ExchangeKey.IdOf(signer, s.OriginalId)) is { } key && key.OriginalVersion < s.Version
                ? present.GetValueOrDefault(localId) : null;
            if (update is null && Skip(s, localId, hops[s.OriginalId], me, keys, ours, present) is { } skip)
            {
                plans.Add(skip);
                continue;
            }
            if (update is not null && SpecimenDecider.UpdateRefusal(update.Specimen) is { } why)
            {
                plans.Add(new Plan(s, localId, ExchangeOutcome.Skipped, update.Id, why.ToString(), [], []));
                continue;
            }
            try
            {
                // The origin names the partner as registered here, not as the archive calls itself.
                plans.Add(Decide(s, localId, signer, contents.PartnerName!, contents, actor, now, update));
            }
            catch (Exception e) when (e is DomainException or ArgumentException)
            {
                problems.Add($"{ArchiveReader.Shown(s.Name)} ({s.OriginalId}): {e.Message}");
                plans.Add(new Plan(s, localId, ExchangeOutcome.Skipped, null, e.Message, [], []));
            }
        }
        return plans;
    }

    private static Plan? Skip(ManifestSpecimen s, Guid localId, IReadOnlyList<(string Fingerprint, Guid OriginalId)> hops,
        InstallationInfo me, Dictionary<string, ExchangeKey> keys, HashSet<Guid> ours, Dictionary<Guid, LibraryEntry> present)
    {
        Plan Skipped(Guid? existing, string note) => new(s, localId, ExchangeOutcome.Skipped, existing, note, [], []);

        foreach (var (fingerprint, originalId) in hops)
        {
            if (fingerprint == me.Fingerprint)
                return Skipped(ours.Contains(originalId) ? originalId : null, ours.Contains(originalId)
                    ? "This specimen comes from this installation; it is already in the library."
                    : "This specimen comes from this installation (it has been removed here since); it is not imported back.");
        }
        if (keys.GetValueOrDefault(ExchangeKey.IdOf(hops[0].Fingerprint, hops[0].OriginalId)) is { } direct)
        {
            return direct.OriginalVersion == s.Version
                ? Skipped(direct.SpecimenId, "Already imported: the library holds this version.")
                : Skipped(direct.SpecimenId, direct.OriginalVersion < s.Version
                    ? "The specimen imported before is no longer in the library; this version is not imported."
                    : $"Already imported a newer version ({direct.OriginalVersion}); this older one is not imported.");
        }
        if (present.TryGetValue(localId, out var entry))
            return Skipped(entry.Id, "Already imported: the library holds this specimen.");
        foreach (var (fingerprint, originalId) in hops.Skip(1))
        {
            if (keys.GetValueOrDefault(ExchangeKey.IdOf(fingerprint, originalId)) is { } earlier)
                return Skipped(earlier.SpecimenId, "Already in the library: the same specimen came earlier through another centre.");
        }
        return null;
    }

    /// <summary>
    /// The events that bring the specimen in: a new stream, or (<paramref name="update"/>) the newer version over the
    /// one imported before, whose images already stored keep their blobs.
    /// </summary>
    private static Plan Decide(ManifestSpecimen s, Guid localId, string signer, string signerName, ArchiveContents contents,
        LibraryActor actor, DateTimeOffset now, LibraryEntry? update = null)
    {
        // Images get ids of this installation: an archive's ids are the sender's word, and one equal to an id held here
        // (evidence, another specimen's image) must not meet it anywhere. Derived, so a newer version finds its images.
        Guid Local(Guid archiveImageId) => ExchangeIds.LocalImageId(signer, s.OriginalId, archiveImageId);
        var images = s.Images.Select(i =>
        {
            var staged = contents.Images[i.Path];
            var imageId = Local(i.ImageId);
            // The blob name is chosen here; the archive's path only finds the entry. The extension comes from the content.
            var blobName = update?.Specimen.FindImage(imageId)?.BlobName
                ?? $"specimens/{localId:N}/{imageId:N}{ImageContent.FileExtension(staged.Kind)}";
            return new PlannedImage(i.Path, new SpecimenImage(imageId, i.Area, i.LightSource, i.Dpi, i.WavelengthNm, i.CaptureDevice,
                i.CapturedAt, i.Note, blobName, staged.Sha256, staged.SizeBytes, staged.Width, staged.Height, staged.ContentType));
        }).ToList();
        var features = s.Features.Select(f => new SecurityFeature(f.FeatureId, f.Category, f.Type, f.Lights, f.InspectionLevel,
            f.Description, [.. f.Locations.Select(l => new FeatureLocation(Local(l.ImageId), l.X, l.Y, l.Width, l.Height))])).ToList();
        // Only the issuing authority of the specimen's own state confirms it: others are not kept (and said so).
        var own = s.Confirmations.Where(c => string.Equals(c.Country.Trim(), s.IssuingState.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var dropped = s.Confirmations.Count - own.Count;
        var details = new SpecimenDetails(s.DocumentType, s.Series, s.IssuedFrom, s.IssuedTo, s.DocumentFormat, s.Description, s.Areas);
        var origin = new SpecimenOrigin(signerName, signer, s.OriginalId, s.Version, contents.ArchiveSha256);
        IReadOnlyList<SpecimenConfirmation> confirmations =
            [.. own.Select(c => new SpecimenConfirmation(c.Version, c.ConfirmedByName, c.ConfirmedByUserId, c.Country, c.At))];
        var note = dropped == 0 ? null
            : $"{dropped} confirmation(s) by other countries were not kept: only the issuing authority of {s.IssuingState} confirms its specimens.";
        var archived = new ArchivedSpecimen(details, [.. images.Select(i => i.Stored)], features, confirmations, origin);
        if (update is null)
            return new Plan(s, localId, ExchangeOutcome.Created, null, note, images, SpecimenDecider.Import(localId, s.IssuingState, archived, actor, now));
        var updated = SpecimenDecider.UpdateFromArchive(update.Specimen, archived, actor, now);
        // Only the images new to the specimen are stored; the others are already there under their blob names.
        return new Plan(s, localId, ExchangeOutcome.Updated, localId,
            note ?? $"Updated from version {update.Specimen.Version} to {s.Version}.",
            [.. images.Where(i => update.Specimen.FindImage(i.Stored.ImageId) is null)], updated, update.StreamVersion);
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    private async Task SaveAsync(UserScope scope, ArchiveContents contents, List<Plan> plans, CancellationToken ct)
    {
        var manifest = contents.Manifest!;
        var signer = manifest.Installation.Fingerprint;
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        foreach (var plan in plans.Where(p => p.Outcome == ExchangeOutcome.Updated))
        {
            // On the version read: a change here in between fails the import rather than being overwritten.
            await EventStreams.AppendAsync<LibraryEntry>(session, plan.LocalId, plan.StreamVersion, plan.Events, ct);
            var key = await session.LoadAsync<ExchangeKey>(ExchangeKey.IdOf(signer, plan.Specimen.OriginalId), ct);
            key!.OriginalVersion = plan.Specimen.Version;
            session.Update(key);
        }
        foreach (var plan in plans.Where(p => p.Outcome == ExchangeOutcome.Created))
        {
            session.Events.StartStream<Specimen>(plan.LocalId, [.. plan.Events]);
            var s = plan.Specimen;
            var directId = ExchangeKey.IdOf(signer, s.OriginalId);
            // Inserted, never stored over: a concurrent import of the same specimen fails here instead of pointing elsewhere.
            session.Insert(new ExchangeKey
            {
                Id = directId, SpecimenId = plan.LocalId, Fingerprint = signer, OriginalId = s.OriginalId,
                OriginalVersion = s.Version, Direct = true,
            });
            foreach (var hop in (s.Provenance ?? []).Where(h => ExchangeKey.IdOf(h.Fingerprint, h.OriginalId) != directId)
                         .DistinctBy(h => ExchangeKey.IdOf(h.Fingerprint, h.OriginalId)))
            {
                session.Insert(new ExchangeKey
                {
                    Id = ExchangeKey.IdOf(hop.Fingerprint, hop.OriginalId), SpecimenId = plan.LocalId, Fingerprint = hop.Fingerprint,
                    OriginalId = hop.OriginalId, OriginalVersion = hop.OriginalVersion, Direct = false,
                });
            }
            if (s.Provenance is { Count: > 0 } earlier)
                session.Store(new SpecimenProvenance { Id = plan.LocalId, EarlierOrigins = [.. earlier] });
        }
        session.Store(new ExchangeRecord
        {
            Id = Guid.CreateVersion7(now),
            Direction = ExchangeDirection.Import,
            ArchiveSha256 = contents.ArchiveSha256,
            InstallationName = manifest.Installation.Name,
            Fingerprint = signer,
            Actor = scope.Actor,
            At = now,
            Specimens = [.. plans.Select(p => new ExchangeRecordItem(p.Writes ? p.LocalId : p.ExistingId,
                p.Specimen.OriginalId, p.Specimen.Version, p.Outcome, p.Note))],
        });
        await session.SaveChangesAsync(ct);
    }

    /// <summary>After a failed save: removes the stored blobs no specimen holds (those another import saved stay).</summary>
    private async Task RemoveOrphansAsync(List<(Guid SpecimenId, string BlobName)> stored)
    {
        if (stored.Count == 0) return;
        try
        {
            await using var session = store.QuerySession();
            foreach (var group in stored.GroupBy(s => s.SpecimenId))
            {
                var held = (await session.LoadAsync<LibraryEntry>(group.Key, CancellationToken.None))?.Specimen.Images
                    .Select(i => i.BlobName).ToHashSet() ?? [];
                foreach (var (_, blobName) in group.Where(g => !held.Contains(g.BlobName)))
                    await blobs.Library.DeleteBlobIfExistsAsync(blobName, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Removing the images of a failed import left some behind");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /// <summary>Who may sign archives read here: the registered partners, and this installation (whose own specimens are skipped).</summary>
    private async Task<Func<string, string?>> RegisteredNamesAsync(CancellationToken ct)
    {
        var me = await installation.GetAsync(ct);
        var list = await partners.CurrentAsync(ct);
        return fingerprint => fingerprint == me.Fingerprint ? me.Name : list.Find(fingerprint)?.Name;
    }

    private static void RequireEditor(UserScope scope)
    {
        if (!LibraryAccess.CanEdit(scope))
            throw new UnauthorizedAccessException("Only library editors (examiners and reviewers) can import specimens.");
    }

    private static ArchiveSpecimenSummary Summarise(Plan p)
    {
        var s = p.Specimen;
        return new ArchiveSpecimenSummary(s.OriginalId, s.IssuingState, s.DocumentType, s.Series, s.Version, s.Images.Count, s.Features.Count,
            s.Confirmations.Count, p.LocalId, p.Outcome, p.ExistingId, p.Note);
    }

    /// <summary>The archive as a seekable stream: the caller's own, or a copy in a temporary file named here.</summary>
    private async Task<SeekableArchive> SeekableAsync(Stream zip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (zip.CanSeek) return new SeekableArchive(zip, owned: false);
        var file = ExchangeFiles.CreateTemporary();
        try
        {
            var buffer = new byte[128 * 1024];
            long total = 0;
            int read;
            while ((read = await zip.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > limits.MaxArchiveBytes)
                    throw new ArchiveRefusedException($"The archive is larger than the limit of {limits.MaxArchiveBytes / (1024 * 1024)} MB.");
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            return new SeekableArchive(file, owned: true);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private sealed class SeekableArchive(Stream stream, bool owned) : IAsyncDisposable
    {
        public Stream Stream => stream;

        public ValueTask DisposeAsync() => owned ? stream.DisposeAsync() : ValueTask.CompletedTask;
    }
}
