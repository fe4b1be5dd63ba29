namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Prints report pages to PDF with headless Chromium, offline, in the run's one browser (<see cref="ReportBrowser"/>):
/// each page is loaded into its tab and printed once its scripts, fonts and charts are done. The page's print stylesheet
/// does the layout: A4, page numbers, charts as the pictures <c>run</c> rendered, wide tables scaled to the page, the
/// provenance on a last page of its own.
/// </summary>
public static class ReportPdfs
{
    /// <summary>How long one page may take to print before Chromium is stopped.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    // Marks the pages as loaded to be printed (charts with a picture are not drawn), before their own scripts run.
    private const string PrintOnlyScript = "window.zgPrintOnly = true;";

    // Resolves once the page's fonts are loaded, its charts drawn and two frames painted (or, should the page paint
    // none, half a second later): what print then shows.
    private const string ReadyScript = """
        Promise.all([document.fonts ? document.fonts.ready : null, window.zgChartsDrawn || null])
          .then(function () {
            return new Promise(function (done) {
              setTimeout(done, 500);
              requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });
            });
          })
        """;

    /// <summary>Writes <c>{page}.pdf</c> beside each HTML page, in a browser of its own.</summary>
    /// <param name="htmlPages">Report pages written by the run.</param>
    /// <param name="chromiumPath">The Chromium executable; <c>null</c> for <c>/usr/bin/chromium</c>, else <c>chromium</c> on PATH.</param>
    /// <param name="timeout">Longest one page may take.</param>
    /// <param name="cancellationToken">Stops the browser; no further page is printed.</param>
    /// <returns>The PDFs written and, when some page got none, why. Nothing is thrown for a missing or failing
    /// browser: the note says so.</returns>
    public static async Task<ReportPdfResult> PrintAsync(IReadOnlyList<string> htmlPages, string? chromiumPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(htmlPages);
        await using var browser = new ReportBrowser(chromiumPath, cancellationToken);
        return await PrintInAsync(htmlPages, browser, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <c>{page}.pdf</c> beside each HTML page, in the run's browser (started here if no step started it yet).</summary>
    internal static async Task<ReportPdfResult> PrintInAsync(IReadOnlyList<string> htmlPages, ReportBrowser browser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (htmlPages.Count == 0)
        {
            return new ReportPdfResult([], null);
        }

        if (browser.Path is null)
        {
            return new ReportPdfResult([], ReportMessages.PdfNoChromium(browser.ConfiguredPath));
        }

        var (session, problem) = await browser.OpenAsync().ConfigureAwait(false);
        if (session is null)
        {
            return NoneWritten(htmlPages, problem ?? ReportMessages.ChartImagesCancelled);
        }

        // One page after the other in the browser's tab: two tabs printing at once measured no faster on two cores
        // (the printing itself is the browser's work, not the pages').
        var tab = session.Tab;
        try
        {
            tab.AllowFor(timeout);
            await tab.AddInitScriptAsync(PrintOnlyScript).ConfigureAwait(false);
        }
        catch (ChromiumException e)
        {
            return NoneWritten(htmlPages, e.Message);
        }

        var written = new List<string>();
        var problems = new List<string>();
        foreach (var page in htmlPages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (pdf, failed) = await PrintAsync(tab, page, cancellationToken).ConfigureAwait(false);
            if (pdf is not null)
            {
                written.Add(pdf);
            }
            else if (failed is not null)
            {
                problems.Add(failed);
            }
        }

        return new ReportPdfResult(written, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>No page printed, for one reason: each page's note says it.</summary>
    private static ReportPdfResult NoneWritten(IReadOnlyList<string> htmlPages, string reason) =>
        new([], string.Join("; ", htmlPages.Select(p => ReportMessages.PdfFailed(Path.GetFileName(p), reason))));

    /// <summary>Loads one page into a tab, waits for it to be ready and prints it beside the page.</summary>
    private static async Task<(string? Pdf, string? Problem)> PrintAsync(ChromiumTab tab, string page, CancellationToken cancellationToken)
    {
        var pdf = Path.ChangeExtension(Path.GetFullPath(page), ".pdf");
        try
        {
            File.Delete(pdf);
            await tab.NavigateAsync(Path.GetFullPath(page)).ConfigureAwait(false);
            await tab.EvaluateAsync(ReadyScript).ConfigureAwait(false);
            var printed = await tab.PrintToPdfAsync().ConfigureAwait(false);
            if (!printed.AsSpan().StartsWith("%PDF-"u8))
            {
                return (null, ReportMessages.PdfFailed(Path.GetFileName(page), ReportMessages.PdfNotWritten(pdf)));
            }

            await File.WriteAllBytesAsync(pdf, printed, cancellationToken).ConfigureAwait(false);
            return (pdf, null);
        }
        catch (ChromiumException e)
        {
            return (null, ReportMessages.PdfFailed(Path.GetFileName(page), e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, ReportMessages.PdfFailed(Path.GetFileName(page), e.Message));
        }
    }
}
