using System.Text.Json.Serialization;

namespace DescPortal.Core.Opinion;

/// <summary>
/// The opinion of a case as its events have built it: the drafts per document, the requests to the officer, the review
/// rounds, the approvals and the issued reports. Folded from the case's stream next to Referral (whose status the
/// same events move) and CaseExamination; <see cref="Evolve"/> skips every other event. Immutable; starts as
/// <see cref="Empty"/>. Collections keep the order in which things happened.
/// </summary>
public sealed record OpinionState(
    IReadOnlyList<DocumentOpinion> Drafts,
    IReadOnlyList<InformationRequest> InformationRequests,
    IReadOnlyList<ReviewRound> ReviewRounds,
    IReadOnlyList<Approval> Approvals,
    IReadOnlyList<IssuedReport> Reports,
    IReadOnlyList<Reopening> Reopenings)
{
    /// <summary>Nothing drafted yet.</summary>
    public static OpinionState Empty { get; } = new([], [], [], [], [], []);

    public DocumentOpinion? DraftOf(int document) => Drafts.FirstOrDefault(d => d.Document == document);

    public InformationRequest? FindInformationRequest(Guid requestId) =>
        InformationRequests.FirstOrDefault(r => r.RequestId == requestId);

    /// <summary>The request the officer has not answered yet, if any.</summary>
    [JsonIgnore]
    public InformationRequest? OpenInformationRequest => InformationRequests.LastOrDefault(r => !r.IsAnswered);

    /// <summary>The latest submission for review, decided or not.</summary>
    [JsonIgnore]
    public ReviewRound? CurrentRound => ReviewRounds.Count == 0 ? null : ReviewRounds[^1];

    [JsonIgnore]
    public Approval? LatestApproval => Approvals.Count == 0 ? null : Approvals[^1];

    public Approval? FindApproval(Guid approvalId) => Approvals.FirstOrDefault(a => a.ApprovalId == approvalId);

    public IssuedReport? ReportOf(Guid approvalId) => Reports.FirstOrDefault(r => r.ApprovalId == approvalId);

    public IssuedReport? FindReport(string reportNumber) =>
        Reports.FirstOrDefault(r => string.Equals(r.ReportNumber, reportNumber, StringComparison.Ordinal));

    /// <summary>The report in force: the latest issued, which no other supersedes; null before the first.</summary>
    [JsonIgnore]
    public IssuedReport? CurrentReport => Reports.Count == 0 ? null : Reports[^1];

    /// <summary>
    /// The opinions the officer may act on: those of the latest approval (a reopened case keeps them until the next
    /// approval); empty before the first approval.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<DocumentOpinion> ApprovedOpinions => LatestApproval?.Opinions ?? [];

    public OpinionState Apply(OpinionDrafted e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var draft = new DocumentOpinion(e.Document, e.FraudType, e.ForgerySubTypes, e.Findings, e.Conclusion,
            e.Limitations, e.Evaluative, e.Actor, e.At) { Deviations = e.Deviations };
        var drafts = Drafts.Where(d => d.Document != e.Document).Append(draft).OrderBy(d => d.Document).ToList();
        return this with { Drafts = drafts };
    }

    public OpinionState Apply(InformationRequested e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var request = new InformationRequest(e.RequestId, e.Message, e.Actor, e.At, Answer: null, EvidenceIds: [],
            AnsweredBy: null, AnsweredAt: null);
        return this with { InformationRequests = [.. InformationRequests, request] };
    }

    public OpinionState Apply(InformationProvided e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            InformationRequests =
            [
                .. InformationRequests.Select(r => r.RequestId == e.RequestId
                    ? r with { Answer = e.Message, EvidenceIds = e.EvidenceIds, AnsweredBy = e.Actor, AnsweredAt = e.At }
                    : r),
            ],
        };
    }

    /// <summary>Opens round <see cref="SubmittedForReview.Round"/>; its answer belongs to the round that was returned.</summary>
    public OpinionState Apply(SubmittedForReview e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var rounds = ReviewRounds.ToList();
        if (e.AnswerToReview is not null && rounds.Count > 0)
        {
            rounds[^1] = rounds[^1] with { Answer = e.AnswerToReview, AnsweredBy = e.Actor, AnsweredAt = e.At };
        }
        rounds.Add(new ReviewRound(e.Round, e.Actor, e.At, Verdict: null, ReviewerId: null, ReviewerName: null,
            Comments: null, ReviewedAt: null, Answer: null, AnsweredBy: null, AnsweredAt: null));
        return this with { ReviewRounds = rounds };
    }

    public OpinionState Apply(ReviewReturned e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with
        {
            ReviewRounds = Decide(e.Round, ReviewVerdict.Returned, e.ReviewerId, e.ReviewerName, e.Comments, e.At),
        };
    }

    /// <summary>The approval keeps the drafts as they stood: they are what its report states.</summary>
    public OpinionState Apply(OpinionApproved e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var approval = new Approval(e.ApprovalId, e.Round, e.ReviewerId, e.ReviewerName, e.At, Drafts);
        return this with
        {
            ReviewRounds = Decide(e.Round, ReviewVerdict.Approved, e.ReviewerId, e.ReviewerName, comments: null, e.At),
            Approvals = [.. Approvals, approval],
        };
    }

    public OpinionState Apply(ReportIssued e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var report = new IssuedReport(e.ReportNumber, e.Version, e.ApprovalId, e.VerificationCode, e.PdfBlobName,
            e.Sha256, e.Supersedes, SupersededBy: null, e.Actor, e.At);
        return this with
        {
            Reports =
            [
                .. Reports.Select(r => string.Equals(r.ReportNumber, e.Supersedes, StringComparison.Ordinal)
                    ? r with { SupersededBy = e.ReportNumber }
                    : r),
                report,
            ],
        };
    }

    public OpinionState Apply(CaseReopened e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return this with { Reopenings = [.. Reopenings, new Reopening(e.ReportNumber, e.Reason, e.Actor, e.At)] };
    }

    /// <summary>
    /// The one mapping from the opinion's events to Apply, for the Web's stream reads and the tests' folds. Events of
    /// the referral and the examination leave the state as it is; an opinion event without a mapping is a programming
    /// error.
    /// </summary>
    public static OpinionState Evolve(OpinionState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            OpinionDrafted e => state.Apply(e),
            InformationRequested e => state.Apply(e),
            InformationProvided e => state.Apply(e),
            SubmittedForReview e => state.Apply(e),
            ReviewReturned e => state.Apply(e),
            OpinionApproved e => state.Apply(e),
            ReportIssued e => state.Apply(e),
            CaseReopened e => state.Apply(e),
            IOpinionEvent e => throw new InvalidOperationException($"{e.GetType().Name} cannot be applied here."),
            _ => state,
        };
    }

    /// <summary>Folds a case's whole stream (other events included, and skipped); <see cref="Empty"/> when nothing was drafted.</summary>
    public static OpinionState Fold(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Empty, Evolve);
    }

    private List<ReviewRound> Decide(
        int round, ReviewVerdict verdict, string reviewerId, string reviewerName, string? comments, DateTimeOffset at) =>
    [
        .. ReviewRounds.Select(r => r.Number == round
            ? r with { Verdict = verdict, ReviewerId = reviewerId, ReviewerName = reviewerName, Comments = comments, ReviewedAt = at }
            : r),
    ];
}

