using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// Executes .NET Interactive C# notebooks (.ipynb) top to bottom with the C# kernel hosted in this process, and
/// writes the executed notebook (nbformat 4.5) with its outputs, papermill style.
/// </summary>
/// <remarks>
/// <para>Notebooks run one at a time per process (a process-wide lock): the kernel resolves relative paths against
/// the process's current directory, which is set to the notebook's folder while it runs (and restored after).
/// After a failed cell the remaining cells are not executed; the executed notebook is still written.</para>
/// <para>Console: while a kernel command runs, .NET Interactive replaces <see cref="Console.Out"/> and
/// <see cref="Console.Error"/> process-wide to capture the cells' output; writes from the host during that time
/// are discarded. A host that prints progress must write to a writer taken before the run, e.g.
/// <c>var log = Console.Error;</c> then <c>log.WriteLine(...)</c> in the progress callback.</para>
/// <para>Timeouts: a timed-out cell is cancelled and the run goes on to report, but C# code that never awaits a
/// cancellable operation (<c>while (true) { }</c>, <c>Thread.Sleep</c>) cannot be stopped in-process: it keeps its
/// thread (and, for a busy loop, a CPU core) until it ends or the process exits. A command-line host should exit
/// once the results are reported.</para>
/// </remarks>
public sealed class NotebookRunner
{
    private static readonly SemaphoreSlim ProcessGate = new(1, 1);

    private readonly NotebookRunnerOptions _options;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Settings; <c>null</c> for defaults (300 s per cell).</param>
    public NotebookRunner(NotebookRunnerOptions? options = null)
    {
        _options = options ?? new NotebookRunnerOptions();
        if (_options.CellTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CellTimeout must be positive.");
        }

        if (_options.ChartImageTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ChartImageTimeout must be positive.");
        }
    }

