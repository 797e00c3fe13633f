using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

public class MrzInputTests
{
    private const string Fillers83 = "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<";

    [Theory]
    [InlineData("  " + Td3Line1 + "  \r\n" + Td3Line2 + " \r\n")]
    [InlineData("\r\n\r\n" + Td3Line1 + "\r\n\r\n   \r\n" + Td3Line2 + "\r\n\r\n")]
    [InlineData("\t" + Td3Line1 + "\t\n\n" + Td3Line2)]
    [InlineData(Td3Line1 + "\r" + Td3Line2)]
    public void AcceptsCrlfSurroundingSpacesAndBlankLines(string input)
    {
        var result = Check(input);

        Assert.Equal(MrzFormat.TD3, result.Format);
        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal("L898902C3", result.Fields.DocumentNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n\n  ")]
    [InlineData("hello world")]
    [InlineData("{\"mrz\": \"\"}")]
    [InlineData("Ceci n'est pas une MRZ.\nNor is this.")]
    public void InputWithoutALineOfMrzCharactersIsNotAnMrz(string? input)
    {
        Assert.False(MrzCheck.TryRun(input, Today, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void ShortLineIsReportedWithItsFirstMissingPosition()
    {
        var result = Check(Td3Line1 + "\n" + Td3Line2[..43]);

        Assert.Equal(MrzFormat.TD3, result.Format);
        Assert.False(result.Valid);
        Assert.Equal(Error(2, 44, "Line 2 has 43 characters; a TD3 line has 44."), Shown(Assert.Single(result.Errors)));
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.Composite, "0", null, false), CheckOf(result, MrzCheckedField.Composite));
        Assert.All(result.Checks.Where(c => c.Field != MrzCheckedField.Composite), c => Assert.True(c.Valid));
        Assert.Equal("ZE184226B", result.Fields.OptionalData);
    }

    [Fact]
    public void LongLineIsReportedWithItsFirstExtraPosition()
    {
        var result = Check(Td3Line1 + "<\n" + Td3Line2);

        Assert.Equal(MrzFormat.TD3, result.Format);
        Assert.False(result.Valid);
        Assert.Equal(Error(1, 45, "Line 1 has 45 characters; a TD3 line has 44."), Shown(Assert.Single(result.Errors)));
        Assert.All(result.Checks, c => Assert.True(c.Valid));
        Assert.Equal("ANNA MARIA", result.Fields.GivenNames);
    }

    [Fact]
    public void LowercaseLettersAreErrorsNotUppercased()
    {
        var result = Check("P<UTaERIKSSON<<anna<MARIA<<<<<<<<<<<<<<<<<<<\n" + Td3Line2);

        Assert.False(result.Valid);
        Assert.Equal(
        [
            Error(1, 5, "Character 'a' at line 1, position 5 is not an MRZ character (A-Z, 0-9, <)."),
            Error(1, 16, "Character 'a' at line 1, position 16 is not an MRZ character (A-Z, 0-9, <)."),
            Error(1, 17, "Character 'n' at line 1, position 17 is not an MRZ character (A-Z, 0-9, <)."),
            Error(1, 18, "Character 'n' at line 1, position 18 is not an MRZ character (A-Z, 0-9, <)."),
            Error(1, 19, "Character 'a' at line 1, position 19 is not an MRZ character (A-Z, 0-9, <)."),
        ], Shown(result));
        Assert.Equal("UTa", result.Fields.IssuingState);
        Assert.Equal("anna MARIA", result.Fields.GivenNames);
        Assert.All(result.Checks, c => Assert.True(c.Valid));
    }

    [Fact]
    public void SpaceInsideALineIsACharacterErrorAndMakesTheLineLong()
    {
        var result = Check(Td3Line1 + "\nL898902C3 6UTO7408122F1204159ZE184226B<<<<<10");

        // Everything after the space is read one position off; no date or sex messages for a line of the wrong length.
        Assert.False(result.Valid);
        Assert.Null(result.Fields.DateOfBirth);
        Assert.Null(result.Fields.Sex);
        Assert.Equal(
        [
            Error(2, 45, "Line 2 has 45 characters; a TD3 line has 44."),
            Error(2, 10, "Character ' ' at line 2, position 10 is not an MRZ character (A-Z, 0-9, <)."),
        ], Shown(result));
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "6", " ", false), CheckOf(result, MrzCheckedField.DocumentNumber));
    }

    [Fact]
    public void ManyBadCharactersAreCountedAfterTheFirstTwenty()
    {
        var result = Check("p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\n" + Td3Line2);

        Assert.Equal(MrzCheck.MaxCharacterErrors + 1, result.Errors.Count);
        Assert.Equal(Error(1, 1, "Character 'p' at line 1, position 1 is not an MRZ character (A-Z, 0-9, <)."), Shown(result.Errors[0]));
        Assert.Equal(Error(1, 25, "1 more character is not an MRZ character (A-Z, 0-9, <), from line 1, position 25."), Shown(result.Errors[^1]));
    }

    [Fact]
    public void ControlCharactersAreShownByCodePoint()
    {
        var result = Check(Td3Line1[..10] + "\u0007" + Td3Line1[11..] + "\n" + Td3Line2);

        Assert.Equal(Error(1, 11, "Character U+0007 at line 1, position 11 is not an MRZ character (A-Z, 0-9, <)."), Shown(Assert.Single(result.Errors)));
    }

    [Fact]
    public void ExtraLineIsReportedAndNotRead()
    {
        var result = Check(Td3 + "\n" + Td3Line2);

        Assert.Equal(MrzFormat.TD3, result.Format);
        Assert.False(result.Valid);
        Assert.Equal(Error(3, null, "The MRZ has 3 lines; a TD3 has 2, so line 3 and after are not read."), Shown(Assert.Single(result.Errors)));
        Assert.All(result.Checks, c => Assert.True(c.Valid));
    }

    [Fact]
    public void MissingSecondLineLeavesItsFieldsNullAndItsChecksFailed()
    {
        var result = Check(Td3Line1);

        Assert.Equal(MrzFormat.TD3, result.Format);
        Assert.False(result.Valid);
        Assert.Equal(Error(2, null, "The MRZ has 1 line; a TD3 has 2, so line 2 is missing."), Shown(Assert.Single(result.Errors)));
        Assert.Equal("P", result.Fields.DocumentCode);
        Assert.Equal("ERIKSSON", result.Fields.Surname);
        Assert.Null(result.Fields.DocumentNumber);
        Assert.Null(result.Fields.DateOfBirth);
        Assert.Null(result.Fields.Sex);
        Assert.Null(result.Fields.OptionalData);
        Assert.Equal(5, result.Checks.Count);
        Assert.All(result.Checks, c => Assert.Equal(new MrzDigitCheck(c.Field, null, null, false), c));
    }

    [Fact]
    public void MissingThirdTd1LineIsStillTd1()
    {
        var result = Check(Td1Line1 + "\n" + Td1Line2);

        Assert.Equal(MrzFormat.TD1, result.Format);
        Assert.Equal(Error(3, null, "The MRZ has 2 lines; a TD1 has 3, so line 3 is missing."), Shown(Assert.Single(result.Errors)));
        Assert.Null(result.Fields.Surname);
        Assert.Equal("D23145890", result.Fields.DocumentNumber);
        Assert.All(result.Checks, c => Assert.True(c.Valid));
        Assert.False(result.Valid);
    }

    [Theory]
    [InlineData('P', 40, MrzFormat.TD3)] // 4 from TD3 and from TD2: a passport code decides
    [InlineData('I', 40, MrzFormat.TD2)]
    [InlineData('I', 42, MrzFormat.TD3)]
    [InlineData('P', 35, MrzFormat.TD2)]
    public void WrongLengthsTakeTheNearestFormat(char code, int length, MrzFormat format)
    {
        var line = code + new string('<', length - 1);
        var result = Check(line + "\n" + line);

        Assert.Equal(format, result.Format);
        Assert.False(result.Valid);
    }

    [Theory]
    [InlineData("ABC<<123", "it has 1 line of 8 characters")]
    [InlineData("P<UTO" + Fillers83, "it has 1 line of 88 characters")]
    [InlineData("A\nB\nC\nD\nE", "it has 5 lines")]
    public void NoPlausibleFormatGivesANullFormatAndNoChecks(string input, string shape)
    {
        var result = Check(input);

        Assert.Null(result.Format);
        Assert.False(result.Valid);
        Assert.Empty(result.Checks);
        Assert.Equal(new MrzFields(), result.Fields);
        Assert.Equal(Error(null, null, $"The input is not an MRZ of a known size: {shape}; an MRZ is 2 lines of 44 characters (TD3), 2 lines of 36 (TD2) or 3 lines of 30 (TD1)."),
            Shown(Assert.Single(result.Errors)));
    }
}
