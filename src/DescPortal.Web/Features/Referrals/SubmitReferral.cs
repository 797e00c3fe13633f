using DescPortal.Core;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Http;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Telemetry;
using JasperFx;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>The referral as it was accepted.</summary>
public sealed record SubmittedReferral(Guid Id, string Reference, ReferralStatus Status);

/// <summary>
/// Submits a referral, for the API and for the officer's form alike: validate, receive the images into an
/// <see cref="EvidenceBatch"/> (verified and stored under server-chosen names while the rest arrives), then start the
/// case's stream. A refused or failed submission leaves no case and no blob.
/// </summary>
public sealed class SubmitReferral(CaseQueries queries, BlobContainers blobs, TimeProvider clock, UploadLimits limits,
    CaseWrites cases, IDocumentStore store, PortalMetrics metrics, ILogger<SubmitReferral> log)
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
    /// the batch uncommitted, and disposing it deletes what it stored. With an Idempotency-Key the agency used within
    /// its window, nothing is stored: the same body answers the first submission, another body is refused.
    /// </summary>
    public async Task<SubmittedReferral> SubmitAsync(UserScope scope, ValidatedReferral referral, EvidenceBatch evidence, CancellationToken ct,
        IdempotentRequest? idempotent = null)
    {
        if (!CaseAccess.CanSubmit(scope))
            throw new UnauthorizedAccessException("Only a field officer or an agency's API key can submit a referral.");
        if (evidence.Count != referral.Images.Count)
            throw new ArgumentException($"{referral.Images.Count} image descriptions but {evidence.Count} files.", nameof(evidence));

        var stored = await evidence.CompleteAsync();
        var id = evidence.ReferralId;
        var now = clock.GetUtcNow();
        var reference = "";
        var key = idempotent is null ? null : new SubmissionKey
        {
            Id = SubmissionKey.IdOf(scope.AgencyCode!, idempotent.Key), Fingerprint = idempotent.FingerprintOf(stored),
            ReferralId = id, At = now,
        };
        if (key is not null && await EarlierAsync(key, idempotent!, now, ct) is { } earlier) return earlier;
        try
        {
            await cases.StartAsync(id, async session =>
            {
                reference = await ReferenceNumbers.NextAsync(session, now.Year, ct);
                if (key is not null)
                {
                    // In the case's own transaction: a crash leaves both or neither. An expired record gives way.
                    var expired = now - IdempotentRequest.Window;
                    session.DeleteWhere<SubmissionKey>(k => k.Id == key.Id && k.At <= expired);
                    key.Reference = reference;
                    session.Insert(key);
                }
                return ReferralDecider.Submit(id, reference, scope.AgencyCode!, referral, stored, scope.Actor, now);
            }, ct);
        }
        catch (DocumentAlreadyExistsException) when (key is not null)
        {
            // A concurrent request with the same key committed first (PostgreSQL held this insert until it had):
            // answer with its result; the batch stays uncommitted and its blobs go.
            return await EarlierAsync(key, idempotent!, now, ct) ?? throw new InvalidOperationException($"Key {key.Id} collided but is not stored.");
        }
        catch (Exception e) when (StorageOutage.IsOutage(e))
        {
            // The database went away, perhaps while it committed: the case may exist, so its evidence must stay.
            evidence.Keep();
            throw;
        }
        evidence.Commit();
        metrics.ReferralSubmitted();
        // Thumbnails and tiles follow from the committed events (ReferralsSetup).
        log.LogInformation("Referral {Reference} submitted by {Agency} with {Count} images", reference, scope.AgencyCode, stored.Count);
        return new SubmittedReferral(id, reference, ReferralStatus.Submitted);
    }

    /// <summary>The earlier submission under this key within its window, if the body is the same; a refusal if not.</summary>
    private async Task<SubmittedReferral?> EarlierAsync(SubmissionKey key, IdempotentRequest idempotent, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var earlier = await SubmissionKeys.FindAsync(session, key.Id, now, ct);
        if (earlier is null) return null;
        if (earlier.Fingerprint != key.Fingerprint) throw idempotent.Reused();
        log.LogInformation("Referral {Reference} answered again for a retry with the same Idempotency-Key", earlier.Reference);
        return new SubmittedReferral(earlier.ReferralId, earlier.Reference, ReferralStatus.Submitted);
    }
}
