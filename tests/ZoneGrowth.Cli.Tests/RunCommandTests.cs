using System.Text.Json.Nodes;
using ZoneGrowth.Cli;

namespace ZoneGrowth.Cli.Tests;

/// <summary>The run verb, in-process, on the notebook fixtures (shared with the runner's tests).</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("zonegrowth-run-");

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_NOTEBOOK_OUTPUTS") is null)
        {
            _output.Delete(recursive: true);
        }
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private string Out(string name) => Path.Combine(_output.FullName, name);

    private static (int Code, string Output, string Error) Workbook(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = WorkbookCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private (int Code, string Output, string Error) Run(params string[] args) =>
        Workbook(["run", .. args, "--output", _output.FullName]);

    private JsonObject Results() => (JsonObject)JsonNode.Parse(File.ReadAllText(Out("results.json")))!;

    private static string Stdout(string executedNotebook) =>
        string.Concat(((JsonArray)JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]!)
            .SelectMany(c => (JsonArray?)c!["outputs"] ?? [])
            .Where(o => (string?)o!["output_type"] == "stream" && (string?)o["name"] == "stdout")
            .SelectMany(o => (JsonArray)o!["text"]!)
            .Select(l => (string?)l));

    [Fact]
    public void Runs_a_notebook_with_typed_parameters_and_writes_notebook_page_index_and_results()
    {
        var (code, output, error) = Run(Fixture("publish.ipynb"), "--param", "years=2", "--param", "growth=0.25", "--param", "publishLow=false", "--param", "label=typed");

        Assert.True(code == WorkbookCommand.Success, error);
        Assert.Contains("[1/1] publish.ipynb: warm-up (kernel start) ok in ", error);
        Assert.Contains("[1/1] publish.ipynb: cell 4 of 4 ok", error);
        Assert.Contains("cell 2 of 4 (injected parameters) ok", error);
        Assert.Contains("1 of 1 notebook succeeded, 0 failed", output);
        // Key figures in the summary, by their unit ("RMB 100m" and "1" are not units of the workbook's table:
        // six significant digits and the unit as written); publishLow=false leaves the low end open.
        Assert.Contains("         level = 156.25 RMB 100m […, 171.875]\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("         growth = 0.25 1\n", output.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Out("publish.ipynb")));
        Assert.Contains("level after 2 years: typed: <b>156.25 RMB 100m […, 171.875]</b>", File.ReadAllText(Out("publish.html")));
        // The index lists the notebook by the title its first markdown cell gives it, with links to its files.
        var index = File.ReadAllText(Out("index.html"));
        Assert.Contains("<a href=\"publish.html\">Publishing key figures</a>", index);
        Assert.Contains("<a href=\"publish.ipynb\" title=\"publish.ipynb\">notebook (.ipynb)</a>", index);

        var results = Results();
        // The values as typed by the notebook's declarations, not the text given.
        Assert.Equal("{\"years\":2,\"growth\":0.25,\"publishLow\":false,\"label\":\"typed\"}", results["parameters"]!.ToJsonString());
        var notebook = results["notebooks"]![0]!;
        Assert.Equal("succeeded", (string?)notebook["status"]);
        Assert.Null(notebook["failure"]);
        Assert.EndsWith("publish.ipynb", (string?)notebook["path"]);
        var level = notebook["results"]![0]!;
        Assert.Equal("level", (string?)level["name"]);
        Assert.Equal(156.25, (double)level["value"]!, 1e-9); // 100 * 1.25^2
        Assert.Null(level["low"]);                          // publishLow=false
        Assert.Equal(171.875, (double)level["high"]!, 1e-9); // 1.1 * 156.25
        Assert.Equal("level after 2 years: typed", (string?)level["description"]);
        Assert.Equal(0.25, (double)notebook["results"]![1]!["value"]!);
        // The data file's path as published (absolute: this fixture reads it from its own folder), written from the repository root.
        Assert.EndsWith("Fixtures/data/hello.txt", (string?)notebook["data_files"]![0]!["path"]);
        Assert.False(Path.IsPathRooted((string?)notebook["data_files"]![0]!["path"]));
        Assert.Equal("Publishing key figures", (string?)notebook["title"]);
        Assert.Equal(DateTimeOffset.Parse((string)results["generated"]!, System.Globalization.CultureInfo.InvariantCulture).Date, DateTimeOffset.UtcNow.Date);
        Assert.NotNull(results["git"]!["is_checkout"]);
    }

    [Fact]
    public void A_compile_error_is_reported_with_notebook_and_cell_and_later_notebooks_still_run()
    {
        var (code, output, error) = Run(Fixture("compile-error.ipynb"), Fixture("publish.ipynb"));

        Assert.Equal(WorkbookCommand.RunFailed, code);
        Assert.Contains("FAILED ", error);
        Assert.Contains("compile-error.ipynb: cell 3 (code cell 2) failed: CompilationError", error);
        Assert.Contains("CS0029", error);
        Assert.Contains("1 of 2 notebooks succeeded, 1 failed", output);
        Assert.Matches(@"FAILED compile-error\.ipynb .* \(cell 3: CompilationError\)", output);
        var notebooks = (JsonArray)Results()["notebooks"]!;
        Assert.Equal(["failed", "succeeded"], notebooks.Select(n => (string?)n!["status"]));
        Assert.Contains("cell 3", (string?)notebooks[0]!["failure"]);
        Assert.Equal(2, ((JsonArray)notebooks[1]!["results"]!).Count);
        Assert.Contains("1 of 2 notebooks failed.", File.ReadAllText(Out("index.html")));
        Assert.Contains("The run stopped:", File.ReadAllText(Out("compile-error.html")));
    }

    [Fact]
    public void An_unreadable_notebook_fails_on_its_own_and_the_others_run()
    {
        var broken = Out("broken.ipynb");
        File.WriteAllText(broken, "{ \"cells\": [ ");

        var (code, _, error) = Workbook("run", broken, Fixture("publish.ipynb"), "--param", "years=1", "--output", Out("run"));

        Assert.Equal(WorkbookCommand.RunFailed, code);
        Assert.Contains("broken.ipynb: cannot read notebook", error);
        var results = (JsonArray)JsonNode.Parse(File.ReadAllText(Out("run/results.json")))!["notebooks"]!;
        Assert.Equal(["failed", "succeeded"], results.Select(n => (string?)n!["status"]));
        Assert.Equal(110.0, (double)results[1]!["results"]![0]!["value"]!, 1e-9); // 100 * 1.1^1
        Assert.Contains("broken.ipynb", File.ReadAllText(Out("run/index.html")));
    }

    [Fact]
    public void A_runtime_error_names_notebook_cell_and_exception()
    {
        var (code, _, error) = Run(Fixture("runtime-error.ipynb"));

        Assert.Equal(WorkbookCommand.RunFailed, code);
        Assert.Contains("runtime-error.ipynb: cell 2 (code cell 2) failed: InvalidOperationException: boom from cell 2", error);
        Assert.Contains("InvalidOperationException: boom from cell 2", File.ReadAllText(Out("runtime-error.html")));
    }

    [Fact]
    public void A_cell_over_the_cell_timeout_fails_the_run()
    {
        // No run to warm Roslyn up first: kernel start and the first compilation are the warm-up step, timed apart.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, _, error) = Run(Fixture("hang-async.ipynb"), "--cell-timeout", "3");

        Assert.Equal(WorkbookCommand.RunFailed, code);
        Assert.Contains("hang-async.ipynb: cell 2 (code cell 2) failed: CellTimeout: Cell timed out after 3 s", error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
    }

    /// <summary>
    /// The first cell restores a package (the warm-up does it, with its own line and limit), the second hangs: the
    /// hanging cell is the one reported, however long kernel start and the restore took.
    /// </summary>
    [Fact]
    public void Kernel_start_and_package_restore_are_a_warm_up_step_and_the_hanging_cell_is_reported()
    {
        var (code, output, error) = Run(Fixture("warm-up-then-hang.ipynb"), "--cell-timeout", "3", "--warm-up-timeout", "300");

        Assert.Equal(WorkbookCommand.RunFailed, code);
        Assert.Contains("[1/1] warm-up-then-hang.ipynb: warm-up (kernel start, restore of 1 NuGet package) running...", error);
        Assert.Matches(@"\[1/1\] warm-up-then-hang\.ipynb: warm-up \(kernel start, restore of 1 NuGet package\) ok in \d+\.\d\d s", error);
        Assert.Contains("[1/1] warm-up-then-hang.ipynb: cell 2 of 4 ok", error);
        Assert.Contains("warm-up-then-hang.ipynb: cell 3 (code cell 2) failed: CellTimeout: Cell timed out after 3 s", error);
        Assert.Matches(@"FAILED warm-up-then-hang\.ipynb .* \(cell 3: CellTimeout\)", output);
    }

    [Fact]
    public void An_unknown_parameter_is_a_usage_error_listing_the_valid_names_and_nothing_runs()
    {
        var (code, _, error) = Run(Fixture("publish.ipynb"), Fixture("success.ipynb"), "--param", "yeras=2");

        Assert.Equal(WorkbookCommand.Usage, code);
        Assert.Contains("Unknown parameter 'yeras'", error);
        Assert.Contains("Valid names: label, years, growth, publishLow.", error); // as declared, in run order
        Assert.False(File.Exists(Out("results.json")));
    }

    [Fact]
    public void A_missing_data_file_is_refused_before_any_kernel_starts_naming_the_path_it_became()
    {
        var (code, _, error) = Run(Fixture("parameters.ipynb"), "--param", "dataFile=nofile.csv");

        Assert.Equal(WorkbookCommand.Usage, code);
        Assert.Contains($"Parameter dataFile of parameters.ipynb: Data file \"nofile.csv\" was not found: read as relative to the directory the command was run in, {Environment.CurrentDirectory}, it is {Path.Combine(Environment.CurrentDirectory, "nofile.csv")}, which does not exist.", error);
        Assert.False(File.Exists(Out("results.json")));
        Assert.DoesNotContain("warm-up", error); // no kernel was started
    }

    [Fact]
    public void A_value_that_does_not_parse_as_the_declared_type_is_a_usage_error()
    {
        var (code, _, error) = Run(Fixture("publish.ipynb"), "--param", "years=three");

        Assert.Equal(WorkbookCommand.Usage, code);
        Assert.Contains("publish.ipynb: Value 'three' for parameter 'years' is not a valid int", error);
        Assert.False(File.Exists(Out("results.json")));
    }

    [Fact]
    public void A_hostile_string_parameter_arrives_literally_and_is_escaped_in_the_report()
    {
        const string hostile = "\"; throw new Exception(\"pwned\"); // \\ {0}\n<script>alert(1)</script>";
        var (code, _, error) = Run(Fixture("publish.ipynb"), "--param", "label=" + hostile);

        Assert.True(code == WorkbookCommand.Success, error);
        Assert.Equal(hostile, Stdout(Out("publish.ipynb")));
        var html = File.ReadAllText(Out("publish.html"));
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Equal("level after 3 years: " + hostile, (string?)Results()["notebooks"]![0]!["results"]![0]!["description"]);
    }

    [Fact]
    public void Compare_prints_drift_and_fails_only_with_fail_on_drift()
    {
        Assert.Equal(WorkbookCommand.Success, Run(Fixture("publish.ipynb")).Code);
        var same = Out("same.json");
        File.Copy(Out("results.json"), same);

        // An earlier vintage: level 0.1 % lower, no 'growth' figure, another hash for the data file.
        var previous = Results();
        var notebook = previous["notebooks"]![0]!;
        notebook["results"]![0]!["value"] = (double)notebook["results"]![0]!["value"]! / 1.001;
        ((JsonArray)notebook["results"]!).RemoveAt(1);
        notebook["data_files"]![0]!["sha256"] = new string('0', 64);
        var earlier = Out("earlier.json");
        File.WriteAllText(earlier, previous.ToJsonString());

        var (code, output, _) = Run(Fixture("publish.ipynb"), "--compare", earlier);
        Assert.Equal(WorkbookCommand.Success, code);
        // For a reader: the figure in words, was → now (change); 133.1 ÷ 1.001 = 132.967.
        Assert.True(output.Contains("level after 3 years: base: 132.967 RMB 100m → 133.1 RMB 100m (+0.1 %)", StringComparison.Ordinal), output);
        Assert.Contains("growth rate: 0.1 1 (new)", output);
        Assert.Contains("Fixtures/data/hello.txt: sha256 000000000000… → ", output);
        // The comparison is kept in results.json and shown on the index page, not only printed.
        var comparison = Results()["comparison"]!;
        Assert.Equal(earlier, (string?)comparison["against"]);
        Assert.Equal(["moved", "added", "data_file_changed"], ((JsonArray)comparison["changes"]!).Select(c => (string?)c!["kind"]));
        var index = File.ReadAllText(Out("index.html"));
        Assert.Contains("<h2>What changed since the last run</h2>", index);
        Assert.Contains("<tr><td>level after 3 years: base</td><td class=\"num\">132.967 RMB 100m</td><td class=\"num\">133.1 RMB 100m</td><td class=\"num\">+0.1 %</td></tr>", index);
        // Under the answer, above the list of notebooks.
        Assert.True(index.IndexOf("What changed since the last run", StringComparison.Ordinal) < index.IndexOf("<h2>Notebooks</h2>", StringComparison.Ordinal));

        var failing = Run(Fixture("publish.ipynb"), "--compare", earlier, "--fail-on-drift");
        Assert.Equal(WorkbookCommand.Drift, failing.Code);
        Assert.Contains("--fail-on-drift", failing.Error);

        var loose = Run(Fixture("publish.ipynb"), "--compare", earlier, "--tolerance", "0.01");
        Assert.DoesNotContain("level after 3 years", loose.Output);
        Assert.Contains("growth rate: 0.1 1 (new)", loose.Output);

        var unchanged = Run(Fixture("publish.ipynb"), "--compare", same, "--fail-on-drift");
        Assert.Equal(WorkbookCommand.Success, unchanged.Code);
        Assert.Contains("No key figure changed", unchanged.Output);

        // The output folder's own results.json is the previous vintage: it is read before the run overwrites it.
        File.WriteAllText(Out("results.json"), previous.ToJsonString());
        var inPlace = Run(Fixture("publish.ipynb"), "--compare", Out("results.json"), "--fail-on-drift");
        Assert.Equal(WorkbookCommand.Drift, inPlace.Code);
        Assert.Contains("level after 3 years: base: 132.967 RMB 100m → 133.1 RMB 100m", inPlace.Output);
        Assert.Equal(0.1, (double)Results()["notebooks"]![0]!["results"]![1]!["value"]!);
    }

    [Fact]
    public void Options_are_checked_before_anything_runs()
    {
        Assert.Equal(WorkbookCommand.Usage, Run(Fixture("publish.ipynb"), "--compare", Out("missing.json")).Code);
        Assert.Equal(WorkbookCommand.Usage, Run(Fixture("publish.ipynb"), "--cell-timeout", "0").Code);
        var warmUp = Run(Fixture("publish.ipynb"), "--warm-up-timeout", "-5");
        Assert.Equal(WorkbookCommand.Usage, warmUp.Code);
        Assert.Contains("--warm-up-timeout must be a number of seconds greater than 0.", warmUp.Error);
        Assert.Equal(WorkbookCommand.Usage, Run(Fixture("publish.ipynb"), "--tolerance", "-1").Code);
        Assert.Equal(WorkbookCommand.Usage, Run(Fixture("no-such.ipynb")).Code);
        Assert.Equal(WorkbookCommand.Usage, Run(Fixture("publish.ipynb"), "--param", "noequals").Code);
        var copy = Path.Combine(Directory.CreateDirectory(Out("elsewhere")).FullName, "publish.ipynb");
        File.Copy(Fixture("publish.ipynb"), copy);
        var clash = Run(Fixture("publish.ipynb"), copy);
        Assert.Equal(WorkbookCommand.Usage, clash.Code);
        Assert.Contains("same name", clash.Error);
        Assert.False(File.Exists(Out("results.json")));
    }

    [Fact]
    public void Without_notebooks_it_says_so_and_writes_an_index_that_says_so()
    {
        // A repository of its own (the marker file) without a notebooks folder; the default output is its out/.
        var root = Directory.CreateTempSubdirectory("zonegrowth-empty-root-");
        File.WriteAllText(Path.Combine(root.FullName, "ZoneGrowth.slnx"), "<Solution />");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(root.FullName);
        try
        {
            var (code, output, _) = Workbook("run");

            Assert.Equal(WorkbookCommand.Success, code);
            Assert.Contains("No notebooks found in " + Path.Combine(root.FullName, "notebooks"), output);
            Assert.Contains("No notebooks found", File.ReadAllText(Path.Combine(root.FullName, "out", "index.html")));
            Assert.Empty((JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(root.FullName, "out", "results.json")))!["notebooks"]!);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            root.Delete(recursive: true);
        }
    }

    private const string Figure = "application/vnd.plotly.v1+json";
    private const string Png = "image/png";

    /// <summary>The data of every chart output (plotly's figure JSON, as Workbook.Setup() displays charts) of an executed notebook.</summary>
    private static JsonObject[] ChartData(string executedNotebook) =>
        ((JsonArray)JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]!)
            .SelectMany(c => (JsonArray?)c!["outputs"] ?? [])
            .Select(o => o!["data"] as JsonObject)
            .OfType<JsonObject>()
            .Where(d => d.ContainsKey(Figure))
            .ToArray();

    [Fact]
    [Trait("Category", "Slow")]
    public void Chart_outputs_get_a_png_and_the_report_still_draws_them_interactively_once()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }

        var (code, _, error) = Run(Fixture("plotly-two-charts.ipynb"));

        Assert.True(code == WorkbookCommand.Success, error);
        Assert.Contains("chart images: 2 of 2 Plotly charts got a PNG picture", error);
        Assert.DoesNotContain("skipped", error);
        var charts = ChartData(Out("plotly-two-charts.ipynb"));
        Assert.Equal(2, charts.Length);
        // base64 of a PNG's signature (89 50 4E 47 0D 0A 1A 0A) starts with "iVBORw0KGgo"
        Assert.All(charts, d => Assert.StartsWith("iVBORw0KGgo", string.Concat(d[Png] is JsonArray lines ? lines.Select(l => (string?)l) : [(string?)d[Png]]), StringComparison.Ordinal));
        var page = File.ReadAllText(Out("plotly-two-charts.html"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "class=\"zg-plotly-spec\"").Count);
        Assert.DoesNotContain("class=\"output image\"", page); // the picture is for print, not shown beside the interactive chart
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Without_chromium_the_run_succeeds_and_says_once_that_chart_images_were_skipped()
    {
        var missing = Out("no-such-chromium");
        var (code, _, error) = Run(Fixture("plotly-figure.ipynb"), Fixture("plotly-two-charts.ipynb"), "--chromium", missing);

        Assert.True(code == WorkbookCommand.Success, error);
        var notes = error.Split('\n').Where(l => l.StartsWith("chart images skipped: chromium not found at " + missing, StringComparison.Ordinal)).ToList();
        Assert.Single(notes);
        Assert.Contains("interactive-only", notes[0]);
        Assert.All(ChartData(Out("plotly-figure.ipynb")).Concat(ChartData(Out("plotly-two-charts.ipynb"))), d => Assert.False(d.ContainsKey(Png)));
        Assert.Equal(3, ChartData(Out("plotly-figure.ipynb")).Length + ChartData(Out("plotly-two-charts.ipynb")).Length);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void No_chart_images_adds_none_and_notes_nothing()
    {
        var (code, _, error) = Run(Fixture("plotly-figure.ipynb"), "--no-chart-images");

        Assert.True(code == WorkbookCommand.Success, error);
        Assert.DoesNotContain("chart images", error);
        var charts = ChartData(Out("plotly-figure.ipynb"));
        Assert.Single(charts);
        Assert.False(charts[0].ContainsKey(Png));
    }
}
