namespace ZoneGrowth.Forecasting;

/// <summary>Simulated levels of one year at chosen probabilities, for a fan chart.</summary>
/// <param name="Year">The year.</param>
/// <param name="Probabilities">The probabilities, ascending.</param>
/// <param name="Levels">The level at each probability (R's default quantile, type 7), in the series' units.</param>
public sealed record FanYear(int Year, IReadOnlyList<double> Probabilities, IReadOnlyList<double> Levels);
