using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Infrastructure.DeepZoom;
using DescPortal.Web.Infrastructure.Identity;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using DescPortal.Web.Features.Cases;

namespace DescPortal.Web.Features.Examination;

public partial class Workspace
{
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TilePyramids Pyramids { get; set; } = default!;
    [Inject] private ExaminationCommands Commands { get; set; } = default!;
    [Inject] private IReferenceSpecimens Library { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<Strings> L { get; set; } = default!;

    private enum ViewMode { Single, SideBySide, Overlay }

    private static readonly (ViewMode Mode, string Label)[] Modes =
        [(ViewMode.Single, "Questioned"), (ViewMode.SideBySide, "Side by side"), (ViewMode.Overlay, "Overlay")];

    /// <summary>The genuine image the questioned one is compared with, and their alignment when there is one.</summary>
    private sealed record Comparison(Specimen Specimen, SpecimenImage Image, ImageAlignment? Alignment);

    private ElementReference _viewer, _specimenViewer;
    private DotNetObjectReference<Workspace>? _self;
    private IJSObjectReference? _module;
    private Guid? _shownId;
    private ViewMode _mode = ViewMode.Single;
    private double _opacity = 0.5;
    private string _tool = "pan";

    // Shown on a viewer while it has the whole image because the image's tiles are still being made.
    private string Preparing => L["Whole image: the deep zoom tiles are being made and will replace it."];
    private Specimen? _specimen;

    // The mark being drawn or changed.
    private Annotation? _draft;
    private bool _editing, _saving;
    private Finding? _finding;
    private Guid? _feature;
    private string _note = "";
    private string? _formError;

    private (ImagePoint A, ImagePoint B)? _calibrationLine;
    private string? _calibrationError;
    private readonly List<ImagePoint> _evidencePoints = [], _specimenPoints = [];
    private string? _alignmentError;
    private bool _showFeatures = true, _changingReference;

    private IReadOnlyList<Specimen> _candidates = [];
    private int? _candidatesFor;

    /// <summary>Only the examiner the case is assigned to marks it, and only while it is being examined.</summary>
    private bool CanAnnotate => Record is { } r && Scope.IsIn(Roles.Examiner) && r.Case.IsWorkedOnBy(Scope.UserId);

    private IReadOnlyList<int> Documents => [.. Record!.Evidence.Select(e => e.Document).Distinct().Order()];

    /// <summary>The image on screen: the one chosen, else the first white image of the first document, else the first.</summary>
    private EvidenceItem Shown =>
        Record!.FindEvidence(_shownId ?? Guid.Empty)
        ?? Record.Evidence.OrderBy(e => e.Document).ThenBy(e => e.Area).FirstOrDefault(e => e.LightSource == LightSource.White)
        ?? Record.Evidence[0];

    /// <summary>
    /// The reference specimen's image of the shown area under the same light (else under white light, else any), with
    /// the alignment of the two; null without a reference specimen or an image of the area.
    /// </summary>
    private Comparison? Compared
    {
        get
        {
            var shown = Shown;
            if (_specimen is not { } s || Record!.Examination.ChecklistOf(shown.Document)?.SpecimenId != s.Id) return null;
            var image = s.Images.Where(i => i.Area == shown.Area)
                .OrderBy(i => i.LightSource == shown.LightSource ? 0 : i.LightSource == LightSource.White ? 1 : 2)
                .FirstOrDefault();
            if (image is null) return null;
            var alignment = Record.Examination.AlignmentOf(shown.Id, image.ImageId);
            return new Comparison(s, image, alignment?.SpecimenId == s.Id ? alignment : null);
        }
    }

    /// <summary>The same light in another area or document if there is one, else that area's first image.</summary>
    private EvidenceItem Pick(int document, DocumentArea area, LightSource light)
    {
        var candidates = Record!.Evidence.Where(e => e.Document == document).ToList();
        var inArea = candidates.Where(e => e.Area == area).ToList();
        var pool = inArea.Count > 0 ? inArea : candidates;
        return pool.FirstOrDefault(e => e.LightSource == light) ?? pool.OrderBy(e => e.LightSource).First();
    }

    /// <summary>The resolution to measure by: the capture's, else the examiner's calibration; null when neither.</summary>
    private double? EvidenceDpi(EvidenceItem e) => e.Dpi ?? Record?.Examination.CalibrationOf(e.Id)?.Dpi;

    private bool EvidenceScaleKnown(EvidenceItem e) => EvidenceDpi(e) is not null;

    /// <summary>
    /// The questioned image's pixels per millimetre of the world: measured when known; else, aligned with a genuine
    /// specimen, the specimen's scale through the alignment; else taken to be the size of the compared specimen (so
    /// the two still line up), else 300 dpi. Only a measured scale counts for the scale bar and ruler.
    /// </summary>
    private double WorldPixelsPerMm(EvidenceItem e, Comparison? c) =>
        EvidenceDpi(e) is { } dpi ? dpi / 25.4
        : c?.Alignment is { } a ? c.Image.Dpi / 25.4 * Math.Sqrt(Math.Abs(a.Transform.A * a.Transform.E - a.Transform.B * a.Transform.D))
        : c is not null ? e.Width / (c.Image.Width * 25.4 / c.Image.Dpi)
        : 300 / 25.4;

    private static ImagePlacement SpecimenPlacement(Comparison c, double evidencePixelsPerMm) =>
        c.Alignment is { } a
            ? ImagePlacement.Aligned(a.Transform, c.Image.Width, c.Image.Height, evidencePixelsPerMm)
            : ImagePlacement.AtOrigin(c.Image.Width, c.Image.Dpi / 25.4);

    private IEnumerable<(string Tool, string Label)> AvailableTools(EvidenceItem shown)
    {
        yield return ("pan", "Move");
        if (CanAnnotate)
        {
            yield return ("rectangle", "Rectangle");
            yield return ("polygon", "Polygon");
            yield return ("point", "Point");
        }
        yield return ("ruler", "Ruler");
        if (CanAnnotate && shown.Dpi is null) yield return ("calibrate", "Calibrate");
        if (CanAnnotate && _mode == ViewMode.SideBySide && Compared is not null) yield return ("pick", "Align");
    }

    private void SetTool(string tool)
    {
        _tool = tool;
        if (tool != "calibrate") _calibrationLine = null;
    }

    private string? FeatureName(Guid featureId) =>
        Record?.Examination.Checklists.SelectMany(c => c.Items).FirstOrDefault(i => i.FeatureId == featureId) is { } item
            ? L[SecurityFeatureTaxonomy.LabelOf(item.Category, item.Type)].Value : null;

    // ---- what is shown ------------------------------------------------------------------------------------------

    protected override async Task OnParametersSetAsync()
    {
        await base.OnParametersSetAsync();
        await LoadCandidatesAsync();
    }

    /// <summary>With every load of the case: the reference specimen may have been chosen or changed, here or by someone else.</summary>
    protected override Task OnLoadedAsync() => LoadSpecimenAsync();

    private async Task ShowAsync(EvidenceItem e)
    {
        _shownId = e.Id;
        _draft = null;
        _calibrationLine = null;
        ClearPoints();
        await LoadSpecimenAsync();
        if (Compared is null) await SetModeAsync(ViewMode.Single);
        if (AvailableTools(e).All(t => t.Tool != _tool)) _tool = "pan";
        await LoadCandidatesAsync();
    }

    private async Task SetModeAsync(ViewMode mode)
    {
        if (_mode == ViewMode.SideBySide && mode != ViewMode.SideBySide)
        {
            // The specimen's viewer leaves the page: free it, and forget the points picked on it.
            if (_module is not null && _specimenShown is not null)
            {
                try { await _module.InvokeVoidAsync("dispose", _specimenViewer); } catch (JSDisconnectedException) { }
            }
            _specimenShown = _specimenMarksShown = null;
            ClearPoints();
        }
        _mode = mode;
        if (_tool == "pick" && mode != ViewMode.SideBySide) _tool = "pan";
    }

    /// <summary>The reference specimen of the shown document, for comparing; read again when another was chosen.</summary>
    private async Task LoadSpecimenAsync()
    {
        if (Record is null || Record.Evidence.Count == 0) return;
        var id = Record.Examination.ChecklistOf(Shown.Document)?.SpecimenId;
        if (id is null || _specimen?.Id == id) return;
        _specimen = await Library.FindAsync(Scope, id.Value, CancellationToken.None);
    }

    /// <summary>The library's specimens of the shown document's issuing state and type, for the examiner to choose from.</summary>
    private async Task LoadCandidatesAsync()
    {
        if (Record is null || !CanAnnotate) return;
        var document = Record.Submission.Documents.FirstOrDefault(d => d.Index == Shown.Document);
        if (document is null || _candidatesFor == document.Index) return;
        _candidatesFor = document.Index;
        _candidates = await Library.CandidatesAsync(Scope, document.IssuingState, document.DocumentType, CancellationToken.None);
    }

    // ---- recording ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The one way this page records examination work: decided on the version on screen; a refusal or a clash with
    /// someone else's change goes to <paramref name="refused"/> (a snackbar unless a form shows it), and the page
    /// shows the latest state whatever happened.
    /// </summary>
    private async Task<bool> RecordAsync(ExaminationCommands.Decision decide, Action<string>? refused = null)
    {
        if (Record is null) return false;
        try
        {
            await Commands.DecideAsync(Scope, Id, Record.Version, decide, CancellationToken.None);
            return true;
        }
        catch (DomainException x)
        {
            (refused ?? (message => Snackbar.Add(message, Severity.Warning)))(x.Message);
            return false;
        }
        finally
        {
            await LoadAsync();
        }
    }

    /// <summary>A shape finished in the browser, in image pixels: [x, y, ...]; the server keeps it within the image.</summary>
    [JSInvokable]
    public Task ShapeDrawn(string kind, int[] points)
    {
        if (!CanAnnotate || Record is null || points is null || points.Length < 2 || points.Length % 2 != 0) return Task.CompletedTask;
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
        if (shape is null) return Task.CompletedTask;
        // The id is chosen now: saving twice (a retry) records the mark once.
        _draft = new Annotation(Guid.NewGuid(), image.Id, shape, null, Finding.NotAssessable, null);
        _editing = false;
        _formError = null;
        return InvokeAsync(StateHasChanged);

        static AnnotationShape Rectangle(List<Vertex> v)
        {
            var (x0, y0) = (v.Min(p => p.X), v.Min(p => p.Y));
            var (x1, y1) = (v.Max(p => p.X), v.Max(p => p.Y));
            return AnnotationShape.Rectangle(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0));
        }
    }

