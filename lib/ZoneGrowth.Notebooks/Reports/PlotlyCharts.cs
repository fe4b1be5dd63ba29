using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Rewrites the HTML of Plotly.NET.Interactive's chart formatter so the chart draws from the plotly.js embedded
/// once in the page. The formatter's HTML loads require.js and plotly.js from public CDNs and then calls
/// <c>Plotly.newPlot(id, data, layout, config)</c> with <c>var data = ...;</c>, <c>var layout = ...;</c> and
/// <c>var config = ...;</c> each on one line as JSON. Those three JSON values are taken (and checked to parse) and
/// the chart is re-rendered by our own script; the formatter's script is dropped.
/// </summary>
internal static partial class PlotlyCharts
{
    [GeneratedRegex(@"Plotly\.newPlot\s*\(")]
    private static partial Regex NewPlot();

    [GeneratedRegex(@"^\s*var\s+(data|layout|config)\s*=\s*(.+?);\s*$", RegexOptions.Multiline)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"plotly-(\d+\.\d+\.\d+)(?:\.min)?(?:\.js)?['""]")]
    private static partial Regex CdnVersion();

    /// <summary>The chart in a text/html output, or <c>null</c> when the HTML is not a Plotly chart.</summary>
    public static PlotlyChart? Recognise(string html)
    {
        if (!NewPlot().IsMatch(html))
        {
            return null;
        }

        var parts = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (Match m in Assignment().Matches(html))
        {
            try
            {
                parts[m.Groups[1].Value] = JsonNode.Parse(m.Groups[2].Value);
            }
            catch (JsonException)
            {
                return PlotlyChart.Unrecognised;
            }
        }

        if (!parts.TryGetValue("data", out var data) || data is not JsonArray)
        {
            return PlotlyChart.Unrecognised;
        }

        var version = CdnVersion().Match(html) is { Success: true } v ? v.Groups[1].Value : null;
        return new PlotlyChart(true, version, new JsonObject
        {
            ["data"] = data.DeepClone(),
            ["layout"] = parts.GetValueOrDefault("layout")?.DeepClone() ?? new JsonObject(),
            ["config"] = parts.GetValueOrDefault("config")?.DeepClone() ?? new JsonObject(),
        });
    }

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

    /// <summary>Draws every chart of the page; runs once, after the embedded plotly.js.</summary>
    public const string DrawScript = """
        (function () {
          var specs = document.querySelectorAll('script.zg-plotly-spec');
          for (var i = 0; i < specs.length; i++) {
            var spec = JSON.parse(specs[i].textContent);
            Plotly.newPlot(specs[i].getAttribute('data-target'), spec.data, spec.layout, spec.config);
          }
        })();
        """;

    /// <summary>plotly.js made safe to inline in a script element (no "&lt;/script" inside).</summary>
    public static string Inline(string script) =>
        Regex.Replace(script, "</(script)", "<\\/$1", RegexOptions.IgnoreCase);
}

/// <summary>A Plotly chart found in an output.</summary>
/// <param name="Recognised"><c>false</c> when the HTML calls Plotly but its data could not be read.</param>
/// <param name="Version">The plotly.js version the formatter asked for.</param>
/// <param name="Spec"><c>{data, layout, config}</c>.</param>
internal sealed record PlotlyChart(bool Recognised, string? Version, JsonObject? Spec)
{
    public static PlotlyChart Unrecognised { get; } = new(false, null, null);
}
