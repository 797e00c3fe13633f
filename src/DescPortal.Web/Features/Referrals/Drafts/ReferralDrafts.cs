using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Marten;
using NetVips;

namespace DescPortal.Web.Features.Referrals.Drafts;

/// <summary>
/// The officer's draft referral: saved as the form changes, images attached one by one (refused files are refused at
/// selection, with the reason), and sent through the same <see cref="SubmitReferral"/> and <see cref="ImageIntake"/>
/// path as the API. The draft belongs to the signed-in officer: every method takes the owner from the
/// <see cref="UserScope"/>, never from an id the client sends.
/// </summary>
public sealed class ReferralDrafts(
    IDocumentStore store, BlobContainers blobs, ImageIntake intake, SubmitReferral submitReferral, TimeProvider clock,
    ILogger<ReferralDrafts> log)
{
    /// <summary>Longest side of the JPEG preview, in pixels.</summary>
    public const int PreviewSize = 480;

    private const int MaxFileNameLength = 120;

    // Read-modify-write of one officer's draft, serialised within this process (two tabs, autosave racing an upload).
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public UploadLimits Limits => intake.Limits;

    public async Task<ReferralDraft?> LoadAsync(UserScope scope, CancellationToken ct)
    {
        var owner = OwnerOf(scope);
        await using var session = store.QuerySession();
        var draft = await session.LoadAsync<ReferralDraft>(owner, ct);
        if (draft is not null) Align(draft);
        return draft;
    }

    /// <summary>
    /// Saves what the form holds. <paramref name="imageIds"/> says which attached image each of
    /// <c>submission.Images</c> describes, so that a save racing an upload or a removal never pairs a description
    /// with the wrong file; images the form does not know yet keep their stored description.
    /// </summary>
    /// <returns>When the draft was saved.</returns>
    public async Task<DateTimeOffset> SaveAsync(UserScope scope, ReferralSubmission submission, IReadOnlyList<Guid> imageIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(imageIds);
        var owner = OwnerOf(scope);
        // Copied before the first await: the form goes on editing its model while this runs.
        var copy = Clone(submission);
        var ids = imageIds.ToArray();

        using var _ = await LockAsync(owner, ct);
        await using var session = store.LightweightSession();
        var draft = await session.LoadAsync<ReferralDraft>(owner, ct) ?? new ReferralDraft { Id = owner };
        Align(draft);
        var rows = new List<ImageSubmission>(draft.Images.Count);
        for (var i = 0; i < draft.Images.Count; i++)
        {
            var at = Array.IndexOf(ids, draft.Images[i].Id);
            rows.Add(at >= 0 && at < copy.Images.Count ? copy.Images[at] : draft.Submission.Images[i]);
        }
        copy.Images = rows;
        draft.Submission = copy;
        draft.SavedAt = clock.GetUtcNow();
        session.Store(draft);
        await session.SaveChangesAsync(ct);
        return draft.SavedAt;
    }

    /// <summary>
    /// Streams a file from the officer's device through <see cref="ImageIntake"/> (type by content, size, pixels,
    /// complete decode), stores the original and a JPEG preview in the drafts container, and appends it to the draft
    /// with a description row (document 1, white light, data page).
    /// </summary>
    /// <exception cref="ImageRejectedException">The file is not an acceptable image; the message says why.</exception>
    /// <exception cref="DraftImageLimitException">The draft already has as many images as a referral may carry.</exception>
    public async Task<DraftImage> AttachImageAsync(UserScope scope, Stream browserStream, string fileName, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(browserStream);
        var owner = OwnerOf(scope);
        var existing = await LoadAsync(scope, ct);
        if (existing?.Images.Count >= Limits.MaxFilesPerReferral) throw TooManyImages();

        var counted = new ProgressStream(browserStream, progress);
        await using var staged = await intake.StageAsync(counted, "This file", ct);
        var id = Guid.CreateVersion7();
        var blobName = $"drafts/{OwnerHash(owner)}/{id:N}";
        var image = new DraftImage(id, DisplayName(fileName), staged.Sha256, staged.SizeBytes, staged.Width, staged.Height,
            staged.ContentType, blobName, blobName + ".preview.jpg");
        try
        {
            await ImageIntake.StoreAsync(staged, blobs.Drafts, image.BlobName, ct);
            var preview = await Task.Run(() => MakePreview(staged.TempPath), ct);
            await blobs.Drafts.GetBlobClient(image.PreviewBlobName).UploadAsync(new BinaryData(preview), overwrite: false, ct);

            using var _ = await LockAsync(owner, ct);
            await using var session = store.LightweightSession();
            var draft = await session.LoadAsync<ReferralDraft>(owner, ct) ?? new ReferralDraft { Id = owner };
            Align(draft);
            // Checked again: several files may have been uploading at once.
            if (draft.Images.Count >= Limits.MaxFilesPerReferral) throw TooManyImages();
            draft.Images.Add(image);
            draft.Submission.Images.Add(NewImageRow());
            draft.SavedAt = clock.GetUtcNow();
            session.Store(draft);
            await session.SaveChangesAsync(ct);
            return image;
        }
        catch
        {
            // Nothing stored for a file that did not make it into the draft.
            await DeleteBlobsAsync([image]);
            throw;
        }
    }

    /// <summary>Removes an image and its description from the draft, then its blobs. False when it is not in the draft.</summary>
    public async Task<bool> RemoveImageAsync(UserScope scope, Guid imageId, CancellationToken ct)
    {
        var owner = OwnerOf(scope);
        DraftImage image;
        using (await LockAsync(owner, ct))
        {
            await using var session = store.LightweightSession();
            var draft = await session.LoadAsync<ReferralDraft>(owner, ct);
            if (draft is null) return false;
            Align(draft);
            var index = draft.Images.FindIndex(i => i.Id == imageId);
            if (index < 0) return false;
            image = draft.Images[index];
            draft.Images.RemoveAt(index);
            draft.Submission.Images.RemoveAt(index);
            draft.SavedAt = clock.GetUtcNow();
            session.Store(draft);
            await session.SaveChangesAsync(ct);
        }
        await DeleteBlobsAsync([image]);
        return true;
    }

    /// <summary>Deletes the draft and every blob it holds.</summary>
    public async Task DiscardAsync(UserScope scope, CancellationToken ct)
    {
        var owner = OwnerOf(scope);
        using var _ = await LockAsync(owner, ct);
        await DeleteDraftAsync(owner, ct);
    }

    /// <summary>
    /// Sends the saved draft: validates it (errors leave the draft untouched), passes every original through
    /// <see cref="ImageIntake"/> again (re-hashed and re-decoded: the API and the form share one intake path), submits,
    /// then deletes the draft and its blobs. A refused or failed submission leaves no case and no evidence blob.
    /// </summary>
    public async Task<DraftSubmitOutcome> SubmitAsync(UserScope scope, CancellationToken ct)
    {
        var owner = OwnerOf(scope);
        using var _ = await LockAsync(owner, ct);
        ReferralDraft? draft;
        await using (var session = store.QuerySession())
            draft = await session.LoadAsync<ReferralDraft>(owner, ct);
        if (draft is null) return Refused("referral", "There is no draft to send.");
        Align(draft);

        var validation = await submitReferral.ValidateAsync(scope, draft.Submission, ct);
        if (!validation.IsValid) return new DraftSubmitOutcome(null, validation.Errors);

        await using var evidence = submitReferral.StartEvidence();
        for (var i = 0; i < draft.Images.Count; i++)
        {
            var image = draft.Images[i];
            var path = $"images[{i}]";
            var label = $"Image {i + 1} ({image.FileName})";
            StagedImage received;
            try
            {
                var download = await blobs.Drafts.GetBlobClient(image.BlobName).DownloadStreamingAsync(cancellationToken: ct);
                await using var content = download.Value.Content;
                received = await intake.ReceiveAsync(content, label, ct);
            }
            catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
            {
                return Refused(path, Refusals.Draft.ImageGone, i + 1, image.FileName);
            }
            catch (ImageRejectedException e)
            {
                return Refused(path, e.Code, [.. e.Arguments]);
            }
            evidence.Add(received, label);
            // The chain of custody starts at attachment: the bytes sent must be the bytes the officer checked.
            if (!string.Equals(received.Sha256, image.Sha256, StringComparison.Ordinal))
            {
                log.LogError("Draft image {ImageId} of {Owner} changed in storage since it was attached", image.Id, owner);
                return Refused(path, Refusals.Draft.ImageChanged, i + 1, image.FileName);
            }
        }

        SubmittedReferral submitted;
        try
        {
            submitted = await submitReferral.SubmitAsync(scope, validation.Referral, evidence, ct);
        }
        catch (ImageRejectedException e)
        {
            return Refused($"images[{e.ImageIndex ?? 0}]", e.Code, [.. e.Arguments]);
        }
        try
        {
            await DeleteDraftAsync(owner, CancellationToken.None);
        }
        catch (Exception e) when (e is RequestFailedException or Npgsql.NpgsqlException)
        {
            // The case exists; a leftover draft is a nuisance, not a loss.
            log.LogWarning(e, "Referral {Reference} was submitted but the draft of {Owner} could not be deleted", submitted.Reference, owner);
        }
        return new DraftSubmitOutcome(submitted, []);
    }

    /// <summary>The preview of an image of the signed-in officer's own draft, or null when there is no such image.</summary>
    public async Task<Stream?> OpenPreviewAsync(UserScope scope, Guid imageId, CancellationToken ct)
    {
        var draft = await LoadAsync(scope, ct);
        var image = draft?.Images.FirstOrDefault(i => i.Id == imageId);
        if (image is null) return null;
        try
        {
            var download = await blobs.Drafts.GetBlobClient(image.PreviewBlobName).DownloadStreamingAsync(cancellationToken: ct);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    /// <summary>The description a newly attached image starts with: the first document, reflected white light, the data page.</summary>
    public static ImageSubmission NewImageRow() =>
        new() { Document = 0, LightSource = nameof(LightSource.White), Area = nameof(DocumentArea.DataPage) };

    /// <summary>
    /// Recurring job: deletes drafts nobody has touched for <paramref name="days"/> days, with their images, so that
    /// abandoned uploads (personal data of travellers) are not kept indefinitely.
    /// </summary>
    public async Task<int> ExpireAsync(int days, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddDays(-days);
        List<string> owners;
        await using (var session = store.QuerySession())
            owners = (await session.Query<ReferralDraft>().Where(d => d.SavedAt < cutoff).Select(d => d.Id).ToListAsync(ct)).ToList();
        foreach (var owner in owners)
        {
            using var _ = await LockAsync(owner, ct);
            await DeleteDraftAsync(owner, ct);
        }
        if (owners.Count > 0) log.LogInformation("Deleted {Count} drafts untouched since {Cutoff}", owners.Count, cutoff);
        return owners.Count;
    }

    private async Task DeleteDraftAsync(string owner, CancellationToken ct)
    {
        ReferralDraft? draft;
        await using (var session = store.LightweightSession())
        {
            draft = await session.LoadAsync<ReferralDraft>(owner, ct);
            if (draft is null) return;
            session.Delete(draft);
            await session.SaveChangesAsync(ct);
        }
        await DeleteBlobsAsync(draft.Images);
    }

    private async Task DeleteBlobsAsync(IEnumerable<DraftImage> images)
    {
        foreach (var image in images)
        {
            foreach (var name in (string[])[image.BlobName, image.PreviewBlobName])
            {
                try
                {
                    await blobs.Drafts.DeleteBlobIfExistsAsync(name, cancellationToken: CancellationToken.None);
                }
                catch (RequestFailedException e)
                {
                    log.LogWarning(e, "Draft blob {BlobName} could not be deleted", name);
                }
            }
        }
    }

    private static byte[] MakePreview(string path)
    {
        // Thumbnail shrinks on load and applies the EXIF orientation; sRGB 8-bit without metadata for any browser.
        using var thumb = Image.Thumbnail(path, PreviewSize, height: PreviewSize);
        using var srgb = thumb.Interpretation == Enums.Interpretation.Srgb && thumb.Format == Enums.BandFormat.Uchar
            ? thumb.Copy()
            : thumb.Colourspace(Enums.Interpretation.Srgb);
        using var flat = srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
        using var bytes = flat.Format == Enums.BandFormat.Uchar ? flat.Copy() : flat.Cast(Enums.BandFormat.Uchar);
        return bytes.JpegsaveBuffer(q: 82, keep: Enums.ForeignKeep.None);
    }

    /// <summary>Keeps the two image lists the same length (a draft written by an older form might not be).</summary>
    private static void Align(ReferralDraft draft)
    {
        var rows = draft.Submission.Images;
        if (rows.Count > draft.Images.Count) rows.RemoveRange(draft.Images.Count, rows.Count - draft.Images.Count);
        while (rows.Count < draft.Images.Count) rows.Add(NewImageRow());
    }

    private static string OwnerOf(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.ViaApiKey || !scope.IsIn(Roles.FieldOfficer) || string.IsNullOrEmpty(scope.AgencyCode) || string.IsNullOrEmpty(scope.UserId))
            throw new UnauthorizedAccessException("Only a signed-in field officer of an agency has a draft referral.");
        return scope.UserId;
    }

    // Blob names carry no user id in clear.
    private static string OwnerHash(string owner) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)))[..32];

    /// <summary>The file's own name (no folders), without control characters, for display only.</summary>
    internal static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > MaxFileNameLength) name = name[..(MaxFileNameLength - 1)] + "…";
        return name.Length == 0 ? "image" : name;
    }

    private static ReferralSubmission Clone(ReferralSubmission submission) =>
        JsonSerializer.Deserialize<ReferralSubmission>(JsonSerializer.SerializeToUtf8Bytes(submission, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

    private DraftImageLimitException TooManyImages() => new(Limits.MaxFilesPerReferral);

    private static DraftSubmitOutcome Refused(string path, string code, params object?[] arguments) =>
        new(null, [new FieldError(path, code, arguments)]);

    private async Task<Releaser> LockAsync(string owner, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(owner, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
