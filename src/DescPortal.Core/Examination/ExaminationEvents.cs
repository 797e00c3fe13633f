using DescPortal.Core.Mrz;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Examination;

// The examination's events. They go on the case's stream (the referral's, keyed by ReferralId), after the
// referral's own events, so the case history lists them with the rest.
// Each records who did it (Actor, never empty) and when (At), as its last two members.
// Stored events are never rewritten: add a new event or a new optional member rather than change one.
// Documents are the indices of ReferralSubmitted.Documents (0-based); messages count them from 1.

/// <summary>Every event of the examination: whose case it is, who did it and when.</summary>
public interface IExaminationEvent : IRecordedEvent
{
    Guid ReferralId { get; }
}

/// <summary>The examiner marked a region of an evidence image.</summary>
public sealed record AnnotationAdded(
    Guid ReferralId,
    Annotation Annotation,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>The annotation with <see cref="Annotation.AnnotationId"/> replaced as a whole.</summary>
public sealed record AnnotationChanged(
    Guid ReferralId,
    Annotation Annotation,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>The annotation was taken out of the examination; its id is not used again.</summary>
public sealed record AnnotationRemoved(
    Guid ReferralId,
    Guid AnnotationId,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>
/// The genuine specimen that document <see cref="Document"/> is compared with, at content version
/// <see cref="SpecimenVersion"/>, and the checklist generated from its features (a snapshot: later edits of the
/// specimen do not change a case's checklist). Replaces an earlier choice for the document.
/// </summary>
public sealed record ReferenceSpecimenChosen(
    Guid ReferralId,
    int Document,
    Guid SpecimenId,
    int SpecimenVersion,
    string SpecimenName,
    IReadOnlyList<ChecklistItem> Items,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>
/// One security feature to examine, as the specimen described it when it was chosen; items come in inspection-level
/// order (1 naked eye, 2 simple tools, 3 laboratory), then in the specimen's feature order.
/// </summary>
public sealed record ChecklistItem(
    Guid FeatureId,
    SecurityFeatureCategory Category,
    string Type,
    int InspectionLevel,
    IReadOnlyList<LightSource> Lights,
    string Description)
{
    public bool Equals(ChecklistItem? other) =>
        other is not null
        && (FeatureId, Category, Type, InspectionLevel, Description) ==
           (other.FeatureId, other.Category, other.Type, other.InspectionLevel, other.Description)
        && Lights.SequenceEqual(other.Lights);

    public override int GetHashCode() => HashCode.Combine(FeatureId, Category, Type, InspectionLevel, Lights.Count);
}

/// <summary>
/// What the examiner found for one checklist item of document <see cref="Document"/>, with the annotations (on that
/// document's images) that show it. Replaces an earlier observation of the same feature.
/// </summary>
public sealed record ChecklistObservationRecorded(
    Guid ReferralId,
    int Document,
    Guid FeatureId,
    Finding Finding,
    string? Note,
    IReadOnlyList<Guid> AnnotationIds,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>
/// The scale of an evidence image captured without a resolution: points <see cref="A"/> and <see cref="B"/> are
/// <see cref="DistanceMm"/> apart on the document. For <see cref="ScaleCalibrationMethod.MrzCharacterPitch"/>,
/// <see cref="CharacterPitches"/> is the count of 2.54 mm pitches that gave the distance. Replaces an earlier calibration.
/// </summary>
public sealed record ScaleCalibrated(
    Guid ReferralId,
    Guid EvidenceImageId,
    ScaleCalibrationMethod Method,
    ImagePoint A,
    ImagePoint B,
    double DistanceMm,
    int? CharacterPitches,
    double PixelsPerMillimetre,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>
/// An evidence image registered onto a specimen image: the point pairs the examiner marked, the least-squares affine
/// <see cref="Transform"/> from specimen pixels to evidence pixels, and its RMS residual in evidence pixels.
/// Replaces an earlier alignment of the same two images.
/// </summary>
public sealed record ImagesAligned(
    Guid ReferralId,
    Guid EvidenceImageId,
    Guid SpecimenId,
    Guid SpecimenImageId,
    IReadOnlyList<PointPair> Pairs,
    AffineTransform Transform,
    double RmsResidualPixels,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>
/// The MRZ of document <see cref="Document"/> checked (format, check digits) and compared with the data entered for
/// the document and its bearer. Holds the outcomes and the comparison's explanatory notes, not the compared values
/// (names, numbers, dates): the traveller's personal data stays in ReferralSubmitted, where it can be masked or erased.
/// Replaces an earlier check of the document.
/// </summary>
public sealed record MrzChecked(
    Guid ReferralId,
    int Document,
    MrzFormat? Format,
    bool Valid,
    IReadOnlyList<MrzDigitCheck> FailedChecks,
    int ErrorCount,
    IReadOnlyList<MrzFieldOutcome> Comparison,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>How one field of the MRZ compared with the entered data, without the values themselves.</summary>
public sealed record MrzFieldOutcome(MrzComparedField Field, MrzComparisonResult Result, string? Note);

/// <summary>
/// The examiner measured a length on an evidence image (<see cref="Measurement"/>: the two points, the length in
/// millimetres and the scale it rests on), for the report's results.
/// </summary>
public sealed record MeasurementRecorded(
    Guid ReferralId,
    Measurement Measurement,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>The measurement was taken out of the results; its id and number are not used again.</summary>
public sealed record MeasurementRemoved(
    Guid ReferralId,
    Guid MeasurementId,
    string Actor,
    DateTimeOffset At) : IExaminationEvent;

/// <summary>
/// A length measured on evidence image <see cref="EvidenceImageId"/> from <see cref="A"/> to <see cref="B"/> (image
/// pixels): <see cref="LengthMm"/> millimetres on the document at <see cref="Scale"/>. <see cref="Note"/> says what was
/// measured (plain text). <see cref="MeasurementId"/> is chosen by the caller, so that a retried command is recognised.
/// </summary>
public sealed record Measurement(
    Guid MeasurementId,
    Guid EvidenceImageId,
    ImagePoint A,
    ImagePoint B,
    double LengthMm,
    MeasurementScale Scale,
    string? Note);

/// <summary>
/// The scale a measurement rests on: pixels per millimetre, and how it was known: the resolution recorded at capture
/// (<see cref="CalibrationMethod"/> null), or the examiner's calibration (its method, known distance or MRZ pitches).
/// </summary>
public sealed record MeasurementScale(
    double PixelsPerMillimetre,
    ScaleCalibrationMethod? CalibrationMethod,
    double? CalibrationDistanceMm,
    int? CalibrationPitches)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public double Dpi => PixelsPerMillimetre * ScaleCalibration.MillimetresPerInch;
}

