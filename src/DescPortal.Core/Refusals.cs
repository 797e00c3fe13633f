namespace DescPortal.Core;

/// <summary>
/// Every code a refusal or a field error carries, and the phrases their wording is made of, in one place. Codes are
/// what other systems see (the API's <c>code</c> and <c>codes</c>): lowercase dotted words, one per meaning, never
/// reworded or reused. Their English is Resources/Refusals.resx; <see cref="Wording"/> reads it.
/// </summary>
public static class Refusals
{
    /// <summary>Several refusals at once, each worded in turn (a form's every problem, so it is fixed in one go).</summary>
    public const string Several = "several-problems";

    /// <summary>A case as a whole: who may work on it, its documents and evidence, its assignment.</summary>
    public static class Cases
    {
        public const string NotAssigned = "case.not-assigned";
        public const string OtherExaminer = "case.other-examiner";
        public const string NotOpenForWork = "case.not-open-for-work";
        public const string NoSuchDocument = "case.no-such-document";
        public const string NotAssignable = "case.not-assignable";
        public const string AssignedToOther = "case.assigned-to-other";
        public const string NoSuchEvidence = "case.no-such-evidence";
        public const string NotAwaitingMaterial = "case.not-awaiting-material";
        public const string ImageNoSuchDocument = "case.image.no-such-document";

        /// <summary>A case's status inside a refusal ("Referral … is in review").</summary>
        public static class Status
        {
            public const string Submitted = "case.status.submitted";
            public const string InExamination = "case.status.in-examination";
            public const string AwaitingInformation = "case.status.awaiting-information";
            public const string InReview = "case.status.in-review";
            public const string Returned = "case.status.returned";
            public const string Approved = "case.status.approved";
            public const string Reported = "case.status.reported";
            public const string Closed = "case.status.closed";
            public const string Withdrawn = "case.status.withdrawn";
        }

        /// <summary>What is worked on, inside <see cref="NotOpenForWork"/>.</summary>
        public static class Work
        {
            public const string Examination = "case.work.examination";
            public const string Opinion = "case.work.opinion";
        }

        /// <summary>What only the assigned examiner may do, inside <see cref="NotAssigned"/> and <see cref="OtherExaminer"/>.</summary>
        public static class Doing
        {
            public const string AnnotateEvidence = "case.doing.annotate-evidence";
            public const string ChooseReferenceSpecimens = "case.doing.choose-reference-specimens";
            public const string RecordObservations = "case.doing.record-observations";
            public const string RecordMrzChecks = "case.doing.record-mrz-checks";
            public const string CalibrateImages = "case.doing.calibrate-images";
            public const string AlignImages = "case.doing.align-images";
            public const string DraftOpinion = "case.doing.draft-opinion";
            public const string SubmitOpinion = "case.doing.submit-opinion";
            public const string AskForMaterial = "case.doing.ask-for-material";
        }
    }

    /// <summary>A referral's fields, as a border system or the officer's form sends them.</summary>
    public static class Referral
    {
        public const string CrossingPointRequired = "referral.crossing-point.required";
        public const string CrossingPointNotAgency = "referral.crossing-point.not-agency";
        public const string InterceptedAtRequired = "referral.intercepted-at.required";
        public const string InterceptedAtFuture = "referral.intercepted-at.future";
        public const string ReasonRequired = "referral.reason.required";
        public const string UrgencyRequired = "referral.urgency.required";
        public const string UrgencyUnknown = "referral.urgency.unknown";
        public const string AnswerByRequired = "referral.answer-by.required";
        public const string AnswerByNotAfterInterception = "referral.answer-by.not-after-interception";
        public const string BearerRequired = "referral.bearer.required";
        public const string SurnameRequired = "referral.surname.required";
        public const string NameNotLatin = "referral.name.not-latin";
        public const string CountryRequired = "referral.country.required";
        public const string CountryUnknown = "referral.country.unknown";
        public const string TextTooLong = "referral.text.too-long";
        public const string DateOfBirthFuture = "referral.date-of-birth.future";
        public const string SexUnknown = "referral.sex.unknown";
        public const string DocumentsRequired = "referral.documents.required";
        public const string DocumentTypeRequired = "referral.document-type.required";
        public const string DocumentTypeUnknown = "referral.document-type.unknown";
        public const string ImagesRequired = "referral.images.required";
        public const string ImagesTooMany = "referral.images.too-many";
        public const string ImageDocumentUnstated = "referral.image.document-unstated";
        public const string ImageDocumentNegative = "referral.image.document-negative";
        public const string ImageDocumentBeyond = "referral.image.document-beyond";
        public const string LightSourceUnknown = "referral.light-source.unknown";
        public const string AreaUnknown = "referral.area.unknown";
        public const string DpiOutOfRange = "referral.dpi.out-of-range";
        public const string WavelengthOutOfRange = "referral.wavelength.out-of-range";
        public const string CapturedAtFuture = "referral.captured-at.future";

