using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Plotly.NET;
using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display.Tests;

/// <summary>
/// The rules that keep the charts readable, checked on every chart the workbook draws from the shipped data:
/// log axes label their ticks in full, money axes write numbers without SI suffixes, no axis title repeats its
/// unit, titles name indicators by the catalog (never by id, never as a list of names), y titles fit the plot.
/// </summary>
public class ChartFormattingTests
{
    /// <summary>Every kind of chart, as the notebooks call them, with the data it draws.</summary>
    public static TheoryData<string> ChartNames => new(AllCharts().Select(c => c.Name));

    private static IEnumerable<(string Name, Func<GenericChart> Draw)> AllCharts()
    {
        yield return ("indicators: revenue, added value and GDP", () => Charts.Indicators(Shipped.Data, "HHZ", "digital_economy_revenue", "core_digital_added_value", "gdp"));
        yield return ("indicators: high-tech enterprises (a count)", () => Charts.Indicators(Shipped.Data, "HHZ", "national_high_tech_enterprises"));
        yield return ("indicators: revenue with derived points", () => Charts.Indicators(Shipped.Revenue));
        yield return ("indicators: a count and a share", () => Charts.Indicators(Shipped.Data, "HHZ", "national_high_tech_enterprises", "core_digital_added_value_share_of_gdp"));
        yield return ("fit: GDP", () => Charts.Fit(Shipped.GdpTrend, Shipped.Gdp, [2025, 2026]));
        yield return ("fit: GDP with a level shift", () => Charts.Fit(Shipped.GdpLevelShiftTrend, Shipped.Gdp, [2025, 2026]));
        yield return ("fan", () => Charts.Fan(Shipped.Assessment, Shipped.Simulation));
        yield return ("nowcast", () => Charts.Nowcast(Shipped.Outlook.Value, Shipped.OutlookSimulation.Value));
        yield return ("price curve", () => Charts.PriceCurve(Shipped.Outlook.Value));
        yield return ("first crossing", () => Charts.FirstCrossing(Shipped.Simulation));
        yield return ("scenarios", () => Charts.Scenarios(Shipped.Assessment.Evaluate([GrowthScenario.Constant("5 % a year", 0.05)]), Shipped.Target2025));
        yield return ("sensitivity", () => Charts.Sensitivity(Shipped.Assessment.Sensitivity([0.04, 0.08, 0.15], [0.9, 1.0, 1.1]), Shipped.Target2025));
    }

    private static JsonObject Figure(string name) =>
        (JsonObject)JsonNode.Parse(GenericChart.toJson(AllCharts().Single(c => c.Name == name).Draw()))!;

    private static JsonObject Axis(JsonObject figure, string axis) => (JsonObject)figure["layout"]![axis]!;

    private static string AxisTitle(JsonObject figure, string axis) => (string?)Axis(figure, axis)["title"]?["text"] ?? "";

    private static string Title(JsonObject figure) => (string)figure["layout"]!["title"]!["text"]!;

    private static double[] Values(JsonNode? array) => ((JsonArray)array!).Select(v => (double)v!).ToArray();

    /// <summary>The y values the chart draws (numbers only; a heat map's rows are categories).</summary>
    private static double[] DrawnY(JsonObject figure) =>
        ((JsonArray)figure["data"]!).Cast<JsonObject>()
            .Where(t => t["y"] is JsonArray)
            .SelectMany(t => ((JsonArray)t["y"]!).Where(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.Number).Select(v => (double)v!))
            .ToArray();

    /// <summary>A tick label read back as a number: digits, at most one decimal point, commas only as thousands separators.</summary>
    private static double ReadTick(string label)
    {
        Assert.Matches(new Regex(@"^-?\d{1,3}(,\d{3})*(\.\d+)?$"), label);
        return double.Parse(label.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void A_log_axis_labels_every_tick_with_its_full_value_and_has_three_inside_the_data(string chart)
    {
        var figure = Figure(chart);
        var y = Axis(figure, "yaxis");
        if ((string?)y["type"] != "log")
        {
            return;
        }

        // Plotly's own log ticks label only powers of ten in full ("7 8 9 1000 2 3"): the chart gives its own.
        Assert.Equal("array", (string?)y["tickmode"]);
        var values = Values(y["tickvals"]);
        var labels = ((JsonArray)y["ticktext"]!).Select(v => (string)v!).ToArray();
        Assert.Equal(values.Length, labels.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], ReadTick(labels[i]), 1e-9 * values[i]);
        }

        Assert.True(values.Zip(values.Skip(1)).All(p => p.Second > p.First), "ticks increase");
        var drawn = DrawnY(figure);
        Assert.True(values[0] <= drawn.Min() && values[^1] >= drawn.Max(), $"ticks {values[0]}..{values[^1]} span the data {drawn.Min()}..{drawn.Max()}");
        Assert.True(values.Count(v => v >= drawn.Min() && v <= drawn.Max()) >= 3, string.Join(", ", labels));
    }

