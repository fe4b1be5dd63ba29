namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// One key figure that changed since the earlier run, as a reader reads it: the figure in words (with its year and
/// unit where it has them), what it was, what it is now, and the change (percentage points for a probability, a
/// signed percentage otherwise).
/// </summary>
/// <param name="Figure">The figure in words: "HHZ gross domestic product in 2024".</param>
/// <param name="Was">What it was, written by its unit; "—" when it is new.</param>
/// <param name="Now">What it is, written by its unit; "—" when it is no longer published.</param>
/// <param name="Change">"+3.8 points", "+2.9 %", "new" or "no longer published".</param>
public sealed record ComparedFigure(string Figure, string Was, string Now, string Change);
