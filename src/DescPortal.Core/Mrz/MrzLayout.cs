namespace DescPortal.Core.Mrz;

/// <summary>
/// Where each format puts its fields and check digits (ICAO Doc 9303 Part 4 for TD3, Part 5 for TD1, Part 6 for TD2):
/// the table <see cref="MrzCheck"/> reads every format by. Positions are written as ICAO writes them, lines and
/// characters counted from 1, both ends included, so that a row can be checked against the document word for word.
/// </summary>
internal sealed class MrzLayout
{
    public static readonly MrzLayout TD3 = new(MrzFormat.TD3, lineCount: 2, lineLength: 44, documentNumberContinues: false,
    [
        Field(MrzPart.DocumentCode, line: 1, from: 1, to: 2, MrzCharacterSet.DocumentCode),
        Field(MrzPart.IssuingState, line: 1, from: 3, to: 5, MrzCharacterSet.Alphabetic),
        Field(MrzPart.Name, line: 1, from: 6, to: 44, MrzCharacterSet.Alphabetic),
        Field(MrzPart.DocumentNumber, line: 2, from: 1, to: 9, MrzCharacterSet.Alphanumeric),
        Field(MrzPart.Nationality, line: 2, from: 11, to: 13, MrzCharacterSet.Alphabetic),
        Field(MrzPart.DateOfBirth, line: 2, from: 14, to: 19, MrzCharacterSet.NumericOrUnknown),
        Field(MrzPart.Sex, line: 2, from: 21, to: 21, MrzCharacterSet.Sex),
        Field(MrzPart.DateOfExpiry, line: 2, from: 22, to: 27, MrzCharacterSet.Numeric),
        Field(MrzPart.OptionalData, line: 2, from: 29, to: 42, MrzCharacterSet.Alphanumeric), // the personal number
    ],
    [
        Check(MrzCheckedField.DocumentNumber, line: 2, at: 10, covers: [Span(2, 1, 9)]),
        Check(MrzCheckedField.DateOfBirth, line: 2, at: 20, covers: [Span(2, 14, 19)]),
        Check(MrzCheckedField.DateOfExpiry, line: 2, at: 28, covers: [Span(2, 22, 27)]),
        Check(MrzCheckedField.OptionalData, line: 2, at: 43, covers: [Span(2, 29, 42)]) with { FillerWhenEmpty = true },
        Check(MrzCheckedField.Composite, line: 2, at: 44, covers: [Span(2, 1, 10), Span(2, 14, 20), Span(2, 22, 43)]),
    ]);

    public static readonly MrzLayout TD2 = new(MrzFormat.TD2, lineCount: 2, lineLength: 36, documentNumberContinues: true,
    [
        Field(MrzPart.DocumentCode, line: 1, from: 1, to: 2, MrzCharacterSet.DocumentCode),
        Field(MrzPart.IssuingState, line: 1, from: 3, to: 5, MrzCharacterSet.Alphabetic),
        Field(MrzPart.Name, line: 1, from: 6, to: 36, MrzCharacterSet.Alphabetic),
        Field(MrzPart.DocumentNumber, line: 2, from: 1, to: 9, MrzCharacterSet.Alphanumeric),
        Field(MrzPart.Nationality, line: 2, from: 11, to: 13, MrzCharacterSet.Alphabetic),
        Field(MrzPart.DateOfBirth, line: 2, from: 14, to: 19, MrzCharacterSet.NumericOrUnknown),
        Field(MrzPart.Sex, line: 2, from: 21, to: 21, MrzCharacterSet.Sex),
        Field(MrzPart.DateOfExpiry, line: 2, from: 22, to: 27, MrzCharacterSet.Numeric),
        Field(MrzPart.OptionalData, line: 2, from: 29, to: 35, MrzCharacterSet.Alphanumeric),
    ],
    [
        Check(MrzCheckedField.DocumentNumber, line: 2, at: 10, covers: [Span(2, 1, 9)]),
        Check(MrzCheckedField.DateOfBirth, line: 2, at: 20, covers: [Span(2, 14, 19)]),
        Check(MrzCheckedField.DateOfExpiry, line: 2, at: 28, covers: [Span(2, 22, 27)]),
        Check(MrzCheckedField.Composite, line: 2, at: 36, covers: [Span(2, 1, 10), Span(2, 14, 20), Span(2, 22, 35)]),
    ]);

