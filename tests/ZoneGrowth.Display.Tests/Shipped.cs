using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Regression;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display.Tests;

/// <summary>Real inputs: the shipped data and models fitted to it with the library.</summary>
internal static class Shipped
{
    public static readonly DataSet Data = DataSet.LoadDefault();

    /// <summary>Reported revenue plus the previous-year levels implied by its published growth (derived points).</summary>
    public static readonly IndicatorSeries Revenue = Data.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();

    public static readonly Target Target2025 = Target.Find(Data, "digital_economy_revenue", 2025);

    public static readonly TargetAssessment Assessment = TargetAssessment.Create(Revenue, Target2025);

    public static readonly RandomWalkWithDrift Walk = RandomWalkWithDrift.Fit(Revenue);

    public static readonly TargetSimulation Simulation = Assessment.Simulate(Walk, new MonteCarloOptions
    {
        Paths = 20_000,
        HorizonYear = 2028,
        FanProbabilities = MonteCarloOptions.StandardFan,
    });

    /// <summary>The target outlook of the shipped data with the workbook's default options.</summary>
    public static readonly Lazy<ZoneGrowth.Targets.TargetOutlook> Outlook = new(() => ZoneGrowth.Targets.TargetOutlook.Create(Data, Assessment));

    /// <summary>Its simulation (fewer paths than the notebook: the tests check shapes, not digits).</summary>
    public static readonly Lazy<ZoneGrowth.Targets.OutlookSimulation> OutlookSimulation = new(() => Outlook.Value.Simulate(new MonteCarloOptions { Paths = 20_000 }));

    /// <summary>HHZ GDP, reported values (eight years with a gap).</summary>
    public static readonly IndicatorSeries Gdp = Data.Series("gdp", "HHZ");

    public static readonly LogLinearTrendResults GdpTrend = LogLinearTrendModel.Fit(Gdp).Trend;

    /// <summary>HHZ GDP with a level shift for 2024, which is on the basis revised after the fifth economic census.</summary>
    public static readonly LevelShiftTrendResults GdpLevelShiftTrend = Gdp.FitLevelShiftTrend();

    public static string DataFile => Path.Combine(WorkbookPaths.DataFolder, "hhz-indicators.csv");
}
