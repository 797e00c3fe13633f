using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

public class MrzVectorTests
{
    [Fact]
    public void Td3VectorReadsEveryFieldAndPassesEveryCheck()
    {
        var result = Check(Td3);

        Assert.Equal(MrzFormat.TD3, result.Format);
        Assert.True(result.Valid);
        Assert.Empty(result.Errors);
        Assert.Equal(new MrzFields
        {
            DocumentCode = "P",
            IssuingState = "UTO",
            Surname = "ERIKSSON",
            GivenNames = "ANNA MARIA",
            DocumentNumber = "L898902C3",
            Nationality = "UTO",
            DateOfBirth = new DateOnly(1974, 8, 12),
            Sex = Sex.F,
            DateOfExpiry = new DateOnly(2012, 4, 15),
            OptionalData = "ZE184226B",
        }, result.Fields);
        Assert.Equal(
        [
            new MrzDigitCheck(MrzCheckedField.DocumentNumber, "6", "6", true),
            new MrzDigitCheck(MrzCheckedField.DateOfBirth, "2", "2", true),
            new MrzDigitCheck(MrzCheckedField.DateOfExpiry, "9", "9", true),
            new MrzDigitCheck(MrzCheckedField.OptionalData, "1", "1", true),
            new MrzDigitCheck(MrzCheckedField.Composite, "0", "0", true),
        ], result.Checks);
    }

    [Fact]
    public void Td2VectorReadsEveryFieldAndPassesEveryCheck()
    {
        var result = Check(Td2);

        Assert.Equal(MrzFormat.TD2, result.Format);
        Assert.True(result.Valid);
        Assert.Empty(result.Errors);
        Assert.Equal(new MrzFields
        {
            DocumentCode = "I",
            IssuingState = "UTO",
            Surname = "ERIKSSON",
            GivenNames = "ANNA MARIA",
            DocumentNumber = "D23145890",
            Nationality = "UTO",
            DateOfBirth = new DateOnly(1974, 8, 12),
            Sex = Sex.F,
            DateOfExpiry = new DateOnly(2012, 4, 15),
            OptionalData = "",
        }, result.Fields);
        // No optional-data check digit in TD2.
        Assert.Equal(
        [
            new MrzDigitCheck(MrzCheckedField.DocumentNumber, "7", "7", true),
            new MrzDigitCheck(MrzCheckedField.DateOfBirth, "2", "2", true),
            new MrzDigitCheck(MrzCheckedField.DateOfExpiry, "9", "9", true),
            new MrzDigitCheck(MrzCheckedField.Composite, "6", "6", true),
        ], result.Checks);
    }

    [Fact]
    public void Td1VectorReadsEveryFieldAndPassesEveryCheck()
    {
        var result = Check(Td1);

        Assert.Equal(MrzFormat.TD1, result.Format);
        Assert.True(result.Valid);
        Assert.Empty(result.Errors);
        Assert.Equal(new MrzFields
        {
            DocumentCode = "I",
            IssuingState = "UTO",
            Surname = "ERIKSSON",
            GivenNames = "ANNA MARIA",
            DocumentNumber = "D23145890",
            Nationality = "UTO",
            DateOfBirth = new DateOnly(1974, 8, 12),
            Sex = Sex.F,
            DateOfExpiry = new DateOnly(2012, 4, 15),
            OptionalData = "",
        }, result.Fields);
        Assert.Equal(
        [
            new MrzDigitCheck(MrzCheckedField.DocumentNumber, "7", "7", true),
            new MrzDigitCheck(MrzCheckedField.DateOfBirth, "2", "2", true),
            new MrzDigitCheck(MrzCheckedField.DateOfExpiry, "9", "9", true),
            new MrzDigitCheck(MrzCheckedField.Composite, "6", "6", true),
        ], result.Checks);
    }

