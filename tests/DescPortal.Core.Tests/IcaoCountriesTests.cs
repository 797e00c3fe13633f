namespace DescPortal.Core.Tests;

public class IcaoCountriesTests
{
    [Theory]
    [InlineData("UTO")]
    [InlineData("DEU")]
    [InlineData("D")]
    [InlineData("GBR")]
    [InlineData("GBD")]
    [InlineData("UNO")]
    [InlineData("XXA")]
    [InlineData("XXX")]
    [InlineData("XXQ")]
    [InlineData("EUE")]
    [InlineData("RKS")]
    [InlineData("XPO")]
    [InlineData("ssd")]
    [InlineData(" ala ")]
    public void KnowsIsoAndIcaoCodesInAnyCase(string code)
    {
        Assert.True(IcaoCountries.IsKnown(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DE")]
    [InlineData("XYZ1")]
    [InlineData("ZZZ")]
    [InlineData("UK")]
    public void RefusesOthers(string? code)
    {
        Assert.False(IcaoCountries.IsKnown(code));
    }

    [Fact]
    public void HoldsEveryIsoCodeAndTheIcaoAdditions()
    {
        // 249 ISO 3166-1 alpha-3 codes, D, 21 ICAO additions other than XX?, UTO, and the 26 XX? codes.
        Assert.Equal(249 + 1 + 21 + 1 + 26, IcaoCountries.All.Count);
        Assert.All(IcaoCountries.All, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value)));
        Assert.All(IcaoCountries.All.Keys, code => Assert.Equal(code.ToUpperInvariant(), code));
    }

    [Fact]
    public void NamesAreEnglish()
    {
        Assert.Equal("Germany", IcaoCountries.NameOf("deu"));
        Assert.Equal("Stateless person", IcaoCountries.NameOf("XXA"));
        Assert.Null(IcaoCountries.NameOf("XYZ"));
    }
}