        /// <summary>Fields named inside another refusal's words.</summary>
        public static class Field
        {
            public const string Reason = "referral.field.reason";
            public const string Surname = "referral.field.surname";
            public const string GivenNames = "referral.field.given-names";
            public const string NationalName = "referral.field.national-name";
            public const string Nationality = "referral.field.nationality";
            public const string IssuingState = "referral.field.issuing-state";
            public const string DocumentNumber = "referral.field.document-number";
            public const string Mrz = "referral.field.mrz";
            public const string CaptureDevice = "referral.field.capture-device";
            public const string Note = "referral.field.note";
        }
    }

    /// <summary>A date known in part (<see cref="DescPortal.Core.PartialDate"/>), as typed.</summary>
    public static class PartialDate
    {
        public const string Malformed = "date.malformed";
        public const string YearOutOfRange = "date.year-out-of-range";
        public const string DayWithoutMonth = "date.day-without-month";
        public const string NoSuchMonth = "date.no-such-month";
        public const string NoSuchDay = "date.no-such-day";

        /// <summary>The months' names, January first.</summary>
        public static readonly IReadOnlyList<string> Months =
            ["month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8", "month.9", "month.10", "month.11", "month.12"];
    }

    /// <summary>The examiner's work on a case: annotations, the checklist, calibration and alignment.</summary>
    public static class Examination
    {
        public const string NoSuchEvidenceImage = "examination.no-such-evidence-image";
        public const string FindingUnknown = "examination.finding.unknown";
        public const string TextTooLong = "examination.text.too-long";
        public const string TextControlCharacters = "examination.text.control-characters";
        public const string PointWithoutPosition = "examination.point.without-position";
        public const string PointOutsideImage = "examination.point.outside-image";
        public const string PointOutsideImageOfUnknownSize = "examination.point.outside-image-of-unknown-size";
        public const string Document = "examination.document";
        public const string NoDocument = "examination.no-document";
        public const string Feature = "examination.feature";
        public const string AnyFeature = "examination.any-feature";
        public const string AnnotationExistsOtherwise = "examination.annotation.exists-otherwise";
        public const string AnnotationRemoved = "examination.annotation.removed";
        public const string AnnotationNotFound = "examination.annotation.not-found";
        public const string AnnotationCitedElsewhere = "examination.annotation.cited-elsewhere";
        public const string AnnotationCited = "examination.annotation.cited";
        public const string AnnotationNoSuchImage = "examination.annotation.no-such-image";
        public const string AnnotationFeatureUnnamed = "examination.annotation.feature-unnamed";
        public const string AnnotationOtherSpecimen = "examination.annotation.other-specimen";
        public const string AnnotationNoSuchFeature = "examination.annotation.no-such-feature";
        public const string AnnotationNoRegion = "examination.annotation.no-region";
        public const string WithinImage = "examination.within-image";
        public const string WithinImageOfUnknownSize = "examination.within-image-of-unknown-size";
        public const string RectangleMalformed = "examination.rectangle.malformed";
        public const string RectangleEmpty = "examination.rectangle.empty";
        public const string RectangleOutside = "examination.rectangle.outside";
        public const string PointMalformed = "examination.point.malformed";
        public const string PointOutside = "examination.point.outside";
        public const string PolygonTooFewPoints = "examination.polygon.too-few-points";
        public const string PolygonTooManyPoints = "examination.polygon.too-many-points";
        public const string PolygonPointOutside = "examination.polygon.point-outside";
        public const string PolygonFlat = "examination.polygon.flat";
        public const string ShapeUnknown = "examination.shape.unknown";
        public const string SpecimenWithdrawn = "examination.specimen.withdrawn";
        public const string ChecklistMissing = "examination.checklist.missing";
        public const string ChecklistNoSuchFeature = "examination.checklist.no-such-feature";
        public const string ObservationTooManyAnnotations = "examination.observation.too-many-annotations";
        public const string ObservationAnnotationGone = "examination.observation.annotation-gone";
        public const string ObservationAnnotationElsewhere = "examination.observation.annotation-elsewhere";
        public const string CalibrationDistanceNotPositive = "examination.calibration.distance-not-positive";
        public const string CalibrationPitchesOutOfRange = "examination.calibration.pitches-out-of-range";
        public const string CalibrationImageHasResolution = "examination.calibration.image-has-resolution";
        public const string CalibrationPointA = "examination.calibration.point-a";
        public const string CalibrationPointB = "examination.calibration.point-b";
        public const string CalibrationPointsTooClose = "examination.calibration.points-too-close";
        public const string CalibrationImplausible = "examination.calibration.implausible";
        public const string AlignmentNoSuchSpecimenImage = "examination.alignment.no-such-specimen-image";
        public const string AlignmentTooFewPairs = "examination.alignment.too-few-pairs";
        public const string AlignmentTooManyPairs = "examination.alignment.too-many-pairs";
        public const string AlignmentPairRefused = "examination.alignment.pair-refused";
        public const string AlignmentUnderThreePairs = "examination.alignment.under-three-pairs";
        public const string AlignmentPointsCoincide = "examination.alignment.points-coincide";
        public const string AlignmentPointsInLine = "examination.alignment.points-in-line";

