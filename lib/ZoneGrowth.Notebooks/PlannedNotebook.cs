namespace ZoneGrowth.Notebooks;

/// <summary>One notebook of a <see cref="NotebookRunPlan"/>: read once, with its parameter values typed.</summary>
/// <param name="Path">Full path of the notebook.</param>
/// <param name="Source">The notebook as read, or <c>null</c> when it could not be read.</param>
/// <param name="LoadError">Why it could not be read (it then fails on its own when the run reaches it), or <c>null</c>.</param>
/// <param name="Parameters">Every parameter it declares with the value it will have: typed values passed in, or its defaults.</param>
public sealed record PlannedNotebook(string Path, NotebookSource? Source, string? LoadError, IReadOnlyList<NotebookParameterValue> Parameters);
