using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using Newtonsoft.Json;
using Plotly.NET;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Display;

/// <summary>
/// How a Plotly.NET chart displays in a notebook: as <see cref="PlotlyMimeType"/> (the figure as JSON, drawn by the
/// front end's own plotly renderer, offline: VS Code's notebook renderers, JupyterLab with plotly's extension) and
/// <c>text/plain</c> (a one-line description: title and series), and no <c>text/html</c>. Plotly.NET.Interactive's
/// formatter writes a script that fetches require.js and plotly.js from public CDNs: blank offline, in an untrusted
/// notebook and in every static viewer. A static picture (<c>image/png</c>) is added to the same output by the
/// command line's <c>run</c>, which renders it in headless Chromium.
/// </summary>
public static partial class ChartOutput
{
    /// <summary>Plotly's mime type for a figure, <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public const string PlotlyMimeType = MimeTypes.Plotly;

    /// <summary>The mime type of the description.</summary>
    public const string TextMimeType = MimeTypes.PlainText;

    private const int MaxSeriesNamed = 6;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    // Plotly.NET's own settings (GenericChart.toJson), plus reference equality for Json.NET's loop check: by default
    // it compares every object it enters with the stack of objects above it by Equals, which for Plotly.NET's
    // DynamicObj is a deep structural comparison (and re-runs the default template's lazy trace sequences), about
    // 0.5 s a chart. The loop handling is Plotly.NET's (Serialize), so the text is the same, character for character.
    private static readonly JsonSerializerSettings FigureSettings = new()
    {
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
        EqualityComparer = ReferenceEqualityComparer.Instance,
    };

    // The figure's JSON from the display now under way, for its description, which the kernel asks for next for the
    // same chart (the preferred mime types, in order, on one thread): read once, and only for the same chart object,
    // so a chart changed and shown again is serialised anew.
    [ThreadStatic]
    private static (GenericChart Chart, string Json)? _shownFigure;

    /// <summary>The figure as plotly's JSON: its traces, layout and config (the text of Plotly.NET's <c>GenericChart.toJson</c>).</summary>
    public static string ToPlotlyJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return JsonConvert.SerializeObject(GenericChart.toChartDTO(chart), FigureSettings);
    }

    private static string ShowFigure(GenericChart chart)
    {
        var json = ToPlotlyJson(chart);
        _shownFigure = (chart, json);
        return json;
    }

    private static string ShowDescription(GenericChart chart)
    {
        var shown = _shownFigure;
        _shownFigure = null;
        return shown is { } figure && ReferenceEquals(figure.Chart, chart)
            ? Describe(JsonNode.Parse(figure.Json) as JsonObject ?? [])
            : Describe(chart);
    }

    /// <summary>
    /// One line saying what the chart shows, for front ends that draw no chart and for readers of the raw notebook:
    /// <c>Chart: {title}. Series: {names}.</c>
    /// </summary>
    public static string Describe(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Describe(JsonNode.Parse(ToPlotlyJson(chart)) as JsonObject ?? []);
    }

    /// <summary>The description of a figure given as plotly's JSON.</summary>
    internal static string Describe(JsonObject figure)
    {
        var title = Plain(figure["layout"]?["title"] switch
        {
            JsonObject t => t["text"]?.GetValue<string>(),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => null,
        });
        var names = (figure["data"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(t => t["showlegend"]?.GetValue<bool>() != false)
            .Select(t => Plain(t["name"]?.GetValue<string>()))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var text = new StringBuilder("Chart");
        text.Append(title.Length > 0 ? ": " + title : " without a title");
        if (text[^1] != '.')
        {
            text.Append('.');
        }

        if (names.Length > 0)
        {
            text.Append(" Series: ").Append(string.Join(", ", names.Take(MaxSeriesNamed)));
            text.Append(names.Length > MaxSeriesNamed
                ? string.Create(CultureInfo.InvariantCulture, $" and {names.Length - MaxSeriesNamed} more.")
                : ".");
        }

        return text.ToString();
    }

    /// <summary>
    /// Makes charts display as <see cref="PlotlyMimeType"/> and <see cref="TextMimeType"/> only; registering again
    /// changes nothing.
    /// </summary>
    public static void Register()
    {
        Results.EnsureFormatter<GenericChart>(PlotlyMimeType, ShowFigure);
        Results.EnsureFormatter<GenericChart>(TextMimeType, ShowDescription);
        var preferred = Formatter.GetPreferredMimeTypesFor(typeof(GenericChart));
        if (!preferred.SequenceEqual([PlotlyMimeType, TextMimeType]))
        {
            Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PlotlyMimeType, TextMimeType);
        }
    }

    private static string Plain(string? html) =>
        html is null ? "" : Space().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();
}
