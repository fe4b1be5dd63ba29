using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks;

/// <summary>Settings for <see cref="NotebookPipeline"/>.</summary>
/// <param name="OutputFolder">Where the executed notebooks, their HTML pages, <c>index.html</c> and <c>results.json</c> go; a relative path is read by the workbook's rule (<see cref="WorkbookPaths.Resolve"/>).</param>
public sealed record NotebookPipelineOptions(string OutputFolder)
{
    /// <summary>Timeouts and chart images (rendered once for all notebooks, in the run's one browser, when
    /// <see cref="NotebookRunnerOptions.ChartImages"/> is on).</summary>
    public NotebookRunnerOptions Runner { get; init; } = new();

    /// <summary>
    /// The repository the notebooks belong to, or <c>null</c>: its git state goes into the reports and
    /// <c>results.json</c>, and notebook paths inside it are written relative to it (stable across machines).
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Whether to print each notebook's HTML page to a PDF beside it (<see cref="ReportPdfs"/>: headless
    /// Chromium, <see cref="NotebookRunnerOptions.ChromiumPath"/>, the run's one browser).</summary>
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
