using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

// Characters that are MRZ characters but wrong for their field (issue 16): a digit in a name, a letter in a date or a
// state code, a filler where ICAO allows none. The check digits are computed over whatever is printed, so each zone
// below has every check digit right, and only the character tells the forgery or the mistyped transcription.
public class MrzFieldCharacterTests
{
    public static TheoryData<MrzFormat, int, int, char, string, string> WrongCharacters => new()
    {
        // TD3: P<UTOERIKSSON<<ANNA<MARIA<<<... / L898902C36UTO7408122F1204159ZE184226B<<<<<10
        { MrzFormat.TD3, 1, 1, '<', "documentCode", "the document code starts with a letter; found <." },
        { MrzFormat.TD3, 1, 2, '1', "documentCode", "the document code allows letters and < only; found 1." },
        { MrzFormat.TD3, 1, 5, '0', "issuingState", "the issuing state allows letters and < only; found 0." },
        { MrzFormat.TD3, 1, 12, '0', "surname", "the primary identifier (surname) allows letters and < only; found 0." },
        { MrzFormat.TD3, 1, 22, '4', "givenNames", "the secondary identifier (given names) allows letters and < only; found 4." },
        { MrzFormat.TD3, 2, 10, 'A', "documentNumberCheck", "the check digit of the document number allows a digit only; found A." },
        { MrzFormat.TD3, 2, 12, '7', "nationality", "the nationality allows letters and < only; found 7." },
        { MrzFormat.TD3, 2, 16, 'O', "dateOfBirth", "the date of birth allows digits only (< for an unknown part); found O." },
        { MrzFormat.TD3, 2, 20, '<', "dateOfBirthCheck", "the check digit of the date of birth allows a digit only; found <." },
        { MrzFormat.TD3, 2, 21, '1', "sex", "the sex allows F, M, X or < only; found 1." },
        { MrzFormat.TD3, 2, 24, 'O', "dateOfExpiry", "the date of expiry allows digits only; found O." },
        { MrzFormat.TD3, 2, 28, 'B', "dateOfExpiryCheck", "the check digit of the date of expiry allows a digit only; found B." },
        { MrzFormat.TD3, 2, 43, '<', "optionalDataCheck", "the check digit of the personal number allows a digit only (< when the personal number is empty); found <." },
        { MrzFormat.TD3, 2, 44, 'Z', "compositeCheck", "the composite check digit allows a digit only; found Z." },
        // TD2: I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<< / D231458907UTO7408122F1204159<<<<<<<6
        { MrzFormat.TD2, 1, 1, '1', "documentCode", "the document code starts with a letter; found 1." },
        { MrzFormat.TD2, 1, 3, '8', "issuingState", "the issuing state allows letters and < only; found 8." },
        { MrzFormat.TD2, 1, 9, '1', "surname", "the primary identifier (surname) allows letters and < only; found 1." },
        { MrzFormat.TD2, 1, 24, '1', "givenNames", "the secondary identifier (given names) allows letters and < only; found 1." },
        { MrzFormat.TD2, 2, 10, 'X', "documentNumberCheck", "the check digit of the document number allows a digit only (< when the number continues in the optional data); found X." },
        { MrzFormat.TD2, 2, 11, '0', "nationality", "the nationality allows letters and < only; found 0." },
        { MrzFormat.TD2, 2, 19, 'S', "dateOfBirth", "the date of birth allows digits only (< for an unknown part); found S." },
        { MrzFormat.TD2, 2, 20, 'A', "dateOfBirthCheck", "the check digit of the date of birth allows a digit only; found A." },
        { MrzFormat.TD2, 2, 21, 'W', "sex", "the sex allows F, M, X or < only; found W." },
        { MrzFormat.TD2, 2, 27, '<', "dateOfExpiry", "the date of expiry allows digits only; found <." },
        { MrzFormat.TD2, 2, 28, 'Q', "dateOfExpiryCheck", "the check digit of the date of expiry allows a digit only; found Q." },
        { MrzFormat.TD2, 2, 36, '<', "compositeCheck", "the composite check digit allows a digit only; found <." },
        // TD1: I<UTOD231458907<<<<<<<<<<<<<<< / 7408122F1204159UTO<<<<<<<<<<<6 / ERIKSSON<<ANNA<MARIA<<<<<<<<<<
        { MrzFormat.TD1, 1, 1, '<', "documentCode", "the document code starts with a letter; found <." },
        { MrzFormat.TD1, 1, 2, '3', "documentCode", "the document code allows letters and < only; found 3." },
        { MrzFormat.TD1, 1, 4, '1', "issuingState", "the issuing state allows letters and < only; found 1." },
        { MrzFormat.TD1, 1, 15, 'A', "documentNumberCheck", "the check digit of the document number allows a digit only (< when the number continues in the optional data); found A." },
        { MrzFormat.TD1, 2, 3, 'O', "dateOfBirth", "the date of birth allows digits only (< for an unknown part); found O." },
        { MrzFormat.TD1, 2, 7, 'I', "dateOfBirthCheck", "the check digit of the date of birth allows a digit only; found I." },
        { MrzFormat.TD1, 2, 8, '0', "sex", "the sex allows F, M, X or < only; found 0." },
        { MrzFormat.TD1, 2, 10, 'I', "dateOfExpiry", "the date of expiry allows digits only; found I." },
        { MrzFormat.TD1, 2, 15, '<', "dateOfExpiryCheck", "the check digit of the date of expiry allows a digit only; found <." },
        { MrzFormat.TD1, 2, 16, '0', "nationality", "the nationality allows letters and < only; found 0." },
        { MrzFormat.TD1, 2, 30, 'O', "compositeCheck", "the composite check digit allows a digit only; found O." },
        { MrzFormat.TD1, 3, 6, '5', "surname", "the primary identifier (surname) allows letters and < only; found 5." },
        { MrzFormat.TD1, 3, 12, '4', "givenNames", "the secondary identifier (given names) allows letters and < only; found 4." },
    };

