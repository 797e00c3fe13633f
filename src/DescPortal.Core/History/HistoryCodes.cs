namespace DescPortal.Core.History;

/// <summary>
/// The codes of history lines, with their English in Resources/History.resx: lowercase dotted words, one per meaning,
/// as <see cref="Refusals"/> are. The API gives the words, not the codes, so a code may be reworded freely.
/// </summary>
public static class HistoryCodes
{
    /// <summary>An event without a line of its own, as its name in words.</summary>
    public const string Event = "history.event";

    /// <summary>An evidence image, nested in a line: its number in the case, document, area and light.</summary>
    public const string Image = "history.image";

    /// <summary>An evidence image the case does not hold (never expected: deciders refuse unknown images), nested.</summary>
    public const string UnknownImage = "history.image.unknown";

    public const string ReferralSubmitted = "history.referral.submitted";
    public const string ReferralSubmittedUrgent = "history.referral.submitted-urgent";
    public const string EvidenceAttached = "history.evidence.attached";
    public const string ThumbnailCreated = "history.evidence.thumbnail-created";
    public const string IntegrityFailed = "history.evidence.integrity-failed";
    public const string CaseAssigned = "history.case.assigned";
    public const string ConditionAmended = "history.case.condition-amended";

    public const string MarkAdded = "history.mark.added";
    public const string MarkAddedOutline = "history.mark.added-outline";
    public const string MarkChanged = "history.mark.changed";
    public const string MarkChangedOutline = "history.mark.changed-outline";
    public const string MarkRemoved = "history.mark.removed";

    /// <summary>A mark's or an observation's finding on a named feature, nested in a line.</summary>
    public const string FindingOnFeature = "history.finding.on-feature";

    public const string SpecimenChosen = "history.checklist.specimen-chosen";
    public const string SpecimenChosenOutline = "history.checklist.specimen-chosen-outline";
    public const string Observed = "history.checklist.observed";
    public const string ObservedWithMarks = "history.checklist.observed-with-marks";
    public const string ObservedOutline = "history.checklist.observed-outline";

    /// <summary>A checklist feature the case no longer names (its checklist was replaced), nested in a line.</summary>
    public const string UnknownFeature = "history.checklist.unknown-feature";

    public const string CalibratedByDistance = "history.scale.calibrated-by-distance";
    public const string CalibratedByMrzPitch = "history.scale.calibrated-by-mrz-pitch";
    public const string Aligned = "history.alignment.aligned";
    public const string MeasurementRecorded = "history.measurement.recorded";
    public const string MeasurementRecordedOutline = "history.measurement.recorded-outline";
    public const string MeasurementRemoved = "history.measurement.removed";
    public const string MrzValid = "history.mrz.valid";
    public const string MrzErrors = "history.mrz.errors";
    public const string MrzChecked = "history.mrz.checked";
    public const string MrzCheckedWithDiscrepancies = "history.mrz.checked-with-discrepancies";
    public const string MrzCheckedOutline = "history.mrz.checked-outline";

    public const string OpinionDrafted = "history.opinion.drafted";
    public const string OpinionDraftedForged = "history.opinion.drafted-forged";
    public const string OpinionDraftedOutline = "history.opinion.drafted-outline";
    public const string InformationRequested = "history.information.requested";
    public const string InformationProvided = "history.information.provided";
    public const string InformationProvidedWithImages = "history.information.provided-with-images";
    public const string SubmittedForReview = "history.review.submitted";
    public const string ReviewReturned = "history.review.returned";
    public const string OpinionApproved = "history.review.approved";
    public const string ReportIssued = "history.report.issued";
    public const string ReportIssuedSuperseding = "history.report.issued-superseding";
    public const string CaseReopened = "history.case.reopened";

    // A specimen's history (LibraryHistory).
    public const string SpecimenCreated = "history.specimen.created";
    public const string SpecimenImported = "history.specimen.imported";
    public const string SpecimenUpdatedFromArchive = "history.specimen.updated-from-archive";
    public const string SpecimenDetailsChanged = "history.specimen.details-changed";
    public const string SpecimenImageAdded = "history.specimen.image-added";
    public const string FeatureAdded = "history.specimen.feature-added";
    public const string FeatureChanged = "history.specimen.feature-changed";
    public const string FeatureRemoved = "history.specimen.feature-removed";
    public const string SubmittedForConfirmation = "history.specimen.submitted-for-confirmation";
    public const string SpecimenConfirmed = "history.specimen.confirmed";
    public const string CorrectionProposed = "history.specimen.correction-proposed";
}
