using DescPortal.Core.Mrz;
using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;
using static System.FormattableString;

namespace DescPortal.Core.Examination;

/// <summary>
/// The examination's commands as pure functions: the case (<see cref="Referral"/>), its <see cref="Examination"/> and
/// a command in, events for the case's stream out. Every method returns the events to append, in order; an empty
/// list means "already done" (commands carry caller-chosen ids or whole values and may be retried). Only the examiner
/// assigned to the case acts, and only while the case is in examination (or returned by the reviewer). A command that
/// the state or the rules forbid throws <see cref="DomainException"/> with a message for the user; a caller's
/// programming error (empty actor or id, no time) throws an ArgumentException.
/// Messages count documents from 1 (the first document is "document 1"); commands and events take the 0-based index.
/// </summary>
public static class ExaminationDecider
{
    public const int MaxNoteLength = 2000;
    public const int MaxPolygonVertices = 1000;
    public const int MaxLinkedAnnotations = 100;

    /// <summary>Closer calibration points make the scale a guess: a one-pixel slip is already a 10% error.</summary>
    public const double MinCalibrationPointDistancePixels = 10;

    /// <summary>ICAO 9303 Part 3: OCR-B in the MRZ is set at 10 characters per inch, one character every 2.54 mm.</summary>
    public const double MrzCharacterPitchMm = 2.54;

    /// <summary>The longest MRZ line (TD3) has 44 characters: from the first to the last is 43 pitches.</summary>
    public const int MaxMrzCharacterPitches = 43;

    public const int MinAlignmentPairs = 3;
    public const int MaxAlignmentPairs = 50;

    // ---- annotations -------------------------------------------------------------------------------------------