    private void EditAnnotation(RecordedAnnotation a)
    {
        _draft = a.Annotation;
        _editing = true;
        _finding = a.Annotation.Finding;
        _feature = a.Annotation.Feature?.FeatureId;
        _note = a.Annotation.Note ?? "";
        _formError = null;
    }

    private void CloseForm()
    {
        _draft = null;
        _editing = false;
        _note = "";
        _feature = null;
        _finding = null;
        _formError = null;
    }

    private async Task SaveAnnotationAsync()
    {
        if (_draft is null || Record is null || _saving) return;
        if (_finding is not { } finding)
        {
            _formError = L["Choose the finding this mark records."];
            return;
        }
        var checklist = Record.Examination.ChecklistOf(Record.FindEvidence(_draft.EvidenceImageId)?.Document ?? Shown.Document);
        var annotation = _draft with
        {
            Finding = finding,
            Note = string.IsNullOrWhiteSpace(_note) ? null : _note.Trim(),
            Feature = _feature is { } f && checklist is not null ? new FeatureReference(checklist.SpecimenId, f) : null,
        };
        var editing = _editing;
        _saving = true;
        // Refused or clashing: the form stays as it was, beside the latest state, and says why.
        if (await RecordAsync((r, e, a, now) => editing
                ? ExaminationDecider.ChangeAnnotation(r, e, annotation, a, now)
                : ExaminationDecider.AddAnnotation(r, e, annotation, a, now), message => _formError = message))
        {
            CloseForm();
        }
        _saving = false;
    }

