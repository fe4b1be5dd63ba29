using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ZoneGrowth.Audit;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display.Tests;

/// <summary>The HTML renderings, on the shipped data; expected values from the data file, its README or arithmetic on them.</summary>
public class HtmlTests
{
    private static int BodyRows(string html) => Regex.Matches(html, "<tr[ >]").Count - Regex.Matches(html, "<thead><tr>").Count;

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
    public void Table_marks_source_cells_and_hints_for_the_report_and_stripes_no_row()
    {
        var html = new Table("t", "value", "source")
            .AddRow(new TableCell("1", Numeric: true), new TableCell("example.org/…", Source: "example.org/a/\"b\".html (from <x>)"))
            .AddNote("Sources by site.")
            .AddHint("Hover over a source for its address.")
            .ToHtml();

        Assert.Contains(" data-zg-source=\"example.org/a/&quot;b&quot;.html (from &lt;x&gt;)\">example.org/…</td>", html);
        Assert.Contains("<p style=\"font-size:smaller;margin:2px 0\">Sources by site.</p>", html);
        Assert.Contains("<p class=\"zg-hint\" style=\"font-size:smaller;margin:2px 0\">Hover over a source for its address.</p>", html);
        Assert.Equal(["Sources by site.", "Hover over a source for its address."], new Table("t", "a").AddNote("Sources by site.").AddHint("Hover over a source for its address.").Notes);
        // Every body row is transparent, so a front end's zebra stripes never look like the grey of an estimate.
        Assert.Equal(Regex.Matches(html, "<tr[ >]").Count - 1, Regex.Matches(html, "<tr style=\"background:transparent\">").Count);
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

        // data/README.md: the shipped data flags the 2017 → 2018 revenue label change (+6.8 %), the 2023 → 2024
        // GDP jump (the census), HHZ GDP in 2017 and in 2022, Zhejiang's census revision of its 2023 GDP and
        // Hangzhou's routine revision of its 2021 GDP: six findings.
        Assert.Equal(6, report.Findings.Count);
        Assert.Equal(6, BodyRows(html));
        Assert.Contains("+6.8 %", html);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{report.Checks.Count} checks, 6 flagged"), html);
        foreach (var header in new[] { "kind", "zone", "indicator", "years", "expected", "actual", "disagreement", "allowed range", "rows (line)" })
        {
            Assert.Contains($">{header}</th>", html);
        }

        // The Zhejiang 2023 revision: both releases are rows of the data file (85620 and 82553).
        var lines = File.ReadAllLines(Shipped.DataFile);
        var revisionLines = lines.Select((l, i) => (l, line: i + 1)).Where(t => t.l.StartsWith("Zhejiang,gdp,2023,", StringComparison.Ordinal)).Select(t => t.line).ToArray();
        Assert.Equal(2, revisionLines.Length);
        Assert.All(revisionLines, n => Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"hhz-indicators.csv:{n}"), html));

        // Every finding is in the one shipped file: its rows are line numbers, and the note names the file.
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">{revisionLines[0]}, {revisionLines[1]}</td>"), html);
        Assert.Contains("Rows are lines of " + System.Net.WebUtility.HtmlEncode(Shipped.Data.Files[0].Path), html);

        // Each explanation is a numbered note under the table, not a paragraph in a cell.
        foreach (var (finding, i) in report.Findings.Select((f, i) => (f, i)))
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">{finding.Kind.Words()} (note {i + 1})</td>"), html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {finding.Explanation}")) + "</p>", html);
        }
    }

    [Fact]
    public void Series_marks_derived_values_with_their_rule()
    {
        var html = Html.Of(Shipped.Revenue);
        Assert.Contains(">3,070</td>", html);   // data file: 2018 reported 3070, at the precision published
        Assert.Contains(">4,758.7</td>", html); // data file: 2021 reported 4758.7
        Assert.Equal(Shipped.Revenue.Count, BodyRows(html));
        foreach (var p in Shipped.Revenue.DerivedPoints)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode("derived (from a reported level): " + p.Derivation), html);
            Assert.Contains(">" + p.Value.ToString("#,##0.0", CultureInfo.InvariantCulture) + "</td>", html);
        }

        Assert.Contains("font-style:italic", html);
        Assert.Contains("never written back", html);
    }

    [Fact]
    public void A_series_notes_a_release_it_superseded_apart_from_a_figure_on_an_earlier_basis()
    {
        // Data file: Zhejiang 2023 first published as 82553 (2024-03-04), and 85620 revised after the fifth census;
        // Hangzhou 2021 published as 18109 (2022-01-22), then as 18247 (2023-01-21) on the same basis.
        var zhejiang = Html.Of(Shipped.Data.Series("gdp", "Zhejiang"));
        var hangzhou = Html.Of(Shipped.Data.Series("gdp", "Hangzhou"));

        Assert.Contains("Also published on an earlier basis than the value shown: 2023 82,553.0 as first published (published 2024-03-04).", zhejiang);
        Assert.DoesNotContain("Superseded", zhejiang);
        Assert.Contains("Superseded by a later release: 2021 18,109.0 (published 2022-01-22).", hangzhou);
        Assert.DoesNotContain("earlier basis", hangzhou);
    }

    [Fact]
    public void Chow_test_matches_statsmodels_reference_numbers()
    {
        // tests/ZoneGrowth.Tests/Regression/Reference/statsmodels_reference.json (generated by statsmodels): HHZ GDP, break in 2020.
        using var reference = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(WorkbookPaths.Root, "tests", "ZoneGrowth.Tests", "Regression", "Reference", "statsmodels_reference.json")));
        var chow = reference.RootElement.GetProperty("hhz_gdp").GetProperty("chow_2020");
        // The reference's own series (statsmodels_reference.py), not the shipped file, which may gain years.
        var growth = reference.RootElement.GetProperty("hhz_gdp").GetProperty("growth");
        var years = growth.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        var values = growth.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var fit = new ZoneGrowth.Regression.PiecewiseLogLinearTrend(years, values, "HHZ GDP", 2020, ZoneGrowth.Regression.PiecewiseTrendForm.SeparateSegments).Fit();
        var html = Html.Of(fit);
        Assert.Contains("<table class=\"regression-summary\">", html);
        Assert.Contains(">" + chow.GetProperty("f").GetDouble().ToString("0.000", CultureInfo.InvariantCulture) + "<", html);
        Assert.Contains(">" + chow.GetProperty("pvalue").GetDouble().ToString("0.0000", CultureInfo.InvariantCulture) + "<", html);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">({chow.GetProperty("df_num").GetInt32()}, {chow.GetProperty("df_denom").GetInt32()})<"), html);
    }

    [Fact]
    public void Level_predictions_list_each_year_with_both_intervals()
    {
        var predictions = Shipped.GdpTrend.PredictLevels([2025, 2026]);
        var html = Html.Of(predictions);
        Assert.Equal(2, BodyRows(html));
        Assert.Contains(">2025<", html);
        Assert.Contains(">95 % interval, new observation</th>", html);
        var pi = predictions.PredictionIntervals[1];
        Assert.Contains($"{pi.Lower.ToString("#,##0.0", CultureInfo.InvariantCulture)} to {pi.Upper.ToString("#,##0.0", CultureInfo.InvariantCulture)}", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(predictions.Description), html);
    }

    [Fact]
    public void A_level_shift_trend_shows_its_summary_with_the_shift_and_its_caveat()
    {
        var fit = Shipped.GdpLevelShiftTrend;
        var html = Html.Of(fit);
        Assert.Equal(fit.Summary().ToHtml(), html);
        Assert.Contains(">level after the 5th census<", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(fit.Caveats[0]), html);
    }

    [Fact]
    public void Required_growth_is_the_constant_rate_from_the_last_published_value()
    {
        var html = Html.Of(Shipped.Assessment.RequiredGrowth);

        // From the data file: 4758.7 in 2021 to 6000 in 2025, four years.
        var rate = Math.Pow(6000 / 4758.7, 0.25) - 1;
        Assert.Contains(">" + (100 * rate).ToString("0.0", CultureInfo.InvariantCulture) + " %<", html);
        Assert.Contains(">6,000.0 (target)<", html);
        Assert.Contains(">4,758.7<", html);
    }

    [Fact]
    public void Scenarios_show_verdict_and_margin_coloured()
    {
        var scenarios = Shipped.Assessment.Evaluate([GrowthScenario.Constant("5 % a year", 0.05), GrowthScenario.Constant("10 % a year", 0.10)]);
        var html = Html.Of(scenarios);
        Assert.Equal(2, BodyRows(html));
        var slow = 4758.7 * Math.Pow(1.05, 4);
        var fast = 4758.7 * Math.Pow(1.10, 4);
        Assert.Contains(slow.ToString("#,##0.0", CultureInfo.InvariantCulture) + " (projected)", html);
        // Signed percentages with a true minus sign.
        Assert.Contains((100 * ((slow / 6000) - 1)).ToString("+0.0;−0.0", CultureInfo.InvariantCulture) + " %", html);
        Assert.Contains((100 * ((fast / 6000) - 1)).ToString("+0.0;−0.0", CultureInfo.InvariantCulture) + " %", html);
        Assert.Contains($"background-color:{Html.NotMetColour};text-align:left\">not met<", html);
        Assert.Contains($"background-color:{Html.MetColour};text-align:left\">met<", html);
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
        var assessment = TargetAssessment.Create(Shipped.Data.Series("core_digital_added_value", "HHZ"), Shipped.Target2025, conversion);
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
        // Two decimals, and "> 0.99" rather than a 1.00 that would overstate it.
        Assert.Contains(">" + (probability.Probability > 0.99 ? "&gt; 0.99" : probability.Probability.ToString("0.00", CultureInfo.InvariantCulture)) + "<", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Shipped.Target2025.Source), html);

        var simulation = Shipped.Simulation;
        var sim = Html.Of(simulation);
        // P as every P reads (two decimals, "> 0.99" at the end); its standard error to four decimals; paths with separators.
        string P(double p) => p > 0.99 ? "&gt; 0.99" : p < 0.01 ? "&lt; 0.01" : p.ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Contains(">" + P(simulation.Probability) + "<", sim);
        Assert.Contains(">" + simulation.StandardError.ToString("0.0000", CultureInfo.InvariantCulture) + "<", sim);
        Assert.Contains(">" + P(simulation.AnalyticProbability) + "<", sim);
        Assert.Contains(">" + simulation.Counts.Paths.ToString("#,0", CultureInfo.InvariantCulture) + "<", sim);
        Assert.Contains(">not by 2028<", sim);
        foreach (var (year, _) in simulation.FirstCrossing)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<td style=\"padding:2px 8px;text-align:left\">{year}</td>"), sim);
        }
    }

    [Fact]
    public void Every_related_figure_is_one_row_saying_how_it_enters_or_why_it_is_not_used()
    {
        var evidence = Shipped.Outlook.Value.Evidence;
        var html = Html.Of(evidence);
        var rows = html.Split("<tr").Skip(2).ToArray(); // after the table's opening and its header row

        Assert.Equal(evidence.Count, rows.Length);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{evidence.Count(e => e.IsUsed)} used, {evidence.Count(e => !e.IsUsed)} not used"), html);
        foreach (var (row, e) in rows.Zip(evidence))
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">{e.Row.Location.Line}<"), row);
            if (e.IsUsed)
            {
                Assert.DoesNotContain(">not used:", row); // (a used level can say its growth rate is not used)
            }
            else
            {
                Assert.Contains(System.Net.WebUtility.HtmlEncode("not used: " + e.Words), row);
            }
        }

        // Four columns: nothing left empty for a figure that is used.
        Assert.Contains(">how it enters<", html);
        Assert.DoesNotContain(">or why not<", html);
    }

    [Fact]
    public void Data_summary_lists_every_indicator_and_the_file_hash()
    {
        var html = Html.Of(DataSummary.Of(Shipped.Data));
        var indicators = File.ReadAllLines(Shipped.DataFile).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[1]).Distinct();
        // Each indicator by its name, with its id (what code uses) on hover.
        Assert.All(indicators, id => Assert.Contains($"title=\"{id}\">", html));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Shipped.DataFile))), html);
        // data/indicators.csv names digital_economy_revenue "Main business income of the core digital economy industries".
        Assert.Contains("Converted: Main business income of the core digital economy industries (HHZ) 2025 (target): 600 十亿元 = 6,000.0 亿元", html);
    }

    [Fact]
    public void A_derived_point_says_derived_in_its_status_not_reported()
    {
        var html = Html.Of(Shipped.Revenue);

        // 2017 = 3070 / 1.172 and 2020 = 4758.7 / 1.181 are implied by reported levels and their growth.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "derived \\(from a reported level\\)").Count);
    }

    /// <summary>The text a reader sees: tags (and the hover text in their attributes) removed, entities decoded.</summary>
    private static string VisibleText(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", " "));

    /// <summary>The catalog ids found as whole words in <paramref name="text"/>.</summary>
    private static string[] IdsIn(string text) =>
        Shipped.Data.Catalog.Indicators.Select(i => i.Id).Where(id => Regex.IsMatch(text, $@"(?<![\w]){Regex.Escape(id)}(?![\w])")).ToArray();

    [Fact]
    public void Tables_of_results_name_indicators_by_the_catalog_never_by_id()
    {
        var revenueName = Shipped.Data.Catalog["digital_economy_revenue"].EnglishName; // data/indicators.csv
        var tables = new Dictionary<string, string>
        {
            ["series"] = Html.Of(Shipped.Revenue),
            ["share"] = Html.Of(DerivedSeries.Share(Shipped.Gdp, Shipped.Data.Series("gdp", "Zhejiang"), Shipped.Data.Catalog["gdp_share_of_zhejiang"])),
            ["audit"] = Html.Of(ConsistencyAudit.Run(Shipped.Data)),
            ["probability"] = Html.Of(Shipped.Assessment.Probability(Shipped.Walk)),
            ["simulation"] = Html.Of(Shipped.Simulation),
            ["scenarios"] = Html.Of(Shipped.Assessment.Evaluate([GrowthScenario.Constant("8 %", 0.08)])),
            ["sensitivity"] = Html.Of(Shipped.Assessment.Sensitivity([0.08], [1.0])),
            ["required growth"] = Html.Of(Shipped.Assessment.RequiredGrowth),
        };
        foreach (var (name, html) in tables)
        {
            Assert.True(IdsIn(VisibleText(html)).Length == 0, $"{name}: {string.Join(", ", IdsIn(VisibleText(html)))}");
        }

        Assert.Contains(revenueName + " (HHZ)", VisibleText(tables["series"]));
        Assert.Contains(revenueName + " (HHZ) ≥ 6,000 亿元 in 2025", VisibleText(tables["probability"]));
        Assert.Contains(revenueName + " (HHZ) ≥ 6,000 亿元 in 2025", VisibleText(tables["simulation"]));
    }

    [Fact]
    public void A_caption_writes_a_unit_once_and_lists_derived_among_the_statuses()
    {
        // GDP share of Zhejiang: unit percent, every point derived from reported GDP levels.
        var share = DerivedSeries.Share(Shipped.Gdp, Shipped.Data.Series("gdp", "Zhejiang"), Shipped.Data.Catalog["gdp_share_of_zhejiang"]);
        var caption = Regex.Match(Html.Of(share), "<caption[^>]*>(.*)</caption>").Groups[1].Value;
        Assert.DoesNotContain("percent (percent)", caption);
        Assert.Contains("statuses: reported, derived", caption);

        var revenue = Regex.Match(Html.Of(Shipped.Revenue), "<caption[^>]*>(.*)</caption>").Groups[1].Value;
        Assert.Contains("100 million RMB (亿元)", revenue); // src/Data/Units.cs: 亿元 is 100 million RMB
        Assert.Contains("statuses: reported, derived", revenue);
    }

    [Fact]
    public void The_audit_names_each_indicator_and_keeps_its_id_on_hover()
    {
        var html = Html.Of(ConsistencyAudit.Run(Shipped.Data));

        // data/README.md: GDP findings for HHZ and Zhejiang, and the revenue label change.
        Assert.Contains("<td style=\"padding:2px 8px;text-align:left\" title=\"gdp\">Gross domestic product</td>", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Shipped.Data.Catalog["digital_economy_revenue"].EnglishName) + "</td>", html);
        Assert.DoesNotContain(">gdp</td>", html);
    }

    [Fact]
    public void The_data_summary_fits_its_statuses_in_one_column()
    {
        var html = Html.Of(DataSummary.Of(Shipped.Data));
        Assert.Equal(5, Regex.Matches(html, "<th ").Count);

        // Data file: HHZ gdp has 10 reported figures (2016-2024 but 2019, 2023 H1, 2025 Q1-Q3; 2015 is an estimate; 2025
        // has a lower bound) and HHZ revenue two reported levels and two targets.
        Assert.Contains(">10 reported, 1 estimate, 1 lower-bound</td>", html);
        Assert.Contains(">2 reported, 2 target</td>", html);
    }

    [Theory]
    [InlineData("hhtz.gov.cn/art/2023/3/6/art_1229633260_4145211.html", "hhtz.gov.cn/…")]
    [InlineData("town.zjol.com.cn/czjsb/201904/t.shtml; thepaper.cn/newsDetail_forward_3365854", "town.zjol.com.cn/…; thepaper.cn/…")]
    [InlineData("investchn.com/index.php/home/news/detail/id/286255.html (from 浙江在线)", "investchn.com/… (from 浙江在线)")]
    [InlineData("HHZ 14th five-year plan (hhtz.gov.cn)", "HHZ 14th five-year plan (hhtz.gov.cn)")]
    [InlineData("(mirror: https://example.org/a/b)", "(mirror: https://example.org/…)")]
    [InlineData("revenue and/or income", "revenue and/or income")]
    [InlineData("hhtz.gov.cn/", "hhtz.gov.cn/")]
    public void A_source_is_shown_by_its_sites(string source, string shown) => Assert.Equal(shown, Html.ShortSource(source));

    [Fact]
    public void A_series_row_keeps_its_full_source_on_hover()
    {
        var html = Html.Of(Shipped.Revenue);
        foreach (var p in Shipped.Revenue.Points)
        {
            Assert.Contains("title=\"" + System.Net.WebUtility.HtmlEncode(p.Observation.Source) + " (", html);
        }
    }
}
