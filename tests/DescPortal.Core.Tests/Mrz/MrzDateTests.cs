using DescPortal.Core.Mrz;
using static DescPortal.Core.Tests.Mrz.MrzSamples;

namespace DescPortal.Core.Tests.Mrz;

public class MrzDateTests
{
    // Today is 2026-11-28: a birth date takes the century that does not put it in the future.
    [Theory]
    [InlineData("261128", "2026-11-28")] // today: not in the future
    [InlineData("261127", "2026-11-27")]
    [InlineData("261129", "1926-11-29")] // tomorrow in 2026, so 1926
    [InlineData("270101", "1927-01-01")]
    [InlineData("000229", "2000-02-29")]
    [InlineData("740812", "1974-08-12")]
    [InlineData("991231", "1999-12-31")]
    public void BirthCenturyIsTheOneNotInTheFuture(string yymmdd, string iso)
    {
        var result = Check(Td3WithDates(yymmdd, "301231"));

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), result.Fields.DateOfBirth);
    }

    // Expiry within 50 years of today: after 1976-11-28 and up to 2076-11-28.
    [Theory]
    [InlineData("761128", "2076-11-28")] // exactly 50 years ahead: still in
    [InlineData("761127", "2076-11-27")]
    [InlineData("761129", "1976-11-29")] // 2076-11-29 is past the window; 1976-11-29 is within 50 years back
    [InlineData("770101", "1977-01-01")]
    [InlineData("751231", "2075-12-31")]
    [InlineData("120415", "2012-04-15")]
    [InlineData("361231", "2036-12-31")]
    public void ExpiryCenturyIsTheOneWithin50YearsOfToday(string yymmdd, string iso)
    {
        var result = Check(Td3WithDates("740812", yymmdd));

        Assert.True(result.Valid, string.Join("; ", result.Errors));
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), result.Fields.DateOfExpiry);
    }

    [Fact]
    public void CenturiesMoveWithToday()
    {
        var result = Check(Td3WithDates("300101", "800101"), new DateOnly(2031, 6, 1));

        Assert.Equal(new DateOnly(2030, 1, 1), result.Fields.DateOfBirth);
        Assert.Equal(new DateOnly(2080, 1, 1), result.Fields.DateOfExpiry);
    }

    [Fact]
    public void TwentyNinthOfFebruaryInACenturyWithoutItIsNoDate()
    {
        // 290229: 2029 would be in the future, and 1929 has no 29 February.
        var result = Check(Td3WithDates("290229", "301231"));

        Assert.Null(result.Fields.DateOfBirth);
        Assert.False(CheckOf(result, MrzCheckedField.DateOfBirth).Valid);
        Assert.Equal(Error(2, 14, "Date of birth '290229' at line 2, positions 14-19 is not a calendar date."), Shown(Assert.Single(result.Errors)));
    }
}