    private async Task RemoveAsync(RecordedAnnotation a) =>
        await RecordAsync((r, e, actor, now) => ExaminationDecider.RemoveAnnotation(r, e, a.Annotation.AnnotationId, actor, now));

    private async Task RecordMrzAsync(DescPortal.Core.Mrz.MrzCheckResult check)
    {
        if (Record is null) return;
        var document = Shown.Document;
        var entered = VizData.Of(Record.Submission, document);
        await RecordAsync((r, e, actor, now) => ExaminationDecider.RecordMrzCheck(r, e, document, check, entered, actor, now));
    }

    private async Task ChooseReferenceAsync(Guid specimenId)
    {
        if (Record is null) return;
        var specimen = await Library.FindAsync(Scope, specimenId, CancellationToken.None);
        if (specimen is null) return;
        var document = Shown.Document;
        if (await RecordAsync((r, e, actor, now) => ExaminationDecider.ChooseReferenceSpecimen(r, e, document, specimen, actor, now)))
            _changingReference = false;
    }

    private async Task<bool> ObserveAsync(ChecklistPanel.Observed o)
    {
        if (Record is null) return false;
        var document = Shown.Document;
        // Marks on this document's images that name the feature support the observation.
        var images = Record.Evidence.Where(e => e.Document == document).Select(e => e.Id).ToHashSet();
        var marks = Record.Examination.Annotations
            .Where(a => images.Contains(a.Annotation.EvidenceImageId) && a.Annotation.Feature?.FeatureId == o.Item.FeatureId)
            .Select(a => a.Annotation.AnnotationId).ToList();
        var recorded = await RecordAsync((r, e, actor, now) => ExaminationDecider.RecordObservation(r, e, document, o.Item.FeatureId, o.Finding, o.Note, marks, actor, now));
        StateHasChanged(); // a Func, unlike an EventCallback, does not re-render the page that handled it
        return recorded;
    }

