using ZoneGrowth.Data;

namespace ZoneGrowth.Audit;

/// <summary>One comparison made by the consistency audit, flagged or not.</summary>
/// <param name="Kind">What was compared.</param>
/// <param name="Zone">The zone.</param>
/// <param name="Indicator">The indicator whose figure is checked (for a label change, the later one).</param>
/// <param name="FromYear">The earlier year of the comparison.</param>
/// <param name="ToYear">The later year.</param>
/// <param name="Rows">The observations involved, with their file and line.</param>
/// <param name="Expected">The value the other figures imply (same unit as <paramref name="Actual"/>).</param>
/// <param name="Actual">The value found.</param>
/// <param name="Disagreement">Actual ÷ expected − 1 (0.068 means the figure found is 6.8 % higher).</param>
/// <param name="AllowedLow">The lowest disagreement accepted without a flag.</param>
/// <param name="AllowedHigh">The highest disagreement accepted without a flag.</param>
/// <param name="Explanation">What the check found, in words.</param>
public sealed record AuditCheck(
    AuditCheckKind Kind,
    string Zone,
    string Indicator,
    int FromYear,
    int ToYear,
    IReadOnlyList<Observation> Rows,
    double Expected,
    double Actual,
    double Disagreement,
    double AllowedLow,
    double AllowedHigh,
    string Explanation)
{
    /// <summary>Whether the disagreement lies outside the allowed range: a possible break or revision.</summary>
    public bool IsFlagged => Disagreement < AllowedLow || Disagreement > AllowedHigh;
}
