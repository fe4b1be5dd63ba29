namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Prints report pages to PDF with headless Chromium, offline, one launch per page (Chromium's command line prints
/// one page per launch). The page's print stylesheet does the layout: A4, page numbers, charts as the pictures
/// <c>run</c> rendered, wide tables scaled to the page, the provenance on a last page of its own.
/// </summary>
public static class ReportPdfs
{
    /// <summary>How long one page may take to print before Chromium is stopped.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    // Scripts run for up to this much virtual time before printing: the table-fitting script and, for pages whose
    // charts have no picture, plotly drawing them.
    private const int ScriptBudgetMs = 10000;

    /// <summary>Writes <c>{page}.pdf</c> beside each HTML page.</summary>
    /// <param name="htmlPages">Report pages written by the run.</param>
    /// <param name="chromiumPath">The Chromium executable; <c>null</c> for <c>/usr/bin/chromium</c>, else <c>chromium</c> on PATH.</param>
    /// <param name="timeout">Longest one page may take.</param>
    /// <param name="cancellationToken">Stops the browser; no further page is printed.</param>
    /// <returns>The PDFs written and, when some page got none, why. Nothing is thrown for a missing or failing
    /// browser: the note says so.</returns>
    public static async Task<ReportPdfResult> PrintAsync(IReadOnlyList<string> htmlPages, string? chromiumPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(htmlPages);
        if (htmlPages.Count == 0)
        {
            return new ReportPdfResult([], null);
        }

        var browser = HeadlessChromium.Locate(chromiumPath);
        if (browser is null)
        {
            return new ReportPdfResult([], ReportMessages.PdfNoChromium(chromiumPath));
        }

        var written = new List<string>();
        var problems = new List<string>();
        var profile = Directory.CreateTempSubdirectory("zonegrowth-pdf-");
        try
        {
            foreach (var page in htmlPages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pdf = Path.ChangeExtension(Path.GetFullPath(page), ".pdf");
                try
                {
                    File.Delete(pdf);
                    await HeadlessChromium.RunAsync(browser, HeadlessChromium.PrintToPdfArguments(Path.GetFullPath(page), pdf, profile.FullName, ScriptBudgetMs), timeout, cancellationToken).ConfigureAwait(false);
                    if (!IsPdf(pdf))
                    {
                        problems.Add(ReportMessages.PdfFailed(Path.GetFileName(page), ReportMessages.PdfNotWritten(pdf)));
                        continue;
                    }

                    written.Add(pdf);
                }
                catch (ChromiumException e)
                {
                    problems.Add(ReportMessages.PdfFailed(Path.GetFileName(page), e.Message));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(ReportMessages.PdfFailed(Path.GetFileName(page), e.Message));
                }
            }
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A browser child still closing its profile: leave the temporary folder.
            }
        }

        return new ReportPdfResult(written, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private static bool IsPdf(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        Span<byte> head = stackalloc byte[5];
        using var file = File.OpenRead(path);
        return file.Read(head) == 5 && head.SequenceEqual("%PDF-"u8);
    }
}
