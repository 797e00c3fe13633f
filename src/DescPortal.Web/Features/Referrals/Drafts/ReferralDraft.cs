using DescPortal.Core;
using DescPortal.Core.Referrals;

namespace DescPortal.Web.Features.Referrals.Drafts;

/// <summary>
/// An officer's unsent referral, saved as they type so that a dropped connection at a border desk loses nothing.
/// Marten document; one per officer (id = the officer's user id, taken from the principal, never from the client).
/// </summary>
public sealed class ReferralDraft
{
    public string Id { get; set; } = "";

    /// <summary>What the form holds. <c>Submission.Images[i]</c> describes <c>Images[i]</c>: same index, same image.</summary>
    public ReferralSubmission Submission { get; set; } = new();

    public List<DraftImage> Images { get; set; } = [];

    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>
/// A file attached to a draft: measured and proven to decode at attachment, stored in the drafts container under a
/// server-chosen name with a JPEG preview beside it (browsers cannot show TIFF).
/// </summary>
/// <param name="FileName">The name on the officer's device, for display only; never used as a path.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the original bytes, checked again when the referral is sent.</param>
public sealed record DraftImage(
    Guid Id,
    string FileName,
    string Sha256,
    long SizeBytes,
    int Width,
    int Height,
    string ContentType,
    string BlobName,
    string PreviewBlobName);

/// <summary>The draft already holds as many images as a referral may carry (<paramref name="limit"/>).</summary>
public sealed class DraftImageLimitException(int limit) : Exception(Refusals.Draft.TooManyImages)
{
    public int Limit { get; } = limit;

    /// <summary>Why, in words of the current UI culture.</summary>
    public override string Message => Wording.Of(Refusals.Draft.TooManyImages, [Limit]);
}

/// <summary>What sending a draft came to: the new case, or the reasons it was refused (the draft is then unchanged).</summary>
public sealed record DraftSubmitOutcome(SubmittedReferral? Referral, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Referral is not null;
}
