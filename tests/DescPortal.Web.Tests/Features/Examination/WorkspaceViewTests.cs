using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Features.Examination;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace DescPortal.Web.Tests.Features.Examination;

/// <summary>The workspace's view model on its own: no database, no renderer, no browser.</summary>
public sealed class WorkspaceViewTests
{
    [Fact]
    public void The_first_white_image_of_the_first_document_is_shown_and_another_area_or_document_keeps_the_light()
    {
        var view = Sample.View(Sample.Case());

        Assert.Equal(Sample.PassportWhite, view.Shown.Id);
        Assert.Equal([0, 1], view.Documents);
        Assert.Equal([DocumentArea.DataPage], view.Areas);
        Assert.Equal([LightSource.White, LightSource.UV365], view.Lights.Select(e => e.LightSource));
        // The card has no UV image: its white one instead.
        Assert.Equal(Sample.CardWhite, view.Pick(1, DocumentArea.DataPage, LightSource.UV365).Id);
        Assert.Equal(Sample.PassportUv, view.Pick(0, DocumentArea.Cover, LightSource.UV365).Id);
    }

    [Fact]
    public void An_image_at_600_dpi_lies_at_the_origin_as_wide_as_it_is_in_millimetres_and_measures()
    {
        var view = Sample.View(Sample.Case());

        var layer = Assert.Single(view.QuestionedLayers);
        Assert.Equal(Sample.PassportWhite, layer.ImageId);
        Assert.Equal($"evidence/{Sample.CaseId}/{Sample.PassportWhite}", layer.ImageUrl);
        Assert.Equal(new ImagePlacement(0, 0, 4000 / (600 / 25.4), 0), layer.Place);
        Assert.True(view.ScaleKnown);
        Assert.Empty(view.SpecimenLayers);
    }

    [Fact]
    public void An_image_without_a_resolution_is_shown_at_300_dpi_until_it_is_calibrated()
    {
        var card = Sample.Case();
        var view = Sample.View(card);
        view.Show(card.FindEvidence(Sample.CardWhite)!);

        Assert.False(view.ScaleKnown);
        Assert.Equal(300 / 25.4, view.WorldPixelsPerMm, 9);
        Assert.Contains(view.Tools, t => t.Tool == "calibrate");

        // 1,000 pixels that are 50 mm: 508 dpi.
        var calibrated = Sample.Case(c => c.Then((r, e) => ExaminationDecider.CalibrateScale(r, e, Sample.CardWhite, new(0, 0), new(1000, 0), 50, Sample.Examiner, Sample.Now)));
        view.Load(calibrated, canRecord: true);
        Assert.True(view.ScaleKnown);
        Assert.Equal(508, view.DpiOf(view.Shown)!.Value, 6);
        Assert.Equal(2000 / 20.0, view.QuestionedLayers[0].Place.Width, 6);
    }

    [Fact]
    public void Without_a_reference_specimen_there_is_nothing_to_compare_and_the_view_stays_on_the_questioned_image()
    {
        var view = Sample.View(Sample.Case());
        view.SetMode(ViewMode.Overlay);
        view.Show(view.Pick(0, DocumentArea.DataPage, LightSource.UV365));
        view.KeepComparable();

        Assert.Null(view.Compared);
        Assert.Null(view.SpecimenToLoad);
        Assert.Equal(ViewMode.Alone, view.Mode);
        Assert.DoesNotContain(view.Tools, t => t.Tool == "pick");
    }

