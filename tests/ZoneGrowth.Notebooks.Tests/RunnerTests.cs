using System.Text.Json.Nodes;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

public class RunnerTests
{
    // Short enough for the suite, long enough for a one-line cell on a loaded 2-core machine. Roslyn's first
    // compilation (about 2 s in a new process) is the runner's warm-up step, not the first cell's.
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(4);

    [Fact]
    public void Each_limit_is_refused_unless_positive_by_the_part_that_owns_it()
    {
        var cell = Assert.Throws<ArgumentOutOfRangeException>(() => new NotebookRunner(new NotebookRunnerOptions { CellTimeout = TimeSpan.Zero }));
        Assert.Contains("CellTimeout", cell.Message, StringComparison.Ordinal);
        var images = Assert.Throws<ArgumentOutOfRangeException>(() => new NotebookPipeline(new NotebookPipelineOptions(OutputRoot) { ChartImageTimeout = TimeSpan.FromSeconds(-1) }));
        Assert.Contains("ChartImageTimeout", images.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_notebook_captures_stdout_html_result_and_stderr()
    {
        var before = File.ReadAllBytes(Fixture("success.ipynb"));
        var result = await Run("success.ipynb");
        Assert.True(result.Succeeded, Describe(result));
        Assert.Null(result.Failure);
        Assert.Equal(before, File.ReadAllBytes(Fixture("success.ipynb"))); // the notebook itself is never modified

        var cells = Cells(Read(result));
        Assert.Equal(5, cells.Length);
        Assert.Equal("markdown", (string?)cells[0]["cell_type"]);
        Assert.False(cells[0].ContainsKey("outputs"));

        var stdout = Assert.Single(Outputs(cells[1]));
        Assert.Equal("stream", (string?)stdout["output_type"]);
        Assert.Equal("stdout", (string?)stdout["name"]);
        Assert.Equal("hello from stdout\n", Text(stdout["text"]));

        var html = Assert.Single(Outputs(cells[2]));
        Assert.Equal("display_data", (string?)html["output_type"]);
        Assert.Contains("<b>bold html</b>", Text(html["data"]!["text/html"]));

        var returned = Assert.Single(Outputs(cells[3]));
        Assert.Equal("execute_result", (string?)returned["output_type"]);
        Assert.Equal(3, (int?)returned["execution_count"]);
        Assert.Contains("42", returned["data"]!.ToJsonString());

        var stderr = Assert.Single(Outputs(cells[4]));
        Assert.Equal("stderr", (string?)stderr["name"]);
        Assert.Equal("to stderr\n", Text(stderr["text"]));

        Assert.Equal([1, 2, 3, 4], cells.Skip(1).Select(c => (int?)c["execution_count"]));
        Assert.Equal(4, result.Cells.Count);
        Assert.All(result.Cells, c => Assert.Equal(CellStatus.Succeeded, c.Status));
    }

    [Fact]
    public async Task Executed_notebook_has_nbformat_45_metadata_ids_and_keeps_cell_metadata()
    {
        var result = await Run("success.ipynb");
        var notebook = Read(result);
        Assert.Equal(4, (int?)notebook["nbformat"]);
        Assert.Equal(5, (int?)notebook["nbformat_minor"]);
        var metadata = notebook["metadata"]!;
        Assert.Equal(".net-csharp", (string?)metadata["kernelspec"]!["name"]);
        Assert.Equal(".NET (C#)", (string?)metadata["kernelspec"]!["display_name"]);
        Assert.Equal("C#", (string?)metadata["kernelspec"]!["language"]);
        Assert.Equal("C#", (string?)metadata["language_info"]!["name"]);
        Assert.Equal(".cs", (string?)metadata["language_info"]!["file_extension"]);
        Assert.Equal("csharp", (string?)metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);

        var cells = Cells(notebook);
        var ids = cells.Select(c => (string?)c["id"]).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("keep-me", (string?)cells[4]["metadata"]!["tags"]![0]);
        Assert.Equal("csharp", (string?)cells[4]["metadata"]!["polyglot_notebook"]!["kernelName"]);
    }

    [Fact]
    public async Task Compile_error_stops_the_notebook_and_names_the_cell()
    {
        var result = await Run("compile-error.ipynb");
        Assert.False(result.Succeeded);
        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(Fixture("compile-error.ipynb"), failure.NotebookPath);
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal(2, failure.CodeCellNumber);
        Assert.Equal("CompilationError", failure.ErrorName);
        Assert.Contains("CS0029", failure.Message);
        Assert.False(failure.TimedOut);
        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.NotExecuted], result.Cells.Select(c => c.Status));

        var cells = Cells(Read(result)); // written although a cell failed
        var error = Assert.Single(Outputs(cells[2]));
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("CompilationError", (string?)error["ename"]);
        Assert.Contains("CS0029", (string?)error["evalue"]);
        Assert.Empty(Outputs(cells[3]));
        Assert.Null(cells[3]["execution_count"]);
    }

