namespace ZoneGrowth.Notebooks;

/// <summary>Outcome of one notebook.</summary>
/// <param name="NotebookPath">Full path of the notebook run.</param>
/// <param name="OutputPath">Full path of the executed notebook written (also written when a cell or the warm-up
/// failed), or <c>null</c> if none was written.</param>
/// <param name="Succeeded"><c>true</c> when every code cell ran without error and the executed notebook was written.</param>
/// <param name="Failure">The cell that stopped the run, if any.</param>
/// <param name="SetupError">An error outside the cells (unreadable notebook, bad parameters, failed warm-up,
/// unwritable output), if any.</param>
/// <param name="Cells">Every code cell in order, the injected parameters cell included.</param>
/// <param name="Parameters">Parameters of the notebook with the values used (empty without a parameters cell).</param>
/// <param name="Elapsed">Wall-clock time of the whole notebook, warm-up included.</param>
public sealed record NotebookRunResult(
    string NotebookPath,
    string? OutputPath,
    bool Succeeded,
    CellFailure? Failure,
    string? SetupError,
    IReadOnlyList<CellRunResult> Cells,
    IReadOnlyList<NotebookParameterValue> Parameters,
    TimeSpan Elapsed)
{
    /// <summary>How long the warm-up took (kernel start and package restore), zero when it did not run.</summary>
    public TimeSpan WarmUp { get; init; }

    /// <summary>The notebook ran in the previous notebook's kernel, cleared, because both declare the same packages (see <see cref="NotebookPipeline"/>).</summary>
    public bool KernelCleared { get; init; }

    /// <summary>The failure as one line: the cell's (<see cref="CellFailure.ToString"/>) or the setup error; <c>null</c> on success.</summary>
    public string? FailureText => Failure?.ToString() ?? SetupError;
}