    [Fact]
    public void Overlay_lays_the_specimens_image_of_the_same_light_over_the_questioned_one_at_the_sliders_opacity()
    {
        var view = Sample.ComparedView();
        view.Show(view.Pick(0, DocumentArea.DataPage, LightSource.UV365));
        view.KeepComparable();
        view.SetMode(ViewMode.Overlay);
        view.SetOpacity("30");
        view.SetOpacity("not a number");

        Assert.Equal(ViewMode.Overlay, view.Mode);
        Assert.Equal(Sample.SpecimenUvImage, view.Compared!.Image.ImageId);
        Assert.Equal(2, view.QuestionedLayers.Count);
        var specimen = view.QuestionedLayers[1];
        Assert.Equal(0.3, specimen.Opacity, 9);
        Assert.Equal($"library/{Sample.SpecimenId}/images/{Sample.SpecimenUvImage}", specimen.ImageUrl);
        // Both at 600 dpi and not aligned: the same size, at the same origin.
        Assert.Equal(view.QuestionedLayers[0].Place, specimen.Place);
        view.SetOpacity("250");
        Assert.Equal(1, view.QuestionedLayers[1].Opacity);
    }

    [Fact]
    public void Side_by_side_shows_the_specimens_features_and_lets_the_examiner_pick_points_kept_within_each_image()
    {
        var view = Sample.ComparedView();
        view.SetMode(ViewMode.SideBySide);
        view.SetTool("pick");

        Assert.True(view.SideBySide);
        Assert.Equal("pick", view.SpecimenTool);
        Assert.Equal(Sample.SpecimenWhiteImage, Assert.Single(view.SpecimenLayers).ImageId);
        var feature = Assert.Single(view.SpecimenMarks);
        Assert.Equal(("Feature", "1"), (feature.Kind, feature.Label));
        Assert.Equal([100, 200, 400, 200, 400, 350, 100, 350], feature.Points);

        Assert.True(view.PointPicked(onSpecimen: false, -5, 99_999));
        Assert.True(view.PointPicked(onSpecimen: true, 10, 20));
        Assert.Equal(new ImagePoint(0, 2999), Assert.Single(view.EvidencePoints));
        Assert.Equal([new PointPair(new(10, 20), new(0, 2999))], view.AlignmentPairs);
        Assert.Equal("Pick", view.QuestionedMarks[^1].Kind);

        // Leaving side by side: the specimen's viewer goes, and the points and the Align tool with it.
        view.SetMode(ViewMode.Alone);
        Assert.Empty(view.EvidencePoints);
        Assert.Empty(view.SpecimenPoints);
        Assert.Equal("pan", view.Tool);
        Assert.Empty(view.SpecimenMarks);
    }

    [Fact]
    public void Aligned_the_specimens_features_are_drawn_on_the_questioned_image_with_their_checklist_numbers_unless_hidden()
    {
        var pairs = new PointPair[] { new(new(0, 0), new(10, 5)), new(new(1000, 0), new(1010, 5)), new(new(0, 1000), new(10, 1005)) };
        var view = Sample.ComparedView(c => c.Then((r, e) => ExaminationDecider.AlignImages(r, e, Sample.PassportWhite, Sample.Specimen(), Sample.SpecimenWhiteImage, pairs, Sample.Examiner, Sample.Now)));

        var overlay = Assert.Single(view.QuestionedMarks, m => m.Kind == "Feature");
        Assert.Equal("1", overlay.Label);
        Assert.Equal([110, 205, 410, 205, 410, 355, 110, 355], overlay.Points);

        // A translation of (10, 5) pixels at 600 dpi: overlaid, the specimen's image lies that far from the origin.
        view.SetMode(ViewMode.Overlay);
        var place = view.QuestionedLayers[1].Place;
        var pixelsPerMm = 600 / 25.4;
        Assert.Equal(10 / pixelsPerMm, place.X, 6);
        Assert.Equal(5 / pixelsPerMm, place.Y, 6);
        Assert.Equal(4000 / pixelsPerMm, place.Width, 6);

        view.ShowFeatures = false;
        Assert.DoesNotContain(view.QuestionedMarks, m => m.Kind == "Feature");
    }

