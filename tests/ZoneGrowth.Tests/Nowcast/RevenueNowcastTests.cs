using System.Text.Json;
using MathNet.Numerics.Distributions;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Nowcast;

/// <summary>
/// The bridges' arithmetic against closed forms of the published figures (data/hhz-indicators.csv),
/// and the answer's response to the evidence it conditions on.
/// </summary>
public sealed class RevenueNowcastTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    private static NowcastAssessment Assess(DataSet data)
    {
        var revenue = data.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
        return NowcastAssessment.Create(data, TargetAssessment.Create(revenue, Target.Find(data, "digital_economy_revenue", 2025, "HHZ")));
    }

    private static readonly NowcastAssessment Nowcast = Assess(Shipped);

    private static BridgedValue Value(RevenueBridge bridge, int year) => Nowcast.Bridges.Values[bridge].Single(v => v.Year == year);

    [Fact]
    public void The2022RevenueIsTheAddedValueTimesThe2021Ratio()
    {
        // 4758.7 / 1596.2 × 1700 (the 2022 added value, an estimate).
        Assert.Equal(4758.7 / 1596.2 * 1700, Value(RevenueBridge.ViaAddedValue, 2022).Value, 1e-9);
        // 4758.7 / 2022.6 × 2184.8.
        Assert.Equal(4758.7 / 2022.6 * 2184.8, Value(RevenueBridge.ViaGdp, 2022).Value, 1e-9);
    }

    [Fact]
    public void The2024GdpIsPutBackOnTheOriginalBasisWithTheProvincesRevision()
    {
        // 2887.8 ÷ (85620 / 82553): Zhejiang's 2023 revision after the fifth economic census.
        Assert.Equal(4758.7 / 2022.6 * 2887.8 / (85620.0 / 82553), Value(RevenueBridge.ViaGdp, 2024).Value, 1e-9);
        Assert.Equal(4758.7 / 2022.6 * 2887.8, Value(RevenueBridge.ViaGdpRevisedBasisAsPublished, 2024).Value, 1e-9);
        Assert.Equal(Math.Log(85620.0 / 82553), Nowcast.Bridges.Parameters["census:census5"].LogSd, 1e-12);
    }

    [Fact]
    public void The2023AddedValueIsItsShareOfGdpGrownAtRealGrowthAndTheZonesDeflator()
    {
        // Deflator: mean of ln(nominal ÷ real growth) in 2017, 2021, 2022 (consecutive reported levels with a real rate).
        double[] logs = [Math.Log(1088.9 / 901.4 / 1.132), Math.Log(2022.6 / 1745.7 / 1.113), Math.Log(2184.8 / 2022.6 / 1.018)];
        var deflator = Math.Exp(logs.Average());
        Assert.Equal(deflator, Nowcast.Bridges.Parameters["deflator"].Value, 1e-12);

        Assert.Equal(4758.7 / 1596.2 * 0.75 * 2184.8 * 1.08 * deflator, Value(RevenueBridge.ViaAddedValue, 2023).Value, 1e-9);
        Assert.Equal(4758.7 / 1596.2 * 0.75 * 2184.8 * 1.08 * 1.05 * 1.067, Value(RevenueBridge.ViaAddedValueRealGrowthOnly, 2025).Value, 1e-9);
    }

    [Fact]
    public void TheRatioDriftIsEstimatedFromTheYearsBothAreKnown()
    {
        // ln(revenue / GDP) in 2017 (derived 3070/1.172), 2018, 2020 (derived 4758.7/1.181), 2021; σ² = mean(Δ²/gap).
        double[] ratios = [Math.Log(3070 / 1.172 / 1088.9), Math.Log(3070 / 1350.7), Math.Log(4758.7 / 1.181 / 1745.7), Math.Log(4758.7 / 2022.6)];
        var variance = (Math.Pow(ratios[1] - ratios[0], 2) + (Math.Pow(ratios[2] - ratios[1], 2) / 2) + Math.Pow(ratios[3] - ratios[2], 2)) / 3;

        Assert.Equal(Math.Sqrt(variance), Nowcast.Bridges.Parameters["ratio drift"].LogSd, 1e-12);
        Assert.Equal(Math.Sqrt(variance) * 2, Value(RevenueBridge.ViaAddedValue, 2025).Factors[0].LogSd, 1e-12);
    }

    [Fact]
    public void TheHeadlineIsViaAddedValueAndTheMonteCarloAgreesWithTheClosedForm()
    {
        Assert.Equal(RevenueBridge.ViaAddedValue, Nowcast.Headline.Bridge);
        var closed = Nowcast.Probability.Probability;
        var simulation = Nowcast.Assessment.Simulate(Nowcast.Headline, new MonteCarloOptions { Paths = 200_000, Seed = 7 });

        Assert.Equal(closed, simulation.Probability, 4 * Math.Sqrt(Math.Max(closed * (1 - closed), 1e-4) / 200_000));
        Assert.Equal(2022, simulation.FirstCrossing[0].Year);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.1)]
    public void TheAnswerRespondsToThe2022AddedValue(double factor)
    {
        var text = File.ReadAllText(WorkbookPaths.DefaultDataFile).Replace("HHZ,core_digital_added_value,2022,,1700,", FormattableString.Invariant($"HHZ,core_digital_added_value,2022,,{1700 * factor},"), StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($",{1700 * factor},"), text);
        var changed = Assess(DataSet.Load(TestFiles.Temporary(text), WorkbookPaths.Catalog));

        if (factor < 1)
        {
            Assert.True(changed.Probability.Probability < Nowcast.Probability.Probability);
        }
        else
        {
            Assert.True(changed.Probability.Probability > Nowcast.Probability.Probability);
        }
    }

    [Fact]
    public void TheVerdictStatesTheRangeAndWhatWouldSettleIt()
    {
        var verdict = Nowcast.Verdict([]);
        var low = Nowcast.Probabilities.Min(p => p.Probability);

        Assert.StartsWith("Verdict: that HHZ reaches its 2025 target of 6000 亿元", verdict);
        Assert.Contains(FormattableString.Invariant($"P runs from {low:0.000}"), verdict);
        Assert.Contains("What would settle it", verdict);
        Assert.Contains("core added value of", verdict);
    }

    [Fact]
    public void AZoneWithoutRelatedFiguresAfterItsLastValueHasNoNowcast()
    {
        var csv = "zone,indicator,year,value,unit,status,growth_pct,source\n"
            + "Alpha,digital_economy_revenue,2018,100,亿元,reported,5,example.org/a\n"
            + "Alpha,digital_economy_revenue,2021,120,亿元,reported,6,example.org/b\n"
            + "Alpha,digital_economy_revenue,2025,150,亿元,target,,example.org/plan\n";
        var data = DataSet.Load(TestFiles.Temporary(csv), WorkbookPaths.Catalog);
        var revenue = data.Series("digital_economy_revenue", "Alpha").WithImpliedPreviousYears();

        var e = Assert.Throws<ArgumentException>(() => NowcastAssessment.Create(data, TargetAssessment.Create(revenue, Target.Find(data, "digital_economy_revenue", 2025, "Alpha"))));
        Assert.Contains("No bridge reaches a year after 2021", e.Message);
    }

    [Fact]
    public void TheHeadlineProbabilityIsTheReferenceModelsOnTheWorkbooksInputs()
    {
        // Case hhz_nowcast_via_added_value of Nowcast/Reference/llt_reference.json: the headline
        // observations (checked here to be the ones the workbook builds), fitted by statsmodels'
        // MLEModel and smoothed exactly (mpmath); P = 1 − Φ((ln 6000 − μ̂₂₀₂₅) ÷ √(P₂₀₂₅ + 0.005²)).
        var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Nowcast", "Reference", "llt_reference.json")))
            .RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "hhz_nowcast_via_added_value");
        var y = reference.GetProperty("y").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToArray();
        var observations = Nowcast.Bridges.Observations(RevenueBridge.ViaAddedValue);
        Assert.Equal(y.Length, observations.Count);
        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i], observations[i].LogValue, 1e-9);
        }

        var mle = reference.GetProperty("mle");
        var state = mle.GetProperty("exact_1e6_prior").GetProperty("smoothed_state").EnumerateArray().Last().EnumerateArray().First().GetDouble();
        var variance = mle.GetProperty("exact_1e6_prior").GetProperty("smoothed_state_cov").EnumerateArray().Last().EnumerateArray().First().EnumerateArray().First().GetDouble();
        var expected = 1 - Normal.CDF(state, Math.Sqrt(variance + (0.005 * 0.005)), Math.Log(6000));

        // The ML variances agree to ~1e-3 relative (a likelihood flat to 1e-7), which moves P by far less than 1e-4.
        Assert.Equal(expected, Nowcast.Probability.Probability, 1e-4);
        Assert.Equal(mle.GetProperty("mle_params").GetProperty("s2_slope").GetDouble(), Nowcast.Headline.Model.SlopeVariance, 1e-6);
    }

    [Fact]
    public void BridgedYearsShareTheErrorsOfTheFactorsTheyHaveInCommon()
    {
        // Via added value, 2024 and 2025 share: the 2021 ratio's drift in 2022-2024 (3 σ_r²), the 2023
        // share as published (approximate, 0.03²) and its drift in 2024 (σ_s²), the 2024 GDP level
        // (0.005²) and the census revision ((ln 85620/82553)²). Closed forms of the published figures.
        double[] ratios = [Math.Log(3070 / 1.172 / 1088.9), Math.Log(3070 / 1350.7), Math.Log(4758.7 / 1.181 / 1745.7), Math.Log(4758.7 / 2022.6)];
        var ratioDrift = (Math.Pow(ratios[1] - ratios[0], 2) + (Math.Pow(ratios[2] - ratios[1], 2) / 2) + Math.Pow(ratios[3] - ratios[2], 2)) / 3;
        var shareDrift = (Math.Pow(Math.Log(75 / 78.9), 2) + 0) / 2;
        var expected = (3 * ratioDrift) + (0.03 * 0.03) + shareDrift + (0.005 * 0.005) + Math.Pow(Math.Log(85620.0 / 82553), 2);

        var covariance = Nowcast.Bridges.Covariance(RevenueBridge.ViaAddedValue);
        var values = Nowcast.Bridges.Values[RevenueBridge.ViaAddedValue];
        Assert.Equal([2022, 2023, 2024, 2025], values.Select(v => v.Year));
        Assert.Equal(expected, covariance[2, 3], 1e-12);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.Equal(values[i].LogSd * values[i].LogSd, covariance[i, i], 1e-12);
        }

        // 2022 (the published added value) shares only the ratio's 2022 drift with the later years.
        Assert.Equal(ratioDrift, covariance[0, 3], 1e-12);
    }

    [Fact]
    public void TheVerdictStatesTheOutOfSampleRecordWhenGivenIt()
    {
        var record = RollingOrigin.Run(Shipped.Series("gdp", "HHZ").Until(2022), RollingOrigin.StandardModels());
        var tooHigh = record.Forecasts.Count(f => f.LogError < 0);

        var verdict = Nowcast.Verdict([], record);

        Assert.Contains(FormattableString.Invariant($"Out of sample, on Gross domestic product (HHZ) to 2022, {tooHigh} of {record.Forecasts.Count} projections 1-4 years ahead were too high"), verdict);
    }

    [Fact]
    public void AVariantThatWouldRepeatItsBaseBridgeIsLeftOut()
    {
        // One basis and whole-year GDP only: "revised as published" would be "via GDP" again.
        var csv = "zone,indicator,year,value,unit,status,growth_pct,source\n"
            + "Alpha,digital_economy_revenue,2018,100,亿元,reported,5,example.org/a\n"
            + "Alpha,digital_economy_revenue,2021,120,亿元,reported,6,example.org/b\n"
            + "Alpha,digital_economy_revenue,2025,150,亿元,target,,example.org/plan\n"
            + "Alpha,gdp,2017,40,亿元,reported,,example.org/c\n"
            + "Alpha,gdp,2018,42,亿元,reported,,example.org/c\n"
            + "Alpha,gdp,2020,47,亿元,reported,,example.org/c\n"
            + "Alpha,gdp,2021,50,亿元,reported,,example.org/c\n"
            + "Alpha,gdp,2022,52,亿元,reported,,example.org/c\n";
        var data = DataSet.Load(TestFiles.Temporary(csv), WorkbookPaths.Catalog);
        var revenue = data.Series("digital_economy_revenue", "Alpha").WithImpliedPreviousYears();

        var bridges = RevenueBridges.Build(data, revenue, 2025);

        Assert.Equal([RevenueBridge.ViaGdp], bridges.Available);
        Assert.Equal(120.0 / 50 * 52, Assert.Single(bridges.Values[RevenueBridge.ViaGdp]).Value, 1e-12);
    }
}
