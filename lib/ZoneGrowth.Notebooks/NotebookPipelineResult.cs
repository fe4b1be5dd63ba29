using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks;

/// <summary>What a <see cref="NotebookPipeline"/> run did and wrote.</summary>
/// <param name="Notebooks">One outcome per notebook of the plan, in run order.</param>
/// <param name="ChartImages">Charts found and images added across all notebooks (one call to the run's browser), or <c>null</c>
/// when images were turned off or no notebook ran.</param>
/// <param name="ChartImagesElapsed">How long the run waited for the chart pictures once the last notebook had run (the earlier notebooks' are drawn while the next ones run).</param>
/// <param name="Results">What <c>results.json</c> holds.</param>
/// <param name="ResultsPath">Full path of <c>results.json</c>.</param>
/// <param name="IndexPath">Full path of <c>index.html</c>.</param>
/// <param name="Elapsed">Wall-clock time of the whole run.</param>
/// <param name="Pdfs">The PDFs printed and why some page got none, or <c>null</c> when PDFs were not asked for.</param>
/// <param name="PdfsElapsed">How long printing took.</param>
public sealed record NotebookPipelineResult(
    IReadOnlyList<NotebookOutcome> Notebooks,
    ChartImageResult? ChartImages,
    TimeSpan ChartImagesElapsed,
    ResultsFile Results,
    string ResultsPath,
    string IndexPath,
    TimeSpan Elapsed,
    ReportPdfResult? Pdfs = null,
    TimeSpan PdfsElapsed = default)
{
    /// <summary>Number of notebooks that failed (a cell, the warm-up, reading or writing).</summary>
    public int Failed => Notebooks.Count(n => !n.Run.Succeeded);

    /// <summary>The files an earlier run wrote into the output folder that this run removed, or kept because they changed since.</summary>
    public OutputFolderCleanup Cleanup { get; init; } = OutputFolderCleanup.None;
}