    [Fact]
    public void A_shape_from_the_browser_is_kept_within_the_image_and_opens_a_new_mark_only_for_the_examiner_at_work()
    {
        var view = Sample.View(Sample.Case());

        Assert.True(view.ShapeDrawn("Rectangle", [3900, 2900, 4100, 2900, 4100, 3100, 3900, 3100]));
        Assert.Equal(AnnotationShape.Rectangle(3900, 2900, 100, 100), view.Draft!.Annotation.Shape);
        Assert.False(view.Draft.IsChange);
        Assert.True(view.ShapeDrawn("Point", [5000, 5000]));
        Assert.Equal(AnnotationShape.Point(3999, 2999), view.Draft.Annotation.Shape);
        var open = view.Draft;
        Assert.False(view.ShapeDrawn("Polygon", [1, 1, 2, 2]));
        Assert.False(view.ShapeDrawn("Circle", [1, 1, 2, 2, 3, 3]));
        Assert.False(view.ShapeDrawn("Point", [1, 1, 2]));
        Assert.Same(open, view.Draft);

        var reader = Sample.View(Sample.Case(), canRecord: false);
        Assert.False(reader.ShapeDrawn("Point", [10, 10]));
        Assert.Null(reader.Draft);
        Assert.DoesNotContain(reader.Tools, t => t.Tool is "rectangle" or "polygon" or "point" or "calibrate" or "pick");
    }

    [Fact]
    public void What_was_typed_for_a_mark_stays_when_its_shape_is_drawn_again_even_on_another_image_until_the_form_is_closed()
    {
        var view = Sample.View(Sample.Case());
        view.ShapeDrawn("Point", [10, 10]);
        view.Draft!.Note = "Ink bleeds";
        view.Draft.Finding = Finding.Inconsistent;

        view.ShapeDrawn("Point", [20, 20]);
        Assert.Equal(("Ink bleeds", Finding.Inconsistent), (view.Draft.Note, view.Draft.Finding));
        Assert.Equal(new Vertex(20, 20), view.Draft.Annotation.Shape.Vertices[0]);

        // Another image closes the form; a shape drawn on it opens it again with what was typed.
        view.Show(view.Pick(0, DocumentArea.DataPage, LightSource.UV365));
        Assert.Null(view.Draft);
        view.ShapeDrawn("Point", [30, 30]);
        Assert.Equal((Sample.PassportUv, "Ink bleeds"), (view.Draft!.Annotation.EvidenceImageId, view.Draft.Note));

        view.CloseDraft();
        view.Show(view.Pick(0, DocumentArea.DataPage, LightSource.White));
        view.ShapeDrawn("Point", [40, 40]);
        Assert.Equal(("", (Finding?)null), (view.Draft!.Note, view.Draft.Finding));
    }

    [Fact]
    public void A_mark_being_changed_is_drawn_selected_and_saved_with_its_finding_trimmed_note_and_checklist_feature()
    {
        var mark = new Annotation(Sample.MarkId, Sample.PassportWhite, AnnotationShape.Polygon(new(0, 0), new(10, 0), new(5, 8)), null, Finding.Consistent, null);
        var view = Sample.ComparedView(c => c.Then((r, e) => ExaminationDecider.AddAnnotation(r, e, mark, Sample.Examiner, Sample.Now)));
        var recorded = Assert.Single(view.Case!.Examination.AnnotationsOn(Sample.PassportWhite));
        Assert.False(view.QuestionedMarks.Single(m => m.Kind == "Polygon").Selected);

        view.EditMark(recorded);
        var shown = view.QuestionedMarks.Single(m => m.Kind == "Polygon");
        Assert.Equal(("1", true), (shown.Label, shown.Selected));
        Assert.Equal([0, 0, 10, 0, 5, 8], shown.Points);

        var draft = view.Draft!;
        Assert.True(draft.IsChange);
        draft.Finding = null;
        Assert.Null(draft.ToAnnotation(view.ChecklistFor(draft)));
        draft.Finding = Finding.Altered;
        draft.Note = "  Re-cut edge  ";
        draft.FeatureId = Sample.Guilloche;
        Assert.Equal(mark with { Finding = Finding.Altered, Note = "Re-cut edge", Feature = new FeatureReference(Sample.SpecimenId, Sample.Guilloche) },
            draft.ToAnnotation(view.ChecklistFor(draft)));
        Assert.Equal("Guilloche", view.FeatureName(Sample.Guilloche));
    }

