namespace ZoneGrowth.Regression;

/// <summary>Growth-rate arithmetic that needs no regression.</summary>
public static class GrowthRates
{
    /// <summary>
    /// Compound annual growth rate between two observed years: (v₁/v₀)^(1/(y₁ − y₀)) − 1.
    /// Uses only the two endpoint values; years in between may be missing.
    /// </summary>
    /// <param name="years">Observation years.</param>
    /// <param name="values">Observed values, one per year, all positive.</param>
    /// <param name="seriesLabel">Series name used in errors.</param>
    /// <param name="fromYear">Start year y₀ (must be observed).</param>
    /// <param name="toYear">End year y₁ &gt; y₀ (must be observed).</param>
    /// <exception cref="RegressionException">Invalid series, an endpoint year not observed, or y₀ ≥ y₁.</exception>
    public static double CompoundAnnualGrowthRate(IReadOnlyList<int> years, IReadOnlyList<double> values, string seriesLabel, int fromYear, int toYear)
    {
        var series = GrowthSeries.Create(years, values, seriesLabel, 2, "compound annual growth rate");
        return CompoundAnnualGrowthRate(series, fromYear, toYear);
    }

    internal static double CompoundAnnualGrowthRate(GrowthSeries series, int fromYear, int toYear)
    {
        if (fromYear >= toYear)
        {
            throw new RegressionException(RegressionMessages.EndpointsNotIncreasing(series.Label, fromYear, toYear));
        }

        double start = series.ValueIn(fromYear);
        double end = series.ValueIn(toYear);
        return Math.Pow(end / start, 1.0 / (toYear - fromYear)) - 1.0;
    }
}
