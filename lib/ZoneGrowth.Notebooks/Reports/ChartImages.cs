using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Adds a static SVG (<c>image/svg+xml</c>) to the mime bundle of every Plotly.NET.Interactive chart output of an
/// executed notebook, so viewers that run no script (GitHub's static view, nbviewer) have a picture while front
/// ends that run script keep the interactive <c>text/html</c>. All charts of a notebook are rendered in one headless
/// Chromium launch: a temporary page embeds plotly.js once (<see cref="PlotlyScript"/>), calls
/// <c>Plotly.toImage(spec, {format: 'svg'})</c> for each chart and writes each SVG, base64-encoded, into a
/// <c>&lt;pre&gt;</c>; <c>--dump-dom</c> prints the DOM, which is parsed here. The network is shut off (every request
/// goes to a dead local proxy).
/// </summary>
internal static partial class ChartImages
{
    public const string SvgMimeType = "image/svg+xml";

    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    private const int DefaultWidth = 700;
    private const int DefaultHeight = 450;

    [GeneratedRegex("<pre id=\"zg-image-(\\d+)\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ImageElement();

    /// <summary>Renders the charts and adds their images to the notebook's outputs (in place).</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="chromium">The browser, or <c>null</c> for <see cref="DefaultChromium"/>, else <c>chromium</c> on PATH.</param>
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

        var browser = Locate(chromium);
        if (browser is null)
        {
            return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesNoChromium(chromium));
        }

        var version = charts.Select(c => c.Chart.Version).FirstOrDefault(v => v is not null);
        var plotly = PlotlyScript.Find(version);
        if (plotly is null)
        {
            return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesFailed(ReportMessages.PlotlyScriptNotFound(version)));
        }

        var folder = Directory.CreateTempSubdirectory("zonegrowth-chart-images-");
        try
        {
            var page = Path.Combine(folder.FullName, "charts.html");
            await File.WriteAllTextAsync(page, Page(charts, plotly), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            string dom;
            try
            {
                dom = await DumpDomAsync(browser, page, Path.Combine(folder.FullName, "profile"), timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (ChartImageException e)
            {
                return new ChartImageResult(charts.Count, 0, ReportMessages.ChartImagesFailed(e.Message));
            }

            var images = new Dictionary<int, string>();
            string? firstError = null;
            foreach (Match m in ImageElement().Matches(dom))
            {
                var number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var content = WebUtility.HtmlDecode(m.Groups[2].Value);
                if (content.StartsWith("svg:", StringComparison.Ordinal) && Decode(content[4..]) is { } svg)
                {
                    images[number] = svg;
                }
                else if (content.StartsWith("error:", StringComparison.Ordinal))
                {
                    firstError ??= content[6..];
                }
            }

            for (var i = 0; i < charts.Count; i++)
            {
                if (images.TryGetValue(i + 1, out var svg))
                {
                    charts[i].Data[SvgMimeType] = Ipynb.ToLines(svg);
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

    /// <summary>The browser to use, or <c>null</c> when there is none.</summary>
    public static string? Locate(string? configured)
    {
        if (configured is not null)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        if (File.Exists(DefaultChromium))
        {
            return DefaultChromium;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "chromium.exe" : "chromium"))
            .FirstOrDefault(File.Exists);
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
                    || data.ContainsKey(SvgMimeType)
                    || !data.ContainsKey("text/html"))
                {
                    continue;
                }

                if (PlotlyCharts.Recognise(Ipynb.ReadMultiline(data["text/html"])) is { Recognised: true } chart)
                {
                    charts.Add(new ChartOutput(data, chart));
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

    // Plotly.toImage takes the figure itself (it draws into a hidden div of its own). imageDataOnly gives the SVG
    // text rather than a data URL; base64 keeps it intact through the DOM dump.
    private static readonly string RenderScript = $$"""
        (function () {
          var specs = document.querySelectorAll('script.zg-plotly-spec');
          Array.prototype.forEach.call(specs, function (element) {
            var out = document.getElementById(element.getAttribute('data-target').replace('zg-chart-', 'zg-image-'));
            function fail(e) { out.textContent = 'error:' + (e && e.message ? e.message : String(e)); }
            try {
              var spec = JSON.parse(element.textContent);
              var layout = spec.layout || {};
              Plotly.toImage({ data: spec.data, layout: layout, config: spec.config || {} },
                { format: 'svg', imageDataOnly: true, width: layout.width || {{DefaultWidth}}, height: layout.height || {{DefaultHeight}} })
                .then(function (svg) {
                  if (svg.indexOf('data:') === 0) { svg = decodeURIComponent(svg.substring(svg.indexOf(',') + 1)); }
                  out.textContent = 'svg:' + btoa(unescape(encodeURIComponent(svg)));
                }, fail);
            } catch (e) { fail(e); }
          });
        })();
        """;

    private static string? Decode(string base64)
    {
        try
        {
            var svg = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return svg.StartsWith("<svg", StringComparison.Ordinal) ? svg : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<string> DumpDomAsync(string browser, string page, string profile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in HeadlessChromium.DumpDomArguments(page, profile, 20000))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ChartImageException(ReportMessages.ChromiumDidNotStart(browser, "no process"));
        }
        catch (Win32Exception e)
        {
            throw new ChartImageException(ReportMessages.ChromiumDidNotStart(browser, e.Message));
        }

        using (process)
        {
            process.StandardInput.Close();
            var dom = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var log = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // exited meanwhile
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                throw new ChartImageException(cancellationToken.IsCancellationRequested ? ReportMessages.ChartImagesCancelled : ReportMessages.ChromiumTimedOut(timeout));
            }

            var text = await dom.ConfigureAwait(false);
            var errors = await log.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new ChartImageException(ReportMessages.ChromiumFailed(process.ExitCode, LastLine(errors)));
            }

            return text;
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    private sealed record ChartOutput(JsonObject Data, PlotlyChart Chart);

    private sealed class ChartImageException(string message) : Exception(message);
}
