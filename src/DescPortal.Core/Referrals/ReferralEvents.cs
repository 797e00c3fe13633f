using DescPortal.Core.Custody;

namespace DescPortal.Core.Referrals;

// The events of a referral's stream (one stream per case, keyed by ReferralId).
// Each records who did it (Actor, never empty) and when (At), as its last two members.
// Stored events are never rewritten: add a new event or a new optional member rather than change one.

/// <summary>
/// An officer submitted a referral. <see cref="Bearer"/> is the only place the traveller's personal data
/// sits, so that it can be masked or erased later without touching the forensic record.
/// </summary>
public sealed record ReferralSubmitted(
    Guid ReferralId,
    string Reference,
    string AgencyCode,
    string BorderCrossingPoint,
    DateTimeOffset InterceptedAt,
    string? RouteFrom,
    string? RouteTo,
    string Reason,
    Urgency Urgency,
    DateTimeOffset? AnswerBy,
    Bearer Bearer,
    IReadOnlyList<QuestionedDocument> Documents,
    string Actor,
    DateTimeOffset At) : IRecordedEvent
{
    /// <summary>
    /// The condition of the items as the officer handed them over; null when not stated (and in events stored before
    /// it existed). Outside the positional members so that stored events read as they were written.
    /// </summary>
    public string? ConditionOnReceipt { get; init; }
}

/// <summary>The traveller who presented the documents: personal data, kept apart.</summary>
public sealed record Bearer(
    [property: PersonalData] string Surname,
    [property: PersonalData] string GivenNames,
    [property: PersonalData] string? NationalName,
    string Nationality,
    [property: PersonalData] PartialDate DateOfBirth,
    Sex? Sex);

/// <summary>A document the bearer presented; <see cref="Index"/> is what images refer to.</summary>
public sealed record QuestionedDocument(
    int Index,
    DocumentType DocumentType,
    string IssuingState,
    [property: PersonalData] string? DocumentNumber,
    [property: PersonalData] string? Mrz);

/// <summary>
/// An original image was stored. <see cref="Sha256"/> (lower-case hex of the original bytes, taken at
/// acquisition) is the chain-of-custody anchor; the original blob is never changed.
/// </summary>
public sealed record EvidenceImageAttached(
    Guid ReferralId,
    Guid EvidenceId,
    int Document,
    LightSource LightSource,
    DocumentArea Area,
    int? Dpi,
    int? WavelengthNm,
    string? CaptureDevice,
    DateTimeOffset? CapturedAt,
    string? Note,
    string BlobName,
    string Sha256,
    long SizeBytes,
    int Width,
    int Height,
    string ContentType,
    string Actor,
    DateTimeOffset At) : IRecordedEvent;

/// <summary>A thumbnail was derived; it names the hash of the original it came from.</summary>
public sealed record EvidenceThumbnailCreated(
    Guid ReferralId,
    Guid EvidenceId,
    string BlobName,
    int Width,
    int Height,
    string DerivedFromSha256,
    string Actor,
    DateTimeOffset At) : IRecordedEvent;

/// <summary>
/// The bytes of an evidence original no longer hash to <see cref="ExpectedSha256"/>, the SHA-256 taken at acquisition:
/// found while <see cref="DetectedWhile"/> read them, which refused to serve or use them. <see cref="ActualSha256"/> is
/// what the stored bytes hash to now, or null when the original is gone. From then on the image is never served or
/// used: an integrity alarm for the centre, recorded once per image.
/// </summary>
public sealed record EvidenceIntegrityFailed(
    Guid ReferralId,
    Guid EvidenceId,
    string ExpectedSha256,
    string? ActualSha256,
    EvidenceUse DetectedWhile,
    string Actor,
    DateTimeOffset At) : IRecordedEvent;

/// <summary>What was about to read an evidence original's bytes when they were hashed again.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EvidenceUse>))]
public enum EvidenceUse
{
    /// <summary>Shown in the portal (the case page, the workspace).</summary>
    Shown,
    /// <summary>Downloaded by the submitting agency's system (API).</summary>
    Downloaded,
    Thumbnail,
    Tiles,
    /// <summary>Shrunk for print in an expert report.</summary>
    Report,
    /// <summary>Hashed again to prove the chain of custody (the custody API and page, <c>infra/desc verify</c>).</summary>
    Verified,
}

/// <summary>
/// The examiner amended the condition of the items on receipt (ISO/IEC 17025 §7.8.2.1): <see cref="Condition"/> is what
/// the report states from now on, in place of the officer's words (which stay in <see cref="ReferralSubmitted"/>).
/// </summary>
public sealed record ConditionOnReceiptAmended(
    Guid ReferralId,
    string Condition,
    string Actor,
    DateTimeOffset At) : IRecordedEvent;

public sealed record CaseAssigned(
    Guid ReferralId,
    string ExaminerId,
    string ExaminerName,
    string Actor,
    DateTimeOffset At) : IRecordedEvent;

/// <summary>What every case event records: who did it (never empty) and when. History timelines read these.</summary>
public interface IRecordedEvent
{
    string Actor { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// An event of the case's stream that may move the case to another status. The opinion workflow's events say which
/// (Opinion's IOpinionEvent holds that mapping), and the case folds them through this interface alone, so that this
/// namespace does not depend on the opinion's.
/// </summary>
public interface ICaseStatusEvent
{
    /// <summary>The status the case is in after this event; null when it leaves the status as it is.</summary>
    ReferralStatus? StatusAfter { get; }
}
