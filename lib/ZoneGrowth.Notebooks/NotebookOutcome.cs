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
}
