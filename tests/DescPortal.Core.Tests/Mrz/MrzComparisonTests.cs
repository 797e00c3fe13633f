using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

public class MrzComparisonTests
{
    private static readonly MrzEnteredData Anna = new()
    {
        Surname = "Eriksson",
        GivenNames = "Anna Maria",
        Nationality = "uto",
        DateOfBirth = "1974-08-12",
        Sex = "F",
        DocumentNumber = "L898902C3",
        IssuingState = "UTO",
        DocumentType = "Passport",
    };

    [Fact]
    public void EveryFieldOfTheVectorIsConsistentWithItsData()
    {
        var results = MrzComparison.Compare(Check(Td3), Anna);

        Assert.Equal(
        [
            new MrzFieldComparison(MrzComparedField.Surname, MrzComparisonResult.Consistent, "Eriksson", "ERIKSSON"),
            new MrzFieldComparison(MrzComparedField.GivenNames, MrzComparisonResult.Consistent, "Anna Maria", "ANNA MARIA"),
            new MrzFieldComparison(MrzComparedField.Nationality, MrzComparisonResult.Consistent, "uto", "UTO"),
            new MrzFieldComparison(MrzComparedField.DateOfBirth, MrzComparisonResult.Consistent, "1974-08-12", "1974-08-12"),
            new MrzFieldComparison(MrzComparedField.Sex, MrzComparisonResult.Consistent, "F", "F"),
            new MrzFieldComparison(MrzComparedField.DocumentNumber, MrzComparisonResult.Consistent, "L898902C3", "L898902C3"),
            new MrzFieldComparison(MrzComparedField.IssuingState, MrzComparisonResult.Consistent, "UTO", "UTO"),
            new MrzFieldComparison(MrzComparedField.DocumentType, MrzComparisonResult.Consistent, "Passport", "P"),
        ], results);
    }

    [Fact]
    public void RealDiscrepanciesAreReported()
    {
        var results = MrzComparison.Compare(Check(Td3), Anna with
        {
            Surname = "Eriksen",
            DateOfBirth = "1974-08-13",
            Sex = "M",
            Nationality = "SWE",
            DocumentNumber = "L898902C4",
            DocumentType = "IdentityCard",
        });

        Assert.Equal(MrzComparisonResult.Discrepancy, Result(results, MrzComparedField.Surname));
        Assert.Equal(MrzComparisonResult.Consistent, Result(results, MrzComparedField.GivenNames));
        Assert.Equal(MrzComparisonResult.Discrepancy, Result(results, MrzComparedField.Nationality));
        Assert.Equal(MrzComparisonResult.Discrepancy, Result(results, MrzComparedField.DateOfBirth));
        Assert.Equal(MrzComparisonResult.Discrepancy, Result(results, MrzComparedField.Sex));
        Assert.Equal(MrzComparisonResult.Discrepancy, Result(results, MrzComparedField.DocumentNumber));
        Assert.Equal(MrzComparisonResult.Consistent, Result(results, MrzComparedField.IssuingState));
        Assert.Equal(MrzComparisonResult.Discrepancy, Result(results, MrzComparedField.DocumentType));
        Assert.Equal(new MrzFieldComparison(MrzComparedField.Surname, MrzComparisonResult.Discrepancy, "Eriksen", "ERIKSSON"), results[0]);
    }

