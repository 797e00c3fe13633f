using System.Security.Cryptography;
using System.Text;
using DescPortal.Core;
using DescPortal.Core.Referrals;
using Marten;

namespace DescPortal.Web.Features.Referrals;

/// <summary>
/// An agency's Idempotency-Key and the submission it created: stored in the transaction that starts the case, so there
/// is never one without the other. Its id joins agency and key, so a second commit under the same key fails.
/// </summary>
public sealed class SubmissionKey
{
    public string Id { get; set; } = "";
    /// <summary>SHA-256 of the referral part's bytes and of each image, in order: what a true retry sends again.</summary>
    public string Fingerprint { get; set; } = "";
    public Guid ReferralId { get; set; }
    public string Reference { get; set; } = "";
    public DateTimeOffset At { get; set; }

    public static string IdOf(string agency, string key) => $"{agency}:{key}";
}

/// <summary>A submission sent with an Idempotency-Key: the key as sent and the SHA-256 of its referral part.</summary>
public sealed record IdempotentRequest(string Key, byte[] ReferralSha256)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>How long a key is remembered; after that the same key makes a new referral.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>1 to 255 visible ASCII characters (as the IETF draft's examples, no spaces).</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~');

    public string FingerprintOf(IReadOnlyList<StoredEvidence> images)
    {
        // Images are already hashed by intake: the fingerprint costs one small hash, not a second pass over the body.
        var text = new StringBuilder(Convert.ToHexStringLower(ReferralSha256));
        foreach (var image in images) text.Append(':').Append(image.Sha256);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text.ToString())));
    }

    public DomainException Reused() => new(Refusals.IdempotencyKey.Reused, Key, (int)Window.TotalHours);
}

/// <summary>The key's record within its window, or null when it was never used or is older than the window.</summary>
public static class SubmissionKeys
{
    public static async Task<SubmissionKey?> FindAsync(IQuerySession session, string id, DateTimeOffset now, CancellationToken ct)
    {
        var found = await session.LoadAsync<SubmissionKey>(id, ct);
        return found is not null && now - found.At < IdempotentRequest.Window ? found : null;
    }
}
