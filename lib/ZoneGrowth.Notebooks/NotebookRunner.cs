using System.Diagnostics;
using Microsoft.DotNet.Interactive.Formatting;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// Executes a .NET Interactive C# notebook (.ipynb) top to bottom with the C# kernel hosted in this process, filling
/// its outputs in memory, papermill style: the execution step of <see cref="NotebookPipeline"/>, the one way a
/// notebook runs (for the command line, the tests and the docs), which writes the executed notebook and the reports.
/// </summary>
/// <remarks>
/// <para>Steps: the notebook is read once (<see cref="NotebookSource"/>), its parameter values typed once
/// (<see cref="NotebookParameters.Bind"/>), the injected cell built from the typed values
/// (<see cref="PreparedNotebook"/>), then the kernel warms up (kernel start and restore of the notebook's NuGet
/// packages, limited by <see cref="NotebookRunnerOptions.WarmUpTimeout"/>) and the cells run one by one, each
/// limited by <see cref="NotebookRunnerOptions.CellTimeout"/>. Outputs are filled into the notebook in memory, which
/// is written once at the end.</para>
/// <para>Notebooks run one at a time per process (a process-wide lock): the kernel resolves relative paths against
/// the process's current directory, which is set to the notebook's folder while it runs (and restored after).
/// After a failed cell the remaining cells are not executed; the executed notebook is still written.</para>
/// <para>Each notebook starts as in a new kernel: no variable, type or using of another notebook, and the formatters
/// at their defaults. When a notebook declares exactly the packages of the one before it (its <c>#r "nuget:"</c> and
/// <c>#i</c> lines) and that one succeeded, the runner clears that kernel (<see cref="KernelSession.TryClear"/>)
/// instead of building a new one: the packages are already restored and referenced, which saves the kernel's start
/// and the restore (about 0.8 s a notebook, docs/benchmarks.md). Any other notebook gets a new kernel.</para>
/// <para>Console: while a kernel command runs, .NET Interactive replaces <see cref="Console.Out"/> and
/// <see cref="Console.Error"/> process-wide to capture the cells' output; writes from the host during that time
/// are discarded. A host that prints progress must write to a writer taken before the run, e.g.
/// <c>var log = Console.Error;</c> then <c>log.WriteLine(...)</c> in the progress callback.</para>
/// <para>Timeouts: a timed-out cell is cancelled and the run goes on to report, but C# code that never awaits a
/// cancellable operation (<c>while (true) { }</c>, <c>Thread.Sleep</c>) cannot be stopped in-process: it keeps its
/// thread (and, for a busy loop, a CPU core) until it ends or the process exits. A command-line host should exit
/// once the results are reported.</para>
/// </remarks>
internal sealed class NotebookRunner
{
    private static readonly SemaphoreSlim ProcessGate = new(1, 1);

