using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Examination;

// Measurements: a length in millimetres between two points of an evidence image whose scale is known (the resolution
// recorded at capture, else the examiner's calibration), recorded for the report's results.
public static partial class ExaminationDecider
{
    /// <summary>Two points closer than this are a click, not a length: the ruler draws nothing shorter either.</summary>
    public const double MinMeasurementPixels = 2;

    /// <summary>
    /// Records the length between <paramref name="a"/> and <paramref name="b"/> on an evidence image, in millimetres at
    /// the image's scale now (what the measurement rests on is recorded with it, so a later calibration does not change
    /// what was measured). The same measurement again changes nothing; another under the same id is refused.
    /// </summary>
    public static IReadOnlyList<object> RecordMeasurement(
        Referral current, CaseExamination examination, Guid measurementId, Guid evidenceImageId, ImagePoint a, ImagePoint b,
        string? note, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.MeasureImages);
        RequireId(measurementId, nameof(measurementId));
        var image = EvidenceImage(current, evidenceImageId);
        var scale = ScaleOf(image, examination)
            ?? throw new DomainException(Refusals.Examination.MeasurementScaleUnknown);
        if (PointProblem(a, image.Width, image.Height, Refusals.Examination.Images.Image) is { } problemA)
        {
            throw new DomainException(Refusals.Examination.MeasurementPointA, problemA);
        }
        if (PointProblem(b, image.Width, image.Height, Refusals.Examination.Images.Image) is { } problemB)
        {
            throw new DomainException(Refusals.Examination.MeasurementPointB, problemB);
        }
        var pixels = a.DistanceTo(b);
        if (pixels < MinMeasurementPixels)
        {
            throw new DomainException(Refusals.Examination.MeasurementTooShort, pixels, MinMeasurementPixels);
        }
        var text = PlainText(note, new Phrase(Refusals.Examination.Text.MeasurementNote));
        var measurement = new Measurement(measurementId, evidenceImageId, a, b, pixels / scale.PixelsPerMillimetre, scale, text);
        if (examination.FindMeasurement(measurementId) is { } existing)
        {
            return existing.Measurement == measurement
                ? []
                : throw new DomainException(Refusals.Examination.MeasurementExistsOtherwise);
        }
        if (examination.RemovedMeasurementIds.Contains(measurementId))
        {
            throw new DomainException(Refusals.Examination.MeasurementRemoved);
        }
        return [new MeasurementRecorded(current.Id, measurement, actor.Actor, now)];
    }

    /// <summary>Takes a measurement out of the results; nothing when there is none with this id (already removed).</summary>
    public static IReadOnlyList<object> RemoveMeasurement(
        Referral current, CaseExamination examination, Guid measurementId, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.MeasureImages);
        RequireId(measurementId, nameof(measurementId));
        return examination.FindMeasurement(measurementId) is null
            ? []
            : [new MeasurementRemoved(current.Id, measurementId, actor.Actor, now)];
    }

    /// <summary>The scale an image is measured by now: its capture resolution, else its calibration; null when neither.</summary>
    public static MeasurementScale? ScaleOf(ReferralEvidence image, CaseExamination examination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(examination);
        if (image.Dpi is { } dpi)
        {
            return new MeasurementScale(dpi / ScaleCalibration.MillimetresPerInch, null, null, null);
        }
        return examination.CalibrationOf(image.EvidenceId) is { } c
            ? new MeasurementScale(c.PixelsPerMillimetre, c.Method, c.DistanceMm, c.CharacterPitches)
            : null;
    }
}
