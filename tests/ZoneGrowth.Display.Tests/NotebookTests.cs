using System.Text.Json;
using System.Text.Json.Nodes;
using ZoneGrowth.Notebooks;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Display.Tests;

/// <summary>
/// Runs the fixture notebook through the in-process runner, referencing the built libraries the
/// way the real notebooks do: only ZoneGrowth.dll and ZoneGrowth.Display.dll are copied next to it
/// (into lib/), so every other dependency must come from the notebook's own #r "nuget:" lines.
/// </summary>
public sealed class NotebookTests
{
    private static readonly Lazy<Task<(NotebookRunResult Result, JsonObject? Notebook)>> Run = new(RunFixture);

    /// <summary>The temporary folder of this test run (deleted by <see cref="TemporaryFolderCleanup"/>).</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "zonegrowth-display-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(NotebookRunResult, JsonObject?)> RunFixture()
    {
        var folder = Path.Combine(Root, "display");
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "display.ipynb"), Path.Combine(folder, "display.ipynb"));
        foreach (var dll in new[] { "ZoneGrowth.dll", "ZoneGrowth.Display.dll" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, dll), Path.Combine(folder, "lib", dll));
        }

        var parameters = NotebookParameters.ParseAssignments([
            $"dataFile={Path.Combine(WorkbookPaths.DataFolder, "hhz-indicators.csv")}",
            $"catalogFile={WorkbookPaths.Catalog}",
        ]);
        // The one way a notebook runs: the pipeline, into out/ (executed notebook, page, index, results.json).
        var plan = NotebookRunPlan.Create([Path.Combine(folder, "display.ipynb")], parameters);
        Assert.Empty(plan.Problems);
        var run = await new NotebookPipeline(new NotebookPipelineOptions(Path.Combine(folder, "out"))).RunAsync(plan);
        var result = Assert.Single(run.Notebooks).Run;
        var notebook = result.OutputPath is { } path && File.Exists(path) ? (JsonObject)JsonNode.Parse(File.ReadAllText(path))! : null;
        return (result, notebook);
    }

    private static JsonObject[] CodeCells(JsonObject notebook) =>
        ((JsonArray)notebook["cells"]!).Cast<JsonObject>().Where(c => (string?)c["cell_type"] == "code").ToArray();

    private static JsonObject[] Outputs(JsonObject cell) => ((JsonArray)cell["outputs"]!).Cast<JsonObject>().ToArray();

    private static string Text(JsonNode? multiline) => multiline switch
    {
        JsonArray a => string.Concat(a.Select(l => (string?)l)),
        JsonValue v => (string)v!,
        _ => "",
    };

    /// <summary>The outputs of the code cell whose source contains <paramref name="marker"/>.</summary>
    private static JsonObject[] OutputsOf(JsonObject notebook, string marker) =>
        Outputs(Assert.Single(CodeCells(notebook), c => Text(c["source"]).Contains(marker, StringComparison.Ordinal)));

    private static async Task<JsonObject> Notebook()
    {
        var (result, notebook) = await Run.Value;
        Assert.True(result.Succeeded, $"setup={result.SetupError} failure={result.Failure}");
        Assert.NotNull(notebook);
        return notebook!;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Runs_without_error_outputs()
    {
        var notebook = await Notebook();
        var errors = CodeCells(notebook).SelectMany(Outputs).Where(o => (string?)o["output_type"] == "error").ToArray();
        Assert.Empty(errors);
        Assert.All(CodeCells(notebook), c => Assert.NotNull((int?)c["execution_count"]));

        // The setup cell (references and Workbook.Setup()) shows nothing in our runner.
        Assert.Empty(OutputsOf(notebook, "Workbook.Setup();"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Audit_and_regression_summary_display_as_our_html_tables()
    {
        var notebook = await Notebook();
        var audit = Text(Assert.Single(OutputsOf(notebook, "ConsistencyAudit.Run"))["data"]!["text/html"]);
        Assert.Contains("<table", audit);
        Assert.Contains("<th scope=\"col\" style=\"text-align:left;padding:2px 8px\">rows (line)</th>", audit);
        Assert.Contains("Consistency audit:", audit);
        Assert.Contains("hhz-indicators.csv:", audit);

        var summary = Text(Assert.Single(OutputsOf(notebook, "trend.Summary()"))["data"]!["text/html"]);
        Assert.Contains("<table class=\"regression-summary\">", summary);
        Assert.Contains("OLS Regression Results", summary);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Chart_displays_as_plotly_figure_json_with_a_description()
    {
        var notebook = await Notebook();
        var data = Assert.Single(OutputsOf(notebook, "Charts.Indicators"))["data"]!.AsObject();

        // Workbook.Setup() makes a chart display as plotly's figure JSON and a line of text, with no script-bearing HTML.
        Assert.Null(data["text/html"]);
        var figure = data[ChartOutput.PlotlyMimeType]!.AsObject();
        Assert.Contains("by year, by status", (string?)figure["layout"]!["title"]!["text"], StringComparison.Ordinal);
        Assert.Contains("by year, by status", Text(data[ChartOutput.TextMimeType]), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Published_result_and_data_file_carry_html_and_their_json_parts()
    {
        var notebook = await Notebook();
        var outputs = OutputsOf(notebook, "Results.Publish");
        Assert.Equal(2, outputs.Length);

        var result = outputs[0]["data"]!.AsObject();
        Assert.Contains("<table", Text(result["text/html"]));
        var json = result[PublicationContract.ResultMimeType]!.AsObject();
        // Exactly these keys (the executed notebook stores JSON with sorted keys, as Jupyter does).
        Assert.Equal(new[] { "notebook_key", "name", "value", "low", "high", "interval", "unit", "description" }.Order(), json.Select(p => p.Key).Order());
        Assert.Equal("confidence", (string?)json["interval"]);
        Assert.Equal("display-fixture", (string?)json["notebook_key"]);
        Assert.Equal("gdp_trend_growth", (string?)json["name"]);
        Assert.Equal(JsonValueKind.Number, json["value"]!.GetValueKind());
        var value = (double)json["value"]!;
        Assert.InRange(value, (double)json["low"]!, (double)json["high"]!);
        Assert.Equal("fraction per year", (string?)json["unit"]);

        // Independent check of the value: the compound growth between the first and last reported HHZ GDP
        // figures of the data file (901.4 in 2016, 2887.8 in 2024) lies inside the trend's interval.
        var cagr = Math.Pow(2887.8 / 901.4, 1.0 / 8) - 1;
        Assert.InRange(cagr, (double)json["low"]!, (double)json["high"]!);

        var file = outputs[1]["data"]!.AsObject();
        Assert.Contains("<table", Text(file["text/html"]));
        var fileJson = file[PublicationContract.DataFileMimeType]!.AsObject();
        Assert.Equal(new[] { "path", "sha256", "rows" }.Order(), fileJson.Select(p => p.Key).Order());
        var dataFile = Path.Combine(WorkbookPaths.DataFolder, "hhz-indicators.csv");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(dataFile))), (string?)fileJson["sha256"]);
        Assert.Equal(JsonValueKind.Number, fileJson["rows"]!.GetValueKind());
        Assert.Equal(File.ReadAllLines(dataFile).Count(l => l.Length > 0) - 1, (int)fileJson["rows"]!);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task DataFrame_displays_as_a_table()
    {
        var notebook = await Notebook();
        var html = Text(Assert.Single(OutputsOf(notebook, "data.ToDataFrame()"))["data"]!["text/html"]);
        Assert.Contains("<table", html);
        Assert.Contains("digital_economy_revenue", html);
    }
}
