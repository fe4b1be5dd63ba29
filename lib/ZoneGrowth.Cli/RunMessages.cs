using System.Globalization;
using ZoneGrowth.Notebooks;
using ZoneGrowth.Publishing;
using static System.FormattableString;

namespace ZoneGrowth.Cli;

/// <summary>
/// Every text the <c>run</c> verb prints itself, in one place: option errors, progress lines and the summary. What
/// the run path says about notebooks and parameters comes from the notebooks layer's messages.
/// </summary>
internal static class RunMessages
{

    public static string UnknownOption(string token) =>
        Invariant($"Unknown option \"{token}\". Options of run: --param NAME=VALUE, --output DIR, --cell-timeout SECONDS, --warm-up-timeout SECONDS, --compare RESULTS.json, --tolerance X, --fail-on-drift, --no-chart-images, --chromium PATH, --pdf.");

    public static string SecondsInvalid(string option) => Invariant($"{option} must be a number of seconds greater than 0.");

    public static string ToleranceInvalid => "--tolerance must be a finite number >= 0.";

    public static string CompareUnreadable(string path, string why) => Invariant($"--compare {path}: {why}");

    /// <summary>The stderr line for a step of the run, or <c>null</c> for a step that prints nothing.</summary>
    public static string? Progress(NotebookProgress p)
    {
        var at = Invariant($"[{p.NotebookNumber}/{p.NotebookCount}] {Path.GetFileName(p.NotebookPath)}");
        var cell = Invariant($"cell {p.CellNumber} of {p.CellCount}{(p.CodeCellNumber is null ? " (injected parameters)" : "")}");
        var packages = Invariant($"{p.PackageCount} NuGet package{(p.PackageCount == 1 ? "" : "s")}");
        var warmUp = (p.KernelCleared, p.PackageCount) switch
        {
            (true, 0) => "warm-up (the previous notebook's kernel, cleared)",
            (true, _) => Invariant($"warm-up (the previous notebook's kernel, cleared; its {packages} already restored)"),
            (false, 0) => "warm-up (kernel start)",
            (false, _) => Invariant($"warm-up (kernel start, restore of {packages})"),
        };
        return p.Stage switch
        {
            NotebookProgressStage.NotebookStarting => at,
            NotebookProgressStage.WarmUpStarting => Invariant($"{at}: {warmUp} running..."),
            NotebookProgressStage.WarmUpSucceeded or NotebookProgressStage.WarmUpFailed => Invariant($"{at}: {warmUp} {Finished(p)}"),
            NotebookProgressStage.CellStarting => Invariant($"{at}: {cell} running..."),
            NotebookProgressStage.CellSucceeded or NotebookProgressStage.CellFailed => Invariant($"{at}: {cell} {Finished(p)}"),
            NotebookProgressStage.NotebookFinished when p.Failure is { } failure => Invariant($"FAILED {failure}"),
            _ => null,
        };

        static string Finished(NotebookProgress p) =>
            Invariant($"{(p.Stage is NotebookProgressStage.WarmUpSucceeded or NotebookProgressStage.CellSucceeded ? "ok" : "FAILED")} in {(p.StepElapsed ?? TimeSpan.Zero).TotalSeconds:0.00} s (notebook elapsed {p.Elapsed.TotalSeconds:0.0} s)");
    }

    public static string ReportWarning(string name, string warning) => Invariant($"{name}: report: {warning}");

    public static string PublicationProblem(string name, string problem) => Invariant($"{name}: published output ignored: {problem}");

    public static string SummaryLine(NotebookRunResult run, int figures) =>
        Invariant($"{(run.Succeeded ? "ok    " : "FAILED")} {Path.GetFileName(run.NotebookPath),-40} {run.Elapsed.TotalSeconds,7:0.0} s  {figures} key figure{(figures == 1 ? "" : "s")}{ShortFailure(run)}");

    /// <summary>A published figure under its notebook's line, formatted by its unit: <c>  p_met = 0.43 [0.31, 0.52]</c>.</summary>
    public static string KeyFigure(PublishedResult figure) => Invariant($"         {figure.Name} = {KeyFigureText.Of(figure)}");

    private static string ShortFailure(NotebookRunResult run) =>
        run.Failure is { } f ? Invariant($"  (cell {f.CellNumber}: {f.ErrorName})")
        : run.SetupError is not null ? "  (not run: see the error above)"
        : "";

    public static string Summary(int count, int failed, TimeSpan elapsed) =>
        Invariant($"{count - failed} of {count} notebook{(count == 1 ? "" : "s")} succeeded, {failed} failed, in {elapsed.TotalSeconds:0.0} s.");

    public static string Wrote(string index, string results) => Invariant($"Reports: {index}\nKey figures: {results}");

    /// <summary>The answer a notebook published, first in the summary: <c>03-target: Will HHZ reach ...? Likely: P = 0.69 ...</c>.</summary>
    public static string Answer(string notebook, PublishedAnswer answer) =>
        Invariant($"{notebook}: {answer.Question}\n  {answer.Headline}")
        + (AnswerHtml.Was(answer) is { } was
            ? "\n  " + was
            : string.Empty);

    public static string Pdfs(IEnumerable<string> pdfs) => Invariant($"PDFs: {string.Join(", ", pdfs)}");

    public static string CompareHeader(string previous) =>
        Invariant($"What changed since {previous} (probabilities in percentage points; figures that read the same after rounding left out; every change in results.json):");

    public static string DriftFailure => "Key figures or data files changed (--fail-on-drift).";

    public static string ChartImagesAdded(int images, int charts, TimeSpan elapsed) =>
        Invariant($"chart images: {images} of {charts} Plotly charts got a PNG picture in the executed notebooks ({elapsed.TotalSeconds:0.0} s, in the run's one browser)");

    public static string PdfsWritten(int pdfs, TimeSpan elapsed) =>
        Invariant($"PDFs: {pdfs} written beside the pages ({elapsed.TotalSeconds:0.0} s)");
}
