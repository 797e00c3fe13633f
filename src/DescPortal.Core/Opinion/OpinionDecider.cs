using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;
using static System.FormattableString;

namespace DescPortal.Core.Opinion;

/// <summary>The report the job is about to render for an approval: its number is printed on every page.</summary>
public sealed record PlannedReport(Guid ApprovalId, string ReportNumber, int Version, string? Supersedes);

/// <summary>
/// The opinion workflow's commands as pure functions: the case (<see cref="Referral"/>), its <see cref="OpinionState"/>
/// and a command in, events for the case's stream out. Every method returns the events to append, in order; an empty
/// list means "already done" (commands carry caller-chosen ids or whole values and may be retried). A command that the
/// state or the rules forbid throws <see cref="DomainException"/> with a message for the user; a caller's programming
/// error (empty actor or id, no time) throws an ArgumentException.
/// Roles are the Web's to check (a reviewer reviews, an officer of the case's agency answers); the decider checks what
/// depends on the case: the assigned examiner drafts and submits, and nobody reviews their own case.
/// Messages count documents from 1; commands and events take the 0-based index.
/// </summary>
public static class OpinionDecider
{
    public const int MaxMessageLength = 2_000;
    public const int MaxCommentsLength = 4_000;

    // ---- the examiner's opinion ----------------------------------------------------------------------------------

