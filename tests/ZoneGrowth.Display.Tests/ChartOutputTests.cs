using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using Plotly.NET.CSharp;
using CChart = Plotly.NET.CSharp.Chart;

namespace ZoneGrowth.Display.Tests;

/// <summary>
/// <see cref="ChartOutput"/>: a chart displays as plotly's figure JSON and a description, never as script-bearing HTML,
/// whatever formatter Plotly.NET.Interactive registered before <see cref="Workbook.Setup"/>.
/// </summary>
public sealed class ChartOutputTests : IDisposable
{
    public ChartOutputTests() => Formatter.ResetToDefault();

    public void Dispose() => Formatter.ResetToDefault();

    private static GenericChart TwoLines() =>
        Plotly.NET.Chart.withTitle("Levels &amp; <b>growth</b><br><sub>2020-2021</sub>", null).Invoke(CChart.Combine([
            CChart.Line<int, double, string>(x: new[] { 2020, 2021 }, y: new[] { 1.0, 2.0 }, Name: "GDP (HHZ)"),
            CChart.Line<int, double, string>(x: new[] { 2020, 2021 }, y: new[] { 3.0, 4.0 }, Name: "Revenue (HHZ)"),
        ]));

    /// <summary>What Plotly.NET.Interactive's extension does when its package is referenced: HTML that loads plotly.js from a CDN.</summary>
    private static void RegisterCdnFormatterLikeThePackage()
    {
        Formatter.Register<GenericChart>(_ => "<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script>", HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType);
    }

    [Fact]
    public void After_setup_a_chart_displays_as_figure_json_and_text_only_even_over_the_packages_html_formatter()
    {
        RegisterCdnFormatterLikeThePackage();
        Workbook.Setup();

        var values = FormattedValue.CreateManyFromObject(TwoLines());

        Assert.Equal(["application/vnd.plotly.v1+json", "text/plain"], values.Select(v => v.MimeType));
        var figure = (JsonObject)JsonNode.Parse(values[0].Value)!;
        Assert.Equal(["GDP (HHZ)", "Revenue (HHZ)"], ((JsonArray)figure["data"]!).Select(t => (string?)t!["name"]));
        Assert.Equal([3.0, 4.0], ((JsonArray)figure["data"]![1]!["y"]!).Select(y => (double)y!));
        Assert.IsType<JsonObject>(figure["layout"]);
        Assert.Equal("Chart: Levels & growth 2020-2021. Series: GDP (HHZ), Revenue (HHZ).", values[1].Value);
        Assert.DoesNotContain(values, v => v.Value.Contains("<script", StringComparison.Ordinal));
    }

    [Fact]
    public void A_description_is_of_the_chart_shown_even_when_another_was_shown_just_before()
    {
        // The description reuses the figure's JSON only for the same chart object, once.
        Workbook.Setup();
        var first = TwoLines();
        var second = Plotly.NET.Chart.withTitle("Second", null).Invoke(CChart.Line<int, double, string>(x: new[] { 2020 }, y: new[] { 1.0 }, Name: "Other"));

        Assert.Equal("Chart: Second. Series: Other.", Formatter.ToDisplayString(second, ChartOutput.TextMimeType));
        _ = Formatter.ToDisplayString(first, ChartOutput.PlotlyMimeType);
        Assert.Equal("Chart: Second. Series: Other.", Formatter.ToDisplayString(second, ChartOutput.TextMimeType));
        _ = Formatter.ToDisplayString(first, ChartOutput.PlotlyMimeType);
        Assert.Equal("Chart: Levels & growth 2020-2021. Series: GDP (HHZ), Revenue (HHZ).", Formatter.ToDisplayString(first, ChartOutput.TextMimeType));
        Assert.Equal(ChartOutput.Describe(first), Formatter.ToDisplayString(first, ChartOutput.TextMimeType));
    }

    [Fact]
    public void The_figure_json_is_plotly_nets_own_text_character_for_character()
    {
        // ToPlotlyJson serialises with reference equality for Json.NET's loop check (speed); the reference is
        // Plotly.NET's GenericChart.toJson, on the workbook's charts and on a chart drawn with Plotly.NET alone.
        GenericChart[] charts =
        [
            TwoLines(),
            Charts.Indicators(Shipped.Data, "HHZ", "digital_economy_revenue", "core_digital_added_value", "gdp"),
            Charts.Fit(Shipped.GdpTrend, Shipped.Gdp, [2025, 2026]),
            Charts.Fan(Shipped.Assessment, Shipped.Simulation),
            Charts.Nowcast(Shipped.Outlook.Value, Shipped.OutlookSimulation.Value),
        ];

        foreach (var chart in charts)
        {
            Assert.Equal(GenericChart.toJson(chart), ChartOutput.ToPlotlyJson(chart));
        }
    }

    [Fact]
    public void Setup_twice_leaves_one_preference_and_one_formatter_per_mime_type()
    {
        Workbook.Setup();
        Workbook.Setup();

        Assert.Equal(["application/vnd.plotly.v1+json", "text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(GenericChart)));
        Assert.Single(Formatter.RegisteredFormatters(true), f => f.Type == typeof(GenericChart) && f.MimeType == ChartOutput.PlotlyMimeType);
    }

    [Fact]
    public void The_workbooks_own_charts_are_described_by_their_title_and_series()
    {
        var text = ChartOutput.Describe(Charts.Indicators(Shipped.Gdp));

        Assert.StartsWith("Chart: ", text, StringComparison.Ordinal);
        Assert.Contains("Gross domestic product", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_names_six_series_and_counts_the_rest_and_skips_traces_kept_out_of_the_legend()
    {
        var traces = new JsonArray(Enumerable.Range(1, 8).Select(i => (JsonNode)new JsonObject { ["name"] = $"s{i}" }).Append(new JsonObject { ["name"] = "band", ["showlegend"] = false }).ToArray());
        var figure = new JsonObject { ["data"] = traces, ["layout"] = new JsonObject { ["title"] = "Plain title" } };

        Assert.Equal("Chart: Plain title. Series: s1, s2, s3, s4, s5, s6 and 2 more.", ChartOutput.Describe(figure));
        Assert.Equal("Chart without a title.", ChartOutput.Describe(new JsonObject { ["data"] = new JsonArray() }));
        Assert.Equal("Chart: Markers: triangle lower bound (at least).", ChartOutput.Describe(new JsonObject { ["layout"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "Markers: triangle lower bound (at least)." } } }));
    }
}
