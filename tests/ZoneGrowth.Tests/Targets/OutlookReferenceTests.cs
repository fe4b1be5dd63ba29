using System.Text.Json;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Targets;

/// <summary>
/// The target outlook against an independent computation of the same model: Targets/Reference/outlook_reference.py
/// rebuilds every row's equation from the CSV with explicit design matrices, integrates the scales by randomized
/// quasi-Monte Carlo (eight scrambles of 2^14 Sobol points; errors about 1e-6) and the bounds and the silence with
/// Owen's T and Gauss–Legendre, and checks P at single scale points against a plain Monte Carlo of the model.
/// It shares no code with the library; the tests only read its JSON.
/// </summary>
public sealed class OutlookReferenceTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Targets", "Reference", "outlook_reference.json"))).RootElement;

    private static readonly Lazy<TargetOutlook> Shipped = new(() => TargetOutlookTests.Build(DataSet.LoadDefault()));

    /// <summary>
    /// The main rule's agreement with the reference: each dimension's nodes hold its one-dimensional averages within
    /// 2·10⁻⁶ of a 24-node rule, and the combination of the dimensions (EvidenceIntegral) was measured within 6·10⁻⁵
    /// of the reference for every P on the shipped data and in every scenario; the reference's own error is about
    /// 10⁻⁶.
    /// </summary>
    private const double RuleTolerance = 1e-4;

    /// <summary>
    /// The basis posterior's: the combination leaves out products of two dimensions' base-rule errors, which reach
    /// 1.0·10⁻⁴ in the scenario with a 2024 revenue figure (P(moves) 0.0377 against 0.0376; the full tensor product of
    /// the same rules is within 10⁻⁴ there).
    /// </summary>
    private const double PosteriorTolerance = 2e-4;

    private static double P(JsonElement element) => element.GetProperty("p").GetDouble();

    [Fact]
    public void TheScalesAreTheReferences()
    {
        var scales = Shipped.Value.Scales;
        var reference = Reference.GetProperty("scales");

        var drift = Assert.Single(scales, s => s.Name.StartsWith("drift of revenue ÷ GDP per year", StringComparison.Ordinal));
        Assert.Equal(reference.GetProperty("drift").GetProperty("sd").GetDouble(), drift.Sd, 1e-12);
        Assert.Equal(reference.GetProperty("drift").GetProperty("nu").GetDouble(), drift.DegreesOfFreedom);
        var gap = Assert.Single(scales, s => s.Name.StartsWith("gap between a year-to-date", StringComparison.Ordinal));
        Assert.Equal(reference.GetProperty("gap").GetProperty("sd").GetDouble(), gap.Sd, 1e-12);
        Assert.Equal(reference.GetProperty("gap").GetProperty("nu").GetDouble(), gap.DegreesOfFreedom);
    }

    [Fact]
    public void ThePriceGrowthPriorIsTheReferences()
    {
        var prior = Shipped.Value.PricePrior!;
        var reference = Reference.GetProperty("prior");

        Assert.Equal("Zhejiang", prior.Comparator);
        Assert.Equal([2024, 2025], prior.Years);
        Assert.Equal(reference.GetProperty("mean").GetDouble(), prior.Mean, 1e-12);
        Assert.Equal(reference.GetProperty("scale").GetDouble(), prior.Scale, 1e-12);
        Assert.Equal(reference.GetProperty("df").GetDouble(), prior.DegreesOfFreedom);
        var excess = prior.Evidence.Where(e => e.Use == PriceEvidenceUse.Excess).OrderBy(e => e.Year).ToArray();
        var years = reference.GetProperty("excess_years").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var values = reference.GetProperty("excess").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(years, excess.Select(e => e.Year));
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], excess[i].Value, 1e-12);
        }
    }

    [Fact]
    public void TheRevisionLinkIsTheReferences()
    {
        var link = Shipped.Value.RevisionLink!;
        var reference = Reference.GetProperty("revision_link");

        var step = Assert.Single(link.Steps);
        Assert.Equal(reference.GetProperty("census_year_change").GetDouble(), step.Change, 1e-12);
        Assert.Equal(reference.GetProperty("sigma_other_steps").GetDouble(), step.DriftSd, 1e-12);
        Assert.Equal(reference.GetProperty("df").GetDouble(), step.DegreesOfFreedom);
        Assert.Equal(reference.GetProperty("bayes_factor_stays").GetDouble(), link.BayesFactor, 1e-9);
        Assert.Equal(reference.GetProperty("p_moves").GetDouble(), link.Probability, 1e-9);
    }

    [Fact]
    public void TheHeadlineAndTheBasisPosteriorAreTheReferences()
    {
        var shipped = Reference.GetProperty("shipped");

        Assert.Equal(P(shipped.GetProperty("headline")), Shipped.Value.Probability, RuleTolerance);
        Assert.Equal(P(shipped.GetProperty("basis_posterior").GetProperty("p_moves")), Shipped.Value.BasisPosterior[RevenueBasis.Revised], PosteriorTolerance);
    }

    [Theory]
    [InlineData("revenue_original_basis")]
    [InlineData("revenue_revised_basis")]
    [InlineData("silence_not_weighed")]
    [InlineData("silence_certain")]
    [InlineData("no_price_rise")]
    [InlineData("province_revision")]
    [InlineData("drift_on_ratio")]
    [InlineData("drift_on_share")]
    [InlineData("drift_split_evenly")]
    [InlineData("without_bounds")]
    public void EachCaseIsTheReferences(string key)
    {
        var computed = Shipped.Value.Cases.Single(c => c.Key == key).Probability;

        Assert.Equal(P(Reference.GetProperty("shipped").GetProperty("cases").GetProperty(key)), computed, RuleTolerance);
    }

    /// <summary>
    /// The shipped data with one figure added, removed or changed, as the reference's scenarios describe it: a CSV
    /// line appended, the line starting with the given prefix removed, or "prefix,old -> new" replacing a value.
    /// </summary>
    [Theory]
    [InlineData("gdp_2023_revised_2640")]
    [InlineData("gdp_2023_revised_2860")]
    [InlineData("revenue_2024_5600")]
    [InlineData("added_value_2024_revised_2100")]
    [InlineData("without_gdp_2025_bound")]
    [InlineData("added_value_2022_1870")]
    public void EachScenarioOfANewFigureIsTheReferences(string name)
    {
        var scenario = Reference.GetProperty("scenarios").GetProperty(name);
        var line = scenario.GetProperty("line").GetString()!;
        var data = scenario.GetProperty("change").GetString() switch
        {
            "append" => TargetOutlookTests.With(line + "\n"),
            "remove" => TargetOutlookTests.With("", text => Edit(text, line, _ => "")),
            "replace" => TargetOutlookTests.With("", text => Replace(text, line)),
            var change => throw new InvalidOperationException($"unknown change {change}"),
        };

        var outlook = TargetOutlookTests.Build(data);

        Assert.Equal(P(scenario), outlook.Probability, RuleTolerance);
        Assert.Equal(P(scenario.GetProperty("p_moves")), outlook.BasisPosterior[RevenueBasis.Revised], PosteriorTolerance);
    }

    /// <summary>"HHZ,core_digital_added_value,2022,,1700 -> 1870": the value after the prefix changed.</summary>
    private static string Replace(string text, string change)
    {
        var arrow = change.IndexOf(" -> ", StringComparison.Ordinal);
        var comma = change.LastIndexOf(',', arrow);
        var prefix = change[..(comma + 1)];
        var (old, replacement) = (change[(comma + 1)..arrow], change[(arrow + 4)..]);
        return Edit(text, prefix + old + ",", l => prefix + replacement + l[(prefix.Length + old.Length)..]);
    }

    /// <summary>The one line starting with <paramref name="prefix"/> rewritten (an empty result removes it).</summary>
    private static string Edit(string text, string prefix, Func<string, string> rewrite)
    {
        var lines = text.Split('\n').ToList();
        var i = Assert.Single(lines.Select((l, i) => (l, i)), x => x.l.StartsWith(prefix, StringComparison.Ordinal)).i;
        var rewritten = rewrite(lines[i]);
        if (rewritten.Length == 0)
        {
            lines.RemoveAt(i);
        }
        else
        {
            lines[i] = rewritten;
        }

        return string.Join('\n', lines);
    }
}
