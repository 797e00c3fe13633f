using DescPortal.Core.Examination;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;

namespace DescPortal.Core.Tests.Examination;

// Given a case in examination, when the examiner calibrates the scale of an image without a resolution, then events.
public class ScaleCalibrationTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    [Fact]
    public void AKnownDistanceGivesPixelsPerMillimetreAndTheEffectiveResolution()
    {
        var history = CaseHistory.InExamination();

        var calibrated = Assert.IsType<ScaleCalibrated>(Assert.Single(history.When((c, e) =>
            ExaminationDecider.CalibrateScale(c, e, PassportUv, new(100, 100), new(1100, 100), 50, Examiner, Later))));
        history.Then((_, _) => [calibrated]);

        Assert.Equal((PassportUv, ScaleCalibrationMethod.KnownDistance, 50.0, (int?)null),
            (calibrated.EvidenceImageId, calibrated.Method, calibrated.DistanceMm, calibrated.CharacterPitches));
        Assert.Equal(20.0, calibrated.PixelsPerMillimetre, 12);
        var referral = history.Case;
        Assert.Equal(508.0, history.Examination.EffectiveDpiOf(referral.FindEvidence(PassportUv)!)!.Value, 9);
        // An image with its own resolution keeps it; one with neither has none.
        Assert.Equal(600.0, history.Examination.EffectiveDpiOf(referral.FindEvidence(PassportWhite)!));
        Assert.Null(history.Examination.EffectiveDpiOf(referral.FindEvidence(CardWhite)!));
    }

    [Fact]
    public void TheMrzPitchCountsPitchesNotCharacters()
    {
        // The left edges of the 1st and the 44th character of a TD3 line, 1000 pixels apart: 43 pitches of 2.54 mm.
        var history = CaseHistory.InExamination();

        var calibrated = Assert.IsType<ScaleCalibrated>(Assert.Single(history.When((c, e) =>
            ExaminationDecider.CalibrateFromMrzPitch(c, e, CardWhite, new(400, 1200), new(1400, 1200), 43, Examiner, Later))));
        history.Then((_, _) => [calibrated]);

        Assert.Equal((ScaleCalibrationMethod.MrzCharacterPitch, (int?)43), (calibrated.Method, calibrated.CharacterPitches));
        Assert.Equal(109.22, calibrated.DistanceMm, 9);
        Assert.Equal(1000 / (43 * 2.54), calibrated.PixelsPerMillimetre, 12);
        Assert.Equal(9.155_832_265, calibrated.PixelsPerMillimetre, 9);
        Assert.Equal(1000 / (43 * 2.54) * 25.4, history.Examination.EffectiveDpiOf(history.Case.FindEvidence(CardWhite)!)!.Value, 9);
        Assert.Equal(10_000.0 / 43, history.Examination.CalibrationOf(CardWhite)!.Dpi, 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(44)]
    public void PitchCountsOutsideOneMrzLineAreRefused(int pitches)
    {
        var refusal = Assert.Throws<DomainException>(() => CaseHistory.InExamination().When((c, e) =>
            ExaminationDecider.CalibrateFromMrzPitch(c, e, CardWhite, new(400, 1200), new(1400, 1200), pitches, Examiner, Later)));

        RefusalAssert.Equal(Refusals.Examination.CalibrationPitchesOutOfRange,
            "Count the character pitches between the two points: 1 to 43 on one MRZ line (from the first to the last of 44 characters is 43).",
            refusal);
    }

    [Theory]
    [InlineData(500, 500, "The two points are 0 pixels apart; place them at least 10 pixels apart, as far apart as the known distance allows.")]
    [InlineData(506, 507.9, "The two points are 9.9 pixels apart; place them at least 10 pixels apart, as far apart as the known distance allows.")]
    public void PointsCloserThanTenPixelsAreRefused(double bx, double by, string expected)
    {
        var history = CaseHistory.InExamination();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.CalibrateScale(c, e, CardWhite, new(500, 500), new(bx, by), 1, Examiner, Later)));
        // (506, 508) is exactly 10 pixels from (500, 500).
        var tenPixels = history.When((c, e) => ExaminationDecider.CalibrateScale(c, e, CardWhite, new(500, 500), new(506, 508), 1, Examiner, Later));

        RefusalAssert.Equal(Refusals.Examination.CalibrationPointsTooClose, expected, refusal);
        Assert.Equal(10.0, Assert.IsType<ScaleCalibrated>(Assert.Single(tenPixels)).PixelsPerMillimetre, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ADistanceThatIsNotPositiveIsRefused(double mm)
    {
        var refusal = Assert.Throws<DomainException>(() => CaseHistory.InExamination().When((c, e) =>
            ExaminationDecider.CalibrateScale(c, e, CardWhite, new(0, 0), new(1000, 0), mm, Examiner, Later)));

        RefusalAssert.Equal(Refusals.Examination.CalibrationDistanceNotPositive, "The known distance must be more than 0 mm.", refusal);
    }

    [Fact]
    public void AnImageWithItsOwnResolutionOrPointsOffTheImageAreRefused()
    {
        var history = CaseHistory.InExamination();

        var ownDpi = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.CalibrateScale(c, e, PassportWhite, new(0, 0), new(1000, 0), 50, Examiner, Later)));
        var offImage = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.CalibrateScale(c, e, CardWhite, new(0, 0), new(2000.5, 0), 50, Examiner, Later)));
        var absurd = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.CalibrateScale(c, e, CardWhite, new(0, 0), new(1000, 0), 100_000, Examiner, Later)));

        RefusalAssert.Equal(Refusals.Examination.CalibrationImageHasResolution,
            "This image was captured at 600 dpi; only images captured without a resolution are calibrated.", ownDpi);
        RefusalAssert.Equal(Refusals.Examination.CalibrationPointB,
            "Point B: the point (x 2000.5, y 0) does not lie within the image, which is 2000 × 1400 pixels.", offImage);
        RefusalAssert.Equal(Refusals.Examination.CalibrationImplausible,
            "1000 pixels for 100000 mm would be 0.3 dpi, outside 1 to 20000 dpi; check the points and the distance.", absurd);
        // What other systems see: the values themselves, not their wording in one culture.
        Assert.Equal([1000.0, 100_000.0], absurd.Arguments.Take(2));
    }

    [Fact]
    public void TheSameCalibrationAgainChangesNothingAndAnotherReplacesIt()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.CalibrateScale(c, e, CardWhite, new(0, 0), new(1000, 0), 50, Examiner, Now));

        var again = history.When((c, e) => ExaminationDecider.CalibrateScale(c, e, CardWhite, new(0, 0), new(1000, 0), 50, Examiner, Later));
        history.Then((c, e) => ExaminationDecider.CalibrateFromMrzPitch(c, e, CardWhite, new(0, 0), new(1000, 0), 43, Examiner, Later));

        Assert.Empty(again);
        var calibration = Assert.Single(history.Examination.Calibrations);
        Assert.Equal((ScaleCalibrationMethod.MrzCharacterPitch, Later), (calibration.Method, calibration.CalibratedAt));
    }
}
