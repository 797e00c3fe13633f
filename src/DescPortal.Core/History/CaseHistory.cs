using DescPortal.Core.Examination;
using DescPortal.Core.Mrz;
using DescPortal.Core.Opinion;
using DescPortal.Core.Referrals;

namespace DescPortal.Core.History;

/// <summary>
/// A case's events in words, for its history on the case page and in the API: what changed, in the labels the pages
/// use ("Mark 3 added on image 2 (document 1, Data page, UV 365 nm (long-wave)): Inconsistent with the genuine").
/// No line names the bearer's personal data: not the names, dates, numbers or MRZ of the submission, nor free text
/// that may carry them (the reason for suspicion, the officer's image notes). What examiners and reviewers wrote
/// (notes, comments, reasons) goes beside the line for the centre only; requests for material and their answers, which
/// both sides exchange, for both.
/// </summary>
public static class CaseHistory
{
    /// <summary>
    /// The event in words, read against the case just before it: <paramref name="before"/> is null for the first event,
    /// and <paramref name="examination"/> is the examination so far (mark numbers, checklists). An event without a
    /// line of its own reads as its name (<see cref="HistoryLine.Named"/>).
    /// </summary>
    public static EventSummary Describe(object @event, Referral? before, CaseExamination examination)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(examination);
        return @event switch
        {
            ReferralSubmitted e => EventSummary.ForAll(new HistoryLine(
                e.Urgency == Urgency.Urgent ? HistoryCodes.ReferralSubmittedUrgent : HistoryCodes.ReferralSubmitted,
                e.Reference, e.BorderCrossingPoint, e.Documents.Select(d => VocabularyLabel.Of(d.DocumentType)).ToList())),
            EvidenceImageAttached e => EventSummary.ForAll(new HistoryLine(HistoryCodes.EvidenceAttached,
                Image((before?.Evidence.Count ?? 0) + 1, e.Document, e.Area, e.LightSource))),
            EvidenceThumbnailCreated e => EventSummary.ForAll(new HistoryLine(HistoryCodes.ThumbnailCreated, Image(before, e.EvidenceId))),
            EvidenceIntegrityFailed e => EventSummary.ForAll(new HistoryLine(HistoryCodes.IntegrityFailed, Image(before, e.EvidenceId),
                VocabularyLabel.Of(e.DetectedWhile))),
            CaseAssigned e => EventSummary.ForAll(new HistoryLine(HistoryCodes.CaseAssigned, e.ExaminerName)),
            // The examiner's words about the items: the centre reads them here, the agency in the report.
            ConditionOnReceiptAmended e => EventSummary.TextForCentre(new HistoryLine(HistoryCodes.ConditionAmended).WithText(e.Condition)),
            IExaminationEvent e => DescribeExamination(e, before, examination),
            IOpinionEvent e => DescribeOpinion(e, before),
            _ => EventSummary.ForAll(HistoryLine.Named(@event.GetType())),
        };
    }

    private static EventSummary DescribeExamination(IExaminationEvent @event, Referral? before, CaseExamination x) => @event switch
    {
        AnnotationAdded e => MarkLine(HistoryCodes.MarkAdded, HistoryCodes.MarkAddedOutline, x.NextMarkNumber, e.Annotation, before, x),
        AnnotationChanged e => MarkLine(HistoryCodes.MarkChanged, HistoryCodes.MarkChangedOutline,
            x.FindAnnotation(e.Annotation.AnnotationId)?.Number, e.Annotation, before, x),
        AnnotationRemoved e => EventSummary.ForAll(x.FindAnnotation(e.AnnotationId) is { } mark
            ? new HistoryLine(HistoryCodes.MarkRemoved, mark.Number, Image(before, mark.Annotation.EvidenceImageId))
            : new HistoryLine(HistoryCodes.MarkRemoved, "?", new Phrase(HistoryCodes.UnknownImage))),
        ReferenceSpecimenChosen e => new EventSummary(
            new HistoryLine(HistoryCodes.SpecimenChosen, e.Document + 1, e.SpecimenName, e.SpecimenVersion, e.Items.Count),
            new HistoryLine(HistoryCodes.SpecimenChosenOutline, e.Document + 1)),
        ChecklistObservationRecorded e => Observation(e, x),
        ScaleCalibrated e => EventSummary.ForAll(e.Method == ScaleCalibrationMethod.MrzCharacterPitch
            ? new HistoryLine(HistoryCodes.CalibratedByMrzPitch, Image(before, e.EvidenceImageId), e.CharacterPitches ?? 0,
                e.PixelsPerMillimetre * ScaleCalibration.MillimetresPerInch)
            : new HistoryLine(HistoryCodes.CalibratedByDistance, Image(before, e.EvidenceImageId), e.DistanceMm,
                e.PixelsPerMillimetre * ScaleCalibration.MillimetresPerInch)),
        ImagesAligned e => EventSummary.ForAll(new HistoryLine(HistoryCodes.Aligned, Image(before, e.EvidenceImageId),
            e.Pairs.Count, e.RmsResidualPixels)),
        MrzChecked e => MrzLine(e),
        // A result before review: the agency reads that a measurement was made, not its length.
        MeasurementRecorded e => new EventSummary(
            new HistoryLine(HistoryCodes.MeasurementRecorded, x.NextMeasurementNumber, Image(before, e.Measurement.EvidenceImageId),
                e.Measurement.LengthMm).WithText(e.Measurement.Note),
            new HistoryLine(HistoryCodes.MeasurementRecordedOutline, x.NextMeasurementNumber, Image(before, e.Measurement.EvidenceImageId))),
        MeasurementRemoved e => EventSummary.ForAll(x.FindMeasurement(e.MeasurementId) is { } m
            ? new HistoryLine(HistoryCodes.MeasurementRemoved, m.Number, Image(before, m.Measurement.EvidenceImageId))
            : new HistoryLine(HistoryCodes.MeasurementRemoved, "?", new Phrase(HistoryCodes.UnknownImage))),
        _ => EventSummary.ForAll(HistoryLine.Named(@event.GetType())),
    };

    private static EventSummary DescribeOpinion(IOpinionEvent @event, Referral? before) => @event switch
    {
        // The fraud type is unreviewed until approval: the agency learns it from the approved opinion, not here.
        OpinionDrafted e => new EventSummary(
            e.FraudType == FraudType.Forged && e.ForgerySubTypes.Count > 0
                ? new HistoryLine(HistoryCodes.OpinionDraftedForged, e.Document + 1, VocabularyLabel.Of(e.FraudType),
                    e.ForgerySubTypes.Select(t => VocabularyLabel.Of(t)).ToList())
                : new HistoryLine(HistoryCodes.OpinionDrafted, e.Document + 1, VocabularyLabel.Of(e.FraudType)),
            new HistoryLine(HistoryCodes.OpinionDraftedOutline, e.Document + 1)),
        InformationRequested e => EventSummary.ForAll(new HistoryLine(HistoryCodes.InformationRequested).WithText(e.Message)),
        InformationProvided e => EventSummary.ForAll((e.EvidenceIds.Count == 0
            ? new HistoryLine(HistoryCodes.InformationProvided)
            : new HistoryLine(HistoryCodes.InformationProvidedWithImages, e.EvidenceIds.Select(id => Image(before, id)).ToList()))
            .WithText(e.Message)),
        SubmittedForReview e => EventSummary.TextForCentre(new HistoryLine(HistoryCodes.SubmittedForReview, e.Round).WithText(e.AnswerToReview)),
        ReviewReturned e => EventSummary.TextForCentre(new HistoryLine(HistoryCodes.ReviewReturned, e.Round, e.ReviewerName).WithText(e.Comments)),
        OpinionApproved e => EventSummary.ForAll(new HistoryLine(HistoryCodes.OpinionApproved, e.Round, e.ReviewerName)),
        ReportIssued e => EventSummary.ForAll(e.Supersedes is { } superseded
            ? new HistoryLine(HistoryCodes.ReportIssuedSuperseding, e.ReportNumber, superseded)
            : new HistoryLine(HistoryCodes.ReportIssued, e.ReportNumber)),
        CaseReopened e => EventSummary.TextForCentre(new HistoryLine(HistoryCodes.CaseReopened, e.ReportNumber).WithText(e.Reason)),
        _ => EventSummary.ForAll(HistoryLine.Named(@event.GetType())),
    };

    // A mark: its number, image and finding (on the feature it shows, if any), with the examiner's note for the centre;
    // for the agency only where it is, as the finding is not reviewed yet.
    private static EventSummary MarkLine(string code, string outlineCode, int? number, Annotation annotation, Referral? before,
        CaseExamination x)
    {
        object mark = number is { } n ? n : "?";
        var image = Image(before, annotation.EvidenceImageId);
        object finding = annotation.Feature is { } f && FeatureOf(x, f) is { } item
            ? new Phrase(HistoryCodes.FindingOnFeature, VocabularyLabel.OfFeatureType(item.Type), VocabularyLabel.Of(annotation.Finding))
            : VocabularyLabel.Of(annotation.Finding);
        return new EventSummary(
            new HistoryLine(code, mark, image, finding).WithText(annotation.Note),
            new HistoryLine(outlineCode, mark, image));
    }

    private static EventSummary Observation(ChecklistObservationRecorded e, CaseExamination x)
    {
        var checklist = x.ChecklistOf(e.Document);
        object feature = checklist?.FindItem(e.FeatureId) is { } item
            ? VocabularyLabel.OfFeatureType(item.Type)
            : new Phrase(HistoryCodes.UnknownFeature);
        var number = checklist?.NumberOf(e.FeatureId) ?? 0;
        var marks = x.MarkNumbersOf(e.AnnotationIds);
        var line = marks.Count == 0
            ? new HistoryLine(HistoryCodes.Observed, e.Document + 1, number, feature, VocabularyLabel.Of(e.Finding))
            : new HistoryLine(HistoryCodes.ObservedWithMarks, e.Document + 1, number, feature, VocabularyLabel.Of(e.Finding), marks);
        return new EventSummary(line.WithText(e.Note), new HistoryLine(HistoryCodes.ObservedOutline, e.Document + 1, number, feature));
    }

    // The outcome names fields, never their values (the event holds none).
    private static EventSummary MrzLine(MrzChecked e)
    {
        object outcome = e.Valid ? new Phrase(HistoryCodes.MrzValid) : new Phrase(HistoryCodes.MrzErrors, e.ErrorCount);
        var differing = e.Comparison.Where(c => c.Result == MrzComparisonResult.Discrepancy).Select(c => VocabularyLabel.Of(c.Field)).ToList();
        return new EventSummary(
            differing.Count == 0
                ? new HistoryLine(HistoryCodes.MrzChecked, e.Document + 1, outcome)
                : new HistoryLine(HistoryCodes.MrzCheckedWithDiscrepancies, e.Document + 1, outcome, differing),
            new HistoryLine(HistoryCodes.MrzCheckedOutline, e.Document + 1));
    }

    // An evidence image as the case page shows it: its number in the case (the order of the evidence), its document,
    // area and light.
    private static Phrase Image(int number, int document, DocumentArea area, LightSource light) =>
        new(HistoryCodes.Image, number, document + 1, VocabularyLabel.Of(area), VocabularyLabel.Of(light));

    private static Phrase Image(Referral? before, Guid evidenceId)
    {
        var evidence = before?.Evidence ?? [];
        for (var i = 0; i < evidence.Count; i++)
        {
            if (evidence[i].EvidenceId == evidenceId)
            {
                return Image(i + 1, evidence[i].Document, evidence[i].Area, evidence[i].LightSource);
            }
        }
        return new Phrase(HistoryCodes.UnknownImage);
    }

    private static ChecklistItem? FeatureOf(CaseExamination x, FeatureReference feature) =>
        x.Checklists.Where(c => c.SpecimenId == feature.SpecimenId).Select(c => c.FindItem(feature.FeatureId)).FirstOrDefault(i => i is not null);
}
