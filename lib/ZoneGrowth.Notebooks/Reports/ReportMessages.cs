using System.Globalization;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>Every message text of the reports area, in one place.</summary>
internal static class ReportMessages
{
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string NotANotebook(string path) => F($"{path}: not a Jupyter notebook (no 'cells' array).");

    public static string PublicationNotAnObject(int cell, string mimeType) =>
        F($"cell {cell}: the {mimeType} output is not a JSON object.");

    public static string PublicationField(int cell, string mimeType, string field, string expected) =>
        F($"cell {cell}: the {mimeType} output has no valid '{field}' ({expected}).");

    public static string DuplicateResult(int cell, string name) =>
        F($"cell {cell}: result '{name}' was published more than once; the last value is kept.");

    public static string PlotlyScriptMissing =>
        "The charts of this page cannot be drawn: plotly.js was not found (it comes with the Plotly.NET package: build the workbook, `dotnet build ZoneGrowth.slnx`, so the package is restored).";

    public static string PlotlyFigureInvalid =>
        "A chart output of type application/vnd.plotly.v1+json holds no figure (no 'data' array of traces), so it is not shown: display the chart again with the workbook's formatter (Workbook.Setup()).";

    public static string PlotlyFromCdn =>
        "A chart here was displayed by Plotly.NET.Interactive's own formatter, whose output loads plotly.js from the internet, so it is not shown: call Workbook.Setup() in the notebook's setup cell, which makes charts display as plotly's JSON (drawn offline, with a picture for static viewers).";

    public static string ResultsFileInvalid(string path, string detail) =>
        F($"{path}: not a results file of this workbook: {detail}");

    public static string ToleranceInvalid(double tolerance) =>
        F($"The tolerance must be a finite number >= 0 (got {tolerance}).");

    private const string InteractiveOnly = "charts stay interactive-only in the executed notebooks";

    public static string ChartImagesNoChromium(string? configured) => configured is null
        ? F($"chart images skipped: chromium not found ({ChartImages.DefaultChromium} or chromium on PATH; apt-get install chromium); {InteractiveOnly}")
        : F($"chart images skipped: chromium not found at {configured}; {InteractiveOnly}");

    public static string ChartImagesFailed(string reason) => F($"chart images skipped: {reason}; {InteractiveOnly}");

    public static string ChartImagesPartial(int missing, int charts, string reason) =>
        F($"chart images: {missing} of {charts} charts got no image ({reason}); those stay interactive-only");

    public static string ChartImagesUnfinished => "chromium printed the page before the chart finished rendering";

    public static string ChartImagesCancelled => "the run was cancelled";

    public static string PlotlyScriptNotFound =>
        "plotly.js was not found (it comes with the Plotly.NET package: `dotnet build ZoneGrowth.slnx` restores it)";

    public static string ChromiumDidNotStart(string browser, string detail) => F($"{browser} could not be started: {detail}");

    public static string ChromiumTimedOut(TimeSpan timeout) => F($"chromium did not finish within {timeout.TotalSeconds:0.#} s and was stopped");

    public static string ChromiumFailed(int exitCode, string lastLine) =>
        F($"chromium exited with code {exitCode}{(lastLine.Length > 0 ? ": " + lastLine : "")}");

    public static string ChartImagesUnreadable(string path, string detail) => F($"{path} could not be read: {detail}");

    public static string ChartImagesUnwritable(string path, string detail) => F($"{path} could not be rewritten with its images: {detail}");

    public static string PdfNoChromium(string? configured) => configured is null
        ? F($"PDFs skipped: chromium not found ({ChartImages.DefaultChromium} or chromium on PATH; apt-get install chromium, or give --chromium PATH)")
        : F($"PDFs skipped: chromium not found at {configured}");

    public static string PdfFailed(string page, string reason) => F($"PDF of {page} not written: {reason}");

    public static string PdfNotWritten(string pdf) => F($"chromium finished but {pdf} is missing or is not a PDF");
}
