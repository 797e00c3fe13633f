using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Opinion;

// Information: the examiner asks the officer for more material; the officer's answer sends the case back to them.
public static partial class OpinionDecider
{
    /// <summary>
    /// Asks the officer for more material; the case waits for the answer (AwaitingInformation). The same request id
    /// with the same message again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> RequestInformation(
        Referral current, OpinionState opinion, Guid requestId, string message, OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(actor, now);
        RequireId(requestId, nameof(requestId));
        var text = PlainText(message, MaxMessageLength, Refusals.Opinion.Text.MessageToOfficer);
        if (opinion.FindInformationRequest(requestId) is { } asked)
        {
            return asked.Message == text
                ? []
                : throw new DomainException("This request to the officer was already sent with another message.");
        }
        RequireAssignedExaminer(current, opinion, actor, now, Refusals.Cases.Doing.AskForMaterial);
        if (text is null)
        {
            throw new DomainException("The message to the officer is required: say what material is needed and why.");
        }
        return [new InformationRequested(current.Id, requestId, text, actor.Actor, now)];
    }

    /// <summary>
    /// Records the officer's answer to the open request: a message, images already attached to the case (their
    /// EvidenceImageAttached events come first), or both. The case goes back to the examiner. The same answer again
    /// changes nothing.
    /// </summary>
    public static IReadOnlyList<object> ProvideInformation(
        Referral current,
        OpinionState opinion,
        Guid requestId,
        string? message,
        IReadOnlyList<Guid> evidenceIds,
        OpinionActor actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        ArgumentNullException.ThrowIfNull(evidenceIds);
        RequireActor(actor, now);
        RequireId(requestId, nameof(requestId));
        var text = PlainText(message, MaxMessageLength, Refusals.Opinion.Text.AnswerToExaminer);
        var ids = evidenceIds.Distinct().ToList();

        var request = opinion.FindInformationRequest(requestId)
            ?? throw new DomainException($"Referral {current.Reference} has no such request for information.");
        if (request.IsAnswered)
        {
            return request.Answer == text && request.EvidenceIds.SequenceEqual(ids)
                ? []
                : throw new DomainException("This request was already answered; the examiner can ask again if more is needed.");
        }
        if (current.Status != ReferralStatus.AwaitingInformation)
        {
            throw new DomainException($"Referral {current.Reference} is {StatusText(current.Status)}, not awaiting information.");
        }
        if (text is null && ids.Count == 0)
        {
            throw new DomainException("The answer is empty: write a message, add images, or both.");
        }
        foreach (var id in ids)
        {
            if (current.FindEvidence(id) is null)
            {
                throw new DomainException($"Referral {current.Reference} has no evidence image {id}; attach it before answering.");
            }
            if (opinion.InformationRequests.Any(r => r.EvidenceIds.Contains(id)))
            {
                throw new DomainException($"Evidence image {id} was already given in an earlier answer.");
            }
        }
        return [new InformationProvided(current.Id, requestId, text, ids, actor.Actor, now)];
    }
}