    [Fact]
    public void The_main_series_chart_is_on_a_log_axis_with_ticks_of_its_own()
    {
        // The rule above is only worth as much as the charts it reaches: the notebooks' log charts are among them.
        foreach (var chart in new[] { "indicators: revenue, added value and GDP", "indicators: high-tech enterprises (a count)" })
        {
            var y = Axis(Figure(chart), "yaxis");
            Assert.Equal("log", (string?)y["type"]);
            Assert.NotNull(y["ticktext"]);
        }
    }

    [Theory]
    [InlineData(800, 6000)] // the main series chart: GDP 2015 (estimate) to the revenue target
    [InlineData(450, 2200)] // high-tech enterprises
    [InlineData(0.3, 90)] // shares in percent
    [InlineData(1, 1e6)]
    [InlineData(4500, 6000)] // less than half a decade
    [InlineData(2.75, 3.2)]
    [InlineData(5, 5)] // a single value
    public void Log_ticks_are_written_in_full_and_bracket_any_positive_range(double min, double max)
    {
        var (values, labels) = ChartStyle.LogTicks(min, max);
        Assert.True(values[0] <= min && values[^1] >= max);
        Assert.True(values.Count(v => v >= min && v <= max) >= (max > min ? 2 : 0), string.Join(", ", labels));
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], ReadTick(labels[i]), 1e-9 * values[i]);
        }

        // A decade and more: ticks at the round steps an economist reads off a log axis (1, 2 and 5 times a power of ten).
        if (max / min >= 10 && max / min <= 1e4)
        {
            var decade = Math.Pow(10, Math.Ceiling(Math.Log10(min)));
            Assert.Contains(decade, values);
            Assert.Contains(2 * decade, values);
        }
    }

    [Fact]
    public void Log_ticks_refuse_a_range_a_log_axis_cannot_draw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartStyle.LogTicks(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartStyle.LogTicks(10, 1));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void A_linear_value_axis_writes_numbers_in_full_never_with_an_SI_suffix(string chart)
    {
        var figure = Figure(chart);
        var y = Axis(figure, "yaxis");
        if ((string?)y["type"] is "log" or "category")
        {
            return;
        }

        // d3-format: "," groups thousands; the type (last letter) must be fixed-point or integer, not "s" (SI: 3000 → "3k")
        // and not plotly's default, which writes 3000 亿元 as "3k".
        var format = (string?)y["tickformat"];
        Assert.NotNull(format);
        Assert.Contains(",", format);
        Assert.Matches(new Regex("[fd]$"), format);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void No_axis_title_repeats_its_unit_as_its_name(string chart)
    {
        var figure = Figure(chart);
        foreach (var axis in new[] { "xaxis", "yaxis" })
        {
            var title = AxisTitle(figure, axis).Replace("<br>", " ", StringComparison.Ordinal);
            // "count (count)", "percent (percent)": a word or phrase followed by itself in brackets.
            Assert.DoesNotMatch(new Regex(@"(?i)(?<!\w)([\w][\w ]*?) \(\1\)"), title);
        }
    }

    [Fact]
    public void A_count_axis_says_count_once()
    {
        var title = AxisTitle(Figure("indicators: high-tech enterprises (a count)"), "yaxis");
        Assert.Single(Regex.Matches(title, "count"));
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void A_chart_title_names_at_most_one_indicator_and_shows_no_id(string chart)
    {
        var title = System.Net.WebUtility.HtmlDecode(Title(Figure(chart)).Split("<br><span")[0].Replace("<br>", " ", StringComparison.Ordinal));
        var catalog = Shipped.Data.Catalog.Indicators;
        Assert.True(catalog.Count(i => title.Contains(i.EnglishName, StringComparison.Ordinal)) <= 1, title);
        Assert.All(catalog, i => Assert.DoesNotMatch(new Regex($@"(?<![\w]){Regex.Escape(i.Id)}(?![\w])"), title));
    }

    [Fact]
    public void Several_indicators_have_a_title_of_their_own_and_the_legend_names_each()
    {
        var figure = Figure("indicators: revenue, added value and GDP");
        Assert.StartsWith("HHZ: three indicators by year, by status (the legend names each)<br><span", Title(figure).Replace("<br>", " ", StringComparison.Ordinal).Replace(" <span", "<br><span", StringComparison.Ordinal));
        var names = ((JsonArray)figure["data"]!).Select(t => (string?)t!["name"] ?? "").ToArray();
        foreach (var id in new[] { "digital_economy_revenue", "core_digital_added_value", "gdp" })
        {
            var name = System.Net.WebUtility.HtmlEncode(Shipped.Data.Catalog[id].EnglishName);
            Assert.Contains(names, n => n.StartsWith(name + " (HHZ)", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Every_y_title_line_fits_the_plot(string chart)
    {
        var figure = Figure(chart);
        Assert.All(AxisTitle(figure, "yaxis").Split("<br>"), l => Assert.True(System.Net.WebUtility.HtmlDecode(l).Length <= Charts.YTitleWidth, l));
        Assert.True((bool)Axis(figure, "yaxis")["automargin"]!);
    }

    [Fact]
    public void The_heat_map_is_labelled_with_the_grid_its_units_and_a_colour_key()
    {
        var grid = Shipped.Assessment.Sensitivity([0.00, 0.02, 0.15], [0.85, 0.90, 1.00, 1.10]);
        var figure = (JsonObject)JsonNode.Parse(GenericChart.toJson(Charts.Sensitivity(grid, Shipped.Target2025)))!;
        var heat = (JsonObject)((JsonArray)figure["data"]!)[0]!;

        // Columns are the rates and rows the factors of the grid, as written in its table (Html.Of(grid)).
        Assert.Equal(["0.0 %", "2.0 %", "15.0 %"], ((JsonArray)heat["x"]!).Select(v => (string)v!));
        Assert.Equal(["0.85", "0.90", "1.00", "1.10"], ((JsonArray)heat["y"]!).Select(v => (string)v!));
        Assert.Equal("category", (string?)Axis(figure, "xaxis")["type"]);
        Assert.Equal("category", (string?)Axis(figure, "yaxis")["type"]);
        Assert.Contains("growth", AxisTitle(figure, "xaxis"), StringComparison.Ordinal);
        Assert.Contains("baseline factor", AxisTitle(figure, "yaxis"), StringComparison.Ordinal);

        // The colour bar is the key (in percent, met above zero); no legend swatch repeats it.
        Assert.Equal(" %", (string?)heat["colorbar"]!["ticksuffix"]);
        Assert.Contains("met", (string?)heat["colorbar"]!["title"]!["text"], StringComparison.Ordinal);
        Assert.False((bool)heat["showlegend"]!);

        // The cell at factor 1.10, growth 15 %: 4758.7 × 1.1 × 1.15⁴ ÷ 6000 − 1 = +52.6 %.
        Assert.Equal("+52.6 %", (string?)heat["text"]![3]![2]);
        Assert.Equal(100 * ((4758.7 * 1.1 * Math.Pow(1.15, 4) / 6000) - 1), (double)heat["z"]![3]![2]!, 9);
    }

    [Fact]
    public void A_derived_point_reads_derived_in_its_legend_and_hover_never_reported()
    {
        var figure = Figure("indicators: revenue with derived points");
        var traces = ((JsonArray)figure["data"]!).Cast<JsonObject>().ToArray();
        foreach (var p in Shipped.Revenue.DerivedPoints)
        {
            // data file: 2017 and 2020 are implied by the 2018 and 2021 levels and their published growth.
            var holding = traces.Where(t => t["text"] is JsonArray && Values(t["x"]).Contains(p.Year)).ToArray();
            var trace = Assert.Single(holding);
            Assert.EndsWith(": derived", (string?)trace["name"], StringComparison.Ordinal);
            var hover = (string)((JsonArray)trace["text"]!)[Array.IndexOf(Values(trace["x"]), (double)p.Year)]!;
            Assert.Contains("(derived", hover, StringComparison.Ordinal);
            Assert.DoesNotContain("reported", hover, StringComparison.Ordinal);
        }
    }
}
