using DescPortal.Core.ReferenceLibrary;
using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

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
// Its parts, one file each: Annotations (marks on evidence images), Checklist (the reference specimen and the
// observations per feature), Calibration (an image's scale), Alignment (evidence onto specimen) and Mrz (a document's
// MRZ check). Here: who may act and the rules the parts share.
public static partial class ExaminationDecider
{
    public const int MaxNoteLength = 2000;

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
        CaseRules.RequireAssignedExaminer(current, actor.UserId, doing, Refusals.Cases.Work.Examination); // named: this class has its own overload
    }

    // ---- shared rules ------------------------------------------------------------------------------------------

    // A point may lie anywhere on the image, its far edges included; null when it does, else a clause to prefix.
    // What the image is: a phrase of Refusals.Examination.Images.
    private static Phrase? PointProblem(ImagePoint p, int width, int height, string what)
    {
        if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
        {
            return new Phrase(Refusals.Examination.PointWithoutPosition, new Phrase(what));
        }
        var known = width > 0 && height > 0;
        if (p.X < 0 || p.Y < 0 || (known && (p.X > width || p.Y > height)))
        {
            return known
                ? new Phrase(Refusals.Examination.PointOutsideImage, p.X, p.Y, new Phrase(what), width, height)
                : new Phrase(Refusals.Examination.PointOutsideImageOfUnknownSize, p.X, p.Y, new Phrase(what));
        }
        return null;
    }

    private static ReferralEvidence EvidenceImage(Referral current, Guid evidenceImageId) =>
        current.FindEvidence(evidenceImageId)
        ?? throw new DomainException(Refusals.Examination.NoSuchEvidenceImage, current.Reference);

    private static void RequireFinding(Finding finding)
    {
        if (!Enum.IsDefined(finding))
        {
            throw new DomainException(Refusals.Examination.FindingUnknown, Code.NamesOf<Finding>());
        }
    }

    // Plain text: trimmed, empty is none; control characters other than line breaks and tabs are refused, as no
    // report or export could show them. What the text is: a phrase naming it.
    private static string? PlainText(string? text, Phrase what)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }
        if (t.Length > MaxNoteLength)
        {
            throw new DomainException(Refusals.Examination.TextTooLong, what, MaxNoteLength);
        }
        if (t.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new DomainException(Refusals.Examination.TextControlCharacters, what);
        }
        return t;
    }

    private static Phrase DocumentName(int document) => new(Refusals.Examination.Document, document + 1);

    private static Phrase ItemName(ChecklistItem? item) =>
        item is null
            ? new Phrase(Refusals.Examination.AnyFeature)
            : new Phrase(Refusals.Examination.Feature, VocabularyLabel.OfFeatureType(item.Type));
}
