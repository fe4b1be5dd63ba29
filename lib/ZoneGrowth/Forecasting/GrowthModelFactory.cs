using ZoneGrowth.Data;

namespace ZoneGrowth.Forecasting;

/// <summary>A growth model method by name: how to fit it to a series (for rolling-origin evaluation).</summary>
/// <param name="Name">The name for tables, e.g. "random walk with drift".</param>
/// <param name="Fit">Fits the model to a series; throws <see cref="ArgumentException"/> or <see cref="Regression.RegressionException"/> when the series is too short.</param>
public sealed record GrowthModelFactory(string Name, Func<IndicatorSeries, IGrowthModel> Fit);
