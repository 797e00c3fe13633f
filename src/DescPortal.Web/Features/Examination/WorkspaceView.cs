using System.Globalization;
using DescPortal.Core;
using DescPortal.Core.Examination;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Web.Features.Cases;
using DescPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace DescPortal.Web.Features.Examination;

/// <summary>How the questioned image is shown: alone, beside the reference specimen's image, or under it.</summary>
public enum ViewMode { Alone, SideBySide, Overlay }

/// <summary>The genuine image the questioned one is compared with, and their alignment when there is one.</summary>
public sealed record Comparison(Specimen Specimen, SpecimenImage Image, ImageAlignment? Alignment);

/// <summary>
/// What the examination workspace shows and what is being drawn, apart from the page and the browser: the image on
/// screen, the mode and tool, the comparison with the reference specimen, each viewer's layers placed in millimetres
/// (decision 0007) and its marks, the mark being drawn, the calibration line and the alignment points being picked.
/// The page records; the viewers draw what this says.
/// </summary>
public sealed partial class WorkspaceView(IStringLocalizer<Strings> l, IReferenceSpecimens library)
{
    /// <summary>The modes with their buttons' labels and test ids.</summary>
    public static IReadOnlyList<(ViewMode Mode, string Label, string TestId)> Modes { get; } =
        [(ViewMode.Alone, "Questioned", "view-single"), (ViewMode.SideBySide, "Side by side", "view-sidebyside"), (ViewMode.Overlay, "Overlay", "view-overlay")];

    private readonly List<ImagePoint> _evidencePoints = [], _specimenPoints = [];
    private Guid? _shownId;

    // A form closed by showing another image: what was typed in it stays for the next shape drawn.
    private MarkDraft? _typed;

    /// <summary>The case as last loaded; null until the page has loaded it.</summary>
    public CaseRecord? Case { get; private set; }

    /// <summary>Whether this user records marks, calibrations and alignments (the page decides, from the case and the role).</summary>
    public bool CanRecord { get; private set; }

    /// <summary>The reference specimen last loaded for comparing; it counts only while it is the shown document's.</summary>
    public Specimen? Specimen { get; private set; }

    public ViewMode Mode { get; private set; } = ViewMode.Alone;
    public double Opacity { get; private set; } = 0.5;
    public string Tool { get; private set; } = "pan";
    public MarkDraft? Draft { get; private set; }
    public (ImagePoint A, ImagePoint B)? CalibrationLine { get; private set; }
    public string? CalibrationError { get; set; }
    /// <summary>The ruler's line waiting to be recorded as a measurement, with its note and why a save was refused.</summary>
    public MeasurementDraft? Measuring { get; private set; }
    public IReadOnlyList<ImagePoint> EvidencePoints => _evidencePoints;
    public IReadOnlyList<ImagePoint> SpecimenPoints => _specimenPoints;
    public string? AlignmentError { get; set; }
    public bool ShowFeatures { get; set; } = true;
    public bool ChangingReference { get; set; }

    private CaseRecord Record => Case ?? throw new InvalidOperationException("The case is not loaded yet.");

    public void Load(CaseRecord record, bool canRecord) => (Case, CanRecord) = (record, canRecord);

    public IReadOnlyList<int> Documents => [.. Record.Evidence.Select(e => e.Document).Distinct().Order()];

    /// <summary>The image on screen: the one chosen, else the first white image of the first document, else the first.</summary>
    public EvidenceItem Shown =>
        Record.FindEvidence(_shownId ?? Guid.Empty)
        ?? Record.Evidence.OrderBy(e => e.Document).ThenBy(e => e.Area).FirstOrDefault(e => e.LightSource == LightSource.White)
        ?? Record.Evidence[0];

    public IReadOnlyList<DocumentArea> Areas => [.. Record.Evidence.Where(e => e.Document == Shown.Document).Select(e => e.Area).Distinct().Order()];

    /// <summary>The images of the shown area, one per light.</summary>
    public IReadOnlyList<EvidenceItem> Lights => [.. Record.Evidence.Where(e => e.Document == Shown.Document && e.Area == Shown.Area).OrderBy(e => e.LightSource)];

    public DocumentChecklist? Checklist => Record.Examination.ChecklistOf(Shown.Document);

    /// <summary>The reference specimen the page should load for comparing; null when it has it, or there is none.</summary>
    public Guid? SpecimenToLoad =>
        Case is { Evidence.Count: > 0 } && Checklist?.SpecimenId is { } id && Specimen?.Id != id ? id : null;

    public void UseSpecimen(Specimen? specimen) => Specimen = specimen;

    /// <summary>
    /// The reference specimen's image of the shown area under the same light (else under white light, else any), with
    /// the alignment of the two; null without a reference specimen or an image of the area.
    /// </summary>
    public Comparison? Compared
    {
        get
        {
            var shown = Shown;
            if (Specimen is not { } s || Checklist?.SpecimenId != s.Id) return null;
            var image = s.Images.Where(i => i.Area == shown.Area)
                .OrderBy(i => i.LightSource == shown.LightSource ? 0 : i.LightSource == LightSource.White ? 1 : 2)
                .FirstOrDefault();
            if (image is null) return null;
            var alignment = Record.Examination.AlignmentOf(shown.Id, image.ImageId);
            return new Comparison(s, image, alignment?.SpecimenId == s.Id ? alignment : null);
        }
    }

    public bool SideBySide => Mode == ViewMode.SideBySide && Compared is not null;

