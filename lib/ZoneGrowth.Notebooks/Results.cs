namespace ZoneGrowth.Notebooks;

/// <summary>Settings for <see cref="NotebookRunner"/>.</summary>
public sealed record NotebookRunnerOptions
{
    /// <summary>Default for <see cref="CellTimeout"/>: 300 seconds.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(300);

    /// <summary>Longest a single cell may run before it is cancelled and reported as failed.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>Default for <see cref="ChartImageTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultChartImageTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether to add a static SVG (<c>image/svg+xml</c>) beside every Plotly.NET.Interactive chart's
    /// <c>text/html</c> in the executed notebook, rendered by headless Chromium (one launch per notebook).
    /// Default <c>true</c>; without Chromium the notebook is written without images and
    /// <see cref="NotebookRunResult.ChartImageNote"/> says why.
    /// </summary>
    public bool ChartImages { get; init; } = true;

    /// <summary>The Chromium executable for chart images; <c>null</c> for <c>/usr/bin/chromium</c>, else <c>chromium</c> on PATH.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Longest Chromium may take to render one notebook's charts before it is killed (the images are then skipped).</summary>
    public TimeSpan ChartImageTimeout { get; init; } = DefaultChartImageTimeout;
}

/// <summary>One notebook to run.</summary>
/// <param name="NotebookPath">The .ipynb to execute (never modified).</param>
/// <param name="OutputPath">Where to write the executed notebook; <c>null</c> for <c>&lt;name&gt;.executed.ipynb</c> next to the notebook.</param>
/// <param name="Parameters">Values for variables of the cell tagged <c>parameters</c>, as text (invariant culture).</param>
public sealed record NotebookRunRequest(
    string NotebookPath,
    string? OutputPath = null,
    IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>Where a run stands; reported before and after each cell.</summary>
/// <param name="NotebookPath">Full path of the notebook being run.</param>
/// <param name="CellNumber">1-based number of the cell among all cells of the notebook as read.</param>
/// <param name="CellCount">Number of cells of the notebook as read.</param>
/// <param name="CodeCellNumber">1-based number among code cells, or <c>null</c> for the injected parameters cell.</param>
/// <param name="CodeCellCount">Number of code cells of the notebook as read.</param>
/// <param name="Stage">Whether the cell is starting or has finished.</param>
/// <param name="Elapsed">Time since the notebook started.</param>
/// <param name="CellElapsed">Duration of the cell when <paramref name="Stage"/> is not <see cref="NotebookProgressStage.CellStarting"/>.</param>
public sealed record NotebookProgress(
    string NotebookPath,
    int CellNumber,
    int CellCount,
    int? CodeCellNumber,
    int CodeCellCount,
    NotebookProgressStage Stage,
    TimeSpan Elapsed,
    TimeSpan? CellElapsed);

/// <summary>Stage of a <see cref="NotebookProgress"/> report.</summary>
public enum NotebookProgressStage
{
    /// <summary>The cell is about to run.</summary>
    CellStarting,
    /// <summary>The cell ran without error.</summary>
    CellSucceeded,
    /// <summary>The cell failed (error, timeout or cancellation); the remaining cells will not run.</summary>
    CellFailed,
}

/// <summary>Outcome of one code cell.</summary>
/// <param name="CellNumber">1-based number among all cells of the notebook as read (the injected cell has the number of the parameters cell it follows).</param>
/// <param name="CodeCellNumber">1-based number among code cells, or <c>null</c> for the injected parameters cell.</param>
/// <param name="IsInjectedParameters"><c>true</c> for the generated <c>injected-parameters</c> cell.</param>
/// <param name="Status">What happened.</param>
/// <param name="Duration">Wall-clock time of the cell (zero when not executed).</param>
public sealed record CellRunResult(int CellNumber, int? CodeCellNumber, bool IsInjectedParameters, CellStatus Status, TimeSpan Duration);

/// <summary>What happened to a code cell.</summary>
public enum CellStatus
{
    /// <summary>Ran without error.</summary>
    Succeeded,
    /// <summary>Raised a compilation or runtime error.</summary>
    Failed,
    /// <summary>Ran longer than the cell timeout and was cancelled.</summary>
    TimedOut,
    /// <summary>Not executed because an earlier cell failed or the run was cancelled.</summary>
    NotExecuted,
}

/// <summary>The cell that stopped a notebook, and why.</summary>
/// <param name="NotebookPath">Full path of the notebook.</param>
/// <param name="CellNumber">1-based number among all cells of the notebook as read.</param>
/// <param name="CodeCellNumber">1-based number among code cells, or <c>null</c> for the injected parameters cell.</param>
/// <param name="ErrorName">Exception type name, <c>CompilationError</c>, <c>CellTimeout</c> or <c>RunCancelled</c>.</param>
/// <param name="Message">Error text (compiler diagnostics or exception message).</param>
/// <param name="TimedOut"><c>true</c> when the cell exceeded the cell timeout (its code may still be running in
/// this process if it never awaits anything cancellable; see <see cref="NotebookRunner"/>).</param>
public sealed record CellFailure(string NotebookPath, int CellNumber, int? CodeCellNumber, string ErrorName, string Message, bool TimedOut)
{
    /// <summary>One line for logs, e.g. <c>nb.ipynb: cell 4 (code cell 3) failed: CompilationError: ...</c>.</summary>
    public override string ToString() =>
        $"{NotebookPath}: cell {CellNumber}{(CodeCellNumber is { } c ? $" (code cell {c})" : " (injected parameters)")} failed: {ErrorName}: {Message}";
}

/// <summary>Outcome of one notebook.</summary>
/// <param name="NotebookPath">Full path of the notebook run.</param>
/// <param name="OutputPath">Full path of the executed notebook written (also written when a cell failed), or <c>null</c> if none could be written.</param>
/// <param name="Succeeded"><c>true</c> when every code cell ran without error.</param>
/// <param name="Failure">The cell that stopped the run, if any.</param>
/// <param name="SetupError">An error before any cell ran (unreadable notebook, bad parameters), if any.</param>
/// <param name="Cells">Every code cell in order, the injected parameters cell included.</param>
/// <param name="Parameters">Parameters of the notebook with the values used (empty without a parameters cell).</param>
/// <param name="Elapsed">Wall-clock time of the whole notebook.</param>
public sealed record NotebookRunResult(
    string NotebookPath,
    string? OutputPath,
    bool Succeeded,
    CellFailure? Failure,
    string? SetupError,
    IReadOnlyList<CellRunResult> Cells,
    IReadOnlyList<NotebookParameterValue> Parameters,
    TimeSpan Elapsed)
{
    /// <summary>Plotly chart outputs that received a static image (see <see cref="NotebookRunnerOptions.ChartImages"/>).</summary>
    public int ChartImageCount { get; init; }

    /// <summary>
    /// Why some or all charts received no image (no Chromium, rendering failed), or <c>null</c> when every chart got
    /// one, there was no chart, or images were turned off.
    /// </summary>
    public string? ChartImageNote { get; init; }
}

/// <summary>Outcome of several notebooks run one after another.</summary>
/// <param name="Notebooks">One result per requested notebook, in order.</param>
/// <param name="Elapsed">Wall-clock time of the whole run.</param>
public sealed record NotebookBatchResult(IReadOnlyList<NotebookRunResult> Notebooks, TimeSpan Elapsed)
{
    /// <summary><c>true</c> when every notebook succeeded.</summary>
    public bool Succeeded => Notebooks.All(n => n.Succeeded);
}
