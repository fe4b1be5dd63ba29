namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// A data file a notebook read: a display output with mime type <see cref="NotebookPublications.DataFileMimeType"/>.
/// </summary>
/// <param name="Path">The file as the notebook named it.</param>
/// <param name="Sha256">SHA-256 of the file's bytes (hexadecimal).</param>
/// <param name="Rows">Number of data rows read.</param>
public sealed record PublishedDataFile(string Path, string Sha256, long Rows);
