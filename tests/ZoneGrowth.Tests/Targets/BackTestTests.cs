using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Targets;

/// <summary>
/// The back-test of the 2019-2021 plan (4500 亿元 by 2021) from the shipped data, with only data
/// up to 2018. Expected numbers are closed forms of the published figures.
/// </summary>
public class BackTestTests
{
    private static readonly BackTest Plan2021 = BackTest.Run(DataSet.LoadDefault(), "digital_economy_revenue", lastDataYear: 2018, targetYear: 2021, "HHZ");

    [Fact]
    public void UsesOnlyDataUpTo2018WithTheImplied2017Level()
    {
        Assert.Equal([2017, 2018], Plan2021.Assessment.Series.Years);
        Assert.True(Plan2021.Assessment.Series.PointAt(2017)!.IsDerived);
        Assert.Equal(4500, Plan2021.Target.Value);
    }

    [Fact]
    public void RequiredGrowthWas13Point6PercentAYear()
    {
        // (4500 / 3070)^(1/3) − 1 = 0.1358.
        Assert.Equal(Math.Pow(4500.0 / 3070, 1.0 / 3) - 1, Plan2021.Assessment.RequiredGrowth.AnnualRate, 1e-14);
    }

    [Fact]
    public void TheLastPublishedGrowthContinuingMeetsTheTarget()
    {
        var scenario = Plan2021.Scenarios[0];

        // 3070 × 1.172³ = 4942.3 ≥ 4500.
        Assert.Contains("17.2 %", scenario.Name);
        Assert.Equal(3070 * Math.Pow(1.172, 3), scenario.ValueInTargetYear, 1e-9);
        Assert.True(scenario.Met);
    }

    [Fact]
    public void NoProbabilityFromTwoPointsAndItSaysWhy()
    {
        Assert.Empty(Plan2021.Probabilities);
        Assert.Equal(2, Plan2021.ModelsNotFitted.Count);
        Assert.All(Plan2021.ModelsNotFitted, m => Assert.Contains("2", m));
        Assert.Contains("No probability could be estimated", Plan2021.ToString());
    }

    [Fact]
    public void TheVerdictStandsBesideThePublishedOutcome()
    {
        // Outcome 4758.7 against 4500: met, 4758.7 / 4500 − 1 = +5.75 %.
        Assert.Equal(4758.7, Plan2021.Outcome!.Value);
        Assert.True(Plan2021.OutcomeMet);
        Assert.Equal((4758.7 / 4500) - 1, Plan2021.OutcomeMarginPercent!.Value, 1e-14);
        // Levels at the precision published, with the unit; the margin as a signed percentage.
        Assert.Contains("Outcome: 4,758.7 亿元 in 2021, met (+5.7 %)", Plan2021.ToString());
        Assert.StartsWith("With data up to 2018, the 2021 target of 4,500 亿元 needed 13.6 % a year from 3,070 亿元 in 2018.", Plan2021.ToString());
    }
}