    /// <summary>The same light in another area or document if there is one, else that area's first image.</summary>
    public EvidenceItem Pick(int document, DocumentArea area, LightSource light)
    {
        var candidates = Record.Evidence.Where(e => e.Document == document).ToList();
        var inArea = candidates.Where(e => e.Area == area).ToList();
        var pool = inArea.Count > 0 ? inArea : candidates;
        return pool.FirstOrDefault(e => e.LightSource == light) ?? pool.OrderBy(e => e.LightSource).First();
    }

    /// <summary>Another image on screen: the shape being recorded, the line and the points go. Then load the specimen and <see cref="KeepComparable"/>.</summary>
    public void Show(EvidenceItem e)
    {
        _shownId = e.Id;
        (_typed, Draft) = (Draft ?? _typed, null);
        CalibrationLine = null;
        Measuring = null;
        ClearPoints();
    }

    /// <summary>After <see cref="Show"/> and the specimen: back to the questioned image alone without a comparison, to Move without the tool.</summary>
    public void KeepComparable()
    {
        if (Compared is null) SetMode(ViewMode.Alone);
        if (Tools.All(t => t.Tool != Tool)) Tool = "pan";
    }

    public void SetMode(ViewMode mode)
    {
        // The specimen's viewer leaves the page: the points picked on it go.
        if (Mode == ViewMode.SideBySide && mode != ViewMode.SideBySide) ClearPoints();
        Mode = mode;
        if (Tool == "pick" && mode != ViewMode.SideBySide) Tool = "pan";
    }

    /// <summary>The slider's value in per cent; anything else leaves the opacity as it was.</summary>
    public void SetOpacity(string? percent)
    {
        if (int.TryParse(percent, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) Opacity = Math.Clamp(v, 0, 100) / 100.0;
    }

    public IEnumerable<(string Tool, string Label)> Tools
    {
        get
        {
            yield return ("pan", "Move");
            if (CanRecord)
            {
                yield return ("rectangle", "Rectangle");
                yield return ("polygon", "Polygon");
                yield return ("point", "Point");
            }
            yield return ("ruler", "Ruler");
            if (CanRecord && Shown.Dpi is null) yield return ("calibrate", "Calibrate");
            if (CanRecord && SideBySide) yield return ("pick", "Align");
        }
    }

    public void SetTool(string tool)
    {
        Tool = tool;
        if (tool != "calibrate") CalibrationLine = null;
        if (tool != "ruler") Measuring = null;
    }

    /// <summary>The specimen's viewer measures and picks points; marks are drawn on the questioned image only.</summary>
    public string SpecimenTool => Tool is "ruler" or "pick" ? Tool : "pan";

    // ---- scale and layers (decision 0007) -------------------------------------------------------------------------

    /// <summary>The resolution to measure by: the capture's, else the examiner's calibration; null when neither.</summary>
    public double? DpiOf(EvidenceItem e) => e.Dpi ?? Record.Examination.CalibrationOf(e.Id)?.Dpi;

    public bool ScaleKnown => DpiOf(Shown) is not null;

    /// <summary>
    /// The questioned image's pixels per millimetre of the world: measured when known; else, aligned with a genuine
    /// specimen, the specimen's scale through the alignment; else taken to be the size of the compared specimen (so
    /// the two still line up), else 300 dpi. Only a measured scale counts for the scale bar and ruler.
    /// </summary>
    public double WorldPixelsPerMm
    {
        get
        {
            var (e, c) = (Shown, Compared);
            return DpiOf(e) is { } dpi ? dpi / 25.4
                : c?.Alignment is { } a ? c.Image.Dpi / 25.4 * Math.Sqrt(Math.Abs(a.Transform.A * a.Transform.E - a.Transform.B * a.Transform.D))
                : c is not null ? e.Width / (c.Image.Width * 25.4 / c.Image.Dpi)
                : 300 / 25.4;
        }
    }

    /// <summary>The questioned image, and in overlay the specimen's over it at the slider's opacity.</summary>
    public IReadOnlyList<ViewerLayer> QuestionedLayers
    {
        get
        {
            var (e, c, pixelsPerMm) = (Shown, Compared, WorldPixelsPerMm);
            List<ViewerLayer> layers = [new(e.Id, e.Sha256, EvidenceUrls.Original(Record.Id, e.Id), EvidenceUrls.Tiles(Record.Id, e.Id), ImagePlacement.AtOrigin(e.Width, pixelsPerMm), 1)];
            if (Mode == ViewMode.Overlay && c is not null) layers.Add(SpecimenLayer(c, pixelsPerMm, Opacity));
            return layers;
        }
    }

    /// <summary>The specimen's image beside the questioned one; none unless side by side.</summary>
    public IReadOnlyList<ViewerLayer> SpecimenLayers => SideBySide ? [SpecimenLayer(Compared!, WorldPixelsPerMm, 1)] : [];

    private ViewerLayer SpecimenLayer(Comparison c, double evidencePixelsPerMm, double opacity) =>
        new(c.Image.ImageId, c.Image.Sha256, library.ImageUrl(c.Specimen.Id, c.Image.ImageId), library.TilesUrl(c.Specimen.Id, c.Image.ImageId),
            c.Alignment is { } a
                ? ImagePlacement.Aligned(a.Transform, c.Image.Width, c.Image.Height, evidencePixelsPerMm)
                : ImagePlacement.AtOrigin(c.Image.Width, c.Image.Dpi / 25.4),
            opacity);
}
