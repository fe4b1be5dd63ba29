using UglyToad.PdfPig;
using ZoneGrowth.Notebooks.Reports;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>
/// PDFs of report pages, printed by headless Chromium with the page's print stylesheet and read back with PdfPig (an
/// independent PDF reader): A4 pages numbered "page k of n", the charts as the pictures run rendered, the provenance
/// on the last page.
/// </summary>
public sealed class PdfTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_report_prints_to_numbered_a4_pages_with_its_charts_as_pictures_and_the_provenance_last()
    {
        if (HeadlessChromium.Locate(null) is null)
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }

        var (result, images) = await RunWithImages("plotly-two-charts.ipynb");
        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(2, images?.Images);
        var folder = Directory.CreateTempSubdirectory("zonegrowth-pdf-test-");
        try
        {
            var html = Path.Combine(folder.FullName, "two-charts.html");
            await File.WriteAllTextAsync(html, new NotebookHtmlReport().Render(result.OutputPath!).Html, TestContext.Current.CancellationToken);

            var printed = await ReportPdfs.PrintAsync([html], null, ReportPdfs.DefaultTimeout, TestContext.Current.CancellationToken);

            Assert.Null(printed.Note);
            var pdf = Assert.Single(printed.Written);
            Assert.Equal(Path.Combine(folder.FullName, "two-charts.pdf"), pdf);
            using var document = PdfDocument.Open(pdf);
            var pages = document.GetPages().ToList();
            Assert.True(pages.Count >= 2, $"{pages.Count} pages: the provenance has a page of its own");
            for (var k = 1; k <= pages.Count; k++)
            {
                var page = pages[k - 1];
                Assert.Equal(595, page.Width, 1.0); // A4: 210 mm = 595.3 pt
                Assert.Equal(842, page.Height, 1.0); // 297 mm = 841.9 pt
                Assert.Equal((k, pages.Count), PdfPages.PageNumber(page));
            }

            // Both charts are embedded pictures (the PNGs run rendered), not redrawn vector graphics.
            Assert.Equal(2, pages.Sum(p => p.GetImages().Count()));
            Assert.Contains("Provenance", pages[^1].Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Provenance", string.Concat(pages.SkipLast(1).Select(p => p.Text)), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_page_that_never_finishes_loading_is_stopped_at_its_limit_and_the_note_says_so()
    {
        if (HeadlessChromium.Locate(null) is null)
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }

        var folder = Directory.CreateTempSubdirectory("zonegrowth-pdf-test-");
        try
        {
            // The page's script never returns, so its load event never comes: the browser is killed at the limit.
            var html = Path.Combine(folder.FullName, "hangs.html");
            await File.WriteAllTextAsync(html, "<!DOCTYPE html><html><body><p>before</p><script>while (true) { }</script></body></html>", TestContext.Current.CancellationToken);
            var clock = System.Diagnostics.Stopwatch.StartNew();

            var printed = await ReportPdfs.PrintAsync([html], null, TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

            Assert.Empty(printed.Written);
            Assert.Equal("PDF of hangs.html not written: chromium did not finish within 3 s and was stopped", printed.Note);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "hangs.pdf")));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}: the browser was not stopped at its limit");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_chromium_no_pdf_is_written_and_the_note_says_where_it_looked()
    {
        var missing = Path.Combine(OutputRoot, "no-such-folder", "chromium");

        var printed = await ReportPdfs.PrintAsync(["page.html"], missing, ReportPdfs.DefaultTimeout, TestContext.Current.CancellationToken);

        Assert.Empty(printed.Written);
        Assert.Equal($"PDFs skipped: chromium not found at {missing}", printed.Note);
    }
}
