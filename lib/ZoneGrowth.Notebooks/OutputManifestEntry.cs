namespace ZoneGrowth.Notebooks;

/// <summary>One file of an <see cref="OutputManifest"/>.</summary>
/// <param name="Path">Relative to the output folder, with '/' between folders.</param>
/// <param name="Bytes">Its size when the run wrote it, or <c>null</c> for a file the run was about to write (a run that
/// did not finish) or one known by the name rule of a folder without a manifest.</param>
/// <param name="Sha256">The SHA-256 of its bytes when the run wrote it (lower-case hex), or <c>null</c> as for <paramref name="Bytes"/>.</param>
internal sealed record OutputManifestEntry(string Path, long? Bytes, string? Sha256);
