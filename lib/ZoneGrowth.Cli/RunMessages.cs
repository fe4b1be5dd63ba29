using System.Globalization;

namespace ZoneGrowth.Cli;

/// <summary>Every text the <c>run</c> verb prints, in one place.</summary>
internal static class RunMessages
{
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string NoNotebooks(string folder) => F($"No notebooks found in {folder} (*.ipynb): nothing to run.");

    public static string NotebookMissing(string path) => F($"Notebook not found: {path}");

    public static string SameName(IReadOnlyList<string> paths) =>
        F($"These notebooks have the same name, so their outputs would overwrite each other; run them separately (with different --output): {string.Join(", ", paths)}");

    public static string NotANotebookFile(string path) => F($"Not a notebook (.ipynb): {path}");

    public static string UnknownOption(string token) =>
        F($"Unknown option \"{token}\". Options of run: --param NAME=VALUE, --output DIR, --cell-timeout SECONDS, --compare RESULTS.json, --tolerance X, --fail-on-drift, --no-chart-images, --chromium PATH.");

    public static string UnknownParameters(IEnumerable<string> names, IReadOnlyCollection<string> valid) =>
        F($"Unknown parameter{(names.Count() > 1 ? "s" : "")} {string.Join(", ", names.Select(n => $"'{n}'"))}: no selected notebook declares {(names.Count() > 1 ? "them" : "it")}. Valid names: {(valid.Count == 0 ? "(none: no selected notebook has a cell tagged 'parameters')" : string.Join(", ", valid))}.");

    public static string BadParameterValue(string notebook, string message) => F($"{notebook}: {message}");

    public static string CellTimeoutInvalid => "--cell-timeout must be a number of seconds greater than 0.";

    public static string ToleranceInvalid => "--tolerance must be a finite number >= 0.";

    public static string CompareUnreadable(string path, string why) => F($"--compare {path}: {why}");

    public static string NotebookStarting(int index, int count, string name) => F($"[{index}/{count}] {name}");

    public static string CellStarting(int index, int count, string name, int cell, int cells, bool injected) =>
        F($"[{index}/{count}] {name}: cell {cell} of {cells}{(injected ? " (injected parameters)" : "")} running...");

    public static string CellFinished(int index, int count, string name, int cell, int cells, bool injected, bool ok, TimeSpan cellTime, TimeSpan elapsed) =>
        F($"[{index}/{count}] {name}: cell {cell} of {cells}{(injected ? " (injected parameters)" : "")} {(ok ? "ok" : "FAILED")} in {cellTime.TotalSeconds:0.00} s (notebook elapsed {elapsed.TotalSeconds:0.0} s)");

    public static string NotebookFailed(string message) => F($"FAILED {message}");

    public static string ReportWarning(string name, string warning) => F($"{name}: report: {warning}");

    public static string PublicationProblem(string name, string problem) => F($"{name}: published output ignored: {problem}");

    public static string SummaryLine(string name, bool ok, TimeSpan elapsed, int figures, string? failure) =>
        F($"{(ok ? "ok    " : "FAILED")} {name,-40} {elapsed.TotalSeconds,7:0.0} s  {figures} key figure{(figures == 1 ? "" : "s")}{(failure is null ? "" : "  " + failure)}");

    public static string ShortFailure(int cell, string error) => F($"(cell {cell}: {error})");

    public const string SetupFailure = "(not run: see the error above)";

    public static string Summary(int count, int failed, TimeSpan elapsed) =>
        F($"{count - failed} of {count} notebook{(count == 1 ? "" : "s")} succeeded, {failed} failed, in {elapsed.TotalSeconds:0.0} s.");

    public static string Wrote(string index, string results) => F($"Reports: {index}\nKey figures: {results}");

    public static string CompareHeader(string previous, double tolerance) =>
        F($"Compared with {previous} (relative tolerance {tolerance:R}):");

    public static string DriftFailure => "Key figures or data files changed (--fail-on-drift).";

    public const string IndexTitle = "Workbook run";

    public static string ChartImagesAdded(int images, int charts, TimeSpan elapsed) =>
        F($"chart images: {images} of {charts} Plotly charts got a static SVG in the executed notebooks ({elapsed.TotalSeconds:0.0} s, one chromium launch)");
}
