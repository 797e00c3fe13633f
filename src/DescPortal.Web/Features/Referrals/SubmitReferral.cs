using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Agencies;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Telemetry;
using Hangfire;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>The referral as it was accepted.</summary>
public sealed record SubmittedReferral(Guid Id, string Reference, ReferralStatus Status);

/// <summary>
/// Submits a referral, for the API and for the officer's form alike: validate, receive the images into an
/// <see cref="EvidenceBatch"/> (verified and stored under server-chosen names while the rest arrives), then start the
/// case's stream. A refused or failed submission leaves no case and no blob.
/// </summary>
public sealed class SubmitReferral(IDocumentStore store, BlobContainers blobs, TimeProvider clock, UploadLimits limits,
    IBackgroundJobClient jobs, CaseNotifications notifications, PortalMetrics metrics, ILogger<SubmitReferral> log)
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

    /// <summary>A batch for the evidence of a new referral; images added to it are verified and stored as they arrive.</summary>
    public EvidenceBatch StartEvidence() => new(Guid.CreateVersion7(), blobs);

    /// <summary>
    /// Waits for the batch's images (verified and stored), then starts the case's stream. Any refusal or failure leaves
    /// the batch uncommitted, and disposing it deletes what it stored.
    /// </summary>
    public async Task<SubmittedReferral> SubmitAsync(UserScope scope, ValidatedReferral referral, EvidenceBatch evidence, CancellationToken ct)
    {
        if (!ReferralAccess.CanSubmit(scope))
            throw new UnauthorizedAccessException("Only a field officer or an agency's API key can submit a referral.");
        if (evidence.Count != referral.Images.Count)
            throw new ArgumentException($"{referral.Images.Count} image descriptions but {evidence.Count} files.", nameof(evidence));

        var stored = await evidence.CompleteAsync();
        var id = evidence.ReferralId;
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var reference = await ReferenceNumbers.NextAsync(session, now.Year, ct);
        var events = ReferralDecider.Submit(id, reference, scope.AgencyCode!, referral, stored, scope.Actor, now);
        session.Events.StartStream<Referral>(id, events);
        await session.SaveChangesAsync(ct);
        evidence.Commit();
        metrics.ReferralSubmitted();

        jobs.Enqueue<EvidenceThumbnailJob>(j => j.RunAsync(id, CancellationToken.None));
        // Tiles before anyone asks: the examiner's first look at the evidence should not wait for them.
        jobs.Enqueue<Infrastructure.DeepZoom.DeepZoomJob>(j => j.ForCaseAsync(id, CancellationToken.None));
        notifications.Publish(id);
        log.LogInformation("Referral {Reference} submitted by {Agency} with {Count} images", reference, scope.AgencyCode, stored.Count);
        return new SubmittedReferral(id, reference, ReferralStatus.Submitted);
    }
}
