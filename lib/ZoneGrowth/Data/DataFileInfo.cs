namespace ZoneGrowth.Data;

/// <summary>A data file that was read: its path, content hash and number of data rows.</summary>
/// <param name="Path">The path as given: absolute, or relative to the workbook's root folder (the rule of <see cref="WorkbookPaths.ResolveFrom"/>).</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="Rows">The number of data rows (excluding the header).</param>
/// <remarks>
/// Also the data-file part of the publication contract, <c>{"path", "sha256", "rows"}</c>: the contract
/// (<c>ZoneGrowth.Publishing.PublicationContract</c>, a layer above this one) writes and reads it, and registers its
/// JSON converter for the serializers of files that store it, such as <c>results.json</c>.
/// </remarks>
public sealed record DataFileInfo(string Path, string Sha256, int Rows);
