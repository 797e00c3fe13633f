using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DescPortal.Core.Referrals;

// What ReferralValidation gives back: every error by field, or the normalised referral.

/// <summary>One thing wrong with a submission. <see cref="Path"/> is the field's JSON path
/// ("bearer.surname", "documents[0].issuingState"); <see cref="Code"/> (of <see cref="Refusals"/>) says why, with the
/// values it names, and <see cref="Message"/> says it in words.</summary>
public sealed record FieldError(string Path, string Code, IReadOnlyList<object?> Arguments)
{
    public FieldError(string path, Phrase problem)
        : this(path, problem?.Code ?? throw new ArgumentNullException(nameof(problem)), problem.Arguments)
    {
    }

    /// <summary>Why, in words of the current UI culture.</summary>
    public string Message => Wording.Of(Code, Arguments);

    /// <summary>Why, in words of <paramref name="culture"/>; the invariant culture gives the English of the API.</summary>
    public string MessageIn(CultureInfo culture) => Wording.Of(Code, Arguments, culture);

    /// <summary>The problem alone, without its field: to word with others.</summary>
    public Phrase Problem => new(Code, [.. Arguments]);

    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A submission that passed validation, with codes parsed, trimmed and upper-cased.</summary>
public sealed record ValidatedReferral(
    string BorderCrossingPoint,
    DateTimeOffset InterceptedAt,
    string? RouteFrom,
    string? RouteTo,
    string Reason,
    Urgency Urgency,
    DateTimeOffset? AnswerBy,
    Bearer Bearer,
    IReadOnlyList<QuestionedDocument> Documents,
    IReadOnlyList<ImageDescription> Images)
{
    /// <summary>The condition of the items as the officer states it, trimmed; null when none was given.</summary>
    public string? ConditionOnReceipt { get; init; }
}

/// <summary>What the officer says about one image; the file itself is measured by the Web (StoredEvidence).</summary>
public sealed record ImageDescription(
    int Document,
    LightSource LightSource,
    DocumentArea Area,
    int? Dpi,
    int? WavelengthNm,
    string? CaptureDevice,
    DateTimeOffset? CapturedAt,
    string? Note);

public sealed class ValidationResult
{
    internal ValidationResult(IReadOnlyList<FieldError> errors, ValidatedReferral? referral)
    {
        Errors = errors;
        Referral = errors.Count == 0 ? referral : null;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The normalised referral; null unless <see cref="IsValid"/>.</summary>
    public ValidatedReferral? Referral { get; }

    [MemberNotNullWhen(true, nameof(Referral))]
    public bool IsValid => Referral is not null;
}
