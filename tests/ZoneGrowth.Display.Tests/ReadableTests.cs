using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using ZoneGrowth.Data;
using ZoneGrowth.Display;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Publishing;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display.Tests;

/// <summary>What an economist sees of values that used to show as raw objects: every figure, DataFrames, checks and evaluations.</summary>
public sealed class ReadableTests
{
    private static string VisibleText(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", " "));

    [Fact]
    public void A_new_vintage_marks_each_figure_added_or_changed_and_lists_those_removed()
    {
        // The shipped file with one value edited (2023 GDP 2467.9 → 2470.1), its first row removed and a row added.
        var lines = File.ReadAllLines(Shipped.DataFile).ToList();
        var gdp = lines.FindIndex(l => l.StartsWith("HHZ,gdp,2023,,2467.9,", StringComparison.Ordinal));
        lines[gdp] = lines[gdp].Replace(",2467.9,", ",2470.1,", StringComparison.Ordinal);
        lines.RemoveAt(1);
        lines.Add("HHZ,gdp,2025,,3150,亿元,reported,5.1,census5,2026-03,example.org/added,,added by a test");
        var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-vintage-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        try
        {
            var comparison = DataSetComparison.Of(DataSet.Load(path, WorkbookPaths.Catalog), Shipped.Data);
            var html = Html.Of(comparison);
            var text = VisibleText(html);

            Assert.Equal([DataRowChangeKind.Added, DataRowChangeKind.Changed, DataRowChangeKind.Removed], comparison.Changes.Select(c => c.Kind).Order());
            Assert.Contains($"; since {Path.GetFileName(Shipped.DataFile)}: 1 new, 1 changed, 1 removed", text);
            Assert.Contains($"Changed since {Path.GetFileName(Shipped.DataFile)}: value 2,467.9 → 2,470.1", text);
            Assert.Contains($"New since {Path.GetFileName(Shipped.DataFile)}", text);
            Assert.Contains(" reported · new ", Regex.Replace(text, @"\s+", " "));
            Assert.Contains(" reported · changed ", Regex.Replace(text, @"\s+", " "));
            Assert.Contains($"Removed since {Path.GetFileName(Shipped.DataFile)}: HHZ core added value 2021 1,596.2 100 million RMB (亿元), reported (its line 2).", text);
            // Each of the two rows is shaded across its seven cells; nothing else is.
            Assert.Equal(14, Regex.Matches(html, "background-color:" + Html.ChangedColour).Count);
            // The same vintage has nothing to mark.
            Assert.DoesNotContain("since", VisibleText(Html.Of(DataSetComparison.Of(Shipped.Data, Shipped.Data))).Split("Source:")[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_figure_of_the_data_is_shown_with_its_source_quote_and_note()
    {
        var html = Html.Of(Shipped.Data);
        var rows = File.ReadAllLines(Shipped.DataFile).Skip(1).Count(l => l.Length > 0);

        // One row per figure and one details line under it; one heading per series: nothing paged away.
        var series = Shipped.Data.Observations.Select(o => (o.Zone, o.Indicator.Id)).Distinct().Count();
        Assert.Equal(rows, Shipped.Data.Observations.Count);
        Assert.Equal(rows + rows + series, Regex.Matches(html, "<tr[ >]").Count - 1);
        Assert.Equal(series, Regex.Matches(html, "<th scope=\"rowgroup\"").Count);
        foreach (var o in Shipped.Data.Observations)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode("Source: " + o.Source), html);
        }

        // Data file, line 2: HHZ core added value 2021, 1596.2 亿元, +16 %, its quote; values at the precision published.
        Assert.Contains(">1,596.2</td>", html);
        Assert.Contains(">16.0 %</td>", html);
        Assert.Contains("全区数字经济核心产业增加值1596.2亿元", html);
        Assert.Contains("HHZ · Added value of the core digital economy industries (数字经济核心产业增加值), 100 million RMB (亿元)", VisibleText(html));
        Assert.DoesNotContain("core_digital_added_value", VisibleText(html));
    }

    [Fact]
    public void A_dataframe_reads_with_worded_headers_one_format_per_column_and_a_dash_for_missing_values()
    {
        var frame = new DataFrame(
            new PrimitiveDataFrameColumn<int>("year", [2024, 2025]),
            new PrimitiveDataFrameColumn<double>("growth_pct", [5.0, null]),
            new PrimitiveDataFrameColumn<double>("value", [6145.0, 5004.75]),
            new StringDataFrameColumn("basis", ["census5", null]),
            new PrimitiveDataFrameColumn<bool>("covered", [true, false]));

        var html = Html.Of(frame);

        Assert.Equal(["year", "growth (%)", "value", "basis", "covered"], Regex.Matches(html, "<th[^>]*>([^<]*)</th>").Select(m => m.Groups[1].Value));
        Assert.Contains(">2025</td>", html);      // a year without a thousands separator
        Assert.Contains(">6,145.00</td>", html);  // one format for the column: two decimals, as 5004.75 needs
        Assert.Contains(">5,004.75</td>", html);
        Assert.Equal(2, Regex.Matches(html, ">—</td>").Count); // the missing growth and basis
        Assert.Contains(">yes</td>", html);
        Assert.DoesNotContain("&lt;null&gt;", html);
        Assert.Contains("2 rows × 5 columns", VisibleText(html));
    }

    [Fact]
    public void A_long_dataframe_says_how_many_rows_it_leaves_out()
    {
        var frame = new DataFrame(new PrimitiveDataFrameColumn<int>("n", Enumerable.Range(0, Html.DataFrameRowLimit + 3)));
        var html = Html.Of(frame);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"The first {Html.DataFrameRowLimit} of {Html.DataFrameRowLimit + 3} rows"), html);
    }

    [Fact]
    public void A_refused_series_is_a_sentence_not_an_exception_text()
    {
        var check = TargetAssessment.Check(Shipped.Data.Series("core_digital_added_value", "HHZ"), Shipped.Target2025, Shipped.Revenue);
        var html = Html.Of(check);
        Assert.Contains("zg-prose", html);
        Assert.StartsWith("Refused. The target is set on main business income", VisibleText(html).Trim());
    }

    [Fact]
    public void The_out_of_sample_evaluation_is_a_table_per_method_and_horizon()
    {
        var evaluation = RollingOrigin.Run(Shipped.Gdp.OnOriginalBasis(), RollingOrigin.StandardModels());
        var html = Html.Of(evaluation);
        var text = VisibleText(html);

        Assert.Equal(evaluation.Summary.Count + evaluation.SummaryByHorizon.Count, Regex.Matches(html, "<tr[ >]").Count - 1);
        Assert.Contains("How each method did out of sample: Gross domestic product (HHZ)", text);
        Assert.Contains("outcomes inside the 90 % interval", text);
        var first = evaluation.Summary[0];
        Assert.Contains(">" + first.MeanAbsoluteLogErrorPercent.ToString("0.0", CultureInfo.InvariantCulture) + " %<", html);
        Assert.DoesNotContain("mean_abs_log_error_pct", text);
    }

    [Fact]
    public void The_answer_reads_in_a_minute_with_its_reasoning_folded()
    {
        var answer = Shipped.Outlook.Value.Answer(Shipped.OutlookSimulation.Value).For("03-target");
        var html = Html.Of(answer);

        // The block a reader sees unopened: at most about 200 words, and no file name or address in it.
        var visible = Regex.Replace(Regex.Replace(html, "<details.*?</details>", "", RegexOptions.Singleline), "<[^>]+>", " ");
        var text = Regex.Replace(System.Net.WebUtility.HtmlDecode(visible), @"\s+", " ");
        var words = Regex.Matches(text, @"\S+").Count;
        Assert.True(words is >= 60 and <= 210, $"{words} words: {text}");
        Assert.DoesNotContain(".csv", visible);
        Assert.DoesNotContain(".html", visible);
        Assert.DoesNotContain("hhtz", visible);

        // One table of what it turns on: a row per choice, P at each end; the largest spreads named in words, not "Drift".
        Assert.Equal(answer.TurnsOn.Count, Regex.Matches(html, "<tr><td").Count);
        Assert.Contains("how far revenue ÷ core added value drifts", answer.Spread);
        Assert.DoesNotContain("Drift", answer.Spread);
        // What it rests on is still there, folded.
        Assert.Contains("<details class=\"zg-more\"", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(answer.ConditionalOn[1..40]), html);
    }

    [Fact]
    public void A_table_can_carry_group_headings_and_a_details_line_under_a_row()
    {
        var html = new Table("t", "a", "b").AddGroup("first group").AddRow("1", "2").AddDetail("about row 1").AddRow("3", "4").ToHtml();
        var cells = Regex.Matches(html, "<t[dh] (?!scope=\"col\")[^>]*>([^<]*)</t[dh]>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["first group", "1", "2", "about row 1", "3", "4"], cells);
        Assert.Equal(2, Regex.Matches(html, "colspan=\"2\"").Count);
        Assert.Contains("<th scope=\"rowgroup\" colspan=\"2\"", html); // bold wherever styles are stripped
    }
}
