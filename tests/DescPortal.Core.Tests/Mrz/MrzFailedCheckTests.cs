using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

public class MrzFailedCheckTests
{
    // Each line is the vector with one check digit raised by one and the composite recomputed so that only the named
    // check fails (the composite covers the other check digits; its position is only wrong in the last row).
    [Theory]
    [InlineData("L898902C37UTO7408122F1204159ZE184226B<<<<<17", MrzCheckedField.DocumentNumber, "6", "7")]
    [InlineData("L898902C36UTO7408123F1204159ZE184226B<<<<<13", MrzCheckedField.DateOfBirth, "2", "3")]
    [InlineData("L898902C36UTO7408122F1204150ZE184226B<<<<<11", MrzCheckedField.DateOfExpiry, "9", "0")]
    [InlineData("L898902C36UTO7408122F1204159ZE184226B<<<<<21", MrzCheckedField.OptionalData, "1", "2")]
    [InlineData("L898902C36UTO7408122F1204159ZE184226B<<<<<11", MrzCheckedField.Composite, "0", "1")]
    public void Td3WrongCheckDigitFailsOnlyThatCheck(string line2, MrzCheckedField field, string expected, string actual)
    {
        var result = Check(Td3Line1 + "\n" + line2);

        AssertOnlyFailure(result, field, expected, actual);
        Assert.Equal("L898902C3", result.Fields.DocumentNumber);
        Assert.Equal(new DateOnly(1974, 8, 12), result.Fields.DateOfBirth);
        Assert.Equal(new DateOnly(2012, 4, 15), result.Fields.DateOfExpiry);
    }

    [Theory]
    [InlineData("D231458908UTO7408122F1204159<<<<<<<3", MrzCheckedField.DocumentNumber, "7", "8")]
    [InlineData("D231458907UTO7408123F1204159<<<<<<<9", MrzCheckedField.DateOfBirth, "2", "3")]
    [InlineData("D231458907UTO7408122F1204150<<<<<<<7", MrzCheckedField.DateOfExpiry, "9", "0")]
    [InlineData("D231458907UTO7408122F1204159<<<<<<<7", MrzCheckedField.Composite, "6", "7")]
    public void Td2WrongCheckDigitFailsOnlyThatCheck(string line2, MrzCheckedField field, string expected, string actual)
    {
        AssertOnlyFailure(Check(Td2Line1 + "\n" + line2), field, expected, actual);
    }

    [Theory]
    [InlineData("I<UTOD231458908<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<3", MrzCheckedField.DocumentNumber, "7", "8")]
    [InlineData(Td1Line1, "7408123F1204159UTO<<<<<<<<<<<9", MrzCheckedField.DateOfBirth, "2", "3")]
    [InlineData(Td1Line1, "7408122F1204150UTO<<<<<<<<<<<7", MrzCheckedField.DateOfExpiry, "9", "0")]
    [InlineData(Td1Line1, "7408122F1204159UTO<<<<<<<<<<<7", MrzCheckedField.Composite, "6", "7")]
    public void Td1WrongCheckDigitFailsOnlyThatCheck(string line1, string line2, MrzCheckedField field, string expected, string actual)
    {
        AssertOnlyFailure(Check(line1 + "\n" + line2 + "\n" + Td1Line3), field, expected, actual);
    }

