using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Agencies;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using Hangfire;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>The referral as it was accepted.</summary>
public sealed record SubmittedReferral(Guid Id, string Reference, ReferralStatus Status);

/// <summary>
/// Submits a referral, for the API and for the officer's form alike: validate, store the staged originals under
/// server-chosen names, then start the case's stream. Anything that fails after a blob was stored deletes it again,
/// so a refused submission leaves no case and no blob.
/// </summary>
public sealed class SubmitReferral(IDocumentStore store, BlobContainers blobs, TimeProvider clock, UploadLimits limits,
    IBackgroundJobClient jobs, CaseNotifications notifications, ILogger<SubmitReferral> log)
{
    public async Task<ValidationResult> ValidateAsync(UserScope scope, ReferralSubmission submission, CancellationToken ct)
    {
        if (!ReferralAccess.CanSubmit(scope))
            throw new UnauthorizedAccessException("Only a field officer or an agency's API key can submit a referral.");
        await using var session = store.QuerySession();
        var agency = await session.LoadAsync<Agency>(scope.AgencyCode!, ct);
        var points = agency?.CrossingPoints.Select(c => c.Code).ToArray() ?? [];
        return ReferralValidation.Validate(submission, clock.GetUtcNow(), points, limits);
    }

    public async Task<SubmittedReferral> SubmitAsync(UserScope scope, ValidatedReferral referral, IReadOnlyList<StagedImage> images, CancellationToken ct)
    {
        if (!ReferralAccess.CanSubmit(scope))
            throw new UnauthorizedAccessException("Only a field officer or an agency's API key can submit a referral.");
        if (images.Count != referral.Images.Count)
            throw new ArgumentException($"{referral.Images.Count} image descriptions but {images.Count} files.", nameof(images));

        var id = Guid.CreateVersion7();
        var stored = new List<StoredEvidence>(images.Count);
        try
        {
            foreach (var image in images)
            {
                var evidenceId = Guid.CreateVersion7();
                var blobName = $"referrals/{id:N}/{evidenceId:N}{ImageContent.FileExtension(image.Kind)}";
                await ImageIntake.StoreAsync(image, blobs.Evidence, blobName, ct);
                stored.Add(new StoredEvidence(evidenceId, blobName, image.Sha256, image.SizeBytes, image.Width, image.Height, image.ContentType));
            }

            var now = clock.GetUtcNow();
            await using var session = store.LightweightSession();
            var reference = await ReferenceNumbers.NextAsync(session, now.Year, ct);
            var events = ReferralDecider.Submit(id, reference, scope.AgencyCode!, referral, stored, scope.Actor, now);
            session.Events.StartStream<Referral>(id, events);
            await session.SaveChangesAsync(ct);
            jobs.Enqueue<EvidenceThumbnailJob>(j => j.RunAsync(id, CancellationToken.None));
            notifications.Publish(id);
            log.LogInformation("Referral {Reference} submitted by {Agency} with {Count} images", reference, scope.AgencyCode, stored.Count);
            return new SubmittedReferral(id, reference, ReferralStatus.Submitted);
        }
        catch
        {
            foreach (var evidence in stored)
                await blobs.Evidence.DeleteBlobIfExistsAsync(evidence.BlobName, cancellationToken: CancellationToken.None);
            throw;
        }
    }
}