    [Fact]
    public void A_calibration_line_is_kept_within_the_image_and_after_it_was_recorded_the_ruler_takes_over()
    {
        var view = Sample.View(Sample.Case());
        view.Show(view.Pick(1, DocumentArea.DataPage, LightSource.White));
        view.SetTool("calibrate");
        view.CalibrationError = "Distance: give the length in millimetres, a number more than 0.";

        Assert.False(view.LineDrawn([1, 2, 3]));
        Assert.True(view.LineDrawn([-10, 5, 2500, 1500]));
        Assert.Equal((new ImagePoint(0, 5), new ImagePoint(2000, 1400)), view.CalibrationLine);
        Assert.Null(view.CalibrationError);

        view.Calibrated();
        Assert.Null(view.CalibrationLine);
        Assert.Equal("ruler", view.Tool);
    }

    /// <summary>A two-document case in examination by <see cref="Examiner"/>, and a specimen of its passport.</summary>
    private static class Sample
    {
        public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        public static readonly Guid CaseId = Guid.Parse("6f1c1d3e-0000-4000-8000-0000000000a1");
        public static readonly Guid PassportWhite = Guid.Parse("00000000-0000-4000-e000-0000000000a1");
        public static readonly Guid PassportUv = Guid.Parse("00000000-0000-4000-e000-0000000000a2");
        public static readonly Guid CardWhite = Guid.Parse("00000000-0000-4000-e000-0000000000a3");
        public static readonly Guid MarkId = Guid.Parse("00000000-0000-4000-d000-0000000000a1");
        public static readonly Guid SpecimenId = Guid.Parse("5e0c1a00-0000-4000-8000-0000000000a1");
        public static readonly Guid SpecimenWhiteImage = Guid.Parse("00000000-0000-4000-a000-0000000000a1");
        public static readonly Guid SpecimenUvImage = Guid.Parse("00000000-0000-4000-a000-0000000000a2");
        public static readonly Guid Guilloche = Guid.Parse("00000000-0000-4000-b000-0000000000a1");
        public static readonly ExaminationActor Examiner = new("examiner-1", "Erik Examiner");

        public static WorkspaceView View(CaseRecord record, bool canRecord = true)
        {
            var view = new WorkspaceView(Localizer, new LibraryAddresses());
            view.Load(record, canRecord);
            return view;
        }

        /// <summary>The passport's reference specimen chosen, loaded as the page would.</summary>
        public static WorkspaceView ComparedView(Func<CaseEvents, CaseEvents>? then = null)
        {
            var view = View(Case(c => (then ?? (x => x))(c.Then((r, e) => ExaminationDecider.ChooseReferenceSpecimen(r, e, 0, Specimen(), Examiner, Now)))));
            Assert.Equal(SpecimenId, view.SpecimenToLoad);
            view.UseSpecimen(Specimen());
            Assert.Null(view.SpecimenToLoad);
            return view;
        }

        public static CaseRecord Case(Func<CaseEvents, CaseEvents>? then = null) => (then ?? (x => x))(new CaseEvents()).Record;