    [Fact]
    public void FillersInsideAndAroundFieldsAreRemoved()
    {
        // Germany's one-letter code "D<<", a surname of three words, a single given name, a personal number with fillers
        // around it and an unspecified sex. Check digits:
        //   number C01X00T47: 12×7 + 0×3 + 1×1 + 33×7 + 0×3 + 0×1 + 29×7 + 4×3 + 7×1 = 538 → 8
        //   birth 640812: 6×7 + 4×3 + 0 + 8×7 + 1×3 + 2×1 = 115 → 5
        //   expiry 271031: 2×7 + 7×3 + 1×1 + 0 + 3×3 + 1×1 = 46 → 6
        //   personal number <<12345<<<<<<<: 0 + 0 + 1×1 + 2×7 + 3×3 + 4×1 + 5×7 = 63 → 3
        var line1 = "P<D<<VAN<DER<BERG<<JAN".PadRight(44, '<');
        var head = "C01X00T478D<<6408125<2710316<<12345<<<<<<<3";
        var composite = MrzCheck.CheckDigit(string.Concat(head.AsSpan(0, 10), head.AsSpan(13, 7), head.AsSpan(21, 22)));
        var result = Check(line1 + "\n" + head + composite);

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal("P", result.Fields.DocumentCode);
        Assert.Equal("D", result.Fields.IssuingState);
        Assert.Equal("D", result.Fields.Nationality);
        Assert.Equal("VAN DER BERG", result.Fields.Surname);
        Assert.Equal("JAN", result.Fields.GivenNames);
        Assert.Equal("C01X00T47", result.Fields.DocumentNumber);
        Assert.Equal(Sex.X, result.Fields.Sex);
        Assert.Equal("12345", result.Fields.OptionalData);
        Assert.Equal(new DateOnly(1964, 8, 12), result.Fields.DateOfBirth);
        Assert.Equal(new DateOnly(2027, 10, 31), result.Fields.DateOfExpiry);
    }

