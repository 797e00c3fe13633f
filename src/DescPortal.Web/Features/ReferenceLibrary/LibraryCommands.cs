using DescPortal.Core;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Persistence;
using Marten;

namespace DescPortal.Web.Features.ReferenceLibrary;

/// <summary>
/// Everything that changes the library: each command loads the specimen within the caller's scope, lets
/// <see cref="SpecimenDecider"/> decide, and appends expecting the version it decided on. A concurrent change fails
/// with a concurrency exception, which pages show as "someone else changed this specimen".
/// </summary>
public sealed class LibraryCommands(IDocumentStore store, BlobContainers blobs, ImageIntake intake, TimeProvider clock)
{
    public async Task<Guid> CreateAsync(UserScope scope, Guid id, string issuingState, SpecimenDetails details, CancellationToken ct)
    {
        var events = SpecimenDecider.Create(id, issuingState, details, LibraryAccess.ActorFor(scope), clock.GetUtcNow());
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<LibraryEntry>(id, ct) is { } existing)
        {
            // A retried create is fine (later edits may have changed the details); another state's specimen is not.
            return string.Equals(existing.IssuingState, issuingState.Trim(), StringComparison.OrdinalIgnoreCase)
                ? id : throw new DomainException(Refusals.Specimen.IdTaken);
        }
        session.Events.StartStream<Specimen>(id, events.ToArray());
        await session.SaveChangesAsync(ct);
        return id;
    }

    public Task<SpecimenImage> AddImageAsync(UserScope scope, Guid specimenId, NewSpecimenImage image, CancellationToken ct) =>
        AddImageAsync(scope, specimenId, image.ImageId, image.Content, image.Area, image.LightSource, image.Dpi,
            image.WavelengthNm, image.CaptureDevice, image.Note, ct);

    /// <summary>Receives, verifies and stores an image, then records it; a refused image leaves no blob.</summary>
    public async Task<SpecimenImage> AddImageAsync(UserScope scope, Guid specimenId, Guid imageId, Stream content,
        DocumentArea area, LightSource light, int dpi, int? wavelengthNm, string? captureDevice, string? note, CancellationToken ct)
    {
        var entry = await LoadForAsync(scope, specimenId, ct);
        await using var staged = await intake.StageAsync(content, "The image", ct);
        var blobName = $"specimens/{specimenId:N}/{imageId:N}{ImageContent.FileExtension(staged.Kind)}";
        var image = new SpecimenImage(imageId, area, light, dpi, wavelengthNm, captureDevice, null, note, blobName,
            staged.Sha256, staged.SizeBytes, staged.Width, staged.Height, staged.ContentType);
        // Decide before storing: a refused description costs no upload.
        var events = SpecimenDecider.AddImage(entry.Specimen, image, LibraryAccess.ActorFor(scope), clock.GetUtcNow());
        if (events.Count == 0) return entry.Specimen.FindImage(imageId)!; // the same file again: already stored
        await ImageIntake.StoreAsync(staged, blobs.Library, blobName, ct);
        try
        {
            await AppendAsync(specimenId, entry.StreamVersion, events, ct);
        }
        catch
        {
            await blobs.Library.DeleteBlobIfExistsAsync(blobName, cancellationToken: CancellationToken.None);
            throw;
        }
        return image;
    }

    public Task AddFeatureAsync(UserScope scope, Guid specimenId, SecurityFeature feature, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.AddFeature(s, feature, a, now), ct);

    public Task ChangeFeatureAsync(UserScope scope, Guid specimenId, SecurityFeature feature, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.ChangeFeature(s, feature, a, now), ct);

    public Task RemoveFeatureAsync(UserScope scope, Guid specimenId, Guid featureId, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.RemoveFeature(s, featureId, a, now), ct);

    public Task ChangeDetailsAsync(UserScope scope, Guid specimenId, SpecimenDetails details, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.ChangeDetails(s, details, a, now), ct);

    public Task SubmitForConfirmationAsync(UserScope scope, Guid specimenId, CancellationToken ct) =>
        DecideAsync(scope, specimenId, SpecimenDecider.SubmitForConfirmation, ct);

    /// <summary>The issuing authority confirms the version it has looked at (a newer one is refused as stale).</summary>
    public Task ConfirmAsync(UserScope scope, Guid specimenId, int version, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.Confirm(s, version, a, now), ct);

    public Task ProposeCorrectionAsync(UserScope scope, Guid specimenId, Guid correctionId, Guid? featureId, string text, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.ProposeCorrection(s, correctionId, featureId, text, a, now), ct);

    public Task ApplyCorrectionAsync(UserScope scope, Guid specimenId, Guid correctionId, string? note, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.ApplyCorrection(s, correctionId, note, a, now), ct);

    public Task RejectCorrectionAsync(UserScope scope, Guid specimenId, Guid correctionId, string reason, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.RejectCorrection(s, correctionId, reason, a, now), ct);

    public Task WithdrawAsync(UserScope scope, Guid specimenId, string reason, CancellationToken ct) =>
        DecideAsync(scope, specimenId, (s, a, now) => SpecimenDecider.Withdraw(s, reason, a, now), ct);

    private Task DecideAsync(UserScope scope, Guid specimenId,
        Func<Specimen, LibraryActor, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct) =>
        WriteAsync(specimenId, null, entry => LibraryAccess.CanSee(scope, entry)
            ? decide(entry.Specimen, LibraryAccess.ActorFor(scope), clock.GetUtcNow())
            : throw new KeyNotFoundException("No such specimen."), ct);

    private async Task<LibraryEntry> LoadForAsync(UserScope scope, Guid specimenId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var entry = await session.LoadAsync<LibraryEntry>(specimenId, ct);
        // Another country's specimen looks exactly like one that does not exist.
        return entry is not null && LibraryAccess.CanSee(scope, entry) ? entry : throw new KeyNotFoundException("No such specimen.");
    }

    private Task AppendAsync(Guid specimenId, long decidedOnVersion, IReadOnlyList<object> events, CancellationToken ct) =>
        WriteAsync(specimenId, decidedOnVersion, _ => events, ct);

    /// <summary>
    /// The specimen stream's one write path (<see cref="EventStreams"/>): an edit is not decided again after a
    /// concurrent one, the editor sees that someone else changed the specimen and keeps what they typed.
    /// </summary>
    private async Task WriteAsync(Guid specimenId, long? decidedOnVersion, Func<LibraryEntry, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        try
        {
            _ = await EventStreams.DecideOnceAsync<LibraryEntry>(store, specimenId, decidedOnVersion, (entry, _) => decide(entry), ct)
                ?? throw new KeyNotFoundException("No such specimen.");
        }
        catch (Exception e) when (EventStreams.IsConflict(e))
        {
            throw new StreamChangedException(Refusals.Specimen.Changed);
        }
    }
}

/// <summary>An image an editor uploads to a specimen; <see cref="ImageId"/> is chosen by the form, so a retry stores it once.</summary>
public sealed record NewSpecimenImage(Guid ImageId, Stream Content, DocumentArea Area, LightSource LightSource, int Dpi,
    int? WavelengthNm, string? CaptureDevice, string? Note);
