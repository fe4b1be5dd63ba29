using System.Text.Json;
using MathNet.Numerics.Distributions;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Nowcast;

/// <summary>
/// The target outlook on the shipped data against an independent computation (Nowcast/Reference/outlook_reference.py,
/// which rebuilds the model from the CSV and integrates it by randomized quasi-Monte Carlo with Owen's T; its error,
/// from eight scrambles, is about 1e-6), its Monte Carlo against its closed form, and its response to the evidence.
/// </summary>
public sealed class TargetOutlookTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    /// <summary>The notebook's silence: the district's 2021-2025 review covers the years to 2024; a crossing would have been named with even odds.</summary>
    private static readonly NowcastOptions Options = new() { Silence = new SilenceEvidence(2024, 0.5, "the district's review") };

    private static readonly Lazy<TargetOutlook> Outlook = new(() => Create(Shipped));

    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Nowcast", "Reference", "outlook_reference.json"))).RootElement;

    /// <summary>
    /// The closed form's agreement with the reference: its Gauss–Legendre rules (12 points in τ per scale, 4 for a
    /// scale carrying under 2 % of the variance, 20 over the bound) were measured to agree with adaptive quadrature
    /// to about 1e-5, and the reference's error is about 1e-6.
    /// </summary>
    private const double ClosedFormTolerance = 5e-5;

    private static TargetOutlook Create(DataSet data, NowcastOptions? options = null)
    {
        var revenue = data.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
        return TargetOutlook.Create(data, TargetAssessment.Create(revenue, Target.Find(data, "digital_economy_revenue", 2025, "HHZ")), options ?? Options);
    }

    private static DataSet Edited(Func<string, string> edit)
    {
        var text = File.ReadAllText(WorkbookPaths.DefaultDataFile);
        var changed = edit(text);
        Assert.NotEqual(text, changed);
        return DataSet.Load(TestFiles.Temporary(changed), WorkbookPaths.Catalog);
    }

    private static double Case(string key) => Reference.GetProperty("cases").GetProperty(key).GetProperty("p").GetDouble();

    [Fact]
    public void TheScalesAreTheReferences()
    {
        var scales = Outlook.Value.Bridges.Scales.ToDictionary(s => s.Name);
        var reference = Reference.GetProperty("scales");

        Assert.Equal(reference.GetProperty("ratio").GetProperty("sd").GetDouble(), scales["drift of revenue ÷ GDP per year"].Sd, 1e-12);
        Assert.Equal(3, scales["drift of revenue ÷ GDP per year"].DegreesOfFreedom);
        Assert.Equal(reference.GetProperty("share").GetProperty("sd").GetDouble(), scales["drift of the added value's share of GDP per year"].Sd, 1e-12);
        Assert.Equal(2, scales["drift of the added value's share of GDP per year"].DegreesOfFreedom);
        Assert.Equal(reference.GetProperty("gap").GetProperty("sd").GetDouble(), scales["gap between a year-to-date real growth rate and the year's"].Sd, 1e-12);
        Assert.Equal(3, scales["gap between a year-to-date real growth rate and the year's"].DegreesOfFreedom);
    }

    [Fact]
    public void ThePriceGrowthPriorIsTheReferences()
    {
        var prior = Outlook.Value.PricePrior!;
        var reference = Reference.GetProperty("prior");

        Assert.Equal("Zhejiang", prior.Comparator);
        Assert.Equal([2024, 2025], prior.Years);
        Assert.Equal(reference.GetProperty("mean").GetDouble(), prior.Mean, 1e-12);
        Assert.Equal(reference.GetProperty("scale").GetDouble(), prior.Scale, 1e-12);
        Assert.Equal(reference.GetProperty("df").GetDouble(), prior.DegreesOfFreedom);
        var excess = prior.Evidence.Where(e => e.Use == PriceEvidenceUse.Excess).OrderBy(e => e.Year).Select(e => e.Value).ToArray();
        var expected = reference.GetProperty("excess").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expected.Length, excess.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], excess[i], 1e-12);
        }
    }

    [Fact]
    public void TheRevisionLinkIsTheReferences()
    {
        var link = Outlook.Value.RevisionLink!;
        var reference = Reference.GetProperty("revision_link");

        var step = Assert.Single(link.Steps);
        Assert.Equal((2017, 2018), (step.FromYear, step.ToYear));
        Assert.Equal(reference.GetProperty("change_2018").GetDouble(), step.Change, 1e-12);
        Assert.Equal(reference.GetProperty("bayes_factor").GetDouble(), link.BayesFactor, 1e-9);
        Assert.Equal(reference.GetProperty("p_moves").GetDouble(), link.Probability, 1e-9);
    }

    [Fact]
    public void TheZonesRevisionIsWhatTheRevisedLevelLeavesAfterRealGrowthAndPrices()
    {
        // 2887.8 (2024, census5) ÷ (2467.9 × 1.050) at zero price growth, and e^(−p) of it at p.
        var revision = Outlook.Value.Bridges.Revision!;

        Assert.True(revision.IsOwn);
        Assert.Equal(2887.8 / (2467.9 * 1.05), revision.At(0), 1e-12);
        Assert.Equal(2887.8 / (2467.9 * 1.05) / 1.03, revision.At(Math.Log(1.03)), 1e-12);
        Assert.Equal(Reference.GetProperty("revision_at_zero_prices").GetDouble(), revision.At(0), 1e-12);
    }

    [Theory]
    [InlineData("headline")]
    [InlineData("silence_not_weighed")]
    [InlineData("silence_certain")]
    [InlineData("revenue_original_basis")]
    [InlineData("revenue_revised_basis")]
    [InlineData("no_price_rise")]
    [InlineData("province_revision")]
    [InlineData("without_bounds")]
    public void EachProbabilityIsTheReferences(string key)
    {
        var computed = Outlook.Value.Cases.Single(c => c.Key == key).Probability;

        Assert.Equal(Case(key), computed, ClosedFormTolerance);
    }

    [Fact]
    public void TheHeadlineIsTheSameNumberAsTheHeadlineCaseAndItsRangeSpansThePriorsCentralNinetyPercent()
    {
        var outlook = Outlook.Value;
        var (low, high) = outlook.ProbabilityRange;

        Assert.Equal(outlook.Probability, outlook.Cases[0].Probability);
        Assert.Equal(outlook.ProbabilityAt(outlook.PricePrior!.Quantile(0.05)), low, 1e-12);
        Assert.Equal(outlook.ProbabilityAt(outlook.PricePrior!.Quantile(0.95)), high, 1e-12);
        Assert.True(low < outlook.Probability && outlook.Probability < high);
    }

    [Fact]
    public void TheMonteCarloOfTheSameDistributionAgreesWithTheClosedForm()
    {
        var outlook = Outlook.Value;
        var simulation = outlook.Simulate(new MonteCarloOptions { Paths = 200_000, Seed = 7 });

        // Within four standard errors of the accepted paths (binomial).
        Assert.Equal(outlook.Probability, simulation.Probability, 4 * simulation.StandardError);
        Assert.True(simulation.Accepted < simulation.Drawn);
        Assert.Equal(1.0, simulation.FirstCrossing.Sum(f => f.Probability) + simulation.NotCrossed, 1e-12);
    }

    [Fact]
    public void TheMonteCarloDoesNotDependOnTheNumberOfThreads()
    {
        var one = Outlook.Value.Simulate(new MonteCarloOptions { Paths = 5_000, Seed = 3, WorkerThreads = 1 });
        var three = Outlook.Value.Simulate(new MonteCarloOptions { Paths = 5_000, Seed = 3, WorkerThreads = 3 });

        Assert.Equal((one.Accepted, one.Above), (three.Accepted, three.Above));
        Assert.Equal(one.Years.Select(y => y.Levels), three.Years.Select(y => y.Levels));
    }

    [Fact]
    public void ProbabilityRisesWithTheZonesPriceGrowth()
    {
        // A larger share of the published jump taken as revision (lower prices) lowers P: the curve rises with prices.
        var curve = Outlook.Value.PriceCurve;

        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second.Probability > pair.First.Probability));
        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second.OriginalBasis > pair.First.OriginalBasis));
    }

    [Fact]
    public void HigherRegionalDeflatorsRaiseTheProbability()
    {
        // Zhejiang's real growth in 2024 and 2025 two points lower at the same nominal levels: its deflator two points higher.
        var data = Edited(t => t
            .Replace("Zhejiang,gdp,2024,,90131,亿元,reported,5.5,", "Zhejiang,gdp,2024,,90131,亿元,reported,3.5,", StringComparison.Ordinal)
            .Replace("Zhejiang,gdp,2025,,94545,亿元,reported,5.5,", "Zhejiang,gdp,2025,,94545,亿元,reported,3.5,", StringComparison.Ordinal));
        var higher = Create(data);

        Assert.True(higher.PricePrior!.Mean > Outlook.Value.PricePrior!.Mean + 0.015);
        Assert.True(higher.Probability > Outlook.Value.Probability);
    }

    [Fact]
    public void ALowerZoneExcessLowersTheProbability()
    {
        // HHZ's 2023 real growth 10 % instead of 8 %: its 2023 deflator, and its excess over Zhejiang's, two points lower.
        var data = Edited(t => t.Replace("HHZ,gdp_real_growth,2023,,8.0,", "HHZ,gdp_real_growth,2023,,10.0,", StringComparison.Ordinal));

        Assert.True(Create(data).Probability < Outlook.Value.Probability);
    }

    [Fact]
    public void TheLatestEvidenceMovesTheAnswer()
    {
        // Growth of 4.7 % in the first three quarters of 2025 instead of 6.7 %.
        var data = Edited(t => t.Replace("HHZ,gdp,2025,Q1-Q3,2292.2,亿元,reported,6.7,", "HHZ,gdp,2025,Q1-Q3,2292.2,亿元,reported,4.7,", StringComparison.Ordinal));

        Assert.True(Create(data).Probability < Outlook.Value.Probability - 0.03);
    }

    [Fact]
    public void AnAddedValueOnTheRevisedBasisIsDividedByTheRevisionBeforeItEntersTheOriginalBasisBridge()
    {
        const string row = "HHZ,core_digital_added_value,2025,,2400,亿元,reported,,census5,2026,example.org/test,,Test row.\n";
        var revised = Create(Edited(t => t + row));
        var unmarked = Create(Edited(t => t + row.Replace(",census5,", ",,", StringComparison.Ordinal)));
        var k = 4758.7 / 1596.2;
        var revision = revised.Bridges.Revision!;

        // On the original basis: k × 2400 ÷ the zone's revision (2887.8 ÷ (2467.9 × 1.05) ÷ (1 + p)); on the revised basis: k × 2400.
        foreach (var p in new[] { 0.0, 0.03 })
        {
            Assert.Equal(k * 2400 / revision.At(p), revised.TargetValues[RevenueBasis.Original].Median(p), 1e-9);
            Assert.Equal(k * 2400, revised.TargetValues[RevenueBasis.Revised].Median(p), 1e-9);
            // The same figure without its basis is taken as on the original basis: the revision is the difference.
            Assert.Equal(k * 2400, unmarked.TargetValues[RevenueBasis.Original].Median(p), 1e-9);
            Assert.Equal(revision.At(p), unmarked.TargetValues[RevenueBasis.Original].Median(p) / revised.TargetValues[RevenueBasis.Original].Median(p), 1e-12);
        }
    }

    [Fact]
    public void AnImplausibleUnitIsRefusedNamingItsLineAndTheUnitThatFits()
    {
        var text = File.ReadAllText(WorkbookPaths.DefaultDataFile) + "HHZ,core_digital_added_value,2025,,2100,billion RMB,reported,,census5,2026,example.org/test,,\n";
        var line = text.Split('\n').Length - 1;

        var result = DataSet.Check([TestFiles.Temporary(text)], WorkbookPaths.Catalog);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(line, issue.Location.Line);
        Assert.Equal("value", issue.Location.ColumnName);
        Assert.Equal("2100", issue.Found);
        Assert.Contains("10.5 times above the nearest year's HHZ core_digital_added_value 2024", issue.Rule);
        Assert.Contains("did you mean 2100 亿元", issue.Advice);
        Assert.Contains("[allow level-jump: the reason]", issue.Advice);
    }

    [Fact]
    public void ATighterUpperBoundLowersTheProbabilityAndBoundsAreCensoredEvidence()
    {
        var data = Edited(t => t.Replace("HHZ,core_digital_added_value,2024,,2298,亿元,upper-bound,", "HHZ,core_digital_added_value,2024,,2100,亿元,upper-bound,", StringComparison.Ordinal));

        Assert.True(Create(data).Probability < Outlook.Value.Probability);
        Assert.Equal(2, Outlook.Value.Bridges.Bounds.Count);
    }

    [Fact]
    public void SilenceWeighsDownThePathsThatCrossedBeforeTheTargetYear()
    {
        var cases = Outlook.Value.Cases.ToDictionary(c => c.Key, c => c.Probability);

        Assert.True(cases["silence_certain"] < cases["headline"] && cases["headline"] < cases["silence_not_weighed"]);
        Assert.Equal(cases["silence_not_weighed"], Create(Shipped, NowcastOptions.Default).Probability, 1e-12);
    }

    [Fact]
    public void TheVerdictsWordsFollowTheStatedScale()
    {
        var answer = Outlook.Value.Answer();

        Assert.Equal(Likelihood.Describe(Outlook.Value.Probability), answer.Words);
        Assert.StartsWith(char.ToUpperInvariant(answer.Words[0]) + answer.Words[1..] + ": P = " + ZoneGrowth.Publishing.KeyFigureText.Number(Outlook.Value.Probability, "probability"), answer.Headline);
        // It says what it turns on, with numbers, and what would settle it.
        Assert.Contains("the zone's price growth", answer.TurnsOn[0]);
        Assert.Contains("revenue (数字经济主营业务收入): met at 6,000 亿元 or more", answer.Settle);
        Assert.Contains("the zone's census-revised GDP for 2023", answer.Settle);
    }

    [Fact]
    public void TheVerdictNeverAsksForAFigureTheDataHold()
    {
        // With the zone's census-revised 2023 GDP in the data, its revision is known: the answer asks for 2025's GDP instead.
        var data = Edited(t => t + "HHZ,gdp,2023,,2700,亿元,reported,,census5,2025,example.org/test,,Test row.\n");
        var answer = Create(data).Answer();

        Assert.DoesNotContain("census-revised GDP for 2023", answer.Settle);
        Assert.Contains("GDP level for 2025", answer.Settle);
    }

    [Fact]
    public void AZoneWithoutRelatedFiguresAfterItsLastValueHasNoOutlook()
    {
        var csv = "zone,indicator,year,value,unit,status,growth_pct,source\n"
            + "Alpha,digital_economy_revenue,2018,100,亿元,reported,5,example.org/a\n"
            + "Alpha,digital_economy_revenue,2021,120,亿元,reported,6,example.org/b\n"
            + "Alpha,digital_economy_revenue,2025,150,亿元,target,,example.org/plan\n";
        var data = DataSet.Load(TestFiles.Temporary(csv), WorkbookPaths.Catalog);
        var revenue = data.Series("digital_economy_revenue", "Alpha").WithImpliedPreviousYears();

        var e = Assert.Throws<ArgumentException>(() => TargetOutlook.Create(data, TargetAssessment.Create(revenue, Target.Find(data, "digital_economy_revenue", 2025, "Alpha"))));
        Assert.Contains("No bridge reaches 2025 for Alpha", e.Message);
    }

    [Fact]
    public void AZoneWithGdpLevelsOnlyIsBridgedViaGdpWithAForecastOfTheYearsWithoutAFigure()
    {
        // GDP levels to 2024, no real growth, no revision, no added value after 2021: via GDP, 2025's GDP growth forecast from 2021-2024.
        var csv = "zone,indicator,year,value,unit,status,growth_pct,source\n"
            + "Alpha,digital_economy_revenue,2018,100,亿元,reported,5,example.org/a\n"
            + "Alpha,digital_economy_revenue,2021,120,亿元,reported,6,example.org/b\n"
            + "Alpha,digital_economy_revenue,2025,150,亿元,target,,example.org/plan\n"
            + string.Concat(new[] { (2017, 40.0), (2018, 42.0), (2020, 47.0), (2021, 50.0), (2022, 52.0), (2023, 55.0), (2024, 57.0) }.Select(g => FormattableString.Invariant($"Alpha,gdp,{g.Item1},{g.Item2},亿元,reported,,example.org/c\n")));
        var data = DataSet.Load(TestFiles.Temporary(csv), WorkbookPaths.Catalog);
        var revenue = data.Series("digital_economy_revenue", "Alpha").WithImpliedPreviousYears();

        var outlook = TargetOutlook.Create(data, TargetAssessment.Create(revenue, Target.Find(data, "digital_economy_revenue", 2025, "Alpha")), NowcastOptions.Default);

        Assert.Equal(RevenueBridge.ViaGdp, outlook.Route);
        Assert.Null(outlook.PricePrior);
        Assert.Null(outlook.RevisionLink);
        var changes = new[] { Math.Log(52.0 / 50), Math.Log(55.0 / 52), Math.Log(57.0 / 55) };
        // 120 ÷ 50 (2021) × 57 (2024) × e^(mean change) for 2025.
        Assert.Equal(120.0 / 50 * 57 * Math.Exp(changes.Average()), outlook.TargetValues[RevenueBasis.Original].Median(0), 1e-9);
        Assert.InRange(outlook.Probability, 0, 1);
    }
}
