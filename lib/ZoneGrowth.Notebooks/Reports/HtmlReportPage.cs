namespace ZoneGrowth.Notebooks.Reports;

/// <summary>A rendered report page.</summary>
/// <param name="Html">The self-contained page.</param>
/// <param name="ChartCount">Plotly charts drawn from the embedded plotly.js.</param>
/// <param name="PlotlyVersion">Version of the plotly.js embedded, or <c>null</c> when none was needed or found.</param>
/// <param name="Warnings">What could not be shown as it should (e.g. plotly.js not found), also written in the page.</param>
public sealed record HtmlReportPage(string Html, int ChartCount, string? PlotlyVersion, IReadOnlyList<string> Warnings);
