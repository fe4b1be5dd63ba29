using System.Globalization;
using System.Net;
using System.Text;
using ZoneGrowth.Publishing;
using static System.FormattableString;
using static System.Net.WebUtility;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// The <c>index.html</c> of a run: the answers first (each notebook's published answer, rendered by
/// <see cref="AnswerHtml"/> as the notebook shows it), then the notebooks with their titles, their questions, status and links to the page, the executed
/// notebook and the PDF, then what moved since an earlier vintage when the run compared with one.
/// </summary>
public static class ReportIndexPage
{
    /// <summary>Renders the index page (self-contained, no script).</summary>
    /// <param name="title">Page title.</param>
    /// <param name="entries">Notebooks in run order; empty when none was found.</param>
    /// <param name="answers">The answers the notebooks published, each with its notebook's heading.</param>
    /// <param name="comparison">What moved since an earlier vintage, or <c>null</c>.</param>
    /// <param name="emptyMessage">What to say when <paramref name="entries"/> is empty.</param>
    /// <param name="generated">When the run finished.</param>
    /// <param name="git">The code version.</param>
    /// <param name="resultsHref">Relative link to results.json, or <c>null</c>.</param>
    public static string Render(string title, IReadOnlyList<ReportIndexEntry> entries, IReadOnlyList<(NotebookHeading Heading, PublishedAnswer Answer)> answers,
        ResultsComparison? comparison, string emptyMessage, DateTimeOffset generated, GitState git, string? resultsHref)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(git);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlEncode(title)).Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1 class=\"title\">").Append(HtmlEncode(title)).Append("</h1>\n");
        if (entries.Count == 0)
        {
            html.Append("<p class=\"warning\">").Append(HtmlEncode(emptyMessage)).Append("</p>\n");
        }
        else
        {
            var failed = entries.Count(e => !e.Succeeded);
            html.Append(failed == 0
                ? Invariant($"<p class=\"status ok\">All {entries.Count} notebooks ran without error.</p>\n")
                : Invariant($"<p class=\"status failed\">{failed} of {entries.Count} notebooks failed.</p>\n"));
            foreach (var (heading, answer) in answers)
            {
                html.Append("<section class=\"answer\">\n<h2>The answer <span class=\"from\">(").Append(HtmlEncode(heading.Title)).Append(")</span></h2>\n")
                    .Append("<div class=\"output html\">").Append(AnswerHtml.Render(answer)).Append("</div>\n</section>\n");
            }

            if (comparison is not null)
            {
                html.Append(Comparison(comparison));
            }

            html.Append("<h2>Notebooks</h2>\n<table class=\"notebooks\">\n<thead><tr><th>notebook</th><th>question</th><th>status</th><th class=\"num\">duration</th><th>files</th></tr></thead>\n<tbody>\n");
            foreach (var entry in entries)
            {
                html.Append("<tr><td>");
                html.Append(entry.ReportHref is null ? HtmlEncode(entry.Heading.Title) : $"<a href=\"{HtmlEncode(entry.ReportHref)}\">{HtmlEncode(entry.Heading.Title)}</a>");
                html.Append("</td><td>").Append(HtmlEncode(entry.Heading.Question ?? ""));
                html.Append("</td><td>").Append(entry.Succeeded ? "<span class=\"status ok\">succeeded</span>" : "<span class=\"failed\">failed</span>: " + HtmlEncode(entry.Failure ?? ""));
                html.Append("</td><td class=\"num\">").Append(entry.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append("&nbsp;s</td><td class=\"files\">");
                var links = new List<string>();
                if (entry.ReportHref is { } page) links.Add($"<a href=\"{HtmlEncode(page)}\">page</a>");
                if (entry.NotebookHref is { } notebook) links.Add($"<a href=\"{HtmlEncode(notebook)}\" title=\"{HtmlEncode(notebook)}\">notebook (.ipynb)</a>");
                if (entry.PdfHref is { } pdf) links.Add($"<a href=\"{HtmlEncode(pdf)}\" title=\"{HtmlEncode(pdf)}\">PDF</a>");
                html.Append(links.Count == 0 ? HtmlEncode(entry.FileName) : string.Join(" · ", links));
                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<footer class=\"provenance\">\n<dl>\n")
            .Append("<dt>generated</dt><dd>").Append(generated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</dd>\n")
            .Append("<dt>code version (git)</dt><dd>").Append(HtmlEncode(git.ToString())).Append("</dd>\n");
        if (resultsHref is not null)
        {
            html.Append("<dt>key figures</dt><dd><a href=\"").Append(HtmlEncode(resultsHref)).Append("\">").Append(HtmlEncode(resultsHref)).Append("</a></dd>\n");
        }

        html.Append("</dl>\n</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    // What changed since the run compared with, under the answer: a table a reader compares at a glance (the figure in
    // words, was, now, the change: points for probabilities), then the data files' changes; the file compared with below.
    private static string Comparison(ResultsComparison comparison)
    {
        var html = new StringBuilder("<section class=\"comparison\">\n<h2>What changed since the last run</h2>\n");
        var rows = comparison.ForReaders();
        var other = comparison.OtherChanges();
        if (rows.Count == 0 && other.Count == 0)
        {
            html.Append("<p>").Append(HtmlEncode(ReportMessages.NothingChangedForReaders)).Append("</p>\n");
        }

        if (rows.Count > 0)
        {
            html.Append("<table class=\"changes\">\n<thead><tr><th>figure</th><th class=\"num\">was</th><th class=\"num\">now</th><th class=\"num\">change</th></tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                html.Append("<tr><td>").Append(HtmlEncode(row.Figure)).Append("</td><td class=\"num\">").Append(HtmlEncode(row.Was)).Append("</td><td class=\"num\">")
                    .Append(HtmlEncode(row.Now)).Append("</td><td class=\"num\">").Append(HtmlEncode(row.Change)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (other.Count > 0)
        {
            html.Append("<ul>\n").Append(string.Concat(other.Select(o => "<li>" + HtmlEncode(o) + "</li>\n"))).Append("</ul>\n");
        }

        html.Append("<p class=\"note\">Compared with <code>").Append(HtmlEncode(comparison.Against ?? "an earlier results.json"))
            .Append("</code>. Probabilities change in percentage points, other figures in per cent; figures that read the same after rounding are left out.</p>\n</section>\n");
        return html.ToString();
    }

}