    /// <summary>The line drawn with the Calibrate tool, in image pixels [x1, y1, x2, y2].</summary>
    [JSInvokable]
    public Task LineDrawn(int[] points)
    {
        if (!CanAnnotate || Record is null || points is not { Length: 4 }) return Task.CompletedTask;
        var image = Shown;
        _calibrationLine = (new ImagePoint(Math.Clamp(points[0], 0, image.Width), Math.Clamp(points[1], 0, image.Height)),
            new ImagePoint(Math.Clamp(points[2], 0, image.Width), Math.Clamp(points[3], 0, image.Height)));
        _calibrationError = null;
        return InvokeAsync(StateHasChanged);
    }

    private async Task CalibrateAsync(CalibrationPanel.CalibrationRequest request)
    {
        if (request.Value is not { } value)
        {
            _calibrationError = request.Method == ScaleCalibrationMethod.KnownDistance
                ? L["Distance: give the length in millimetres, a number more than 0."]
                : L["Character pitches: give a whole number from 1 to {0}.", ExaminationDecider.MaxMrzCharacterPitches];
            return;
        }
        var imageId = Shown.Id;
        if (await RecordAsync((r, e, actor, now) => request.Method == ScaleCalibrationMethod.KnownDistance
                ? ExaminationDecider.CalibrateScale(r, e, imageId, request.A, request.B, value, actor, now)
                : ExaminationDecider.CalibrateFromMrzPitch(r, e, imageId, request.A, request.B, (int)value, actor, now),
                message => _calibrationError = message))
        {
            _calibrationLine = null;
            _calibrationError = null;
            _tool = "ruler";
            _mainShown = null; // the world's scale changed: place the image again
            if (_module is not null) await _module.InvokeVoidAsync("clearLine", _viewer);
        }
    }

    /// <summary>A point clicked with the Align tool on one of the two viewers, in that image's pixels.</summary>
    [JSInvokable]
    public Task PointPicked(string role, int x, int y)
    {
        if (!CanAnnotate || Record is null || Compared is not { } c) return Task.CompletedTask;
        var shown = Shown;
        var points = role == "specimen" ? _specimenPoints : _evidencePoints;
        var (width, height) = role == "specimen" ? (c.Image.Width, c.Image.Height) : (shown.Width, shown.Height);
        if (points.Count >= ExaminationDecider.MaxAlignmentPairs) return Task.CompletedTask;
        points.Add(new ImagePoint(Math.Clamp(x, 0, width - 1), Math.Clamp(y, 0, height - 1)));
        _alignmentError = null;
        return InvokeAsync(StateHasChanged);
    }

    private void ClearPoints()
    {
        _evidencePoints.Clear();
        _specimenPoints.Clear();
        _alignmentError = null;
    }

