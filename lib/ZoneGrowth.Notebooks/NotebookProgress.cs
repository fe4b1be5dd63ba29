namespace ZoneGrowth.Notebooks;

/// <summary>Where a run stands; reported at each step (see <see cref="NotebookProgressStage"/>).</summary>
/// <param name="NotebookPath">Full path of the notebook being run.</param>
/// <param name="CellNumber">1-based number of the cell among all cells of the notebook as read (0 outside cell stages).</param>
/// <param name="CellCount">Number of cells of the notebook as read (0 when it could not be read).</param>
/// <param name="CodeCellNumber">1-based number among code cells, or <c>null</c> for the injected parameters cell and outside cell stages.</param>
/// <param name="CodeCellCount">Number of code cells of the notebook as read.</param>
/// <param name="Stage">What is starting or has finished.</param>
/// <param name="Elapsed">Time since the notebook started.</param>
/// <param name="StepElapsed">Duration of the warm-up or cell that finished; <c>null</c> when something starts.</param>
public sealed record NotebookProgress(
    string NotebookPath,
    int CellNumber,
    int CellCount,
    int? CodeCellNumber,
    int CodeCellCount,
    NotebookProgressStage Stage,
    TimeSpan Elapsed,
    TimeSpan? StepElapsed)
{
    /// <summary>1-based position of the notebook in the run (1 for a single notebook).</summary>
    public int NotebookNumber { get; init; } = 1;

    /// <summary>Number of notebooks in the run (1 for a single notebook).</summary>
    public int NotebookCount { get; init; } = 1;

    /// <summary>NuGet packages the warm-up restores (warm-up stages).</summary>
    public int PackageCount { get; init; }

    /// <summary>The warm-up is in the previous notebook's kernel, cleared (same packages, already restored), not a new one (warm-up stages).</summary>
    public bool KernelCleared { get; init; }

    /// <summary>Why the notebook failed (<see cref="NotebookProgressStage.NotebookFinished"/>), else <c>null</c>.</summary>
    public string? Failure { get; init; }
}
