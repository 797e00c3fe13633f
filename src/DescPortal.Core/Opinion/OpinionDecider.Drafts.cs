using DescPortal.Core.Referrals;
using static DescPortal.Core.Referrals.CaseRules;

namespace DescPortal.Core.Opinion;

// Drafts: the examiner saves an opinion per document and submits them for review once every document has one.
public static partial class OpinionDecider
{
    /// <summary>
    /// Saves the examiner's opinion on one document; it replaces the previous draft of that document. The conclusion
    /// may still be missing; everything present must be valid. The same content again changes nothing.
    /// </summary>
    public static IReadOnlyList<object> SaveDraft(
        Referral current, OpinionState opinion, OpinionDraft draft, OpinionActor actor, DateTimeOffset now)
    {
        RequireAssignedExaminer(current, opinion, actor, now, Refusals.Cases.Doing.DraftOpinion);
        ArgumentNullException.ThrowIfNull(draft);
        RequireDocument(current, draft.Document);
        ThrowIfAny(OpinionValidation.Check(draft, forReview: false));

        var subTypes = (draft.ForgerySubTypes ?? []).Distinct().Order().ToList();
        var evaluative = draft.Evaluative is { } e
            ? e with { Proposition = e.Proposition.Trim(), AlternativeProposition = e.AlternativeProposition.Trim() }
            : null;
        var saved = new OpinionDrafted(current.Id, draft.Document, draft.FraudType!.Value, subTypes,
            OpinionValidation.Clean(draft.Findings), OpinionValidation.Clean(draft.Conclusion),
            OpinionValidation.Clean(draft.Limitations), evaluative, actor.Actor, now)
        {
            Deviations = OpinionValidation.Clean(draft.Deviations),
        };

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
        RequireAssignedExaminer(current, opinion, actor, now, Refusals.Cases.Doing.SubmitOpinion);

        var problems = new List<FieldError>();
        for (var document = 0; document < current.DocumentCount; document++)
        {
            if (opinion.DraftOf(document) is not { } d)
            {
                problems.Add(new FieldError("fraudType", Refusals.Opinion.DocumentWithoutOpinion, [document + 1]));
                continue;
            }
            problems.AddRange(OpinionValidation.Check(
                new OpinionDraft(d.Document, d.FraudType, d.ForgerySubTypes, d.Findings, d.Conclusion, d.Limitations, d.Evaluative)
                {
                    Deviations = d.Deviations,
                },
                forReview: true));
        }
        ThrowIfAny(problems);

        var answer = PlainText(answerToReview, MaxCommentsLength, Refusals.Opinion.Text.AnswerToReview);
        var returned = opinion.CurrentRound is { Verdict: ReviewVerdict.Returned, Answer: null };
        if (returned && answer is null)
        {
            throw new DomainException(Refusals.Opinion.ReviewAnswerMissing);
        }
        if (!returned && answer is not null)
        {
            throw new DomainException(Refusals.Opinion.ReviewAnswerUnasked);
        }
        return [new SubmittedForReview(current.Id, opinion.ReviewRounds.Count + 1, answer, actor.Actor, now)];
    }

    // All the field errors at once, so the examiner fixes them in one go; each one's words name its field.
    private static void ThrowIfAny(IReadOnlyList<FieldError> problems)
    {
        if (problems.Count > 0)
        {
            throw problems.Count == 1
                ? new DomainException(problems[0].Problem)
                : new DomainException(Refusals.Several, problems.Select(p => p.Problem).ToList());
        }
    }

    private static bool SameContent(DocumentOpinion previous, OpinionDrafted saved) =>
        previous.FraudType == saved.FraudType
        && previous.ForgerySubTypes.SequenceEqual(saved.ForgerySubTypes)
        && previous.Findings == saved.Findings
        && previous.Conclusion == saved.Conclusion
        && previous.Limitations == saved.Limitations
        && previous.Deviations == saved.Deviations
        && previous.Evaluative == saved.Evaluative;
}
