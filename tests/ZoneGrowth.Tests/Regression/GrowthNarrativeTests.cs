using ZoneGrowth.Data;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>The growth sentences follow the fitted numbers (values computed from the same results, formatted by hand).</summary>
public class GrowthNarrativeTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    [Fact]
    public void TrendSentenceStatesRateIntervalSpanAndGaps()
    {
        var trend = Shipped.FitLogLinearTrend("gdp", "HHZ");
        var interval = trend.AnnualGrowthRateInterval();

        var sentence = GrowthNarrative.Trend(trend).Text;

        Assert.StartsWith($"HHZ Gross domestic product grew by {100 * trend.AnnualGrowthRate:0.0} % a year", sentence, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"(95 % interval {100 * interval.Lower:0.0} % to {100 * interval.Upper:0.0} %)"), sentence);
        Assert.Contains("fitted to 8 years from 2016 to 2024 (2019 missing).", sentence);
        Assert.DoesNotContain("rough range", sentence);
    }

    [Fact]
    public void AShortSeriesIsCalledARoughRange()
    {
        var trend = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears().FitLogLinearTrend();

        var sentence = GrowthNarrative.Trend(trend).Text;

        Assert.StartsWith("HHZ Main business income of the core digital economy industries (incl. derived) grew by", sentence, StringComparison.Ordinal);
        Assert.Contains("rests on 2 residual degrees of freedom", sentence);
    }

    [Fact]
    public void AnIntervalFromDerivedPointsSaysSoWithItsDegreesOfFreedom()
    {
        // data/hhz-indicators.csv: revenue 2017 and 2021 published, each with its growth rate; 2016 and 2020 are worked back.
        var trend = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears().FitLogLinearTrend();

        Assert.Equal(2, trend.DerivedCount);
        Assert.Contains("2 of the 4 points are derived", string.Join(" ", trend.Summary().Caveats));
        Assert.Contains("(2 residual degrees of freedom; 2 of its 4 points derived, so it is surer than the published figures alone support)", trend.KeyFigure("02-growth", "revenue_trend_growth").Description);
        // A series of published points only says nothing of it.
        Assert.DoesNotContain("derived", string.Join(" ", Shipped.Series("gdp", "HHZ").FitLogLinearTrend().Summary().Caveats));
    }

    [Fact]
    public void BreakSentenceReportsTheChowTest()
    {
        var piecewise = Shipped.Series("gdp", "HHZ").FitPiecewiseTrend(2022, PiecewiseTrendForm.SeparateSegments);
        var chow = piecewise.ChowTest!;

        var sentence = GrowthNarrative.Break(piecewise).Text;

        Assert.Contains(FormattableString.Invariant($"F({chow.NumeratorDegreesOfFreedom}, {chow.DenominatorDegreesOfFreedom}) = {chow.FStatistic:0.00}, p = {chow.PValue:0.000}"), sentence);
        Assert.Contains(chow.PValue < 0.05 ? "evidence of a break" : "no evidence of a break", sentence);
    }
}
