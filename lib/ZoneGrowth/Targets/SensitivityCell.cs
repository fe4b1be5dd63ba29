namespace ZoneGrowth.Targets;

/// <summary>One cell of a sensitivity grid: a growth rate and a baseline revision.</summary>
/// <param name="AnnualRate">The constant annual growth rate (fraction).</param>
/// <param name="BaselineFactor">The baseline multiplied by this (0.9 = revised down 10 %).</param>
/// <param name="ValueInTargetYear">Baseline × factor × (1 + rate)^years.</param>
/// <param name="Target">The target value.</param>
public sealed record SensitivityCell(double AnnualRate, double BaselineFactor, double ValueInTargetYear, double Target)
{
    /// <summary>Whether the target is met.</summary>
    public bool Met => ValueInTargetYear >= Target;

    /// <summary>Value ÷ target − 1.</summary>
    public double MarginPercent => (ValueInTargetYear / Target) - 1;
}
