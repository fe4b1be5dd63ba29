using System.Globalization;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;
using static System.FormattableString;

namespace ZoneGrowth.Regression;

/// <summary>
/// Sentences that state fitted growth in words, written from the results so that a notebook's
/// prose cannot drift from its numbers when the data change. Each is a <see cref="Prose"/> paragraph, which a
/// notebook shows in the body font.
/// </summary>
public static class GrowthNarrative
{
    /// <summary>
    /// "HHZ gdp grew by 13.9 % a year on its log-linear trend (95 % interval 11.6 % to 16.2 %),
    /// fitted to 7 years from 2016 to 2024 (2019, 2023 missing)."
    /// </summary>
    public static Prose Trend(LogLinearTrendResults trend, double level = 0.95) =>
        new(TrendSentence(trend.SeriesLabel, trend.AnnualGrowthRate, trend.AnnualGrowthRateInterval(level), trend.Years, trend.MissingYears, trend.Regression.ResidualDegreesOfFreedom, level));

    /// <summary>
    /// The break-aware trend in words: with a single basis exactly <see cref="Trend(LogLinearTrendResults, double)"/>;
    /// with level shifts, the same sentence followed by <see cref="LevelShiftTrendResults.Description"/> (which years
    /// are on which basis, that each revision is fitted as a level shift and not counted as growth, and what a basis
    /// with a single year means).
    /// </summary>
    public static Prose Trend(LevelShiftTrendResults trend, double level = 0.95)
    {
        var text = TrendSentence(trend.SeriesLabel, trend.AnnualGrowthRate, trend.AnnualGrowthRateInterval(level), trend.Years, trend.MissingYears, trend.Regression.ResidualDegreesOfFreedom, level);
        return new(trend.LevelShifts.Count == 0 ? text : text + " " + trend.Description);
    }

    /// <summary>
    /// "Growth was 14.6 % a year before 2022 and 15.2 % from 2022 on; the Chow test for a break in
    /// 2022 gives F(2, 3) = 4.10, p = 0.139: no evidence of a break at the 5 % level."
    /// </summary>
    public static Prose Break(PiecewiseTrendResults piecewise, double significance = 0.05) => new(BreakSentence(piecewise, significance));

    private static string BreakSentence(PiecewiseTrendResults piecewise, double significance)
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
    public static Prose CompoundGrowth(LogLinearTrendResults trend, int fromYear, int toYear) =>
        new(Invariant($"{trend.SeriesLabel}: compound growth {fromYear}-{toYear} of {Percent(trend.CompoundAnnualGrowthRate(fromYear, toYear))} a year."));

    /// <summary>
    /// Compound annual growth rates in words, within each basis only (never across a change of basis): for every
    /// basis with two years or more, between its first and last year. With a single basis exactly
    /// <see cref="CompoundGrowth(LogLinearTrendResults, int, int)"/> between the first and last year.
    /// </summary>
    public static Prose CompoundGrowth(LevelShiftTrendResults trend) => new(CompoundGrowthSentence(trend));

    private static string CompoundGrowthSentence(LevelShiftTrendResults trend)
    {
        if (trend.LevelShifts.Count == 0)
        {
            return Invariant($"{trend.SeriesLabel}: compound growth {trend.Years[0]}-{trend.Years[^1]} of {Percent(trend.CompoundAnnualGrowthRate(trend.Years[0], trend.Years[^1]))} a year.");
        }

        var within = trend.BasisGroups.Where(g => g.Years.Count > 1)
            .Select(g => Invariant($"{g.Years[0]}-{g.Years[^1]} of {Percent(trend.CompoundAnnualGrowthRate(g.Years[0], g.Years[^1]))} a year on {BasisText.Describe(g.Basis)}"));
        var alone = trend.BasisGroups.Where(g => g.Years.Count == 1).Select(g => g.Years[0]).ToArray();
        var note = alone.Length == 0 ? string.Empty : Invariant($"; {string.Join(", ", alone)} {(alone.Length == 1 ? "is" : "are")} not compared with years on another basis, since the change of basis is not growth");
        return Invariant($"{trend.SeriesLabel}: compound growth {string.Join(", ", within)}{note}.");
    }

    // The rough-range remark below four residual degrees of freedom: fewer than six points for a plain trend.
    private static string TrendSentence(string label, double growth, ConfidenceInterval interval, IReadOnlyList<int> years, IReadOnlyList<int> missingYears, int df, double level)
    {
        var missing = missingYears.Count == 0 ? string.Empty : $" ({string.Join(", ", missingYears)} missing)";
        return Invariant($"{label} {(growth >= 0 ? "grew" : "shrank")} by {Percent(Math.Abs(growth))} a year on its log-linear trend ({level * 100:0} % interval {Percent(interval.Lower)} to {Percent(interval.Upper)}), fitted to {years.Count} years from {years[0]} to {years[^1]}{missing}.")
            + (df < 4 ? Invariant($" With {years.Count} points the interval rests on {df} residual degree{(df == 1 ? string.Empty : "s")} of freedom: read it as a rough range.") : string.Empty);
    }

    private static string Percent(double fraction) => Invariant($"{100 * fraction:0.0;−0.0} %");

}
