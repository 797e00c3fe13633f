using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;
using static System.FormattableString;

namespace DescPortal.Core.Examination;

// Annotations: the examiner marks regions of evidence images (rectangles, polygons, points), changes and removes them.
public static partial class ExaminationDecider
{
    public const int MaxPolygonVertices = 1000;

    /// <summary>
    /// Marks a region of an evidence image. The same annotation again changes nothing; another under the same id, or
    /// the id of a removed annotation, is refused.
    /// </summary>
    public static IReadOnlyList<object> AddAnnotation(
        Referral current, CaseExamination examination, Annotation annotation, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.AnnotateEvidence);
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
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.AnnotateEvidence);
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
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.AnnotateEvidence);
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
}
