namespace ZoneGrowth.Targets;

/// <summary>One source of error in the target year's log value, at the estimated scales.</summary>
/// <param name="Source">What the error is, e.g. "drift of revenue ÷ GDP per year, 2022-2025".</param>
/// <param name="Sd">Its standard deviation on the log scale in the target year's value (0.05 is about ±5 %).</param>
/// <param name="Share">Its share of the value's variance at the estimated scales.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom of its scale (its margin is Student t), or positive infinity for a standard deviation taken as known.</param>
public sealed record VarianceShare(string Source, double Sd, double Share, double DegreesOfFreedom);
