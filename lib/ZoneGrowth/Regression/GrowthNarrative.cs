using System.Globalization;

namespace ZoneGrowth.Regression;

/// <summary>
/// Sentences that state fitted growth in words, written from the results so that a notebook's
/// prose cannot drift from its numbers when the data change.
/// </summary>
public static class GrowthNarrative
{
    /// <summary>
    /// "HHZ gdp grew by 13.9 % a year on its log-linear trend (95 % interval 11.6 % to 16.2 %),
    /// fitted to 7 years from 2016 to 2024 (2019, 2023 missing)."
    /// </summary>
    public static string Trend(LogLinearTrendResults trend, double level = 0.95)
    {
        var interval = trend.AnnualGrowthRateInterval(level);
        var missing = trend.MissingYears.Count == 0 ? string.Empty : $" ({string.Join(", ", trend.MissingYears)} missing)";
        return Invariant($"{trend.SeriesLabel} {(trend.AnnualGrowthRate >= 0 ? "grew" : "shrank")} by {Percent(Math.Abs(trend.AnnualGrowthRate))} a year on its log-linear trend ({level * 100:0} % interval {Percent(interval.Lower)} to {Percent(interval.Upper)}), fitted to {trend.Years.Count} years from {trend.Years[0]} to {trend.Years[^1]}{missing}.")
            + (trend.Years.Count < 6 ? Invariant($" With {trend.Years.Count} points the interval rests on {trend.Regression.ResidualDegreesOfFreedom} residual degree{(trend.Regression.ResidualDegreesOfFreedom == 1 ? string.Empty : "s")} of freedom: read it as a rough range.") : string.Empty);
    }

    /// <summary>
    /// "Growth was 14.6 % a year before 2022 and 15.2 % from 2022 on; the Chow test for a break in
    /// 2022 gives F(2, 3) = 4.10, p = 0.139: no evidence of a break at the 5 % level."
    /// </summary>
    public static string Break(PiecewiseTrendResults piecewise, double significance = 0.05)
    {
        var text = Invariant($"{piecewise.SeriesLabel}: growth was {Percent(piecewise.GrowthRateBefore)} a year before {piecewise.BreakYear} and {Percent(piecewise.GrowthRateAfter)} from {piecewise.BreakYear} on");
        if (piecewise.ChowTest is not { } chow)
        {
            return text + Invariant($"; no Chow test (each side of {piecewise.BreakYear} needs two points and the series five).");
        }

        var verdict = chow.PValue < significance
            ? Invariant($"evidence of a break at the {significance * 100:0} % level")
            : Invariant($"no evidence of a break at the {significance * 100:0} % level");
        return text + Invariant($"; the Chow test for a break in {piecewise.BreakYear} gives F({chow.NumeratorDegreesOfFreedom}, {chow.DenominatorDegreesOfFreedom}) = {chow.FStatistic:0.00}, p = {chow.PValue:0.000}: {verdict}")
            + (chow.DenominatorDegreesOfFreedom < 5 ? Invariant($" (with {chow.DenominatorDegreesOfFreedom} residual degrees of freedom the test has little power).") : ".");
    }

    /// <summary>The compound annual growth rate between two published years, in words.</summary>
    public static string CompoundGrowth(LogLinearTrendResults trend, int fromYear, int toYear) =>
        Invariant($"{trend.SeriesLabel}: compound growth {fromYear}-{toYear} of {Percent(trend.CompoundAnnualGrowthRate(fromYear, toYear))} a year.");

    private static string Percent(double fraction) => Invariant($"{100 * fraction:0.0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
