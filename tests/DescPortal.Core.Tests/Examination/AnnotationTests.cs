using DescPortal.Core.Examination;
using static DescPortal.Core.Tests.Examination.ExaminationSamples;

namespace DescPortal.Core.Tests.Examination;

// Given a case in examination, when the examiner annotates its images, then events (or a refusal).
public class AnnotationTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    private static Annotation Rectangle(int n, Guid image, int x, int y, int w, int h, Finding finding = Finding.Consistent,
        string? note = null, FeatureReference? feature = null) =>
        new(AnnotationId(n), image, AnnotationShape.Rectangle(x, y, w, h), feature, finding, note);

    private static Annotation Shaped(int n, Guid image, AnnotationShape shape) =>
        new(AnnotationId(n), image, shape, null, Finding.Inconsistent, null);

    private static IReadOnlyList<object> Add(CaseHistory history, Annotation annotation) =>
        history.When((c, e) => ExaminationDecider.AddAnnotation(c, e, annotation, Examiner, Later));

    [Fact]
    public void AddRecordsTheAnnotationWithItsNoteTrimmed()
    {
        var history = CaseHistory.InExamination();
        var annotation = Rectangle(1, PassportWhite, 10, 20, 300, 400, Finding.Altered, "  Laminate lifted at the edge \n");

        var added = Assert.IsType<AnnotationAdded>(Assert.Single(Add(history, annotation)));

        Assert.Equal(annotation with { Note = "Laminate lifted at the edge" }, added.Annotation);
        Assert.Equal((CaseId, Examiner.Actor, Later), (added.ReferralId, added.Actor, added.At));
        var state = history.Then((c, e) => [added]).Examination;
        var recorded = Assert.Single(state.Annotations);
        Assert.Equal(added.Annotation, recorded.Annotation);
        Assert.Equal((Examiner.Actor, Later, Examiner.Actor, Later),
            (recorded.CreatedBy, recorded.CreatedAt, recorded.ChangedBy, recorded.ChangedAt));
        Assert.Equal((10, 20, 300, 400), recorded.Annotation.Shape.Bounds);
    }

    [Fact]
    public void AddingTheSameAnnotationAgainChangesNothing()
    {
        var annotation = Rectangle(1, PassportWhite, 10, 20, 300, 400, note: "Lifted edge");
        var history = CaseHistory.InExamination().Then((c, e) => ExaminationDecider.AddAnnotation(c, e, annotation, Examiner, Now));

        Assert.Empty(Add(history, annotation with { Note = " Lifted edge " }));
    }

    [Fact]
    public void AnotherAnnotationUnderAnIdInUseIsRefused()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, Rectangle(1, PassportWhite, 10, 20, 300, 400), Examiner, Now));

        var refusal = Assert.Throws<DomainException>(() => Add(history, Rectangle(1, PassportWhite, 11, 20, 300, 400)));

        RefusalAssert.Equal(Refusals.Examination.AnnotationExistsOtherwise,
            $"Annotation {AnnotationId(1)} already exists with other content: change it instead.", refusal);
    }

    [Fact]
    public void ChangeReplacesTheAnnotationAndKeepsWhoDrewIt()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, Rectangle(1, PassportWhite, 10, 20, 300, 400), Examiner, Now));
        var changed = Shaped(1, PassportUv, AnnotationShape.Polygon(new(0, 0), new(100, 0), new(50, 80))) with { Note = "Dull under UV" };

        var events = history.When((c, e) => ExaminationDecider.ChangeAnnotation(c, e, changed, Examiner, Later));

        var recordedChange = Assert.IsType<AnnotationChanged>(Assert.Single(events));
        Assert.Equal(changed, recordedChange.Annotation);
        var recorded = Assert.Single(history.Then((_, _) => events).Examination.Annotations);
        Assert.Equal(changed, recorded.Annotation);
        Assert.Equal((Now, Later), (recorded.CreatedAt, recorded.ChangedAt));
        Assert.Empty(history.Examination.AnnotationsOn(PassportWhite));
        Assert.Single(history.Examination.AnnotationsOn(PassportUv));
    }

    [Fact]
    public void ChangingToTheSameContentChangesNothing()
    {
        var annotation = Shaped(1, PassportWhite, AnnotationShape.Polygon(new(0, 0), new(100, 0), new(50, 80)));
        var history = CaseHistory.InExamination().Then((c, e) => ExaminationDecider.AddAnnotation(c, e, annotation, Examiner, Now));
        var sameButNewLists = annotation with { Shape = AnnotationShape.Polygon([new(0, 0), new(100, 0), new(50, 80)]) };

        Assert.Empty(history.When((c, e) => ExaminationDecider.ChangeAnnotation(c, e, sameButNewLists, Examiner, Later)));
    }

    [Fact]
    public void ChangingAnAnnotationThatDoesNotExistIsRefused()
    {
        var history = CaseHistory.InExamination();

        var refusal = Assert.Throws<DomainException>(() => history.When((c, e) =>
            ExaminationDecider.ChangeAnnotation(c, e, Rectangle(7, PassportWhite, 1, 1, 5, 5), Examiner, Later)));

        RefusalAssert.Equal(Refusals.Examination.AnnotationNotFound, $"There is no annotation {AnnotationId(7)}; it may have been removed.", refusal);
    }

    [Fact]
    public void RemoveTakesTheAnnotationOutOnceAndItsIdIsNotUsedAgain()
    {
        var annotation = Rectangle(1, PassportWhite, 10, 20, 300, 400);
        var history = CaseHistory.InExamination().Then((c, e) => ExaminationDecider.AddAnnotation(c, e, annotation, Examiner, Now));

        var removed = Assert.IsType<AnnotationRemoved>(Assert.Single(
            history.When((c, e) => ExaminationDecider.RemoveAnnotation(c, e, AnnotationId(1), Examiner, Later))));
        history.Then((_, _) => [removed]);

        Assert.Equal(AnnotationId(1), removed.AnnotationId);
        Assert.Empty(history.Examination.Annotations);
        Assert.True(history.Examination.WasRemoved(AnnotationId(1)));
        Assert.Empty(history.When((c, e) => ExaminationDecider.RemoveAnnotation(c, e, AnnotationId(1), Examiner, Later)));
        var refusal = Assert.Throws<DomainException>(() => Add(history, annotation));
        RefusalAssert.Equal(Refusals.Examination.AnnotationRemoved, $"Annotation {AnnotationId(1)} was removed; draw a new one.", refusal);
    }

    [Theory]
    [InlineData(3900, 10, 200, 50, "the rectangle (x 3900, y 10, 200 × 50 pixels)")]
    [InlineData(-1, 10, 20, 20, "the rectangle (x -1, y 10, 20 × 20 pixels)")]
    [InlineData(0, 2990, 4000, 11, "the rectangle (x 0, y 2990, 4000 × 11 pixels)")]
    public void ARectangleOutsideTheImageIsRefusedNamingTheAnnotationAndTheImageSize(
        int x, int y, int w, int h, string described)
    {
        var history = CaseHistory.InExamination();

        var refusal = Assert.Throws<DomainException>(() => Add(history, Rectangle(3, PassportWhite, x, y, w, h)));

        RefusalAssert.Equal(Refusals.Examination.RectangleOutside,
            $"Annotation {AnnotationId(3)}: {described} does not lie within the image, which is 4000 × 3000 pixels.", refusal);
    }

    [Fact]
    public void PointsAndPolygonsOutsideTheImageAreRefused()
    {
        var history = CaseHistory.InExamination();

        var point = Assert.Throws<DomainException>(() => Add(history, Shaped(4, CardWhite, AnnotationShape.Point(2000, 5))));
        var polygon = Assert.Throws<DomainException>(() =>
            Add(history, Shaped(5, CardWhite, AnnotationShape.Polygon(new(0, 0), new(10, 0), new(2001, 1400)))));

        RefusalAssert.Equal(Refusals.Examination.PointOutside,
            $"Annotation {AnnotationId(4)}: the point (x 2000, y 5) does not lie within the image, which is 2000 × 1400 pixels.", point);
        RefusalAssert.Equal(Refusals.Examination.PolygonPointOutside,
            $"Annotation {AnnotationId(5)}: point 3 of the polygon (x 2001, y 1400) does not lie within the image, which is 2000 × 1400 pixels.",
            polygon);
    }

    [Fact]
    public void ShapesReachingTheImageEdgesAreAccepted()
    {
        var history = CaseHistory.InExamination();

        Assert.Single(Add(history, Rectangle(1, CardWhite, 0, 0, 2000, 1400)));
        Assert.Single(Add(history, Shaped(2, CardWhite, AnnotationShape.Point(1999, 1399))));
        Assert.Single(Add(history, Shaped(3, CardWhite, AnnotationShape.Polygon(new(0, 0), new(2000, 0), new(2000, 1400)))));
    }

    [Fact]
    public void WhenTheImageSizeIsUnknownOnlyNegativeCoordinatesAreRefused()
    {
        var history = CaseHistory.InExamination();
        var referral = history.Case with
        {
            Evidence = [.. history.Case.Evidence.Select(x => x.EvidenceId == CardWhite ? x with { Width = 0, Height = 0 } : x)],
        };

        var far = ExaminationDecider.AddAnnotation(referral, history.Examination, Rectangle(1, CardWhite, 90_000, 90_000, 10, 10), Examiner, Later);
        var refusal = Assert.Throws<DomainException>(() => ExaminationDecider.AddAnnotation(
            referral, history.Examination, Shaped(2, CardWhite, AnnotationShape.Point(-3, 4)), Examiner, Later));

        Assert.Single(far);
        RefusalAssert.Equal(Refusals.Examination.PointOutside,
            $"Annotation {AnnotationId(2)}: the point (x -3, y 4) does not lie within the image (its size is unknown).", refusal);
    }

    [Theory]
    [InlineData("two points", Refusals.Examination.PolygonTooFewPoints, ": a polygon needs at least 3 points.")]
    [InlineData("in a line", Refusals.Examination.PolygonFlat, ": the polygon's points lie on one line; it encloses nothing.")]
    [InlineData("empty rectangle", Refusals.Examination.RectangleEmpty, ": a rectangle must be at least one pixel wide and high.")]
    [InlineData("no vertices", Refusals.Examination.AnnotationNoRegion, " marks no region: draw a rectangle, a polygon or a point.")]
    public void ShapesThatMarkNoRegionAreRefused(string which, string code, string expected)
    {
        var history = CaseHistory.InExamination();
        var shape = which switch
        {
            "two points" => AnnotationShape.Polygon(new(0, 0), new(10, 10)),
            "in a line" => AnnotationShape.Polygon(new(0, 0), new(10, 10), new(20, 20), new(5, 5)),
            "empty rectangle" => AnnotationShape.Rectangle(10, 10, 0, 5),
            _ => new AnnotationShape(ShapeKind.Point, []),
        };

        var refusal = Assert.Throws<DomainException>(() => Add(history, Shaped(1, PassportWhite, shape)));

        RefusalAssert.Equal(code, $"Annotation {AnnotationId(1)}{expected}", refusal);
    }

    [Fact]
    public void NotesAreLimitedPlainTextAndTheFindingMustBeACode()
    {
        var history = CaseHistory.InExamination();

        var tooLong = Assert.Throws<DomainException>(() => Add(history, Rectangle(1, PassportWhite, 1, 1, 5, 5, note: new string('a', 2001))));
        var control = Assert.Throws<DomainException>(() => Add(history, Rectangle(1, PassportWhite, 1, 1, 5, 5, note: "bell\u0007")));
        var finding = Assert.Throws<DomainException>(() => Add(history, Rectangle(1, PassportWhite, 1, 1, 5, 5, (Finding)42)));

        RefusalAssert.Equal(Refusals.Examination.TextTooLong, $"The note of annotation {AnnotationId(1)} is longer than 2000 characters.", tooLong);
        RefusalAssert.Equal(Refusals.Examination.TextControlCharacters,
            $"The note of annotation {AnnotationId(1)} holds control characters; write plain text.", control);
        RefusalAssert.Equal(Refusals.Examination.FindingUnknown,
            "The finding must be one of Consistent, Inconsistent, Absent, Altered or NotAssessable.", finding);
        Assert.Single(Add(history, Rectangle(1, PassportWhite, 1, 1, 5, 5, note: new string('a', 2000) + "\n\t")));
    }

    [Fact]
    public void AnAnnotationOnAnImageTheCaseDoesNotHaveIsRefused()
    {
        var history = CaseHistory.InExamination();

        var refusal = Assert.Throws<DomainException>(() => Add(history, Rectangle(1, Guid.NewGuid(), 1, 1, 5, 5)));

        RefusalAssert.Equal(Refusals.Examination.AnnotationNoSuchImage,
            $"Annotation {AnnotationId(1)} is on an image that referral {Reference} does not have.", refusal);
    }

    [Fact]
    public void AFeatureReferenceMustBelongToTheSpecimenChosenForTheImagesDocument()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, PassportSpecimen(), Examiner, Now));
        var other = OtherSpecimen();

        var ofTheSpecimen = Add(history, Rectangle(1, PassportWhite, 1, 1, 5, 5, feature: new(SpecimenId, Guilloche)));
        var anotherSpecimen = Assert.Throws<DomainException>(() =>
            Add(history, Rectangle(2, PassportWhite, 1, 1, 5, 5, feature: new(other.Id, other.Features[0].FeatureId))));
        var unknownFeature = Assert.Throws<DomainException>(() =>
            Add(history, Rectangle(3, PassportUv, 1, 1, 5, 5, feature: new(SpecimenId, Guid.NewGuid()))));
        // The identity card (document 2) has no reference specimen yet: nothing to check against.
        var noSpecimenChosen = Add(history, Rectangle(4, CardWhite, 1, 1, 5, 5, feature: new(other.Id, other.Features[0].FeatureId)));

        Assert.Equal(new FeatureReference(SpecimenId, Guilloche), Assert.IsType<AnnotationAdded>(Assert.Single(ofTheSpecimen)).Annotation.Feature);
        RefusalAssert.Equal(Refusals.Examination.AnnotationOtherSpecimen,
            $"Annotation {AnnotationId(2)} refers to a feature of another specimen; the reference specimen of document 1 is UTO Passport 2020 series.",
            anotherSpecimen);
        RefusalAssert.Equal(Refusals.Examination.AnnotationNoSuchFeature,
            $"Annotation {AnnotationId(3)} refers to a feature that UTO Passport 2020 series (version 7) does not have.", unknownFeature);
        Assert.Single(noSpecimenChosen);
    }

    [Fact]
    public void AnAnnotationCitedByAnObservationIsNeitherRemovedNorMovedToAnotherDocument()
    {
        var history = CaseHistory.InExamination()
            .Then((c, e) => ExaminationDecider.ChooseReferenceSpecimen(c, e, 0, PassportSpecimen(), Examiner, Now))
            .Then((c, e) => ExaminationDecider.AddAnnotation(c, e, Rectangle(1, PassportWhite, 1, 1, 5, 5), Examiner, Now))
            .Then((c, e) => ExaminationDecider.RecordObservation(c, e, 0, Guilloche, Finding.Inconsistent, null, [AnnotationId(1)], Examiner, Now));

        var remove = Assert.Throws<DomainException>(() =>
            history.When((c, e) => ExaminationDecider.RemoveAnnotation(c, e, AnnotationId(1), Examiner, Later)));
        var move = Assert.Throws<DomainException>(() =>
            history.When((c, e) => ExaminationDecider.ChangeAnnotation(c, e, Rectangle(1, CardWhite, 1, 1, 5, 5), Examiner, Later)));
        var withinTheDocument = history.When((c, e) =>
            ExaminationDecider.ChangeAnnotation(c, e, Rectangle(1, PassportUv, 1, 1, 5, 5), Examiner, Later));

        RefusalAssert.Equal(Refusals.Examination.AnnotationCited,
            $"Annotation {AnnotationId(1)} is cited by the observation of the Guilloche feature on document 1; record that observation without it first.",
            remove);
        RefusalAssert.Equal(Refusals.Examination.AnnotationCitedElsewhere,
            $"Annotation {AnnotationId(1)} is cited by the checklist of document 1; it cannot move to an image of document 2.", move);
        Assert.IsType<AnnotationChanged>(Assert.Single(withinTheDocument));
    }
}