        /// <summary>Texts named inside <see cref="TextTooLong"/> and <see cref="TextControlCharacters"/>.</summary>
        public static class Text
        {
            public const string AnnotationNote = "examination.text.annotation-note";
            public const string Note = "examination.text.note";
        }

        /// <summary>The images (and their points) named inside the refusals of a point.</summary>
        public static class Images
        {
            public const string Image = "examination.image.image";
            public const string SpecimenImage = "examination.image.specimen-image";
            public const string EvidenceImage = "examination.image.evidence-image";
            public const string Specimen = "examination.image.specimen";
            public const string Evidence = "examination.image.evidence";
        }
    }

    /// <summary>The examiner's opinion on a document.</summary>
    public static class Opinion
    {
        public const string FraudTypeRequired = "opinion.fraud-type.required";
        public const string FraudTypeUnknown = "opinion.fraud-type.unknown";
        public const string ForgerySubTypesUnknown = "opinion.forgery-sub-types.unknown";
        public const string ForgerySubTypesNotForged = "opinion.forgery-sub-types.not-forged";
        public const string ForgerySubTypeRequired = "opinion.forgery-sub-type.required";
        public const string ConclusionRequired = "opinion.conclusion.required";
        public const string LimitationsRequired = "opinion.limitations.required";
        public const string PropositionRequired = "opinion.proposition.required";
        public const string AlternativePropositionRequired = "opinion.alternative-proposition.required";
        public const string AlternativePropositionSame = "opinion.alternative-proposition.same";
        public const string SupportUnknown = "opinion.support.unknown";
        public const string TextTooLong = "opinion.text.too-long";
        public const string TextControlCharacters = "opinion.text.control-characters";
        public const string DocumentWithoutOpinion = "opinion.document.without-opinion";
        public const string ReviewAnswerMissing = "opinion.review-answer.missing";
        public const string ReviewAnswerUnasked = "opinion.review-answer.unasked";
        public const string RequestSentOtherwise = "opinion.request.sent-otherwise";
        public const string RequestMessageRequired = "opinion.request.message-required";
        public const string RequestNotFound = "opinion.request.not-found";
        public const string RequestAnswered = "opinion.request.answered";
        public const string RequestNotAwaited = "opinion.request.not-awaited";
        public const string AnswerEmpty = "opinion.answer.empty";
        public const string AnswerNoSuchEvidence = "opinion.answer.no-such-evidence";
        public const string AnswerEvidenceGiven = "opinion.answer.evidence-given";
        public const string ApprovalByOtherReviewer = "opinion.approval.by-other-reviewer";
        public const string ReviewCommentsRequired = "opinion.review.comments-required";
        public const string ReviewOwnCase = "opinion.review.own-case";
        public const string ReviewNotInReview = "opinion.review.not-in-review";
        public const string ReportWithoutCurrentApproval = "opinion.report.without-current-approval";
        public const string ReportPlanStale = "opinion.report.plan-stale";
        public const string ReportCodeUsed = "opinion.report.code-used";
        public const string ReopenNotReported = "opinion.reopen.not-reported";
        public const string ReopenReasonRequired = "opinion.reopen.reason-required";

