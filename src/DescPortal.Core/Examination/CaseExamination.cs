using System.Text.Json.Serialization;
using DescPortal.Core.Mrz;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.Examination;

/// <summary>
/// The examination of a case as its events have built it: annotations, checklists, calibrations, alignments and MRZ
/// checks. Folded from the case's stream next to <see cref="Referral"/> (<see cref="Evolve"/> skips the referral's
/// own events), so that Referral stays what the referral workflow needs. Immutable; starts as <see cref="Empty"/>.
/// Collections keep the order in which things were first recorded.
/// </summary>
public sealed record CaseExamination(
    IReadOnlyList<RecordedAnnotation> Annotations,
    IReadOnlyList<Guid> RemovedAnnotationIds,
    IReadOnlyList<DocumentChecklist> Checklists,
    IReadOnlyList<ScaleCalibration> Calibrations,
    IReadOnlyList<ImageAlignment> Alignments,
    IReadOnlyList<DocumentMrzCheck> MrzChecks)
{
    /// <summary>Nothing examined yet.</summary>
    public static CaseExamination Empty { get; } = new([], [], [], [], [], []);

    /// <summary>The lengths measured on evidence images, in the order recorded (outside the positional members, added later).</summary>
    public IReadOnlyList<RecordedMeasurement> Measurements { get; init; } = [];

    public IReadOnlyList<Guid> RemovedMeasurementIds { get; init; } = [];

    /// <summary>The number the next measurement gets: in the order recorded, never reused, as marks are.</summary>
    [JsonIgnore]
    public int NextMeasurementNumber => Measurements.Count + RemovedMeasurementIds.Count + 1;

    public RecordedMeasurement? FindMeasurement(Guid measurementId) =>
        Measurements.FirstOrDefault(m => m.Measurement.MeasurementId == measurementId);

    public IReadOnlyList<RecordedMeasurement> MeasurementsOn(Guid evidenceImageId) =>
        [.. Measurements.Where(m => m.Measurement.EvidenceImageId == evidenceImageId)];

    /// <summary>Checklist items observed over items, over all documents with a reference specimen.</summary>
    [JsonIgnore]
    public ChecklistProgress Progress =>
        new(Checklists.Sum(c => c.Progress.Observed), Checklists.Sum(c => c.Progress.Items));

    /// <summary>
    /// The number the next mark gets: marks are numbered in the order drawn, never reused, so findings text that cites
    /// "mark 3" stays right in the report.
    /// </summary>
    [JsonIgnore]
    public int NextMarkNumber => Annotations.Count + RemovedAnnotationIds.Count + 1;

    public RecordedAnnotation? FindAnnotation(Guid annotationId) =>
        Annotations.FirstOrDefault(a => a.Annotation.AnnotationId == annotationId);

    public bool WasRemoved(Guid annotationId) => RemovedAnnotationIds.Contains(annotationId);

    /// <summary>The numbers of the marks still there among <paramref name="annotationIds"/> (an observation's), in order.</summary>
    public IReadOnlyList<int> MarkNumbersOf(IEnumerable<Guid> annotationIds) =>
        [.. annotationIds.Select(id => FindAnnotation(id)?.Number).OfType<int>().Order()];

    public IReadOnlyList<RecordedAnnotation> AnnotationsOn(Guid evidenceImageId) =>
        [.. Annotations.Where(a => a.Annotation.EvidenceImageId == evidenceImageId)];

    public DocumentChecklist? ChecklistOf(int document) => Checklists.FirstOrDefault(c => c.Document == document);

    /// <summary>The progress of one document's checklist; 0 of 0 when no reference specimen is chosen for it.</summary>
    public ChecklistProgress ProgressOf(int document) => ChecklistOf(document)?.Progress ?? new ChecklistProgress(0, 0);

    /// <summary>The observations that cite the annotation, with the document whose checklist holds each.</summary>
    public IReadOnlyList<(int Document, ChecklistObservation Observation)> ObservationsCiting(Guid annotationId) =>
    [
        .. Checklists.SelectMany(c => c.Observations.Where(o => o.AnnotationIds.Contains(annotationId))
            .Select(o => (c.Document, o))),
    ];

    public ScaleCalibration? CalibrationOf(Guid evidenceImageId) =>
        Calibrations.FirstOrDefault(c => c.EvidenceImageId == evidenceImageId);

    /// <summary>
    /// The resolution to measure an image by: the one recorded at capture, else the scale calibration's; null when
    /// there is neither.
    /// </summary>
    public double? EffectiveDpiOf(ReferralEvidence image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Dpi is { } dpi ? dpi : CalibrationOf(image.EvidenceId)?.Dpi;
    }

    public ImageAlignment? AlignmentOf(Guid evidenceImageId, Guid specimenImageId) =>
        Alignments.FirstOrDefault(a => a.EvidenceImageId == evidenceImageId && a.SpecimenImageId == specimenImageId);

    public IReadOnlyList<ImageAlignment> AlignmentsOf(Guid evidenceImageId) =>
        [.. Alignments.Where(a => a.EvidenceImageId == evidenceImageId)];

    public DocumentMrzCheck? MrzCheckOf(int document) => MrzChecks.FirstOrDefault(m => m.Document == document);

    public CaseExamination Apply(AnnotationAdded e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with { Annotations = [.. Annotations, new RecordedAnnotation(NextMarkNumber, e.Annotation, e.Actor, e.At, e.Actor, e.At)] };
    }

    public CaseExamination Apply(AnnotationChanged e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            Annotations =
            [
                .. Annotations.Select(a => a.Annotation.AnnotationId == e.Annotation.AnnotationId
                    ? a with { Annotation = e.Annotation, ChangedBy = e.Actor, ChangedAt = e.At }
                    : a),
            ],
        };
    }

    public CaseExamination Apply(AnnotationRemoved e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            Annotations = [.. Annotations.Where(a => a.Annotation.AnnotationId != e.AnnotationId)],
            RemovedAnnotationIds = [.. RemovedAnnotationIds, e.AnnotationId],
        };
    }

    /// <summary>A new checklist for the document; observations of features that are still on it are kept.</summary>
    public CaseExamination Apply(ReferenceSpecimenChosen e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var kept = ChecklistOf(e.Document)?.Observations.Where(o => e.Items.Any(i => i.FeatureId == o.FeatureId)) ?? [];
        var checklist = new DocumentChecklist(e.Document, e.SpecimenId, e.SpecimenVersion, e.SpecimenName, e.Items,
            [.. kept], e.Actor, e.At);
        return this with { Checklists = Replace(Checklists, c => c.Document == e.Document, checklist) };
    }

    public CaseExamination Apply(ChecklistObservationRecorded e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var observation = new ChecklistObservation(e.FeatureId, e.Finding, e.Note, e.AnnotationIds, e.Actor, e.At);
        return this with
        {
            Checklists =
            [
                .. Checklists.Select(c => c.Document == e.Document
                    ? c with { Observations = Replace(c.Observations, o => o.FeatureId == e.FeatureId, observation) }
                    : c),
            ],
        };
    }

    public CaseExamination Apply(ScaleCalibrated e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var calibration = new ScaleCalibration(e.EvidenceImageId, e.Method, e.A, e.B, e.DistanceMm, e.CharacterPitches,
            e.PixelsPerMillimetre, e.Actor, e.At);
        return this with { Calibrations = Replace(Calibrations, c => c.EvidenceImageId == e.EvidenceImageId, calibration) };
    }

    public CaseExamination Apply(ImagesAligned e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var alignment = new ImageAlignment(e.EvidenceImageId, e.SpecimenId, e.SpecimenImageId, e.Pairs, e.Transform,
            e.RmsResidualPixels, e.Actor, e.At);
        return this with
        {
            Alignments = Replace(Alignments,
                a => a.EvidenceImageId == e.EvidenceImageId && a.SpecimenImageId == e.SpecimenImageId, alignment),
        };
    }

    public CaseExamination Apply(MrzChecked e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var check = new DocumentMrzCheck(e.Document, e.Format, e.Valid, e.FailedChecks, e.ErrorCount, e.Comparison,
            e.Actor, e.At);
        return this with { MrzChecks = Replace(MrzChecks, m => m.Document == e.Document, check) };
    }

    public CaseExamination Apply(MeasurementRecorded e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with { Measurements = [.. Measurements, new RecordedMeasurement(NextMeasurementNumber, e.Measurement, e.Actor, e.At)] };
    }

    public CaseExamination Apply(MeasurementRemoved e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            Measurements = [.. Measurements.Where(m => m.Measurement.MeasurementId != e.MeasurementId)],
            RemovedMeasurementIds = [.. RemovedMeasurementIds, e.MeasurementId],
        };
    }

    /// <summary>
    /// The one mapping from the examination's events to Apply, for the Web's stream reads and the tests' folds.
    /// Events of the referral workflow leave the state as it is; an examination event without a mapping is a
    /// programming error.
    /// </summary>
    public static CaseExamination Evolve(CaseExamination state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            AnnotationAdded e => state.Apply(e),
            AnnotationChanged e => state.Apply(e),
            AnnotationRemoved e => state.Apply(e),
            ReferenceSpecimenChosen e => state.Apply(e),
            ChecklistObservationRecorded e => state.Apply(e),
            ScaleCalibrated e => state.Apply(e),
            ImagesAligned e => state.Apply(e),
            MrzChecked e => state.Apply(e),
            MeasurementRecorded e => state.Apply(e),
            MeasurementRemoved e => state.Apply(e),
            IExaminationEvent e => throw new InvalidOperationException($"{e.GetType().Name} cannot be applied here."),
            _ => state,
        };
    }

    /// <summary>Folds a case's whole stream (referral events included, and skipped); <see cref="Empty"/> when nothing was examined.</summary>
    public static CaseExamination Fold(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Empty, Evolve);
    }

    // Replaces the first item that matches in place (keeping its position), or appends.
    private static List<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, T item)
    {
        var list = items.ToList();
        var at = list.FindIndex(x => match(x));
        if (at < 0)
        {
            list.Add(item);
        }
        else
        {
            list[at] = item;
        }
        return list;
    }
}