    [Fact]
    public void ShortDocumentNumberKeepsItsFillersOutOfTheValue()
    {
        // Number 12345 in a 9-character field: 1×7 + 2×3 + 3×1 + 4×7 + 5×3 = 59 → 9.
        var line2 = "12345<<<<9UTO7408122F1204159<<<<<<<";
        var composite = MrzCheck.CheckDigit(string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 14)));
        var result = Check(Td2Line1 + "\n" + line2 + composite);

        Assert.True(result.Valid);
        Assert.Equal("12345", result.Fields.DocumentNumber);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "9", "9", true), CheckOf(result, MrzCheckedField.DocumentNumber));
    }

    [Fact]
    public void EmptyPersonalNumberMayHaveAFillerAsItsCheckDigit()
    {
        var filler = Check(Td3Line1 + "\nL898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8");
        var zero = Check(Td3Line1 + "\nL898902C36UTO7408122F1204159<<<<<<<<<<<<<<08");

        Assert.True(filler.Valid);
        Assert.Equal("", filler.Fields.OptionalData);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.OptionalData, "0", "<", true), CheckOf(filler, MrzCheckedField.OptionalData));
        Assert.True(zero.Valid);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.OptionalData, "0", "0", true), CheckOf(zero, MrzCheckedField.OptionalData));
    }

    [Fact]
    public void FillerCheckDigitIsWrongWhenThePersonalNumberIsNotEmpty()
    {
        var line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<<";
        var composite = MrzCheck.CheckDigit(string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22)));
        var result = Check(Td3Line1 + "\n" + line2[..43] + composite);

        Assert.False(result.Valid);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.OptionalData, "1", "<", false), CheckOf(result, MrzCheckedField.OptionalData));
        Assert.True(CheckOf(result, MrzCheckedField.Composite).Valid);
    }

    [Fact]
    public void LongDocumentNumberInTd1IcaoExample()
    {
        // ICAO 9303 Part 5's example: number D23145890734, 12 characters. Positions 6-14 hold D23145890, 15 is '<',
        // the optional data starts with the rest, 734, and the check digit over the whole number:
        //   D=13: 13×7 + 2×3 + 3×1 + 1×7 + 4×3 + 5×1 + 8×7 + 9×3 + 0×1 + 7×7 + 3×3 + 4×1 = 269 → 9
        var result = Check("I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<");

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal("D23145890734", result.Fields.DocumentNumber);
        Assert.Equal("", result.Fields.OptionalData);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "9", "9", true), CheckOf(result, MrzCheckedField.DocumentNumber));
        Assert.Equal(new DateOnly(1934, 7, 12), result.Fields.DateOfBirth);
        Assert.Equal(new DateOnly(1995, 7, 12), result.Fields.DateOfExpiry);
        Assert.Equal(Sex.M, result.Fields.Sex);
        Assert.Equal("STEVENSON", result.Fields.Surname);
        Assert.Equal("PETER JOHN", result.Fields.GivenNames);
    }

    [Fact]
    public void LongDocumentNumberInTd1WithOptionalDataAfterIt()
    {
        // Number X12345678ZK (11 characters): X12345678 in 6-14, '<' in 15, then ZK, its check digit, a filler, ABC12.
        //   number: X=33, Z=35, K=20: 33×7 + 1×3 + 2×1 + 3×7 + 4×3 + 5×1 + 6×7 + 7×3 + 8×1 + 35×7 + 20×3 = 650 → 0
        //   birth 840229 (1984 is a leap year): 8×7 + 4×3 + 0 + 2×7 + 2×3 + 9×1 = 97 → 7
        //   expiry 310101: 3×7 + 1×3 + 0 + 1×7 + 0 + 1×1 = 32 → 2
        //   composite over X12345678<ZK0<ABC12<<<<<< + 8402297 + 3101012 + <<<<<<<<<<<:
        //     231+3+2+21+12+5+42+21+8+0+105+20+0+0+10+77+36+1+14 (X12345678<ZK0<ABC12) + 24+4+0+6+2+63+21 (8402297)
        //     + 3+7+0+1+0+3+2 (3101012) = 744 → 4
        var result = Check("I<UTOX12345678<ZK0<ABC12<<<<<<\n8402297F3101012UTO<<<<<<<<<<<4\nMUELLER<<JUERGEN<<<<<<<<<<<<<<");

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal("X12345678ZK", result.Fields.DocumentNumber);
        Assert.Equal("ABC12", result.Fields.OptionalData);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "0", "0", true), CheckOf(result, MrzCheckedField.DocumentNumber));
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.Composite, "4", "4", true), CheckOf(result, MrzCheckedField.Composite));
        Assert.Equal(new DateOnly(1984, 2, 29), result.Fields.DateOfBirth);
        Assert.Equal(new DateOnly(2031, 1, 1), result.Fields.DateOfExpiry);
    }

    [Fact]
    public void LongDocumentNumberInTd2()
    {
        // Number D231458907AB (12): D23145890 in 1-9, '<' in 10, 7AB and the check digit in the optional data 29-35.
        //   number: 13×7 + 2×3 + 3×1 + 1×7 + 4×3 + 5×1 + 8×7 + 9×3 + 0×1 + 7×7 + 10×3 + 11×1 = 297 → 7
        //   composite over D23145890< + 7408122 + 12041597AB7<<<:
        //     91+6+3+7+12+5+56+27+0+0 + 21+4+0+24+1+14+6 + 1+14+0+4+7+15+9+49+30+11+49+0+0+0 = 466 → 6
        var result = Check(Td2Line1 + "\nD23145890<UTO7408122F12041597AB7<<<6");

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal("D231458907AB", result.Fields.DocumentNumber);
        Assert.Equal("", result.Fields.OptionalData);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "7", "7", true), CheckOf(result, MrzCheckedField.DocumentNumber));
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.Composite, "6", "6", true), CheckOf(result, MrzCheckedField.Composite));
    }

    [Fact]
    public void WrongCheckDigitOfALongDocumentNumberFailsThatCheck()
    {
        // As above with 8 for the number's check digit; composite recomputed: 466 - 49 + 56 = 473 → 3.
        var result = Check(Td2Line1 + "\nD23145890<UTO7408122F12041597AB8<<<3");

        Assert.False(result.Valid);
        Assert.Equal("D231458907AB", result.Fields.DocumentNumber);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "7", "8", false), CheckOf(result, MrzCheckedField.DocumentNumber));
        Assert.True(CheckOf(result, MrzCheckedField.Composite).Valid);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void FillerInTheCheckPositionWithoutAContinuationIsAFailedCheck()
    {
        // TD1 line 1 with '<' at 15 and an empty optional field: no long number, just a wrong check digit.
        var line1 = "I<UTOD23145890<<<<<<<<<<<<<<<<";
        var line2 = "7408122F1204159UTO<<<<<<<<<<<";
        var composite = MrzCheck.CheckDigit(string.Concat(line1.AsSpan(5, 25), line2.AsSpan(0, 7), line2.AsSpan(8, 7), line2.AsSpan(18, 11)));
        var result = Check(line1 + "\n" + line2 + composite + "\n" + Td1Line3);

        Assert.False(result.Valid);
        Assert.Equal("D23145890", result.Fields.DocumentNumber);
        Assert.Equal(new MrzDigitCheck(MrzCheckedField.DocumentNumber, "7", "<", false), CheckOf(result, MrzCheckedField.DocumentNumber));
        Assert.True(CheckOf(result, MrzCheckedField.Composite).Valid);
    }

    [Fact]
    public void Td1OptionalDataOfBothLinesIsJoinedByASpace()
    {
        var line1 = "I<UTOD231458907AB12".PadRight(30, '<');
        var line2 = "7408122F1204159UTO<<XY9<<<<<<";
        var composite = MrzCheck.CheckDigit(string.Concat(line1.AsSpan(5, 25), line2.AsSpan(0, 7), line2.AsSpan(8, 7), line2.AsSpan(18, 11)));
        var result = Check(line1 + "\n" + line2[..29] + composite + "\n" + Td1Line3);

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal("AB12 XY9", result.Fields.OptionalData);
    }
}
