using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZoneGrowth.Notebooks.Reports;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Static SVG images of the Plotly charts, added to the executed notebook by headless Chromium.</summary>
public class ChartImageTests
{
    private const string Svg = "image/svg+xml";

    private static void SkipUnlessChromium()
    {
        if (ChartImages.Locate(null) is null)
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }
    }

    /// <summary>The chart outputs of an executed notebook (outputs whose text/html calls Plotly.newPlot).</summary>
    private static JsonObject[] ChartData(JsonObject notebook) =>
        Cells(notebook).Where(c => c["outputs"] is JsonArray).SelectMany(Outputs)
            .Select(o => o["data"] as JsonObject)
            .OfType<JsonObject>()
            .Where(d => d["text/html"] is { } h && Text(h).Contains("Plotly.newPlot", StringComparison.Ordinal))
            .ToArray();

    /// <summary>The category labels the fixture gives its column chart, read from the fixture's own source.</summary>
    private static string[] ColumnKeys()
    {
        var source = File.ReadAllText(Fixture("plotly-two-charts.ipynb"));
        var keys = Regex.Match(source, @"Keys: new\[\] \{ \\""(\d+)\\"", \\""(\d+)\\"" \}");
        Assert.True(keys.Success, "the fixture's column chart keys were not found in its source");
        return [keys.Groups[1].Value, keys.Groups[2].Value];
    }

    private static Task<NotebookRunResult> RunWith(string fixture, string key, NotebookRunnerOptions options) =>
        new NotebookRunner(options).RunAsync(new NotebookRunRequest(Fixture(fixture), Path.Combine(OutputRoot, $"{Path.GetFileNameWithoutExtension(fixture)}-{key}.ipynb")));

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Each_chart_output_gets_an_svg_of_that_chart_and_the_notebook_stays_valid_nbformat()
    {
        SkipUnlessChromium();
        var result = await Run("plotly-two-charts.ipynb");
        Assert.True(result.Succeeded, Describe(result));
        Assert.Null(result.ChartImageNote);
        Assert.Equal(2, result.ChartImageCount);

        var charts = ChartData(Read(result));
        Assert.Equal(2, charts.Length);
        var line = Text(charts[0][Svg]);
        var column = Text(charts[1][Svg]);
        Assert.StartsWith("<svg", line, StringComparison.Ordinal);
        Assert.StartsWith("<svg", column, StringComparison.Ordinal);
        Assert.Contains("class=\"scatterlayer", line, StringComparison.Ordinal);
        Assert.Contains("class=\"barlayer", column, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"barlayer", line, StringComparison.Ordinal);
        foreach (var key in ColumnKeys())
        {
            // the category axis labels of the column chart, drawn as SVG text
            Assert.Matches($">{key}</text>", column);
        }

        // a well-formed standalone SVG document
        var document = System.Xml.Linq.XDocument.Parse(column);
        Assert.Equal("svg", document.Root!.Name.LocalName);

        SchemaTests.SkipUnlessNbformat();
        SchemaTests.Validate(result.OutputPath!);
    }

    /// <summary>Adding the images changes nothing in the bundle but the new image/svg+xml: the text/html is kept byte for byte.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Adding_images_keeps_the_interactive_html_unchanged()
    {
        SkipUnlessChromium();
        var result = await RunWith("plotly-two-charts.ipynb", "no-images", new NotebookRunnerOptions { ChartImages = false });
        Assert.True(result.Succeeded, Describe(result));
        var without = Read(result);
        var with = (JsonObject)without.DeepClone();

        var outcome = await ChartImages.AddAsync(with, null, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(new ChartImageResult(2, 2, null), outcome);
        var before = ChartData(without);
        var after = ChartData(with);
        Assert.Equal(2, after.Length);
        for (var i = 0; i < after.Length; i++)
        {
            Assert.Equal(Text(before[i]["text/html"]), Text(after[i]["text/html"]));
            Assert.Equal(before[i].Select(p => p.Key).Append(Svg).Order(StringComparer.Ordinal), after[i].Select(p => p.Key).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>The run-level path: the pipeline renders the charts of all its notebooks in one launch, before each is written once.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Charts_of_several_notebooks_get_their_images_in_one_pass()
    {
        SkipUnlessChromium();
        var plan = NotebookRunPlan.Create([Fixture("plotly-two-charts.ipynb"), Fixture("plotly.ipynb")], new Dictionary<string, string>());
        var pipeline = new NotebookPipeline(new NotebookPipelineOptions(Path.Combine(OutputRoot, "pipeline-images")));

        var run = await pipeline.RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.Failed == 0, string.Join("; ", run.Notebooks.Select(n => Describe(n.Run))));
        Assert.Equal(new ChartImageResult(3, 3, null), run.ChartImages);
        var twoCharts = ChartData(Read(run.Notebooks[0].Run));
        var oneCharts = ChartData(Read(run.Notebooks[1].Run));
        Assert.Equal(2, twoCharts.Length);
        Assert.Single(oneCharts);
        Assert.Contains("class=\"barlayer", Text(twoCharts[1][Svg]), StringComparison.Ordinal);
        Assert.Contains("class=\"scatterlayer", Text(oneCharts[0][Svg]), StringComparison.Ordinal);
        SchemaTests.SkipUnlessNbformat();
        SchemaTests.Validate(run.Notebooks[0].Run.OutputPath!);
        SchemaTests.Validate(run.Notebooks[1].Run.OutputPath!);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Without_chromium_the_run_succeeds_without_images_and_says_why()
    {
        var missing = Path.Combine(OutputRoot, "no-such-folder", "chromium");
        var result = await RunWith("plotly.ipynb", "no-chromium", new NotebookRunnerOptions { ChromiumPath = missing });

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(0, result.ChartImageCount);
        Assert.NotNull(result.ChartImageNote);
        Assert.Contains("chromium not found at " + missing, result.ChartImageNote);
        Assert.Contains("interactive-only", result.ChartImageNote);
        var charts = ChartData(Read(result));
        Assert.Single(charts);
        Assert.DoesNotContain(Svg, charts[0].Select(p => p.Key));
        Assert.DoesNotContain("image/png", charts[0].Select(p => p.Key));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Turned_off_no_image_is_added_and_nothing_is_noted()
    {
        var result = await RunWith("plotly.ipynb", "off", new NotebookRunnerOptions { ChartImages = false });

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(0, result.ChartImageCount);
        Assert.Null(result.ChartImageNote);
        Assert.DoesNotContain(Svg, Single(ChartData(Read(result))).Select(p => p.Key));
    }

    [Fact]
    public async Task A_notebook_without_charts_does_not_start_chromium()
    {
        var result = await RunWith("success.ipynb", "no-charts", new NotebookRunnerOptions { ChromiumPath = Path.Combine(OutputRoot, "no-such-chromium") });

        Assert.True(result.Succeeded, Describe(result));
        Assert.Null(result.ChartImageNote);
        Assert.Equal(0, result.ChartImageCount);
    }

    /// <summary>A browser that fails (here: an executable that exits with an error) leaves the notebook without images and a note with the reason.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_failing_browser_gives_a_note_not_a_failed_run()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("uses /bin/false");
        }

        var result = await RunWith("plotly.ipynb", "false-browser", new NotebookRunnerOptions { ChromiumPath = "/bin/false" });

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(0, result.ChartImageCount);
        Assert.Contains("chromium exited with code 1", result.ChartImageNote);
        Assert.DoesNotContain(Svg, Single(ChartData(Read(result))).Select(p => p.Key));
    }

    private static T Single<T>(T[] items)
    {
        Assert.Single(items);
        return items[0];
    }
}