/// <summary>
/// An annotation as it stands, with who drew it and who last changed it (the same until it is changed). Its
/// <see cref="Number"/> is the one the workspace, the suggested findings and the report all show.
/// </summary>
public sealed record RecordedAnnotation(
    int Number,
    Annotation Annotation,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>A measurement as recorded, with its number in the case (M1, M2, …: the workspace and the report show the same).</summary>
public sealed record RecordedMeasurement(int Number, Measurement Measurement, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>Observed items over all items; <see cref="Fraction"/> is 0 for an empty checklist.</summary>
public readonly record struct ChecklistProgress(int Observed, int Items)
{
    [JsonIgnore]
    public double Fraction => Items == 0 ? 0 : (double)Observed / Items;

    [JsonIgnore]
    public bool IsComplete => Items > 0 && Observed == Items;
}

/// <summary>The checklist of one document: the chosen specimen's features and what was observed of each.</summary>
public sealed record DocumentChecklist(
    int Document,
    Guid SpecimenId,
    int SpecimenVersion,
    string SpecimenName,
    IReadOnlyList<ChecklistItem> Items,
    IReadOnlyList<ChecklistObservation> Observations,
    string ChosenBy,
    DateTimeOffset ChosenAt)
{
    [JsonIgnore]
    public ChecklistProgress Progress => new(Observations.Count, Items.Count);

    public ChecklistItem? FindItem(Guid featureId) => Items.FirstOrDefault(i => i.FeatureId == featureId);

    /// <summary>A feature's number, 1-based: its place in the checklist, as the images and the list show it; 0 if none.</summary>
    public int NumberOf(Guid featureId)
    {
        for (var i = 0; i < Items.Count; i++)
            if (Items[i].FeatureId == featureId) return i + 1;
        return 0;
    }

    public ChecklistObservation? ObservationOf(Guid featureId) => Observations.FirstOrDefault(o => o.FeatureId == featureId);
}

public sealed record ChecklistObservation(
    Guid FeatureId,
    Finding Finding,
    string? Note,
    IReadOnlyList<Guid> AnnotationIds,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>The measured scale of an evidence image captured without a resolution.</summary>
public sealed record ScaleCalibration(
    Guid EvidenceImageId,
    ScaleCalibrationMethod Method,
    ImagePoint A,
    ImagePoint B,
    double DistanceMm,
    int? CharacterPitches,
    double PixelsPerMillimetre,
    string CalibratedBy,
    DateTimeOffset CalibratedAt)
{
    public const double MillimetresPerInch = 25.4;

    [JsonIgnore]
    public double Dpi => PixelsPerMillimetre * MillimetresPerInch;
}

/// <summary>An evidence image registered onto one image of a specimen (see <see cref="ImagesAligned"/>).</summary>
public sealed record ImageAlignment(
    Guid EvidenceImageId,
    Guid SpecimenId,
    Guid SpecimenImageId,
    IReadOnlyList<PointPair> Pairs,
    AffineTransform Transform,
    double RmsResidualPixels,
    string AlignedBy,
    DateTimeOffset AlignedAt)
{
    /// <summary>A feature's rectangle on the aligned specimen image, as a polygon on the evidence image.</summary>
    /// <exception cref="ArgumentException">The location is on another image of the specimen.</exception>
    public IReadOnlyList<ImagePoint> Map(FeatureLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.ImageId != SpecimenImageId)
        {
            throw new ArgumentException("The location is on another specimen image than the aligned one.", nameof(location));
        }
        return Transform.Map(location);
    }

    /// <summary>
    /// Every region of the specimen's features that lies on the aligned specimen image, mapped onto the evidence
    /// image, in the specimen's feature order: what the workspace draws over the questioned image.
    /// </summary>
    public IReadOnlyList<FeatureOverlay> Overlay(Specimen specimen)
    {
        ArgumentNullException.ThrowIfNull(specimen);
        if (specimen.Id != SpecimenId)
        {
            throw new ArgumentException("The specimen is not the one the images were aligned with.", nameof(specimen));
        }
        return
        [
            .. specimen.Features.SelectMany(f => f.Locations.Where(l => l.ImageId == SpecimenImageId)
                .Select(l => new FeatureOverlay(f.FeatureId, Transform.Map(l)))),
        ];
    }
}

/// <summary>A specimen feature's region drawn on an evidence image: four corners, clockwise from the top left.</summary>
public sealed record FeatureOverlay(Guid FeatureId, IReadOnlyList<ImagePoint> Polygon);

/// <summary>The latest MRZ check of one document (see <see cref="MrzChecked"/>).</summary>
public sealed record DocumentMrzCheck(
    int Document,
    MrzFormat? Format,
    bool Valid,
    IReadOnlyList<MrzDigitCheck> FailedChecks,
    int ErrorCount,
    IReadOnlyList<MrzFieldOutcome> Comparison,
    string CheckedBy,
    DateTimeOffset CheckedAt);
