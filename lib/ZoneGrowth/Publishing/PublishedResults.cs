namespace ZoneGrowth.Publishing;

/// <summary>
/// Several key figures published together, displayed as one table and read back as one JSON array of
/// <see cref="PublicationContract.ResultMimeType"/> (each element a <see cref="PublishedResult"/>).
/// </summary>
/// <param name="Figures">The figures, in the order published.</param>
public sealed record PublishedResults(IReadOnlyList<PublishedResult> Figures);