    [Fact]
    public async Task Runtime_exception_is_an_error_output_with_traceback()
    {
        var result = await Run("runtime-error.ipynb");
        Assert.False(result.Succeeded);
        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal(2, failure.CodeCellNumber);
        Assert.Equal("InvalidOperationException", failure.ErrorName);
        Assert.Contains("boom from cell 2", failure.Message);
        Assert.Contains("cell 2 (code cell 2) failed: InvalidOperationException", failure.ToString());

        var cells = Cells(Read(result));
        var error = Assert.Single(Outputs(cells[1]));
        Assert.Equal("InvalidOperationException", (string?)error["ename"]);
        Assert.Contains("boom from cell 2", (string?)error["evalue"]);
        Assert.NotEmpty((JsonArray)error["traceback"]!);
        Assert.Empty(Outputs(cells[2]));
    }

    [Fact]
    public async Task Awaiting_forever_times_out_and_the_run_reports()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Run("hang-async.ipynb", timeout: HangTimeout);
        Assert.False(result.Succeeded);
        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.True(failure.TimedOut);
        Assert.Equal("CellTimeout", failure.ErrorName);
        Assert.Contains("timed out after 4 s", failure.Message);
        Assert.Equal(2, failure.CellNumber);
        Assert.Equal(CellStatus.TimedOut, result.Cells[1].Status);
        Assert.Equal(CellStatus.NotExecuted, result.Cells[2].Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal("CellTimeout", (string?)Outputs(Cells(Read(result))[1]).Last()["ename"]);
    }

