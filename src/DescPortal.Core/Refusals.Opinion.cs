namespace DescPortal.Core;

// Opinion: the codes of the examiner's opinion, its review, report and reopening.
public static partial class Refusals
{
    /// <summary>The examiner's opinion on a document.</summary>
    public static class Opinion
    {
        public const string ExaminersOnly = "opinion.examiners-only";
        public const string ReviewersOnly = "opinion.reviewers-only";
        public const string ReopenNotAllowed = "opinion.reopen.not-allowed";
        public const string AnswerOfficersOnly = "opinion.answer.officers-only";
        public const string RequestNoneOpen = "opinion.request.none-open";
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
            public const string Deviations = "opinion.text.deviations";
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
}
