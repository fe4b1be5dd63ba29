using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using ZoneGrowth.Publishing;
using static System.Net.WebUtility;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Renders an executed notebook (.ipynb with outputs) as one self-contained, offline HTML page: markdown cells
/// rendered with Markdig, code cells highlighted (Roslyn's lexer, no script), every output type shown, Plotly
/// charts drawn from plotly.js embedded once, and a provenance footer. The parameters and setup cells at the top
/// (the code cells before the first output) are folded into one "Parameters and setup" element, as Quarto folds
/// code, so that the notebook's first result is on the first screen; their values are in the provenance.
/// </summary>
/// <remarks>
/// <para>Escaping: every string taken from data or from outputs shown as text (streams, text/plain, errors,
/// JSON, parameter values, file names, result names) is HTML-escaped. text/html outputs are inserted as HTML: they
/// are the kernel's own formatters' output. Raw HTML in the notebook's markdown is kept unless
/// <see cref="NotebookHtmlReportOptions.AllowHtmlInMarkdown"/> is <c>false</c>.</para>
/// <para>Offline: the page has a Content-Security-Policy that allows only inline scripts and styles and
/// <c>data:</c> images, so the browser makes no network request even if an output refers to a URL; script and
/// stylesheet elements with an http(s) source are removed from HTML outputs.</para>
/// </remarks>
public sealed partial class NotebookHtmlReport
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

    private readonly NotebookHtmlReportOptions _options;
    private readonly MarkdownPipeline _markdown;
    private readonly MarkdownPipeline _outputMarkdown;

    /// <summary>Creates a renderer.</summary>
    /// <param name="options">Settings; <c>null</c> for defaults.</param>
    public NotebookHtmlReport(NotebookHtmlReportOptions? options = null)
    {
        _options = options ?? new NotebookHtmlReportOptions();
        _markdown = Pipeline(_options.AllowHtmlInMarkdown);
        _outputMarkdown = Pipeline(allowHtml: false);
    }

    // Generic attributes are left out on purpose: they would let markdown set event-handler attributes even with
    // HTML disabled.
    private static MarkdownPipeline Pipeline(bool allowHtml)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseGridTables()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseTaskLists()
            .UseFootnotes()
            .UseAutoLinks()
            .UseAutoIdentifiers()
            .UseMathematics();
        if (!allowHtml)
        {
            builder.DisableHtml();
        }

        return builder.Build();
    }

    /// <summary>Renders an executed notebook file.</summary>
    /// <param name="executedNotebookPath">The .ipynb written by <see cref="NotebookRunner"/> (or any nbformat 4 notebook).</param>
    /// <param name="provenance">Run details for the footer; <c>null</c> when unknown.</param>
    /// <param name="indexHref">Link back to the index page, or <c>null</c> for none.</param>
    public HtmlReportPage Render(string executedNotebookPath, ReportProvenance? provenance = null, string? indexHref = null) =>
        Render(NotebookSource.Load(executedNotebookPath).Json, Path.GetFileNameWithoutExtension(executedNotebookPath), provenance, indexHref);

    /// <summary>Renders an executed notebook and writes the page (UTF-8).</summary>
    /// <returns>The page written.</returns>
    public HtmlReportPage Write(string executedNotebookPath, string htmlPath, ReportProvenance? provenance = null, string? indexHref = null)
    {
        var page = Render(executedNotebookPath, provenance, indexHref);
        var directory = Path.GetDirectoryName(Path.GetFullPath(htmlPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(htmlPath, page.Html, new UTF8Encoding(false));
        return page;
    }

    /// <summary>Renders an executed notebook's JSON.</summary>
    /// <param name="notebook">The notebook (nbformat 4).</param>
    /// <param name="title">Page title: the notebook's title (<see cref="NotebookHeading"/>) or its file name. It heads
    /// the page unless the notebook's first markdown cell has a level-one heading of its own.</param>
    /// <param name="provenance">Run details for the footer; <c>null</c> when unknown.</param>
    /// <param name="indexHref">Link back to the index page, or <c>null</c> for none.</param>
    /// <param name="publications">What the notebook published, when the caller has collected it already; <c>null</c> to collect it here.</param>
    public HtmlReportPage Render(JsonObject notebook, string title, ReportProvenance? provenance = null, string? indexHref = null, NotebookPublications? publications = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(title);
        var state = new PageState();
        publications ??= NotebookPublications.Collect(notebook);
        var body = new StringBuilder();
        var cells = Ipynb.Cells(notebook).ToList();
        var (foldFrom, foldTo) = SetupCells(cells);
        for (var i = 0; i < cells.Count; i++)
        {
            if (i == foldFrom)
            {
                var count = cells.Skip(foldFrom).Take(foldTo - foldFrom + 1).Count(c => (string?)c["cell_type"] == "code");
                body.Append("<details class=\"setup\">\n<summary>").Append(HtmlEncode(ReportMessages.SetupFolded(count))).Append("</summary>\n");
            }

            RenderCell(body, cells[i], state);
            if (i == foldTo)
            {
                body.Append("</details>\n");
            }
        }

        var plotly = state.Charts.Count == 0 ? null : LoadPlotly(state);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlEncode(title)).Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<header>");
        if (indexHref is not null)
        {
            html.Append("<p class=\"nav\"><a href=\"").Append(HtmlEncode(indexHref)).Append("\">&larr; all notebooks</a></p>");
        }

        if (!NotebookHeading.HasTitle(notebook))
        {
            html.Append("<h1 class=\"title\">").Append(HtmlEncode(title)).Append("</h1>");
        }

        if (provenance is not null)
        {
            html.Append(provenance.Failure is null
                ? "<p class=\"status ok\">Every cell ran without error.</p>"
                : "<p class=\"status failed\">The run stopped: " + HtmlEncode(provenance.Failure) + "</p>");
        }

        html.Append("</header>\n");
        foreach (var warning in state.Warnings.Concat(publications.Problems).Distinct())
        {
            html.Append("<p class=\"warning\">").Append(HtmlEncode(warning)).Append("</p>\n");
        }

        var (numbered, sources) = NumberSources(body.ToString());
        html.Append(numbered);
        SourceList(html, sources);
        Footer(html, notebook, publications, provenance, plotly);
        html.Append("</main>\n");
        html.Append("<script>\n").Append(ReportStyle.FitScript).Append("\n</script>\n");
        if (plotly is not null)
        {
            // plotly.js once per page, as text that the drawing script runs when the page draws a chart (a page loaded
            // only to be printed, whose charts all have their picture, never parses its 3.6 MB), then that script.
            html.Append("<script type=\"text/plain\" id=\"").Append(PlotlyCharts.ScriptElementId).Append("\">\n").Append(PlotlyCharts.Inline(plotly.Text)).Append("\n</script>\n");
            html.Append("<script>\n").Append(PlotlyCharts.DrawScript).Append("\n</script>\n");
        }

        html.Append("</body>\n</html>\n");
        return new HtmlReportPage(html.ToString(), plotly is null ? 0 : state.Charts.Count, plotly?.Version, state.Warnings.Distinct().ToList());
    }

    /// <summary>
    /// Markdown to HTML, with relative links to other notebooks (<c>02-growth.ipynb</c>, with or without an anchor)
    /// pointing at their report pages (<c>02-growth.html</c>), which the run writes side by side.
    /// </summary>
    private static string MarkdownToHtml(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.LinkInline>())
        {
            if (link.Url is { } url && !link.IsImage && !url.Contains(':', StringComparison.Ordinal) && !url.StartsWith('/') && NotebookLink().Match(url) is { Success: true } m)
            {
                link.Url = m.Groups[1].Value + ".html" + m.Groups[2].Value;
            }
        }

        return document.ToHtml(pipeline);
    }

    [GeneratedRegex(@"^(.+?)\.ipynb(#.*)?$")]
    private static partial Regex NotebookLink();

    private PlotlyScript? LoadPlotly(PageState state)
    {
        var script = _options.PlotlyScriptPath is { } path ? PlotlyScript.FromFile(path) : PlotlyScript.Find(null);
        if (script is null)
        {
            state.Warnings.Add(ReportMessages.PlotlyScriptMissing);
        }

        return script;
    }

    private void RenderCell(StringBuilder html, JsonObject cell, PageState state)
    {
        var type = (string?)cell["cell_type"];
        var source = Ipynb.Text(cell["source"]);
        switch (type)
        {
            case "markdown":
                html.Append("<section class=\"cell markdown\">\n").Append(MarkdownToHtml(source, _markdown)).Append("</section>\n");
                break;
            case "code":
                var injected = cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == NotebookParameters.InjectedParametersTag);
                var count = cell["execution_count"] is JsonValue c && c.TryGetValue<int>(out var n) ? n.ToString(CultureInfo.InvariantCulture) : " ";
                html.Append("<section class=\"cell code").Append(injected ? " injected" : "").Append("\">\n")
                    .Append("<div class=\"prompt\">").Append(injected ? "Injected parameters" : $"In [{HtmlEncode(count)}]").Append("</div>\n")
                    .Append("<pre class=\"source\"><code>").Append(CSharpHighlighter.ToHtml(source)).Append("</code></pre>\n");
                foreach (var output in Ipynb.Outputs(cell))
                {
                    RenderOutput(html, output, state);
                }

                html.Append("</section>\n");
                break;
            default:
                html.Append("<section class=\"cell raw\"><pre>").Append(HtmlEncode(source)).Append("</pre></section>\n");
                break;
        }
    }

    private void RenderOutput(StringBuilder html, JsonObject output, PageState state)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                var name = (string?)output["name"] == "stderr" ? "stderr" : "stdout";
                html.Append("<pre class=\"output stream ").Append(name).Append("\">").Append(HtmlEncode(Ipynb.Text(output["text"]))).Append("</pre>\n");
                break;
            case "error":
                html.Append("<div class=\"output error\"><p class=\"ename\">").Append(HtmlEncode(Ipynb.Text(output["ename"])))
                    .Append(": ").Append(HtmlEncode(Ipynb.Text(output["evalue"]))).Append("</p>");
                var traceback = output["traceback"] is JsonArray lines ? string.Join("\n", lines.Select(l => Ipynb.Text(l))) : "";
                html.Append("<pre class=\"traceback\">").Append(HtmlEncode(StripAnsi(traceback))).Append("</pre></div>\n");
                break;
            case "display_data" or "execute_result":
                if (output["data"] is JsonObject data)
                {
                    RenderMimeBundle(html, data, state);
                }

                break;
        }
    }

    private void RenderMimeBundle(StringBuilder html, JsonObject data, PageState state)
    {
        string? Value(string mime) => data.ContainsKey(mime) ? Ipynb.Text(data[mime]) : null;

        if (data.ContainsKey(PublicationContract.ResultMimeType) || data.ContainsKey(PublicationContract.DataFileMimeType) || data.ContainsKey(PublicationContract.AnswerMimeType))
        {
            // What the notebook showed for it (its human part); the machine part is read once, by the run.
            if (Value(MimeTypes.Html) is { } shown)
            {
                html.Append("<div class=\"output html published\">").Append(RemoveRemoteResources(shown)).Append("</div>\n");
            }
            else
            {
                var one = NotebookPublications.Collect(new JsonObject { ["cells"] = new JsonArray(new JsonObject { ["outputs"] = new JsonArray(new JsonObject { ["data"] = data.DeepClone() }) }) });
                foreach (var r in one.Results)
                {
                    html.Append("<p class=\"output published\" title=\"").Append(HtmlEncode(r.Name)).Append("\">").Append(HtmlEncode(r.Description)).Append(": <b>").Append(HtmlEncode(KeyFigureText.Of(r))).Append("</b></p>\n");
                }

                foreach (var f in one.DataFiles)
                {
                    html.Append("<p class=\"output published\">Data file read: <code>").Append(HtmlEncode(f.Path)).Append("</code>, ")
                        .Append(f.Rows.ToString(CultureInfo.InvariantCulture)).Append(f.Rows == 1 ? " row" : " rows").Append("</p>\n");
                }

                if (one.Answer is { } answer)
                {
                    html.Append("<div class=\"output html published\">").Append(AnswerHtml.Render(answer)).Append("</div>\n");
                }
            }

            return;
        }

        if (PlotlyCharts.Recognise(data) is { } chart)
        {
            if (chart.Recognised)
            {
                state.Charts.Add(chart);
                html.Append("<div class=\"output chart\">").Append(PlotlyCharts.Placeholder(chart, state.Charts.Count));
                if (Value(PlotlyCharts.PngMimeType) is { } png)
                {
                    // The picture run rendered: what print (and a PDF) shows in place of the interactive chart.
                    html.Append("<img class=\"chart-picture\" alt=\"").Append(HtmlEncode(Ipynb.Text(data[MimeTypes.PlainText]))).Append("\" src=\"data:image/png;base64,")
                        .Append(HtmlEncode(WhiteSpace().Replace(png, ""))).Append("\">");
                }

                html.Append("</div>\n");
            }
            else
            {
                html.Append("<p class=\"warning\">").Append(HtmlEncode(ReportMessages.PlotlyFigureInvalid)).Append("</p>\n");
            }

            return;
        }

        if (Value(MimeTypes.Html) is { } htmlValue)
        {
            if (PlotlyCharts.IsInteractiveFormatterHtml(htmlValue))
            {
                html.Append("<p class=\"warning\">").Append(HtmlEncode(ReportMessages.PlotlyFromCdn)).Append("</p>\n");
                return;
            }

            html.Append("<div class=\"output html\">").Append(RemoveRemoteResources(htmlValue)).Append("</div>\n");
            return;
        }

        foreach (var image in new[] { MimeTypes.Png, "image/jpeg", "image/gif" })
        {
            if (Value(image) is { } base64)
            {
                html.Append("<div class=\"output image\"><img alt=\"output image\" src=\"data:").Append(image).Append(";base64,")
                    .Append(HtmlEncode(WhiteSpace().Replace(base64, ""))).Append("\"></div>\n");
                return;
            }
        }

        if (Value("image/svg+xml") is { } svg)
        {
            // As an image rather than inline: scripts in an SVG image never run.
            html.Append("<div class=\"output image\"><img alt=\"output image\" src=\"data:image/svg+xml;base64,")
                .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(svg))).Append("\"></div>\n");
            return;
        }

        if (Value("text/markdown") is { } markdown)
        {
            html.Append("<div class=\"output markdown\">").Append(MarkdownToHtml(markdown, _outputMarkdown)).Append("</div>\n");
            return;
        }

        if (Value(MimeTypes.PlainText) is { } text)
        {
            html.Append("<pre class=\"output plain\">").Append(HtmlEncode(text)).Append("</pre>\n");
            return;
        }

        if (data.FirstOrDefault(p => p.Key.EndsWith("json", StringComparison.Ordinal)) is { Key: not null } json)
        {
            var pretty = json.Value is null ? "null" : json.Value.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            html.Append("<pre class=\"output json\">").Append(HtmlEncode(pretty)).Append("</pre>\n");
            return;
        }

        html.Append("<p class=\"output unknown\">(an output of type ").Append(HtmlEncode(string.Join(", ", data.Select(p => p.Key)))).Append(" that this report cannot show)</p>\n");
    }

    // The code cells before the first output (parameters, the injected parameters, the setup) and the markdown
    // between them without a heading: (first, last) cell index, or (-1, -1) when the first code cell has output.
    private static (int From, int To) SetupCells(IReadOnlyList<JsonObject> cells)
    {
        int from = -1, to = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            var type = (string?)cells[i]["cell_type"];
            if (type == "code")
            {
                if (Ipynb.Outputs(cells[i]).Any())
                {
                    break;
                }

                from = from < 0 ? i : from;
                to = i;
            }
            else if (from >= 0 && (type != "markdown" || Ipynb.Text(cells[i]["source"]).TrimStart().StartsWith('#')))
            {
                break;
            }
        }

        return (from, to);
    }

    /// <summary>
    /// Numbers the cells that show a source shortened to its site (<see cref="ReportMarkup.SourceAttribute"/>) in the
    /// order they first appear, one number per address, with a link to the address in <see cref="SourceList"/>: paper
    /// shows no tooltip, so the page carries the full addresses itself.
    /// </summary>
    internal static (string Html, IReadOnlyList<string> Sources) NumberSources(string html)
    {
        var sources = new List<string>();
        var numbered = SourceCell().Replace(html, m =>
        {
            var address = WebUtility.HtmlDecode(m.Groups["address"].Value);
            var n = sources.IndexOf(address) + 1;
            if (n == 0)
            {
                sources.Add(address);
                n = sources.Count;
            }

            var number = n.ToString(CultureInfo.InvariantCulture);
            return m.Groups["open"].Value + m.Groups["content"].Value + "<sup class=\"zg-ref\"><a href=\"#source-" + number + "\">[" + number + "]</a></sup></td>";
        });
        return (numbered, sources);
    }

    private static void SourceList(StringBuilder html, IReadOnlyList<string> sources)
    {
        if (sources.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"zg-sources\">\n<h2>Sources</h2>\n<p>").Append(HtmlEncode(ReportMessages.SourceListIntro)).Append("</p>\n<ol>\n");
        for (var i = 0; i < sources.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            html.Append("<li id=\"source-").Append(number).Append("\">").Append(HtmlEncode(sources[i])).Append("</li>\n");
        }

        html.Append("</ol>\n</section>\n");
    }

    [GeneratedRegex("(?<open><td[^>]*? " + ReportMarkup.SourceAttribute + "=\"(?<address>[^\"]*)\"[^>]*>)(?<content>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex SourceCell();

    /// <summary>A parameter's type as a reader says it: "text", "whole number", "number", "yes or no".</summary>
    internal static string TypeWords(NotebookParameterType type) => type switch
    {
        NotebookParameterType.String => "text",
        NotebookParameterType.Int32 or NotebookParameterType.Int64 => "whole number",
        NotebookParameterType.Double or NotebookParameterType.Decimal => "number",
        NotebookParameterType.Boolean => "yes or no",
        _ => "other",
    };

    private static void Footer(StringBuilder html, JsonObject notebook, NotebookPublications publications, ReportProvenance? provenance, PlotlyScript? plotly)
    {
        html.Append("<footer class=\"provenance\">\n<h2>Provenance</h2>\n<dl>\n");
        if (provenance is not null)
        {
            Item(html, "started", provenance.Started.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            Item(html, "duration", provenance.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
            Item(html, "code version (git)", provenance.Git.ToString());
        }

        Item(html, "kernel", "Microsoft.DotNet.Interactive " + InformationalVersion(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly)
            + ", hosted by ZoneGrowth.Notebooks " + InformationalVersion(typeof(NotebookRunner).Assembly));
        if (plotly is not null)
        {
            Item(html, "plotly.js", plotly.Version + " (embedded, from " + Path.GetFileName(plotly.Origin) + ")");
        }

        html.Append("</dl>\n");

        if (provenance is { Parameters.Count: > 0 })
        {
            html.Append("<h3>Parameters</h3>\n<table>\n<thead><tr><th>name</th><th>type</th><th>value</th><th>source</th></tr></thead>\n<tbody>\n");
            foreach (var p in provenance.Parameters)
            {
                html.Append("<tr><td>").Append(HtmlEncode(p.Name)).Append("</td><td>").Append(HtmlEncode(TypeWords(p.Type))).Append("</td><td><code>")
                    .Append(HtmlEncode(p.ValueText ?? "")).Append("</code></td><td>").Append(p.Injected ? "passed in" : "default").Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h3>Data files read</h3>\n");
        if (publications.DataFiles.Count == 0)
        {
            html.Append("<p>The notebook published no data file.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th>file</th><th>rows</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
            foreach (var f in publications.DataFiles)
            {
                html.Append("<tr><td><code>").Append(HtmlEncode(f.Path)).Append("</code></td><td class=\"num\">").Append(f.Rows.ToString(CultureInfo.InvariantCulture))
                    .Append("</td><td><code>").Append(HtmlEncode(f.Sha256)).Append("</code></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        var packages = PackageReferences(notebook);
        html.Append("<h3>Packages</h3>\n");
        if (packages.Count == 0)
        {
            html.Append("<p>The notebook references no NuGet package.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th>package</th><th>version</th></tr></thead>\n<tbody>\n");
            foreach (var (name, version) in packages)
            {
                html.Append("<tr><td>").Append(HtmlEncode(name)).Append("</td><td>").Append(HtmlEncode(version)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</footer>\n");
    }

    /// <summary>The <c>#r "nuget: Name, Version"</c> references of the notebook's code cells, in order, without repeats.</summary>
    internal static IReadOnlyList<(string Name, string Version)> PackageReferences(JsonObject notebook) =>
        Ipynb.Cells(notebook)
            .Where(c => (string?)c["cell_type"] == "code")
            .SelectMany(c => NugetReference().Matches(Ipynb.Text(c["source"])))
            .Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Success && m.Groups[2].Value.Trim().Length > 0 ? m.Groups[2].Value.Trim() : "(latest)"))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"^\s*#r\s+""nuget:\s*([^,""]+?)\s*(?:,\s*([^""]*))?""", RegexOptions.Multiline)]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"<script\b[^>]*\bsrc\s*=\s*[""']?\s*(?:https?:)?//[^>]*>\s*</script\s*>|<link\b[^>]*\bhref\s*=\s*[""']?\s*(?:https?:)?//[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteResource();

    private static string RemoveRemoteResources(string html) => RemoteResource().Replace(html, "");

    private static string StripAnsi(string text) => Ansi().Replace(text, "");

    private static void Item(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(HtmlEncode(term)).Append("</dt><dd>").Append(HtmlEncode(value)).Append("</dd>\n");

    private static string InformationalVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }

    private sealed class PageState
    {
        public List<PlotlyChart> Charts { get; } = [];
        public List<string> Warnings { get; } = [];
    }
}
