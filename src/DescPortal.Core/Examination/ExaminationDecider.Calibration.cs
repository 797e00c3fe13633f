using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Examination;

// Calibration: the scale of an evidence image captured without a resolution, from a known distance or MRZ pitches.
public static partial class ExaminationDecider
{
    /// <summary>Closer calibration points make the scale a guess: a one-pixel slip is already a 10% error.</summary>
    public const double MinCalibrationPointDistancePixels = 10;

    /// <summary>ICAO 9303 Part 3: OCR-B in the MRZ is set at 10 characters per inch, one character every 2.54 mm.</summary>
    public const double MrzCharacterPitchMm = 2.54;

    /// <summary>The longest MRZ line (TD3) has 44 characters: from the first to the last is 43 pitches.</summary>
    public const int MaxMrzCharacterPitches = 43;

    /// <summary>
    /// Sets the scale of an evidence image captured without a resolution from two points a known distance apart on
    /// the document. The same calibration again changes nothing; another replaces it.
    /// </summary>
    public static IReadOnlyList<object> CalibrateScale(
        Referral current, CaseExamination examination, Guid evidenceImageId, ImagePoint a, ImagePoint b, double knownDistanceMm,
        ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.CalibrateImages);
        if (!double.IsFinite(knownDistanceMm) || knownDistanceMm <= 0)
        {
            throw new DomainException(Refusals.Examination.CalibrationDistanceNotPositive);
        }
        return Calibrate(current, examination, evidenceImageId, a, b, ScaleCalibrationMethod.KnownDistance,
            knownDistanceMm, characterPitches: null, actor, now);
    }

    /// <summary>
    /// Sets the scale of an evidence image captured without a resolution from the MRZ, whose OCR-B characters sit
    /// 2.54 mm apart (ICAO 9303: 10 characters per inch). <paramref name="characterPitches"/> counts pitches, not
    /// characters: place A and B on the same part (the left edge, say) of two characters of one line; from the first
    /// to the 44th character of a TD3 line is 43 pitches, so 1000 pixels between them give 1000 / (43 × 2.54) pixels
    /// per millimetre. The same calibration again changes nothing; another replaces it.
    /// </summary>
    public static IReadOnlyList<object> CalibrateFromMrzPitch(
        Referral current, CaseExamination examination, Guid evidenceImageId, ImagePoint a, ImagePoint b, int characterPitches,
        ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.CalibrateImages);
        if (characterPitches is < 1 or > MaxMrzCharacterPitches)
        {
            throw new DomainException(Refusals.Examination.CalibrationPitchesOutOfRange, MaxMrzCharacterPitches);
        }
        return Calibrate(current, examination, evidenceImageId, a, b, ScaleCalibrationMethod.MrzCharacterPitch,
            characterPitches * MrzCharacterPitchMm, characterPitches, actor, now);
    }

    private static IReadOnlyList<object> Calibrate(
        Referral current, CaseExamination examination, Guid evidenceImageId, ImagePoint a, ImagePoint b,
        ScaleCalibrationMethod method, double distanceMm, int? characterPitches, ExaminationActor actor, DateTimeOffset now)
    {
        var image = EvidenceImage(current, evidenceImageId);
        if (image.Dpi is { } dpi)
        {
            throw new DomainException(Refusals.Examination.CalibrationImageHasResolution, dpi);
        }
        if (PointProblem(a, image.Width, image.Height, Refusals.Examination.Images.Image) is { } problemA)
        {
            throw new DomainException(Refusals.Examination.CalibrationPointA, problemA);
        }
        if (PointProblem(b, image.Width, image.Height, Refusals.Examination.Images.Image) is { } problemB)
        {
            throw new DomainException(Refusals.Examination.CalibrationPointB, problemB);
        }
        var pixels = a.DistanceTo(b);
        if (pixels < MinCalibrationPointDistancePixels)
        {
            throw new DomainException(Refusals.Examination.CalibrationPointsTooClose, pixels, MinCalibrationPointDistancePixels);
        }
        var pixelsPerMm = pixels / distanceMm;
        var resulting = pixelsPerMm * ScaleCalibration.MillimetresPerInch;
        if (resulting < SpecimenDecider.MinDpi || resulting > SpecimenDecider.MaxDpi)
        {
            throw new DomainException(Refusals.Examination.CalibrationImplausible,
                pixels, distanceMm, resulting, SpecimenDecider.MinDpi, SpecimenDecider.MaxDpi);
        }
        if (examination.CalibrationOf(evidenceImageId) is { } calibrated
            && calibrated.Method == method && calibrated.A == a && calibrated.B == b
            && calibrated.DistanceMm == distanceMm && calibrated.CharacterPitches == characterPitches)
        {
            return [];
        }
        return
        [
            new ScaleCalibrated(current.Id, evidenceImageId, method, a, b, distanceMm, characterPitches, pixelsPerMm,
                actor.Actor, now),
        ];
    }
}