    [Theory]
    [InlineData("MUELLER", "Müller", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("MULLER", "Müller", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("MUELLER", "Muller", MrzComparisonResult.Discrepancy)]
    [InlineData("MUELLER", "Mueller", MrzComparisonResult.Consistent)]
    [InlineData("MUELLER", "Möller", MrzComparisonResult.Discrepancy)]
    [InlineData("OERSTED", "Ørsted", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("ORSTED", "Ørsted", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("SHCHERBAKOVA", "Щербакова", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("SHCHERBAKOVA", "Shcherbakova", MrzComparisonResult.Consistent)]
    [InlineData("SCHERBAKOVA", "Щербакова", MrzComparisonResult.Discrepancy)]
    [InlineData("OBRIEN<SMITH", "O'Brien-Smith", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("OBRIEN<SMITH", "O'Brien Smith", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("OBRIEN<SMITH", "OBrien Smith", MrzComparisonResult.Consistent)]
    [InlineData("OBRIENSMITH", "O'Brien-Smith", MrzComparisonResult.Discrepancy)]
    [InlineData("PAPADOPOULOS", "Παπαδόπουλος", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("GOESSMANN", "Gößmann", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("GOSSMANN", "Gößmann", MrzComparisonResult.ConsistentAfterTransliteration)]
    public void SurnamesAreComparedThroughTransliteration(string mrzSurname, string entered, MrzComparisonResult expected)
    {
        var result = MrzComparison.Compare(Check(Td3Named(mrzSurname + "<<ANNA")), Anna with { Surname = entered })[0];

        Assert.Equal(MrzComparedField.Surname, result.Field);
        Assert.Equal(expected, result.Result);
        Assert.Equal(entered, result.Entered);
        Assert.Equal(mrzSurname.Replace('<', ' '), result.Mrz);
        if (expected == MrzComparisonResult.ConsistentAfterTransliteration)
        {
            Assert.Equal("Written per ICAO 9303 transliteration and punctuation rules.", result.Note);
        }
    }

    [Fact]
    public void TruncatedGivenNamesAreConsistentWhenTheFieldIsFull()
    {
        // TD1 name field (30) as the issuer truncates it: HAEMAELAEINEN<VIRTANEN<<ANNA<M, no filler at the end.
        var mrz = Check(Td1Line1 + "\n" + Td1Line2 + "\nHAEMAELAEINEN<VIRTANEN<<ANNA<M");
        var entered = Anna with { Surname = "Hämäläinen-Virtanen", GivenNames = "Anna Maria Johanna" };

        var results = MrzComparison.Compare(mrz, entered);

        Assert.True(mrz.Valid);
        Assert.Equal(new MrzFieldComparison(MrzComparedField.Surname, MrzComparisonResult.ConsistentAfterTransliteration,
            "Hämäläinen-Virtanen", "HAEMAELAEINEN VIRTANEN", "Written per ICAO 9303 transliteration and punctuation rules."), results[0]);
        Assert.Equal(new MrzFieldComparison(MrzComparedField.GivenNames, MrzComparisonResult.ConsistentAfterTransliteration,
            "Anna Maria Johanna", "ANNA M", "The MRZ name field is full: the name is truncated to fit (ICAO 9303)."), results[1]);
    }

    [Fact]
    public void ShortenedGivenNamesFollowedByFillersAreADiscrepancy()
    {
        // Same letters, but the field does not end at its boundary: nothing was cut for lack of room.
        var mrz = Check(Td1Line1 + "\n" + Td1Line2 + "\nERIKSSON<<ANNA<M<<<<<<<<<<<<<<");

        var results = MrzComparison.Compare(mrz, Anna);

        Assert.Equal(MrzComparisonResult.Discrepancy, results[1].Result);
        Assert.Equal("ANNA M", results[1].Mrz);
    }

    [Fact]
    public void TruncationInsideATransliteratedLetterIsConsistent()
    {
        // ...<<JUERGEN<MUE: the field ends between the U and the E of Ü.
        var name = "SCHMIDT<WOLFSBERGER<<JUERGEN<MU";
        var mrz = Check(Td1Line1 + "\n" + Td1Line2 + "\n" + name[..30]);

        var result = MrzComparison.Compare(mrz, Anna with { Surname = "Schmidt-Wolfsberger", GivenNames = "Jürgen Müller" })[1];

        Assert.Equal(MrzComparisonResult.ConsistentAfterTransliteration, result.Result);
        Assert.Equal("JUERGEN M", result.Mrz);
    }

    [Fact]
    public void TruncatedPrimaryIdentifierLeavesNoRoomForGivenNames()
    {
        var mrz = Check(Td1Line1 + "\n" + Td1Line2 + "\nWOLFESCHLEGELSTEINHAUSENBERGER");

        var results = MrzComparison.Compare(mrz, Anna with { Surname = "Wolfeschlegelsteinhausenbergerdorff", GivenNames = "Hubert" });

        Assert.Equal("WOLFESCHLEGELSTEINHAUSENBERGER", mrz.Fields.Surname);
        Assert.Equal("", mrz.Fields.GivenNames);
        Assert.Equal(MrzComparisonResult.ConsistentAfterTransliteration, results[0].Result);
        Assert.Equal("The MRZ name field is full: the name is truncated to fit (ICAO 9303).", results[0].Note);
        Assert.Equal(MrzComparisonResult.ConsistentAfterTransliteration, results[1].Result);
        Assert.Equal("The surname leaves no room for the given names in the MRZ name field (truncation, ICAO 9303).", results[1].Note);
    }

    [Fact]
    public void MissingGivenNamesWithRoomLeftAreADiscrepancy()
    {
        var results = MrzComparison.Compare(Check(Td3Named("ERIKSSON")), Anna);

        Assert.Equal(new MrzFieldComparison(MrzComparedField.GivenNames, MrzComparisonResult.Discrepancy, "Anna Maria", ""), results[1]);
    }

    [Theory]
    [InlineData("1974", MrzComparisonResult.Consistent, "Compared to the year; the rest is not known on one side.")]
    [InlineData("1974-08", MrzComparisonResult.Consistent, "Compared to the month; the day is not known on one side.")]
    [InlineData("1975", MrzComparisonResult.Discrepancy, null)]
    [InlineData("1974-09", MrzComparisonResult.Discrepancy, null)]
    [InlineData("", MrzComparisonResult.NotCompared, "Not entered.")]
    [InlineData("12/08/1974", MrzComparisonResult.NotCompared, "'12/08/1974' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY.")]
    public void PartialDatesOfBirthAreComparedAsFarAsTheyGo(string entered, MrzComparisonResult expected, string? note)
    {
        var result = MrzComparison.Compare(Check(Td3), Anna with { DateOfBirth = entered })[3];

        Assert.Equal(new MrzFieldComparison(MrzComparedField.DateOfBirth, expected, entered, "1974-08-12", note), result);
    }

    [Theory]
    [InlineData("1974-08", MrzComparisonResult.Consistent, null)]
    [InlineData("1974-08-12", MrzComparisonResult.Consistent, "Compared to the month; the day is not known on one side.")]
    [InlineData("1974-07", MrzComparisonResult.Discrepancy, null)]
    public void MrzDateWithAnUnknownDayIsComparedToTheMonth(string entered, MrzComparisonResult expected, string? note)
    {
        var mrz = Check(Td3Line1 + "\nL898902C36UTO7408<<7F1204159ZE184226B<<<<<10");

        var result = MrzComparison.Compare(mrz, Anna with { DateOfBirth = entered })[3];

        Assert.Null(mrz.Fields.DateOfBirth);
        Assert.Equal(new MrzFieldComparison(MrzComparedField.DateOfBirth, expected, entered, "1974-08", note), result);
    }

    [Fact]
    public void MissingDataIsNotCompared()
    {
        var results = MrzComparison.Compare(Check(Td3), new MrzEnteredData());

        Assert.All(results, r =>
        {
            Assert.Equal(MrzComparisonResult.NotCompared, r.Result);
            Assert.Equal("Not entered.", r.Note);
            Assert.Null(r.Entered);
        });
        Assert.Equal(8, results.Count);
    }

    [Fact]
    public void FieldsMissingFromTheMrzAreNotCompared()
    {
        var results = MrzComparison.Compare(Check(Td3Line1), Anna);

        Assert.Equal(MrzComparisonResult.Consistent, results[0].Result);
        Assert.Equal(new MrzFieldComparison(MrzComparedField.Nationality, MrzComparisonResult.NotCompared, "uto", null, "Not readable in the MRZ."), results[2]);
        Assert.Equal(MrzComparisonResult.NotCompared, results[3].Result);
        Assert.Equal(MrzComparisonResult.NotCompared, results[4].Result);
        Assert.Equal(MrzComparisonResult.NotCompared, results[5].Result);
    }

    [Fact]
    public void NameInAScriptWithoutATransliterationHereIsNotCompared()
    {
        var result = MrzComparison.Compare(Check(Td3), Anna with { Surname = "李" })[0];

        Assert.Equal(MrzComparisonResult.NotCompared, result.Result);
        Assert.Equal("'李' has no ICAO 9303 transliteration here; compare the name by eye.", result.Note);
    }

    [Theory]
    [InlineData("L898902C3", MrzComparisonResult.Consistent)]
    [InlineData("l898902c3", MrzComparisonResult.Consistent)]
    [InlineData("L 898902 C3", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("L-898902-C3", MrzComparisonResult.ConsistentAfterTransliteration)]
    [InlineData("L898902", MrzComparisonResult.Discrepancy)]
    [InlineData("L8989O2C3", MrzComparisonResult.Discrepancy)]
    public void DocumentNumbers(string entered, MrzComparisonResult expected)
    {
        Assert.Equal(expected, MrzComparison.Compare(Check(Td3), Anna with { DocumentNumber = entered })[5].Result);
    }

    [Theory]
    [InlineData("IdentityCard", MrzComparisonResult.Consistent)]
    [InlineData("ResidencePermit", MrzComparisonResult.Consistent)]
    [InlineData("I", MrzComparisonResult.Consistent)]
    [InlineData("ID", MrzComparisonResult.Consistent)]
    [InlineData("Passport", MrzComparisonResult.Discrepancy)]
    [InlineData("P", MrzComparisonResult.Discrepancy)]
    [InlineData("Other", MrzComparisonResult.NotCompared)]
    [InlineData("Driving licence", MrzComparisonResult.NotCompared)]
    public void DocumentTypeIsComparedByTheCodesFirstLetter(string entered, MrzComparisonResult expected)
    {
        var result = MrzComparison.Compare(Check(Td1), Anna with { DocumentType = entered })[7];

        Assert.Equal(expected, result.Result);
        Assert.Equal("I", result.Mrz);
    }

    [Fact]
    public void LongDocumentNumberIsComparedWhole()
    {
        var mrz = Check("I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<");

        var result = MrzComparison.Compare(mrz, new MrzEnteredData { DocumentNumber = "D23145890734" })[5];

        Assert.Equal(MrzComparisonResult.Consistent, result.Result);
    }

    [Fact]
    public void GermanysOneLetterCodeIsConsistentWithDeu()
    {
        var line2 = "C01X00T478D<<6408125<2710316<<12345<<<<<<<3";
        var composite = MrzCheck.CheckDigit(string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22)));
        var mrz = Check("P<D<<MUSTERMANN<<ERIKA".PadRight(44, '<') + "\n" + line2 + composite);

        var results = MrzComparison.Compare(mrz, new MrzEnteredData { Nationality = "DEU", IssuingState = "D", Sex = "X" });

        Assert.Equal(MrzComparisonResult.ConsistentAfterTransliteration, results[2].Result);
        Assert.Equal(MrzComparisonResult.Consistent, results[4].Result);
        Assert.Equal(MrzComparisonResult.Consistent, results[6].Result);
    }

    private static MrzComparisonResult Result(IReadOnlyList<MrzFieldComparison> results, MrzComparedField field) =>
        Assert.Single(results, r => r.Field == field).Result;

    // The TD3 vector with another name field (the name is in no check digit).
    private static string Td3Named(string name) => ("P<UTO" + name).PadRight(44, '<') + "\n" + Td3Line2;
}
