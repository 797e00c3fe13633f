using DescPortal.Core;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;
using DescPortal.Web.Infrastructure.Blobs;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Opinion;

/// <summary>
/// The officer's answer to the examiner's request for more material, in the portal or through the API: a message and
/// images, stored like a submission's evidence (content-checked, hashed, immutable) and recorded with the answer in
/// one append; the case returns to the examiner. Thumbnails and tiles follow from the attached evidence's events.
/// </summary>
public sealed class AnswerInformation(OpinionCommands commands, BlobContainers blobs)
{
    /// <summary>A batch for the answer's images; disposing it without an answer recorded deletes what it stored.</summary>
    public EvidenceBatch StartEvidence(Guid caseId) => new(caseId, blobs);

    public async Task<CaseRecord> AnswerAsync(UserScope scope, Guid caseId, long seenVersion, string? message,
        IReadOnlyList<ImageDescription> images, EvidenceBatch evidence, CancellationToken ct)
    {
        if (evidence.ReferralId != caseId) throw new ArgumentException("The images were received for another case.", nameof(evidence));
        var stored = await evidence.CompleteAsync();
        var record = await commands.AsOfficerAsync(scope, caseId, seenVersion, (referral, opinion, actor, now) =>
        {
            var request = opinion.OpenInformationRequest
                ?? throw new DomainException(Refusals.Opinion.RequestNoneOpen, referral.Reference);
            var attached = ReferralDecider.AttachEvidence(referral, images, stored, actor.Actor, now);
            var withImages = attached.Cast<EvidenceImageAttached>().Aggregate(referral, (r, e) => r.Apply(e));
            return [.. attached, .. OpinionDecider.ProvideInformation(withImages, opinion, request.RequestId, message,
                [.. stored.Select(s => s.EvidenceId)], actor, now)];
        }, ct);
        evidence.Commit();
        return record;
    }
}
