using System.Globalization;
using System.Text.Json.Nodes;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Adds a static picture (<c>image/png</c>, with its display size in the output's metadata) to the mime bundle of
/// every chart output (plotly's figure JSON, <see cref="PlotlyCharts.MimeType"/>) of executed notebooks, so viewers
/// that run no script or have no plotly renderer (GitHub's static view, nbconvert, JupyterLab without plotly's
/// extension) show a picture, while VS Code and JupyterLab with plotly draw the interactive figure from the same
/// bundle. PNG rather than SVG: nbconvert prefers <c>image/svg+xml</c> to <c>image/png</c> and inlines it, and its
/// sanitiser breaks inline SVG. All charts are rendered in the tab of the run's one headless Chromium
/// (<see cref="ReportBrowser"/>): plotly.js (<see cref="PlotlyScript"/>) and a function that calls
/// <c>Plotly.toImage(spec, {format: 'png'})</c> for every figure are loaded once, early (<see cref="Preload"/>), and
/// the function is called with the figures of the notebooks given (the pipeline gives each notebook as soon as it has
/// run); the session awaits it and gets the PNGs back, base64-encoded, as its value. The network is shut off (every request goes to a dead local proxy).
/// </summary>
internal static class ChartImages
{
    /// <summary>Pixels per CSS pixel of the pictures: sharp on high-density screens and in print.</summary>
    public const int Scale = 2;

    private const int DefaultWidth = 700;
    private const int DefaultHeight = 450;

    // Starting the browser is limited apart (ReportBrowser); this is for parsing plotly.js in its tab.
    private static readonly TimeSpan RendererLimit = TimeSpan.FromMinutes(1);

    /// <summary>Renders the charts of several notebooks in one page of the run's browser and adds their images (in place).</summary>
    /// <param name="notebooks">The executed notebooks.</param>
    /// <param name="browser">The run's browser, started here if no step started it yet.</param>
    /// <param name="timeout">Longest the rendering may take; the browser is killed after that.</param>
    /// <param name="cancellationToken">Kills the browser.</param>
    public static async Task<ChartImageResult> AddAsync(IReadOnlyList<JsonObject> notebooks, ReportBrowser browser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var charts = notebooks.SelectMany(FindCharts).ToList();
        if (charts.Count == 0)
        {
            return new ChartImageResult(0, 0, null);
        }

        if (browser.Path is null)
        {
            return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesNoChromium(browser.ConfiguredPath));
        }

        Preload(browser);
        if (await browser.ChartRenderer!.ConfigureAwait(false) is { } problem)
        {
            return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesFailed(problem));
        }

        var (session, _) = await browser.OpenAsync().ConfigureAwait(false);
        JsonArray rendered;
        try
        {
            session!.Tab.AllowFor(timeout);
            var specs = new JsonArray(charts.Select(c => (JsonNode?)c.Chart.Spec!.DeepClone()).ToArray());
            rendered = await session.Tab.EvaluateAsync("zgRenderAll(" + specs.ToJsonString() + ")").ConfigureAwait(false) as JsonArray ?? [];
        }
        catch (ChromiumException e)
        {
            return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesFailed(e.Message));
        }

        var images = 0;
        string? firstError = null;
        for (var i = 0; i < charts.Count; i++)
        {
            var content = i < rendered.Count && rendered[i] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
            if (content.StartsWith("png:", StringComparison.Ordinal) && Picture(content[4..]) is { } image)
            {
                charts[i].Data[PlotlyCharts.PngMimeType] = image.Png;
                var metadata = charts[i].Output["metadata"] as JsonObject ?? [];
                // The picture's alt text is the chart's description (its text/plain part): nbconvert's classic
                // template and notebook front ends that read it give it to screen readers and broken images.
                metadata[PlotlyCharts.PngMimeType] = new JsonObject
                {
                    ["width"] = image.Width / Scale,
                    ["height"] = image.Height / Scale,
                    ["alt"] = charts[i].Data[MimeTypes.PlainText] is { } description ? Ipynb.Text(description) : "chart",
                };
                charts[i].Output["metadata"] = metadata;
                images++;
            }
            else if (content.StartsWith("error:", StringComparison.Ordinal))
            {
                firstError ??= content[6..];
            }
        }

        var note = images == charts.Count
            ? null
            : images == 0
                ? ReportMessages.ChartImagesFailed(firstError ?? ReportMessages.ChartImagesUnfinished)
                : ReportMessages.ChartImagesPartial(charts.Count - images, charts.Count, firstError ?? ReportMessages.ChartImagesUnfinished);
        return new ChartImageResult(charts.Count, images, note);
    }

    /// <summary>
    /// Starts the run's browser and loads the renderer (plotly.js and its render function) into its tab, in the
    /// background: called when the run starts, the launch and the parse of plotly.js overlap the notebooks' execution.
    /// Nothing happens when no browser was found; calling it again changes nothing.
    /// </summary>
    public static void Preload(ReportBrowser browser)
    {
        if (browser.Path is not null)
        {
            browser.ChartRenderer ??= Task.Run(() => LoadRendererAsync(browser));
        }
    }

    private static async Task<string?> LoadRendererAsync(ReportBrowser browser)
    {
        var (session, problem) = await browser.OpenAsync().ConfigureAwait(false);
        if (session is null)
        {
            return problem ?? ReportMessages.ChartImagesCancelled;
        }

        if (PlotlyScript.Find(null) is not { } plotly)
        {
            return ReportMessages.PlotlyScriptNotFound;
        }

        try
        {
            session.Tab.AllowFor(RendererLimit);
            await session.Tab.EvaluateAsync(plotly.Text + "\n;\n" + RenderScript + "\ntrue").ConfigureAwait(false);
            return null;
        }
        catch (ChromiumException e)
        {
            return e.Message;
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

    // Plotly.toImage takes the figure itself (it draws into a hidden div of its own). imageDataOnly gives the PNG as
    // base64 rather than a data URL; the size drawn goes with it. One result per chart, in page order, never a
    // rejection: a chart that fails says why ("error:...") and the others still count.
    private static readonly string RenderScript = $$"""
        function zgRenderAll(specs) {
          return Promise.all(specs.map(function (spec) {
            function fail(e) { return 'error:' + (e && e.message ? e.message : String(e)); }
            try {
              var layout = spec.layout || {};
              var width = layout.width || {{DefaultWidth}}, height = layout.height || {{DefaultHeight}};
              return Plotly.toImage({ data: spec.data, layout: layout, config: spec.config || {} },
                { format: 'png', imageDataOnly: true, scale: {{Scale}}, width: width, height: height })
                .then(function (png) {
                  if (png.indexOf('data:') === 0) { png = png.substring(png.indexOf(',') + 1); }
                  return 'png:' + (width * {{Scale}}) + 'x' + (height * {{Scale}}) + ':' + png;
                }, fail);
            } catch (e) { return Promise.resolve(fail(e)); }
          }));
        }
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
