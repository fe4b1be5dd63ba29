using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using ZoneGrowth.Data;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// Rolling-origin (out-of-sample) evaluation of growth models on one series: how each method
/// would have done had it been used before. For every origin year, each model is fitted to the
/// series up to the origin only (<see cref="IndicatorSeries.Until"/>) and forecasts every later
/// year of the series up to the maximum horizon; each forecast is set beside the value published.
/// Origins are the years with at least the minimum number of points up to them, except the last
/// year (which has nothing after it). A model that cannot be fitted at an origin (too few points)
/// is listed in <see cref="Skipped"/> with the reason, never silently dropped.
/// Errors are on the log scale, e = ln(actual ÷ median forecast); coverage is the share of
/// outcomes inside the forecasts' 90 % intervals (the 5 % and 95 % quantiles).
/// </summary>
public sealed class RollingOrigin
{
    private RollingOrigin(
        IndicatorSeries series,
        IReadOnlyList<string> models,
        int minimumPoints,
        int maximumHorizon,
        IReadOnlyList<int> origins,
        IReadOnlyList<RollingOriginForecast> forecasts,
        IReadOnlyList<RollingOriginSkip> skipped)
    {
        Series = series;
        Models = models;
        MinimumPoints = minimumPoints;
        MaximumHorizon = maximumHorizon;
        Origins = origins;
        Forecasts = forecasts;
        Skipped = skipped;
        Summary = models.Select(m => RollingOriginSummary.Of(m, null, forecasts.Where(f => f.Model == m).ToArray())).ToArray();
        SummaryByHorizon = models
            .SelectMany(m => Enumerable.Range(1, maximumHorizon)
                .Select(h => RollingOriginSummary.Of(m, h, forecasts.Where(f => f.Model == m && f.Horizon == h).ToArray()))
                .Where(s => s.Forecasts > 0))
            .ToArray();
    }

    /// <summary>The series evaluated (all of it: the actuals).</summary>
    public IndicatorSeries Series { get; }

    /// <summary>The models' names, in the order given.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>The fewest points a model was fitted to (the first origin has this many).</summary>
    public int MinimumPoints { get; }

    /// <summary>The longest horizon forecast, in years.</summary>
    public int MaximumHorizon { get; }

    /// <summary>The origin years, ascending.</summary>
    public IReadOnlyList<int> Origins { get; }

    /// <summary>Every forecast, by model, origin and year.</summary>
    public IReadOnlyList<RollingOriginForecast> Forecasts { get; }

    /// <summary>Each model that could not be fitted at an origin, with the reason.</summary>
    public IReadOnlyList<RollingOriginSkip> Skipped { get; }

    /// <summary>One line per model over all horizons: forecasts, mean absolute and mean log error (percent), coverage.</summary>
    public IReadOnlyList<RollingOriginSummary> Summary { get; }

    /// <summary>One line per model and horizon that has forecasts.</summary>
    public IReadOnlyList<RollingOriginSummary> SummaryByHorizon { get; }

    /// <summary>
    /// The standard model set: the log-linear trend, the random walk with drift, and the local
    /// linear trend state-space model (with <paramref name="options"/>' observation variances).
    /// </summary>
    public static IReadOnlyList<GrowthModelFactory> StandardModels(ObservationNoise? options = null) =>
    [
        new("log-linear trend", LogLinearTrendModel.Fit),
        new("random walk with drift", RandomWalkWithDrift.Fit),
        new("local linear trend (state space)", s => StateSpaceGrowthModel.Fit(s, options: options)),
    ];