    /// <summary>
    /// Marks a region of an evidence image. The same annotation again changes nothing; another under the same id, or
    /// the id of a removed annotation, is refused.
    /// </summary>
    public static IReadOnlyList<object> AddAnnotation(
        Referral current, CaseExamination examination, Annotation annotation, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "annotate its evidence");
        var n = NormaliseAnnotation(current, examination, annotation);
        if (examination.FindAnnotation(n.AnnotationId) is { } existing)
        {
            return existing.Annotation == n
                ? []
                : throw new DomainException($"Annotation {n.AnnotationId} already exists with other content: change it instead.");
        }
        if (examination.WasRemoved(n.AnnotationId))
        {
            throw new DomainException($"Annotation {n.AnnotationId} was removed; draw a new one.");
        }
        return [new AnnotationAdded(current.Id, n, actor.Actor, now)];
    }

    /// <summary>
    /// Replaces an annotation as a whole; nothing when it is the same. It cannot move to an image of another document
    /// while a checklist observation of its document cites it.
    /// </summary>
    public static IReadOnlyList<object> ChangeAnnotation(
        Referral current, CaseExamination examination, Annotation annotation, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "annotate its evidence");
        ArgumentNullException.ThrowIfNull(annotation);
        var existing = examination.FindAnnotation(annotation.AnnotationId)
            ?? throw new DomainException($"There is no annotation {annotation.AnnotationId}; it may have been removed.");
        var n = NormaliseAnnotation(current, examination, annotation);
        if (existing.Annotation == n)
        {
            return [];
        }
        var document = current.FindEvidence(n.EvidenceImageId)!.Document;
        var citing = examination.ObservationsCiting(n.AnnotationId).Where(c => c.Document != document).ToList();
        if (citing.Count > 0)
        {
            throw new DomainException(Invariant(
                $"Annotation {n.AnnotationId} is cited by the checklist of {DocumentName(citing[0].Document)}; it cannot move to an image of {DocumentName(document)}."));
        }
        return [new AnnotationChanged(current.Id, n, actor.Actor, now)];
    }

    /// <summary>
    /// Takes an annotation out; nothing when there is none with this id (already removed). An annotation that a
    /// checklist observation cites is kept until the observation no longer does.
    /// </summary>
    public static IReadOnlyList<object> RemoveAnnotation(
        Referral current, CaseExamination examination, Guid annotationId, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "annotate its evidence");
        RequireId(annotationId, nameof(annotationId));
        if (examination.FindAnnotation(annotationId) is null)
        {
            return [];
        }
        var citing = examination.ObservationsCiting(annotationId);
        if (citing.Count > 0)
        {
            var (document, observation) = citing[0];
            var item = examination.ChecklistOf(document)?.FindItem(observation.FeatureId);
            throw new DomainException(Invariant(
                $"Annotation {annotationId} is cited by the observation of {ItemName(item)} on {DocumentName(document)}; record that observation without it first."));
        }
        return [new AnnotationRemoved(current.Id, annotationId, actor.Actor, now)];
    }

    // ---- checklist ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Chooses the genuine specimen a document is compared with and generates its checklist from the specimen's
    /// features, in inspection-level order, then in the specimen's feature order. The same specimen at the same content
    /// version again changes nothing; another (or a newer version) replaces the checklist, and the observations of
    /// features still on it are kept.
    /// </summary>
    public static IReadOnlyList<object> ChooseReferenceSpecimen(
        Referral current, CaseExamination examination, int document, Specimen specimen, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "choose its reference specimens");
        RequireDocument(current, document);
        ArgumentNullException.ThrowIfNull(specimen);
        if (specimen.IsWithdrawn)
        {
            throw new DomainException($"{specimen.Name} was withdrawn from the library; choose another reference specimen.");
        }
        if (examination.ChecklistOf(document) is { } chosen && chosen.SpecimenId == specimen.Id
            && chosen.SpecimenVersion == specimen.Version)
        {
            return [];
        }
        var items = specimen.Features
            .Select((feature, order) => (feature, order))
            .OrderBy(f => f.feature.InspectionLevel)
            .ThenBy(f => f.order)
            .Select(f => new ChecklistItem(f.feature.FeatureId, f.feature.Category, f.feature.Type,
                f.feature.InspectionLevel, [.. f.feature.Lights], f.feature.Description))
            .ToList();
        return [new ReferenceSpecimenChosen(current.Id, document, specimen.Id, specimen.Version, specimen.Name, items, actor.Actor, now)];
    }

    /// <summary>
    /// Records what was found for one item of a document's checklist, citing annotations on that document's images.
    /// The same observation again changes nothing; another replaces it.
    /// </summary>
    public static IReadOnlyList<object> RecordObservation(
        Referral current,
        CaseExamination examination,
        int document,
        Guid featureId,
        Finding finding,
        string? note,
        IReadOnlyList<Guid> annotationIds,
        ExaminationActor actor,
        DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "record its checklist observations");
        RequireDocument(current, document);
        ArgumentNullException.ThrowIfNull(annotationIds);
        var checklist = examination.ChecklistOf(document)
            ?? throw new DomainException(
                $"Choose a reference specimen for {DocumentName(document)} first: its checklist comes from the specimen's security features.");
        var item = checklist.FindItem(featureId)
            ?? throw new DomainException(
                $"The checklist of {DocumentName(document)} ({checklist.SpecimenName}) has no such feature; the reference specimen may have been changed.");
        RequireFinding(finding);
        var n = PlainText(note, "The note");

        var ids = annotationIds.Distinct().ToList();
        if (ids.Count > MaxLinkedAnnotations)
        {
            throw new DomainException(Invariant($"An observation can cite at most {MaxLinkedAnnotations} annotations."));
        }
        foreach (var id in ids)
        {
            var annotation = examination.FindAnnotation(id)
                ?? throw new DomainException($"Annotation {id} does not exist or was removed; it cannot be cited.");
            var on = current.FindEvidence(annotation.Annotation.EvidenceImageId)?.Document;
            if (on != document)
            {
                throw new DomainException(Invariant(
                    $"Annotation {id} is on an image of {(on is { } d ? DocumentName(d) : "no document")}; the observation of {ItemName(item)} on {DocumentName(document)} can only cite annotations on that document's images."));
            }
        }

        if (checklist.ObservationOf(featureId) is { } existing
            && existing.Finding == finding && existing.Note == n && existing.AnnotationIds.SequenceEqual(ids))
        {
            return [];
        }
        return [new ChecklistObservationRecorded(current.Id, document, featureId, finding, n, ids, actor.Actor, now)];
    }

    // ---- scale -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Sets the scale of an evidence image captured without a resolution from two points a known distance apart on
    /// the document. The same calibration again changes nothing; another replaces it.
    /// </summary>
    public static IReadOnlyList<object> CalibrateScale(
        Referral current, CaseExamination examination, Guid evidenceImageId, ImagePoint a, ImagePoint b, double knownDistanceMm,
        ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "calibrate its images");
        if (!double.IsFinite(knownDistanceMm) || knownDistanceMm <= 0)
        {
            throw new DomainException("The known distance must be more than 0 mm.");
        }
        return Calibrate(current, examination, evidenceImageId, a, b, ScaleCalibrationMethod.KnownDistance,
            knownDistanceMm, characterPitches: null, actor, now);
    }

    /// <summary>
    /// Sets the scale of an evidence image captured without a resolution from the MRZ, whose OCR-B characters sit
    /// 2.54 mm apart (ICAO 9303: 10 characters per inch). <paramref name="characterPitches"/> counts pitches, not
    /// characters: place A and B on the same part (the left edge, say) of two characters of one line; from the first
    /// to the 44th character of a TD3 line is 43 pitches, so 1000 pixels between them give 1000 / (43 × 2.54) pixels
    /// per millimetre. The same calibration again changes nothing; another replaces it.
    /// </summary>
    public static IReadOnlyList<object> CalibrateFromMrzPitch(
        Referral current, CaseExamination examination, Guid evidenceImageId, ImagePoint a, ImagePoint b, int characterPitches,
        ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "calibrate its images");
        if (characterPitches is < 1 or > MaxMrzCharacterPitches)
        {
            throw new DomainException(Invariant(
                $"Count the character pitches between the two points: 1 to {MaxMrzCharacterPitches} on one MRZ line (from the first to the last of 44 characters is {MaxMrzCharacterPitches})."));
        }
        return Calibrate(current, examination, evidenceImageId, a, b, ScaleCalibrationMethod.MrzCharacterPitch,
            characterPitches * MrzCharacterPitchMm, characterPitches, actor, now);
    }

    // ---- alignment ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Registers an evidence image onto an image of a specimen from at least three pairs of points marking the same
    /// spots on both, as the least-squares affine transform from specimen pixels to evidence pixels. The same pairs
    /// again change nothing; other pairs replace the alignment of these two images.
    /// </summary>
    public static IReadOnlyList<object> AlignImages(
        Referral current,
        CaseExamination examination,
        Guid evidenceImageId,
        Specimen specimen,
        Guid specimenImageId,
        IReadOnlyList<PointPair> pairs,
        ExaminationActor actor,
        DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "align its images");
        ArgumentNullException.ThrowIfNull(specimen);
        ArgumentNullException.ThrowIfNull(pairs);
        var image = EvidenceImage(current, evidenceImageId);
        var specimenImage = specimen.FindImage(specimenImageId)
            ?? throw new DomainException($"{specimen.Name} has no such image.");
        if (pairs.Count < MinAlignmentPairs)
        {
            throw new DomainException(Invariant(
                $"An alignment needs at least {MinAlignmentPairs} pairs of points; {pairs.Count} {(pairs.Count == 1 ? "was" : "were")} given."));
        }
        if (pairs.Count > MaxAlignmentPairs)
        {
            throw new DomainException(Invariant($"An alignment takes at most {MaxAlignmentPairs} pairs of points."));
        }
        for (var i = 0; i < pairs.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(pairs[i], nameof(pairs));
            var onSpecimen = PointProblem(pairs[i].Specimen, specimenImage.Width, specimenImage.Height, "specimen image");
            var onEvidence = PointProblem(pairs[i].Evidence, image.Width, image.Height, "evidence image");
            if ((onSpecimen ?? onEvidence) is { } problem)
            {
                throw new DomainException(Invariant($"Pair {i + 1}: {problem}"));
            }
        }
        var fit = AffineTransform.Fit(pairs);
        if (examination.AlignmentOf(evidenceImageId, specimenImageId) is { } aligned
            && aligned.SpecimenId == specimen.Id && aligned.Pairs.SequenceEqual(pairs))
        {
            return [];
        }
        return
        [
            new ImagesAligned(current.Id, evidenceImageId, specimen.Id, specimenImageId, [.. pairs], fit.Transform,
                fit.RmsResidualPixels, actor.Actor, now),
        ];
    }

    // ---- MRZ ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Records the check of a document's MRZ (<see cref="MrzCheck.TryRun"/>) and its comparison with the entered data
    /// (<see cref="VizData.Of"/> gives what the officer entered). The same outcome again changes nothing; another
    /// replaces the document's previous check.
    /// </summary>
    public static IReadOnlyList<object> RecordMrzCheck(
        Referral current, CaseExamination examination, int document, MrzCheckResult check, MrzEnteredData entered,
        ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, "record its MRZ checks");
        RequireDocument(current, document);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(entered);
        var failed = check.Checks.Where(c => !c.Valid).ToList();
        var comparison = MrzComparison.Compare(check, entered).Select(c => new MrzFieldOutcome(c.Field, c.Result, c.Note)).ToList();
        if (examination.MrzCheckOf(document) is { } previous
            && previous.Format == check.Format && previous.Valid == check.Valid && previous.ErrorCount == check.Errors.Count
            && previous.FailedChecks.SequenceEqual(failed) && previous.Comparison.SequenceEqual(comparison))
        {
            return [];
        }
        return
        [
            new MrzChecked(current.Id, document, check.Format, check.Valid, failed, check.Errors.Count, comparison,
                actor.Actor, now),
        ];
    }

    // ---- who may act -------------------------------------------------------------------------------------------

    private static void RequireAssignedExaminer(
        Referral current, CaseExamination examination, ExaminationActor actor, DateTimeOffset now, string doing)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(examination);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.UserId, nameof(actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Actor, nameof(actor));
        RequireTime(now);
        CaseRules.RequireAssignedExaminer(current, actor.UserId, doing, "examination"); // named: this class has its own overload
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    private static Annotation NormaliseAnnotation(Referral current, CaseExamination examination, Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        RequireId(annotation.AnnotationId, nameof(annotation));
        var id = annotation.AnnotationId;
        var image = current.FindEvidence(annotation.EvidenceImageId)
            ?? throw new DomainException($"Annotation {id} is on an image that referral {current.Reference} does not have.");
        var shape = NormaliseShape(id, annotation.Shape, image);
        RequireFinding(annotation.Finding);
        var note = PlainText(annotation.Note, Invariant($"The note of annotation {id}"));

        if (annotation.Feature is { } feature)
        {
            if (feature.SpecimenId == Guid.Empty || feature.FeatureId == Guid.Empty)
            {
                throw new DomainException($"Annotation {id} refers to a security feature without saying which.");
            }
            if (examination.ChecklistOf(image.Document) is { } checklist)
            {
                if (feature.SpecimenId != checklist.SpecimenId)
                {
                    throw new DomainException(
                        $"Annotation {id} refers to a feature of another specimen; the reference specimen of {DocumentName(image.Document)} is {checklist.SpecimenName}.");
                }
                if (checklist.FindItem(feature.FeatureId) is null)
                {
                    throw new DomainException(Invariant(
                        $"Annotation {id} refers to a feature that {checklist.SpecimenName} (version {checklist.SpecimenVersion}) does not have."));
                }
            }
        }
        return annotation with { Shape = shape, Note = note };
    }

    private static AnnotationShape NormaliseShape(Guid id, AnnotationShape? shape, ReferralEvidence image)
    {
        var vertices = shape?.Vertices;
        if (shape is null || vertices is null || vertices.Count == 0)
        {
            throw new DomainException($"Annotation {id} marks no region: draw a rectangle, a polygon or a point.");
        }
        // A size of 0 means unknown: then only negative coordinates can be refused.
        var (width, height) = (image.Width, image.Height);
        var known = width > 0 && height > 0;
        var within = known ? Invariant($"the image, which is {width} × {height} pixels") : "the image (its size is unknown)";
        switch (shape.Kind)
        {
            case ShapeKind.Rectangle:
            {
                if (vertices.Count != 2)
                {
                    throw new DomainException($"Annotation {id}: a rectangle is given by its top-left corner and its size.");
                }
                var (x, y) = (vertices[0].X, vertices[0].Y);
                var (w, h) = ((long)vertices[1].X - x, (long)vertices[1].Y - y);
                if (w < 1 || h < 1)
                {
                    throw new DomainException($"Annotation {id}: a rectangle must be at least one pixel wide and high.");
                }
                if (x < 0 || y < 0 || (known && (x + w > width || y + h > height)))
                {
                    throw new DomainException(Invariant(
                        $"Annotation {id}: the rectangle (x {x}, y {y}, {w} × {h} pixels) does not lie within {within}."));
                }
                break;
            }
            case ShapeKind.Point:
            {
                if (vertices.Count != 1)
                {
                    throw new DomainException($"Annotation {id}: a point is one pixel.");
                }
                var (x, y) = (vertices[0].X, vertices[0].Y);
                if (x < 0 || y < 0 || (known && (x >= width || y >= height)))
                {
                    throw new DomainException(Invariant($"Annotation {id}: the point (x {x}, y {y}) does not lie within {within}."));
                }
                break;
            }
            case ShapeKind.Polygon:
            {
                if (vertices.Count < 3)
                {
                    throw new DomainException($"Annotation {id}: a polygon needs at least 3 points.");
                }
                if (vertices.Count > MaxPolygonVertices)
                {
                    throw new DomainException(Invariant($"Annotation {id}: a polygon can have at most {MaxPolygonVertices} points."));
                }
                for (var i = 0; i < vertices.Count; i++)
                {
                    var (x, y) = (vertices[i].X, vertices[i].Y);
                    if (x < 0 || y < 0 || (known && (x > width || y > height)))
                    {
                        throw new DomainException(Invariant(
                            $"Annotation {id}: point {i + 1} of the polygon (x {x}, y {y}) does not lie within {within}."));
                    }
                }
                if (TwiceTheArea(vertices) == 0)
                {
                    throw new DomainException($"Annotation {id}: the polygon's points lie on one line; it encloses nothing.");
                }
                break;
            }
            default:
                throw new DomainException($"Annotation {id}: the shape must be one of {Code.ListOf<ShapeKind>()}.");
        }
        return new AnnotationShape(shape.Kind, [.. vertices]);
    }

    // The shoelace formula, in long: coordinates are bounded by int, their products are not.
    private static long TwiceTheArea(IReadOnlyList<Vertex> vertices)
    {
        long sum = 0;
        for (var i = 0; i < vertices.Count; i++)
        {
            var (p, q) = (vertices[i], vertices[(i + 1) % vertices.Count]);
            sum += (long)p.X * q.Y - (long)q.X * p.Y;
        }
        return Math.Abs(sum);
    }

    private static IReadOnlyList<object> Calibrate(
        Referral current, CaseExamination examination, Guid evidenceImageId, ImagePoint a, ImagePoint b,
        ScaleCalibrationMethod method, double distanceMm, int? characterPitches, ExaminationActor actor, DateTimeOffset now)
    {
        var image = EvidenceImage(current, evidenceImageId);
        if (image.Dpi is { } dpi)
        {
            throw new DomainException(Invariant(
                $"This image was captured at {dpi} dpi; only images captured without a resolution are calibrated."));
        }
        if (PointProblem(a, image.Width, image.Height, "image") is { } problemA)
        {
            throw new DomainException($"Point A: {problemA}");
        }
        if (PointProblem(b, image.Width, image.Height, "image") is { } problemB)
        {
            throw new DomainException($"Point B: {problemB}");
        }
        var pixels = a.DistanceTo(b);
        if (pixels < MinCalibrationPointDistancePixels)
        {
            throw new DomainException(Invariant(
                $"The two points are {pixels:0.#} pixels apart; place them at least {MinCalibrationPointDistancePixels} pixels apart, as far apart as the known distance allows."));
        }
        var pixelsPerMm = pixels / distanceMm;
        var resulting = pixelsPerMm * ScaleCalibration.MillimetresPerInch;
        if (resulting < SpecimenDecider.MinDpi || resulting > SpecimenDecider.MaxDpi)
        {
            throw new DomainException(Invariant(
                $"{pixels:0.#} pixels for {distanceMm:0.###} mm would be {resulting:0.#} dpi, outside {SpecimenDecider.MinDpi} to {SpecimenDecider.MaxDpi} dpi; check the points and the distance."));
        }
        if (examination.CalibrationOf(evidenceImageId) is { } calibrated
            && calibrated.Method == method && calibrated.A == a && calibrated.B == b
            && calibrated.DistanceMm == distanceMm && calibrated.CharacterPitches == characterPitches)
        {
            return [];
        }
        return
        [
            new ScaleCalibrated(current.Id, evidenceImageId, method, a, b, distanceMm, characterPitches, pixelsPerMm,
                actor.Actor, now),
        ];
    }

    // A point may lie anywhere on the image, its far edges included; null when it does, else a clause to prefix.
    private static string? PointProblem(ImagePoint p, int width, int height, string what)
    {
        if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
        {
            return $"the point has no position on the {what}.";
        }
        var known = width > 0 && height > 0;
        if (p.X < 0 || p.Y < 0 || (known && (p.X > width || p.Y > height)))
        {
            return known
                ? Invariant($"the point (x {p.X:0.##}, y {p.Y:0.##}) does not lie within the {what}, which is {width} × {height} pixels.")
                : Invariant($"the point (x {p.X:0.##}, y {p.Y:0.##}) does not lie within the {what}.");
        }
        return null;
    }

    private static ReferralEvidence EvidenceImage(Referral current, Guid evidenceImageId) =>
        current.FindEvidence(evidenceImageId)
        ?? throw new DomainException($"Referral {current.Reference} has no such evidence image.");

    private static void RequireFinding(Finding finding)
    {
        if (!Enum.IsDefined(finding))
        {
            throw new DomainException($"The finding must be one of {Code.ListOf<Finding>()}.");
        }
    }

    // Plain text: trimmed, empty is none; control characters other than line breaks and tabs are refused, as no
    // report or export could show them.
    private static string? PlainText(string? text, string what)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }
        if (t.Length > MaxNoteLength)
        {
            throw new DomainException(Invariant($"{what} is longer than {MaxNoteLength} characters."));
        }
        if (t.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new DomainException($"{what} holds control characters; write plain text.");
        }
        return t;
    }

    private static string DocumentName(int document) => Invariant($"document {document + 1}");

    private static string ItemName(ChecklistItem? item) =>
        item is null ? "a feature" : $"the {SecurityFeatureTaxonomy.LabelOf(item.Category, item.Type)} feature";
}
