namespace DescPortal.Core.Mrz;

// The reader: one for every format, reading each field and check digit where the format's MrzLayout puts it.
public static partial class MrzCheck
{
    // The dates are the only fields that explain themselves in errors here (birth, then expiry; characters wrong for
    // their field are MrzCheck.Fields.cs's); the checks come in the layout's order.
    private static Read ReadFields(MrzLayout layout, Lines lines, DateOnly today, ref List<MrzError>? errors)
    {
        var numberCheck = layout.CheckDigitOf(MrzCheckedField.DocumentNumber);
        var hasOptional = lines.TrySlice(layout.OptionalData[0], out var optional);
        var number = ReadNumber(lines, layout[MrzPart.DocumentNumber], lines.At(numberCheck.Position), optional,
            layout.DocumentNumberContinues, out var optionalRest);
        var birth = ReadDate(lines, layout[MrzPart.DateOfBirth], expiry: false, today, layout.LineLength, ref errors, out var birthOk);
        var expiry = ReadDate(lines, layout[MrzPart.DateOfExpiry], expiry: true, today, layout.LineLength, ref errors, out var expiryOk);
        var sex = ReadSex(lines.At(layout[MrzPart.Sex]));
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
        var end = LongNumberEnd(mayContinue, check, field.Length == at.Length, optional);
        if (end >= 0)
        {
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

    // Where a long document number (TD1, TD2) ends in the optional data: the index after its check digit (the first
    // filler, or the field's end); -1 when it does not continue: no filler in the check position, a number that does
    // not fill its 9 positions, or optional data that starts with a filler.
    private static int LongNumberEnd(bool mayContinue, char check, bool numberFull, ReadOnlySpan<char> optional)
    {
        if (!mayContinue || check != '<' || !numberFull || optional.IsEmpty || optional[0] == '<')
        {
            return -1;
        }
        var end = optional.IndexOf('<');
        return end < 0 ? optional.Length : end;
    }

    // A date is explained in an error only on a line of the right length (on another, the positions may be shifted and
    // the line's length error says enough) and only when its characters are right for it (else they are reported).
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
        var characters = expiry ? MrzCharacterSet.Numeric : MrzCharacterSet.NumericOrUnknown;
        if (lines.Line(at.Line).Length != lineLength || !characters.AllowsAll(yymmdd))
        {
            return null; // reported as the line's length or as characters wrong for the field
        }
        // Only a date of birth may have unknown parts (fillers); the date of expiry allows digits only.
        var code = reading == MrzDates.Reading.UnknownParts ? Refusals.Mrz.DateOfBirthUnknownParts
            : expiry ? Refusals.Mrz.DateOfExpiryNoSuchDate
            : Refusals.Mrz.DateOfBirthNoSuchDate;
        var (line, from) = (at.Line + 1, at.Start + 1);
        (errors ??= []).Add(new MrzError(line, from, expiry ? "dateOfExpiry" : "dateOfBirth", code,
            new string(yymmdd), line, from, at.Start + at.Length));
        return null;
    }

    // Anything else is a character wrong for the field (MrzCheck.Fields.cs).
    private static Sex? ReadSex(char c) => c switch
    {
        'F' => Sex.F,
        'M' => Sex.M,
        'X' or '<' => Sex.X,
        _ => null,
    };

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
