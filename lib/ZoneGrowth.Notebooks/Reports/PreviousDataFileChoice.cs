namespace ZoneGrowth.Notebooks.Reports;

/// <summary>What a run with <c>--compare</c> gave one notebook's <c>previousDataFile</c> parameter.</summary>
/// <param name="Notebook">The notebook as it will run: with the parameter set to <paramref name="Path"/> when a file was written.</param>
/// <param name="Path">Full path of the CSV written for it, or <c>null</c> when the parameter keeps its value.</param>
/// <param name="Note">The line the run prints about it (the file given, or why none was), or <c>null</c> when the
/// notebook does not ask for the previous vintage's data or was given a file with <c>--param</c>.</param>
internal sealed record PreviousDataFileChoice(PlannedNotebook Notebook, string? Path, string? Note);
