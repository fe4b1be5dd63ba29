namespace ZoneGrowth.Notebooks;

/// <summary>Outcome of one code cell.</summary>
/// <param name="CellNumber">1-based number among all cells of the notebook as read (the injected cell has the number of the parameters cell it follows).</param>
/// <param name="CodeCellNumber">1-based number among code cells, or <c>null</c> for the injected parameters cell.</param>
/// <param name="IsInjectedParameters"><c>true</c> for the generated <c>injected-parameters</c> cell.</param>
/// <param name="Status">What happened.</param>
/// <param name="Duration">Wall-clock time of the cell (zero when not executed).</param>
public sealed record CellRunResult(int CellNumber, int? CodeCellNumber, bool IsInjectedParameters, CellStatus Status, TimeSpan Duration);
