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
                : throw new DomainException(Refusals.Opinion.RequestSentOtherwise);
        }
        RequireAssignedExaminer(current, opinion, actor, now, Refusals.Cases.Doing.AskForMaterial);
        if (text is null)
        {
            throw new DomainException(Refusals.Opinion.RequestMessageRequired);
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
            ?? throw new DomainException(Refusals.Opinion.RequestNotFound, current.Reference);
        if (request.IsAnswered)
        {
            return request.Answer == text && request.EvidenceIds.SequenceEqual(ids)
                ? []
                : throw new DomainException(Refusals.Opinion.RequestAnswered);
        }
        if (current.Status != ReferralStatus.AwaitingInformation)
        {
            throw new DomainException(Refusals.Opinion.RequestNotAwaited, current.Reference, StatusText(current.Status));
        }
        if (text is null && ids.Count == 0)
        {
            throw new DomainException(Refusals.Opinion.AnswerEmpty);
        }
        foreach (var id in ids)
        {
            if (current.FindEvidence(id) is null)
            {
                throw new DomainException(Refusals.Opinion.AnswerNoSuchEvidence, current.Reference, id);
            }
            if (opinion.InformationRequests.Any(r => r.EvidenceIds.Contains(id)))
            {
                throw new DomainException(Refusals.Opinion.AnswerEvidenceGiven, id);
            }
        }
        return [new InformationProvided(current.Id, requestId, text, ids, actor.Actor, now)];
    }
}
