namespace ZoneGrowth.Notebooks.Reports;

/// <summary>How a notebook's run ended, as <c>results.json</c> records it (<c>"succeeded"</c>, <c>"failed"</c>).</summary>
public enum NotebookRunStatus
{
    /// <summary>Every cell ran.</summary>
    Succeeded,

    /// <summary>An error, a timeout or a setup problem stopped it.</summary>
    Failed,
}
