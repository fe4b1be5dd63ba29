namespace ZoneGrowth.Forecasting;

/// <summary>The raw counts of a Monte Carlo run.</summary>
/// <param name="Paths">The number of paths.</param>
/// <param name="Above">Paths at or above the threshold in the chosen year.</param>
/// <param name="FirstCrossing">
/// Paths whose first year at or above the threshold has index k (0 = the first simulated year);
/// the last element counts paths that never reach it within the simulated years.
/// </param>
/// <param name="Values">Every path's ln level per year (year-major), when they were kept; otherwise null.</param>
public sealed record MonteCarloCounts(long Paths, long Above, IReadOnlyList<long> FirstCrossing, IReadOnlyList<double[]>? Values);
