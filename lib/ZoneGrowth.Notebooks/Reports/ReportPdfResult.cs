namespace ZoneGrowth.Notebooks.Reports;

/// <summary>What printing the report pages to PDF did.</summary>
/// <param name="Written">The PDFs written, one per page that printed.</param>
/// <param name="Note">Why some or all pages got no PDF (no Chromium, printing failed), or <c>null</c>.</param>
public sealed record ReportPdfResult(IReadOnlyList<string> Written, string? Note);
