using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// The executed notebooks of the shipped run as a colleague sees them without .NET or a live kernel: converted to HTML
/// by Debian's nbconvert, with its default settings and with the sanitiser that strips scripts (what viewers that run
/// no script do), and opened offline in headless Chromium. Every chart must be a picture that loaded.
/// </summary>
[Collection(ShippedWorkbookCollection.Name)]
public sealed partial class StaticViewerTests(ShippedWorkbookRun run)
{
    private const string Nbconvert = "/usr/bin/jupyter-nbconvert";
    private const string Chromium = "/usr/bin/chromium";

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
            foreach (var output in NotebookJson.ChartOutputs(notebook))
            {
                var data = (JsonObject)output["data"]!;
                Assert.Equal([NotebookJson.Plotly, "image/png", "text/plain"], data.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
                Assert.IsType<JsonArray>(data[NotebookJson.Plotly]!["data"]);
                Assert.StartsWith("Chart: ", NotebookJson.Text(data["text/plain"]), StringComparison.Ordinal);
                total++;
            }
        }

        // 01 draws the levels and the enterprises, 02 and 03 their fits and the target: every notebook has charts.
        Assert.All(run.ExecutedNotebooks, n => Assert.NotEmpty(NotebookJson.ChartOutputs(n)));
        Assert.True(total >= 6, $"{total} chart outputs");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nbconvert_shows_every_chart_as_a_loaded_picture_offline(bool sanitize)
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
                var charts = NotebookJson.ChartOutputs(notebook).Length;
                var name = Path.GetFileNameWithoutExtension(notebook) + (sanitize ? "-sanitized" : "-default");
                string[] settings = sanitize ? ["--HTMLExporter.sanitize_html=True"] : [];
                var (code, log) = ChildProcess.Run(folder.FullName, TimeSpan.FromMinutes(2), Nbconvert, ["--to", "html", .. settings, notebook, "--output-dir", folder.FullName, "--output", name]);
                Assert.True(code == 0, $"nbconvert exited with {code}: {log}");

                var page = Path.Combine(folder.FullName, name + ".html");
                var html = File.ReadAllText(page);
                Assert.Equal(charts, Regex.Matches(html, "<img src=\"data:image/png;base64,").Count);
                File.WriteAllText(page, html + Probe);

                var (_, dom) = ChildProcess.Run(folder.FullName, TimeSpan.FromMinutes(2), Chromium,
                    [.. HeadlessChromium.DumpDomArguments(page, Path.Combine(folder.FullName, "profile"), 10000, "--window-size=1100,900")]);
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
}
