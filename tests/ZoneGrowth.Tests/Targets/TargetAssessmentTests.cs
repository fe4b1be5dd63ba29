using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Targets;

/// <summary>
/// The target engine on the shipped data. Expected numbers are closed-form expressions of the
/// published figures (4758.7 亿元 in 2021, target 6000 亿元 in 2025), written out in each test.
/// </summary>
public class TargetAssessmentTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();
    private static readonly Target Target2025 = Target.Find(Shipped, "digital_economy_revenue", 2025);
    private static readonly TargetAssessment Revenue = TargetAssessment.Create(Shipped.Series("digital_economy_revenue", "HHZ"), Target2025);

    [Fact]
    public void TheShippedDataHasBothPlanTargets()
    {
        Assert.Equal([(2021, 4500.0), (2025, 6000.0)], Target.All(Shipped).Where(t => t.Zone == "HHZ" && t.Indicator.Id == "digital_economy_revenue").Select(t => (t.Year, t.Value)));
        Assert.Contains("stdaily.com", Target2025.Source);
    }

    [Fact]
    public void ATargetInWordsNamesItsIndicatorByTheCatalogName()
    {
        // data/indicators.csv: digital_economy_revenue is "Main business income of the core digital economy industries";
        // the data file's 2025 target is 600 billion RMB = 6000 亿元.
        var text = Target2025.ToString();
        Assert.StartsWith("Main business income of the core digital economy industries (HHZ) in 2025: 6000 亿元 (", text, StringComparison.Ordinal);
        Assert.DoesNotContain("digital_economy_revenue", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredGrowthFrom2021Is5Point97PercentAYear()
    {
        var required = Revenue.RequiredGrowth;

        // (6000 / 4758.7)^(1/4) − 1 = 0.05966...
        Assert.Equal((2021, 4758.7, 2025, 4), (required.BaselineYear, required.Baseline, required.TargetYear, required.Years));
        Assert.Equal(Math.Pow(6000 / 4758.7, 0.25) - 1, required.AnnualRate, 1e-14);
        Assert.Equal(0.0597, required.AnnualRate, 4);
    }

    [Fact]
    public void YearsNeededAtAGivenRate()
    {
        var required = Revenue.RequiredGrowth;

        // ln(6000 / 4758.7) / ln(1.10) = 2.433 years at 10 %.
        Assert.Equal(Math.Log(6000 / 4758.7) / Math.Log(1.10), required.YearsNeeded(0.10), 1e-12);
        Assert.Equal(double.PositiveInfinity, required.YearsNeeded(0));
        Assert.Equal(double.PositiveInfinity, required.YearsNeeded(-0.05));
    }

    [Fact]
    public void ScenarioOfGdpLikeGrowthReachesItsLevelAndVerdict()
    {
        var scenario = GrowthScenario.Yearly("grows like GDP did in 2022-2024, then 5 %", 2022, 0.018, 0.080, 0.050, 0.050);

        var result = Revenue.Evaluate(scenario);

        var expected = 4758.7 * 1.018 * 1.080 * 1.050 * 1.050;
        Assert.Equal(expected, result.ValueInTargetYear, 1e-9);
        Assert.False(result.Met);
        Assert.Equal(expected - 6000, result.Margin, 1e-9);
        Assert.Equal((expected / 6000) - 1, result.MarginPercent, 1e-12);
        Assert.Equal([2021, 2022, 2023, 2024, 2025], result.Path.Select(p => p.Year));
    }

    [Fact]
    public void AConstantScenarioAtTheRequiredRateJustMeetsTheTarget()
    {
        var rate = Revenue.RequiredGrowth.AnnualRate;

        var result = Revenue.Evaluate(GrowthScenario.Constant("required", rate + 1e-12));

        Assert.True(result.Met);
        Assert.Equal(6000, result.ValueInTargetYear, 1e-6);
    }

    [Fact]
    public void AScenarioWithAMissingYearSaysWhichYear()
    {
        var scenario = GrowthScenario.Yearly("GDP 2022-2024 only", 2022, 0.018, 0.080, 0.050);

        var e = Assert.Throws<ArgumentException>(() => Revenue.Evaluate(scenario));

        Assert.Contains("no growth rate for 2025", e.Message);
        Assert.Contains("from 2022 to 2025", e.Message);
    }

    [Fact]
    public void ARateOfMinus100PercentOrLessIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => GrowthScenario.Constant("collapse", -1));

        Assert.Contains("0.05 for 5 %", e.Message);
    }

    [Fact]
    public void RefusesToJudgeAddedValueAgainstTheRevenueTarget()
    {
        var addedValue = Shipped.Series("core_digital_added_value", "HHZ");

        var e = Assert.Throws<MetricMismatchException>(() => TargetAssessment.Create(addedValue, Target2025));

        Assert.Contains("digital_economy_revenue", e.Message);
        Assert.Contains("core_digital_added_value", e.Message);
        Assert.Contains("intermediate inputs", e.Message);
        Assert.Contains("explicit conversion: a ratio with its range", e.Message);
    }

    [Fact]
    public void AScenarioLikeGdpGrowsAtItsNominalRatesFromTheZonesOwnData()
    {
        // Data file, HHZ GDP: 2021 2022.6, 2022 2184.8, 2023 2467.9 (first releases), 2024 2887.8 on the census basis
        // with only its real growth (5.0 %) published beside it, 2025 only Q1-Q3. Revenue is a nominal level, so the
        // scenario is nominal throughout: 2022 and 2023 grow as the levels did; 2024 (a real rate across a change of
        // basis) and 2025 (no whole-year level) at the mean of those two.
        double[] rates = [(2184.8 / 2022.6) - 1, (2467.9 / 2184.8) - 1];
        var scenario = GrowthScenario.Like(Shipped.Series("gdp", "HHZ"), 2022, 2025);

        Assert.Equal([2022, 2023, 2024, 2025], scenario.RatesByYear!.Keys.Order());
        Assert.Equal(rates[0], scenario.RatesByYear[2022], 1e-12);
        Assert.Equal(rates[1], scenario.RatesByYear[2023], 1e-12);
        Assert.Equal(rates.Average(), scenario.RatesByYear[2024], 1e-12);
        Assert.Equal(rates.Average(), scenario.RatesByYear[2025], 1e-12);
        Assert.Equal("grows like GDP's nominal level did in 2022–2023 (8.0 %, 13.0 %), then at their mean, 10.5 %, in 2024–2025", scenario.Name);
        Assert.Equal("The GDP-like scenario grows at nominal rates throughout, as revenue is a nominal level; it takes the mean in 2024 (only real growth is published across the change of basis) and 2025 (no whole-year level).", scenario.Note);
        Assert.Contains("no nominal growth in 2010-2012", Assert.Throws<ArgumentException>(() => GrowthScenario.Like(Shipped.Series("gdp", "HHZ"), 2010, 2012)).Message);
    }

    [Fact]
    public void AScenarioLikeASeriesWithOnlyRealRatesIsRefusedRatherThanMixedIntoNominalGrowth()
    {
        // Generated rows: GDP levels on two bases, each year's real growth beside them; no two levels share a basis.
        var data = DataSet.Load(TestFiles.Temporary(
            """
            zone,indicator,year,period,value,unit,status,growth_pct,basis,published,source,quote,note
            HHZ,gdp,2021,,100,亿元,reported,5,,2022-01-01,test,,
            HHZ,gdp,2022,,110,亿元,reported,6,census5,2023-01-01,test,,
            """));
        var error = Assert.Throws<ArgumentException>(() => GrowthScenario.Like(data.Series("gdp", "HHZ"), 2022, 2023));
        Assert.Contains("no nominal growth in 2022-2023", error.Message);
    }

    [Fact]
    public void TheCheckOfASeriesSaysInWordsWhyItIsRefusedAndHowFarApartTheIndicatorsAre()
    {
        var revenue = Shipped.Series("digital_economy_revenue", "HHZ");
        var refused = TargetAssessment.Check(Shipped.Series("core_digital_added_value", "HHZ"), Target2025, revenue);

        Assert.False(refused.Accepted);
        // Names, never ids; data file: 2021 revenue 4758.7 and added value 1596.2, so revenue was 4758.7 / 1596.2 = 2.98 times it.
        Assert.DoesNotContain("digital_economy_revenue", refused.Reason);
        Assert.DoesNotContain("core_digital_added_value", refused.Reason);
        Assert.StartsWith("The target is set on main business income of the core digital economy industries (数字经济主营业务收入), but the series is added value of the core digital economy industries (数字经济核心产业增加值).", refused.Reason);
        Assert.Contains("In 2021, the last year with both, the target's indicator was 3.0 times the series' (4,758.7 亿元 against 1,596.2 亿元).", refused.Reason);
        Assert.StartsWith("Refused. ", refused.ToString());

        var accepted = TargetAssessment.Check(revenue, Target2025);
        Assert.True(accepted.Accepted);
        Assert.False(TargetAssessment.Check(Shipped.Series("digital_economy_revenue", "Hangzhou"), Target2025).Accepted);
    }

    [Fact]
    public void WithAnExplicitConversionTheConversionIsInEveryResult()
    {
        // Revenue ÷ added value in 2021: 4758.7 / 1596.2 = 2.981.
        var conversion = new MetricConversion("the 2021 revenue-to-added-value ratio", 4758.7 / 1596.2, 2.8, 3.2);
        var assessment = TargetAssessment.Create(Shipped.Series("core_digital_added_value", "HHZ"), Target2025, conversion);

        Assert.Equal(4758.7, assessment.BaselineValue, 1e-9);
        Assert.Equal(Math.Pow(6000 / (1596.2 * 2.8), 0.25) - 1, assessment.RequiredGrowthRange.AtLowRatio.AnnualRate, 1e-12);
        Assert.Same(conversion, assessment.Evaluate(GrowthScenario.Constant("flat", 0)).Conversion);
        Assert.Same(conversion, assessment.Sensitivity([0.05], [1.0]).Conversion);
        Assert.Contains("revenue-to-added-value", conversion.ToString());
    }

    [Fact]
    public void ATargetWhoseYearIsPublishedIsJudgedFromTheYearsBeforeWithItsOutcomeKept()
    {
        // The 2019-2021 plan's 4500 亿元 for 2021: revenue is published for 2018 (3070) and 2021 (4758.7).
        var past = Target.Find(Shipped, "digital_economy_revenue", 2021);

        var assessment = TargetAssessment.Create(Shipped.Series("digital_economy_revenue", "HHZ"), past);

        Assert.Equal((2018, 3070.0), (assessment.Baseline.Year, assessment.Baseline.Value));
        Assert.Equal(4758.7, assessment.Outcome!.Value);
        Assert.Equal([2018], assessment.Series.Years);
        Assert.Equal(Math.Pow(4500 / 3070.0, 1.0 / 3) - 1, assessment.RequiredGrowth.AnnualRate, 1e-12);
    }

    [Fact]
    public void ATargetBeforeTheSeriesFirstFigureIsRefused()
    {
        var early = new Target("HHZ", Shipped.Catalog["digital_economy_revenue"], 2016, 2500, "a test");

        var e = Assert.Throws<ArgumentException>(() => TargetAssessment.Create(Shipped.Series("digital_economy_revenue", "HHZ"), early));

        Assert.Contains("no published figure before the target year 2016", e.Message);
    }

    [Fact]
    public void ANonPositiveTargetIsRefused()
    {
        var zero = Target2025 with { Value = 0 };

        var e = Assert.Throws<ArgumentException>(() => TargetAssessment.Create(Shipped.Series("digital_economy_revenue", "HHZ"), zero));

        Assert.Contains("target is 0", e.Message);
    }

    [Fact]
    public void AnUnknownTargetListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Target.Find(Shipped, "gdp", 2025));

        Assert.Contains("HHZ digital_economy_revenue 2025", e.Message);
    }

    [Fact]
    public void SensitivityGridHasMetAndMarginPerCell()
    {
        var grid = Revenue.Sensitivity([0.04, 0.06, 0.08], [0.9, 1.0, 1.1]);

        Assert.Equal(9, grid.Cells.Count);
        var cell = grid.Cells.Single(c => c.AnnualRate == 0.06 && c.BaselineFactor == 0.9);
        // 4758.7 × 0.9 × 1.06^4 = 5406.9 < 6000.
        Assert.Equal(4758.7 * 0.9 * Math.Pow(1.06, 4), cell.ValueInTargetYear, 1e-9);
        Assert.False(cell.Met);
        Assert.True(grid.Cells.Single(c => c.AnnualRate == 0.06 && c.BaselineFactor == 1.0).Met);
        Assert.Equal(100 * ((4758.7 * 1.1 * Math.Pow(1.04, 4) / 6000) - 1), grid.MarginPercent[2][0], 1e-9);
        Assert.Equal(9, grid.ToDataFrame().Rows.Count);
    }
}
