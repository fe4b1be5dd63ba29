namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// A key figure a notebook published: a display output with mime type
/// <see cref="NotebookPublications.ResultMimeType"/> whose JSON object has these fields.
/// </summary>
/// <param name="NotebookKey">Stable key of the notebook that published it (survives renaming the file).</param>
/// <param name="Name">Name of the figure, unique within the notebook.</param>
/// <param name="Value">The figure.</param>
/// <param name="Low">Lower end of its interval, or <c>null</c>.</param>
/// <param name="High">Upper end of its interval, or <c>null</c>.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>, <paramref name="Low"/> and <paramref name="High"/>.</param>
/// <param name="Description">What the figure is, in words.</param>
public sealed record PublishedResult(string NotebookKey, string Name, double Value, double? Low, double? High, string Unit, string Description);