/// <summary>The examiner's opinion on one document as last saved, with who saved it and when.</summary>
public sealed record DocumentOpinion(
    int Document,
    FraudType FraudType,
    IReadOnlyList<ForgerySubType> ForgerySubTypes,
    string? Findings,
    string? Conclusion,
    string? Limitations,
    EvaluativeOpinion? Evaluative,
    string SavedBy,
    DateTimeOffset SavedAt)
{
    /// <summary>Departures from the method for this document; null when none.</summary>
    public string? Deviations { get; init; }
}

/// <summary>A request to the officer for more material, and the officer's answer once given.</summary>
public sealed record InformationRequest(
    Guid RequestId,
    string Message,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? Answer,
    IReadOnlyList<Guid> EvidenceIds,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt)
{
    [JsonIgnore]
    public bool IsAnswered => AnsweredAt is not null;
}

[JsonConverter(typeof(JsonStringEnumConverter<ReviewVerdict>))]
public enum ReviewVerdict
{
    Approved,
    Returned,
}

/// <summary>
/// One submission for review: the reviewer's verdict once given (with comments when returned), and the examiner's
/// answer to those comments, given with the next submission.
/// </summary>
public sealed record ReviewRound(
    int Number,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    ReviewVerdict? Verdict,
    string? ReviewerId,
    string? ReviewerName,
    string? Comments,
    DateTimeOffset? ReviewedAt,
    string? Answer,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt);

/// <summary>An approval, with the opinions it approved (the drafts at that moment), in document order.</summary>
public sealed record Approval(
    Guid ApprovalId,
    int Round,
    string ReviewerId,
    string ReviewerName,
    DateTimeOffset ApprovedAt,
    IReadOnlyList<DocumentOpinion> Opinions);

/// <summary>An issued report; <see cref="SupersededBy"/> names the later version that replaced it, if any.</summary>
public sealed record IssuedReport(
    string ReportNumber,
    int Version,
    Guid ApprovalId,
    string VerificationCode,
    string PdfBlobName,
    string Sha256,
    string? Supersedes,
    string? SupersededBy,
    string IssuedBy,
    DateTimeOffset IssuedAt)
{
    [JsonIgnore]
    public bool IsCurrent => SupersededBy is null;
}

/// <summary>The case was reopened after report <see cref="ReportNumber"/> was issued.</summary>
public sealed record Reopening(string ReportNumber, string Reason, string ReopenedBy, DateTimeOffset ReopenedAt);
