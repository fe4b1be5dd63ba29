using Microsoft.Data.Analysis;

namespace ZoneGrowth.Targets;

/// <summary>
/// Growth rate × baseline level: met or not and the margin in each cell, ready to draw as a heat
/// map (rates on one axis, baseline factors on the other, <see cref="MarginPercent"/> as colour).
/// </summary>
public sealed class SensitivityGrid
{
    internal SensitivityGrid(IReadOnlyList<double> rates, IReadOnlyList<double> factors, IReadOnlyList<SensitivityCell> cells, MetricConversion? conversion)
    {
        Rates = rates;
        BaselineFactors = factors;
        Cells = cells;
        Conversion = conversion;
    }

    /// <summary>The growth rates (columns).</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>The baseline factors (rows).</summary>
    public IReadOnlyList<double> BaselineFactors { get; }

    /// <summary>Every cell, factor-major.</summary>
    public IReadOnlyList<SensitivityCell> Cells { get; }

    /// <summary>The metric conversion applied, or null.</summary>
    public MetricConversion? Conversion { get; }

    /// <summary>Margins in percent as [factor index][rate index], for a heat map's z values.</summary>
    public double[][] MarginPercent =>
        BaselineFactors.Select((_, f) => Rates.Select((_, r) => 100 * Cells[(f * Rates.Count) + r].MarginPercent).ToArray()).ToArray();

    /// <summary>The cells in long form: annual_rate_pct, baseline_factor, value, met, margin_pct.</summary>
    public DataFrame ToDataFrame() => new(
        new PrimitiveDataFrameColumn<double>("annual_rate_pct", Cells.Select(c => 100 * c.AnnualRate)),
        new PrimitiveDataFrameColumn<double>("baseline_factor", Cells.Select(c => c.BaselineFactor)),
        new PrimitiveDataFrameColumn<double>("value", Cells.Select(c => c.ValueInTargetYear)),
        new PrimitiveDataFrameColumn<bool>("met", Cells.Select(c => c.Met)),
        new PrimitiveDataFrameColumn<double>("margin_pct", Cells.Select(c => 100 * c.MarginPercent)));
}
