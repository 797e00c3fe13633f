using System.Text.Json;
using DescPortal.Core.Opinion;

namespace DescPortal.Core.Tests.Opinion;

public class EvaluativeScaleTests
{
    [Theory]
    [InlineData(1, EvaluativeSupport.Neutral)]
    [InlineData(1.5, EvaluativeSupport.Weak)]
    [InlineData(9.99, EvaluativeSupport.Weak)]
    [InlineData(10, EvaluativeSupport.Moderate)]
    [InlineData(100, EvaluativeSupport.ModeratelyStrong)]
    [InlineData(999, EvaluativeSupport.ModeratelyStrong)]
    [InlineData(1_000, EvaluativeSupport.Strong)]
    [InlineData(10_000, EvaluativeSupport.VeryStrong)]
    [InlineData(999_999, EvaluativeSupport.VeryStrong)]
    [InlineData(1_000_000, EvaluativeSupport.ExtremelyStrong)]
    [InlineData(double.PositiveInfinity, EvaluativeSupport.ExtremelyStrong)]
    public void TheLikelihoodRatioGivesTheVerbalSupport(double likelihoodRatio, EvaluativeSupport expected)
    {
        Assert.Equal(expected, EvaluativeScale.Of(likelihoodRatio));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    public void ARatioBelowOneMeansSwappingThePropositions(double likelihoodRatio)
    {
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => EvaluativeScale.Of(likelihoodRatio));

        Assert.Contains("swap the propositions", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSupportCodesAreStoredByName()
    {
        Assert.Equal(
            ["Neutral", "Weak", "Moderate", "ModeratelyStrong", "Strong", "VeryStrong", "ExtremelyStrong"],
            Enum.GetNames<EvaluativeSupport>());
        Assert.Equal("\"ModeratelyStrong\"", JsonSerializer.Serialize(EvaluativeSupport.ModeratelyStrong));
    }
}