    private async Task AlignAsync()
    {
        if (Compared is not { } c) return;
        var imageId = Shown.Id;
        var pairs = _specimenPoints.Zip(_evidencePoints, (s, e) => new PointPair(s, e)).ToList();
        if (await RecordAsync((r, e, actor, now) => ExaminationDecider.AlignImages(r, e, imageId, c.Specimen, c.Image.ImageId, pairs, actor, now),
                message => _alignmentError = message))
        {
            ClearPoints();
            _showFeatures = true;
            _tool = "pan";
        }
    }

    // ---- the viewers --------------------------------------------------------------------------------------------

    // What the browser shows now, so that each render sends only what changed.
    private string? _mainShown, _specimenShown, _marksShown, _specimenMarksShown, _toolShown;
    private int _showRetries;

    /// <summary>One image in a viewer: where its tiles are and where it lies in the world (millimetres).</summary>
    private sealed record Layer(Guid ImageId, string ImageUrl, string TilesUrl, ImagePlacement Place, double Opacity);

    private Layer EvidenceLayer(EvidenceItem e, double pixelsPerMm) =>
        new(e.Id, EvidenceUrls.Original(Id, e.Id), EvidenceUrls.Tiles(Id, e.Id), ImagePlacement.AtOrigin(e.Width, pixelsPerMm), 1);

