using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ZoneGrowth.Audit;
using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display.Tests;

/// <summary>The HTML renderings, on the shipped data; expected values from the data file, its README or arithmetic on them.</summary>
public class HtmlTests
{
    private static int BodyRows(string html) => Regex.Matches(html, "<tr>").Count - Regex.Matches(html, "<thead><tr>").Count;

    [Fact]
    public void Table_escapes_every_text_and_renders_only_hex_colours()
    {
        var html = new Table("<caption & \"x\">", "<h1>", "b")
            .AddRow(new TableCell("<script>alert(1)</script>", "red;position:fixed", Tooltip: "\"><img src=x>"), new TableCell("ok", "#aabbcc", Italic: true))
            .AddNote("<b>note</b>")
            .ToHtml();
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<h1>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;caption &amp; &quot;x&quot;&gt;", html);
        Assert.DoesNotContain("position:fixed", html);
        Assert.Contains("background-color:#aabbcc;font-style:italic", html);
    }

    [Fact]
    public void Table_refuses_a_row_of_the_wrong_width()
    {
        var e = Assert.Throws<ArgumentException>(() => new Table("t", "a", "b").AddRow("only one"));
        Assert.Contains("2 columns", e.Message);
    }

    [Fact]
    public void Audit_lists_every_finding_with_its_rows_and_range()
    {
        var report = ConsistencyAudit.Run(Shipped.Data);
        var html = Html.Of(report);

        // data/README.md: the shipped data flags the 2017 → 2018 revenue label change (+6.8 %), the 2022 → 2024
        // GDP jump, HHZ GDP in 2017 and in 2022, and Zhejiang's revision of its 2023 GDP: five findings.
        Assert.Equal(5, report.Findings.Count);
        Assert.Equal(5, BodyRows(html));
        Assert.Contains("+6.8 %", html);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{report.Checks.Count} checks, 5 flagged"), html);
        foreach (var header in new[] { "kind", "zone", "indicator", "years", "expected", "actual", "disagreement", "allowed range", "rows (file:line)", "explanation" })
        {
            Assert.Contains($">{header}</th>", html);
        }

        // The Zhejiang 2023 revision: both releases are rows of the data file (85620 and 82553).
        var lines = File.ReadAllLines(Shipped.DataFile);
        var revisionLines = lines.Select((l, i) => (l, line: i + 1)).Where(t => t.l.StartsWith("Zhejiang,gdp,2023,", StringComparison.Ordinal)).Select(t => t.line).ToArray();
        Assert.Equal(2, revisionLines.Length);
        Assert.All(revisionLines, n => Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"hhz-indicators.csv:{n}"), html));
    }

    [Fact]
    public void Series_marks_derived_values_with_their_rule()
    {
        var html = Html.Of(Shipped.Revenue);
        Assert.Contains(">3070.0</td>", html); // data file: 2018 reported 3070
        Assert.Contains(">4758.7</td>", html); // data file: 2021 reported 4758.7
        Assert.Equal(Shipped.Revenue.Count, BodyRows(html));
        foreach (var p in Shipped.Revenue.DerivedPoints)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode("derived: " + p.Derivation), html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(p.Value.ToString("0.0", CultureInfo.InvariantCulture)) + " (derived)", html);
        }

        Assert.Contains("font-style:italic", html);
        Assert.Contains("never written back", html);
    }

    [Fact]
    public void Required_growth_is_the_constant_rate_from_the_last_published_value()
    {
        var html = Html.Of(Shipped.Assessment.RequiredGrowth);

        // From the data file: 4758.7 in 2021 to 6000 in 2025, four years.
        var rate = Math.Pow(6000 / 4758.7, 0.25) - 1;
        Assert.Contains(">" + (100 * rate).ToString("0.0", CultureInfo.InvariantCulture) + " %<", html);
        Assert.Contains(">6000.0 (target)<", html);
        Assert.Contains(">4758.7<", html);
    }

    [Fact]
    public void Scenarios_show_verdict_and_margin_coloured()
    {
        var scenarios = Shipped.Assessment.Evaluate([GrowthScenario.Constant("5 % a year", 0.05), GrowthScenario.Constant("10 % a year", 0.10)]);
        var html = Html.Of(scenarios);
        Assert.Equal(2, BodyRows(html));
        var slow = 4758.7 * Math.Pow(1.05, 4);
        var fast = 4758.7 * Math.Pow(1.10, 4);
        Assert.Contains(slow.ToString("0.0", CultureInfo.InvariantCulture) + " (projected)", html);
        Assert.Contains((100 * ((slow / 6000) - 1)).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " %", html);
        Assert.Contains((100 * ((fast / 6000) - 1)).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " %", html);
        Assert.Contains($"background-color:{Html.NotMetColour}\">not met<", html);
        Assert.Contains($"background-color:{Html.MetColour}\">met<", html);
        Assert.Equal(Html.Of(scenarios[0]), Html.Of([scenarios[0]]));
    }

    [Fact]
    public void Sensitivity_colours_each_cell_by_met_or_not()
    {
        double[] rates = [0.04, 0.06, 0.08];
        double[] factors = [0.9, 1.0, 1.1];
        var html = Html.Of(Shipped.Assessment.Sensitivity(rates, factors));
        var met = 0;
        var notMet = 0;
        foreach (var f in factors)
        {
            foreach (var r in rates)
            {
                if (4758.7 * f * Math.Pow(1 + r, 4) >= 6000)
                {
                    met++;
                }
                else
                {
                    notMet++;
                }
            }
        }

        Assert.Equal(met, Regex.Matches(html, $"background-color:{Html.MetColour}").Count);
        Assert.Equal(notMet, Regex.Matches(html, $"background-color:{Html.NotMetColour}").Count);
        Assert.Contains(">4.0 %</th>", html);
        Assert.Contains(">0.90<", html);
    }

    [Fact]
    public void A_metric_conversion_is_stated_under_every_table_that_uses_it()
    {
        var conversion = new MetricConversion("revenue per unit of added value <2021 & 2022>", 2.98, 2.8, 3.2);
        var assessment = TargetAssessment.Create(Shipped.Data.Series("core_digital_added_value"), Shipped.Target2025, conversion);
        var stated = System.Net.WebUtility.HtmlEncode(conversion.ToString());
        Assert.Contains("&lt;2021 &amp; 2022&gt;", stated);
        Assert.Contains(stated, Html.Of(assessment.Evaluate([GrowthScenario.Constant("8 %", 0.08)])));
        Assert.Contains(stated, Html.Of(assessment.Sensitivity([0.08], [1.0])));
        Assert.Contains(stated, Html.Of(assessment.Probability(RandomWalkWithDrift.Fit(Shipped.Revenue))));
        Assert.DoesNotContain("ratio", Html.Of(Shipped.Assessment.Sensitivity([0.08], [1.0])));
    }

    [Fact]
    public void Probability_and_simulation_show_the_numbers_and_the_first_crossing_table()
    {
        var probability = Shipped.Assessment.Probability(Shipped.Walk);
        var html = Html.Of(probability);
        Assert.Contains(">" + probability.Probability.ToString("0.000", CultureInfo.InvariantCulture) + "<", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Shipped.Target2025.Source), html);

        var simulation = Shipped.Simulation;
        var sim = Html.Of(simulation);
        Assert.Contains(">" + simulation.Probability.ToString("0.0000", CultureInfo.InvariantCulture) + "<", sim);
        Assert.Contains(">" + simulation.StandardError.ToString("0.0000", CultureInfo.InvariantCulture) + "<", sim);
        Assert.Contains(">" + simulation.AnalyticProbability.ToString("0.0000", CultureInfo.InvariantCulture) + "<", sim);
        Assert.Contains(">not by 2028<", sim);
        foreach (var (year, _) in simulation.FirstCrossing)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<td style=\"padding:2px 8px\">{year}</td>"), sim);
        }
    }

    [Fact]
    public void Data_summary_lists_every_indicator_and_the_file_hash()
    {
        var html = Html.Of(DataSummary.Of(Shipped.Data));
        var indicators = File.ReadAllLines(Shipped.DataFile).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[1]).Distinct();
        Assert.All(indicators, id => Assert.Contains($">{id}<", html));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Shipped.DataFile))), html);
        Assert.Contains("Converted: HHZ digital_economy_revenue 2025 (target): 600 十亿元 = 6000.0 亿元", html);
    }
}
