using DescPortal.Core.Mrz;

namespace DescPortal.Core.Tests.Mrz;

public class MrzCheckDigitTests
{
    [Theory]
    // ICAO 9303 Part 3 App. A: 5×7 + 2×3 + 0×1 + 7×7 + 2×3 + 7×1 = 103 → 3
    [InlineData("520727", 3)]
    // A=10, B=11, <=0: 10×7 + 11×3 + 2×1 + 1×7 + 3×3 + 4×1 + 0 + 0 + 0 = 125 → 5
    [InlineData("AB2134<<<", 5)]
    [InlineData("L898902C3", 6)]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("", 0)]
    [InlineData("<<<<<<<<<", 0)]
    public void ComputesTheIcaoCheckDigit(string data, int digit)
    {
        Assert.Equal(digit, MrzCheck.CheckDigit(data));
    }

    [Theory]
    [InlineData("52072a")]
    [InlineData("5207 7")]
    [InlineData("ÄB2134")]
    public void RefusesCharactersThatAreNotMrzCharacters(string data)
    {
        Assert.Equal(-1, MrzCheck.CheckDigit(data));
    }

    [Fact]
    public void CompositeOfTheTd3VectorIsZero()
    {
        // Line 2 positions 1-10, 14-20 and 22-43.
        Assert.Equal(0, MrzCheck.CheckDigit("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1"));
    }
}
