using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// The executed notebooks of the shipped run as a colleague sees them without .NET or a live kernel: converted to HTML
/// by Debian's nbconvert, with its default settings and with the sanitiser that strips scripts (what viewers that run
/// no script do), and opened offline in headless Chromium. Every chart must be a picture that loaded.
/// </summary>
public sealed partial class StaticViewerTests(ShippedWorkbookRun run) : IClassFixture<ShippedWorkbookRun>
{
    private const string Nbconvert = "/usr/bin/jupyter-nbconvert";
    private const string Chromium = "/usr/bin/chromium";
    private const string Plotly = "application/vnd.plotly.v1+json";

    /// <summary>Appended to the converted page: reports every image once the page has loaded.</summary>
    private const string Probe = """
        <script>
        window.addEventListener('load', function () {
          var lines = [];
          document.querySelectorAll('img').forEach(function (img) {
            var box = img.getBoundingClientRect();
            lines.push([img.src.substring(0, 22), img.complete, img.naturalWidth, Math.round(box.width)].join(' '));
          });
          var pre = document.createElement('pre');
          pre.id = 'zg-probe';
          pre.textContent = 'images\n' + lines.join('\n');
          document.body.appendChild(pre);
        });
        </script>
        """;

    [GeneratedRegex("<pre id=\"zg-probe\">images\\n?(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeOutput();

    private static JsonObject[] ChartOutputs(string notebook) =>
        ((JsonArray)JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!)
            .SelectMany(c => (JsonArray?)c!["outputs"] ?? [])
            .OfType<JsonObject>()
            .Where(o => o["data"] is JsonObject d && d.ContainsKey(Plotly))
            .ToArray();

    [Fact]
    public void Every_chart_output_holds_the_figure_a_png_and_a_description_and_no_html()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("chromium is not installed (apt-get install chromium): run renders no chart picture without it.");
        }

        Assert.True(run.Code == 0, run.Log);
        var total = 0;
        foreach (var notebook in run.ExecutedNotebooks)
        {
            foreach (var output in ChartOutputs(notebook))
            {
                var data = (JsonObject)output["data"]!;
                Assert.Equal([Plotly, "image/png", "text/plain"], data.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
                Assert.IsType<JsonArray>(data[Plotly]!["data"]);
                Assert.StartsWith("Chart: ", Text(data["text/plain"]), StringComparison.Ordinal);
                total++;
            }
        }

        // 01 draws the levels and the enterprises, 02 and 03 their fits and the target: every notebook has charts.
        Assert.All(run.ExecutedNotebooks, n => Assert.NotEmpty(ChartOutputs(n)));
        Assert.True(total >= 6, $"{total} chart outputs");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nbconvert_shows_every_chart_as_a_loaded_picture_offline(bool sanitize)
    {
        if (!File.Exists(Nbconvert))
        {
            Assert.Skip("jupyter-nbconvert is not installed (apt-get install jupyter-nbconvert; .ci/run does).");
        }

        if (!File.Exists(Chromium))
        {
            Assert.Skip("chromium is not installed (apt-get install chromium; .ci/run does).");
        }

        Assert.True(run.Code == 0, run.Log);
        var folder = Directory.CreateTempSubdirectory("zonegrowth-nbconvert-");
        try
        {
            foreach (var notebook in run.ExecutedNotebooks)
            {
                var charts = ChartOutputs(notebook).Length;
                var name = Path.GetFileNameWithoutExtension(notebook) + (sanitize ? "-sanitized" : "-default");
                string[] settings = sanitize ? ["--HTMLExporter.sanitize_html=True"] : [];
                var (code, log) = await Execute(Nbconvert, ["--to", "html", .. settings, notebook, "--output-dir", folder.FullName, "--output", name], TestContext.Current.CancellationToken);
                Assert.True(code == 0, $"nbconvert exited with {code}: {log}");

                var page = Path.Combine(folder.FullName, name + ".html");
                var html = await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken);
                Assert.Equal(charts, Regex.Matches(html, "<img src=\"data:image/png;base64,").Count);
                await File.WriteAllTextAsync(page, html + Probe, TestContext.Current.CancellationToken);

                var (_, dom) = await Execute(Chromium, [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--window-size=1100,900",
                    "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri], TestContext.Current.CancellationToken);
                var probe = ProbeOutput().Match(dom);
                Assert.True(probe.Success, $"{name}: the page did not finish loading: {dom[..Math.Min(dom.Length, 500)]}");
                var pictures = probe.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Where(l => l.StartsWith("data:image/png;base64", StringComparison.Ordinal))
                    .ToArray();
                Assert.Equal(charts, pictures.Length);

                // loaded (complete, with pixels) and laid out at a readable width, not a broken-image icon
                Assert.All(pictures, p =>
                {
                    var parts = p.Split(' ');
                    Assert.Equal("true", parts[1]);
                    Assert.True(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) >= 600, p);
                    Assert.True(int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture) >= 600, p);
                });
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";

    private static async Task<(int Code, string Output)> Execute(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
