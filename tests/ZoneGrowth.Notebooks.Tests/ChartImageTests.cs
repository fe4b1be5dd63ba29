using System.Text.Json.Nodes;
using ZoneGrowth.Notebooks.Reports;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Static PNG pictures of the Plotly charts, added to the executed notebook by headless Chromium.</summary>
public class ChartImageTests
{
    [Fact]
    public void The_pictures_of_several_notebooks_add_up_and_keep_the_first_note()
    {
        var combined = ChartImageResult.Combine([new(3, 3, null), new(2, 1, "one chart failed"), new(4, 4, "another note")]);
        Assert.Equal(new ChartImageResult(9, 8, "one chart failed"), combined);
        Assert.Equal(new ChartImageResult(0, 0, null), ChartImageResult.Combine([]));
    }

    private const string Png = "image/png";
    private const string Plotly = "application/vnd.plotly.v1+json";

    private static void SkipUnlessChromium()
    {
        if (HeadlessChromium.Locate(null) is null)
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }
    }

    /// <summary>The chart outputs of an executed notebook (outputs holding plotly's figure JSON).</summary>
    private static JsonObject[] ChartOutputs(JsonObject notebook) =>
        Cells(notebook).Where(c => c["outputs"] is JsonArray).SelectMany(Outputs)
            .Where(o => o["data"] is JsonObject d && d.ContainsKey(Plotly))
            .ToArray();

    private static JsonObject[] ChartData(JsonObject notebook) => ChartOutputs(notebook).Select(o => (JsonObject)o["data"]!).ToArray();

    /// <summary>The size in a PNG's IHDR chunk (bytes 16-23, big-endian), read here independently of the code under test.</summary>
    private static (int Width, int Height) PngSize(JsonNode? base64)
    {
        var bytes = Convert.FromBase64String(Text(base64));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        return ((bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19], (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
    }

    /// <summary>A notebook's run and the run's chart pictures (none counted, no note, when pictures were turned off).</summary>
    private sealed record Pictured(NotebookRunResult Run, int ChartImageCount, string? ChartImageNote);

    private static async Task<Pictured> RunWith(string fixture, string key, bool chartImages = true, string? chromiumPath = null)
    {
        var (run, images) = await RunOne(Fixture(fixture), Path.Combine(OutputRoot, $"{Path.GetFileNameWithoutExtension(fixture)}-{key}"), cancellationToken: TestContext.Current.CancellationToken, chartImages: chartImages, chromiumPath: chromiumPath);
        return new Pictured(run, images?.Images ?? 0, images?.Note);
    }

    private static async Task<Pictured> Pictures(string fixture)
    {
        var (run, images) = await RunWithImages(fixture);
        return new Pictured(run, images?.Images ?? 0, images?.Note);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Each_chart_output_gets_a_png_of_that_chart_at_twice_its_layout_size_and_the_notebook_stays_valid_nbformat()
    {
        SkipUnlessChromium();
        var result = await Pictures("plotly-two-charts.ipynb");
        Assert.True(result.Run.Succeeded, Describe(result.Run));
        Assert.Null(result.ChartImageNote);
        Assert.Equal(2, result.ChartImageCount);

        var outputs = ChartOutputs(Read(result.Run));
        Assert.Equal(2, outputs.Length);
        var pictures = new List<string>();
        foreach (var output in outputs)
        {
            var data = (JsonObject)output["data"]!;
            var layout = data[Plotly]!["layout"]!;

            // Plotly.NET's default layout is 600 x 600 CSS pixels; the picture is drawn at scale 2 and shown at 1.
            var (width, height) = ((int)layout["width"]!, (int)layout["height"]!);
            Assert.Equal((2 * width, 2 * height), PngSize(data[Png]));
            Assert.Equal(width, (int)output["metadata"]![Png]!["width"]!);
            Assert.Equal(height, (int)output["metadata"]![Png]!["height"]!);
            // The picture's alt text is the chart's description, when the output has one.
            var alt = (string?)output["metadata"]![Png]!["alt"];
            Assert.Equal(data["text/plain"] is { } description ? Text(description) : "chart", alt);
            Assert.DoesNotContain("text/html", data.Select(p => p.Key));
            pictures.Add(Text(data[Png]));
        }

        // the line chart and the column chart are two different pictures
        Assert.NotEqual(pictures[0], pictures[1]);
        SchemaTests.SkipUnlessNbformat();
        SchemaTests.Validate(result.Run.OutputPath!);
    }

    /// <summary>Adding the images changes nothing in the bundle but the new image/png: the figure JSON is kept as it was.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Adding_images_keeps_the_interactive_figure_unchanged()
    {
        SkipUnlessChromium();
        var result = await RunWith("plotly-two-charts.ipynb", "no-images", chartImages: false);
        Assert.True(result.Run.Succeeded, Describe(result.Run));
        var without = Read(result.Run);
        var with = (JsonObject)without.DeepClone();

        await using var browser = new ReportBrowser(null, TestContext.Current.CancellationToken);
        var outcome = await ChartImages.AddAsync([with], browser, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(new ChartImageResult(2, 2, null), outcome);
        var before = ChartData(without);
        var after = ChartData(with);
        Assert.Equal(2, after.Length);
        for (var i = 0; i < after.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(before[i][Plotly], after[i][Plotly]));
            Assert.Equal(before[i].Select(p => p.Key).Append(Png).Order(StringComparer.Ordinal), after[i].Select(p => p.Key).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>The run-level path: the pipeline renders the charts of all its notebooks in one call to its browser, before each is written once.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Charts_of_several_notebooks_get_their_images_in_one_pass()
    {
        SkipUnlessChromium();
        var two = await RunWith("plotly-two-charts.ipynb", "batch", chartImages: false);
        var one = await RunWith("plotly-figure.ipynb", "batch", chartImages: false);
        Assert.True(two.Run.Succeeded && one.Run.Succeeded, Describe(two.Run) + Describe(one.Run));
        var figuresWithout = ChartData(Read(two.Run)).Concat(ChartData(Read(one.Run))).Select(d => d[Plotly]!.ToJsonString()).ToList();
        var plan = NotebookRunPlan.Create([Fixture("plotly-two-charts.ipynb"), Fixture("plotly-figure.ipynb")], new Dictionary<string, string>());
        var pipeline = new NotebookPipeline(new NotebookPipelineOptions(Path.Combine(OutputRoot, "pipeline-images")));

        var run = await pipeline.RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(run.Failed == 0, string.Join("; ", run.Notebooks.Select(n => Describe(n.Run))));
        Assert.Equal(new ChartImageResult(3, 3, null), run.ChartImages);
        var twoCharts = ChartData(Read(run.Notebooks[0].Run));
        var oneCharts = ChartData(Read(run.Notebooks[1].Run));
        Assert.Equal(2, twoCharts.Length);
        Assert.Single(oneCharts);
        Assert.All(twoCharts.Concat(oneCharts), d => PngSize(d[Png]));
        Assert.Equal(figuresWithout, twoCharts.Concat(oneCharts).Select(d => d[Plotly]!.ToJsonString()).ToList());
        SchemaTests.SkipUnlessNbformat();
        SchemaTests.Validate(run.Notebooks[0].Run.OutputPath!);
        SchemaTests.Validate(run.Notebooks[1].Run.OutputPath!);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Without_chromium_the_run_succeeds_without_images_and_says_why()
    {
        var missing = Path.Combine(OutputRoot, "no-such-folder", "chromium");
        var result = await RunWith("plotly-figure.ipynb", "no-chromium", chromiumPath: missing);

        Assert.True(result.Run.Succeeded, Describe(result.Run));
        Assert.Equal(0, result.ChartImageCount);
        Assert.NotNull(result.ChartImageNote);
        Assert.Contains("chromium not found at " + missing, result.ChartImageNote);
        Assert.Contains("interactive-only", result.ChartImageNote);
        var charts = ChartData(Read(result.Run));
        Assert.Single(charts);
        Assert.DoesNotContain(Png, charts[0].Select(p => p.Key));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Turned_off_no_image_is_added_and_nothing_is_noted()
    {
        var result = await RunWith("plotly-figure.ipynb", "off", chartImages: false);

        Assert.True(result.Run.Succeeded, Describe(result.Run));
        Assert.Equal(0, result.ChartImageCount);
        Assert.Null(result.ChartImageNote);
        Assert.DoesNotContain(Png, Single(ChartData(Read(result.Run))).Select(p => p.Key));
    }

    [Fact]
    public async Task A_notebook_without_charts_does_not_start_chromium()
    {
        var result = await RunWith("success.ipynb", "no-charts", chromiumPath: Path.Combine(OutputRoot, "no-such-chromium"));

        Assert.True(result.Run.Succeeded, Describe(result.Run));
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

        var result = await RunWith("plotly-figure.ipynb", "false-browser", chromiumPath: "/bin/false");

        Assert.True(result.Run.Succeeded, Describe(result.Run));
        Assert.Equal(0, result.ChartImageCount);
        Assert.Contains("chromium exited with code 1", result.ChartImageNote);
        Assert.DoesNotContain(Png, Single(ChartData(Read(result.Run))).Select(p => p.Key));
    }

    private static T Single<T>(T[] items)
    {
        Assert.Single(items);
        return items[0];
    }
}
