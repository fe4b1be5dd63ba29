using UglyToad.PdfPig.Content;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Reading the PDFs of the reports with PdfPig; compiled into the command line's tests too.</summary>
internal static class PdfPages
{
    /// <summary>The "page k of n" the stylesheet prints, read as words (the page's text runs into the next line's).</summary>
    public static (int Page, int Of)? PageNumber(Page page)
    {
        var words = page.GetWords().Select(w => w.Text).ToList();
        for (var i = 0; i + 3 < words.Count; i++)
        {
            if (words[i] == "page" && words[i + 2] == "of" && int.TryParse(words[i + 1], out var k) && int.TryParse(words[i + 3], out var n))
            {
                return (k, n);
            }
        }

        return null;
    }
}
