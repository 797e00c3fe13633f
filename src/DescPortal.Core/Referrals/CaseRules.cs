namespace DescPortal.Core.Referrals;

/// <summary>
/// The checks every decider of a case's work makes in the same words: who may act (the assigned examiner, while the
/// case is being examined or was returned), which document, a caller's id and time.
/// </summary>
internal static class CaseRules
{
    /// <summary>
    /// Only the case's examiner, while it is in examination or returned. <paramref name="doing"/> (of
    /// <see cref="Refusals.Cases.Doing"/>) is what they would do, <paramref name="work"/> (of
    /// <see cref="Refusals.Cases.Work"/>) what is worked on.
    /// </summary>
    public static void RequireAssignedExaminer(Referral current, string userId, string doing, string work)
    {
        if (current.AssignedExaminerId is null)
        {
            throw new DomainException(Refusals.Cases.NotAssigned, new Phrase(doing), current.Reference);
        }
        if (current.AssignedExaminerId != userId)
        {
            throw new DomainException(Refusals.Cases.OtherExaminer, current.AssignedExaminerName, new Phrase(doing));
        }
        if (!current.IsOpenForWork)
        {
            throw new DomainException(Refusals.Cases.NotOpenForWork, current.Reference, StatusText(current.Status), new Phrase(work));
        }
    }

    public static void RequireDocument(Referral current, int document)
    {
        if (!current.HasDocument(document))
        {
            throw new DomainException(Refusals.Cases.NoSuchDocument, current.Reference, document + 1, current.DocumentCount);
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

    /// <summary>A status in words, for refusals ("Referral … is {status}").</summary>
    public static Phrase StatusText(ReferralStatus status) => new(status switch
    {
        ReferralStatus.Submitted => Refusals.Cases.Status.Submitted,
        ReferralStatus.InExamination => Refusals.Cases.Status.InExamination,
        ReferralStatus.AwaitingInformation => Refusals.Cases.Status.AwaitingInformation,
        ReferralStatus.InReview => Refusals.Cases.Status.InReview,
        ReferralStatus.Returned => Refusals.Cases.Status.Returned,
        ReferralStatus.Approved => Refusals.Cases.Status.Approved,
        ReferralStatus.Reported => Refusals.Cases.Status.Reported,
        ReferralStatus.Closed => Refusals.Cases.Status.Closed,
        ReferralStatus.Withdrawn => Refusals.Cases.Status.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a referral status."),
    });
}
