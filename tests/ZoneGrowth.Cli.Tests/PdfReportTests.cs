using UglyToad.PdfPig;
using ZoneGrowth.Notebooks.Tests;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// <c>run --pdf</c> on the shipped data: one PDF per notebook beside its page, read back with PdfPig (an independent
/// PDF reader): A4 pages numbered "page k of n", as many embedded pictures as the notebook has charts, the provenance
/// on the last page only.
/// </summary>
[Collection(ShippedWorkbookCollection.Name)]
public sealed class PdfReportTests(ShippedWorkbookRun run)
{
    [Fact]
    public void Each_notebook_has_a_readable_pdf_with_numbered_a4_pages_its_charts_as_pictures_and_the_provenance_last()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("chromium is not installed (apt-get install chromium; .ci/run does): run --pdf prints with it.");
        }

        Assert.True(run.Code == 0, run.Log);
        foreach (var notebook in run.ExecutedNotebooks)
        {
            var pdf = Path.ChangeExtension(notebook, ".pdf");
            Assert.True(File.Exists(pdf), $"no PDF for {Path.GetFileName(notebook)}: {run.Log}");
            var charts = NotebookJson.ChartOutputs(notebook).Length;

            using var document = PdfDocument.Open(pdf);
            var pages = document.GetPages().ToList();
            Assert.True(pages.Count >= 3, $"{Path.GetFileName(pdf)}: {pages.Count} pages");
            for (var k = 1; k <= pages.Count; k++)
            {
                Assert.Equal(595, pages[k - 1].Width, 1.0);
                Assert.Equal(842, pages[k - 1].Height, 1.0);
                Assert.Equal((k, pages.Count), PdfPages.PageNumber(pages[k - 1]));
            }

            Assert.Equal(charts, pages.Sum(p => p.GetImages().Count()));
            Assert.Contains("Provenance", pages[^1].Text, StringComparison.Ordinal);
            Assert.DoesNotContain(pages.SkipLast(1), p => p.Text.Contains("Provenance", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_printed_answer_is_whole_on_the_first_page_with_no_widget()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("chromium is not installed (apt-get install chromium; .ci/run does): run --pdf prints with it.");
        }

        Assert.True(run.Code == 0, run.Log);
        using var document = PdfDocument.Open(Path.Combine(run.OutputFolder, "03-target.pdf"));
        var pages = document.GetPages().ToList();
        // Words as the PDF holds them, joined: the question's start, the table's heading and the sentence that settles it.
        var first = string.Join(" ", pages[0].GetWords().Select(w => w.Text));
        Assert.Contains("Likely", first, StringComparison.Ordinal);
        Assert.Contains("It turns on", first, StringComparison.Ordinal);
        Assert.Contains("Settled by", first, StringComparison.Ordinal);
        var all = string.Join(" ", pages.SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.DoesNotContain("What the answer is conditional on", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameters and setup", all, StringComparison.Ordinal);
    }
}
