using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Adds a static picture (<c>image/png</c>, with its display size in the output's metadata) to the mime bundle of
/// every chart output (plotly's figure JSON, <see cref="PlotlyCharts.MimeType"/>) of executed notebooks, so viewers
/// that run no script or have no plotly renderer (GitHub's static view, nbconvert, JupyterLab without plotly's
/// extension) show a picture, while VS Code and JupyterLab with plotly draw the interactive figure from the same
/// bundle. PNG rather than SVG: nbconvert prefers <c>image/svg+xml</c> to <c>image/png</c> and inlines it, and its
/// sanitiser breaks inline SVG. All charts are rendered in one headless Chromium launch: a temporary page embeds
/// plotly.js once (<see cref="PlotlyScript"/>), calls <c>Plotly.toImage(spec, {format: 'png'})</c> for each chart and
/// writes each PNG, base64-encoded, into a <c>&lt;pre&gt;</c>; <c>--dump-dom</c> prints the DOM, which is parsed
/// here. The network is shut off (every request goes to a dead local proxy).
/// </summary>
internal static partial class ChartImages
{
    /// <summary>Pixels per CSS pixel of the pictures: sharp on high-density screens and in print.</summary>
    public const int Scale = 2;

    private const int DefaultWidth = 700;
    private const int DefaultHeight = 450;

    [GeneratedRegex("<pre id=\"zg-image-(\\d+)\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ImageElement();

    /// <summary>Renders the charts and adds their images to the notebook's outputs (in place).</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="chromium">The browser, or <c>null</c> for <see cref="HeadlessChromium.DefaultPath"/>, else <c>chromium</c> on PATH.</param>
    /// <param name="timeout">Longest the browser may run; it is killed after that.</param>
    /// <param name="cancellationToken">Kills the browser.</param>
    public static Task<ChartImageResult> AddAsync(JsonObject notebook, string? chromium, TimeSpan timeout, CancellationToken cancellationToken) =>
        AddAsync([notebook], chromium, timeout, cancellationToken);

    /// <summary>Renders the charts of several notebooks in one browser launch and adds their images (in place).</summary>
    public static async Task<ChartImageResult> AddAsync(IReadOnlyList<JsonObject> notebooks, string? chromium, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var charts = notebooks.SelectMany(FindCharts).ToList();
        if (charts.Count == 0)
        {
            return new ChartImageResult(0, 0, null);
        }

        var browser = HeadlessChromium.Locate(chromium);
        if (browser is null)
        {
            return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesNoChromium(chromium));
        }

        var plotly = PlotlyScript.Find(null);
        if (plotly is null)
        {
            return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesFailed(ReportMessages.PlotlyScriptNotFound));
        }

        var folder = Directory.CreateTempSubdirectory("zonegrowth-chart-images-");
        try
        {
            var page = Path.Combine(folder.FullName, "charts.html");
            await File.WriteAllTextAsync(page, Page(charts, plotly), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            string dom;
            try
            {
                dom = await HeadlessChromium.RunAsync(browser, HeadlessChromium.DumpDomArguments(page, Path.Combine(folder.FullName, "profile"), 20000), timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (ChromiumException e)
            {
                return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesFailed(e.Message));
            }

            var images = new Dictionary<int, (string Png, int Width, int Height)>();
            string? firstError = null;
            foreach (Match m in ImageElement().Matches(dom))
            {
                var number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var content = WebUtility.HtmlDecode(m.Groups[2].Value);
                if (content.StartsWith("png:", StringComparison.Ordinal) && Picture(content[4..]) is { } png)
                {
                    images[number] = png;
                }
                else if (content.StartsWith("error:", StringComparison.Ordinal))
                {
                    firstError ??= content[6..];
                }
            }

            for (var i = 0; i < charts.Count; i++)
            {
                if (images.TryGetValue(i + 1, out var image))
                {
                    charts[i].Data[PlotlyCharts.PngMimeType] = image.Png;
                    var metadata = charts[i].Output["metadata"] as JsonObject ?? [];
                    // The picture's alt text is the chart's description (its text/plain part): nbconvert's classic
                    // template and notebook front ends that read it give it to screen readers and broken images.
                    metadata[PlotlyCharts.PngMimeType] = new JsonObject
                    {
                        ["width"] = image.Width / Scale,
                        ["height"] = image.Height / Scale,
                        ["alt"] = charts[i].Data["text/plain"] is { } description ? ReportNotebook.Text(description) : "chart",
                    };
                    charts[i].Output["metadata"] = metadata;
                }
            }

            var note = images.Count == charts.Count
                ? null
                : images.Count == 0
                    ? ReportMessages.ChartImagesFailed(firstError ?? ReportMessages.ChartImagesUnfinished)
                    : ReportMessages.ChartImagesPartial(charts.Count - images.Count, charts.Count, firstError ?? ReportMessages.ChartImagesUnfinished);
            return new ChartImageResult(charts.Count, images.Count, note);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A browser child still closing its profile: leave the temporary folder.
            }
        }
    }

    private static List<ChartOutput> FindCharts(JsonObject notebook)
    {
        var charts = new List<ChartOutput>();
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (output["output_type"]?.GetValue<string>() is not ("display_data" or "execute_result")
                    || output["data"] is not JsonObject data
                    || data.ContainsKey(PlotlyCharts.PngMimeType))
                {
                    continue;
                }

                if (PlotlyCharts.Recognise(data) is { Recognised: true } chart)
                {
                    charts.Add(new ChartOutput(output, data, chart));
                }
            }
        }

        return charts;
    }

    private static string Page(List<ChartOutput> charts, PlotlyScript plotly)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>chart images</title></head><body>\n");
        for (var i = 0; i < charts.Count; i++)
        {
            html.Append(PlotlyCharts.Placeholder(charts[i].Chart, i + 1));
            html.Append(CultureInfo.InvariantCulture, $"<pre id=\"zg-image-{i + 1}\"></pre>\n");
        }

        html.Append("<script>\n").Append(PlotlyCharts.Inline(plotly.Text)).Append("\n</script>\n");
        html.Append("<script>\n").Append(RenderScript).Append("\n</script>\n</body></html>\n");
        return html.ToString();
    }

    // Plotly.toImage takes the figure itself (it draws into a hidden div of its own). imageDataOnly gives the PNG as
    // base64 rather than a data URL; the size drawn goes with it.
    private static readonly string RenderScript = $$"""
        (function () {
          var specs = document.querySelectorAll('script.zg-plotly-spec');
          Array.prototype.forEach.call(specs, function (element) {
            var out = document.getElementById(element.getAttribute('data-target').replace('zg-chart-', 'zg-image-'));
            function fail(e) { out.textContent = 'error:' + (e && e.message ? e.message : String(e)); }
            try {
              var spec = JSON.parse(element.textContent);
              var layout = spec.layout || {};
              var width = layout.width || {{DefaultWidth}}, height = layout.height || {{DefaultHeight}};
              Plotly.toImage({ data: spec.data, layout: layout, config: spec.config || {} },
                { format: 'png', imageDataOnly: true, scale: {{Scale}}, width: width, height: height })
                .then(function (png) {
                  if (png.indexOf('data:') === 0) { png = png.substring(png.indexOf(',') + 1); }
                  out.textContent = 'png:' + (width * {{Scale}}) + 'x' + (height * {{Scale}}) + ':' + png;
                }, fail);
            } catch (e) { fail(e); }
          });
        })();
        """;

    /// <summary>A PNG written as <c>{width}x{height}:{base64}</c>, checked to be a PNG of that size.</summary>
    private static (string Png, int Width, int Height)? Picture(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var size = colon < 0 ? [] : text[..colon].Split('x');
        if (size.Length != 2
            || !int.TryParse(size[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(size[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return null;
        }

        var base64 = text[(colon + 1)..];
        try
        {
            var bytes = Convert.FromBase64String(base64);
            return PngSize(bytes) == (width, height) ? (base64, width, height) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The width and height in a PNG's header (signature, then the IHDR chunk), or null for no PNG.</summary>
    internal static (int Width, int Height)? PngSize(ReadOnlySpan<byte> png)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png[..8].SequenceEqual(signature) || !png[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[16..20]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png[20..24]));
    }

    private sealed record ChartOutput(JsonObject Output, JsonObject Data, PlotlyChart Chart);

}
