using static System.FormattableString;

namespace DescPortal.Core.Referrals;

/// <summary>
/// The checks every decider of a case's work makes in the same words: who may act (the assigned examiner, while the
/// case is being examined or was returned), which document, a caller's id and time.
/// </summary>
internal static class CaseRules
{
    /// <summary>Only the case's examiner, while it is in examination or returned; <paramref name="work"/> is what is worked on.</summary>
    public static void RequireAssignedExaminer(Referral current, string userId, string doing, string work)
    {
        if (current.AssignedExaminerId is null)
        {
            throw new DomainException(
                $"Only the examiner assigned to this case can {doing}; referral {current.Reference} is not assigned yet.");
        }
        if (current.AssignedExaminerId != userId)
        {
            throw new DomainException($"Only the examiner assigned to this case, {current.AssignedExaminerName}, can {doing}.");
        }
        if (!current.IsOpenForWork)
        {
            throw new DomainException(
                $"Referral {current.Reference} is {StatusText(current.Status)}; its {work} can be worked on only while it is in examination or returned by the reviewer.");
        }
    }

    public static void RequireDocument(Referral current, int document)
    {
        if (!current.HasDocument(document))
        {
            throw new DomainException(Invariant(
                $"Referral {current.Reference} has no document {document + 1}; it has {current.DocumentCount} {(current.DocumentCount == 1 ? "document" : "documents")}."));
        }
    }

    public static void RequireId(Guid id, string paramName)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("Ids are chosen by the caller and must not be empty.", paramName);
        }
    }

    public static void RequireTime(DateTimeOffset now)
    {
        if (now == default)
        {
            throw new ArgumentException("The time of the command is required.", nameof(now));
        }
    }

    /// <summary>A status in words, for refusals.</summary>
    public static string StatusText(ReferralStatus status) => status switch
    {
        ReferralStatus.Submitted => "not yet in examination",
        ReferralStatus.InExamination => "in examination",
        ReferralStatus.AwaitingInformation => "awaiting information from the officer",
        ReferralStatus.InReview => "in review",
        ReferralStatus.Returned => "returned to the examiner",
        _ => status.ToString().ToLowerInvariant(),
    };
}
