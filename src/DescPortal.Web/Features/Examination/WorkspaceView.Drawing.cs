using System.Globalization;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;

namespace DescPortal.Web.Features.Examination;

// The workspace's drawing: the outlines each viewer draws, and what the viewers send back (a shape, a line, a point).
public sealed partial class WorkspaceView
{
    // ---- marks --------------------------------------------------------------------------------------------------

    /// <summary>The marks on the questioned image, numbered as in the list; the aligned specimen's features; the alignment points.</summary>
    public IReadOnlyList<ViewerMark> QuestionedMarks
    {
        get
        {
            var (shown, compared) = (Shown, Compared);
            var selected = Draft is { IsChange: true } d ? d.Annotation.AnnotationId : (Guid?)null;
            var marks = Record.Examination.AnnotationsOn(shown.Id).Select(a => new ViewerMark(
                a.Annotation.AnnotationId.ToString(), a.Annotation.Shape.Kind.ToString(), PointsOf(a.Annotation.Shape),
                a.Number.ToString(CultureInfo.InvariantCulture), a.Annotation.AnnotationId == selected)).ToList();
            if (ShowFeatures && compared?.Alignment is { } alignment)
            {
                marks.AddRange(alignment.Overlay(compared.Specimen).Select(o => new ViewerMark(
                    o.FeatureId.ToString(), "Feature", [.. o.Polygon.SelectMany(p => new[] { (int)Math.Round(p.X), (int)Math.Round(p.Y) })],
                    FeatureLabel(compared.Specimen, o.FeatureId), false)));
            }
            marks.AddRange(PickMarks(_evidencePoints));
            return marks;
        }
    }

    /// <summary>The specimen's features on its image beside the questioned one, and the alignment points.</summary>
    public IReadOnlyList<ViewerMark> SpecimenMarks
    {
        get
        {
            if (!SideBySide) return [];
            var c = Compared!;
            var marks = c.Specimen.Features.SelectMany(f => f.Locations.Where(l => l.ImageId == c.Image.ImageId).Select(l => new ViewerMark(
                f.FeatureId.ToString(), "Feature", [l.X, l.Y, l.X + l.Width, l.Y, l.X + l.Width, l.Y + l.Height, l.X, l.Y + l.Height],
                FeatureLabel(c.Specimen, f.FeatureId), false))).ToList();
            marks.AddRange(PickMarks(_specimenPoints));
            return marks;
        }
    }

    private static IEnumerable<ViewerMark> PickMarks(List<ImagePoint> points) =>
        points.Select((p, i) => new ViewerMark($"pick-{i}", "Pick", [(int)p.X, (int)p.Y], (i + 1).ToString(CultureInfo.InvariantCulture), false));

    private static int[] PointsOf(AnnotationShape shape)
    {
        if (shape.Kind == ShapeKind.Rectangle)
        {
            var (x, y, w, h) = shape.Bounds;
            return [x, y, x + w, y, x + w, y + h, x, y + h];
        }
        return [.. shape.Vertices.SelectMany(v => new[] { v.X, v.Y })];
    }

    /// <summary>A feature's number on the image: its place in the checklist (numbered alike), else its type.</summary>
    private string FeatureLabel(Specimen specimen, Guid featureId)
    {
        if (Checklist?.NumberOf(featureId) is > 0 and var number) return number.ToString(CultureInfo.InvariantCulture);
        return specimen.FindFeature(featureId) is { } f ? l[SecurityFeatureTaxonomy.LabelOf(f.Category, f.Type)].Value : "";
    }

    /// <summary>A checklist feature's name for the list of marks, from whichever document's checklist names it.</summary>
    public string? FeatureName(Guid featureId) =>
        Record.Examination.Checklists.SelectMany(c => c.Items).FirstOrDefault(i => i.FeatureId == featureId) is { } item
            ? l[SecurityFeatureTaxonomy.LabelOf(item.Category, item.Type)].Value : null;

    // ---- what the viewers send: in image pixels, never taken on trust ---------------------------------------------

