namespace ZoneGrowth.Notebooks.Reports;

/// <summary>Settings for <see cref="NotebookHtmlReport"/>.</summary>
public sealed record NotebookHtmlReportOptions
{
    /// <summary>
    /// Whether raw HTML written in the notebook's own markdown cells is kept as HTML (default <c>true</c>, as
    /// Jupyter, nbconvert and Quarto do: the notebook is the author's, and it runs code anyway). When <c>false</c>
    /// it is shown as text. Outputs shown as text (streams, text/plain, errors) are always escaped.
    /// </summary>
    public bool AllowHtmlInMarkdown { get; init; } = true;

    /// <summary>
    /// A plotly.js file to embed instead of looking for the one shipped in the Plotly.NET package; <c>null</c> to
    /// look (see <see cref="PlotlyScript.Find"/>).
    /// </summary>
    public string? PlotlyScriptPath { get; init; }
}
