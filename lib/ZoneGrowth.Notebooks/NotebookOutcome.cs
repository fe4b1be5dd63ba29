using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks;

/// <summary>One notebook of a <see cref="NotebookPipeline"/> run.</summary>
/// <param name="Run">How it ran, and where its executed copy was written.</param>
/// <param name="Heading">Its title and question (<see cref="NotebookHeading"/>).</param>
/// <param name="Publications">The key figures, data files and answer it published (and outputs that broke the contract).</param>
/// <param name="ReportPath">Its HTML page, or <c>null</c> when none was written.</param>
/// <param name="ReportWarnings">What its page could not show as it should (e.g. plotly.js not found).</param>
public sealed record NotebookOutcome(NotebookRunResult Run, NotebookHeading Heading, NotebookPublications Publications, string? ReportPath, IReadOnlyList<string> ReportWarnings)
{
    /// <summary>Its PDF, or <c>null</c> when none was asked for or printed.</summary>
    public string? PdfPath { get; init; }

    /// <summary>The CSV of the previous vintage's data that the run gave its <see cref="NotebookParameters.PreviousDataFileName"/>
    /// parameter (<see cref="NotebookPipelineOptions.Compare"/>), or <c>null</c>.</summary>
    public string? PreviousDataFile { get; init; }

    /// <summary>What the run says about <see cref="PreviousDataFile"/>: the file given, or why none was (the parameter then keeps its
    /// default); <c>null</c> when the notebook does not declare the parameter, it was given with <c>--param</c>, or there was no comparison.</summary>
    public string? PreviousDataFileNote { get; init; }
}
