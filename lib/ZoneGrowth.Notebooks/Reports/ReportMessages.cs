using System.Globalization;
using static System.FormattableString;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>Every message text of the reports area, in one place.</summary>
internal static class ReportMessages
{

    private const string PublishAdvice = "Publish with ZoneGrowth.Display's Results.Publish or Results.PublishDataFile, which write the contract (ZoneGrowth.Publishing.PublicationContract).";

    public static string PublicationNotAnObject(int cell, string mimeType) =>
        Invariant($"cell {cell}: the {mimeType} output is not a JSON object, so it is not collected. {PublishAdvice}");

    public static string PublicationField(int cell, string mimeType, string field, string expected) =>
        Invariant($"cell {cell}: the {mimeType} output has no valid '{field}' ({expected}), so it is not collected. {PublishAdvice}");

    public static string DuplicateResult(int cell, string name) =>
        Invariant($"cell {cell}: result '{name}' was published more than once; the last value is kept. A name identifies one figure of the notebook: give the others their own names.");

    public static string SetupFolded(int codeCells) =>
        Invariant($"Parameters and setup ({codeCells} code {(codeCells == 1 ? "cell" : "cells")}; the values used are in the provenance)");

    public const string SourceListIntro = "The addresses of the sources the tables above give by site, numbered as in the tables.";

    public static string SecondAnswer(int cell) =>
        Invariant($"cell {cell}: a second answer was published; the last is kept. A notebook answers one question: publish one answer.");

    public static string FigureAdded(string key, string figure) => Invariant($"added   {key} = {figure}");

    public static string FigureRemoved(string key, string figure) => Invariant($"removed {key} (was {figure})");

    public static string FigureMoved(string key, IEnumerable<string> moves) => Invariant($"moved   {key}: {string.Join("; ", moves)}");

    public static string FigureEndMoved(string what, string then, string now, string? relative) =>
        Invariant($"{what} {then} -> {now}{(relative is null ? "" : $" ({relative})")}");

    public static string DataFileAdded(string path, string sha256, int rows) => Invariant($"data file added   {path} (sha256 {sha256}, {rows} rows)");

    public static string DataFileChanged(ZoneGrowth.Data.DataFileInfo then, ZoneGrowth.Data.DataFileInfo now, string? rows)
    {
        var name = then.Path == now.Path ? now.Path : Invariant($"{now.Path} (was {then.Path})");
        return rows is { Length: > 0 }
            ? Invariant($"data file changed {name}: {rows}")
            : rows is null
                ? Invariant($"data file changed {name}: sha256 {Hash(then.Sha256)} → {Hash(now.Sha256)}, rows {then.Rows} → {now.Rows} (the earlier results.json kept no rows to compare)")
                : Invariant($"data file changed {name}: the same rows, written differently (sha256 {Hash(then.Sha256)} → {Hash(now.Sha256)})");
    }