    /// <summary>Runs the evaluation.</summary>
    /// <param name="series">The series; its values are the actuals.</param>
    /// <param name="models">The models, by name (names must differ).</param>
    /// <param name="minimumPoints">The fewest points to fit to (at least 1): the first origin is the year of this point.</param>
    /// <param name="maximumHorizon">The longest horizon to forecast, in years (at least 1).</param>
    /// <exception cref="ArgumentException">No models, two with one name, or a minimum or horizon below 1.</exception>
    public static RollingOrigin Run(IndicatorSeries series, IReadOnlyList<GrowthModelFactory> models, int minimumPoints = 3, int maximumHorizon = 4)
    {
        if (models.Count == 0 || models.Select(m => m.Name).Distinct().Count() != models.Count)
        {
            throw new ArgumentException(ForecastingMessages.ModelsNeedNames, nameof(models));
        }

        if (minimumPoints < 1 || maximumHorizon < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPoints), FormattableString.Invariant($"The minimum number of points ({minimumPoints}) and the maximum horizon ({maximumHorizon}) must be at least 1."));
        }

        var points = series.Points;
        var origins = Enumerable.Range(minimumPoints - 1, Math.Max(0, points.Count - minimumPoints)).Select(i => points[i].Year).ToArray();
        var forecasts = new List<RollingOriginForecast>();
        var skipped = new List<RollingOriginSkip>();
        foreach (var model in models)
        {
            foreach (var origin in origins)
            {
                IGrowthModel fitted;
                try
                {
                    fitted = model.Fit(series.Until(origin));
                }
                catch (Exception e) when (e is ArgumentException or RegressionException)
                {
                    skipped.Add(new RollingOriginSkip(model.Name, origin, e.Message));
                    continue;
                }

                foreach (var point in points.Where(p => p.Year > origin && p.Year - origin <= maximumHorizon))
                {
                    var predictive = fitted.Predict(point.Year);
                    forecasts.Add(new RollingOriginForecast(model.Name, origin, point.Year, point.Value, predictive.Median, predictive.Quantile(0.05), predictive.Quantile(0.95)));
                }
            }
        }

        return new RollingOrigin(series, models.Select(m => m.Name).ToArray(), minimumPoints, maximumHorizon, origins, forecasts, skipped);
    }

    /// <summary>
    /// The forecasts, from every origin or from one: model, origin, year, horizon, actual, median,
    /// low_90, high_90 (levels rounded to 0.1), log_error (4 decimals), covered.
    /// </summary>
    /// <param name="origin">Only the forecasts made at this origin; all when null.</param>
    public DataFrame ToDataFrame(int? origin = null)
    {
        var rows = Forecasts.Where(f => origin is null || f.Origin == origin).ToArray();
        return new(
            new StringDataFrameColumn("model", rows.Select(f => f.Model)),
            new PrimitiveDataFrameColumn<int>("origin", rows.Select(f => f.Origin)),
            new PrimitiveDataFrameColumn<int>("year", rows.Select(f => f.Year)),
            new PrimitiveDataFrameColumn<int>("horizon", rows.Select(f => f.Horizon)),
            new PrimitiveDataFrameColumn<double>("actual", rows.Select(f => f.Actual)),
            new PrimitiveDataFrameColumn<double>("median", rows.Select(f => Math.Round(f.Median, 1))),
            new PrimitiveDataFrameColumn<double>("low_90", rows.Select(f => Math.Round(f.Low, 1))),
            new PrimitiveDataFrameColumn<double>("high_90", rows.Select(f => Math.Round(f.High, 1))),
            new PrimitiveDataFrameColumn<double>("log_error", rows.Select(f => Math.Round(f.LogError, 4))),
            new PrimitiveDataFrameColumn<bool>("covered", rows.Select(f => f.Covered)));
    }

    /// <summary>
    /// The summaries, overall (horizon empty) then by horizon: model, horizon, forecasts,
    /// mean_abs_log_error_pct, mean_log_error_pct, coverage_90.
    /// </summary>
    public DataFrame SummaryToDataFrame()
    {
        var rows = Summary.Concat(SummaryByHorizon).ToArray();
        return new DataFrame(
            new StringDataFrameColumn("model", rows.Select(r => r.Model)),
            new StringDataFrameColumn("horizon", rows.Select(r => r.Horizon is { } h ? h.ToString(CultureInfo.InvariantCulture) : "all")),
            new PrimitiveDataFrameColumn<int>("forecasts", rows.Select(r => r.Forecasts)),
            new PrimitiveDataFrameColumn<double>("mean_abs_log_error_pct", rows.Select(r => Math.Round(r.MeanAbsoluteLogErrorPercent, 2))),
            new PrimitiveDataFrameColumn<double>("mean_log_error_pct", rows.Select(r => Math.Round(r.MeanLogErrorPercent, 2))),
            new PrimitiveDataFrameColumn<double>("coverage_90", rows.Select(r => Math.Round(r.Coverage, 3))));
    }

    /// <summary>The evaluation as text tables: what was done, the summaries, skipped fits, then every forecast.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(FormattableString.Invariant($"Rolling-origin evaluation of {Series.Zone} {Series.Indicator.Id} ({Series.Unit.Code}): origins {string.Join(", ", Origins)} (at least {MinimumPoints} points fitted), horizons 1-{MaximumHorizon} years, {Forecasts.Count} forecasts."));
        text.AppendLine("Error e = ln(actual / median forecast); MAE = 100 x mean |e| (%), bias = 100 x mean e (%), coverage = share of actuals inside the 90 % interval.");
        text.AppendLine();
        var width = Math.Max(5, Models.Max(m => m.Length));
        text.AppendLine(FormattableString.Invariant($"{"model".PadRight(width)}  horizon  forecasts  MAE %   bias %  coverage"));
        foreach (var s in Summary.Concat(SummaryByHorizon))
        {
            var horizon = s.Horizon?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all";
            text.AppendLine(FormattableString.Invariant($"{s.Model.PadRight(width)}  {horizon,7}  {s.Forecasts,9}  {s.MeanAbsoluteLogErrorPercent,5:0.00}  {s.MeanLogErrorPercent,7:+0.00;-0.00;0.00}  {s.Coverage,8:0.00}"));
        }

        if (Skipped.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Not fitted:");
            foreach (var s in Skipped)
            {
                text.AppendLine(FormattableString.Invariant($"  {s.Model} at origin {s.Origin}: {s.Reason}"));
            }
        }

        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"{"model".PadRight(width)}  origin  year  h     actual     median   low 90 %  high 90 %  e %     covered"));
        foreach (var f in Forecasts)
        {
            text.AppendLine(FormattableString.Invariant($"{f.Model.PadRight(width)}  {f.Origin,6}  {f.Year,4}  {f.Horizon,1}  {f.Actual,9:0.0}  {f.Median,9:0.0}  {f.Low,9:0.0}  {f.High,9:0.0}  {100 * f.LogError,6:+0.0;-0.0;0.0}  {(f.Covered ? "yes" : "no")}"));
        }

        return text.ToString();
    }
}