    [Fact]
    public void LetterInACheckPositionIsAFailedCheck()
    {
        var result = Check(Td3Line1 + "\nL898902C3OUTO7408122F1204159ZE184226B<<<<<10");

        Assert.False(result.Valid);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "6", "O", false), CheckOf(result, MrzCheckedField.DocumentNumber));
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.Composite, "6", "0", false), CheckOf(result, MrzCheckedField.Composite));
        var error = Assert.Single(result.Errors);
        Assert.Equal(Error(2, 10, "Line 2, position 10: the check digit of the document number allows a digit only; found O."), Shown(error));
        Assert.Equal("documentNumberCheck", error.Field);
    }

    // Birth dates that cannot exist or have unknown parts; the check digits are right, the check fails anyway.
    [Theory]
    [InlineData("L898902C36UTO7402315F1204159ZE184226B<<<<<16", "740231", "5", "is not a calendar date")]
    [InlineData("L898902C36UTO7413014F1204159ZE184226B<<<<<10", "741301", "4", "is not a calendar date")]
    [InlineData("L898902C36UTO7408007F1204159ZE184226B<<<<<10", "740800", "7", "is not a calendar date")]
    [InlineData("L898902C36UTO7408<<7F1204159ZE184226B<<<<<10", "7408<<", "7", "has unknown parts")]
    public void ImpossibleOrUnknownBirthDateIsNullWithAFailedCheck(string line2, string yymmdd, string digit, string problem)
    {
        var result = Check(Td3Line1 + "\n" + line2);

        Assert.False(result.Valid);
        Assert.Null(result.Fields.DateOfBirth);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DateOfBirth, digit, digit, false), CheckOf(result, MrzCheckedField.DateOfBirth));
        Assert.All(result.Checks.Where(c => c.Field != MrzCheckedField.DateOfBirth), c => Assert.True(c.Valid));
        var error = Assert.Single(result.Errors);
        Assert.Equal(Error(2, 14, $"Date of birth '{yymmdd}' at line 2, positions 14-19 {problem}" +
            (problem == "has unknown parts" ? ": it is written YYMMDD in digits." : ".")), Shown(error));
        Assert.Equal("dateOfBirth", error.Field);
    }

    // A letter in a date is a character wrong for the field, reported where it stands; the date itself is not
    // explained again.
    [Fact]
    public void LetterInTheBirthDateIsReportedAsACharacterOfTheDate()
    {
        var result = Check(Td3Line1 + "\nL898902C36UTO74O8126F1204159ZE184226B<<<<<10");

        Assert.False(result.Valid);
        Assert.Null(result.Fields.DateOfBirth);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DateOfBirth, "6", "6", false), CheckOf(result, MrzCheckedField.DateOfBirth));
        Assert.Equal(Error(2, 16, "Line 2, position 16: the date of birth allows digits only (< for an unknown part); found O."),
            Shown(Assert.Single(result.Errors)));
    }

    [Theory]
    [InlineData("L898902C36UTO7408122F1204311ZE184226B<<<<<14", "120431", "is not a calendar date.")]
    public void ImpossibleOrUnknownExpiryDateIsNullWithAFailedCheck(string line2, string yymmdd, string problem)
    {
        var result = Check(Td3Line1 + "\n" + line2);

        Assert.False(result.Valid);
        Assert.Null(result.Fields.DateOfExpiry);
        Assert.Equal(new DateOnly(1974, 8, 12), result.Fields.DateOfBirth);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DateOfExpiry, "1", "1", false), CheckOf(result, MrzCheckedField.DateOfExpiry));
        Assert.Equal(Error(2, 22, $"Date of expiry '{yymmdd}' at line 2, positions 22-27 {problem}"), Shown(Assert.Single(result.Errors)));
    }

    // Only a date of birth may have unknown parts: a filler in the date of expiry is a character wrong for it.
    [Fact]
    public void FillersInTheExpiryDateAreCharactersWrongForIt()
    {
        var result = Check(Td3Line1 + "\nL898902C36UTO7408122F1204<<1ZE184226B<<<<<10");

        Assert.False(result.Valid);
        Assert.Null(result.Fields.DateOfExpiry);
        Assert.False(CheckOf(result, MrzCheckedField.DateOfExpiry).Valid);
        Assert.Equal(
        [
            Error(2, 26, "Line 2, position 26: the date of expiry allows digits only; found <."),
            Error(2, 27, "Line 2, position 27: the date of expiry allows digits only; found <."),
        ], Shown(result));
        Assert.All(result.Errors, e => Assert.Equal(("dateOfExpiry", Refusals.Mrz.CharacterWrongForField), (e.Field, e.Code)));
    }

    [Fact]
    public void SexOtherThanFMXOrFillerIsAnError()
    {
        // Q is an MRZ character, so only the sex is wrong; it is not in any check digit's data.
        var result = Check(Td3Line1 + "\nL898902C36UTO7408122Q1204159ZE184226B<<<<<10");

        Assert.False(result.Valid);
        Assert.Null(result.Fields.Sex);
        Assert.All(result.Checks, c => Assert.True(c.Valid));
        Assert.Equal(Error(2, 21, "Line 2, position 21: the sex allows F, M, X or < only; found Q."), Shown(Assert.Single(result.Errors)));
    }

    private static void AssertOnlyFailure(MrzCheckResult result, MrzCheckedField field, string expected, string actual)
    {
        Assert.False(result.Valid);
        Assert.Empty(result.Errors);
        Assert.Equal(new MrzDigitCheck(field, expected, actual, false), CheckOf(result, field));
        Assert.All(result.Checks.Where(c => c.Field != field), c => Assert.True(c.Valid, $"{c.Field} should pass"));
    }
}
