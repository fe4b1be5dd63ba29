namespace ZoneGrowth.Publishing;

/// <summary>
/// The mime types of the outputs the workbook writes and reads, each written once: the display layer produces them,
/// the runner and its reports read them. The contract's own types (<see cref="PublicationContract.ResultMimeType"/>,
/// <see cref="PublicationContract.AnswerMimeType"/>, <see cref="PublicationContract.DataFileMimeType"/>) sit with it.
/// </summary>
public static class MimeTypes
{
    /// <summary>HTML, what notebooks and the reports show.</summary>
    public const string Html = "text/html";

    /// <summary>Plain text, for consoles, plain-text viewers and diffs.</summary>
    public const string PlainText = "text/plain";

    /// <summary>A chart as plotly's figure JSON, which front ends draw offline.</summary>
    public const string Plotly = "application/vnd.plotly.v1+json";

    /// <summary>A PNG picture (a chart's, for viewers that draw no plotly figure).</summary>
    public const string Png = "image/png";
}