    /// <summary>A shape finished on the questioned image ([x, y, ...]), kept within it; true when it opened the form for a new mark.</summary>
    public bool ShapeDrawn(string kind, int[]? points)
    {
        if (!CanRecord || points is null || points.Length < 2 || points.Length % 2 != 0) return false;
        var image = Shown;
        var vertices = Enumerable.Range(0, points.Length / 2)
            .Select(i => new Vertex(Math.Clamp(points[2 * i], 0, image.Width), Math.Clamp(points[2 * i + 1], 0, image.Height)))
            .ToList();
        AnnotationShape? shape = kind switch
        {
            "Point" => AnnotationShape.Point(Math.Min(vertices[0].X, image.Width - 1), Math.Min(vertices[0].Y, image.Height - 1)),
            "Rectangle" when vertices.Count == 4 => Rectangle(vertices),
            "Polygon" when vertices.Count is >= 3 and <= ExaminationDecider.MaxPolygonVertices => AnnotationShape.Polygon(vertices),
            _ => null,
        };
        if (shape is null) return false;
        // The id is chosen now: saving twice (a retry) records the mark once. A form already open keeps what was typed.
        Draft = MarkDraft.New(new Annotation(Guid.NewGuid(), image.Id, shape, null, Finding.NotAssessable, null), Draft ?? _typed);
        _typed = null;
        return true;

        static AnnotationShape Rectangle(List<Vertex> v)
        {
            var (x0, y0) = (v.Min(p => p.X), v.Min(p => p.Y));
            var (x1, y1) = (v.Max(p => p.X), v.Max(p => p.Y));
            return AnnotationShape.Rectangle(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0));
        }
    }

    public void EditMark(RecordedAnnotation a) => (Draft, _typed) = (MarkDraft.Of(a.Annotation), null);

    public void CloseDraft() => (Draft, _typed) = (null, null);

    /// <summary>The checklist a mark's feature is chosen from: that of the document the mark is on.</summary>
    public DocumentChecklist? ChecklistFor(MarkDraft draft) =>
        Record.Examination.ChecklistOf(Record.FindEvidence(draft.Annotation.EvidenceImageId)?.Document ?? Shown.Document);

    /// <summary>The line drawn with the Calibrate tool ([x1, y1, x2, y2]), kept within the image.</summary>
    public bool LineDrawn(int[]? points)
    {
        if (!CanRecord || points is not { Length: 4 }) return false;
        var image = Shown;
        CalibrationLine = (new ImagePoint(Math.Clamp(points[0], 0, image.Width), Math.Clamp(points[1], 0, image.Height)),
            new ImagePoint(Math.Clamp(points[2], 0, image.Width), Math.Clamp(points[3], 0, image.Height)));
        CalibrationError = null;
        return true;
    }

    public void CancelCalibration() => (CalibrationLine, CalibrationError) = (null, null);

    /// <summary>
    /// A line drawn with the Ruler on the questioned image ([x1, y1, x2, y2]), kept within the image: offered for recording
    /// as a measurement when this user records and the image's scale is known. A new id each line, so saving it twice
    /// (a retry) records it once.
    /// </summary>
    public bool RulerDrawn(int[]? points)
    {
        if (!CanRecord || !ScaleKnown || points is not { Length: 4 }) return false;
        var image = Shown;
        var a = new ImagePoint(Math.Clamp(points[0], 0, image.Width), Math.Clamp(points[1], 0, image.Height));
        var b = new ImagePoint(Math.Clamp(points[2], 0, image.Width), Math.Clamp(points[3], 0, image.Height));
        // What was typed as the note stays when the line is drawn again.
        Measuring = new MeasurementDraft(Guid.NewGuid(), image.Id, a, b, a.DistanceTo(b) / (DpiOf(image)!.Value / 25.4)) { Note = Measuring?.Note ?? "" };
        return true;
    }

    public void CancelMeasurement() => Measuring = null;

    /// <summary>A calibration was recorded: the line goes, and the ruler measures at the new scale.</summary>
    public void Calibrated()
    {
        CancelCalibration();
        Tool = "ruler";
    }

    /// <summary>A point clicked with the Align tool on the questioned or the specimen's image, kept within that image.</summary>
    public bool PointPicked(bool onSpecimen, int x, int y)
    {
        if (!CanRecord || Compared is not { } c) return false;
        var points = onSpecimen ? _specimenPoints : _evidencePoints;
        var (width, height) = onSpecimen ? (c.Image.Width, c.Image.Height) : (Shown.Width, Shown.Height);
        if (points.Count >= ExaminationDecider.MaxAlignmentPairs) return false;
        points.Add(new ImagePoint(Math.Clamp(x, 0, width - 1), Math.Clamp(y, 0, height - 1)));
        AlignmentError = null;
        return true;
    }

    public void ClearPoints()
    {
        _evidencePoints.Clear();
        _specimenPoints.Clear();
        AlignmentError = null;
    }

    /// <summary>The points picked, paired in the order clicked; a point without its partner is left out.</summary>
    public IReadOnlyList<PointPair> AlignmentPairs => [.. _specimenPoints.Zip(_evidencePoints, (s, e) => new PointPair(s, e))];

    /// <summary>An alignment was recorded: the points go, and the specimen's features show on the questioned image.</summary>
    public void Aligned()
    {
        ClearPoints();
        ShowFeatures = true;
        Tool = "pan";
    }
}