    private Layer SpecimenLayer(Comparison c, double evidencePixelsPerMm, double opacity) =>
        new(c.Image.ImageId, Library.ImageUrl(c.Specimen.Id, c.Image.ImageId),
            Library.TilesUrl(c.Specimen.Id, c.Image.ImageId), SpecimenPlacement(c, evidencePixelsPerMm), opacity);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Record is null || Record.Evidence.Count == 0) return;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/deep-zoom.js");
            _self ??= DotNetObjectReference.Create(this);
            var shown = Shown;
            var compared = Compared;
            var side = _mode == ViewMode.SideBySide && compared is not null;
            var pixelsPerMm = WorldPixelsPerMm(shown, compared);

            List<Layer> layers = [EvidenceLayer(shown, pixelsPerMm)];
            if (_mode == ViewMode.Overlay && compared is not null) layers.Add(SpecimenLayer(compared, pixelsPerMm, _opacity));
            var key = KeyOf(layers, EvidenceScaleKnown(shown));
            if (key != _mainShown)
            {
                if (!await ShowLayersAsync(_viewer, layers, EvidenceScaleKnown(shown))) return;
                _mainShown = key;
                _marksShown = _toolShown = null; // a new image starts without marks or tool
            }
            if (side)
            {
                List<Layer> specimen = [SpecimenLayer(compared!, pixelsPerMm, 1)];
                var specimenKey = KeyOf(specimen, true);
                if (specimenKey != _specimenShown)
                {
                    if (!await ShowLayersAsync(_specimenViewer, specimen, true)) return;
                    _specimenShown = specimenKey;
                    _specimenMarksShown = _toolShown = null;
                }
            }

            var marks = MarksOnEvidence(shown, compared);
            if (Changed(ref _marksShown, System.Text.Json.JsonSerializer.Serialize(marks)))
                await _module.InvokeVoidAsync("setMarks", _viewer, marks);
            if (side)
            {
                var specimenMarks = MarksOnSpecimen(compared!);
                if (Changed(ref _specimenMarksShown, System.Text.Json.JsonSerializer.Serialize(specimenMarks)))
                    await _module.InvokeVoidAsync("setMarks", _specimenViewer, specimenMarks);
            }
            if (Changed(ref _toolShown, $"{_tool}|{side}|{_mainShown}|{_specimenShown}"))
            {
                await _module.InvokeVoidAsync("setTool", _viewer, _tool, _self, "evidence");
                if (side)
                {
                    await _module.InvokeVoidAsync("setTool", _specimenViewer, _tool is "ruler" or "pick" ? _tool : "pan", _self, "specimen");
                    await _module.InvokeVoidAsync("link", _viewer, _specimenViewer);
                }
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private static string KeyOf(IReadOnlyList<Layer> layers, bool scaleKnown) =>
        System.Text.Json.JsonSerializer.Serialize(new { layers = layers.Select(l => new { l.ImageId, l.Place, l.Opacity }), scaleKnown });

    /// <summary>
    /// Shows layers in a viewer (only when they changed: this reads the pyramids). False when the element was not in
    /// the page yet: the page draws again shortly, a bounded number of times, rather than wait for something else to render.
    /// </summary>
    private async Task<bool> ShowLayersAsync(ElementReference element, IReadOnlyList<Layer> layers, bool scaleKnown)
    {
        var shown = new List<object>(layers.Count);
        foreach (var l in layers)
        {
            // The case was loaded within the user's scope: a pyramid made already goes straight to the viewer (one
            // round trip less before the first tile). Without one yet, the viewer asks the endpoint, which queues the job.
            var pyramid = await Pyramids.FindAsync(l.ImageId, CancellationToken.None);
            shown.Add(new
            {
                key = l.ImageId.ToString(), description = pyramid is null ? null : DeepZoomEndpoints.DeepZoomDescription.Of(pyramid, l.TilesUrl),
                describeUrl = l.ImageUrl + "/deepzoom", imageUrl = l.ImageUrl,
                x = l.Place.X, y = l.Place.Y, width = l.Place.Width, degrees = l.Place.Degrees, opacity = l.Opacity,
            });
        }
        if (await _module!.InvokeAsync<bool>("show", element, shown, scaleKnown))
        {
            return true;
        }
        if (++_showRetries <= 20)
        {
            await Task.Delay(50);
            StateHasChanged();
        }
        return false;
    }

    private static bool Changed(ref string? shown, string now)
    {
        if (shown == now) return false;
        shown = now;
        return true;
    }

    private sealed record Mark(string Id, string Kind, int[] Points, string Label, bool Selected);

    /// <summary>The marks on the questioned image, numbered as in the list; the aligned specimen's features; the alignment points.</summary>
    private List<Mark> MarksOnEvidence(EvidenceItem shown, Comparison? compared)
    {
        var marks = Record!.Examination.AnnotationsOn(shown.Id).Select(a => new Mark(
            a.Annotation.AnnotationId.ToString(), a.Annotation.Shape.Kind.ToString(), PointsOf(a.Annotation.Shape),
            a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _editing && a.Annotation.AnnotationId == _draft?.AnnotationId)).ToList();
        if (_showFeatures && compared?.Alignment is { } alignment)
        {
            marks.AddRange(alignment.Overlay(compared.Specimen).Select(o => new Mark(
                o.FeatureId.ToString(), "Feature", [.. o.Polygon.SelectMany(p => new[] { (int)Math.Round(p.X), (int)Math.Round(p.Y) })],
                FeatureLabel(compared.Specimen, o.FeatureId), false)));
        }
        marks.AddRange(PickMarks(_evidencePoints));
        return marks;
    }

    /// <summary>The specimen's features on its image beside the questioned one, and the alignment points.</summary>
    private List<Mark> MarksOnSpecimen(Comparison c)
    {
        var marks = c.Specimen.Features.SelectMany(f => f.Locations.Where(l => l.ImageId == c.Image.ImageId).Select(l => new Mark(
            f.FeatureId.ToString(), "Feature", [l.X, l.Y, l.X + l.Width, l.Y, l.X + l.Width, l.Y + l.Height, l.X, l.Y + l.Height],
            FeatureLabel(c.Specimen, f.FeatureId), false))).ToList();
        marks.AddRange(PickMarks(_specimenPoints));
        return marks;
    }

    private static IEnumerable<Mark> PickMarks(List<ImagePoint> points) =>
        points.Select((p, i) => new Mark($"pick-{i}", "Pick", [(int)p.X, (int)p.Y], (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), false));

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
        if (Record!.Examination.ChecklistOf(Shown.Document)?.NumberOf(featureId) is > 0 and var number)
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return specimen.FindFeature(featureId) is { } f ? L[SecurityFeatureTaxonomy.LabelOf(f.Category, f.Type)].Value : "";
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        GC.SuppressFinalize(this);
        _self?.Dispose();
        if (_module is null) return;
        try
        {
            await _module.InvokeVoidAsync("dispose", _viewer);
            if (_specimenShown is not null) await _module.InvokeVoidAsync("dispose", _specimenViewer);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
