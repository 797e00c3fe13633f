using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Opinion;

// Review: another examiner approves the opinion in review or returns it with comments (four eyes).
public static partial class OpinionDecider
{
    /// <summary>
    /// The reviewer approves the opinion in review (four eyes: never the case's examiner). The approval id is the
    /// caller's and keys the report job; the same approval again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Approve(
        Referral current, OpinionState opinion, Guid approvalId, OpinionActor reviewer, DateTimeOffset now)
    {
        RequireReviewer(current, opinion, reviewer, now, "approve");
        RequireId(approvalId, nameof(approvalId));
        if (opinion.FindApproval(approvalId) is { } approved)
        {
            return approved.ReviewerId == reviewer.UserId
                ? []
                : throw new DomainException("This approval was given by another reviewer.");
        }
        RequireInReview(current, "approved");
        var round = opinion.CurrentRound!;
        return [new OpinionApproved(current.Id, approvalId, round.Number, reviewer.UserId, reviewer.Name, reviewer.Actor, now)];
    }

    /// <summary>
    /// The reviewer returns the opinion in review to the examiner with comments, which are required. The same comments
    /// from the same reviewer on a case already returned change nothing.
    /// </summary>
    public static IReadOnlyList<object> Return(
        Referral current, OpinionState opinion, string comments, OpinionActor reviewer, DateTimeOffset now)
    {
        RequireReviewer(current, opinion, reviewer, now, "return");
        var text = PlainText(comments, MaxCommentsLength, Refusals.Opinion.Text.ReviewComments);
        if (current.Status == ReferralStatus.Returned && opinion.CurrentRound is { Verdict: ReviewVerdict.Returned } last
            && last.ReviewerId == reviewer.UserId && last.Comments == text)
        {
            return [];
        }
        RequireInReview(current, "returned");
        if (text is null)
        {
            throw new DomainException("The review comments are required: say what the examiner should change or check.");
        }
        var round = opinion.CurrentRound!;
        return [new ReviewReturned(current.Id, round.Number, reviewer.UserId, reviewer.Name, text, reviewer.Actor, now)];
    }

    // Four eyes: checked before anything else, so the examiner always hears why, whatever the status.
    private static void RequireReviewer(
        Referral current, OpinionState opinion, OpinionActor reviewer, DateTimeOffset now, string doing)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(reviewer, now);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer.Name, nameof(reviewer));
        if (current.AssignedExaminerId == reviewer.UserId)
        {
            throw new DomainException(
                $"You are the examiner of referral {current.Reference}; another examiner must review it (four-eyes principle), so you cannot {doing} it.");
        }
    }

    private static void RequireInReview(Referral current, string done)
    {
        if (current.Status != ReferralStatus.InReview)
        {
            throw new DomainException(
                $"Referral {current.Reference} is {StatusText(current.Status)}; only an opinion in review can be {done}.");
        }
    }
}
