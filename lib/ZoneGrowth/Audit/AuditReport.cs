using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace ZoneGrowth.Audit;

/// <summary>The result of <see cref="ConsistencyAudit"/>: every check made, and the flagged ones.</summary>
public sealed class AuditReport
{
    internal AuditReport(IReadOnlyList<AuditCheck> checks, AuditOptions options)
    {
        Checks = checks;
        Options = options;
    }

    /// <summary>Every comparison made, flagged or not.</summary>
    public IReadOnlyList<AuditCheck> Checks { get; }

    /// <summary>The comparisons outside tolerance: possible definitional breaks or revisions.</summary>
    public IReadOnlyList<AuditCheck> Findings => Checks.Where(c => c.IsFlagged).ToArray();

    /// <summary>The tolerances used.</summary>
    public AuditOptions Options { get; }

    /// <summary>
    /// The findings (or all checks) as a DataFrame: kind, zone, indicator, from_year, to_year,
    /// expected, actual, disagreement_pct, allowed_low_pct, allowed_high_pct, flagged, rows
    /// (file:line of each observation involved), explanation.
    /// </summary>
    public DataFrame ToDataFrame(bool findingsOnly = true)
    {
        var rows = findingsOnly ? Findings : Checks;
        return new DataFrame(
            new StringDataFrameColumn("kind", rows.Select(c => c.Kind.ToString())),
            new StringDataFrameColumn("zone", rows.Select(c => c.Zone)),
            new StringDataFrameColumn("indicator", rows.Select(c => c.Indicator)),
            new PrimitiveDataFrameColumn<int>("from_year", rows.Select(c => c.FromYear)),
            new PrimitiveDataFrameColumn<int>("to_year", rows.Select(c => c.ToYear)),
            new PrimitiveDataFrameColumn<double>("expected", rows.Select(c => c.Expected)),
            new PrimitiveDataFrameColumn<double>("actual", rows.Select(c => c.Actual)),
            new PrimitiveDataFrameColumn<double>("disagreement_pct", rows.Select(c => 100 * c.Disagreement)),
            new PrimitiveDataFrameColumn<double>("allowed_low_pct", rows.Select(c => 100 * c.AllowedLow)),
            new PrimitiveDataFrameColumn<double>("allowed_high_pct", rows.Select(c => 100 * c.AllowedHigh)),
            new PrimitiveDataFrameColumn<bool>("flagged", rows.Select(c => c.IsFlagged)),
            new StringDataFrameColumn("rows", rows.Select(c => string.Join("; ", c.Rows.Select(o => FormattableString.Invariant($"{o.Location.File}:{o.Location.Line}"))))),
            new StringDataFrameColumn("explanation", rows.Select(c => c.Explanation)));
    }

    /// <summary>A plain-text list of the findings.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Consistency audit: {Checks.Count} checks, {Findings.Count} flagged.");
        foreach (var finding in Findings)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  - [{finding.Kind.Words()}] {finding.Explanation}");
        }

        return text.ToString();
    }
}
