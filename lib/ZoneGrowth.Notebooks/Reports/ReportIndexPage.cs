using System.Globalization;
using System.Net;
using System.Text;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>The <c>index.html</c> of a run: every notebook with its status and links to its page and executed notebook.</summary>
public static class ReportIndexPage
{
    /// <summary>Renders the index page (self-contained, no script).</summary>
    /// <param name="title">Page title.</param>
    /// <param name="entries">Notebooks in run order; empty when none was found.</param>
    /// <param name="emptyMessage">What to say when <paramref name="entries"/> is empty.</param>
    /// <param name="generated">When the run finished.</param>
    /// <param name="git">The code version.</param>
    /// <param name="resultsHref">Relative link to results.json, or <c>null</c>.</param>
    public static string Render(string title, IReadOnlyList<ReportIndexEntry> entries, string emptyMessage, DateTimeOffset generated, GitState git, string? resultsHref)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(git);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1 class=\"title\">").Append(E(title)).Append("</h1>\n");
        if (entries.Count == 0)
        {
            html.Append("<p class=\"warning\">").Append(E(emptyMessage)).Append("</p>\n");
        }
        else
        {
            var failed = entries.Count(e => !e.Succeeded);
            html.Append(failed == 0
                ? F($"<p class=\"status ok\">All {entries.Count} notebooks ran without error.</p>\n")
                : F($"<p class=\"status failed\">{failed} of {entries.Count} notebooks failed.</p>\n"));
            html.Append("<table>\n<thead><tr><th>notebook</th><th>status</th><th>duration</th><th>key figures</th><th>executed notebook</th></tr></thead>\n<tbody>\n");
            foreach (var entry in entries)
            {
                html.Append("<tr><td>");
                html.Append(entry.ReportHref is null ? E(entry.Name) : $"<a href=\"{E(entry.ReportHref)}\">{E(entry.Name)}</a>");
                html.Append("</td><td>").Append(entry.Succeeded ? "<span class=\"status ok\">succeeded</span>" : "<span class=\"failed\">failed</span>: " + E(entry.Failure ?? ""));
                html.Append("</td><td class=\"num\">").Append(entry.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s</td><td class=\"num\">")
                    .Append(entry.KeyFigures.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
                html.Append(entry.NotebookHref is null ? "" : $"<a href=\"{E(entry.NotebookHref)}\">{E(entry.NotebookHref)}</a>");
                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<footer class=\"provenance\">\n<dl>\n")
            .Append("<dt>generated</dt><dd>").Append(generated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</dd>\n")
            .Append("<dt>code version (git)</dt><dd>").Append(E(git.ToString())).Append("</dd>\n");
        if (resultsHref is not null)
        {
            html.Append("<dt>key figures</dt><dd><a href=\"").Append(E(resultsHref)).Append("\">").Append(E(resultsHref)).Append("</a></dd>\n");
        }

        html.Append("</dl>\n</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
