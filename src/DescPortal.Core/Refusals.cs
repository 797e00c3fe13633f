namespace DescPortal.Core;

/// <summary>
/// Every code a refusal or a field error carries, and the phrases their wording is made of, in one place. Codes are
/// what other systems see (the API's <c>code</c> and <c>codes</c>): lowercase dotted words, one per meaning, never
/// reworded or reused. Their English is Resources/Refusals.resx; <see cref="Wording"/> reads it.
/// </summary>
// Its parts, one file per area: Referral (a submission's fields), Examination, Opinion and Specimen. Here: what spans
// them (several problems, a case as a whole, partial dates) and the Web's intake and drafts.
public static partial class Refusals
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
        public const string Changed = "case.changed";
        public const string ConditionRequired = "case.condition.required";
        public const string ConditionControlCharacters = "case.condition.control-characters";

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
            public const string AmendCondition = "case.doing.amend-condition";
            public const string MeasureImages = "case.doing.measure-images";
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
        public const string TooManyImages = "draft.too-many-images";
    }

    /// <summary>An evidence original whose bytes no longer hash to the SHA-256 taken at acquisition (the Web's re-check on every read).</summary>
    public static class Evidence
    {
        public const string IntegrityFailed = "evidence.integrity-failed";
    }

    /// <summary>An API submission's Idempotency-Key (the Web's intake): a retry must send what the first attempt sent.</summary>
    public static class IdempotencyKey
    {
        public const string Reused = "idempotency-key.reused";
    }
}
