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
        SkipUnlessChromium();

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
        SkipUnlessChromium();

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

    [Fact]
    public void Charts_print_at_their_own_size_so_their_smallest_text_is_at_least_8_points()
    {
        SkipUnlessChromium();

        Assert.True(run.Code == 0, run.Log);
        foreach (var notebook in run.ExecutedNotebooks)
        {
            using var document = PdfDocument.Open(Path.ChangeExtension(notebook, ".pdf"));
            foreach (var image in document.GetPages().SelectMany(p => p.GetImages()))
            {
                // The picture is drawn at 2 pixels per CSS pixel; a CSS pixel is 0.75 pt at its own size. The smallest
                // type in a chart is 11 px (notes, heat-map cells), so printed at scale s it is 8.25 × s points.
                var cssWidth = image.WidthInSamples / 2.0;
                var scale = image.BoundingBox.Width / (cssWidth * 0.75);
                Assert.True(11 * 0.75 * scale >= 8, $"{Path.GetFileName(notebook)}: a {cssWidth} px chart printed {image.BoundingBox.Width:0} pt wide (scale {scale:0.00})");
            }
        }
    }

    [Fact]
    public void Paper_lists_every_source_in_full_and_never_asks_to_hover()
    {
        SkipUnlessChromium();

        Assert.True(run.Code == 0, run.Log);
        // Notebook 1 shows every row of the data file: each row's source (its 11th field, read here with a plain CSV
        // split) is in its PDF in full. Addresses wrap anywhere, so both sides are compared without white space.
        var sources = File.ReadAllLines(WorkbookPaths.DefaultDataFile).Skip(1).Where(l => l.Length > 0).Select(l => ReadableOutputTests.Csv(l)[10]).Distinct().ToList();
        foreach (var notebook in run.ExecutedNotebooks)
        {
            using var document = PdfDocument.Open(Path.ChangeExtension(notebook, ".pdf"));
            var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            Assert.DoesNotContain(words, w => w.StartsWith("hover", StringComparison.OrdinalIgnoreCase));
            if (Path.GetFileName(notebook) == "01-indicators.ipynb")
            {
                // Compatibility normalisation undoes the ligatures the PDF's fonts set ("ﬁ" in "five", "ﬀ" in "mffb.com").
                var text = string.Concat(words).Normalize(System.Text.NormalizationForm.FormKC);
                Assert.Contains("Sources", words);
                var missing = sources.Where(s => !text.Contains(string.Concat(s.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal)).ToList();
                Assert.True(missing.Count == 0, $"{missing.Count} of {sources.Count} sources not in full in the PDF:\n{string.Join("\n", missing)}");
            }
        }
    }

    private static void SkipUnlessChromium()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("chromium is not installed (apt-get install chromium; .ci/run does): run --pdf prints with it.");
        }
    }
}
