namespace DescPortal.Core.Mrz;

// The characters each field and check digit allows (ICAO 9303 Part 3), and the state codes. A digit in a name or a
// letter in a date leaves every check digit right (they are computed over whatever is printed), yet it is the mark of a
// counterfeit or a mistyped transcription: each such character is reported once, with the field and what it allows.
public static partial class MrzCheck
{
    /// <summary>
    /// Every character that is an MRZ character but wrong for the field it stands in (a character that is no MRZ
    /// character at all is reported by <see cref="CharacterErrors"/>), and every state or nationality code that is
    /// letters but not one of <see cref="IcaoCountries"/>; in line and position order. Only lines of the format's
    /// length are read: on another the positions may be shifted, and the line's length error says enough.
    /// </summary>
    private static void FieldErrors(MrzLayout layout, Lines lines, int lineCount, ref List<MrzError>? errors)
    {
        List<MrzError>? found = null; // most zones have none: allocate only for the first
        Span<bool> rightLength = stackalloc bool[layout.LineCount];
        for (var i = 0; i < Math.Min(lineCount, layout.LineCount); i++)
        {
            rightLength[i] = lines.Line(i).Length == layout.LineLength;
        }

        foreach (var field in layout.Fields)
        {
            if (rightLength[field.Span.Line] && lines.TryExact(field.Span, out var text))
            {
                WrongCharacters(layout.Format, field, text, ref found);
            }
        }
        foreach (var check in layout.Checks)
        {
            if (rightLength[check.Position.Line])
            {
                CheckDigitErrors(layout, lines, check, ref found);
            }
        }
        // TD1, TD2: a long document number's own check digit stands in the optional data.
        var longNumberCheck = LongNumberCheckDigit(layout, lines);
        if (longNumberCheck is { } at && rightLength[at.Line] && WrongCheckDigit(lines.At(at)) is { } c)
        {
            Add(ref found, WrongCharacter(at.Line, at.Start, "documentNumberCheck", Refusals.Mrz.Field.DocumentNumberCheck, Refusals.Mrz.Allows.CheckDigit, c));
        }
        if (found is null)
        {
            return;
        }

        found.Sort((a, b) => a.Line != b.Line ? a.Line!.Value.CompareTo(b.Line!.Value) : a.Position!.Value.CompareTo(b.Position!.Value));
        var reported = 0;
        var more = 0;
        MrzError? firstMore = null;
        foreach (var error in found)
        {
            if (error.Code != Refusals.Mrz.CharacterWrongForField || reported++ < MaxCharacterErrors)
            {
                Add(ref errors, error);
            }
            else if (more++ == 0)
            {
                firstMore = error;
            }
        }
        if (firstMore is not null)
        {
            Add(ref errors, new MrzError(firstMore.Line, firstMore.Position, null, Refusals.Mrz.CharactersWrongForFieldMore,
                more, firstMore.Line, firstMore.Position));
        }
    }

