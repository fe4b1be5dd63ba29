using System.Globalization;
using ZoneGrowth.Notebooks;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Cli;

/// <summary>
/// Every text the <c>run</c> verb prints itself, in one place: option errors, progress lines and the summary. What
/// the run path says about notebooks and parameters comes from the notebooks layer's messages.
/// </summary>
internal static class RunMessages
{
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string UnknownOption(string token) =>
        F($"Unknown option \"{token}\". Options of run: --param NAME=VALUE, --output DIR, --cell-timeout SECONDS, --warm-up-timeout SECONDS, --compare RESULTS.json, --tolerance X, --fail-on-drift, --no-chart-images, --chromium PATH, --pdf.");

    public static string SecondsInvalid(string option) => F($"{option} must be a number of seconds greater than 0.");

    public static string ToleranceInvalid => "--tolerance must be a finite number >= 0.";

    public static string CompareUnreadable(string path, string why) => F($"--compare {path}: {why}");

    /// <summary>The stderr line for a step of the run, or <c>null</c> for a step that prints nothing.</summary>
    public static string? Progress(NotebookProgress p)
    {
        var at = F($"[{p.NotebookNumber}/{p.NotebookCount}] {Path.GetFileName(p.NotebookPath)}");
        var cell = F($"cell {p.CellNumber} of {p.CellCount}{(p.CodeCellNumber is null ? " (injected parameters)" : "")}");
        var packages = F($"{p.PackageCount} NuGet package{(p.PackageCount == 1 ? "" : "s")}");
        var warmUp = (p.KernelCleared, p.PackageCount) switch
        {
            (true, 0) => "warm-up (the previous notebook's kernel, cleared)",
            (true, _) => F($"warm-up (the previous notebook's kernel, cleared; its {packages} already restored)"),
            (false, 0) => "warm-up (kernel start)",
            (false, _) => F($"warm-up (kernel start, restore of {packages})"),
        };
        return p.Stage switch
        {
            NotebookProgressStage.NotebookStarting => at,
            NotebookProgressStage.WarmUpStarting => F($"{at}: {warmUp} running..."),
            NotebookProgressStage.WarmUpSucceeded or NotebookProgressStage.WarmUpFailed => F($"{at}: {warmUp} {Finished(p)}"),
            NotebookProgressStage.CellStarting => F($"{at}: {cell} running..."),
            NotebookProgressStage.CellSucceeded or NotebookProgressStage.CellFailed => F($"{at}: {cell} {Finished(p)}"),
            NotebookProgressStage.NotebookFinished when p.Failure is { } failure => F($"FAILED {failure}"),
            _ => null,
        };

        static string Finished(NotebookProgress p) =>
            F($"{(p.Stage is NotebookProgressStage.WarmUpSucceeded or NotebookProgressStage.CellSucceeded ? "ok" : "FAILED")} in {(p.StepElapsed ?? TimeSpan.Zero).TotalSeconds:0.00} s (notebook elapsed {p.Elapsed.TotalSeconds:0.0} s)");
    }

    public static string ReportWarning(string name, string warning) => F($"{name}: report: {warning}");

    public static string PublicationProblem(string name, string problem) => F($"{name}: published output ignored: {problem}");

    public static string SummaryLine(NotebookRunResult run, int figures) =>
        F($"{(run.Succeeded ? "ok    " : "FAILED")} {Path.GetFileName(run.NotebookPath),-40} {run.Elapsed.TotalSeconds,7:0.0} s  {figures} key figure{(figures == 1 ? "" : "s")}{ShortFailure(run)}");

    /// <summary>A published figure under its notebook's line, formatted by its unit: <c>  p_met = 0.43 [0.31, 0.52]</c>.</summary>
    public static string KeyFigure(PublishedResult figure) => F($"         {figure.Name} = {KeyFigureText.Of(figure)}");

    private static string ShortFailure(NotebookRunResult run) =>
        run.Failure is { } f ? F($"  (cell {f.CellNumber}: {f.ErrorName})")
        : run.SetupError is not null ? "  (not run: see the error above)"
        : "";

    public static string Summary(int count, int failed, TimeSpan elapsed) =>
        F($"{count - failed} of {count} notebook{(count == 1 ? "" : "s")} succeeded, {failed} failed, in {elapsed.TotalSeconds:0.0} s.");

    public static string Wrote(string index, string results) => F($"Reports: {index}\nKey figures: {results}");

    /// <summary>The answer a notebook published, first in the summary: <c>03-target: Will HHZ reach ...? Likely: P = 0.69 ...</c>.</summary>
    public static string Answer(string notebook, PublishedAnswer answer) =>
        F($"{notebook}: {answer.Question}\n  {answer.Headline}")
        + (AnswerHtml.Was(answer) is { } was
            ? "\n  " + was
            : string.Empty);

    public static string Pdfs(IEnumerable<string> pdfs) => F($"PDFs: {string.Join(", ", pdfs)}");

    public static string CompareHeader(string previous) =>
        F($"What changed since {previous} (probabilities in percentage points; figures that read the same after rounding left out; every change in results.json):");

    public static string DriftFailure => "Key figures or data files changed (--fail-on-drift).";

    public static string ChartImagesAdded(int images, int charts, TimeSpan elapsed) =>
        F($"chart images: {images} of {charts} Plotly charts got a PNG picture in the executed notebooks ({elapsed.TotalSeconds:0.0} s, in the run's one browser)");

    public static string PdfsWritten(int pdfs, TimeSpan elapsed) =>
        F($"PDFs: {pdfs} written beside the pages ({elapsed.TotalSeconds:0.0} s)");
}
