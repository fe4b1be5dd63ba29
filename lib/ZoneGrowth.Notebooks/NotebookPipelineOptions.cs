using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks;

/// <summary>Settings for <see cref="NotebookPipeline"/>.</summary>
/// <param name="OutputFolder">Where the executed notebooks, their HTML pages, <c>index.html</c> and <c>results.json</c> go; a relative path is read by the workbook's rule (<see cref="WorkbookPaths.Resolve"/>).</param>
public sealed record NotebookPipelineOptions(string OutputFolder)
{
    /// <summary>Default for <see cref="ChartImageTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultChartImageTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The runner's settings: how long each notebook's warm-up and each cell may take.</summary>
    public NotebookRunnerOptions Runner { get; init; } = new();

    /// <summary>
    /// Whether to add a static image beside every Plotly chart of the executed notebooks (drawn in the run's one
    /// headless Chromium as each notebook finishes). Default <c>true</c>; without Chromium the notebooks are written
    /// without images and <see cref="NotebookPipelineResult.ChartImages"/> says why.
    /// </summary>
    public bool ChartImages { get; init; } = true;

    /// <summary>The Chromium executable for chart images and PDFs; <c>null</c> for <c>/usr/bin/chromium</c>, else <c>chromium</c> on PATH.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Longest Chromium may take to render the charts before it is killed (the images are then skipped).</summary>
    public TimeSpan ChartImageTimeout { get; init; } = DefaultChartImageTimeout;

    /// <summary>
    /// The repository the notebooks belong to, or <c>null</c>: its git state goes into the reports and
    /// <c>results.json</c>, and notebook paths inside it are written relative to it (stable across machines).
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Whether to print each notebook's HTML page to a PDF beside it (<see cref="ReportPdfs"/>: headless
    /// Chromium, <see cref="ChromiumPath"/>, the run's one browser).</summary>
    public bool Pdf { get; init; }

    /// <summary>
    /// An earlier <c>results.json</c> to compare with, or <c>null</c>: the comparison
    /// (<see cref="ResultsComparison"/>) goes into the new <c>results.json</c> and <c>index.html</c>, and each notebook that
    /// declares <see cref="NotebookParameters.PreviousDataFileName"/> without a value passed in gets the earlier vintage's
    /// rows of its data (<see cref="NotebookOutcome.PreviousDataFile"/>).
    /// </summary>
    public PreviousResults? Compare { get; init; }

    /// <summary>The relative tolerance of the comparison (<see cref="ResultsComparison.DefaultTolerance"/> by default).</summary>
    public double CompareTolerance { get; init; } = ResultsComparison.DefaultTolerance;
}
