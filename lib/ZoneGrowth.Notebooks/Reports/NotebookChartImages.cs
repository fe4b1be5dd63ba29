using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Adds a static SVG (<c>image/svg+xml</c>) beside every Plotly.NET.Interactive chart of executed notebooks already
/// written, rendering the charts of all of them in one headless Chromium launch. A host running several notebooks
/// turns <see cref="NotebookRunnerOptions.ChartImages"/> off and calls this once at the end: each launch costs
/// about 0.6 s and parsing plotly.js about 1 s more, which then is paid once per run rather than once per notebook.
/// </summary>
public static class NotebookChartImages
{
    /// <summary>Renders the charts of the given executed notebooks and rewrites those that received images.</summary>
    /// <param name="executedNotebooks">Executed notebooks (.ipynb) written by <see cref="NotebookRunner"/>.</param>
    /// <param name="chromiumPath">The Chromium executable; <c>null</c> for <c>/usr/bin/chromium</c>, else <c>chromium</c> on PATH.</param>
    /// <param name="timeout">Longest Chromium may run before it is killed (the images are then skipped).</param>
    /// <param name="cancellationToken">Kills the browser; no notebook is rewritten.</param>
    /// <returns>Charts found, images added and, when some chart got none, why. Nothing is thrown for a missing or
    /// failing browser or an unreadable notebook: the note says so.</returns>
    public static async Task<ChartImageResult> AddToFilesAsync(
        IReadOnlyList<string> executedNotebooks,
        string? chromiumPath,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executedNotebooks);
        var notebooks = new List<(string Path, JsonObject Notebook, string Before)>();
        foreach (var path in executedNotebooks)
        {
            try
            {
                var notebook = Ipynb.Load(path);
                notebooks.Add((path, notebook, Ipynb.Serialize(notebook)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or InvalidOperationException or FormatException)
            {
                return new ChartImageResult(0, 0, ReportMessages.ChartImagesFailed(ReportMessages.ChartImagesUnreadable(path, e.Message)));
            }
        }

        var result = await ChartImages.AddAsync(notebooks.Select(n => n.Notebook).ToList(), chromiumPath, timeout, cancellationToken).ConfigureAwait(false);
        if (result.Images == 0 || cancellationToken.IsCancellationRequested)
        {
            return result with { Images = 0 };
        }

        foreach (var (path, notebook, before) in notebooks)
        {
            var after = Ipynb.Serialize(notebook);
            if (after == before)
            {
                continue;
            }

            try
            {
                Ipynb.Save(notebook, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return result with { Note = ReportMessages.ChartImagesFailed(ReportMessages.ChartImagesUnwritable(path, e.Message)) };
            }
        }

        return result;
    }
}