    [Fact]
    public async Task Blocking_cell_times_out_and_the_run_reports()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Run("hang-blocking.ipynb", timeout: HangTimeout);
        Assert.False(result.Succeeded);
        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.True(failure.TimedOut);
        // Thread.Sleep cannot observe cancellation: the kernel gives control back, the sleeping thread ends later.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(17), $"took {clock.Elapsed}");
        Assert.Equal(CellStatus.TimedOut, result.Cells[1].Status);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_the_current_cell_and_reports_it()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(3));
        var (result, _) = await RunOne(Fixture("hang-async.ipynb"), Path.Combine(OutputRoot, "cancelled"), cancellationToken: cancel.Token);
        Assert.False(result.Succeeded);
        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal("RunCancelled", failure.ErrorName);
        Assert.False(failure.TimedOut);
        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.NotExecuted], result.Cells.Select(c => c.Status));
        Assert.True(File.Exists(result.OutputPath));
    }

    [Fact]
    public async Task Relative_paths_resolve_against_the_notebook_folder_and_the_directory_is_restored()
    {
        var before = Directory.GetCurrentDirectory();
        var result = await Run("relative-path.ipynb");
        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(before, Directory.GetCurrentDirectory());
        Assert.Equal("hello relative\n", Text(Outputs(Cells(Read(result))[0])[0]["text"]));
    }

    [Fact]
    public async Task Progress_reports_the_warm_up_then_each_cell_with_its_number()
    {
        var reports = new List<NotebookProgress>();
        var (result, _) = await RunOne(Fixture("success.ipynb"), Path.Combine(OutputRoot, "progress"), progress: new SynchronousProgress(reports.Add), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, Describe(result));
        // The run reports the notebook's start and end around its steps.
        Assert.Equal(NotebookProgressStage.NotebookStarting, reports[0].Stage);
        Assert.Equal(NotebookProgressStage.NotebookFinished, reports[^1].Stage);
        reports = reports[1..^1];
        Assert.Equal(10, reports.Count);
        Assert.Equal([NotebookProgressStage.WarmUpStarting, NotebookProgressStage.WarmUpSucceeded], reports.Take(2).Select(r => r.Stage));
        Assert.Equal(0, reports[0].PackageCount); // success.ipynb references no package
        Assert.Equal(result.WarmUp, reports[1].StepElapsed);
        var cells = reports.Skip(2).ToList();
        Assert.Equal(NotebookProgressStage.CellStarting, cells[0].Stage);
        Assert.Equal(2, cells[0].CellNumber);
        Assert.Equal(5, cells[0].CellCount);
        Assert.Equal(1, cells[0].CodeCellNumber);
        Assert.Equal(4, cells[0].CodeCellCount);
        Assert.Equal(NotebookProgressStage.CellSucceeded, cells[^1].Stage);
        Assert.NotNull(cells[^1].StepElapsed);
        Assert.True(cells[^1].Elapsed >= cells[0].Elapsed);
    }

    [Fact]
    public async Task A_pipeline_runs_every_notebook_even_after_a_failure()
    {
        var plan = NotebookRunPlan.Create([Fixture("runtime-error.ipynb"), Fixture("relative-path.ipynb")], new Dictionary<string, string>());
        var run = await new NotebookPipeline(new NotebookPipelineOptions(Path.Combine(OutputRoot, "pipeline-batch")) { ChartImages = false })
            .RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, run.Failed);
        Assert.Equal([false, true], run.Notebooks.Select(n => n.Run.Succeeded));
        Assert.All(run.Notebooks, n => Assert.True(File.Exists(n.Run.OutputPath)));
    }

    /// <summary>
    /// The warm-up (kernel start and package restore) has its own limit: a slow one (here the restore of the first
    /// cell's package plus a deliberate 6 s sleep inside the warm-up step, longer than the 4 s cell timeout) does not
    /// count against the first cell, so the hanging second cell is the one reported.
    /// </summary>
    [Fact]
    public async Task A_slow_warm_up_is_not_charged_to_the_first_cell_and_the_hanging_cell_is_reported()
    {
        var reports = new List<NotebookProgress>();
        var (result, _) = await RunOne(Fixture("warm-up-then-hang.ipynb"), Path.Combine(OutputRoot, "warm-up-then-hang"),
            options: new NotebookRunnerOptions { CellTimeout = HangTimeout, WarmUpExtraCode = "System.Threading.Thread.Sleep(6000);" },
            progress: new SynchronousProgress(reports.Add), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Null(result.SetupError);
        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.True(failure.TimedOut);
        Assert.Equal((3, 2), (failure.CellNumber, failure.CodeCellNumber)); // the hanging cell, not the first
        Assert.Equal([CellStatus.Succeeded, CellStatus.TimedOut, CellStatus.NotExecuted], result.Cells.Select(c => c.Status));
        Assert.True(result.WarmUp >= TimeSpan.FromSeconds(6), result.WarmUp.ToString());
        Assert.True(result.Cells[0].Duration < HangTimeout, result.Cells[0].Duration.ToString());
        var warmUp = Assert.Single(reports, r => r.Stage == NotebookProgressStage.WarmUpSucceeded);
        Assert.Equal(1, warmUp.PackageCount); // the first cell's #r "nuget: Newtonsoft.Json, 13.0.3"
        Assert.Equal("warm\n", Text(Outputs(Cells(Read(result))[1])[0]["text"]));
    }

    [Fact]
    public void The_warm_up_restores_every_package_line_of_the_csharp_cells_once_in_order()
    {
        // nuget.ipynb: cell 1 references Newtonsoft.Json, cell 3 Microsoft.Data.Analysis (with code after it).
        var prepared = PreparedNotebook.Prepare(NotebookSource.Load(Fixture("nuget.ipynb")), []);

        Assert.Equal(["#r \"nuget: Newtonsoft.Json, 13.0.3\"", "#r \"nuget: Microsoft.Data.Analysis, 0.23.1\""], prepared.PackageDirectives);
        Assert.Equal(2, prepared.PackageCount);
        Assert.Equal("#r \"nuget: Newtonsoft.Json, 13.0.3\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\nusing static Microsoft.DotNet.Interactive.Kernel;\nSystem.GC.KeepAlive(null); // warm-up, timed apart from the cells\n", prepared.WarmUpCode(""));
        Assert.Empty(PreparedNotebook.Prepare(NotebookSource.Load(Fixture("success.ipynb")), []).PackageDirectives);
    }

    [Fact]
    public async Task A_warm_up_over_its_limit_fails_the_notebook_before_any_cell_and_names_the_limit()
    {
        var reports = new List<NotebookProgress>();
        var (result, _) = await RunOne(Fixture("warm-up-then-hang.ipynb"), Path.Combine(OutputRoot, "warm-up-timeout"),
            options: new NotebookRunnerOptions { WarmUpTimeout = TimeSpan.FromSeconds(2), WarmUpExtraCode = "await System.Threading.Tasks.Task.Delay(-1);" },
            progress: new SynchronousProgress(reports.Add), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Null(result.Failure);
        Assert.Contains("the warm-up (kernel start and restore of 1 NuGet package) did not finish within 2 s, so no cell ran", result.SetupError);
        Assert.Contains("--warm-up-timeout", result.SetupError);
        Assert.All(result.Cells, c => Assert.Equal(CellStatus.NotExecuted, c.Status));
        Assert.Contains(reports, r => r.Stage == NotebookProgressStage.WarmUpFailed);
        Assert.DoesNotContain(reports, r => r.Stage == NotebookProgressStage.CellStarting);
        Assert.True(File.Exists(result.OutputPath)); // written, with no outputs
    }

    [Fact]
    public async Task Output_path_equal_to_the_notebook_is_refused()
    {
        // The output folder is the notebook's own: its executed copy would overwrite it.
        var folder = Directory.CreateDirectory(Path.Combine(OutputRoot, "output-is-input")).FullName;
        var notebook = Path.Combine(folder, "success.ipynb");
        File.Copy(Fixture("success.ipynb"), notebook);
        var before = File.ReadAllBytes(notebook);

        var (result, _) = await RunOne(notebook, folder, chartImages: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.False(result.Succeeded);
        Assert.Contains("never modified", result.SetupError);
    }

    private sealed class SynchronousProgress(Action<NotebookProgress> report) : IProgress<NotebookProgress>
    {
        public void Report(NotebookProgress value) => report(value);
    }
}
