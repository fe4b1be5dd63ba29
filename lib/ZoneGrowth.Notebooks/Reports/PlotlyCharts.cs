using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// The charts of an executed notebook, read from their structured output: plotly's figure JSON under
/// <see cref="MimeType"/> (written by the workbook's chart formatter, <c>ZoneGrowth.Display.ChartOutput</c>), drawn
/// again by our own script from the plotly.js embedded once in the page. Nothing is taken out of HTML: an output of
/// Plotly.NET.Interactive's own formatter (a <c>text/html</c> script that loads plotly.js from a CDN) is recognised
/// only to say that the notebook should call <c>Workbook.Setup()</c>.
/// </summary>
internal static class PlotlyCharts
{
    /// <summary>Plotly's mime type of a figure, <c>{"data", "layout", "config"}</c>.</summary>
    public const string MimeType = MimeTypes.Plotly;

    /// <summary>The static picture <c>run</c> adds to a chart output.</summary>
    public const string PngMimeType = MimeTypes.Png;

    /// <summary>The chart of an output's mime bundle, or <c>null</c> when the bundle holds no plotly figure.</summary>
    public static PlotlyChart? Recognise(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.TryGetPropertyValue(MimeType, out var node))
        {
            return null;
        }

        // nbformat stores a +json mime type as JSON; a writer that stored it as text is read too.
        var figure = node switch
        {
            JsonObject o => o,
            JsonValue or JsonArray => TryParse(Ipynb.Text(node)),
            _ => null,
        };
        if (figure?["data"] is not JsonArray traces)
        {
            return PlotlyChart.Unrecognised;
        }

        return new PlotlyChart(true, new JsonObject
        {
            ["data"] = traces.DeepClone(),
            ["layout"] = figure["layout"]?.DeepClone() ?? new JsonObject(),
            ["config"] = figure["config"]?.DeepClone() ?? new JsonObject(),
        });
    }

    /// <summary>Whether a <c>text/html</c> output is Plotly.NET.Interactive's script (which loads plotly.js from a CDN).</summary>
    public static bool IsInteractiveFormatterHtml(string html) =>
        html.Contains("Plotly.newPlot", StringComparison.Ordinal) || html.Contains("renderPlotly", StringComparison.Ordinal);

    /// <summary>
    /// The chart's placeholder: an empty div and its specification as JSON in a non-executed script element.
    /// System.Text.Json's default encoder writes &lt;, &gt;, &amp; and quotes as \u escapes, so the JSON cannot
    /// close the script element.
    /// </summary>
    public static string Placeholder(PlotlyChart chart, int number)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"zg-chart-{number}");
        var json = chart.Spec!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        return $"<div class=\"zg-chart\" id=\"{id}\"></div>\n<script type=\"application/json\" class=\"zg-plotly-spec\" data-target=\"{id}\">{json}</script>\n";
    }

    /// <summary>The id of the element holding plotly.js as text in a report page.</summary>
    public const string ScriptElementId = "zg-plotly-js";

    /// <summary>
    /// Draws every chart of the page; runs once, after the element holding plotly.js as text, which it runs first
    /// (in the global scope) when there is a chart to draw. <c>window.zgChartsDrawn</c> is then a promise of all the
    /// drawings. A page loaded only to be printed (<c>window.zgPrintOnly</c>, set by the PDF printer) skips the
    /// charts that have their picture, which is what print shows.
    /// </summary>
    public const string DrawScript = $$"""
        (function () {
          var specs = Array.prototype.filter.call(document.querySelectorAll('script.zg-plotly-spec'), function (spec) {
            return !(window.zgPrintOnly && spec.parentNode && spec.parentNode.querySelector('.chart-picture'));
          });
          var drawn = [];
          if (specs.length > 0 && !window.Plotly) {
            var code = document.getElementById('{{ScriptElementId}}');
            if (code) { (0, eval)(code.textContent); }
          }
          for (var i = 0; i < specs.length; i++) {
            var spec = JSON.parse(specs[i].textContent);
            drawn.push(Plotly.newPlot(specs[i].getAttribute('data-target'), spec.data, spec.layout, spec.config));
          }
          window.zgChartsDrawn = Promise.all(drawn);
        })();
        """;

    /// <summary>plotly.js made safe to inline in a script element (no "&lt;/script" inside).</summary>
    public static string Inline(string script) =>
        Regex.Replace(script, "</(script)", "<\\/$1", RegexOptions.IgnoreCase);

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