    [Theory]
    [MemberData(nameof(WrongCharacters))]
    public void ACharacterWrongForItsFieldIsAnErrorWithItsLinePositionAndField(
        MrzFormat format, int line, int position, char c, string field, string what)
    {
        var mrz = Replaced(format, line, position, c);

        var result = Check(mrz);

        Assert.Equal(format, result.Format);
        Assert.False(result.Valid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Error(line, position, $"Line {line}, position {position}: {what}"), Shown(error));
        Assert.Equal((field, Refusals.Mrz.CharacterWrongForField), (error.Field, error.Code));
        // Every check digit was computed over what is printed: only a check digit that is itself the wrong character,
        // or whose date is no date, fails.
        Assert.All(result.Checks.Where(k => k.Valid is false), k => Assert.True(
            field == Name(k.Field) + "Check" || (field.StartsWith("date", StringComparison.Ordinal) && field == Name(k.Field)),
            $"{k.Field} fails"));
    }

    // The document number and the optional data allow every MRZ character: only what is no MRZ character is wrong
    // there, and that error names the field too.
    [Theory]
    [InlineData(MrzFormat.TD3, 2, 3, "documentNumber")]
    [InlineData(MrzFormat.TD3, 2, 30, "optionalData")]
    [InlineData(MrzFormat.TD2, 2, 5, "documentNumber")]
    [InlineData(MrzFormat.TD2, 2, 33, "optionalData")]
    [InlineData(MrzFormat.TD1, 1, 8, "documentNumber")]
    [InlineData(MrzFormat.TD1, 1, 20, "optionalData")]
    [InlineData(MrzFormat.TD1, 2, 25, "optionalData")]
    [InlineData(MrzFormat.TD3, 1, 12, "surname")]
    public void ACharacterThatIsNoMrzCharacterNamesItsField(MrzFormat format, int line, int position, string field)
    {
        var result = Check(Replaced(format, line, position, 'e'));

        var error = Assert.Single(result.Errors);
        Assert.Equal(Error(line, position, $"Character 'e' at line {line}, position {position} is not an MRZ character (A-Z, 0-9, <)."), Shown(error));
        Assert.Equal((field, Refusals.Mrz.CharacterNotMrz), (error.Field, error.Code));
    }