    /// <summary>
    /// Saves the examiner's opinion on one document; it replaces the previous draft of that document. The conclusion
    /// may still be missing; everything present must be valid. The same content again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> SaveDraft(
        Referral current, OpinionState opinion, OpinionDraft draft, OpinionActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, opinion, actor, now, "draft its opinion");
        ArgumentNullException.ThrowIfNull(draft);
        RequireDocument(current, draft.Document);
        ThrowIfAny(OpinionValidation.Check(draft, forReview: false));

        var subTypes = (draft.ForgerySubTypes ?? []).Distinct().Order().ToList();
        var evaluative = draft.Evaluative is { } e
            ? e with { Proposition = e.Proposition.Trim(), AlternativeProposition = e.AlternativeProposition.Trim() }
            : null;
        var saved = new OpinionDrafted(current.Id, draft.Document, draft.FraudType!.Value, subTypes,
            OpinionValidation.Clean(draft.Findings), OpinionValidation.Clean(draft.Conclusion),
            OpinionValidation.Clean(draft.Limitations), evaluative, actor.Actor, now);

        if (opinion.DraftOf(draft.Document) is { } previous && SameContent(previous, saved))
        {
            return [];
        }
        return [saved];
    }

    /// <summary>Saves the drafts of several documents at once (what the examiner's page shows), each on top of the last.</summary>
    public static IReadOnlyList<object> SaveDrafts(
        Referral current, OpinionState opinion, IReadOnlyList<OpinionDraft> drafts, OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var events = new List<object>();
        foreach (var draft in drafts)
        {
            var saved = SaveDraft(current, opinion, draft, actor, now);
            events.AddRange(saved);
            opinion = saved.Aggregate(opinion, OpinionState.Evolve);
        }
        return events;
    }

    /// <summary>
    /// Asks the officer for more material; the case waits for the answer (AwaitingInformation). The same request id
    /// with the same message again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> RequestInformation(
        Referral current, OpinionState opinion, Guid requestId, string message, OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(actor, now);
        RequireId(requestId, nameof(requestId));
        var text = PlainText(message, MaxMessageLength, "The message to the officer");
        if (opinion.FindInformationRequest(requestId) is { } asked)
        {
            return asked.Message == text
                ? []
                : throw new DomainException("This request to the officer was already sent with another message.");
        }
        RequireAssignedExaminer(current, opinion, actor, now, "ask the officer for more material");
        if (text is null)
        {
            throw new DomainException("The message to the officer is required: say what material is needed and why.");
        }
        return [new InformationRequested(current.Id, requestId, text, actor.Actor, now)];
    }

    /// <summary>
    /// Records the officer's answer to the open request: a message, images already attached to the case (their
    /// EvidenceImageAttached events come first), or both. The case goes back to the examiner. The same answer again
    /// changes nothing.
    /// </summary>
    public static IReadOnlyList<object> ProvideInformation(
        Referral current,
        OpinionState opinion,
        Guid requestId,
        string? message,
        IReadOnlyList<Guid> evidenceIds,
        OpinionActor actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        ArgumentNullException.ThrowIfNull(evidenceIds);
        RequireActor(actor, now);
        RequireId(requestId, nameof(requestId));
        var text = PlainText(message, MaxMessageLength, "The answer to the examiner");
        var ids = evidenceIds.Distinct().ToList();

        var request = opinion.FindInformationRequest(requestId)
            ?? throw new DomainException($"Referral {current.Reference} has no such request for information.");
        if (request.IsAnswered)
        {
            return request.Answer == text && request.EvidenceIds.SequenceEqual(ids)
                ? []
                : throw new DomainException("This request was already answered; the examiner can ask again if more is needed.");
        }
        if (current.Status != ReferralStatus.AwaitingInformation)
        {
            throw new DomainException($"Referral {current.Reference} is {StatusText(current.Status)}, not awaiting information.");
        }
        if (text is null && ids.Count == 0)
        {
            throw new DomainException("The answer is empty: write a message, add images, or both.");
        }
        foreach (var id in ids)
        {
            if (current.FindEvidence(id) is null)
            {
                throw new DomainException($"Referral {current.Reference} has no evidence image {id}; attach it before answering.");
            }
            if (opinion.InformationRequests.Any(r => r.EvidenceIds.Contains(id)))
            {
                throw new DomainException($"Evidence image {id} was already given in an earlier answer.");
            }
        }
        return [new InformationProvided(current.Id, requestId, text, ids, actor.Actor, now)];
    }

    /// <summary>
    /// Submits the opinions for review once every document of the case has one with a fraud type and a conclusion.
    /// After a return, <paramref name="answerToReview"/> answers the reviewer's comments and is required. Submitting a
    /// case that is already in review changes nothing.
    /// </summary>
    public static IReadOnlyList<object> SubmitForReview(
        Referral current, OpinionState opinion, string? answerToReview, OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireActor(actor, now);
        if (current.Status == ReferralStatus.InReview && current.AssignedExaminerId == actor.UserId)
        {
            return [];
        }
        RequireAssignedExaminer(current, opinion, actor, now, "submit its opinion for review");

        var problems = new List<FieldError>();
        for (var document = 0; document < current.DocumentCount; document++)
        {
            if (opinion.DraftOf(document) is not { } d)
            {
                problems.Add(new FieldError("fraudType",
                    Invariant($"Document {document + 1} has no opinion yet: its fraud type and conclusion are required.")));
                continue;
            }
            problems.AddRange(OpinionValidation.Check(
                new OpinionDraft(d.Document, d.FraudType, d.ForgerySubTypes, d.Findings, d.Conclusion, d.Limitations, d.Evaluative),
                forReview: true));
        }
        ThrowIfAny(problems);

        var answer = PlainText(answerToReview, MaxCommentsLength, "The answer to the reviewer's comments");
        var returned = opinion.CurrentRound is { Verdict: ReviewVerdict.Returned, Answer: null };
        if (returned && answer is null)
        {
            throw new DomainException("Answer the reviewer's comments before submitting the opinion again.");
        }
        if (!returned && answer is not null)
        {
            throw new DomainException("There are no review comments to answer.");
        }
        return [new SubmittedForReview(current.Id, opinion.ReviewRounds.Count + 1, answer, actor.Actor, now)];
    }

    // ---- the review ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The reviewer approves the opinion in review (four eyes: never the case's examiner). The approval id is the
    /// caller's and keys the report job; the same approval again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Approve(
        Referral current, OpinionState opinion, Guid approvalId, OpinionActor reviewer, DateTimeOffset now)
    {
        RequireReviewer(current, opinion, reviewer, now, "approve");
        RequireId(approvalId, nameof(approvalId));
        if (opinion.FindApproval(approvalId) is { } approved)
        {
            return approved.ReviewerId == reviewer.UserId
                ? []
                : throw new DomainException("This approval was given by another reviewer.");
        }
        RequireInReview(current, "approved");
        var round = opinion.CurrentRound!;
        return [new OpinionApproved(current.Id, approvalId, round.Number, reviewer.UserId, reviewer.Name, reviewer.Actor, now)];
    }

    /// <summary>
    /// The reviewer returns the opinion in review to the examiner with comments, which are required. The same comments
    /// from the same reviewer on a case already returned change nothing.
    /// </summary>
    public static IReadOnlyList<object> Return(
        Referral current, OpinionState opinion, string comments, OpinionActor reviewer, DateTimeOffset now)
    {
        RequireReviewer(current, opinion, reviewer, now, "return");
        var text = PlainText(comments, MaxCommentsLength, "The review comments");
        if (current.Status == ReferralStatus.Returned && opinion.CurrentRound is { Verdict: ReviewVerdict.Returned } last
            && last.ReviewerId == reviewer.UserId && last.Comments == text)
        {
            return [];
        }
        RequireInReview(current, "returned");
        if (text is null)
        {
            throw new DomainException("The review comments are required: say what the examiner should change or check.");
        }
        var round = opinion.CurrentRound!;
        return [new ReviewReturned(current.Id, round.Number, reviewer.UserId, reviewer.Name, text, reviewer.Actor, now)];
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The number and version of the report for an approval, and the report it supersedes: what the job prints before
    /// it calls <see cref="IssueReport"/>. Null when that approval's report is already issued (the job is done).
    /// </summary>
    public static PlannedReport? PlanReport(Referral current, OpinionState opinion, Guid approvalId)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        if (opinion.ReportOf(approvalId) is not null)
        {
            return null;
        }
        if (current.Status != ReferralStatus.Approved || opinion.LatestApproval?.ApprovalId != approvalId)
        {
            throw new DomainException(
                $"Referral {current.Reference} is {StatusText(current.Status)}; a report is issued only for the opinion's current approval.");
        }
        var version = opinion.Reports.Count + 1;
        return new PlannedReport(approvalId, ReportNumber.Format(current.Reference, version), version,
            opinion.CurrentReport?.ReportNumber);
    }

    /// <summary>
    /// Issues the planned report whose PDF the job has stored. Nothing when the approval's report is already issued, so
    /// a retried or duplicated job adds no second report; refused without a current approval, or when the plan is
    /// stale (another report came first).
    /// </summary>
    public static IReadOnlyList<object> IssueReport(
        Referral current,
        OpinionState opinion,
        PlannedReport plan,
        string verificationCode,
        string pdfBlobName,
        string sha256,
        string actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(pdfBlobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        RequireTime(now);
        if (!VerificationCode.TryParse(verificationCode, out var code))
        {
            throw new ArgumentException("Not a verification code.", nameof(verificationCode));
        }
        // Verification matches files by this text: one spelling only.
        if (sha256 is null || sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("SHA-256 must be 64 lower-case hex digits.", nameof(sha256));
        }

        var expected = PlanReport(current, opinion, plan.ApprovalId);
        if (expected is null)
        {
            return [];
        }
        if (expected != plan)
        {
            throw new DomainException(
                $"The report was planned as {plan.ReportNumber} but the next report of referral {current.Reference} is {expected.ReportNumber}; plan it again.");
        }
        if (opinion.Reports.Any(r => r.VerificationCode == code))
        {
            throw new DomainException("This verification code is already used by another report of the case.");
        }
        return
        [
            new ReportIssued(current.Id, plan.ApprovalId, plan.ReportNumber, plan.Version, code, pdfBlobName.Trim(),
                sha256, plan.Supersedes, actor, now),
        ];
    }

    /// <summary>
    /// Takes a reported case back into examination for a stated reason; the report in force stays so until the next
    /// approval's report supersedes it. The same reason again, before anything else happened, changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Reopen(
        Referral current, OpinionState opinion, string reason, OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(actor, now);
        var text = PlainText(reason, MaxMessageLength, "The reason for reopening");
        if (current.Status == ReferralStatus.InExamination && opinion.Reopenings.Count > 0
            && opinion.Reopenings[^1] is { } last && last.Reason == text
            && last.ReportNumber == opinion.CurrentReport?.ReportNumber)
        {
            return [];
        }
        if (current.Status != ReferralStatus.Reported || opinion.CurrentReport is not { } report)
        {
            throw new DomainException(
                $"Referral {current.Reference} is {StatusText(current.Status)}; only a reported case can be reopened.");
        }
        if (text is null)
        {
            throw new DomainException("The reason for reopening is required: the next report states why it supersedes this one.");
        }
        return [new CaseReopened(current.Id, report.ReportNumber, text, actor.Actor, now)];
    }

    // ---- who may act ---------------------------------------------------------------------------------------------

    private static void RequireAssignedExaminer(
        Referral current, OpinionState opinion, OpinionActor actor, DateTimeOffset now, string doing)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(actor, now);
        CaseRules.RequireAssignedExaminer(current, actor.UserId, doing, "opinion");
    }

    // Four eyes: checked before anything else, so the examiner always hears why, whatever the status.
    private static void RequireReviewer(
        Referral current, OpinionState opinion, OpinionActor reviewer, DateTimeOffset now, string doing)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(opinion);
        RequireActor(reviewer, now);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer.Name, nameof(reviewer));
        if (current.AssignedExaminerId == reviewer.UserId)
        {
            throw new DomainException(
                $"You are the examiner of referral {current.Reference}; another examiner must review it (four-eyes principle), so you cannot {doing} it.");
        }
    }

    private static void RequireInReview(Referral current, string done)
    {
        if (current.Status != ReferralStatus.InReview)
        {
            throw new DomainException(
                $"Referral {current.Reference} is {StatusText(current.Status)}; only an opinion in review can be {done}.");
        }
    }

    private static void RequireActor(OpinionActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.UserId, nameof(actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Actor, nameof(actor));
        RequireTime(now);
    }

    // All the field errors at once, so the examiner fixes them in one go; each message names its field.
    private static void ThrowIfAny(IReadOnlyList<FieldError> problems)
    {
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    // Trimmed, empty is none; refused when too long or holding control characters no report could print.
    private static string? PlainText(string? text, int max, string what)
    {
        var t = OpinionValidation.Clean(text);
        return OpinionValidation.TextProblem(t, max, what) is { } problem ? throw new DomainException(problem) : t;
    }

    private static bool SameContent(DocumentOpinion previous, OpinionDrafted saved) =>
        previous.FraudType == saved.FraudType
        && previous.ForgerySubTypes.SequenceEqual(saved.ForgerySubTypes)
        && previous.Findings == saved.Findings
        && previous.Conclusion == saved.Conclusion
        && previous.Limitations == saved.Limitations
        && previous.Evaluative == saved.Evaluative;
}
