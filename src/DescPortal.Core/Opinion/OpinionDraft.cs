using DescPortal.Core.Referrals;

namespace DescPortal.Core.Opinion;

/// <summary>
/// Who acts on the opinion: <see cref="UserId"/> is compared with the case's assigned examiner (the id CaseAssigned
/// recorded); <see cref="Name"/> is how a reviewer is named in the report; <see cref="Actor"/> is what the events record
/// for the history (the Web's UserScope.Actor).
/// </summary>
public sealed record OpinionActor(string UserId, string Name, string Actor);

/// <summary>
/// The evaluative wording for a comparison between items (ENFSI, 2015): the findings give <see cref="Support"/> to
/// <see cref="Proposition"/> relative to <see cref="AlternativeProposition"/>. When the findings favour the
/// alternative, the examiner states that one as the proposition: the scale only ever reads upwards from neutral.
/// </summary>
public sealed record EvaluativeOpinion(string Proposition, string AlternativeProposition, EvaluativeSupport Support);

/// <summary>
/// What the examiner writes about one document, as the form or the API sends it. <see cref="FraudType"/> is nullable
/// so that a missing one becomes a field error rather than a silent Genuine.
/// </summary>
public sealed record OpinionDraft(
    int Document,
    FraudType? FraudType,
    IReadOnlyList<ForgerySubType> ForgerySubTypes,
    string? Findings,
    string? Conclusion,
    string? Limitations,
    EvaluativeOpinion? Evaluative)
{
    /// <summary>
    /// Where the examination departed from the centre's documented method, and why (ISO/IEC 17025 §7.8.2.1); none when
    /// empty. Per document, as the findings and limitations are: the method section words each document's method, and a
    /// departure is nearly always about one item (a light its laminate would not take, a page that could not be
    /// opened); one that touches every document is written on each. Outside the positional members, added later.
    /// </summary>
    public string? Deviations { get; init; }
}

/// <summary>
/// The rules of an opinion's content. Paths are those of <see cref="OpinionDraft"/> in camelCase ("fraudType",
/// "evaluative.proposition"), so a form can put each message next to its field; messages name the field and the
/// document (counted from 1).
/// </summary>
public static class OpinionValidation
{
    public const int MaxFindingsLength = 20_000;
    public const int MaxConclusionLength = 4_000;
    public const int MaxLimitationsLength = 4_000;
    public const int MaxDeviationsLength = 4_000;
    public const int MaxPropositionLength = 1_000;

    /// <summary>
    /// Everything wrong with a draft. A draft can be saved without a conclusion; <paramref name="forReview"/> adds what
    /// a reviewer needs: the conclusion, a forgery's sub-type, and for an inconclusive opinion the limitations that say
    /// what further material would help.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(OpinionDraft draft, bool forReview)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var document = draft.Document + 1;
        void Error(string path, string code, params object?[] arguments) => errors.Add(new FieldError(path, code, arguments));

        if (draft.FraudType is not { } fraudType)
        {
            Error("fraudType", Refusals.Opinion.FraudTypeRequired, document, Code.NamesOf<FraudType>());
        }
        else if (!Enum.IsDefined(fraudType))
        {
            Error("fraudType", Refusals.Opinion.FraudTypeUnknown, document, Code.NamesOf<FraudType>());
        }

        var subTypes = draft.ForgerySubTypes ?? [];
        if (subTypes.Any(s => !Enum.IsDefined(s)))
        {
            Error("forgerySubTypes", Refusals.Opinion.ForgerySubTypesUnknown, document, Code.NamesOf<ForgerySubType>());
        }
        else if (subTypes.Count > 0 && draft.FraudType is { } t && t != FraudType.Forged)
        {
            Error("forgerySubTypes", Refusals.Opinion.ForgerySubTypesNotForged, document, t);
        }
        else if (forReview && draft.FraudType == FraudType.Forged && subTypes.Count == 0)
        {
            Error("forgerySubTypes", Refusals.Opinion.ForgerySubTypeRequired, document, Code.NamesOf<ForgerySubType>());
        }

        TextProblem(draft.Findings, MaxFindingsLength, "findings", new Phrase(Refusals.Opinion.Text.Findings, document), errors);
        if (TextProblem(draft.Conclusion, MaxConclusionLength, "conclusion", new Phrase(Refusals.Opinion.Text.Conclusion, document), errors) is null
            && forReview)
        {
            Error("conclusion", Refusals.Opinion.ConclusionRequired, document);
        }
        if (TextProblem(draft.Limitations, MaxLimitationsLength, "limitations", new Phrase(Refusals.Opinion.Text.Limitations, document), errors) is null
            && forReview && draft.FraudType == FraudType.Inconclusive)
        {
            Error("limitations", Refusals.Opinion.LimitationsRequired, document);
        }

        TextProblem(draft.Deviations, MaxDeviationsLength, "deviations", new Phrase(Refusals.Opinion.Text.Deviations, document), errors);

        if (draft.Evaluative is { } e)
        {
            var proposition = TextProblem(e.Proposition, MaxPropositionLength, "evaluative.proposition",
                new Phrase(Refusals.Opinion.Text.Proposition, document), errors);
            var alternative = TextProblem(e.AlternativeProposition, MaxPropositionLength, "evaluative.alternativeProposition",
                new Phrase(Refusals.Opinion.Text.AlternativeProposition, document), errors);
            if (proposition is null)
            {
                Error("evaluative.proposition", Refusals.Opinion.PropositionRequired, document);
            }
            if (alternative is null)
            {
                Error("evaluative.alternativeProposition", Refusals.Opinion.AlternativePropositionRequired, document);
            }
            else if (string.Equals(proposition, alternative, StringComparison.OrdinalIgnoreCase))
            {
                Error("evaluative.alternativeProposition", Refusals.Opinion.AlternativePropositionSame, document);
            }
            if (!Enum.IsDefined(e.Support))
            {
                Error("evaluative.support", Refusals.Opinion.SupportUnknown, document, Code.NamesOf<EvaluativeSupport>());
            }
        }
        return errors;
    }

    /// <summary>Plain text as stored: trimmed, empty is none.</summary>
    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What is wrong with a cleaned text, or null: too long, or control characters other than line breaks and
    /// tabs, which no report could print. <paramref name="what"/> names the text (of <see cref="Refusals.Opinion.Text"/>).</summary>
    internal static Phrase? TextProblem(string? text, int max, Phrase what)
    {
        if (text is null)
        {
            return null;
        }
        if (text.Length > max)
        {
            return new Phrase(Refusals.Opinion.TextTooLong, what, max, text.Length);
        }
        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new Phrase(Refusals.Opinion.TextControlCharacters, what)
            : null;
    }

    // Returns the cleaned text (null when empty) and records what is wrong with it.
    private static string? TextProblem(string? text, int max, string path, Phrase what, List<FieldError> errors)
    {
        var t = Clean(text);
        if (TextProblem(t, max, what) is { } problem)
        {
            errors.Add(new FieldError(path, problem));
        }
        return t;
    }
}
