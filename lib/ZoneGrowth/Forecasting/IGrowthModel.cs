using ZoneGrowth.Data;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// A growth model of an indicator's log level that can predict the level in a future year with
/// its uncertainty (parameter uncertainty plus year-to-year noise).
/// </summary>
public interface IGrowthModel
{
    /// <summary>A short name for tables, e.g. "random walk with drift".</summary>
    string Name { get; }

    /// <summary>The series the model was fitted to.</summary>
    IndicatorSeries Series { get; }

    /// <summary>The last year with an observation.</summary>
    int LastYear { get; }

    /// <summary>The predictive distribution of ln(level) in <paramref name="year"/> (after <see cref="LastYear"/>).</summary>
    LogPredictive Predict(int year);

    /// <summary>
    /// The joint distribution of ln(level) in every year from the one after <see cref="LastYear"/>
    /// to <paramref name="lastYear"/>, for path-dependent Monte Carlo.
    /// </summary>
    PathModel Paths(int lastYear);
}