    private static string Hash(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    public static string NotebookNotRun(string path, int figures) =>
        Invariant($"not run  {path}: not part of this run, so its {figures} key {(figures == 1 ? "figure was" : "figures were")} not compared");

    public static string DataFileRemoved(string path, string sha256) => Invariant($"data file removed {path} (was sha256 {sha256})");

    public const string NothingChangedForReaders = "No key figure changed, none was added or removed, and no data file changed.";

    public static string NothingMoved(double tolerance) =>
        Invariant($"No key figure moved beyond the relative tolerance {tolerance.ToString("R", CultureInfo.InvariantCulture)}, none was added or removed, and no data file changed.");

    public static string PlotlyScriptMissing =>
        "The charts of this page cannot be drawn: plotly.js was not found (it comes with the Plotly.NET package: build the workbook, `dotnet build ZoneGrowth.slnx`, so the package is restored).";

    public static string PlotlyFigureInvalid =>
        "A chart output of type application/vnd.plotly.v1+json holds no figure (no 'data' array of traces), so it is not shown: display the chart again with the workbook's formatter (Workbook.Setup()).";

    public static string PlotlyFromCdn =>
        "A chart here was displayed by Plotly.NET.Interactive's own formatter, whose output loads plotly.js from the internet, so it is not shown: call Workbook.Setup() in the notebook's setup cell, which makes charts display as plotly's JSON (drawn offline, with a picture for static viewers).";

    public static string ResultsFileInvalid(string path, string detail) =>
        Invariant($"{path}: not a results file of this workbook: {detail}");

    public static string ToleranceInvalid(double tolerance) =>
        Invariant($"The tolerance must be a finite number >= 0 (got {tolerance}).");

    private const string InteractiveOnly = "charts stay interactive-only in the executed notebooks";

    public static string ChartImagesNoChromium(string? configured) => configured is null
        ? Invariant($"chart images skipped: chromium not found ({HeadlessChromium.DefaultPath} or chromium on PATH; apt-get install chromium); {InteractiveOnly}")
        : Invariant($"chart images skipped: chromium not found at {configured}; {InteractiveOnly}");

    public static string ChartImagesFailed(string reason) => Invariant($"chart images skipped: {reason}; {InteractiveOnly}");

    public static string ChartImagesPartial(int missing, int charts, string reason) =>
        Invariant($"chart images: {missing} of {charts} charts got no image ({reason}); those stay interactive-only");

    public static string ChartImagesUnfinished => "the browser returned no picture for it";

    public static string ChartImagesCancelled => "the run was cancelled";

    public static string PlotlyScriptNotFound =>
        "plotly.js was not found (it comes with the Plotly.NET package: `dotnet build ZoneGrowth.slnx` restores it)";

    public static string ChromiumDidNotStart(string browser, string detail) => Invariant($"{browser} could not be started: {detail}");

    public static string ChromiumTimedOut(TimeSpan timeout) => Invariant($"chromium did not finish within {timeout.TotalSeconds:0.#} s and was stopped");

    public static string ChromiumFailed(int exitCode, string lastLine) =>
        Invariant($"chromium exited with code {exitCode}{(lastLine.Length > 0 ? ": " + lastLine : "")}");

    public const string ChromiumNoDevTools = "it printed no DevTools address";

    public static string ChromiumClosed(string? lastLine) => Invariant($"chromium closed during the run{(lastLine is { Length: > 0 } ? ": " + lastLine : "")}");

    public static string ChromiumPageFailed(string page, string error) => Invariant($"chromium could not load {page}: {error}");

    public static string ChromiumScriptFailed(string detail) => Invariant($"a script in the page failed: {detail}");

    public static string ChromiumCommandFailed(string method, string detail) => Invariant($"chromium refused {method}: {detail}");

    public static string PdfNoChromium(string? configured) => configured is null
        ? Invariant($"PDFs skipped: chromium not found ({HeadlessChromium.DefaultPath} or chromium on PATH; apt-get install chromium, or give --chromium PATH)")
        : Invariant($"PDFs skipped: chromium not found at {configured}");

    public static string PdfFailed(string page, string reason) => Invariant($"PDF of {page} not written: {reason}");

    public static string PdfNotWritten(string pdf) => Invariant($"chromium printed something that is not a PDF, so {pdf} was not written");

    // The previous vintage's data (run --compare, a notebook's previousDataFile)

    private const string GiveItYourself = "or give the file yourself with --param previousDataFile=PATH";

    public static string PreviousDataFileGiven(string notebook, string csv, int rows, string original, string against) =>
        Invariant($"{notebook}: previousDataFile = {csv} ({rows} {(rows == 1 ? "row" : "rows")} of {original} as the run of {against} read {(rows == 1 ? "it" : "them")})");

    public static string PreviousDataFileNoNotebook(string notebook, string against, string path) =>
        Invariant($"{notebook}: previousDataFile keeps its default: {against} has no notebook {path} (notebooks are matched by path, else by file name), so it holds no earlier vintage of this notebook's data. Compare with the results.json of a run that ran this notebook, {GiveItYourself}.");

    public static string PreviousDataFileNoDataFile(string notebook, string against, string path) =>
        Invariant($"{notebook}: previousDataFile keeps its default: in {against}, {path} published no data file as read (the earlier vintage's data is the first file a notebook publishes with Results.PublishDataFile). Publish the data file the notebook reads, {GiveItYourself}.");

    public static string PreviousDataFileNoRows(string notebook, string against, string path, string sha256) =>
        Invariant($"{notebook}: previousDataFile keeps its default: {against} kept no rows of {path} (sha256 {Hash(sha256)}) in data_file_rows, since an older version of the workbook wrote it or the file had changed or gone before that run ended. Rerun the earlier vintage with this version and compare with its results.json, {GiveItYourself}.");

    public static string PreviousDataFileNotWritten(string notebook, string csv, string why) =>
        Invariant($"{notebook}: previousDataFile keeps its default: {csv} could not be written: {why}. Check that the output folder is writable and has space, or choose another (--output DIR).");
}