    public static readonly MrzLayout TD1 = new(MrzFormat.TD1, lineCount: 3, lineLength: 30, documentNumberContinues: true,
    [
        Field(MrzPart.DocumentCode, line: 1, from: 1, to: 2, MrzCharacterSet.DocumentCode),
        Field(MrzPart.IssuingState, line: 1, from: 3, to: 5, MrzCharacterSet.Alphabetic),
        Field(MrzPart.DocumentNumber, line: 1, from: 6, to: 14, MrzCharacterSet.Alphanumeric),
        Field(MrzPart.OptionalData, line: 1, from: 16, to: 30, MrzCharacterSet.Alphanumeric),
        Field(MrzPart.DateOfBirth, line: 2, from: 1, to: 6, MrzCharacterSet.NumericOrUnknown),
        Field(MrzPart.Sex, line: 2, from: 8, to: 8, MrzCharacterSet.Sex),
        Field(MrzPart.DateOfExpiry, line: 2, from: 9, to: 14, MrzCharacterSet.Numeric),
        Field(MrzPart.Nationality, line: 2, from: 16, to: 18, MrzCharacterSet.Alphabetic),
        Field(MrzPart.OptionalData, line: 2, from: 19, to: 29, MrzCharacterSet.Alphanumeric),
        Field(MrzPart.Name, line: 3, from: 1, to: 30, MrzCharacterSet.Alphabetic),
    ],
    [
        Check(MrzCheckedField.DocumentNumber, line: 1, at: 15, covers: [Span(1, 6, 14)]),
        Check(MrzCheckedField.DateOfBirth, line: 2, at: 7, covers: [Span(2, 1, 6)]),
        Check(MrzCheckedField.DateOfExpiry, line: 2, at: 15, covers: [Span(2, 9, 14)]),
        Check(MrzCheckedField.Composite, line: 2, at: 30, covers: [Span(1, 6, 30), Span(2, 1, 7), Span(2, 9, 15), Span(2, 19, 29)]),
    ]);

    private readonly MrzFieldLayout[] _fields;
    private readonly MrzCheckDigitLayout[] _checks;
    private readonly MrzSpan[] _optionalData;
    private readonly MrzSpan[] _spans;

    private MrzLayout(
        MrzFormat format, int lineCount, int lineLength, bool documentNumberContinues, MrzFieldLayout[] fields,
        MrzCheckDigitLayout[] checks)
    {
        Format = format;
        LineCount = lineCount;
        LineLength = lineLength;
        DocumentNumberContinues = documentNumberContinues;
        _fields = fields;
        _checks = checks;
        _spans = new MrzSpan[Enum.GetValues<MrzPart>().Length];
        var optional = new List<MrzSpan>(2);
        foreach (var field in fields)
        {
            if (field.Part == MrzPart.OptionalData)
            {
                optional.Add(field.Span);
            }
            else
            {
                _spans[(int)field.Part] = field.Span;
            }
        }
        // The reader joins at most two optional data fields (TD1 has one on each of its first two lines).
        if (optional.Count is < 1 or > 2)
        {
            throw new ArgumentException("A layout has one or two optional data fields.", nameof(fields));
        }
        _optionalData = [.. optional];
    }

    public MrzFormat Format { get; }

    public int LineCount { get; }

    public int LineLength { get; }

    /// <summary>
    /// TD1 and TD2: a document number longer than 9 characters puts &lt; in its check digit's position and continues,
    /// with its check digit, at the start of the (first) optional data field.
    /// </summary>
    public bool DocumentNumberContinues { get; }

    /// <summary>Every field, in the order of the lines, each with its character set.</summary>
    public ReadOnlySpan<MrzFieldLayout> Fields => _fields;

    /// <summary>Every check digit, in the order the result lists them, with what it covers.</summary>
    public ReadOnlySpan<MrzCheckDigitLayout> Checks => _checks;

    /// <summary>The optional data fields in line order; the first is where a long document number continues.</summary>
    public ReadOnlySpan<MrzSpan> OptionalData => _optionalData;

    /// <summary>The layout of a format; anything but TD1 and TD2 is read as TD3.</summary>
    public static MrzLayout Of(MrzFormat format) => format switch
    {
        MrzFormat.TD1 => TD1,
        MrzFormat.TD2 => TD2,
        _ => TD3,
    };

