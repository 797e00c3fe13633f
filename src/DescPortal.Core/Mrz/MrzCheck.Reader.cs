using System.Globalization;

namespace DescPortal.Core.Mrz;

// The reader: one for every format, reading each field and check digit where the format's MrzLayout puts it.
public static partial class MrzCheck
{
    // The same order for every format: the dates and the sex are the only fields that explain themselves in errors, and
    // the API has always listed those errors birth, expiry, sex; the checks come in the layout's order.
    private static Read ReadFields(MrzLayout layout, Lines lines, DateOnly today, ref List<MrzError>? errors)
    {
        var numberCheck = layout.CheckDigitOf(MrzCheckedField.DocumentNumber);
        var hasOptional = lines.TrySlice(layout.OptionalData[0], out var optional);
        var number = ReadNumber(lines, layout[MrzPart.DocumentNumber], lines.At(numberCheck.Position), optional,
            layout.DocumentNumberContinues, out var optionalRest);
        var birth = ReadDate(lines, layout[MrzPart.DateOfBirth], expiry: false, today, layout.LineLength, ref errors, out var birthOk);
        var expiry = ReadDate(lines, layout[MrzPart.DateOfExpiry], expiry: true, today, layout.LineLength, ref errors, out var expiryOk);
        var sex = ReadSex(lines, layout[MrzPart.Sex], layout.LineLength, ref errors);
        var nameAt = layout[MrzPart.Name];
        var hasName = lines.TrySlice(nameAt, out var name);
        string? surname = null, givenNames = null;
        if (hasName)
        {
            ReadName(name, out surname, out givenNames);
        }

        var checks = new MrzDigitCheck[layout.Checks.Length];
        for (var i = 0; i < checks.Length; i++)
        {
            var check = layout.Checks[i];
            checks[i] = check.Field switch
            {
                MrzCheckedField.DocumentNumber when number.LongCheck is { } longCheck => longCheck,
                MrzCheckedField.DateOfBirth => Digit(check, lines, birthOk),
                MrzCheckedField.DateOfExpiry => Digit(check, lines, expiryOk),
                _ => Digit(check, lines, dataOk: true),
            };
        }

        var fields = new MrzFields
        {
            DocumentCode = lines.Code(layout[MrzPart.DocumentCode]),
            IssuingState = lines.Code(layout[MrzPart.IssuingState]),
            Surname = surname,
            GivenNames = givenNames,
            DocumentNumber = number.Value,
            Nationality = lines.Code(layout[MrzPart.Nationality]),
            DateOfBirth = birth,
            Sex = sex,
            DateOfExpiry = expiry,
            OptionalData = OptionalData(layout, lines, hasOptional, optionalRest),
        };
        var nameField = hasName ? lines.Memory(nameAt with { Length = name.Length }) : default;
        return new Read(fields, checks, nameField, lines.Memory(layout[MrzPart.DateOfBirth]));
    }

    // The document number, 9 characters. Where the number may continue (TD1, TD2) a '<' in the check position with data
    // in the optional field means it does, up to the first filler; the last character before that filler is the check
    // digit over the whole number, and LongCheck is that check. rest = the optional data after it.
    private static (string? Value, MrzDigitCheck? LongCheck) ReadNumber(
        Lines lines, MrzSpan at, char check, ReadOnlySpan<char> optional, bool mayContinue, out ReadOnlySpan<char> rest)
    {
        rest = optional;
        if (!lines.TrySlice(at, out var field))
        {
            return (null, null);
        }
        if (mayContinue && check == '<' && field.Length == at.Length && !optional.IsEmpty && optional[0] != '<')
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
        return (new string(field.TrimEnd('<')), null);
    }

