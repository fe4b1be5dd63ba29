namespace ZoneGrowth.Notebooks;

/// <summary>Settings for <see cref="NotebookRunner"/> and <see cref="NotebookPipeline"/>.</summary>
public sealed record NotebookRunnerOptions
{
    /// <summary>Default for <see cref="CellTimeout"/>: 300 seconds.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(300);

    /// <summary>Default for <see cref="WarmUpTimeout"/>: 600 seconds (a cold package restore downloads hundreds of MB).</summary>
    public static readonly TimeSpan DefaultWarmUpTimeout = TimeSpan.FromSeconds(600);

    /// <summary>Default for <see cref="ChartImageTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultChartImageTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Longest a single cell may run before it is cancelled and reported as failed. Only the cell's own
    /// code counts: kernel start and package restore are the warm-up (<see cref="WarmUpTimeout"/>).</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>
    /// Longest the warm-up may take: starting the kernel, compiling a first (empty) submission and restoring every
    /// package the notebook's <c>#r "nuget:..."</c> lines name, before the first cell runs. Past it the notebook
    /// fails without running a cell.
    /// </summary>
    public TimeSpan WarmUpTimeout { get; init; } = DefaultWarmUpTimeout;

    /// <summary>
    /// Whether <see cref="NotebookPipeline"/> adds a static image beside every Plotly chart of the executed notebooks
    /// (drawn in the run's one headless Chromium as each notebook finishes). Default <c>true</c>; without Chromium the notebooks
    /// are written without images and <see cref="NotebookPipelineResult.ChartImages"/> says why.
    /// </summary>
    public bool ChartImages { get; init; } = true;

    /// <summary>The Chromium executable for chart images; <c>null</c> for <c>/usr/bin/chromium</c>, else <c>chromium</c> on PATH.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Longest Chromium may take to render the charts before it is killed (the images are then skipped).</summary>
    public TimeSpan ChartImageTimeout { get; init; } = DefaultChartImageTimeout;

    /// <summary>C# run at the end of the warm-up submission; tests put a deliberate sleep there to stand for a slow
    /// package restore.</summary>
    internal string WarmUpExtraCode { get; init; } = "";
}
