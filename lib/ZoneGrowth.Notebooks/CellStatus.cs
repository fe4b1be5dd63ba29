namespace ZoneGrowth.Notebooks;

/// <summary>What happened to a code cell.</summary>
public enum CellStatus
{
    /// <summary>Ran without error.</summary>
    Succeeded,
    /// <summary>Raised a compilation or runtime error.</summary>
    Failed,
    /// <summary>Ran longer than the cell timeout and was cancelled.</summary>
    TimedOut,
    /// <summary>Not executed because an earlier cell or the warm-up failed, or the run was cancelled.</summary>
    NotExecuted,
}
