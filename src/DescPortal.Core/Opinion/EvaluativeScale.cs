namespace DescPortal.Core.Opinion;

/// <summary>
/// The verbal scale of the ENFSI Guideline for Evaluative Reporting (2015), tied to the likelihood ratio of the findings
/// under a proposition and its alternative. A band includes its lower bound: an LR of 100 is moderately strong support.
/// </summary>
public static class EvaluativeScale
{
    /// <summary>The support a likelihood ratio of at least 1 gives to the proposition over the alternative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Below 1 or not a number: such findings favour the alternative; swap the propositions and use 1 / LR.
    /// </exception>
    public static EvaluativeSupport Of(double likelihoodRatio)
    {
        if (double.IsNaN(likelihoodRatio) || likelihoodRatio < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(likelihoodRatio), likelihoodRatio,
                "A likelihood ratio below 1 favours the alternative: swap the propositions and use its reciprocal.");
        }
        return likelihoodRatio switch
        {
            1 => EvaluativeSupport.Neutral,
            < 10 => EvaluativeSupport.Weak,
            < 100 => EvaluativeSupport.Moderate,
            < 1_000 => EvaluativeSupport.ModeratelyStrong,
            < 10_000 => EvaluativeSupport.Strong,
            < 1_000_000 => EvaluativeSupport.VeryStrong,
            _ => EvaluativeSupport.ExtremelyStrong,
        };
    }
}
