using DescPortal.Core.Referrals;

namespace DescPortal.Core.Opinion;

// The events of the opinion, its review and its reports. They go on the case's stream (the referral's, keyed by
// ReferralId) after the referral's and the examination's own, so the case history lists them with the rest.
// Each records who did it (Actor, never empty) and when (At), as its last two members.
// Stored events are never rewritten: add a new event or a new optional member rather than change one.
// Documents are the indices of ReferralSubmitted.Documents (0-based); messages count them from 1.

/// <summary>Every event of the opinion workflow: whose case it is, who did it and when.</summary>
public interface IOpinionEvent : IRecordedEvent, ICaseStatusEvent
{
    Guid ReferralId { get; }

    /// <summary>
    /// The one mapping from the workflow's events to the case's status, for the case (<see cref="Referral"/>) and the
    /// read models that show it; OpinionDecider decides when each move is allowed. A default member, so no event
    /// stores it.
    /// </summary>
    ReferralStatus? ICaseStatusEvent.StatusAfter => this switch
    {
        InformationRequested => ReferralStatus.AwaitingInformation,
        InformationProvided => ReferralStatus.InExamination,
        SubmittedForReview => ReferralStatus.InReview,
        ReviewReturned => ReferralStatus.Returned,
        OpinionApproved => ReferralStatus.Approved,
        ReportIssued => ReferralStatus.Reported,
        CaseReopened => ReferralStatus.InExamination,
        _ => null,
    };
}

/// <summary>
/// The examiner saved the opinion on document <see cref="Document"/>; it replaces the earlier draft of that document.
/// A draft may lack its <see cref="Conclusion"/>; the opinion goes to review only once every document has one.
/// <see cref="ForgerySubTypes"/> is empty unless <see cref="FraudType"/> is Forged, and in vocabulary order.
/// </summary>
public sealed record OpinionDrafted(
    Guid ReferralId,
    int Document,
    FraudType FraudType,
    IReadOnlyList<ForgerySubType> ForgerySubTypes,
    string? Findings,
    string? Conclusion,
    string? Limitations,
    EvaluativeOpinion? Evaluative,
    string Actor,
    DateTimeOffset At) : IOpinionEvent
{
    /// <summary>Departures from the method for this document (<see cref="OpinionDraft.Deviations"/>); null when none, and in drafts saved before it existed.</summary>
    public string? Deviations { get; init; }
}

/// <summary>The examiner asked the officer for more material: the case waits for the answer (AwaitingInformation).</summary>
public sealed record InformationRequested(
    Guid ReferralId,
    Guid RequestId,
    string Message,
    string Actor,
    DateTimeOffset At) : IOpinionEvent;

/// <summary>
/// The officer answered request <see cref="RequestId"/>, with a message, images already attached to the case
/// (EvidenceImageAttached, appended before this), or both; the case goes back to the examiner (InExamination).
/// </summary>
public sealed record InformationProvided(
    Guid ReferralId,
    Guid RequestId,
    string? Message,
    IReadOnlyList<Guid> EvidenceIds,
    string Actor,
    DateTimeOffset At) : IOpinionEvent;

/// <summary>
/// The examiner submitted the opinions for technical review (InReview); <see cref="Round"/> counts submissions from 1.
/// A resubmission after a return carries the examiner's <see cref="AnswerToReview"/> to the reviewer's comments.
/// </summary>
public sealed record SubmittedForReview(
    Guid ReferralId,
    int Round,
    string? AnswerToReview,
    string Actor,
    DateTimeOffset At) : IOpinionEvent;

/// <summary>The reviewer sent the opinion of round <see cref="Round"/> back to the examiner with comments (Returned).</summary>
public sealed record ReviewReturned(
    Guid ReferralId,
    int Round,
    string ReviewerId,
    string ReviewerName,
    string Comments,
    string Actor,
    DateTimeOffset At) : IOpinionEvent;

/// <summary>
/// The reviewer approved the opinion of round <see cref="Round"/> (Approved). The report job issues exactly one report
/// per <see cref="ApprovalId"/>, however often it runs.
/// </summary>
public sealed record OpinionApproved(
    Guid ReferralId,
    Guid ApprovalId,
    int Round,
    string ReviewerId,
    string ReviewerName,
    string Actor,
    DateTimeOffset At) : IOpinionEvent;

/// <summary>
/// The expert report of approval <see cref="ApprovalId"/> was issued (Reported): its PDF is in
/// <see cref="PdfBlobName"/> with <see cref="Sha256"/> (lower-case hex of the file). An issued report is never changed;
/// a later version names the one it supersedes in <see cref="Supersedes"/> (ISO/IEC 17025 §7.8.8).
/// </summary>
public sealed record ReportIssued(
    Guid ReferralId,
    Guid ApprovalId,
    string ReportNumber,
    int Version,
    string VerificationCode,
    string PdfBlobName,
    string Sha256,
    string? Supersedes,
    string Actor,
    DateTimeOffset At) : IOpinionEvent;

/// <summary>
/// A reported case was taken back into examination (InExamination) for <see cref="Reason"/>. Report
/// <see cref="ReportNumber"/> stays valid until the next approval's report supersedes it.
/// </summary>
public sealed record CaseReopened(
    Guid ReferralId,
    string ReportNumber,
    string Reason,
    string Actor,
    DateTimeOffset At) : IOpinionEvent;