    // The kernel of the last notebook that succeeded, and the packages it declared; cleared for the next notebook
    // that declares the same ones, disposed otherwise (or by ReleaseKernel at the end of the run).
    private KernelSession? _kept;
    private IReadOnlyList<string> _keptPackages = [];

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Settings; <c>null</c> for defaults (300 s per cell, 600 s for the warm-up).</param>
    public NotebookRunner(NotebookRunnerOptions? options = null)
    {
        Options = options ?? new NotebookRunnerOptions();
        foreach (var (name, limit) in new[] { (nameof(Options.CellTimeout), Options.CellTimeout), (nameof(Options.WarmUpTimeout), Options.WarmUpTimeout) })
        {
            if (limit <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), NotebookMessages.LimitNotPositive(name, limit));
            }
        }
    }

    /// <summary>The settings in force.</summary>
    public NotebookRunnerOptions Options { get; }

    /// <summary>Writes the executed notebook once; a failure to write makes the run fail with the reason.</summary>
    internal static NotebookRunResult Write(PreparedNotebook prepared, string outputPath, NotebookRunResult result)
    {
        try
        {
            Ipynb.Save(prepared.Notebook, outputPath);
            return result with { OutputPath = outputPath };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result with { OutputPath = null, Succeeded = false, SetupError = result.SetupError ?? NotebookMessages.CannotWrite(outputPath, e.Message) };
        }
    }

    /// <summary>A notebook that could not start: nothing ran, nothing is written.</summary>
    internal static NotebookRunResult NotRun(string notebookPath, string error, Stopwatch clock, IReadOnlyList<NotebookParameterValue>? parameters = null) =>
        new(notebookPath, null, false, null, error, [], parameters ?? [], clock.Elapsed);

    internal static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>Warms the kernel up, then runs the prepared notebook's cells, filling their outputs in place.</summary>
    /// <param name="prepared">The notebook to run (its JSON receives the outputs).</param>
    /// <param name="progress">Receives the warm-up and cell reports; may be <c>null</c>.</param>
    /// <param name="clock">Started when the notebook started (for <see cref="NotebookProgress.Elapsed"/>).</param>
    /// <param name="cancellationToken">Cancels the current step and stops the notebook.</param>
    /// <returns>The outcome, not written yet (<see cref="NotebookRunResult.OutputPath"/> is <c>null</c>).</returns>
    internal async Task<NotebookRunResult> ExecuteAsync(PreparedNotebook prepared, IProgress<NotebookProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var notebookPath = prepared.Source.Path;
        try
        {
            await ProcessGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return NotRun(notebookPath, NotebookMessages.CancelledBeforeStart(notebookPath), clock, prepared.Parameters);
        }

        var previousDirectory = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(notebookPath)!);
            var warmUpClock = Stopwatch.StartNew();
            // Formatters are process-wide: start each notebook from the defaults (package extensions register again).
            Formatter.ResetToDefault();
            var (session, cleared) = TakeKernel(prepared.PackageDirectives);
            progress?.Report(Step(prepared, NotebookProgressStage.WarmUpStarting, clock, null) with { PackageCount = prepared.PackageCount, KernelCleared = cleared });
            var succeeded = false;
            try
            {
                var warmUpError = await WarmUpAsync(session, prepared, cancellationToken).ConfigureAwait(false);
                var warmUp = warmUpClock.Elapsed;
                progress?.Report(Step(prepared, warmUpError is null ? NotebookProgressStage.WarmUpSucceeded : NotebookProgressStage.WarmUpFailed, clock, warmUp) with { PackageCount = prepared.PackageCount, KernelCleared = cleared });
                var (cells, failure) = await RunCellsAsync(session, prepared, warmUpError is not null, progress, clock, cancellationToken).ConfigureAwait(false);
                succeeded = failure is null && warmUpError is null;
                return new NotebookRunResult(notebookPath, null, succeeded, failure, warmUpError, cells, prepared.Parameters, clock.Elapsed)
                {
                    WarmUp = warmUp,
                    KernelCleared = cleared,
                };
            }
            finally
            {
                // Only the kernel of a notebook that ran to its end is kept: after a failure, a timed-out cell may
                // still hold it.
                if (succeeded)
                {
                    _kept = session;
                    _keptPackages = prepared.PackageDirectives;
                }
                else
                {
                    session.Dispose();
                }
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            ProcessGate.Release();
        }
    }

    /// <summary>Disposes the kernel kept for a next notebook: called when the run has no more notebooks.</summary>
    internal void ReleaseKernel()
    {
        _kept?.Dispose();
        _kept = null;
        _keptPackages = [];
    }

    /// <summary>The kept kernel, cleared, when it declared the same packages; else a new kernel.</summary>
    private (KernelSession Session, bool Cleared) TakeKernel(IReadOnlyList<string> packages)
    {
        var kept = _kept;
        var same = _keptPackages.SequenceEqual(packages, StringComparer.Ordinal);
        _kept = null;
        _keptPackages = [];
        if (kept is not null && same && Options.ReuseKernels && kept.TryClear())
        {
            return (kept, true);
        }

        kept?.Dispose();
        return (new KernelSession(), false);
    }

    /// <summary>
    /// The warm-up step (after the kernel was created): a first compilation and the restore of every NuGet package
    /// the notebook names, under its own limit, so that the first cell's timeout measures the cell only.
    /// </summary>
    /// <returns>Why the warm-up failed (then no cell runs), or <c>null</c>.</returns>
    private async Task<string?> WarmUpAsync(KernelSession session, PreparedNotebook prepared, CancellationToken cancellationToken)
    {
        var path = prepared.Source.Path;
        var execution = await session.ExecuteAsync(prepared.WarmUpCode(Options.WarmUpExtraCode), 0, Options.WarmUpTimeout, cancellationToken).ConfigureAwait(false);
        return execution.Succeeded ? null
            : cancellationToken.IsCancellationRequested ? NotebookMessages.WarmUpCancelled(path)
            : execution.TimedOut ? NotebookMessages.WarmUpTimedOut(path, Options.WarmUpTimeout, prepared.PackageCount)
            : NotebookMessages.WarmUpFailed(path, prepared.PackageCount, execution.ErrorMessage ?? execution.ErrorName ?? "unknown error");
    }

    private async Task<(List<CellRunResult> Cells, CellFailure? Failure)> RunCellsAsync(
        KernelSession session, PreparedNotebook prepared, bool skipAll, IProgress<NotebookProgress>? progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var cells = new List<CellRunResult>();
        CellFailure? failure = null;
        var executionCount = 0;
        foreach (var cell in prepared.CodeCells)
        {
            if (skipAll || failure is not null || cancellationToken.IsCancellationRequested)
            {
                cells.Add(new CellRunResult(cell.CellNumber, cell.CodeCellNumber, cell.IsInjected, CellStatus.NotExecuted, TimeSpan.Zero));
                continue;
            }

            var source = Ipynb.Text(cell.Json["source"]);
            if (string.IsNullOrWhiteSpace(source))
            {
                cells.Add(new CellRunResult(cell.CellNumber, cell.CodeCellNumber, cell.IsInjected, CellStatus.Succeeded, TimeSpan.Zero));
                continue;
            }

            progress?.Report(Step(prepared, NotebookProgressStage.CellStarting, clock, null, cell));
            var cellClock = Stopwatch.StartNew();
            CellExecution execution;
            if (Ipynb.KernelName(cell.Json) is { } kernelName && !IsCSharp(kernelName))
            {
                var message = NotebookMessages.UnsupportedKernel(kernelName);
                execution = new CellExecution([KernelSession.ErrorOutput("UnsupportedKernel", message, [message])], false, false, "UnsupportedKernel", message);
            }
            else
            {
                execution = await session.ExecuteAsync(source, ++executionCount, Options.CellTimeout, cancellationToken).ConfigureAwait(false);
                cell.Json["execution_count"] = executionCount;
            }

            cellClock.Stop();
            cell.Json["outputs"] = execution.Outputs;
            var status = execution.Succeeded ? CellStatus.Succeeded : execution.TimedOut ? CellStatus.TimedOut : CellStatus.Failed;
            cells.Add(new CellRunResult(cell.CellNumber, cell.CodeCellNumber, cell.IsInjected, status, cellClock.Elapsed));
            if (!execution.Succeeded)
            {
                failure = new CellFailure(prepared.Source.Path, cell.CellNumber, cell.CodeCellNumber, execution.ErrorName ?? "Error", execution.ErrorMessage ?? "Cell failed.", execution.TimedOut);
            }

            progress?.Report(Step(prepared, execution.Succeeded ? NotebookProgressStage.CellSucceeded : NotebookProgressStage.CellFailed, clock, cellClock.Elapsed, cell));
        }

        return (cells, failure);
    }

    private static NotebookProgress Step(PreparedNotebook prepared, NotebookProgressStage stage, Stopwatch clock, TimeSpan? stepElapsed, CodeCell? cell = null) =>
        new(prepared.Source.Path, cell?.CellNumber ?? 0, prepared.CellCount, cell?.CodeCellNumber, prepared.CodeCellCount, stage, clock.Elapsed, stepElapsed);

    internal static bool IsCSharp(string kernelName) =>
        kernelName is "csharp" or "C#" or "c#" or ".net-csharp";
}
