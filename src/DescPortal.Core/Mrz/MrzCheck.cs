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
/// characters are reported and not read. Dates and sex are explained in errors only on lines of the right length.
/// </para>
/// </summary>
public static class MrzCheck
{
    /// <summary>At most this many characters are reported one by one; one more error counts the rest.</summary>
    public const int MaxCharacterErrors = 20;

    private const int MaxLines = 8;
    private const string MrzCharacters = "(A-Z, 0-9, <)";

    private static readonly System.Buffers.SearchValues<char> MrzAlphabet =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<");

    private static readonly string[] Ascii = MakeAscii();
    private static readonly MrzFormat[] PassportFirst = [MrzFormat.TD3, MrzFormat.TD2, MrzFormat.TD1];
    private static readonly MrzFormat[] OthersFirst = [MrzFormat.TD2, MrzFormat.TD3, MrzFormat.TD1];

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
    public static (int Lines, int Length) Shape(MrzFormat format) => format switch
    {
        MrzFormat.TD1 => (3, 30),
        MrzFormat.TD2 => (2, 36),
        _ => (2, 44),
    };

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
        var format = ChooseFormat(count, lengths[..kept], input[starts[0]]);
        if (format is not { } f)
        {
            Add(ref errors, null, null, count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"The input is not an MRZ of a known size: it has 1 line of {lengths[0]} characters; an MRZ is 2 lines of 44 characters (TD3), 2 lines of 36 (TD2) or 3 lines of 30 (TD1).")
                : string.Create(CultureInfo.InvariantCulture, $"The input is not an MRZ of a known size: it has {count} lines; an MRZ is 2 lines of 44 characters (TD3), 2 lines of 36 (TD2) or 3 lines of 30 (TD1)."));
            CharacterErrors(lines, kept, ref errors);
            result = new MrzCheckResult { Format = null, Valid = false, Fields = MrzFields.Empty, Checks = [], Errors = (IReadOnlyList<MrzError>?)errors ?? [], Today = today };
            return true;
        }

        var (lineCount, lineLength) = Shape(f);
        if (count > lineCount)
        {
            Add(ref errors, lineCount + 1, null, string.Create(CultureInfo.InvariantCulture, $"The MRZ has {count} lines; a {f} has {lineCount}, so line {lineCount + 1} and after are not read."));
        }
        else if (count < lineCount)
        {
            Add(ref errors, count + 1, null, string.Create(CultureInfo.InvariantCulture, $"The MRZ has {count} {(count == 1 ? "line" : "lines")}; a {f} has {lineCount}, so line {count + 1} is missing."));
        }
        for (var i = 0; i < Math.Min(count, lineCount); i++)
        {
            if (lengths[i] != lineLength)
            {
                Add(ref errors, i + 1, Math.Min(lengths[i], lineLength) + 1,
                    string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} has {lengths[i]} characters; a {f} line has {lineLength}."));
            }
        }
        CharacterErrors(lines, Math.Min(kept, lineCount), ref errors);

        var read = f == MrzFormat.TD1 ? ReadTD1(lines, today, ref errors) : ReadTwoLines(f, lines, today, ref errors);
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

    // TD3 (2×44) and TD2 (2×36): line 1 = code, state, name; line 2 = number, check, nationality, birth, check,
    // sex, expiry, check, optional data (TD3: personal number and its check), composite.
    private static Read ReadTwoLines(MrzFormat format, Lines lines, DateOnly today, ref List<MrzError>? errors)
    {
        var td3 = format == MrzFormat.TD3;
        var optionalLength = td3 ? 14 : 7;
        var compositeAt = td3 ? 43 : 35;

        var numberCheck = lines.At(1, 9);
        var hasOptional = lines.TrySlice(1, 28, optionalLength, out var optional);
        var number = ReadNumber(lines, 1, 0, numberCheck, optional, longForm: !td3, out var optionalRest);
        var lineLength = td3 ? 44 : 36;
        var birth = ReadDate(lines, 1, 13, expiry: false, today, lineLength, ref errors, out var birthOk);
        var expiry = ReadDate(lines, 1, 21, expiry: true, today, lineLength, ref errors, out var expiryOk);
        var sex = ReadSex(lines, 1, 20, lineLength, ref errors);
        var hasName = lines.TrySlice(0, 5, td3 ? 39 : 31, out var name);
        string? surname = null, givenNames = null;
        if (hasName)
        {
            ReadName(name, out surname, out givenNames);
        }

        var composite = new Weighted();
        composite.Add(lines, 1, 0, 10);
        composite.Add(lines, 1, 13, 7);
        composite.Add(lines, 1, 21, compositeAt - 21);

        MrzDigitCheck[] checks;
        if (td3)
        {
            var optionalCheck = lines.At(1, 42);
            var optionalExpected = lines.TryExact(1, 28, 14, out var personalNumber) ? CheckDigit(personalNumber) : -1;
            var emptyAndFiller = optionalCheck == '<' && optionalExpected >= 0 && personalNumber.IndexOfAnyExcept('<') < 0;
            checks =
            [
                number.Check,
                Digit(MrzCheckedField.DateOfBirth, lines.CheckOf(1, 13, 6), lines.At(1, 19), birthOk),
                Digit(MrzCheckedField.DateOfExpiry, lines.CheckOf(1, 21, 6), lines.At(1, 27), expiryOk),
                emptyAndFiller
                    ? new MrzDigitCheck(MrzCheckedField.OptionalData, "0", "<", Valid: true)
                    : Digit(MrzCheckedField.OptionalData, optionalExpected, optionalCheck),
                Digit(MrzCheckedField.Composite, composite.Digit, lines.At(1, compositeAt)),
            ];
        }
        else
        {
            checks =
            [
                number.Check,
                Digit(MrzCheckedField.DateOfBirth, lines.CheckOf(1, 13, 6), lines.At(1, 19), birthOk),
                Digit(MrzCheckedField.DateOfExpiry, lines.CheckOf(1, 21, 6), lines.At(1, 27), expiryOk),
                Digit(MrzCheckedField.Composite, composite.Digit, lines.At(1, compositeAt)),
            ];
        }

        var fields = new MrzFields
        {
            DocumentCode = lines.Code(0, 0, 2),
            IssuingState = lines.Code(0, 2, 3),
            Surname = surname,
            GivenNames = givenNames,
            DocumentNumber = number.Value,
            Nationality = lines.Code(1, 10, 3),
            DateOfBirth = birth,
            Sex = sex,
            DateOfExpiry = expiry,
            OptionalData = hasOptional ? TrimFillers(optionalRest) : null,
        };
        return new Read(fields, checks, hasName ? lines.Memory(0, 5, name.Length) : default, lines.Memory(1, 13, 6));
    }

    // TD1 (3×30): line 1 = code, state, number, check, optional data; line 2 = birth, check, sex, expiry, check,
    // nationality, optional data, composite; line 3 = name.
    private static Read ReadTD1(Lines lines, DateOnly today, ref List<MrzError>? errors)
    {
        var numberCheck = lines.At(0, 14);
        var hasOptional1 = lines.TrySlice(0, 15, 15, out var optional1);
        var hasOptional2 = lines.TrySlice(1, 18, 11, out var optional2);
        var number = ReadNumber(lines, 0, 5, numberCheck, optional1, longForm: true, out var optionalRest);
        var birth = ReadDate(lines, 1, 0, expiry: false, today, 30, ref errors, out var birthOk);
        var expiry = ReadDate(lines, 1, 8, expiry: true, today, 30, ref errors, out var expiryOk);
        var sex = ReadSex(lines, 1, 7, 30, ref errors);
        var hasName = lines.TrySlice(2, 0, 30, out var name);
        string? surname = null, givenNames = null;
        if (hasName)
        {
            ReadName(name, out surname, out givenNames);
        }

        var composite = new Weighted();
        composite.Add(lines, 0, 5, 25);
        composite.Add(lines, 1, 0, 7);
        composite.Add(lines, 1, 8, 7);
        composite.Add(lines, 1, 18, 11);

        MrzDigitCheck[] checks =
        [
            number.Check,
            Digit(MrzCheckedField.DateOfBirth, lines.CheckOf(1, 0, 6), lines.At(1, 6), birthOk),
            Digit(MrzCheckedField.DateOfExpiry, lines.CheckOf(1, 8, 6), lines.At(1, 14), expiryOk),
            Digit(MrzCheckedField.Composite, composite.Digit, lines.At(1, 29)),
        ];

        string? optionalData = null;
        if (hasOptional1 || hasOptional2)
        {
            var first = optionalRest.Trim('<');
            var second = optional2.Trim('<');
            optionalData = first.IsEmpty ? new string(second)
                : second.IsEmpty ? new string(first)
                : string.Concat(first, " ", second);
        }

        var fields = new MrzFields
        {
            DocumentCode = lines.Code(0, 0, 2),
            IssuingState = lines.Code(0, 2, 3),
            Surname = surname,
            GivenNames = givenNames,
            DocumentNumber = number.Value,
            Nationality = lines.Code(1, 15, 3),
            DateOfBirth = birth,
            Sex = sex,
            DateOfExpiry = expiry,
            OptionalData = optionalData,
        };
        return new Read(fields, checks, hasName ? lines.Memory(2, 0, name.Length) : default, lines.Memory(1, 0, 6));
    }

    // The document number at (line, at), 9 characters, and its check digit. In the long form (TD1, TD2) a '<' in the
    // check position with data in the optional field means the number continues there, up to the first filler; the
    // last character before that filler is the check digit over the whole number. rest = the optional data after it.
    private static (string? Value, MrzDigitCheck Check) ReadNumber(
        Lines lines, int line, int at, char check, ReadOnlySpan<char> optional, bool longForm, out ReadOnlySpan<char> rest)
    {
        rest = optional;
        if (!lines.TrySlice(line, at, 9, out var field))
        {
            return (null, Digit(MrzCheckedField.DocumentNumber, -1, check));
        }
        if (longForm && check == '<' && field.Length == 9 && !optional.IsEmpty && optional[0] != '<')
        {
            var end = optional.IndexOf('<');
            if (end < 0)
            {
                end = optional.Length;
            }
            var continuation = optional[..(end - 1)];
            rest = optional[end..];
            var head = field.TrimEnd('<');
            var whole = new Weighted();
            whole.Add(head);
            whole.Add(continuation);
            return (string.Concat(head, continuation), Digit(MrzCheckedField.DocumentNumber, whole.Digit, optional[end - 1]));
        }
        var expected = field.Length == 9 ? CheckDigit(field) : -1;
        return (new string(field.TrimEnd('<')), Digit(MrzCheckedField.DocumentNumber, expected, check));
    }

    // Dates and sex are explained in an error only on a line of the right length: on another, the positions may be
    // shifted and the line's length error says enough.
    private static DateOnly? ReadDate(Lines lines, int line, int at, bool expiry, DateOnly today, int lineLength, ref List<MrzError>? errors, out bool ok)
    {
        ok = false;
        if (!lines.TryExact(line, at, 6, out var yymmdd))
        {
            return null; // the line's length error says why
        }
        var reading = expiry ? MrzDates.ReadExpiry(yymmdd, today, out var date) : MrzDates.ReadBirth(yymmdd, today, out date);
        if (reading == MrzDates.Reading.Date)
        {
            ok = true;
            return date;
        }
        if (lines.Line(line).Length != lineLength || yymmdd.IndexOfAnyExcept(MrzAlphabet) >= 0)
        {
            return null; // reported as the line's length or as a character error
        }
        var what = expiry ? "Date of expiry" : "Date of birth";
        Add(ref errors, line + 1, at + 1, reading == MrzDates.Reading.NoSuchDate
            ? string.Create(CultureInfo.InvariantCulture, $"{what} '{yymmdd}' at line {line + 1}, positions {at + 1}-{at + 6} is not a calendar date.")
            : string.Create(CultureInfo.InvariantCulture, $"{what} '{yymmdd}' at line {line + 1}, positions {at + 1}-{at + 6} has unknown parts: it is written YYMMDD in digits."));
        return null;
    }

    private static Sex? ReadSex(Lines lines, int line, int at, int lineLength, ref List<MrzError>? errors)
    {
        var c = lines.At(line, at);
        switch (c)
        {
            case 'F':
                return Sex.F;
            case 'M':
                return Sex.M;
            case '<':
                return Sex.X;
        }
        if (IsMrzCharacter(c) && lines.Line(line).Length == lineLength)
        {
            Add(ref errors, line + 1, at + 1, string.Create(CultureInfo.InvariantCulture, $"Sex '{c}' at line {line + 1}, position {at + 1} is not F, M or < (unspecified)."));
        }
        return null;
    }

    // Primary identifier up to the first "<<", secondary identifiers after it; fillers between names become one space.
    private static void ReadName(ReadOnlySpan<char> field, out string surname, out string givenNames)
    {
        var split = field.IndexOf("<<", StringComparison.Ordinal);
        surname = Joined(split < 0 ? field : field[..split]);
        givenNames = split < 0 ? "" : Joined(field[(split + 2)..]);
    }

    private static string Joined(ReadOnlySpan<char> names)
    {
        Span<char> buffer = stackalloc char[names.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in names)
        {
            if (c == '<')
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }
            buffer[length++] = c;
        }
        return length == 0 ? "" : new string(buffer[..length]);
    }

    private static string TrimFillers(ReadOnlySpan<char> data)
    {
        var trimmed = data.Trim('<');
        return trimmed.IsEmpty ? "" : new string(trimmed);
    }

    private static MrzDigitCheck Digit(MrzCheckedField field, int expected, char actual, bool dataOk = true) =>
        new(field,
            expected >= 0 ? Ascii['0' + expected] : null,
            actual == '\0' ? null : actual < Ascii.Length ? Ascii[actual] : actual.ToString(),
            dataOk && expected >= 0 && actual == '0' + expected);

    private static MrzFormat? ChooseFormat(int count, ReadOnlySpan<int> lengths, char first)
    {
        MrzFormat? best = null;
        var bestCost = int.MaxValue;
        foreach (var format in first == 'P' ? PassportFirst : OthersFirst)
        {
            var (lineCount, lineLength) = Shape(format);
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
                (best, bestCost) = (format, cost);
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

    private static void CharacterErrors(Lines lines, int lineCount, ref List<MrzError>? errors)
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
                    Add(ref errors, i + 1, bad + 1, string.Create(CultureInfo.InvariantCulture, $"Character {shown} at line {i + 1}, position {bad + 1} is not an MRZ character {MrzCharacters}."));
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
            Add(ref errors, moreLine, morePosition, string.Create(CultureInfo.InvariantCulture,
                $"{more} more {(more == 1 ? "character is not an MRZ character" : "characters are not MRZ characters")} {MrzCharacters}, from line {moreLine}, position {morePosition}."));
        }
    }

    private static void Add(ref List<MrzError>? errors, int? line, int? position, string message) =>
        (errors ??= []).Add(new MrzError(line, position, message));

    private static string[] MakeAscii()
    {
        var strings = new string[128];
        for (var c = 0; c < strings.Length; c++)
        {
            strings[c] = ((char)c).ToString();
        }
        return strings;
    }

    private readonly record struct Read(MrzFields Fields, MrzDigitCheck[] Checks, ReadOnlyMemory<char> NameField, ReadOnlyMemory<char> DateOfBirth);

    /// <summary>The weighted sum (7, 3, 1) of Part 3 §4.9, fed in pieces; broken by a missing position or a non-MRZ character.</summary>
    private struct Weighted
    {
        private int _sum;
        private int _turn;
        private bool _broken;

        public readonly int Digit => _broken ? -1 : _sum % 10;

        public void Add(ReadOnlySpan<char> data)
        {
            foreach (var c in data)
            {
                int value;
                if (char.IsAsciiDigit(c))
                {
                    value = c - '0';
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    value = c - 'A' + 10;
                }
                else if (c == '<')
                {
                    value = 0;
                }
                else
                {
                    _broken = true;
                    return;
                }
                _sum += value * (_turn == 0 ? 7 : _turn == 1 ? 3 : 1);
                _turn = _turn == 2 ? 0 : _turn + 1;
            }
        }

        public void Add(Lines lines, int line, int at, int length)
        {
            if (lines.TryExact(line, at, length, out var data))
            {
                Add(data);
            }
            else
            {
                _broken = true;
            }
        }
    }

    /// <summary>The non-blank lines as (start, length) in the input; a missing line is empty.</summary>
    private readonly ref struct Lines(string input, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        private readonly ReadOnlySpan<int> _starts = starts;
        private readonly ReadOnlySpan<int> _lengths = lengths;

        public ReadOnlySpan<char> Line(int line) =>
            line < _starts.Length ? input.AsSpan(_starts[line], _lengths[line]) : default;

        /// <summary>The character at a 0-based position; '\0' when the position is missing.</summary>
        public char At(int line, int at)
        {
            var text = Line(line);
            return at < text.Length ? text[at] : '\0';
        }

        /// <summary>As much of [at, at + length) as the line has; false when it has none of it.</summary>
        public bool TrySlice(int line, int at, int length, out ReadOnlySpan<char> slice)
        {
            var text = Line(line);
            if (at >= text.Length)
            {
                slice = default;
                return false;
            }
            slice = text.Slice(at, Math.Min(length, text.Length - at));
            return true;
        }

        /// <summary>[at, at + length) when the line has all of it.</summary>
        public bool TryExact(int line, int at, int length, out ReadOnlySpan<char> slice)
        {
            var text = Line(line);
            if (at + length > text.Length)
            {
                slice = default;
                return false;
            }
            slice = text.Slice(at, length);
            return true;
        }

        public int CheckOf(int line, int at, int length) =>
            TryExact(line, at, length, out var data) ? CheckDigit(data) : -1;

        /// <summary>A code field with its trailing fillers removed; null when missing.</summary>
        public string? Code(int line, int at, int length) =>
            TrySlice(line, at, length, out var code) ? TrimEndFillers(code) : null;

        public ReadOnlyMemory<char> Memory(int line, int at, int length)
        {
            if (line >= _starts.Length)
            {
                return default;
            }
            var available = Math.Min(length, _lengths[line] - at);
            return available <= 0 ? default : input.AsMemory(_starts[line] + at, available);
        }

        private static string TrimEndFillers(ReadOnlySpan<char> code)
        {
            var trimmed = code.TrimEnd('<');
            return trimmed.Length switch
            {
                0 => "",
                1 when trimmed[0] < 128 => Ascii[trimmed[0]],
                _ => new string(trimmed),
            };
        }
    }
}