        /// <summary>Texts named inside <see cref="TextTooLong"/> and <see cref="TextControlCharacters"/>.</summary>
        public static class Text
        {
            public const string Findings = "opinion.text.findings";
            public const string Conclusion = "opinion.text.conclusion";
            public const string Limitations = "opinion.text.limitations";
            public const string Proposition = "opinion.text.proposition";
            public const string AlternativeProposition = "opinion.text.alternative-proposition";
            public const string MessageToOfficer = "opinion.text.message-to-officer";
            public const string AnswerToExaminer = "opinion.text.answer-to-examiner";
            public const string ReviewComments = "opinion.text.review-comments";
            public const string AnswerToReview = "opinion.text.answer-to-review";
            public const string ReopeningReason = "opinion.text.reopening-reason";
        }

        /// <summary>What a reviewer would do, inside <see cref="ReviewOwnCase"/>.</summary>
        public static class Doing
        {
            public const string Approve = "opinion.doing.approve";
            public const string Return = "opinion.doing.return";
        }

        /// <summary>What would be done, inside <see cref="ReviewNotInReview"/>.</summary>
        public static class Done
        {
            public const string Approved = "opinion.done.approved";
            public const string Returned = "opinion.done.returned";
        }
    }

    /// <summary>A specimen of the reference library: its editing, confirmation and import from archives.</summary>
    public static class Specimen
    {
        public const string EditorsOnly = "specimen.editors-only";
        public const string Withdrawn = "specimen.withdrawn";
        public const string IssuingStateUnknown = "specimen.issuing-state.unknown";
        public const string TextTooLong = "specimen.text.too-long";
        public const string ImageDescribed = "specimen.image.described";
        public const string AreasDropped = "specimen.areas.dropped";
        public const string ImageExistsOtherwise = "specimen.image.exists-otherwise";
        public const string ImageDuplicateFile = "specimen.image.duplicate-file";
        public const string FeatureExistsOtherwise = "specimen.feature.exists-otherwise";
        public const string FeatureNotFound = "specimen.feature.not-found";
        public const string WithdrawalReasonRequired = "specimen.withdrawal.reason-required";
        public const string DocumentTypeUnknown = "specimen.document-type.unknown";
        public const string FormatUnknown = "specimen.format.unknown";
        public const string SeriesRequired = "specimen.series.required";
        public const string IssuedFromTooEarly = "specimen.issued-from.too-early";
        public const string IssuedToBeforeFrom = "specimen.issued-to.before-from";
        public const string AreasRequired = "specimen.areas.required";
        public const string AreasUnknown = "specimen.areas.unknown";
        public const string LightSourceUnknown = "specimen.light-source.unknown";
        public const string AreaUnknown = "specimen.area.unknown";
        public const string AreaNotShown = "specimen.area.not-shown";
        public const string DpiRequired = "specimen.dpi.required";
        public const string WavelengthOutOfRange = "specimen.wavelength.out-of-range";
        public const string CategoryUnknown = "specimen.category.unknown";
        public const string FeatureTypeNotInCategory = "specimen.feature-type.not-in-category";
        public const string LightsRequired = "specimen.lights.required";
        public const string LightsUnknown = "specimen.lights.unknown";
        public const string InspectionLevelOutOfRange = "specimen.inspection-level.out-of-range";
        public const string FeatureDescriptionRequired = "specimen.feature.description-required";
        public const string LocationsRequired = "specimen.locations.required";
        public const string LocationsTooMany = "specimen.locations.too-many";
        public const string AnyFeature = "specimen.any-feature";
        public const string RegionEmpty = "specimen.region.empty";
        public const string RegionNoSuchImage = "specimen.region.no-such-image";
        public const string RegionTooSmall = "specimen.region.too-small";
        public const string RegionOutside = "specimen.region.outside";
        public const string RegionWrongLight = "specimen.region.wrong-light";
        public const string AlreadyConfirmed = "specimen.already-confirmed";
        public const string ConfirmationWithoutImages = "specimen.confirmation.without-images";
        public const string ConfirmationOfChangedVersion = "specimen.confirmation.of-changed-version";
        public const string ConfirmationOfUnknownVersion = "specimen.confirmation.of-unknown-version";
        public const string ConfirmationOfDraft = "specimen.confirmation.of-draft";
        public const string CorrectionTextRequired = "specimen.correction.text-required";
        public const string CorrectionExistsOtherwise = "specimen.correction.exists-otherwise";
        public const string RejectionReasonRequired = "specimen.rejection.reason-required";
        public const string AuthorityOnly = "specimen.authority.only";
        public const string AuthorityOfOtherCountry = "specimen.authority.of-other-country";
        public const string CorrectionNotFound = "specimen.correction.not-found";
        public const string CorrectionResolved = "specimen.correction.resolved";
        public const string ImportFromOtherOrigin = "specimen.import.from-other-origin";
        public const string ImportNotNewer = "specimen.import.not-newer";
        public const string ImportImageChanged = "specimen.import.image-changed";
        public const string ImportOverWithdrawn = "specimen.import.over-withdrawn";
        public const string ImportOverLocal = "specimen.import.over-local";
        public const string ImportOverLocalChanges = "specimen.import.over-local-changes";
        public const string ArchiveImageTwice = "specimen.archive.image-twice";
        public const string ArchiveFeatureTwice = "specimen.archive.feature-twice";
        public const string ArchiveConfirmationOfUnknownVersion = "specimen.archive.confirmation-of-unknown-version";
        public const string ArchiveConfirmationByOtherCountry = "specimen.archive.confirmation-by-other-country";
        public const string ArchiveConfirmationUnsigned = "specimen.archive.confirmation-unsigned";
        public const string ArchiveWithoutInstallation = "specimen.archive.without-installation";
        public const string ArchiveWithoutSigner = "specimen.archive.without-signer";
        public const string ArchiveWithoutOriginalId = "specimen.archive.without-original-id";
        public const string ArchiveWithoutOriginalVersion = "specimen.archive.without-original-version";