        public static Specimen Specimen()
        {
            var editor = LibraryActor.Editor("editor-1", "Ed Itor");
            var details = new SpecimenDetails(DocumentType.Passport, "2020 series", new DateOnly(2020, 3, 1), null, DocumentFormat.TD3, "Polycarbonate data page", [DocumentArea.DataPage]);
            var events = new List<object>(SpecimenDecider.Create(SpecimenId, "UTO", details, editor, Now));
            void Then(Func<Specimen, IReadOnlyList<object>> decide) => events.AddRange(decide(Core.ReferenceLibrary.Specimen.Fold(events)!));
            Then(s => SpecimenDecider.AddImage(s, Image(SpecimenWhiteImage, LightSource.White), editor, Now));
            Then(s => SpecimenDecider.AddImage(s, Image(SpecimenUvImage, LightSource.UV365), editor, Now));
            Then(s => SpecimenDecider.AddFeature(s, new SecurityFeature(Guilloche, SecurityFeatureCategory.SecurityPrinting, "Guilloche", [LightSource.White], 1,
                "Guilloche across the data page", [new FeatureLocation(SpecimenWhiteImage, 100, 200, 300, 150)]), editor, Now));
            return Core.ReferenceLibrary.Specimen.Fold(events)!;

            static SpecimenImage Image(Guid id, LightSource light) => new(id, DocumentArea.DataPage, light, 600, null, "VSC 8000", Now, null,
                $"specimens/{id}.tif", new string(light == LightSource.White ? 'c' : 'd', 64), 1_000_000, 4000, 3000, "image/tiff");
        }

        private static readonly IStringLocalizer<Strings> Localizer =
            new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
    }

    /// <summary>The case's stream as the portal folds it (<see cref="CaseRecord.Step"/>), grown by decided commands.</summary>
    private sealed class CaseEvents
    {
        private readonly List<object> events =
        [
            new ReferralSubmitted(Sample.CaseId, "DESC-2026-000099", "AGENCY-1", "NORTH-GATE", Sample.Now.AddHours(-2), null, null, "Laminate lifted",
                Urgency.Routine, null, new Bearer("ERIKSSON", "ANNA", null, "UTO", new PartialDate(1974, 8, 12), Sex.F),
                [new QuestionedDocument(0, DocumentType.Passport, "UTO", "L898902C3", null), new QuestionedDocument(1, DocumentType.IdentityCard, "UTO", "D23145890", null)],
                "officer-1", Sample.Now.AddHours(-1)),
            Attached(Sample.PassportWhite, 0, LightSource.White, 600, 4000, 3000),
            Attached(Sample.PassportUv, 0, LightSource.UV365, 600, 4000, 3000),
            Attached(Sample.CardWhite, 1, LightSource.White, null, 2000, 1400),
            new CaseAssigned(Sample.CaseId, Sample.Examiner.UserId, "Erik Examiner", Sample.Examiner.Actor, Sample.Now.AddMinutes(-30)),
        ];

        public CaseRecord Record => events.Select((e, i) => (IEvent: new JasperFx.Events.Event<object>(e) { Version = i + 1 }, i))
            .Aggregate((CaseRecord?)null, (r, x) => CaseRecord.Step(r, Sample.CaseId, x.IEvent))!;

        public CaseEvents Then(Func<Referral, CaseExamination, IReadOnlyList<object>> decide)
        {
            var record = Record;
            var decided = decide(record.Case, record.Examination);
            Assert.NotEmpty(decided);
            events.AddRange(decided);
            return this;
        }

        private static EvidenceImageAttached Attached(Guid id, int document, LightSource light, int? dpi, int width, int height) => new(
            Sample.CaseId, id, document, light, DocumentArea.DataPage, dpi, null, "VSC 8000", Sample.Now.AddHours(-3), null,
            $"originals/{id}.tif", new string('a', 64), 1_000_000, width, height, "image/tiff", "officer-1", Sample.Now.AddHours(-1));
    }

    /// <summary>Where the library serves a specimen's images; the view asks nothing else of it.</summary>
    private sealed class LibraryAddresses : IReferenceSpecimens
    {
        public string ImageUrl(Guid specimenId, Guid imageId) => $"library/{specimenId}/images/{imageId}";
        public string TilesUrl(Guid specimenId, Guid imageId) => $"library/{specimenId}/images/{imageId}/tiles/";
        public Task<IReadOnlyList<Specimen>> CandidatesAsync(UserScope scope, string issuingState, DocumentType documentType, CancellationToken ct) => throw new NotSupportedException();
        public Task<Specimen?> FindAsync(UserScope scope, Guid specimenId, CancellationToken ct) => throw new NotSupportedException();
    }
}
