using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;
using ExaminationState = DescPortal.Core.Examination.CaseExamination;

namespace DescPortal.Core.Tests.Examination;

// Given a case in examination, when the examiner chooses reference specimens and records observations, then events.
public class ChecklistTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    private static CaseHistory Chosen() => CaseHistory.InExamination()
        .Then((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, PassportSpecimen(), Examiner, Now));

    private static Func<Referral, ExaminationState, IReadOnlyList<object>> Observe(
        Guid feature, Finding finding, string? note = null, params Guid[] annotations) =>
        (c, e) => ExaminationDecider.RecordObservation(c, e, 0, feature, finding, note, annotations, Examiner, Later);

    [Fact]
    public void ChoosingASpecimenGeneratesTheChecklistInInspectionLevelOrderThenFeatureOrder()
    {
        var specimen = PassportSpecimen();

        var events = CaseHistory.InExamination().When((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, specimen, Examiner, Later));

        var chosen = Assert.IsType<ReferenceSpecimenChosen>(Assert.Single(events));
        Assert.Equal((CaseId, 0, SpecimenId, 7, "UTO Passport 2020 series"),
            (chosen.ReferralId, chosen.Document, chosen.SpecimenId, chosen.SpecimenVersion, chosen.SpecimenName));
        Assert.Equal([Guilloche, Microprinting, UvInk, LaserEngraving], chosen.Items.Select(i => i.FeatureId));
        Assert.Equal([1, 1, 2, 3], chosen.Items.Select(i => i.InspectionLevel));
        var uv = specimen.FindFeature(UvInk)!;
        Assert.Equal(new ChecklistItem(UvInk, SecurityFeatureCategory.Ink, "UvFluorescent", 2, [LightSource.UV365], uv.Description),
            chosen.Items[2]);
        Assert.Equal("Red and green fluorescent rosette behind the portrait", chosen.Items[2].Description);
    }

    [Fact]
    public void ChoosingTheSameSpecimenVersionAgainChangesNothing()
    {
        Assert.Empty(Chosen().When((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, PassportSpecimen(), Examiner, Later)));
    }

    [Fact]
    public void AWithdrawnSpecimenOrAMissingDocumentIsRefused()
    {
        var history = CaseHistory.InExamination();
        var withdrawn = PassportSpecimen() with { Withdrawal = new SpecimenWithdrawal("Superseded", "editor", Now) };

        var refusedSpecimen = Assert.Throws<DomainException>(() =>
            history.When((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, withdrawn, Examiner, Later)));
        var refusedDocument = Assert.Throws<DomainException>(() =>
            history.When((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 2, PassportSpecimen(), Examiner, Later)));

        RefusalAssert.Equal(Refusals.Examination.SpecimenWithdrawn,
            "UTO Passport 2020 series was withdrawn from the library; choose another reference specimen.", refusedSpecimen);
        RefusalAssert.Equal(Refusals.Cases.NoSuchDocument, $"Referral {Reference} has no document 3; it has 2 documents.", refusedDocument);
    }

    [Fact]
    public void AnObservationIsRecordedOnceAndReplacedWhenItChanges()
    {
        var history = Chosen()
            .Then((c, e) => ExaminationDecider.AddAnnotation(c, e,
                new Annotation(AnnotationId(1), PassportUv, AnnotationShape.Rectangle(100, 200, 300, 150), null, Finding.Absent, null),
                Examiner, Now));

        var first = Assert.IsType<ChecklistObservationRecorded>(Assert.Single(
            history.When(Observe(UvInk, Finding.Absent, " No fluorescence ", AnnotationId(1), AnnotationId(1)))));
        history.Then((_, _) => [first]);
        var again = history.When(Observe(UvInk, Finding.Absent, "No fluorescence", AnnotationId(1)));
        var changed = Assert.IsType<ChecklistObservationRecorded>(Assert.Single(history.When(Observe(UvInk, Finding.Altered, "Patchy"))));
        history.Then((_, _) => [changed]);

        Assert.Equal((0, UvInk, Finding.Absent, "No fluorescence"), (first.Document, first.FeatureId, first.Finding, first.Note));
        Assert.Equal([AnnotationId(1)], first.AnnotationIds);
        Assert.Empty(again);
        var observation = Assert.Single(history.Examination.ChecklistOf(0)!.Observations);
        Assert.Equal((Finding.Altered, "Patchy"), (observation.Finding, observation.Note));
        Assert.Empty(observation.AnnotationIds);
        Assert.Equal(new ChecklistProgress(1, 4), history.Examination.ProgressOf(0));
    }

    [Fact]
    public void ProgressCountsObservedItemsPerDocumentAndForTheCase()
    {
        var other = OtherSpecimen();
        var history = Chosen()
            .Then((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 1, other, Examiner, Now))
            .Then(Observe(Guilloche, Finding.Consistent))
            .Then(Observe(UvInk, Finding.Inconsistent))
            .Then((c, e) => ExaminationDecider.RecordObservation(c, e, 1, other.Features[0].FeatureId, Finding.Consistent, null, [], Examiner, Later));

        var exam = history.Examination;

        Assert.Equal(new ChecklistProgress(2, 4), exam.ProgressOf(0));
        Assert.Equal(0.5, exam.ProgressOf(0).Fraction);
        Assert.Equal(new ChecklistProgress(1, 1), exam.ProgressOf(1));
        Assert.True(exam.ProgressOf(1).IsComplete);
        Assert.Equal(new ChecklistProgress(3, 5), exam.Progress);
        Assert.Equal(new ChecklistProgress(0, 0), CaseHistory.InExamination().Examination.ProgressOf(0));
        Assert.Equal(0, CaseHistory.InExamination().Examination.Progress.Fraction);
    }

    [Fact]
    public void ChoosingAnotherVersionReplacesTheChecklistAndKeepsObservationsOfFeaturesStillOnIt()
    {
        var history = Chosen()
            .Then(Observe(Guilloche, Finding.Consistent, "Fine lines continuous"))
            .Then(Observe(Microprinting, Finding.Inconsistent, "Blurred"));
        var newer = SpecimenWithoutMicroprinting();

        var chosen = Assert.IsType<ReferenceSpecimenChosen>(Assert.Single(
            history.When((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, newer, Examiner, Later))));
        history.Then((_, _) => [chosen]);

        var checklist = history.Examination.ChecklistOf(0)!;
        Assert.Equal(8, checklist.SpecimenVersion);
        Assert.Equal([Guilloche, UvInk, LaserEngraving], checklist.Items.Select(i => i.FeatureId));
        var kept = Assert.Single(checklist.Observations);
        Assert.Equal((Guilloche, Finding.Consistent, "Fine lines continuous"), (kept.FeatureId, kept.Finding, kept.Note));
        Assert.Equal(new ChecklistProgress(1, 3), history.Examination.ProgressOf(0));
    }

    [Fact]
    public void ChoosingAnotherSpecimenDropsObservationsOfFeaturesItDoesNotHave()
    {
        var history = Chosen().Then(Observe(Guilloche, Finding.Consistent));

        history.Then((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, OtherSpecimen(), Examiner, Later));

        var checklist = history.Examination.ChecklistOf(0)!;
        Assert.Equal("UTO IdentityCard 2021 card", checklist.SpecimenName);
        Assert.Empty(checklist.Observations);
        Assert.Equal(new ChecklistProgress(0, 1), checklist.Progress);
    }

    [Fact]
    public void AnObservationNeedsAChecklistAndOneOfItsFeatures()
    {
        var noChecklist = Assert.Throws<DomainException>(() => CaseHistory.InExamination().When(Observe(Guilloche, Finding.Consistent)));
        var noFeature = Assert.Throws<DomainException>(() => Chosen().When(Observe(Guid.NewGuid(), Finding.Consistent)));
        var noFinding = Assert.Throws<DomainException>(() => Chosen().When(Observe(Guilloche, (Finding)(-1))));

        RefusalAssert.Equal(Refusals.Examination.ChecklistMissing,
            "Choose a reference specimen for document 1 first: its checklist comes from the specimen's security features.", noChecklist);
        RefusalAssert.Equal(Refusals.Examination.ChecklistNoSuchFeature,
            "The checklist of document 1 (UTO Passport 2020 series) has no such feature; the reference specimen may have been changed.", noFeature);
        Assert.Equal(Refusals.Examination.FindingUnknown, noFinding.Code);
        Assert.StartsWith("The finding must be one of ", noFinding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObservationCannotCiteAnAnnotationOnAnotherDocumentsImageOrOneThatIsGone()
    {
        var history = Chosen()
            .Then((c, e) => ExaminationDecider.AddAnnotation(c, e,
                new Annotation(AnnotationId(1), CardWhite, AnnotationShape.Point(10, 10), null, Finding.Consistent, null), Examiner, Now))
            .Then((c, e) => ExaminationDecider.AddAnnotation(c, e,
                new Annotation(AnnotationId(2), PassportWhite, AnnotationShape.Point(10, 10), null, Finding.Consistent, null), Examiner, Now))
            .Then((c, e) => ExaminationDecider.RemoveAnnotation(c, e, AnnotationId(2), Examiner, Now));

        var otherDocument = Assert.Throws<DomainException>(() => history.When(Observe(Guilloche, Finding.Consistent, null, AnnotationId(1))));
        var removed = Assert.Throws<DomainException>(() => history.When(Observe(Guilloche, Finding.Consistent, null, AnnotationId(2))));

        RefusalAssert.Equal(Refusals.Examination.ObservationAnnotationElsewhere,
            $"Annotation {AnnotationId(1)} is on an image of document 2; the observation of the Guilloche feature on document 1 can only cite annotations on that document's images.",
            otherDocument);
        RefusalAssert.Equal(Refusals.Examination.ObservationAnnotationGone,
            $"Annotation {AnnotationId(2)} does not exist or was removed; it cannot be cited.", removed);
    }
}
