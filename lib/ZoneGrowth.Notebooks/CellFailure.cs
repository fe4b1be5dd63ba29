namespace ZoneGrowth.Notebooks;

/// <summary>The cell that stopped a notebook, and why.</summary>
/// <param name="NotebookPath">Full path of the notebook.</param>
/// <param name="CellNumber">1-based number among all cells of the notebook as read.</param>
/// <param name="CodeCellNumber">1-based number among code cells, or <c>null</c> for the injected parameters cell.</param>
/// <param name="ErrorName">Exception type name, <c>CompilationError</c>, <c>CellTimeout</c> or <c>RunCancelled</c>.</param>
/// <param name="Message">Error text (compiler diagnostics or exception message).</param>
/// <param name="TimedOut"><c>true</c> when the cell exceeded the cell timeout (its code may still be running in
/// this process if it never awaits anything cancellable; see <see cref="NotebookRunner"/>).</param>
public sealed record CellFailure(string NotebookPath, int CellNumber, int? CodeCellNumber, string ErrorName, string Message, bool TimedOut)
{
    /// <summary>One line for logs, e.g. <c>nb.ipynb: cell 4 (code cell 3) failed: CompilationError: ...</c>.</summary>
    public override string ToString() => NotebookMessages.CellFailed(this);
}
