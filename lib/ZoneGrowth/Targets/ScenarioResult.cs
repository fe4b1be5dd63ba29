namespace ZoneGrowth.Targets;

/// <summary>A scenario's path from the baseline to the target year, and its verdict.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Path">Year and level, from the baseline year to the target year.</param>
/// <param name="ValueInTargetYear">The level reached in the target year.</param>
/// <param name="Target">The target value.</param>
/// <param name="Conversion">The metric conversion applied, or null.</param>
public sealed record ScenarioResult(
    string Name,
    IReadOnlyList<(int Year, double Value)> Path,
    double ValueInTargetYear,
    double Target,
    MetricConversion? Conversion)
{
    /// <summary>What the scenario's name leaves out (<see cref="GrowthScenario.Note"/>), or null.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the target is reached or exceeded in the target year.</summary>
    public bool Met => ValueInTargetYear >= Target;

    /// <summary>Level reached minus target (negative: shortfall).</summary>
    public double Margin => ValueInTargetYear - Target;

    /// <summary>Level reached ÷ target − 1 (negative: shortfall).</summary>
    public double MarginPercent => (ValueInTargetYear / Target) - 1;
}
