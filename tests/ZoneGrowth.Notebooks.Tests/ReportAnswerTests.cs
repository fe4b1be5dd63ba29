using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoneGrowth.Notebooks.Reports;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>The answer first: a notebook's title and question, its published answer, the folded setup and the index page.</summary>
public partial class ReportTests
{
    private static JsonObject AnswerOutput(string html = "<div class=\"zg-answer\">THE BLOCK</div>") =>
        Display(new JsonObject
        {
            ["text/html"] = html,
            [PublicationContract.AnswerMimeType] = JsonNode.Parse(PublicationContract.ToJson(PublishedAnswer.Create("k", "Will it?", "Likely: P = 0.69.", 0.69, "the data", [new AnswerLever("prices", "not published", [new("if flat", 0.6)])], "the 2025 figure"))),
        });

    [Theory]
    [InlineData("# 3. The 2025 target\n\nWill the zone reach its 2025 target of **600 billion RMB (6,000 亿元)**? The answer comes first.", "3. The 2025 target", "Will the zone reach its 2025 target of 600 billion RMB (6,000 亿元)?")]
    [InlineData("# Growth\n\nThis fits trends. How fast did GDP grow at 5.6 % or more, and how sure are we? Then more.", "Growth", "How fast did GDP grow at 5.6 % or more, and how sure are we?")]
    [InlineData("# A [linked](other.ipynb) title #\n\nNo question here.", "A linked title", null)]
    [InlineData("Just text, no heading. Is this a question?", "fallback", "Is this a question?")]
    public void A_notebooks_title_is_its_first_heading_and_its_question_the_first_sentence_asking_one(string markdown, string title, string? question)
    {
        var heading = NotebookHeading.Read(Notebook(Markdown(markdown), Code("x")), "fallback.ipynb");
        Assert.Equal((title, question), (heading.Title, heading.Question));
    }

    [Fact]
    public void The_published_answer_and_its_block_are_collected_and_a_second_answer_is_a_problem()
    {
        var once = NotebookPublications.Collect(Notebook(Code("a", AnswerOutput())));
        Assert.Equal("Will it?", once.Answer!.Question);
        Assert.Empty(once.Problems);

        var twice = NotebookPublications.Collect(Notebook(Code("a", AnswerOutput()), Code("b", AnswerOutput("<p>second</p>"))));
        Assert.Contains("a second answer was published", Assert.Single(twice.Problems));
    }

    [Fact]
    public void The_parameters_and_setup_cells_fold_so_the_first_result_is_on_the_first_screen()
    {
        var html = Render(Notebook(
            Markdown("# Title\n\nWhat is it?"),
            Code("string zone = \"HHZ\";"),
            Markdown("The setup cell loads the library."),
            Code("Workbook.Setup();"),
            Markdown("## The answer"),
            Code("answer", AnswerOutput())));

        var folded = Regex.Match(html, "<details class=\"setup\">(.*?)</details>", RegexOptions.Singleline);
        Assert.True(folded.Success);
        Assert.Contains("Parameters and setup (2 code cells; the values used are in the provenance)", folded.Value);
        Assert.Contains("Workbook", folded.Value);
        Assert.Contains("The setup cell loads the library.", folded.Value);
        Assert.DoesNotContain("The answer", folded.Value);
        Assert.Contains("THE BLOCK", html);
        // The notebook's own heading is the page's title: not written twice.
        Assert.Single(Regex.Matches(html, "<h1"));
    }

    [Fact]
    public void The_index_opens_with_the_answers_then_lists_each_notebook_with_its_question_and_files()
    {
        var heading = new NotebookHeading("3. The 2025 target", "Will the zone reach it?");
        var answer = PublishedAnswer.Create("03-target", "Will it?", "Likely: P = 0.69.", 0.69, "", [], "");
        var entries = new[]
        {
            new ReportIndexEntry("03-target.ipynb", heading, "03-target.html", "03-target.ipynb", "03-target.pdf", true, null, TimeSpan.FromSeconds(3.8)),
            new ReportIndexEntry("04-x.ipynb", new NotebookHeading("04-x", null), null, null, null, false, "cell 2: boom <b>", TimeSpan.FromSeconds(1)),
        };
        var before = new PublishedResult("03-target", "p_met", 0.6, null, null, "probability", "P(target met) given everything published");
        var comparison = new ResultsComparison("previous.json", 1e-6,
        [
            new ResultChange(ResultChangeKind.Moved, "03-target/p_met", 0.6, 0.69, "moved   03-target/p_met: value 0.60 -> 0.69 (+15.0 %)") { Before = before, After = before with { Value = 0.69 } },
            // Equal after rounding: left out of the reader's table.
            new ResultChange(ResultChangeKind.Moved, "03-target/p_x", 0.6, 0.6001, "moved") { Before = before with { Name = "p_x", Description = "P(x)" }, After = before with { Name = "p_x", Value = 0.6001, Description = "P(x)" } },
        ]);

        var html = ReportIndexPage.Render("Run", entries, [(heading, answer)], comparison, "none", DateTimeOffset.UnixEpoch, new GitState(false, null, false), "results.json");

        // The block is the one every view renders, from the answer's fields.
        Assert.Contains(AnswerHtml.Render(answer), html);
        Assert.True(html.IndexOf("zg-answer", StringComparison.Ordinal) < html.IndexOf("<h2>Notebooks</h2>", StringComparison.Ordinal));
        Assert.Contains("<a href=\"03-target.html\">3. The 2025 target</a></td><td>Will the zone reach it?</td>", html);
        Assert.Contains("<a href=\"03-target.html\">page</a> · <a href=\"03-target.ipynb\" title=\"03-target.ipynb\">notebook (.ipynb)</a> · <a href=\"03-target.pdf\" title=\"03-target.pdf\">PDF</a>", html);
        Assert.Contains("cell 2: boom &lt;b&gt;", html);
        Assert.Contains("<h2>What changed since the last run</h2>", html);
        Assert.Contains("<tr><td>P(target met) given everything published</td><td class=\"num\">0.60</td><td class=\"num\">0.69</td><td class=\"num\">+9.0 points</td></tr>", html);
        Assert.DoesNotContain("P(x)", html);

    }
}
