using System.Globalization;
using System.Text.Json.Serialization;

namespace DescPortal.Core.Mrz;

// The result of POST /api/v1/mrz/check. Serialized with System.Text.Json (camelCase) these types give exactly
//   { "format", "valid", "fields": { ... }, "checks": [ { "field", "expected", "actual", "valid" } ],
//     "errors": [ { "line", "position", "message", "field", "code" } ] }
// Only public properties are serialized; what the comparison needs besides is kept in internal members.

/// <summary>The three ICAO 9303 sizes: TD1 (card, 3 lines of 30), TD2 (2 lines of 36), TD3 (passport, 2 lines of 44).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzFormat>))]
public enum MrzFormat
{
    TD1,
    TD2,
    TD3,
}

/// <summary>What a check digit protects; written in JSON as the camelCase field name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MrzCheckedField>))]
public enum MrzCheckedField
{
    [JsonStringEnumMemberName("documentNumber")]
    DocumentNumber,

    [JsonStringEnumMemberName("dateOfBirth")]
    DateOfBirth,

    [JsonStringEnumMemberName("dateOfExpiry")]
    DateOfExpiry,

    /// <summary>TD3 only: the personal number's check digit (position 43 of line 2).</summary>
    [JsonStringEnumMemberName("optionalData")]
    OptionalData,

    [JsonStringEnumMemberName("composite")]
    Composite,
}

public sealed class MrzCheckResult
{
    /// <summary>The size the lines were read as; null only when no size is plausible (see <see cref="MrzCheck"/>).</summary>
    public MrzFormat? Format { get; init; }

    /// <summary>True only when there are no errors and every check digit (and every date) is right.</summary>
    public bool Valid { get; init; }

    public required MrzFields Fields { get; init; }

    public required IReadOnlyList<MrzDigitCheck> Checks { get; init; }

    public required IReadOnlyList<MrzError> Errors { get; init; }

    // For MrzComparison: the name field as printed (fillers included), the date of birth's six characters
    // and the day the dates were read against. Not serialized.
    internal ReadOnlyMemory<char> NameField { get; init; }

    internal ReadOnlyMemory<char> DateOfBirthCharacters { get; init; }

    internal DateOnly Today { get; init; }
}

/// <summary>
/// The data read from the MRZ. A field is null when its positions are missing (a short or missing line)
/// and "" when it is present but holds only fillers.
/// </summary>
public sealed record MrzFields
{
    /// <summary>"P", "I", "PO", "AC"...: trailing fillers removed.</summary>
    public string? DocumentCode { get; init; }

    /// <summary>ICAO three-letter code, trailing fillers removed ("D&lt;&lt;" is "D").</summary>
    public string? IssuingState { get; init; }

    /// <summary>The primary identifier; fillers inside it (VAN&lt;DER&lt;BERG) become spaces.</summary>
    public string? Surname { get; init; }

    /// <summary>The secondary identifiers joined by one space.</summary>
    public string? GivenNames { get; init; }

    /// <summary>Without its check digit; the long TD1/TD2 form read whole (the continuation in the optional data included).</summary>
    public string? DocumentNumber { get; init; }

    public string? Nationality { get; init; }

    /// <summary>Null when the date has unknown parts or does not exist (the dateOfBirth check then fails).</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>F, M or X (the MRZ's X or &lt;, unspecified); null when the position holds anything else.</summary>
    public Sex? Sex { get; init; }

    public DateOnly? DateOfExpiry { get; init; }

    /// <summary>
    /// The personal number (TD3) or optional data (TD2; TD1 line 1, then line 2 after one space when both hold data),
    /// fillers removed at both ends; for a long document number, what follows its continuation and check digit.
    /// </summary>
    public string? OptionalData { get; init; }

    internal static MrzFields Empty { get; } = new();
}

/// <param name="Expected">The check digit computed from the data; null when the data is missing or holds a character that is not an MRZ character.</param>
/// <param name="Actual">The character in the MRZ's check position; null when the position is missing.</param>
public sealed record MrzDigitCheck(MrzCheckedField Field, string? Expected, string? Actual, bool Valid);

/// <summary>
/// One finding of the check: where it is, and a code of <see cref="Refusals.Mrz"/> with its arguments (decision 0010).
/// JSON: { "line", "position", "message", "field", "code" }; the message is English whatever the server's culture,
/// as the API answers; a page words it in its reader's culture with <see cref="MessageIn"/>.
/// </summary>
public sealed class MrzError
{
    private string? _english;

    public MrzError(int? line, int? position, string? field, string code, params object?[] arguments)
    {
        Line = line;
        Position = position;
        Field = field;
        Code = code;
        Arguments = arguments;
    }

    /// <summary>1-based, counting only non-blank lines; null for a problem of the whole input.</summary>
    public int? Line { get; }

    /// <summary>1-based character position in the line; null for a problem of a whole line.</summary>
    public int? Position { get; }

    /// <summary>The finding in English (the invariant culture).</summary>
    public string Message => _english ??= MessageIn(CultureInfo.InvariantCulture);

    /// <summary>
    /// The field the finding is about, named as in <see cref="MrzFields"/> ("surname", "issuingState"), a check digit as
    /// its checked field with "Check" ("compositeCheck"); null for the input's size, a line or a character that is no
    /// MRZ character at all.
    /// </summary>
    public string? Field { get; }

    /// <summary>What was found, as other systems act on it: lowercase dotted words, never reworded.</summary>
    public string Code { get; }

    /// <summary>The values the finding names, in the order its wording uses them.</summary>
    [JsonIgnore]
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The finding in words of <paramref name="culture"/>.</summary>
    public string MessageIn(CultureInfo culture) => Wording.Of(Code, Arguments, culture);

    public override string ToString() => Message;
}