    private static void WrongCharacters(MrzFormat format, MrzFieldLayout field, ReadOnlySpan<char> text, ref List<MrzError>? found)
    {
        var (line, start) = (field.Span.Line, field.Span.Start);
        var (name, phrase) = Named(field.Part, format);
        // The name field: the primary identifier up to the first "<<", the secondary identifiers after it.
        var secondaryFrom = field.Part == MrzPart.Name ? text.IndexOf("<<", StringComparison.Ordinal) : -1;
        var allRight = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsMrzCharacter(c))
            {
                allRight = false; // reported as no MRZ character
                continue;
            }
            if (field.Characters.Allows(c, i))
            {
                continue;
            }
            allRight = false;
            var secondary = secondaryFrom >= 0 && i >= secondaryFrom;
            Add(ref found, WrongCharacter(line, start + i,
                secondary ? "givenNames" : name,
                secondary ? Refusals.Mrz.Field.SecondaryIdentifier : phrase,
                Allowed(field.Characters, i), c));
        }
        if (allRight && field.Part is MrzPart.IssuingState or MrzPart.Nationality)
        {
            // "D<<" is Germany; a code with a filler before a letter ("<UT") or none at all ("<<<") is no code.
            var code = text.TrimEnd('<');
            if (code.IsEmpty || !IcaoCountries.Contains(code))
            {
                Add(ref found, new MrzError(line + 1, start + 1, name, Refusals.Mrz.CodeUnknown,
                    line + 1, start + 1, start + text.Length, new Phrase(phrase), new string(text)));
            }
        }
    }

    // A digit, or a filler where ICAO allows one: for TD3's empty personal number, and for a document number that
    // continues in the optional data (TD1, TD2).
    private static void CheckDigitErrors(MrzLayout layout, Lines lines, MrzCheckDigitLayout check, ref List<MrzError>? found)
    {
        if (WrongCheckDigit(lines.At(check.Position)) is not { } c)
        {
            return;
        }
        if (c == '<' && check.FillerWhenEmpty && OnlyFillers(lines, check.Covers))
        {
            return;
        }
        var continues = check.Field == MrzCheckedField.DocumentNumber && layout.DocumentNumberContinues;
        if (c == '<' && continues && LongNumberCheckDigit(layout, lines) is not null)
        {
            return;
        }
        var (name, phrase) = Named(check.Field);
        var allows = check.FillerWhenEmpty ? Refusals.Mrz.Allows.CheckDigitOrEmpty
            : continues ? Refusals.Mrz.Allows.CheckDigitOrContinued
            : Refusals.Mrz.Allows.CheckDigit;
        Add(ref found, WrongCharacter(check.Position.Line, check.Position.Start, name, phrase, allows, c));
    }

    /// <summary>The character when it is an MRZ character but no digit; null for a digit, a missing position or a character reported as no MRZ character.</summary>
    private static char? WrongCheckDigit(char c) => IsMrzCharacter(c) && !char.IsAsciiDigit(c) ? c : null;

    /// <summary>Where a long document number's check digit stands (TD1, TD2), as <see cref="ReadNumber"/> reads it; null when the number does not continue.</summary>
    private static MrzSpan? LongNumberCheckDigit(MrzLayout layout, Lines lines)
    {
        var optionalAt = layout.OptionalData[0];
        var numberAt = layout[MrzPart.DocumentNumber];
        if (!lines.TrySlice(numberAt, out var number) || !lines.TrySlice(optionalAt, out var optional))
        {
            return null;
        }
        var end = LongNumberEnd(layout.DocumentNumberContinues, lines.At(layout.CheckDigitOf(MrzCheckedField.DocumentNumber).Position),
            number.Length == numberAt.Length, optional);
        return end < 0 ? null : optionalAt with { Start = optionalAt.Start + end - 1, Length = 1 };
    }

    private static MrzError WrongCharacter(int line, int start, string field, string fieldPhrase, string allows, char c) =>
        new(line + 1, start + 1, field, Refusals.Mrz.CharacterWrongForField,
            line + 1, start + 1, new Phrase(fieldPhrase), new Phrase(allows), c < Ascii.Length ? Ascii[c] : c.ToString());

    // What the error names the field by: its member of MrzFields in JSON, and its words.
    private static (string Name, string Phrase) Named(MrzPart part, MrzFormat format) => part switch
    {
        MrzPart.DocumentCode => ("documentCode", Refusals.Mrz.Field.DocumentCode),
        MrzPart.IssuingState => ("issuingState", Refusals.Mrz.Field.IssuingState),
        MrzPart.Name => ("surname", Refusals.Mrz.Field.PrimaryIdentifier),
        MrzPart.DocumentNumber => ("documentNumber", Refusals.Mrz.Field.DocumentNumber),
        MrzPart.Nationality => ("nationality", Refusals.Mrz.Field.Nationality),
        MrzPart.DateOfBirth => ("dateOfBirth", Refusals.Mrz.Field.DateOfBirth),
        MrzPart.Sex => ("sex", Refusals.Mrz.Field.Sex),
        MrzPart.DateOfExpiry => ("dateOfExpiry", Refusals.Mrz.Field.DateOfExpiry),
        _ => ("optionalData", format == MrzFormat.TD3 ? Refusals.Mrz.Field.PersonalNumber : Refusals.Mrz.Field.OptionalData),
    };

    private static (string Name, string Phrase) Named(MrzCheckedField check) => check switch
    {
        MrzCheckedField.DocumentNumber => ("documentNumberCheck", Refusals.Mrz.Field.DocumentNumberCheck),
        MrzCheckedField.DateOfBirth => ("dateOfBirthCheck", Refusals.Mrz.Field.DateOfBirthCheck),
        MrzCheckedField.DateOfExpiry => ("dateOfExpiryCheck", Refusals.Mrz.Field.DateOfExpiryCheck),
        MrzCheckedField.OptionalData => ("optionalDataCheck", Refusals.Mrz.Field.PersonalNumberCheck),
        _ => ("compositeCheck", Refusals.Mrz.Field.CompositeCheck),
    };

    /// <summary>The name of the field or check digit at (<paramref name="line"/>, <paramref name="index"/>), both from 0, as errors name it; null outside the layout.</summary>
    private static string? FieldAt(MrzLayout layout, Lines lines, int line, int index)
    {
        foreach (var field in layout.Fields)
        {
            var span = field.Span;
            if (span.Line != line || index < span.Start || index >= span.Start + span.Length)
            {
                continue;
            }
            if (field.Part == MrzPart.Name && lines.TryExact(span, out var name))
            {
                var secondaryFrom = name.IndexOf("<<", StringComparison.Ordinal);
                return secondaryFrom >= 0 && index - span.Start >= secondaryFrom ? "givenNames" : "surname";
            }
            return Named(field.Part, layout.Format).Name;
        }
        foreach (var check in layout.Checks)
        {
            if (check.Position.Line == line && check.Position.Start == index)
            {
                return Named(check.Field).Name;
            }
        }
        return null;
    }

    private static string Allowed(MrzCharacterSet set, int index) => set switch
    {
        MrzCharacterSet.Alphabetic => Refusals.Mrz.Allows.Letters,
        MrzCharacterSet.Numeric => Refusals.Mrz.Allows.Digits,
        MrzCharacterSet.NumericOrUnknown => Refusals.Mrz.Allows.DigitsOrUnknown,
        MrzCharacterSet.Sex => Refusals.Mrz.Allows.Sex,
        MrzCharacterSet.DocumentCode => index == 0 ? Refusals.Mrz.Allows.Letter : Refusals.Mrz.Allows.Letters,
        _ => Refusals.Mrz.Allows.LettersAndDigits,
    };
}
