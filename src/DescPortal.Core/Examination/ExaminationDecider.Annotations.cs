using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

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
                : throw new DomainException(Refusals.Examination.AnnotationExistsOtherwise, n.AnnotationId);
        }
        if (examination.WasRemoved(n.AnnotationId))
        {
            throw new DomainException(Refusals.Examination.AnnotationRemoved, n.AnnotationId);
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
            ?? throw new DomainException(Refusals.Examination.AnnotationNotFound, annotation.AnnotationId);
        var n = NormaliseAnnotation(current, examination, annotation);
        if (existing.Annotation == n)
        {
            return [];
        }
        var document = current.FindEvidence(n.EvidenceImageId)!.Document;
        var citing = examination.ObservationsCiting(n.AnnotationId).Where(c => c.Document != document).ToList();
        if (citing.Count > 0)
        {
            throw new DomainException(Refusals.Examination.AnnotationCitedElsewhere,
                n.AnnotationId, DocumentName(citing[0].Document), DocumentName(document));
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
            throw new DomainException(Refusals.Examination.AnnotationCited, annotationId, ItemName(item), DocumentName(document));
        }
        return [new AnnotationRemoved(current.Id, annotationId, actor.Actor, now)];
    }

    private static Annotation NormaliseAnnotation(Referral current, CaseExamination examination, Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        RequireId(annotation.AnnotationId, nameof(annotation));
        var id = annotation.AnnotationId;
        var image = current.FindEvidence(annotation.EvidenceImageId)
            ?? throw new DomainException(Refusals.Examination.AnnotationNoSuchImage, id, current.Reference);
        var shape = NormaliseShape(id, annotation.Shape, image);
        RequireFinding(annotation.Finding);
        var note = PlainText(annotation.Note, new Phrase(Refusals.Examination.Text.AnnotationNote, id));

        if (annotation.Feature is { } feature)
        {
            if (feature.SpecimenId == Guid.Empty || feature.FeatureId == Guid.Empty)
            {
                throw new DomainException(Refusals.Examination.AnnotationFeatureUnnamed, id);
            }
            if (examination.ChecklistOf(image.Document) is { } checklist)
            {
                if (feature.SpecimenId != checklist.SpecimenId)
                {
                    throw new DomainException(Refusals.Examination.AnnotationOtherSpecimen, id, DocumentName(image.Document), checklist.SpecimenName);
                }
                if (checklist.FindItem(feature.FeatureId) is null)
                {
                    throw new DomainException(Refusals.Examination.AnnotationNoSuchFeature, id, checklist.SpecimenName, checklist.SpecimenVersion);
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
            throw new DomainException(Refusals.Examination.AnnotationNoRegion, id);
        }
        // A size of 0 means unknown: then only negative coordinates can be refused.
        var (width, height) = (image.Width, image.Height);
        var known = width > 0 && height > 0;
        var within = known
            ? new Phrase(Refusals.Examination.WithinImage, width, height)
            : new Phrase(Refusals.Examination.WithinImageOfUnknownSize);
        switch (shape.Kind)
        {
            case ShapeKind.Rectangle:
            {
                if (vertices.Count != 2)
                {
                    throw new DomainException(Refusals.Examination.RectangleMalformed, id);
                }
                var (x, y) = (vertices[0].X, vertices[0].Y);
                var (w, h) = ((long)vertices[1].X - x, (long)vertices[1].Y - y);
                if (w < 1 || h < 1)
                {
                    throw new DomainException(Refusals.Examination.RectangleEmpty, id);
                }
                if (x < 0 || y < 0 || (known && (x + w > width || y + h > height)))
                {
                    throw new DomainException(Refusals.Examination.RectangleOutside, id, x, y, w, h, within);
                }
                break;
            }
            case ShapeKind.Point:
            {
                if (vertices.Count != 1)
                {
                    throw new DomainException(Refusals.Examination.PointMalformed, id);
                }
                var (x, y) = (vertices[0].X, vertices[0].Y);
                if (x < 0 || y < 0 || (known && (x >= width || y >= height)))
                {
                    throw new DomainException(Refusals.Examination.PointOutside, id, x, y, within);
                }
                break;
            }
            case ShapeKind.Polygon:
            {
                if (vertices.Count < 3)
                {
                    throw new DomainException(Refusals.Examination.PolygonTooFewPoints, id);
                }
                if (vertices.Count > MaxPolygonVertices)
                {
                    throw new DomainException(Refusals.Examination.PolygonTooManyPoints, id, MaxPolygonVertices);
                }
                for (var i = 0; i < vertices.Count; i++)
                {
                    var (x, y) = (vertices[i].X, vertices[i].Y);
                    if (x < 0 || y < 0 || (known && (x > width || y > height)))
                    {
                        throw new DomainException(Refusals.Examination.PolygonPointOutside, id, i + 1, x, y, within);
                    }
                }
                if (TwiceTheArea(vertices) == 0)
                {
                    throw new DomainException(Refusals.Examination.PolygonFlat, id);
                }
                break;
            }
            default:
                throw new DomainException(Refusals.Examination.ShapeUnknown, id, Code.NamesOf<ShapeKind>());
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
