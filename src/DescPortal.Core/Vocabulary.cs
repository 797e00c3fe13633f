using System.Text.Json.Serialization;

namespace DescPortal.Core;

// The language-neutral codes of domain.md ("Codes used in stored data and in the API").
// Member names ARE the codes: never rename one, stored events and API clients carry them.
// Serialized by name wherever System.Text.Json meets them, so no stored event depends on member order.

[JsonConverter(typeof(JsonStringEnumConverter<LightSource>))]
public enum LightSource
{
    White,
    WhiteOblique,
    Transmitted,
    Coaxial,
    UV365,
    UV313,
    UV254,
    IR,
    IRLuminescence,
    AntiStokes,
    PointLight,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<DocumentArea>))]
public enum DocumentArea
{
    DataPage,
    Cover,
    InsideCover,
    VisaPage,
    Stamp,
    Portrait,
    Mrz,
    Detail,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<DocumentType>))]
public enum DocumentType
{
    Passport,
    IdentityCard,
    Visa,
    ResidencePermit,
    RefugeeTravelDocument,
    Other,
}

// The MRZ writes an unspecified sex as '<'; it is reported as X.
[JsonConverter(typeof(JsonStringEnumConverter<Sex>))]
public enum Sex
{
    F,
    M,
    X,
}

[JsonConverter(typeof(JsonStringEnumConverter<Urgency>))]
public enum Urgency
{
    Routine,
    Urgent,
}

[JsonConverter(typeof(JsonStringEnumConverter<FraudType>))]
public enum FraudType
{
    Genuine,
    Counterfeit,
    Forged,
    FraudulentlyObtained,
    Impostor,
    Pseudo,
    StolenBlank,
    Inconclusive,
}

[JsonConverter(typeof(JsonStringEnumConverter<ForgerySubType>))]
public enum ForgerySubType
{
    PhotoSubstitution,
    PageSubstitution,
    VizAlteration,
    MrzAlteration,
    VisaOrStampTampering,
    Assembled,
}

// ENFSI Guideline for Evaluative Reporting in Forensic Science (2015): the verbal scale of the likelihood ratio, for
// comparisons between items. The support is always for one proposition relative to an alternative (EvaluativeScale).
[JsonConverter(typeof(JsonStringEnumConverter<EvaluativeSupport>))]
public enum EvaluativeSupport
{
    Neutral,
    Weak,
    Moderate,
    ModeratelyStrong,
    Strong,
    VeryStrong,
    ExtremelyStrong,
}

[JsonConverter(typeof(JsonStringEnumConverter<Finding>))]
public enum Finding
{
    Consistent,
    Inconsistent,
    Absent,
    Altered,
    NotAssessable,
}

[JsonConverter(typeof(JsonStringEnumConverter<ReferralStatus>))]
public enum ReferralStatus
{
    Submitted,
    InExamination,
    AwaitingInformation,
    InReview,
    Returned,
    Approved,
    Reported,
    Closed,
    Withdrawn,
}

/// <summary>Reads vocabulary codes from text; only the names count, never numbers.</summary>
public static class Code
{
    /// <summary>
    /// Parses a code by name, ignoring case. Unlike Enum.TryParse it refuses "3" or "White,IR",
    /// which would otherwise slip an undefined or combined value into a stored event.
    /// </summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var name in Code.NamesOf<TEnum>())
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>
    /// The codes of a vocabulary in their order, as a refusal's argument ("use {1:or}"). Typed as a list, not an array:
    /// an array alone would be taken for the refusal's whole argument list.
    /// </summary>
    public static IReadOnlyList<string> NamesOf<TEnum>() where TEnum : struct, Enum => Enum.GetNames<TEnum>();

    /// <summary>"A, B or C": the codes of a vocabulary, for messages.</summary>
    public static string ListOf<TEnum>() where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        return names.Length == 1
            ? names[0]
            : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
