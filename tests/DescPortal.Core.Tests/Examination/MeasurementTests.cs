using DescPortal.Core.Examination;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;

namespace DescPortal.Core.Tests.Examination;

// Given a case in examination, when the examiner records a length between two points of an image, then events.
public class MeasurementTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);
    private static readonly Guid First = AnnotationId(101), Second = AnnotationId(102);

    [Fact]
    public void On_an_image_with_its_capture_resolution_the_length_is_in_millimetres_at_that_resolution()
    {
        var history = CaseHistory.InExamination();

        // 600 dpi: 1181.1 pixels make 50 mm.
        var recorded = Assert.IsType<MeasurementRecorded>(Assert.Single(history.When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(100, 100), new(1281.1, 100), " Portrait width ", Examiner, Later))));
        history.Then((_, _) => [recorded]);

        var m = recorded.Measurement;
        Assert.Equal(50.0, m.LengthMm, 3);
        Assert.Equal(600.0, m.Scale.Dpi, 9);
        Assert.Null(m.Scale.CalibrationMethod);
        Assert.Equal("Portrait width", m.Note);
        var stored = Assert.Single(history.Examination.MeasurementsOn(PassportWhite));
        Assert.Equal((1, Examiner.Actor), (stored.Number, stored.RecordedBy));
    }

    [Fact]
    public void On_a_calibrated_image_the_length_rests_on_the_calibration_and_keeps_it_when_the_scale_changes_later()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.CalibrateScale(c, e, PassportUv, new(100, 100), new(1100, 100), 50, Examiner, Later));

        history.Then((c, e) => ExaminationDecider.RecordMeasurement(c, e, First, PassportUv, new(0, 0), new(300, 400), null, Examiner, Later));
        history.Then((c, e) => ExaminationDecider.CalibrateScale(c, e, PassportUv, new(100, 100), new(1100, 100), 100, Examiner, Later));

        var m = Assert.Single(history.Examination.Measurements).Measurement;
        Assert.Equal(25.0, m.LengthMm, 12); // 500 px at 20 px/mm, the scale when it was measured
        Assert.Equal((ScaleCalibrationMethod.KnownDistance, 50.0, (int?)null),
            (m.Scale.CalibrationMethod, m.Scale.CalibrationDistanceMm!.Value, m.Scale.CalibrationPitches));
    }

    [Fact]
    public void An_image_without_a_resolution_or_a_calibration_is_not_measured()
    {
        var refusal = Assert.Throws<DomainException>(() => CaseHistory.InExamination().When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, CardWhite, new(0, 0), new(100, 0), null, Examiner, Later)));

        RefusalAssert.Equal(Refusals.Examination.MeasurementScaleUnknown,
            "This image has no resolution and is not calibrated: set its scale (the Calibrate tool) before recording a measurement in millimetres.",
            refusal);
    }

    [Fact]
    public void Points_off_the_image_or_too_close_are_refused_with_the_point_named()
    {
        var history = CaseHistory.InExamination();

        var outside = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(4100, 0), null, Examiner, Later)));
        var close = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(10, 10), new(11, 10), null, Examiner, Later)));

        Assert.Equal(Refusals.Examination.MeasurementPointB, outside.Code);
        Assert.StartsWith("Measurement, point B:", outside.Message, StringComparison.Ordinal);
        RefusalAssert.Equal(Refusals.Examination.MeasurementTooShort,
            "The two points are 1 pixels apart; a measurement needs at least 2 pixels between them.", close);
    }

    [Fact]
    public void The_same_measurement_again_changes_nothing_and_another_under_its_id_is_refused()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(600, 0), "Width", Examiner, Later));

        Assert.Empty(history.When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(600, 0), "Width", Examiner, Later)));
        var other = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(700, 0), "Width", Examiner, Later)));
        Assert.Equal(Refusals.Examination.MeasurementExistsOtherwise, other.Code);
    }

    [Fact]
    public void A_removed_measurement_leaves_the_results_and_its_number_is_not_given_again()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(600, 0), null, Examiner, Later))
            .Then((c, e) => ExaminationDecider.RemoveMeasurement(c, e, First, Examiner, Later))
            .Then((c, e) => ExaminationDecider.RecordMeasurement(c, e, Second, PassportWhite, new(0, 0), new(300, 0), null, Examiner, Later));

        Assert.Equal(2, Assert.Single(history.Examination.Measurements).Number);
        Assert.Empty(history.When((c, e) => ExaminationDecider.RemoveMeasurement(c, e, First, Examiner, Later)));
        Assert.Equal(Refusals.Examination.MeasurementRemoved, Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(600, 0), null, Examiner, Later))).Code);
    }

    [Fact]
    public void A_note_with_control_characters_is_refused_as_not_plain_text()
    {
        var refusal = Assert.Throws<DomainException>(() => CaseHistory.InExamination().When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(600, 0), "Width\u001b[31m", Examiner, Later)));

        Assert.Equal(Refusals.Examination.TextControlCharacters, refusal.Code);
        Assert.Contains("The measurement's note", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_assigned_examiner_measures()
    {
        var refusal = Assert.Throws<DomainException>(() => CaseHistory.InExamination().When((c, e) =>
            ExaminationDecider.RecordMeasurement(c, e, First, PassportWhite, new(0, 0), new(600, 0), null, OtherExaminer, Later)));

        Assert.Equal(Refusals.Cases.OtherExaminer, refusal.Code);
        Assert.Contains("record measurements on its images", refusal.Message, StringComparison.Ordinal);
    }
}
