namespace ZoneGrowth.Notebooks;

/// <summary>Stage of a <see cref="NotebookProgress"/> report.</summary>
public enum NotebookProgressStage
{
    /// <summary>A notebook of the run is about to start (<see cref="NotebookPipeline"/> only).</summary>
    NotebookStarting,
    /// <summary>The warm-up is about to run: kernel start and restore of the notebook's NuGet packages.</summary>
    WarmUpStarting,
    /// <summary>The warm-up finished; the cells run next.</summary>
    WarmUpSucceeded,
    /// <summary>The warm-up failed or timed out; no cell will run.</summary>
    WarmUpFailed,
    /// <summary>The cell is about to run.</summary>
    CellStarting,
    /// <summary>The cell ran without error.</summary>
    CellSucceeded,
    /// <summary>The cell failed (error, timeout or cancellation); the remaining cells will not run.</summary>
    CellFailed,
    /// <summary>A notebook of the run finished, with <see cref="NotebookProgress.Failure"/> when it failed (<see cref="NotebookPipeline"/> only).</summary>
    NotebookFinished,
}
