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
        RequireReviewer(current, opinion, reviewer, now, Refusals.Opinion.Doing.Approve);
        RequireId(approvalId, nameof(approvalId));
        if (opinion.FindApproval(approvalId) is { } approved)
        {
            return approved.ReviewerId == reviewer.UserId
                ? []
                : throw new DomainException(Refusals.Opinion.ApprovalByOtherReviewer);
        }
        RequireInReview(current, Refusals.Opinion.Done.Approved);
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
        RequireReviewer(current, opinion, reviewer, now, Refusals.Opinion.Doing.Return);
        var text = PlainText(comments, MaxCommentsLength, Refusals.Opinion.Text.ReviewComments);
        if (current.Status == ReferralStatus.Returned && opinion.CurrentRound is { Verdict: ReviewVerdict.Returned } last
            && last.ReviewerId == reviewer.UserId && last.Comments == text)
        {
            return [];
        }
        RequireInReview(current, Refusals.Opinion.Done.Returned);
        if (text is null)
        {
            throw new DomainException(Refusals.Opinion.ReviewCommentsRequired);
        }
        var round = opinion.CurrentRound!;
        return [new ReviewReturned(current.Id, round.Number, reviewer.UserId, reviewer.Name, text, reviewer.Actor, now)];
    }

    // Four eyes: checked before anything else, so the examiner always hears why, whatever the status. What the
    // reviewer would do: a phrase of Refusals.Opinion.Doing.
    private static void RequireReviewer(
        Referral current, OpinionState opinion, OpinionActor reviewer, DateTimeOffset now, string doing)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(reviewer, now);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer.Name, nameof(reviewer));
        if (current.AssignedExaminerId == reviewer.UserId)
        {
            throw new DomainException(Refusals.Opinion.ReviewOwnCase, current.Reference, new Phrase(doing));
        }
    }

    // What would be done: a phrase of Refusals.Opinion.Done.
    private static void RequireInReview(Referral current, string done)
    {
        if (current.Status != ReferralStatus.InReview)
        {
            throw new DomainException(Refusals.Opinion.ReviewNotInReview, current.Reference, StatusText(current.Status), new Phrase(done));
        }
    }
}
