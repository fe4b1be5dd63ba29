namespace ZoneGrowth.Notebooks.Reports;

/// <summary>What adding static chart images did.</summary>
/// <param name="Charts">Plotly chart outputs found.</param>
/// <param name="Images">Images added (an <c>image/svg+xml</c> beside the chart's <c>text/html</c>).</param>
/// <param name="Note">Why some or all charts got no image (no Chromium, rendering failed), or <c>null</c>.</param>
public sealed record ChartImageResult(int Charts, int Images, string? Note);
