using System.Text.Json;
using DescPortal.Core.Examination;
using DescPortal.Core.Mrz;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;
using ExaminationState = DescPortal.Core.Examination.CaseExamination;

namespace DescPortal.Core.Tests.Examination;

// The examination's events are stored as JSON for good and folded from the case's stream with the referral's own.
public class ExaminationFoldTests
{
    private static T RoundTrip<T>(T value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

    private static CaseHistory Worked() => CaseHistory.InExamination()
        .Then((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, PassportSpecimen(), Examiner, Now))
        .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, new Annotation(AnnotationId(1), PassportUv,
            AnnotationShape.Polygon(new(100, 200), new(400, 200), new(250, 500)), new FeatureReference(SpecimenId, UvInk),
            Finding.Absent, "No fluorescence"), Examiner, Now))
        .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, new Annotation(AnnotationId(2), PassportWhite,
            AnnotationShape.Rectangle(1, 2, 3, 4), null, Finding.Consistent, null), Examiner, Now))
        .Then((c, e) => ExaminationDecider.ChangeAnnotation(c, e, new Annotation(AnnotationId(2), PassportWhite,
            AnnotationShape.Point(9, 9), null, Finding.Inconsistent, "Moved"), Examiner, Now))
        .Then((c, e) => ExaminationDecider.RemoveAnnotation(c, e, AnnotationId(2), Examiner, Now))
        .Then((c, e) => ExaminationDecider.RecordObservation(c, e, 0, UvInk, Finding.Absent, "Dull", [AnnotationId(1)], Examiner, Now))
        .Then((c, e) => ExaminationDecider.CalibrateFromMrzPitch(c, e, CardWhite, new(10.5, 20.25), new(1010.5, 20.25), 43, Examiner, Now))
        .Then((c, e) => ExaminationDecider.AlignImages(c, e, PassportWhite, PassportSpecimen(), SpecimenWhiteImage,
            [new(new(0, 0), new(10, 5)), new(new(1000, 0), new(1010, 6)), new(new(0, 1000), new(9, 1005)), new(new(900, 900), new(911, 904))],
            Examiner, Now))
        .Then((c, e) => ExaminationDecider.RecordMrzCheck(c, e, 0, Mrz.MrzSamples.Check(Mrz.MrzSamples.Td3 + "X"),
            VizData.Of(Submitted(), 0), Examiner, Now));

    [Fact]
    public void EveryEventRoundTripsWithCodesAsNames()
    {
        var events = Worked().Events.OfType<IExaminationEvent>().ToList();

        Assert.Equal(9, events.Count);
        foreach (var e in events)
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), JsonSerializerOptions.Web);
            var back = JsonSerializer.Deserialize(json, e.GetType(), JsonSerializerOptions.Web)!;
            Assert.Equal(json, JsonSerializer.Serialize(back, e.GetType(), JsonSerializerOptions.Web));
        }
        var added = events.OfType<AnnotationAdded>().First();
        var addedJson = JsonSerializer.Serialize(added, JsonSerializerOptions.Web);
        Assert.Contains("\"shape\":{\"kind\":\"Polygon\",\"vertices\":[{\"x\":100,\"y\":200},", addedJson, StringComparison.Ordinal);
        Assert.Contains("\"finding\":\"Absent\"", addedJson, StringComparison.Ordinal);
        Assert.Equal(added, RoundTrip(added) with { Annotation = added.Annotation });
        Assert.Equal(added.Annotation, RoundTrip(added).Annotation);
        var calibrated = events.OfType<ScaleCalibrated>().Single();
        Assert.Contains("\"method\":\"MrzCharacterPitch\"", JsonSerializer.Serialize(calibrated, JsonSerializerOptions.Web), StringComparison.Ordinal);
        Assert.Equal(calibrated, RoundTrip(calibrated));
        var checkedMrz = events.OfType<MrzChecked>().Single();
        Assert.Contains("\"format\":\"TD3\"", JsonSerializer.Serialize(checkedMrz, JsonSerializerOptions.Web), StringComparison.Ordinal);
        Assert.Equal(checkedMrz.Comparison, RoundTrip(checkedMrz).Comparison);
        var aligned = events.OfType<ImagesAligned>().Single();
        Assert.Equal(aligned.Transform, RoundTrip(aligned).Transform);
        Assert.Equal(aligned.Pairs, RoundTrip(aligned).Pairs);
        var chosen = events.OfType<ReferenceSpecimenChosen>().Single();
        Assert.Equal(chosen.Items, RoundTrip(chosen).Items);
    }

    [Fact]
    public void FoldingTheStoredEventsGivesTheSameExamination()
    {
        var history = Worked();
        var stored = history.Events.Select(e => JsonSerializer.Deserialize(
            JsonSerializer.Serialize(e, e.GetType(), JsonSerializerOptions.Web), e.GetType(), JsonSerializerOptions.Web)!).ToList();

        var live = history.Examination;
        var folded = ExaminationState.Fold(stored);

        Assert.Equal(live.Annotations.Select(a => a.Annotation), folded.Annotations.Select(a => a.Annotation));
        Assert.Equal([AnnotationId(2)], folded.RemovedAnnotationIds);
        Assert.Equal(new ChecklistProgress(1, 4), folded.Progress);
        Assert.Equal(live.CalibrationOf(CardWhite), folded.CalibrationOf(CardWhite));
        Assert.Equal(live.AlignmentOf(PassportWhite, SpecimenWhiteImage)!.Transform, folded.AlignmentOf(PassportWhite, SpecimenWhiteImage)!.Transform);
        Assert.False(folded.MrzCheckOf(0)!.Valid);
        Assert.Equal(live.MrzCheckOf(0)!.ErrorCount, folded.MrzCheckOf(0)!.ErrorCount);
    }

    [Fact]
    public void MarksAreNumberedInTheOrderDrawnAndARemovedMarksNumberIsNotReused()
    {
        // Worked(): mark 1 on the UV image, mark 2 on the white image (later removed).
        var history = Worked().Then((c, e) => ExaminationDecider.AddAnnotation(c, e, new Annotation(AnnotationId(3), PassportWhite,
            AnnotationShape.Point(5, 5), null, Finding.Inconsistent, null), Examiner, Now));

        Assert.Equal([(AnnotationId(1), 1), (AnnotationId(3), 3)],
            history.Examination.Annotations.Select(a => (a.Annotation.AnnotationId, a.Number)));
        // An observation citing marks 3, 2 (removed) and 1 shows 1 and 3.
        Assert.Equal([1, 3], history.Examination.MarkNumbersOf([AnnotationId(3), AnnotationId(2), AnnotationId(1)]));
        // A change keeps the number.
        var changed = history.Then((c, e) => ExaminationDecider.ChangeAnnotation(c, e, new Annotation(AnnotationId(1), PassportUv,
            AnnotationShape.Point(7, 7), null, Finding.Consistent, "Seen again"), Examiner, Now));
        Assert.Equal(1, changed.Examination.FindAnnotation(AnnotationId(1))!.Number);
    }

    [Fact]
    public void TheReferralsOwnEventsLeaveTheExaminationEmpty()
    {
        var folded = ExaminationState.Fold(CaseHistory.InExamination().Events);

        Assert.Empty(folded.Annotations);
        Assert.Empty(folded.Checklists);
        Assert.Empty(folded.Calibrations);
        Assert.Empty(folded.Alignments);
        Assert.Empty(folded.MrzChecks);
        Assert.Equal(new ChecklistProgress(0, 0), folded.Progress);
    }

    [Fact]
    public void AnExaminationEventWithoutAMappingIsAProgrammingError()
    {
        Assert.Throws<InvalidOperationException>(() => ExaminationState.Evolve(ExaminationState.Empty, new Unmapped(CaseId, "x", Now)));
    }

    [Fact]
    public void TheReferralKnowsItsDocumentsAndEachImagesResolution()
    {
        var referral = CaseHistory.InExamination().Case;

        Assert.Equal(2, referral.DocumentCount);
        Assert.True(referral.HasDocument(1));
        Assert.False(referral.HasDocument(2));
        Assert.False(referral.HasDocument(-1));
        Assert.Equal([600, null, null], referral.Evidence.Select(e => e.Dpi));
        var back = RoundTrip(referral);
        Assert.Equal(2, back.DocumentCount);
        Assert.Equal(600, back.Evidence[0].Dpi);
    }

    private sealed record Unmapped(Guid ReferralId, string Actor, DateTimeOffset At) : IExaminationEvent;
}
