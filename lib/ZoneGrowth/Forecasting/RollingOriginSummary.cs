namespace ZoneGrowth.Forecasting;

/// <summary>How one model did out of sample, over all horizons or at one.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Horizon">The horizon in years, or null for all horizons together.</param>
/// <param name="Forecasts">The number of forecasts.</param>
/// <param name="MeanAbsoluteLogErrorPercent">100 × mean |ln(actual ÷ median)|: the typical error in percent.</param>
/// <param name="MeanLogErrorPercent">100 × mean ln(actual ÷ median): the bias in percent (positive: outcomes above the forecasts).</param>
/// <param name="Coverage">The share of outcomes inside their 90 % interval (0.9 when the intervals are calibrated).</param>
public sealed record RollingOriginSummary(
    string Model,
    int? Horizon,
    int Forecasts,
    double MeanAbsoluteLogErrorPercent,
    double MeanLogErrorPercent,
    double Coverage)
{
    internal static RollingOriginSummary Of(string model, int? horizon, IReadOnlyCollection<RollingOriginForecast> forecasts) =>
        forecasts.Count == 0
            ? new(model, horizon, 0, double.NaN, double.NaN, double.NaN)
            : new(
                model,
                horizon,
                forecasts.Count,
                100 * forecasts.Average(f => Math.Abs(f.LogError)),
                100 * forecasts.Average(f => f.LogError),
                forecasts.Count(f => f.Covered) / (double)forecasts.Count);
}