    [Fact]
    public void ADigitInTheSurnameIsReported()
    {
        // ERIKSSON with its O replaced by a zero: line 1 is covered by no check digit.
        var result = Check("P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Td3Line2);

        Assert.False(result.Valid);
        Assert.All(result.Checks, c => Assert.True(c.Valid));
        Assert.Equal(Error(1, 12, "Line 1, position 12: the primary identifier (surname) allows letters and < only; found 0."), Shown(Assert.Single(result.Errors)));
        Assert.Equal("ERIKSS0N", result.Fields.Surname);
    }

    [Fact]
    public void ADigitInTheIssuingStateIsReportedOnce()
    {
        var result = Check("P<UT0ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + Td3Line2);

        Assert.False(result.Valid);
        Assert.All(result.Checks, c => Assert.True(c.Valid));
        // The character only; that UT0 is no code follows from it.
        var error = Assert.Single(result.Errors);
        Assert.Equal(Error(1, 5, "Line 1, position 5: the issuing state allows letters and < only; found 0."), Shown(error));
        Assert.Equal("issuingState", error.Field);
    }

    [Fact]
    public void ADigitInAGivenNameOfATd2IsReported()
    {
        var result = Check("I<UTOERIKSSON<<ANNA<MAR1A<<<<<<<<<<<\n" + Td2Line2);

        Assert.False(result.Valid);
        Assert.All(result.Checks, c => Assert.True(c.Valid));
        var error = Assert.Single(result.Errors);
        Assert.Equal(Error(1, 24, "Line 1, position 24: the secondary identifier (given names) allows letters and < only; found 1."), Shown(error));
        Assert.Equal("givenNames", error.Field);
    }

    [Theory]
    [InlineData(MrzFormat.TD3, 1, 3, "issuingState", "the issuing state")]
    [InlineData(MrzFormat.TD3, 2, 11, "nationality", "the nationality")]
    [InlineData(MrzFormat.TD2, 1, 3, "issuingState", "the issuing state")]
    [InlineData(MrzFormat.TD2, 2, 11, "nationality", "the nationality")]
    [InlineData(MrzFormat.TD1, 1, 3, "issuingState", "the issuing state")]
    [InlineData(MrzFormat.TD1, 2, 16, "nationality", "the nationality")]
    public void UtxIsNoCodeOfIcao(MrzFormat format, int line, int from, string field, string what)
    {
        var result = Check(Replaced(format, line, from, "UTX"));

        Assert.False(result.Valid);
        Assert.All(result.Checks, c => Assert.True(c.Valid));
        var error = Assert.Single(result.Errors);
        Assert.Equal(Error(line, from, $"Line {line}, positions {from}-{from + 2}: {what} UTX is not a country code of ICAO 9303 Part 3."), Shown(error));
        Assert.Equal((field, Refusals.Mrz.CodeUnknown), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("<<<")]
    [InlineData("<UT")]
    [InlineData("U<O")]
    [InlineData("AAA")]
    public void FillersAroundLettersOrNoLetterAtAllAreNoCode(string code)
    {
        var result = Check(Replaced(MrzFormat.TD3, 2, 11, code));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 11, "nationality", Refusals.Mrz.CodeUnknown), (error.Line!.Value, error.Position!.Value, error.Field, error.Code));
        Assert.Contains($"the nationality {code} is not", error.Message, StringComparison.Ordinal);
    }

    // ICAO 9303 Part 3's own codes besides ISO 3166: Germany's D, the British nationality classes, the EU, the UN, the
    // Order of Malta, stateless persons, refugees, an unspecified nationality, and the specimen states.
    [Theory]
    [InlineData("D<<")]
    [InlineData("GBD")]
    [InlineData("GBN")]
    [InlineData("GBO")]
    [InlineData("GBP")]
    [InlineData("GBS")]
    [InlineData("EUE")]
    [InlineData("UNO")]
    [InlineData("UNA")]
    [InlineData("UNK")]
    [InlineData("XOM")]
    [InlineData("XXA")]
    [InlineData("XXB")]
    [InlineData("XXC")]
    [InlineData("XXX")]
    [InlineData("UTO")]
    [InlineData("FRA")]
    public void IcaoCodesAreValidStatesAndNationalities(string code)
    {
        var td3 = Check(Replaced(Replaced(MrzFormat.TD3, 1, 3, code), 2, 11, code));
        var td1 = Check(Replaced(Replaced(MrzFormat.TD1, 1, 3, code), 2, 16, code));

        Assert.True(td3.Valid, string.Join("; ", td3.Errors));
        Assert.True(td1.Valid, string.Join("; ", td1.Errors));
        Assert.Equal(code.TrimEnd('<'), td3.Fields.Nationality);
    }

    [Fact]
    public void SexXIsUnspecifiedLikeAFiller()
    {
        var result = Check(Replaced(MrzFormat.TD3, 2, 21, 'X'));

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal(Sex.X, result.Fields.Sex);
    }

    [Theory]
    [InlineData(Td1)]
    [InlineData(Td2)]
    [InlineData(Td3)]
    public void TheSpecimenZonesHaveNoWrongCharacter(string mrz)
    {
        var result = Check(mrz);

        Assert.True(result.Valid);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void ManyWrongCharactersAreCountedAfterTheFirstTwenty()
    {
        // A name field of 39 digits: every one of them is wrong for it.
        var result = Check("P<UTO" + new string('7', 39) + "\n" + Td3Line2);

        Assert.Equal(MrzCheck.MaxCharacterErrors + 1, result.Errors.Count);
        Assert.Equal(Error(1, 6, "Line 1, position 6: the primary identifier (surname) allows letters and < only; found 7."), Shown(result.Errors[0]));
        Assert.Equal(Error(1, 26, "19 more characters are wrong for their fields, from line 1, position 26."), Shown(result.Errors[^1]));
        Assert.Equal(Refusals.Mrz.CharactersWrongForFieldMore, result.Errors[^1].Code);
    }

    [Fact]
    public void NoFieldIsReadForItsCharactersOnALineOfTheWrongLength()
    {
        // Line 1 is one short: its positions may be shifted, so only its length is reported.
        var result = Check("P<UTOERIKSS0N<<ANNA<MARIA".PadRight(43, '<') + "\n" + Td3Line2);

        Assert.Equal(Error(1, 44, "Line 1 has 43 characters; a TD3 line has 44."), Shown(Assert.Single(result.Errors)));
    }

    /// <summary>The Utopia vector of <paramref name="format"/> with <paramref name="text"/> at (line, position), every other check digit recomputed.</summary>
    private static string Replaced(MrzFormat format, int line, int position, string text) =>
        Replaced(format switch { MrzFormat.TD1 => Td1, MrzFormat.TD2 => Td2, _ => Td3 }, format, line, position, text);

    private static string Replaced(MrzFormat format, int line, int position, char c) => Replaced(format, line, position, c.ToString());

    private static string Replaced(string mrz, int line, int position, string text) =>
        Replaced(mrz, mrz.Split('\n')[0].Length switch { 30 => MrzFormat.TD1, 36 => MrzFormat.TD2, _ => MrzFormat.TD3 }, line, position, text);

    private static string Replaced(string mrz, MrzFormat format, int line, int position, string text)
    {
        var lines = mrz.Split('\n').Select(l => l.ToCharArray()).ToArray();
        text.CopyTo(lines[line - 1].AsSpan(position - 1));
        foreach (var check in MrzLayout.Of(format).Checks)
        {
            var at = check.Position;
            if (at.Line == line - 1 && at.Start >= position - 1 && at.Start < position - 1 + text.Length)
            {
                continue; // the character under test
            }
            var data = string.Concat(check.Covers.Select(s => new string(lines[s.Line], s.Start, s.Length)));
            var digit = MrzCheck.CheckDigit(data);
            if (digit >= 0)
            {
                lines[at.Line][at.Start] = (char)('0' + digit);
            }
        }
        return string.Join('\n', lines.Select(l => new string(l)));
    }

    private static string Name(MrzCheckedField field) => field switch
    {
        MrzCheckedField.DocumentNumber => "documentNumber",
        MrzCheckedField.DateOfBirth => "dateOfBirth",
        MrzCheckedField.DateOfExpiry => "dateOfExpiry",
        MrzCheckedField.OptionalData => "optionalData",
        _ => "composite",
    };
}