    /// <summary>The default output path: <c>&lt;name&gt;.executed.ipynb</c> next to the notebook.</summary>
    public static string DefaultOutputPath(string notebookPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebookPath)) ?? ".", Path.GetFileNameWithoutExtension(notebookPath) + ".executed.ipynb");

    /// <summary>Runs several notebooks one after another; a failing notebook does not stop the others.</summary>
    /// <param name="requests">Notebooks to run.</param>
    /// <param name="progress">Receives a report before and after each cell; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run: the current cell is cancelled, remaining notebooks are reported as not run.</param>
    public async Task<NotebookBatchResult> RunAllAsync(
        IEnumerable<NotebookRunRequest> requests,
        IProgress<NotebookProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var clock = Stopwatch.StartNew();
        var results = new List<NotebookRunResult>();
        foreach (var request in requests)
        {
            results.Add(await RunAsync(request, progress, cancellationToken).ConfigureAwait(false));
        }

        return new NotebookBatchResult(results, clock.Elapsed);
    }

    /// <summary>Runs one notebook and writes the executed copy (also when a cell fails).</summary>
    /// <param name="request">The notebook, output path and parameters.</param>
    /// <param name="progress">Receives a report before and after each cell, called on the runner's flow (a
    /// <see cref="Progress{T}"/> posts it on); may be <c>null</c>. See the remarks about <see cref="Console"/>.</param>
    /// <param name="cancellationToken">Cancels the current cell and stops the notebook.</param>
    /// <returns>The outcome; errors in the notebook or its parameters are reported in it, not thrown.</returns>
    public async Task<NotebookRunResult> RunAsync(
        NotebookRunRequest request,
        IProgress<NotebookProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var notebookPath = Path.GetFullPath(request.NotebookPath);
        var outputPath = Path.GetFullPath(request.OutputPath ?? DefaultOutputPath(notebookPath));

        NotebookRunResult SetupFailure(string message, IReadOnlyList<NotebookParameterValue>? parameters = null) =>
            new(notebookPath, null, false, null, message, [], parameters ?? [], clock.Elapsed);

        if (string.Equals(notebookPath, outputPath, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return SetupFailure($"{notebookPath}: the output path must differ from the notebook (the notebook is never modified).");
        }

        JsonObject notebook;
        try
        {
            notebook = Ipynb.Load(notebookPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return SetupFailure($"{notebookPath}: cannot read notebook: {e.Message}");
        }

        PreparedNotebook prepared;
        try
        {
            prepared = PreparedNotebook.Prepare(notebook, notebookPath, request.Parameters ?? new Dictionary<string, string>());
        }
        catch (NotebookParameterException e)
        {
            return SetupFailure($"{notebookPath}: {e.Message}");
        }

        try
        {
            await ProcessGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return SetupFailure($"{notebookPath}: the run was cancelled before the notebook started.", prepared.Parameters);
        }

        try
        {
            return await ExecuteAsync(prepared, notebookPath, outputPath, progress, clock, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ProcessGate.Release();
        }
    }

    private async Task<NotebookRunResult> ExecuteAsync(
        PreparedNotebook prepared,
        string notebookPath,
        string outputPath,
        IProgress<NotebookProgress>? progress,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var cells = new List<CellRunResult>();
        CellFailure? failure = null;
        var previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(notebookPath)!);
        try
        {
            // Formatters are process-wide: start each notebook from the defaults (package extensions re-register).
            Formatter.ResetToDefault();
            using var session = new KernelSession();
            var executionCount = 0;
            foreach (var cell in prepared.CodeCells)
            {
                if (failure is not null || cancellationToken.IsCancellationRequested)
                {
                    cells.Add(new CellRunResult(cell.CellNumber, cell.CodeCellNumber, cell.IsInjected, CellStatus.NotExecuted, TimeSpan.Zero));
                    continue;
                }

                var source = Ipynb.ReadMultiline(cell.Json["source"]);
                if (string.IsNullOrWhiteSpace(source))
                {
                    cells.Add(new CellRunResult(cell.CellNumber, cell.CodeCellNumber, cell.IsInjected, CellStatus.Succeeded, TimeSpan.Zero));
                    continue;
                }

                progress?.Report(new NotebookProgress(notebookPath, cell.CellNumber, prepared.CellCount, cell.CodeCellNumber, prepared.CodeCellCount, NotebookProgressStage.CellStarting, clock.Elapsed, null));
                var cellClock = Stopwatch.StartNew();
                CellExecution execution;
                if (Ipynb.KernelName(cell.Json) is { } kernelName && !IsCSharp(kernelName))
                {
                    var message = $"This cell is for the '{kernelName}' kernel; the runner hosts only the C# kernel.";
                    execution = new CellExecution([KernelSession.ErrorOutput("UnsupportedKernel", message, [message])], false, false, "UnsupportedKernel", message);
                }
                else
                {
                    execution = await session.ExecuteAsync(source, ++executionCount, _options.CellTimeout, cancellationToken).ConfigureAwait(false);
                    cell.Json["execution_count"] = executionCount;
                }

                cellClock.Stop();
                cell.Json["outputs"] = execution.Outputs;
                var status = execution.Succeeded ? CellStatus.Succeeded : execution.TimedOut ? CellStatus.TimedOut : CellStatus.Failed;
                cells.Add(new CellRunResult(cell.CellNumber, cell.CodeCellNumber, cell.IsInjected, status, cellClock.Elapsed));
                if (!execution.Succeeded)
                {
                    failure = new CellFailure(notebookPath, cell.CellNumber, cell.CodeCellNumber, execution.ErrorName ?? "Error", execution.ErrorMessage ?? "Cell failed.", execution.TimedOut);
                }

                progress?.Report(new NotebookProgress(notebookPath, cell.CellNumber, prepared.CellCount, cell.CodeCellNumber, prepared.CodeCellCount,
                    execution.Succeeded ? NotebookProgressStage.CellSucceeded : NotebookProgressStage.CellFailed, clock.Elapsed, cellClock.Elapsed));
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }

        var images = new Reports.ChartImageResult(0, 0, null);
        if (_options.ChartImages && !cancellationToken.IsCancellationRequested)
        {
            images = await Reports.ChartImages.AddAsync(prepared.Notebook, _options.ChromiumPath, _options.ChartImageTimeout, cancellationToken).ConfigureAwait(false);
        }

        string? written = outputPath;
        string? writeError = null;
        try
        {
            Ipynb.Save(prepared.Notebook, outputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            written = null;
            writeError = $"{outputPath}: cannot write the executed notebook: {e.Message}";
        }

        return new NotebookRunResult(notebookPath, written, failure is null && writeError is null, failure, writeError, cells, prepared.Parameters, clock.Elapsed)
        {
            ChartImageCount = images.Images,
            ChartImageNote = images.Note,
        };
    }

    private static bool IsCSharp(string kernelName) =>
        kernelName is "csharp" or "C#" or "c#" or ".net-csharp";
}
