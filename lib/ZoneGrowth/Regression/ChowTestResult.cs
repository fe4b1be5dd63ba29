namespace ZoneGrowth.Regression;

/// <summary>
/// Chow test for a structural break at <see cref="BreakYear"/> in a log-linear trend (observations from the break year on
/// form the second regime): F = [(SSR_r − SSR_u)/k] / [SSR_u/(n − 2k)] with k = 2 (intercept and slope), SSR_r from one
/// line through all points and SSR_u from separate lines before and from the break; F ~ F(k, n − 2k) under no break.
/// </summary>
public sealed class ChowTestResult
{
    internal ChowTestResult(int breakYear, double restricted, double unrestricted, int numerator, int denominator)
    {
        BreakYear = breakYear;
        RestrictedSumOfSquares = restricted;
        UnrestrictedSumOfSquares = unrestricted;
        NumeratorDegreesOfFreedom = numerator;
        DenominatorDegreesOfFreedom = denominator;
        FStatistic = (restricted - unrestricted) / numerator / (unrestricted / denominator);
        PValue = Probability.FisherUpperTail(FStatistic, numerator, denominator);
    }

    /// <summary>First year of the second regime.</summary>
    public int BreakYear { get; }

    /// <summary>SSR_r of the single trend line.</summary>
    public double RestrictedSumOfSquares { get; }

    /// <summary>SSR_u, the sum of the SSRs of the two segment lines.</summary>
    public double UnrestrictedSumOfSquares { get; }

    /// <summary>Numerator degrees of freedom k = 2.</summary>
    public int NumeratorDegreesOfFreedom { get; }

    /// <summary>Denominator degrees of freedom n − 2k.</summary>
    public int DenominatorDegreesOfFreedom { get; }

    /// <summary>F = [(SSR_r − SSR_u)/k] / [SSR_u/(n − 2k)] (+∞ when both segments are fitted exactly).</summary>
    public double FStatistic { get; }

    /// <summary>P(F(k, n − 2k) ≥ F).</summary>
    public double PValue { get; }
}
