using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Telemetry;

namespace DescPortal.Web.Features.Referrals;

/// <summary>The referral as it was accepted.</summary>
public sealed record SubmittedReferral(Guid Id, string Reference, ReferralStatus Status);

/// <summary>
/// Submits a referral, for the API and for the officer's form alike: validate, receive the images into an
/// <see cref="EvidenceBatch"/> (verified and stored under server-chosen names while the rest arrives), then start the
/// case's stream. A refused or failed submission leaves no case and no blob.
/// </summary>
public sealed class SubmitReferral(CaseQueries queries, BlobContainers blobs, TimeProvider clock, UploadLimits limits,
    CaseWrites cases, PortalMetrics metrics, ILogger<SubmitReferral> log)
{
    public async Task<ValidationResult> ValidateAsync(UserScope scope, ReferralSubmission submission, CancellationToken ct)
    {
        if (!CaseAccess.CanSubmit(scope))
            throw new UnauthorizedAccessException("Only a field officer or an agency's API key can submit a referral.");
        var agency = await queries.AgencyAsync(scope.AgencyCode!, ct);
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
        if (!CaseAccess.CanSubmit(scope))
            throw new UnauthorizedAccessException("Only a field officer or an agency's API key can submit a referral.");
        if (evidence.Count != referral.Images.Count)
            throw new ArgumentException($"{referral.Images.Count} image descriptions but {evidence.Count} files.", nameof(evidence));

        var stored = await evidence.CompleteAsync();
        var id = evidence.ReferralId;
        var now = clock.GetUtcNow();
        var reference = "";
        await cases.StartAsync(id, async session =>
        {
            reference = await ReferenceNumbers.NextAsync(session, now.Year, ct);
            return ReferralDecider.Submit(id, reference, scope.AgencyCode!, referral, stored, scope.Actor, now);
        }, ct);
        evidence.Commit();
        metrics.ReferralSubmitted();
        // Thumbnails and tiles follow from the committed events (ReferralsSetup).
        log.LogInformation("Referral {Reference} submitted by {Agency} with {Count} images", reference, scope.AgencyCode, stored.Count);
        return new SubmittedReferral(id, reference, ReferralStatus.Submitted);
    }
}
