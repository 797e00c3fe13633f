using System.Text.Json;

namespace DescPortal.Core.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("1974-08-12", 1974, 8, 12)]
    [InlineData("1974-08", 1974, 8, null)]
    [InlineData("1974", 1974, null, null)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    public void ParsesEachPrecisionAndWritesItBackTheSame(string text, int year, int? month, int? day)
    {
        Assert.True(PartialDate.TryParse(text, out var date));

        Assert.Equal(year, date.Year);
        Assert.Equal(month, date.Month);
        Assert.Equal(day, date.Day);
        Assert.False(date.IsUnknown);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NothingMeansUnknown(string? text)
    {
        Assert.True(PartialDate.TryParse(text, out var date));

        Assert.True(date.IsUnknown);
        Assert.Equal(PartialDate.Unknown, date);
        Assert.Equal("", date.ToString());
    }

    [Theory]
    [InlineData("2023-02-29", Refusals.PartialDate.NoSuchDay, "Day 29 does not exist in February 2023.")]
    [InlineData("1900-02-29", Refusals.PartialDate.NoSuchDay, "Day 29 does not exist in February 1900.")]
    [InlineData("1974-04-31", Refusals.PartialDate.NoSuchDay, "Day 31 does not exist in April 1974.")]
    [InlineData("1974-08-00", Refusals.PartialDate.NoSuchDay, "Day 0 does not exist in August 1974.")]
    [InlineData("1974-13", Refusals.PartialDate.NoSuchMonth, "Month 13 does not exist; months run from 01 to 12.")]
    [InlineData("1974-00-01", Refusals.PartialDate.NoSuchMonth, "Month 0 does not exist; months run from 01 to 12.")]
    [InlineData("0000", Refusals.PartialDate.YearOutOfRange, "Year 0 is out of range.")]
    public void RefusesDatesTheCalendarDoesNotHave(string text, string code, string problem)
    {
        Assert.False(PartialDate.TryParse(text, out var date, out var why));

        RefusalAssert.Equal(code, problem, why!);
        Assert.True(date.IsUnknown);
    }

    [Theory]
    [InlineData("74")]
    [InlineData("1974-8")]
    [InlineData("1974-08-1")]
    [InlineData("1974/08/12")]
    [InlineData("1974-08-12T00:00")]
    [InlineData("1974-08-12-01")]
    [InlineData("abcd")]
    [InlineData("-1974")]
    [InlineData("１９７４")]
    public void RefusesOtherShapes(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var why));
        RefusalAssert.Equal(Refusals.PartialDate.Malformed, $"'{text}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY.", why!);
        Assert.Equal(
            $"'{text}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY.", Assert.Throws<FormatException>(() => PartialDate.Parse(text)).Message);
    }

    [Fact]
    public void TheConstructorRefusesWhatParsingRefuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2023, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(1974, null, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(0));
        Assert.Equal(PartialDate.Parse("1974-08"), new PartialDate(1974, 8));
    }

    [Theory]
    [InlineData("2026", false)]
    [InlineData("2026-11", false)]
    [InlineData("2026-11-27", false)]
    [InlineData("2026-11-28", true)]
    [InlineData("2026-12", true)]
    [InlineData("2027", true)]
    [InlineData("", false)]
    public void IsAfterTodayOnlyWhenEvenItsEarliestDayIs(string text, bool future)
    {
        Assert.Equal(future, PartialDate.Parse(text).IsAfter(new DateOnly(2026, 11, 27)));
    }

    [Theory]
    [InlineData("1974-08-12", "\"1974-08-12\"")]
    [InlineData("1974-08", "\"1974-08\"")]
    [InlineData("1974", "\"1974\"")]
    [InlineData("", "null")]
    public void JsonIsTheStringFormOrNullForUnknown(string text, string json)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(json, JsonSerializer.Serialize(date));
        Assert.Equal(date, JsonSerializer.Deserialize<PartialDate>(json));
    }

    [Theory]
    [InlineData("\"1974-13\"")]
    [InlineData("1974")]
    public void JsonThatIsNotAPartialDateFails(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PartialDate>(json));
    }
}
