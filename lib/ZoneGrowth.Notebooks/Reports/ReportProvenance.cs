namespace ZoneGrowth.Notebooks.Reports;

/// <summary>Where an executed notebook came from, for the report's footer.</summary>
/// <param name="Started">When the notebook started running.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Git">The code version it ran from.</param>
/// <param name="Parameters">Parameter values used (injected or the notebook's defaults).</param>
/// <param name="Failure">Why the run stopped (cell and error), or <c>null</c> when every cell ran.</param>
public sealed record ReportProvenance(
    DateTimeOffset Started,
    TimeSpan Duration,
    GitState Git,
    IReadOnlyList<NotebookParameterValue> Parameters,
    string? Failure = null);
