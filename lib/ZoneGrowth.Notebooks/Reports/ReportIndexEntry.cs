namespace ZoneGrowth.Notebooks.Reports;

/// <summary>One notebook on the index page.</summary>
/// <param name="FileName">The notebook's file name.</param>
/// <param name="Heading">Its title and question.</param>
/// <param name="ReportHref">Relative link to its HTML page, or <c>null</c> when none was written.</param>
/// <param name="NotebookHref">Relative link to the executed .ipynb, or <c>null</c> when none was written.</param>
/// <param name="PdfHref">Relative link to its PDF, or <c>null</c> when none was printed.</param>
/// <param name="Succeeded"><c>true</c> when every cell ran.</param>
/// <param name="Failure">Cell and error that stopped it, or <c>null</c>.</param>
/// <param name="Duration">How long it ran.</param>
public sealed record ReportIndexEntry(string FileName, NotebookHeading Heading, string? ReportHref, string? NotebookHref, string? PdfHref, bool Succeeded, string? Failure, TimeSpan Duration);