    /// <summary>Where the field is (for optional data, the first one).</summary>
    public MrzSpan this[MrzPart part] => part == MrzPart.OptionalData ? _optionalData[0] : _spans[(int)part];

    /// <summary>The check digit of <paramref name="field"/>; every layout has one for the document number, the dates and the composite.</summary>
    public MrzCheckDigitLayout CheckDigitOf(MrzCheckedField field)
    {
        foreach (var check in _checks) // a loop, not a lambda: the reader asks on every check and allocates nothing here
        {
            if (check.Field == field)
            {
                return check;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(field), field, $"A {Format} has no such check digit.");
    }

    private static MrzFieldLayout Field(MrzPart part, int line, int from, int to, MrzCharacterSet characters) =>
        new(part, Span(line, from, to), characters);

    private static MrzCheckDigitLayout Check(MrzCheckedField field, int line, int at, MrzSpan[] covers) =>
        new(field, Span(line, at, at), covers);

    private static MrzSpan Span(int line, int from, int to) => new(line - 1, from - 1, to - from + 1);
}

/// <summary>What a field of the MRZ holds.</summary>
internal enum MrzPart
{
    DocumentCode,
    IssuingState,
    Name,
    DocumentNumber,
    Nationality,
    DateOfBirth,
    Sex,
    DateOfExpiry,
    OptionalData,
}

/// <summary>
/// The characters a field may hold (ICAO Doc 9303 Part 3). A check digit is <see cref="Numeric"/>; a filler stands in its
/// place only where ICAO allows it (<see cref="MrzCheckDigitLayout.FillerWhenEmpty"/>, <see cref="MrzLayout.DocumentNumberContinues"/>).
/// The state codes are <see cref="Alphabetic"/> and, beyond that, one of <see cref="IcaoCountries"/>.
/// </summary>
internal enum MrzCharacterSet
{
    /// <summary>A to Z and the filler &lt;: names and state codes.</summary>
    Alphabetic,

    /// <summary>0 to 9: the date of expiry (and check digits).</summary>
    Numeric,

    /// <summary>A to Z, 0 to 9 and the filler &lt;: document number, optional data.</summary>
    Alphanumeric,

    /// <summary>0 to 9, and the filler for a part that is unknown: the date of birth (Part 3).</summary>
    NumericOrUnknown,

    /// <summary>F, M, X or the filler &lt; (unspecified).</summary>
    Sex,

    /// <summary>A letter, then letters or fillers: the document code (P, I, AC, P&lt;...).</summary>
    DocumentCode,
}

internal static class MrzCharacterSets
{
    /// <summary>Whether a field of character set <paramref name="set"/> may hold <paramref name="c"/> at <paramref name="index"/> (0-based, in the field).</summary>
    public static bool Allows(this MrzCharacterSet set, char c, int index) => set switch
    {
        MrzCharacterSet.Alphabetic => char.IsAsciiLetterUpper(c) || c == '<',
        MrzCharacterSet.Numeric => char.IsAsciiDigit(c),
        MrzCharacterSet.NumericOrUnknown => char.IsAsciiDigit(c) || c == '<',
        MrzCharacterSet.Sex => c is 'F' or 'M' or 'X' or '<',
        MrzCharacterSet.DocumentCode => char.IsAsciiLetterUpper(c) || (c == '<' && index > 0),
        _ => MrzCheck.IsMrzCharacter(c),
    };

    /// <summary>Whether every character of <paramref name="text"/> is allowed where it stands.</summary>
    public static bool AllowsAll(this MrzCharacterSet set, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!set.Allows(text[i], i))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A stretch of one line, as the reader indexes it: line and start counted from 0.</summary>
internal readonly record struct MrzSpan(int Line, int Start, int Length);

internal readonly record struct MrzFieldLayout(MrzPart Part, MrzSpan Span, MrzCharacterSet Characters);

/// <param name="Position">The check digit's own position: one character, <see cref="MrzCharacterSet.Numeric"/>.</param>
/// <param name="Covers">The stretches whose characters it is computed over, in order.</param>
internal sealed record MrzCheckDigitLayout(MrzCheckedField Field, MrzSpan Position, MrzSpan[] Covers)
{
    /// <summary>TD3's personal number: when the data is all fillers, a filler may stand for its check digit 0.</summary>
    public bool FillerWhenEmpty { get; init; }
}
