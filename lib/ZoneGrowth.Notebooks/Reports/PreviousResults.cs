namespace ZoneGrowth.Notebooks.Reports;

/// <summary>An earlier vintage of <c>results.json</c>, read before the run that may overwrite it.</summary>
/// <param name="Path">Where it was read from, as given.</param>
/// <param name="File">What it holds.</param>
public sealed record PreviousResults(string Path, ResultsFile File);