        /// <summary>Texts named inside <see cref="TextTooLong"/>.</summary>
        public static class Text
        {
            public const string Series = "specimen.text.series";
            public const string Description = "specimen.text.description";
            public const string CaptureDevice = "specimen.text.capture-device";
            public const string Note = "specimen.text.note";
            public const string Reason = "specimen.text.reason";
            public const string Correction = "specimen.text.correction";
        }

        /// <summary>What only library editors may do, inside <see cref="EditorsOnly"/>.</summary>
        public static class Doing
        {
            public const string CreateSpecimens = "specimen.doing.create-specimens";
            public const string ChangeSpecimens = "specimen.doing.change-specimens";
            public const string AddImages = "specimen.doing.add-images";
            public const string AddFeatures = "specimen.doing.add-features";
            public const string ChangeFeatures = "specimen.doing.change-features";
            public const string RemoveFeatures = "specimen.doing.remove-features";
            public const string WithdrawSpecimens = "specimen.doing.withdraw-specimens";
            public const string SubmitSpecimens = "specimen.doing.submit-specimens";
            public const string ApplyCorrections = "specimen.doing.apply-corrections";
            public const string RejectCorrections = "specimen.doing.reject-corrections";
            public const string ImportSpecimens = "specimen.doing.import-specimens";
        }

        /// <summary>What only the issuing authority may do, inside <see cref="AuthorityOnly"/> and <see cref="AuthorityOfOtherCountry"/>.</summary>
        public static class AuthorityDoing
        {
            public const string Confirm = "specimen.authority-doing.confirm";
            public const string ProposeCorrections = "specimen.authority-doing.propose-corrections";
        }

        /// <summary>How a correction was resolved, inside <see cref="CorrectionResolved"/>.</summary>
        public static class Resolution
        {
            public const string Applied = "specimen.resolution.applied";
            public const string Rejected = "specimen.resolution.rejected";
        }
    }

    /// <summary>An image file refused as it arrives (the Web's intake): what it is, how large, whether it decodes.</summary>
    public static class Image
    {
        public const string TooLarge = "image.too-large";
        public const string Empty = "image.empty";
        public const string NotAnImage = "image.not-an-image";
        public const string TooManyPixels = "image.too-many-pixels";
        public const string Corrupt = "image.corrupt";
    }

    /// <summary>An officer's referral draft, kept between visits until it is sent.</summary>
    public static class Draft
    {
        public const string ImageGone = "draft.image-gone";
        public const string ImageChanged = "draft.image-changed";
    }
}
