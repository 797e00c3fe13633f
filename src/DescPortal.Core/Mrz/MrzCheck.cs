using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DescPortal.Core.Mrz;

/// <summary>
/// Reads and checks a machine readable zone (ICAO Doc 9303 Parts 3 to 6): pure, no I/O, no regex, no LINQ.
/// <para>
/// Input: the lines separated by "\n" (CRLF, a lone CR, surrounding white space and blank lines accepted). Only
/// non-blank lines count, and error line numbers count only them. Lowercase letters are reported, never uppercased.
/// </para>
/// <para>
/// Which input is an MRZ at all: one with at least one non-blank line in which MRZ characters (A-Z, 0-9, &lt;)
/// make up at least half of the characters. Anything else makes <see cref="TryRun"/> return false (the API's 400).
/// </para>
/// <para>
/// The format: 2×44 is TD3, 2×36 TD2, 3×30 TD1. Otherwise the nearest plausible one: a format is plausible when the
/// line count is within one of its own and at least one of its lines is within 4 characters of its length; among
/// those the lowest cost wins (the sum of each line's length difference, plus 10 per missing or extra line), ties
/// going to TD3 when the first character is P and otherwise to TD2, then TD3, then TD1. When no format is plausible,
/// the format is null, every field is null and there are no checks. With a plausible format, what the lines hold is
/// read at the format's positions: a field whose positions are missing is null, its check fails, and extra lines or
/// characters are reported and not read.
/// </para>
/// <para>
/// Every character is checked against its field's set (ICAO 9303 Part 3: letters and fillers in names, letters in the
/// codes, digits in dates and check digits...), and the state and nationality codes against <see cref="IcaoCountries"/>,
/// on lines of the right length; a date is explained when it is no calendar date. Each finding is an
/// <see cref="MrzError"/>: a code of <see cref="Refusals.Mrz"/> with its line, 1-based position and field.
/// </para>
/// <para>
/// Every format is read by one reader (MrzCheck.Reader.cs) from its row of <see cref="MrzLayout"/>: where each field
/// and check digit is, each field's character set, and what each check digit covers.
/// </para>
/// </summary>
// Here: the input's lines, the choice of format and the characters that are no MRZ characters; the reader, the lines
// and weighted sums it reads with, and the characters wrong for their field (MrzCheck.Fields.cs) are the other parts.
public static partial class MrzCheck
{
    /// <summary>
    /// At most this many characters of each kind (no MRZ character; wrong for its field) are reported one by one; one
    /// more error counts the rest of that kind.
    /// </summary>
    public const int MaxCharacterErrors = 20;

    private const int MaxLines = 8;

    private static readonly System.Buffers.SearchValues<char> MrzAlphabet =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<");

    private static readonly string[] Ascii = MakeAscii();
    private static readonly MrzLayout[] PassportFirst = [MrzLayout.TD3, MrzLayout.TD2, MrzLayout.TD1];
    private static readonly MrzLayout[] OthersFirst = [MrzLayout.TD2, MrzLayout.TD3, MrzLayout.TD1];