    // Dates and sex are explained in an error only on a line of the right length: on another, the positions may be
    // shifted and the line's length error says enough.
    private static DateOnly? ReadDate(Lines lines, MrzSpan at, bool expiry, DateOnly today, int lineLength, ref List<MrzError>? errors, out bool ok)
    {
        ok = false;
        if (!lines.TryExact(at, out var yymmdd))
        {
            return null; // the line's length error says why
        }
        var reading = expiry ? MrzDates.ReadExpiry(yymmdd, today, out var date) : MrzDates.ReadBirth(yymmdd, today, out date);
        if (reading == MrzDates.Reading.Date)
        {
            ok = true;
            return date;
        }
        if (lines.Line(at.Line).Length != lineLength || yymmdd.IndexOfAnyExcept(MrzAlphabet) >= 0)
        {
            return null; // reported as the line's length or as a character error
        }
        var (what, line, from, to) = (expiry ? "Date of expiry" : "Date of birth", at.Line + 1, at.Start + 1, at.Start + at.Length);
        Add(ref errors, line, from, reading == MrzDates.Reading.NoSuchDate
            ? string.Create(CultureInfo.InvariantCulture, $"{what} '{yymmdd}' at line {line}, positions {from}-{to} is not a calendar date.")
            : string.Create(CultureInfo.InvariantCulture, $"{what} '{yymmdd}' at line {line}, positions {from}-{to} has unknown parts: it is written YYMMDD in digits."));
        return null;
    }

    private static Sex? ReadSex(Lines lines, MrzSpan at, int lineLength, ref List<MrzError>? errors)
    {
        var c = lines.At(at);
        switch (c)
        {
            case 'F':
                return Sex.F;
            case 'M':
                return Sex.M;
            case '<':
                return Sex.X;
        }
        if (IsMrzCharacter(c) && lines.Line(at.Line).Length == lineLength)
        {
            var (line, position) = (at.Line + 1, at.Start + 1);
            Add(ref errors, line, position, string.Create(CultureInfo.InvariantCulture, $"Sex '{c}' at line {line}, position {position} is not F, M or < (unspecified)."));
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

    // Fillers removed at both ends; TD1's two fields joined by one space when both hold data. Null when every optional
    // field's positions are missing. firstRest: the first field after a long document number's continuation.
    private static string? OptionalData(MrzLayout layout, Lines lines, bool hasFirst, ReadOnlySpan<char> firstRest)
    {
        ReadOnlySpan<char> second = default;
        var hasSecond = layout.OptionalData.Length > 1 && lines.TrySlice(layout.OptionalData[1], out second);
        if (!hasFirst && !hasSecond)
        {
            return null;
        }
        var a = firstRest.Trim('<');
        var b = second.Trim('<');
        return a.IsEmpty ? new string(b)
            : b.IsEmpty ? new string(a)
            : string.Concat(a, " ", b);
    }

    // The check digit computed over what it covers, against the one in its position. dataOk: false fails the check
    // even when the digit is right (a date that is not a date).
    private static MrzDigitCheck Digit(MrzCheckDigitLayout check, Lines lines, bool dataOk)
    {
        var sum = new Weighted();
        foreach (var covered in check.Covers)
        {
            sum.Add(lines, covered);
        }
        var actual = lines.At(check.Position);
        if (check.FillerWhenEmpty && actual == '<' && sum.Digit >= 0 && OnlyFillers(lines, check.Covers))
        {
            return new MrzDigitCheck(check.Field, "0", "<", Valid: true);
        }
        return Digit(check.Field, sum.Digit, actual, dataOk);
    }

    private static MrzDigitCheck Digit(MrzCheckedField field, int expected, char actual, bool dataOk = true) =>
        new(field,
            expected >= 0 ? Ascii['0' + expected] : null,
            actual == '\0' ? null : actual < Ascii.Length ? Ascii[actual] : actual.ToString(),
            dataOk && expected >= 0 && actual == '0' + expected);

    private static bool OnlyFillers(Lines lines, ReadOnlySpan<MrzSpan> spans)
    {
        foreach (var span in spans)
        {
            if (!lines.TryExact(span, out var data) || data.IndexOfAnyExcept('<') >= 0)
            {
                return false;
            }
        }
        return true;
    }

    private readonly record struct Read(MrzFields Fields, MrzDigitCheck[] Checks, ReadOnlyMemory<char> NameField, ReadOnlyMemory<char> DateOfBirth);
}
