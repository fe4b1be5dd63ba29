namespace ZoneGrowth.Notebooks.Reports;

/// <summary>One notebook on the index page.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="ReportHref">Relative link to its HTML page, or <c>null</c> when none was written.</param>
/// <param name="NotebookHref">Relative link to the executed .ipynb, or <c>null</c> when none was written.</param>
/// <param name="Succeeded"><c>true</c> when every cell ran.</param>
/// <param name="Failure">Cell and error that stopped it, or <c>null</c>.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="KeyFigures">Number of key figures it published.</param>
public sealed record ReportIndexEntry(string Name, string? ReportHref, string? NotebookHref, bool Succeeded, string? Failure, TimeSpan Duration, int KeyFigures);