    /// <summary>A-Z, 0-9 and the filler &lt;.</summary>
    public static bool IsMrzCharacter(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c == '<';

    /// <summary>The check digit (ICAO 9303 Part 3 §4.9) of <paramref name="data"/>; -1 when it holds a character that is not an MRZ character.</summary>
    public static int CheckDigit(ReadOnlySpan<char> data)
    {
        var sum = new Weighted();
        sum.Add(data);
        return sum.Digit;
    }

    /// <summary>The line count and line length of a format.</summary>
    public static (int Lines, int Length) Shape(MrzFormat format)
    {
        var layout = MrzLayout.Of(format);
        return (layout.LineCount, layout.LineLength);
    }

    /// <summary>
    /// Reads and checks <paramref name="input"/>. False (and a null result) when it holds no line of MRZ characters,
    /// which the API answers with 400; otherwise true, with a result that may be invalid.
    /// </summary>
    /// <param name="today">Chooses the dates' centuries (see <see cref="MrzFields.DateOfBirth"/> and <see cref="MrzFields.DateOfExpiry"/>).</param>
    public static bool TryRun(string? input, DateOnly today, [NotNullWhen(true)] out MrzCheckResult? result)
    {
        result = null;
        if (input is null)
        {
            return false;
        }

        Span<int> starts = stackalloc int[MaxLines];
        Span<int> lengths = stackalloc int[MaxLines];
        var count = 0;
        var anyMrzLine = false;
        var text = input.AsSpan();
        var from = 0;
        while (true)
        {
            var next = text[from..].IndexOfAny('\n', '\r');
            var end = next < 0 ? text.Length : from + next;
            var start = from;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
            var stop = end;
            while (stop > start && char.IsWhiteSpace(text[stop - 1]))
            {
                stop--;
            }
            if (stop > start)
            {
                if (count < MaxLines)
                {
                    starts[count] = start;
                    lengths[count] = stop - start;
                }
                count++;
                anyMrzLine = anyMrzLine || IsMostlyMrz(text[start..stop]);
            }
            if (next < 0)
            {
                break;
            }
            from = end + 1;
        }
        if (!anyMrzLine)
        {
            return false;
        }

        var kept = Math.Min(count, MaxLines);
        var lines = new Lines(input, starts[..kept], lengths[..kept]);
        List<MrzError>? errors = null;
        var layout = ChooseLayout(count, lengths[..kept], input[starts[0]]);
        if (layout is null)
        {
            Add(ref errors, count == 1
                ? new MrzError(null, null, null, Refusals.Mrz.SizeUnknownOneLine, lengths[0])
                : new MrzError(null, null, null, Refusals.Mrz.SizeUnknown, count));
            CharacterErrors(null, lines, kept, ref errors);
            result = new MrzCheckResult { Format = null, Valid = false, Fields = MrzFields.Empty, Checks = [], Errors = (IReadOnlyList<MrzError>?)errors ?? [], Today = today };
            return true;
        }

        var (f, lineCount, lineLength) = (layout.Format, layout.LineCount, layout.LineLength);
        if (count > lineCount)
        {
            Add(ref errors, new MrzError(lineCount + 1, null, null, Refusals.Mrz.LinesExtra, count, f, lineCount, lineCount + 1));
        }
        else if (count < lineCount)
        {
            Add(ref errors, new MrzError(count + 1, null, null, Refusals.Mrz.LinesMissing, count, f, lineCount, count + 1));
        }
        for (var i = 0; i < Math.Min(count, lineCount); i++)
        {
            if (lengths[i] != lineLength)
            {
                Add(ref errors, new MrzError(i + 1, Math.Min(lengths[i], lineLength) + 1, null, Refusals.Mrz.LineLength, i + 1, lengths[i], f, lineLength));
            }
        }
        CharacterErrors(layout, lines, Math.Min(kept, lineCount), ref errors);
        FieldErrors(layout, lines, Math.Min(kept, lineCount), ref errors);

        var read = ReadFields(layout, lines, today, ref errors);
        var valid = errors is null;
        foreach (var check in read.Checks)
        {
            valid &= check.Valid;
        }
        result = new MrzCheckResult
        {
            Format = f,
            Valid = valid,
            Fields = read.Fields,
            Checks = read.Checks,
            Errors = (IReadOnlyList<MrzError>?)errors ?? [],
            NameField = read.NameField,
            DateOfBirthCharacters = read.DateOfBirth,
            Today = today,
        };
        return true;
    }

    private static MrzLayout? ChooseLayout(int count, ReadOnlySpan<int> lengths, char first)
    {
        MrzLayout? best = null;
        var bestCost = int.MaxValue;
        foreach (var layout in first == 'P' ? PassportFirst : OthersFirst)
        {
            var (lineCount, lineLength) = (layout.LineCount, layout.LineLength);
            if (Math.Abs(count - lineCount) > 1)
            {
                continue;
            }
            var cost = Math.Abs(count - lineCount) * 10;
            var near = false;
            for (var i = 0; i < Math.Min(lengths.Length, lineCount); i++)
            {
                var difference = Math.Abs(lengths[i] - lineLength);
                cost += difference;
                near |= difference <= 4;
            }
            if (near && cost < bestCost)
            {
                (best, bestCost) = (layout, cost);
            }
        }
        return best;
    }

    private static bool IsMostlyMrz(ReadOnlySpan<char> line)
    {
        var mrz = 0;
        foreach (var c in line)
        {
            if (IsMrzCharacter(c))
            {
                mrz++;
            }
        }
        return mrz > 0 && mrz * 2 >= line.Length;
    }

    // Each names its field where the format is known and the line has its length (elsewhere positions may be shifted).
    private static void CharacterErrors(MrzLayout? layout, Lines lines, int lineCount, ref List<MrzError>? errors)
    {
        var reported = 0;
        var more = 0;
        var (moreLine, morePosition) = (0, 0);
        for (var i = 0; i < lineCount; i++)
        {
            var line = lines.Line(i);
            var bad = line.IndexOfAnyExcept(MrzAlphabet);
            while (bad >= 0)
            {
                if (reported < MaxCharacterErrors)
                {
                    var c = line[bad];
                    var shown = char.IsControl(c) || char.IsSurrogate(c) || (char.IsWhiteSpace(c) && c != ' ')
                        ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
                        : string.Create(CultureInfo.InvariantCulture, $"'{c}'");
                    var field = layout is not null && line.Length == layout.LineLength ? FieldAt(layout, lines, i, bad) : null;
                    Add(ref errors, new MrzError(i + 1, bad + 1, field, Refusals.Mrz.CharacterNotMrz, shown, i + 1, bad + 1));
                    reported++;
                }
                else if (more++ == 0)
                {
                    (moreLine, morePosition) = (i + 1, bad + 1);
                }
                var after = line[(bad + 1)..].IndexOfAnyExcept(MrzAlphabet);
                bad = after < 0 ? -1 : bad + 1 + after;
            }
        }
        if (more > 0)
        {
            Add(ref errors, new MrzError(moreLine, morePosition, null, Refusals.Mrz.CharactersNotMrzMore, more, moreLine, morePosition));
        }
    }

    private static void Add(ref List<MrzError>? errors, MrzError error) => (errors ??= []).Add(error);

    private static string[] MakeAscii()
    {
        var strings = new string[128];
        for (var c = 0; c < strings.Length; c++)
        {
            strings[c] = ((char)c).ToString();
        }
        return strings;
    }
}
