using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Examination;

// Checklist: a document's reference specimen gives its checklist; the examiner records an observation per feature.
public static partial class ExaminationDecider
{
    public const int MaxLinkedAnnotations = 100;

    /// <summary>
    /// Chooses the genuine specimen a document is compared with and generates its checklist from the specimen's
    /// features, in inspection-level order, then in the specimen's feature order. The same specimen at the same content
    /// version again changes nothing; another (or a newer version) replaces the checklist, and the observations of
    /// features still on it are kept.
    /// </summary>
    public static IReadOnlyList<object> ChooseReferenceSpecimen(
        Referral current, CaseExamination examination, int document, Specimen specimen, ExaminationActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.ChooseReferenceSpecimens);
        RequireDocument(current, document);
        ArgumentNullException.ThrowIfNull(specimen);
        if (specimen.IsWithdrawn)
        {
            throw new DomainException(Refusals.Examination.SpecimenWithdrawn, specimen.Name);
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
        RequireAssignedExaminer(current, examination, actor, now, Refusals.Cases.Doing.RecordObservations);
        RequireDocument(current, document);
        ArgumentNullException.ThrowIfNull(annotationIds);
        var checklist = examination.ChecklistOf(document)
            ?? throw new DomainException(Refusals.Examination.ChecklistMissing, DocumentName(document));
        var item = checklist.FindItem(featureId)
            ?? throw new DomainException(Refusals.Examination.ChecklistNoSuchFeature, DocumentName(document), checklist.SpecimenName);
        RequireFinding(finding);
        var n = PlainText(note, new Phrase(Refusals.Examination.Text.Note));

        var ids = annotationIds.Distinct().ToList();
        if (ids.Count > MaxLinkedAnnotations)
        {
            throw new DomainException(Refusals.Examination.ObservationTooManyAnnotations, MaxLinkedAnnotations);
        }
        foreach (var id in ids)
        {
            var annotation = examination.FindAnnotation(id)
                ?? throw new DomainException(Refusals.Examination.ObservationAnnotationGone, id);
            var on = current.FindEvidence(annotation.Annotation.EvidenceImageId)?.Document;
            if (on != document)
            {
                throw new DomainException(Refusals.Examination.ObservationAnnotationElsewhere, id,
                    on is { } d ? DocumentName(d) : new Phrase(Refusals.Examination.NoDocument), ItemName(item), DocumentName(document));
            }
        }

        if (checklist.ObservationOf(featureId) is { } existing
            && existing.Finding == finding && existing.Note == n && existing.AnnotationIds.SequenceEqual(ids))
        {
            return [];
        }
        return [new ChecklistObservationRecorded(current.Id, document, featureId, finding, n, ids, actor.Actor, now)];
    }
}
