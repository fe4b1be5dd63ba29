namespace ZoneGrowth.Notebooks;

/// <summary>
/// What a run removed from its output folder at its end: the files an earlier run of the workbook wrote there and this run
/// did not (<see cref="NotebookPipeline"/>, <see cref="NotebookPipeline.ManifestFileName"/>).
/// </summary>
/// <param name="Removed">Full paths of the files removed.</param>
/// <param name="Kept">Full paths of files an earlier run wrote that have changed since (their hash differs from the
/// manifest's), so they are left where they are: they may be someone's own now.</param>
/// <param name="Notes">One line per file removed, kept or that could not be removed, and for a manifest that could not be
/// written; what the command prints on stderr.</param>
public sealed record OutputFolderCleanup(IReadOnlyList<string> Removed, IReadOnlyList<string> Kept, IReadOnlyList<string> Notes)
{
    /// <summary>Nothing removed, nothing to say.</summary>
    public static OutputFolderCleanup None { get; } = new([], [], []);
}
