using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoneGrowth.Notebooks.Reports;
using ZoneGrowth.Publishing;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>The HTML report of an executed notebook: escaping, every output type, highlighting, provenance.</summary>
public partial class ReportTests
{
    private static JsonObject Notebook(params JsonObject[] cells) => new()
    {
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };

    private static JsonObject Code(string source, params JsonObject[] outputs) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = 1,
        ["metadata"] = new JsonObject(),
        ["source"] = source,
        ["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray()),
    };

    private static JsonObject Stream(string name, string text) => new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };

    private static JsonObject Display(JsonObject data) => new() { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() };

    private static string Render(JsonObject notebook, NotebookHtmlReportOptions? options = null, ReportProvenance? provenance = null) =>
        new NotebookHtmlReport(options).Render(notebook, "test", provenance).Html;

    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void Sources_shortened_in_tables_are_numbered_once_each_and_listed_in_full_at_the_end()
    {
        static string Cell(string address) => $"<td style=\"padding:2px 8px\" title=\"t\" data-zg-source=\"{System.Net.WebUtility.HtmlEncode(address)}\">site/…</td>";
        var table = "<table><tr>" + Cell("a.org/1.html") + Cell("b.org/2.html (from <b>)") + "</tr><tr>" + Cell("a.org/1.html") + "<td>plain</td></tr></table>";
        var html = Render(Notebook(Code("x", Display(new JsonObject { ["text/html"] = table }))));

        Assert.Equal(2, Regex.Matches(html, "<sup class=\"zg-ref\"><a href=\"#source-1\">\\[1\\]</a></sup></td>").Count);
        Assert.Single(Regex.Matches(html, "site/…<sup class=\"zg-ref\"><a href=\"#source-2\">\\[2\\]</a></sup></td>"));
        Assert.Contains("<li id=\"source-1\">a.org/1.html</li>\n<li id=\"source-2\">b.org/2.html (from &lt;b&gt;)</li>", html);
        Assert.Contains("<td>plain</td>", html);
        Assert.True(html.IndexOf("<h2>Sources</h2>", StringComparison.Ordinal) < html.IndexOf("<h2>Provenance</h2>", StringComparison.Ordinal));
        Assert.DoesNotContain("<h2>Sources</h2>", Render(Notebook(Code("x", Display(new JsonObject { ["text/html"] = "<table><tr><td>1</td></tr></table>" })))));
    }

    [Fact]
    public void Print_leaves_out_hints_about_hovering()
    {
        Assert.Contains("." + ZoneGrowth.Publishing.ReportMarkup.HintClass + " { display: none; }", Regex.Match(ReportStyle.Css, "@media print \\{.*", RegexOptions.Singleline).Value);
    }

    [Fact]
    public void Text_outputs_are_escaped_and_html_outputs_are_inserted()
    {
        var html = Render(Notebook(Code("x",
            Stream("stdout", Hostile + " & more"),
            Stream("stderr", "<img src=x onerror=alert(2)>"),
            Display(new JsonObject { ["text/plain"] = "<b>plain</b>" }),
            Display(new JsonObject { ["text/html"] = "<b class=\"kernel-html\">bold html</b>", ["text/plain"] = "ignored plain" }),
            new JsonObject { ["output_type"] = "error", ["ename"] = "InvalidOperationException", ["evalue"] = "<i>bad</i>", ["traceback"] = new JsonArray("line <1>", "\u001b[31mred\u001b[0m") })));

        Assert.DoesNotContain(Hostile, html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("&lt;b&gt;plain&lt;/b&gt;", html);
        Assert.Contains("<b class=\"kernel-html\">bold html</b>", html);
        Assert.DoesNotContain("ignored plain", html);
        Assert.Contains("InvalidOperationException: &lt;i&gt;bad&lt;/i&gt;", html);
        Assert.Contains("line &lt;1&gt;\nred", html); // ANSI colour codes removed from tracebacks
        Assert.Contains("class=\"output stream stderr\"", html);
    }

    [Fact]
    public void Raw_html_in_markdown_is_kept_by_default_and_escaped_when_disallowed()
    {
        var notebook = Notebook(Markdown("# Title\nSome <em class=\"from-markdown\">raw</em> HTML and **bold**."));

        var allowed = Render(notebook);
        Assert.Contains("<em class=\"from-markdown\">raw</em>", allowed);
        Assert.Contains("<strong>bold</strong>", allowed);
        Assert.Contains("<h1 id=\"title\">Title</h1>", allowed);

        var escaped = Render(notebook, new NotebookHtmlReportOptions { AllowHtmlInMarkdown = false });
        Assert.DoesNotContain("<em class=\"from-markdown\">", escaped);
        Assert.Contains("&lt;em class=&quot;from-markdown&quot;&gt;raw&lt;/em&gt;", escaped);
        Assert.Contains("<strong>bold</strong>", escaped);
    }

    [Fact]
    public void Links_to_other_notebooks_point_at_their_report_pages()
    {
        var html = Render(Notebook(Markdown("See [growth](02-growth.ipynb#trend), [data](../data/x.csv), [web](https://example.org/a.ipynb) and ![plot](fig.ipynb).")));

        Assert.Contains("<a href=\"02-growth.html#trend\">growth</a>", html);
        Assert.Contains("<a href=\"../data/x.csv\">data</a>", html);
        Assert.Contains("<a href=\"https://example.org/a.ipynb\">web</a>", html);
        Assert.Contains("<img src=\"fig.ipynb\" alt=\"plot\" />", html);
    }

    [Fact]
    public void Images_are_inlined_as_data_uris_and_unknown_types_fall_back_to_text()
    {
        const string png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\"/></svg>";
        var html = Render(Notebook(Code("x",
            Display(new JsonObject { ["image/png"] = png + "\n", ["text/plain"] = "<Figure>" }),
            Display(new JsonObject { ["image/svg+xml"] = svg }),
            Display(new JsonObject { ["application/vnd.unknown+thing"] = "???", ["text/plain"] = "fallback <text>" }),
            Display(new JsonObject { ["application/x-only-unknown"] = "zzz" }))));

        Assert.Contains($"src=\"data:image/png;base64,{png}\"", html);
        Assert.Contains("src=\"data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)) + "\"", html);
        Assert.DoesNotContain("&lt;Figure&gt;", html);
        Assert.Contains("fallback &lt;text&gt;", html);
        Assert.DoesNotContain("???", html);
        Assert.Contains("application/x-only-unknown", html);
        Assert.DoesNotContain("zzz", html);
    }

    [Fact]
    public void Remote_scripts_and_stylesheets_in_html_outputs_are_removed_and_a_csp_forbids_requests()
    {
        var html = Render(Notebook(Code("x", Display(new JsonObject
        {
            ["text/html"] = "<script src=\"https://cdn.example.org/lib.js\"></script><link rel=\"stylesheet\" href=\"//cdn.example.org/a.css\"><p>kept</p>",
        }))));

        Assert.Contains("<p>kept</p>", html);
        Assert.DoesNotContain("cdn.example.org", html);
        Assert.Contains("Content-Security-Policy", html);
        Assert.Contains("default-src 'none'", html);
        Assert.Empty(RemoteReferences(html));
    }

    [Fact]
    public void Code_is_highlighted_and_kept_exactly()
    {
        const string source = "#r \"nuget: Newtonsoft.Json, 13.0.3\"\n// a comment <here>\nint n = 42; var s = \"a<b\" + $\"{n}\";\n/* block */ if (n > 1) { Console.WriteLine(s); }\n";
        var html = Render(Notebook(Code(source)));
        var code = Regex.Match(html, "<pre class=\"source\"><code>(.*?)</code></pre>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Equal(source, WebUtility.HtmlDecode(Regex.Replace(code, "<[^>]+>", "")));
        Assert.Contains("<span class=\"dir\">#r &quot;nuget: Newtonsoft.Json, 13.0.3&quot;", code);
        Assert.Contains("<span class=\"com\">// a comment &lt;here&gt;</span>", code);
        Assert.Contains("<span class=\"kw\">int</span>", code);
        Assert.Contains("<span class=\"kw\">var</span>", code);
        Assert.Contains("<span class=\"num\">42</span>", code);
        Assert.Contains("<span class=\"str\">&quot;a&lt;b&quot;</span>", code);
        Assert.Contains("<span class=\"com\">/* block */</span>", code);
        Assert.Contains("<span class=\"kw\">if</span>", code);
        Assert.DoesNotContain("<span class=\"kw\">Console</span>", code);
    }

    [Fact]
    public void Provenance_footer_lists_parameters_data_files_packages_git_and_time()
    {
        var notebook = Notebook(
            Code("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget:MathNet.Numerics,5.0.0\""),
            Code("x", Display(new JsonObject
            {
                [PublicationContract.DataFileMimeType] = new JsonObject { ["path"] = "../data/<x>.csv", ["sha256"] = "ABC123", ["rows"] = 12 },
            })));
        var provenance = new ReportProvenance(
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            TimeSpan.FromSeconds(12.34),
            new GitState(true, "0123456789abcdef0123456789abcdef01234567", true),
            [new NotebookParameterValue("label", NotebookParameterType.String, Hostile, Hostile, true), new NotebookParameterValue("seed", NotebookParameterType.Int32, null, "7", false)],
            "cell 3 failed: <boom>");

        var html = Render(notebook, provenance: provenance);

        Assert.Contains("2026-01-02T03:04:05Z", html);
        Assert.Contains("12.3 s", html);
        Assert.Contains("0123456789abcdef0123456789abcdef01234567 (working tree had uncommitted changes)", html);
        Assert.Contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code></td><td>passed in", html);
        Assert.Contains("<code>7</code></td><td>default", html);
        // Types in words, not C#'s names.
        Assert.Contains("<td>whole number</td><td><code>7</code>", html);
        Assert.Contains("<td>text</td><td><code>&lt;script&gt;", html);
        Assert.Contains("<code>../data/&lt;x&gt;.csv</code></td><td class=\"num\">12</td><td><code>abc123</code>", html);
        Assert.Contains("<td>Plotly.NET.CSharp</td><td>0.14.0</td>", html);
        Assert.Contains("<td>MathNet.Numerics</td><td>5.0.0</td>", html);
        Assert.Contains("The run stopped: cell 3 failed: &lt;boom&gt;", html);
        Assert.DoesNotContain(Hostile, html);
        Assert.Contains("not a git checkout", new GitState(false, null, false).ToString());
    }

    [Fact]
    public void Git_state_outside_a_checkout_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("zonegrowth-nogit-");
        try
        {
            Assert.Equal(GitState.NotACheckout, GitState.Read(folder.FullName));
            var here = GitState.Read(AppContext.BaseDirectory);
            if (here.IsCheckout)
            {
                Assert.Matches("^[0-9a-f]{40}$", here.Commit);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Published_figures_and_data_files_are_collected_and_shown_where_they_were_published()
    {
        var result = await Run("publish.ipynb");
        Assert.True(result.Succeeded, Describe(result));

        var published = NotebookPublications.Collect(Read(result));

        Assert.Empty(published.Problems);
        var file = Assert.Single(published.DataFiles);
        Assert.Equal(Fixture("data/hello.txt"), file.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Fixture("data/hello.txt")))), file.Sha256);
        Assert.Equal(1, file.Rows);
        Assert.Equal(["level", "growth"], published.Results.Select(r => r.Name));
        var level = published.Results[0];
        Assert.Equal("publish", level.NotebookKey);
        Assert.Equal(133.1, level.Value, 1e-9);   // 100 * 1.1^3
        Assert.Equal(119.79, level.Low!.Value, 1e-9);
        Assert.Equal(146.41, level.High!.Value, 1e-9);
        Assert.Equal("RMB 100m", level.Unit);
        Assert.Null(published.Results[1].Low);

        var html = new NotebookHtmlReport().Render(result.OutputPath!).Html;
        // No box of key figures above the notebook: each is shown where it was published. Without an HTML part of
        // its own (this fixture writes only the JSON), by its description, then its value formatted by the unit
        // (KeyFigureText: "RMB 100m" is no unit of the workbook's table, so six significant digits and the unit as
        // written) and the interval in brackets; its name on hover.
        Assert.DoesNotContain("<h2>Key figures</h2>", html);
        Assert.Contains("<p class=\"output published\" title=\"level\">level after 3 years: base: <b>133.1 RMB 100m [119.79, 146.41]</b></p>", html);
        Assert.Contains("<p class=\"output published\" title=\"growth\">growth rate: <b>0.1 1</b></p>", html);
    }

    [Fact]
    public void Publications_that_break_the_contract_are_reported_not_collected()
    {
        var notebook = Notebook(Code("x",
            Display(new JsonObject { [PublicationContract.ResultMimeType] = new JsonObject { ["notebook_key"] = "k", ["name"] = "a", ["value"] = "12" } }),
            Display(new JsonObject { [PublicationContract.ResultMimeType] = new JsonObject { ["notebook_key"] = "k", ["name"] = "b", ["value"] = 1.5, ["low"] = "x" } }),
            Display(new JsonObject { [PublicationContract.ResultMimeType] = "{\"notebook_key\":\"k\",\"name\":\"c\",\"value\":2,\"unit\":\"%\"}" }),
            Display(new JsonObject { [PublicationContract.ResultMimeType] = new JsonObject { ["notebook_key"] = "k", ["name"] = "c", ["value"] = 3 } }),
            Display(new JsonObject { [PublicationContract.DataFileMimeType] = new JsonObject { ["path"] = "d.csv", ["sha256"] = "ff", ["rows"] = 1.5 } }),
            Display(new JsonObject { [PublicationContract.DataFileMimeType] = new JsonArray(1, 2) })));

        var published = NotebookPublications.Collect(notebook);

        var c = Assert.Single(published.Results);
        Assert.Equal(("c", 3.0, ""), (c.Name, c.Value, c.Unit)); // published twice: the last value is kept
        Assert.Empty(published.DataFiles);
        Assert.Collection(published.Problems,
            p => Assert.Contains("'value' (a number)", p),
            p => Assert.Contains("'low' (a number or null)", p),
            p => Assert.Contains("'c' was published more than once", p),
            p => Assert.Contains("'rows' (an integer >= 0)", p),
            p => Assert.Contains("is not a JSON object", p));
    }

    [Fact]
    public void A_chart_is_drawn_from_its_figure_json_with_an_explicit_plotly_script_and_nothing_can_close_a_script_early()
    {
        var script = Path.Combine(Path.GetTempPath(), $"zonegrowth-plotly-{Guid.NewGuid():N}.js");
        File.WriteAllText(script, "/** plotly.js v9.9.9 */ window.Plotly = { newPlot: function () {} }; var s = '</script>';");
        try
        {
            var html = new NotebookHtmlReport(new NotebookHtmlReportOptions { PlotlyScriptPath = script })
                .Render(Notebook(Code("chart", Display(Figure("""[{"type":"bar","x":["<a>"],"y":[1]}]""")))), "t");

            Assert.Equal(1, html.ChartCount);
            Assert.Equal("9.9.9", html.PlotlyVersion);
            Assert.Empty(html.Warnings);
            Assert.Contains("var s = '<\\/script>';", html.Html); // cannot close the script element early
            Assert.Contains("\"x\":[\"\\u003Ca\\u003E\"]", html.Html); // chart data cannot either
            Assert.DoesNotContain("chart-picture\" alt", html.Html); // no picture was rendered for it
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>A chart output as the workbook writes it: plotly's figure JSON, stored by nbformat as JSON.</summary>
    private static JsonObject Figure(string traces) => new()
    {
        ["application/vnd.plotly.v1+json"] = new JsonObject { ["data"] = JsonNode.Parse(traces), ["layout"] = new JsonObject { ["width"] = 600 } },
        ["text/plain"] = "Chart without a title.",
    };

    [Fact]
    public void The_picture_run_rendered_stands_in_for_the_chart_in_print()
    {
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47]);
        var figure = Figure("""[{"type":"scatter","y":[1,2]}]""");
        figure["image/png"] = png;

        var html = Render(Notebook(Code("chart", Display(figure))));

        Assert.Contains($"<img class=\"chart-picture\" alt=\"Chart without a title.\" src=\"data:image/png;base64,{png}\">", html);
        Assert.Matches(@"@media print \{[^@]*\.output\.chart:has\(\.chart-picture\) \.zg-chart \{ display: none; \}", html);
    }

    [Fact]
    public void A_chart_from_plotly_nets_own_formatter_is_not_inserted_and_the_page_says_how_to_get_it()
    {
        var html = new NotebookHtmlReport().Render(Notebook(Code("chart", Display(new JsonObject { ["text/html"] = ChartHtml("abc", "[{\"type\":\"bar\",\"y\":[1]}]") }))), "t");

        Assert.Equal(0, html.ChartCount);
        Assert.Contains("call Workbook.Setup() in the notebook", html.Html);
        Assert.DoesNotContain("cdn.plot.ly", html.Html);
        Assert.DoesNotContain("requirejs", html.Html);
    }

    [Fact]
    public void A_plotly_output_without_traces_is_named_as_such()
    {
        var html = new NotebookHtmlReport().Render(Notebook(Code("chart", Display(new JsonObject { ["application/vnd.plotly.v1+json"] = new JsonObject { ["layout"] = new JsonObject() } }))), "t");

        Assert.Equal(0, html.ChartCount);
        Assert.Contains("holds no figure (no &#39;data&#39; array of traces)", html.Html);
    }

    /// <summary>The shape of Plotly.NET.Interactive's formatter output (seen in the executed plotly fixture before the workbook's formatter).</summary>
    private static string ChartHtml(string id, string data) => $$$"""
        <div><div id="{{{id}}}"><!-- Plotly chart will be drawn inside this DIV --></div><script type="text/javascript">
        var renderPlotly_{{{id}}} = function() {
            var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}}) || require;
            fsharpPlotlyRequire(['plotly'], function(Plotly) {
                var data = {{{data}}};
                var layout = {"width":600};
                var config = {"responsive":true};
                Plotly.newPlot('{{{id}}}', data, layout, config);
            });
        };
        </script></div>
        """;

    /// <summary>Slower: runs the Plotly fixture (packages from NuGet when the cache is cold).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_charts_embed_plotly_once_and_load_nothing_from_the_network()
    {
        var page = await PlotlyPage();

        Assert.Equal(2, page.ChartCount);
        Assert.Equal("2.28.0", page.PlotlyVersion);
        Assert.Empty(page.Warnings);
        Assert.Single(Regex.Matches(page.Html, @"\* plotly\.js v2\.28\.0"));
        Assert.Equal(2, Regex.Matches(page.Html, "class=\"zg-plotly-spec\"").Count);
        Assert.DoesNotContain("requirejs", page.Html);
        Assert.DoesNotContain("cdnjs.cloudflare.com", page.Html);
        Assert.Empty(RemoteReferences(page.Html));
    }

    /// <summary>
    /// Opens the two-chart page in Debian's headless Chromium with every request sent to a dead proxy: both charts
    /// must be drawn (plotly's SVG in the DOM) and nothing may be logged to the console (no script error, no
    /// refused request).
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_chart_page_draws_in_headless_chromium_without_network()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }

        var page = await PlotlyPage();
        var folder = Directory.CreateTempSubdirectory("zonegrowth-chromium-");
        try
        {
            var htmlPath = Path.Combine(folder.FullName, "report.html");
            await File.WriteAllTextAsync(htmlPath, page.Html, TestContext.Current.CancellationToken);
            var (dom, log) = await Chromium.DumpDomAsync(chromium, htmlPath, Path.Combine(folder.FullName, "profile"), TestContext.Current.CancellationToken);

            Assert.Equal(2, Regex.Matches(dom, "class=\"zg-chart js-plotly-plot\"").Count);
            Assert.Contains("class=\"main-svg\"", dom);
            Assert.Contains("class=\"scatterlayer", dom);
            Assert.Contains("class=\"barlayer", dom);
            Assert.DoesNotContain(log.Split('\n'), l => l.Contains(":CONSOLE", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// plotly.js read from the package's assembly file as data (the path used when no Plotly.NET is loaded in the
    /// process) is the same text the loaded assembly returns as its manifest resource.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Plotly_script_read_from_the_assembly_file_matches_the_loaded_resource()
    {
        await PlotlyPage();
        var assembly = AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "Plotly.NET");
        const string resource = "Plotly.NET.plotly-2.28.0.min.js";
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var expected = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        var read = PlotlyScript.ReadResource(assembly.Location, resource);

        Assert.True(expected.Length > 1_000_000, expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, read);
        Assert.Null(PlotlyScript.ReadResource(assembly.Location, "no-such-resource"));
    }

    private static async Task<HtmlReportPage> PlotlyPage()
    {
        var result = await Run("plotly-two-charts.ipynb");
        Assert.True(result.Succeeded, Describe(result));
        return new NotebookHtmlReport().Render(result.OutputPath!);
    }

    /// <summary>Every src or href of script, link, img and iframe elements that points at a network address.</summary>
    internal static IEnumerable<string> RemoteReferences(string html) =>
        RemoteReference().Matches(html).Select(m => m.Value);

    [GeneratedRegex(@"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[""']?\s*(?:https?:)?//[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteReference();

    [Fact]
    public void The_page_names_chinese_fonts_of_every_platform_and_makes_wide_tables_scroll_visibly()
    {
        var html = Render(Notebook(Markdown("数字经济")));

        // Windows (Microsoft YaHei), macOS (PingFang SC, Hiragino Sans GB), Linux (Noto Sans CJK SC, WenQuanYi Micro Hei).
        foreach (var font in new[] { "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "WenQuanYi Micro Hei" })
        {
            Assert.Contains($"\"{font}\"", html);
        }

        // A wide table scrolls in its own box with edge shadows, its first column sticky; text wraps, numbers do not.
        Assert.Contains(".output.html tr > :first-child { position: sticky; left: 0;", html);
        Assert.Contains("background-attachment: local, local, scroll, scroll;", html);
        Assert.Contains("white-space: pre-wrap; word-break: normal; overflow-wrap: normal;", html);
        Assert.Contains("@media print", html);
    }
}
