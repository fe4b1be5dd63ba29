namespace ZoneGrowth.Notebooks;

/// <summary>Settings for <see cref="NotebookRunner"/>: how long a notebook's warm-up and each cell may take.</summary>
public sealed record NotebookRunnerOptions
{
    /// <summary>Default for <see cref="CellTimeout"/>: 300 seconds.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(300);

    /// <summary>Default for <see cref="WarmUpTimeout"/>: 600 seconds (a cold package restore downloads hundreds of MB).</summary>
    public static readonly TimeSpan DefaultWarmUpTimeout = TimeSpan.FromSeconds(600);

    /// <summary>Longest a single cell may run before it is cancelled and reported as failed. Only the cell's own
    /// code counts: kernel start and package restore are the warm-up (<see cref="WarmUpTimeout"/>).</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>
    /// Longest the warm-up may take: starting the kernel, compiling a first (empty) submission and restoring every
    /// package the notebook's <c>#r "nuget:..."</c> lines name, before the first cell runs. Past it the notebook
    /// fails without running a cell.
    /// </summary>
    public TimeSpan WarmUpTimeout { get; init; } = DefaultWarmUpTimeout;

    /// <summary>
    /// Whether a notebook that declares the same packages as the one before runs in that notebook's kernel, cleared
    /// (faster: the packages stay loaded), where the kernel's version allows it; else each notebook gets a new kernel.
    /// Tests turn it off to check the fallback.
    /// </summary>
    internal bool ReuseKernels { get; init; } = true;

    /// <summary>C# run at the end of the warm-up submission; tests put a deliberate sleep there to stand for a slow
    /// package restore.</summary>
    internal string WarmUpExtraCode { get; init; } = "";
}
