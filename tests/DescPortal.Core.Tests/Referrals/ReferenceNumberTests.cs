using DescPortal.Core.Referrals;

namespace DescPortal.Core.Tests.Referrals;

public class ReferenceNumberTests
{
    [Theory]
    [InlineData(2026, 42, "DESC-2026-000042")]
    [InlineData(2026, 1, "DESC-2026-000001")]
    [InlineData(2027, 999_999, "DESC-2027-999999")]
    public void FormatsYearAndSixDigitSequence(int year, int sequence, string expected)
    {
        Assert.Equal(expected, ReferenceNumber.Format(year, sequence));

        Assert.True(ReferenceNumber.TryParse(expected, out var y, out var s));
        Assert.Equal((year, sequence), (y, s));
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(2026, 1_000_000)]
    [InlineData(999, 1)]
    [InlineData(10_000, 1)]
    public void RefusesToFormatOutOfRange(int year, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceNumber.Format(year, sequence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("desc-2026-000042")]
    [InlineData(" DESC-2026-000042")]
    [InlineData("DESC-2026-42")]
    [InlineData("DESC-2026-0000042")]
    [InlineData("DESC-2026-000000")]
    [InlineData("DESC-26-000042")]
    [InlineData("DESC-2026_000042")]
    [InlineData("DESC-2026-00004A")]
    [InlineData("CASE-2026-000042")]
    public void RefusesAnythingElse(string? text)
    {
        Assert.False(ReferenceNumber.TryParse(text, out _, out _));
        Assert.False(ReferenceNumber.IsValid(text));
    }
}
