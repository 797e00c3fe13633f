using DescPortal.Core;
using DescPortal.Core.Examination;

namespace DescPortal.Web.Features.Examination;

/// <summary>
/// A mark being drawn or changed: its shape as the viewer gave it and what the form holds, until the decider accepts
/// it. Nothing of it is stored before; a refusal leaves it as typed, with <see cref="Error"/> saying why.
/// </summary>
public sealed class MarkDraft
{
    private MarkDraft(Annotation annotation, bool isChange) => (Annotation, IsChange) = (annotation, isChange);

    /// <summary>The shape and image, and for a change the mark's id; the fields below replace the rest when saved.</summary>
    public Annotation Annotation { get; }

    /// <summary>A recorded mark being changed, rather than a new one.</summary>
    public bool IsChange { get; }

    public Finding? Finding { get; set; }
    public Guid? FeatureId { get; set; }
    public string Note { get; set; } = "";
    public string? Error { get; set; }

    /// <summary>A new shape; what was typed into a form still open stays (only the shape is drawn again).</summary>
    public static MarkDraft New(Annotation annotation, MarkDraft? open) =>
        new(annotation, false) { Finding = open?.Finding, FeatureId = open?.FeatureId, Note = open?.Note ?? "" };

    public static MarkDraft Of(Annotation recorded) =>
        new(recorded, true) { Finding = recorded.Finding, FeatureId = recorded.Feature?.FeatureId, Note = recorded.Note ?? "" };

    /// <summary>The mark to record, its feature from the document's checklist; null while no finding is chosen.</summary>
    public Annotation? ToAnnotation(DocumentChecklist? checklist) => Finding is { } finding
        ? Annotation with
        {
            Finding = finding,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            Feature = FeatureId is { } f && checklist is not null ? new FeatureReference(checklist.SpecimenId, f) : null,
        }
        : null;
}

/// <summary>
/// A ruler's line about to be recorded as a measurement: its id (chosen when drawn), image, points and the length the
/// workspace shows (the decider measures again); what the note field holds, and why the last save was refused.
/// </summary>
public sealed record MeasurementDraft(Guid MeasurementId, Guid EvidenceImageId, ImagePoint A, ImagePoint B, double LengthMm)
{
    public string Note { get; set; } = "";
    public string? Error { get; set; }
}
