using ZoneGrowth.Data;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// The deterministic log-linear trend, ln(level) = a + b·(year − base) + ε, as a growth model
/// for targets. A year's level is predicted with the classical t prediction interval on the log
/// scale: location a + b·x, scale s·√(1 + x'(X'X)⁻¹x), n − 2 degrees of freedom: parameter
/// uncertainty plus the year's own deviation from the trend. Deviations do not accumulate, so
/// uncertainty grows with the horizon only through the slope's error (unlike the random walk).
/// </summary>
public sealed class LogLinearTrendModel : IGrowthModel
{
    private readonly double _inverse00;
    private readonly double _inverse01;
    private readonly double _inverse11;

    private LogLinearTrendModel(IndicatorSeries series, LogLinearTrendResults trend)
    {
        Series = series;
        Trend = trend;
        var x = series.Years.Select(y => (double)(y - trend.BaseYear)).ToArray();
        double n = x.Length, sx = x.Sum(), sxx = x.Sum(v => v * v);
        var determinant = (n * sxx) - (sx * sx);
        (_inverse00, _inverse01, _inverse11) = (sxx / determinant, -sx / determinant, n / determinant);
    }

    /// <inheritdoc />
    public string Name => "log-linear trend";

    /// <inheritdoc />
    public IndicatorSeries Series { get; }

    /// <summary>The fitted trend, with its regression results and summary.</summary>
    public LogLinearTrendResults Trend { get; }

    /// <inheritdoc />
    public int LastYear => Series.Points[^1].Year;

    /// <summary>Fits the trend to a series (at least three positive values).</summary>
    /// <exception cref="RegressionException">Too few points, a non-positive value, or a constant year.</exception>
    public static LogLinearTrendModel Fit(IndicatorSeries series) =>
        new(series, series.FitLogLinearTrend());

    /// <inheritdoc />
    public LogPredictive Predict(int year)
    {
        if (year <= LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), ForecastingMessages.YearNotAfter(year, LastYear));
        }

        var x = (double)(year - Trend.BaseYear);
        var leverage = _inverse00 + (2 * x * _inverse01) + (x * x * _inverse11);
        var s = Trend.Regression.ResidualStandardError;
        return new LogPredictive(year, Location(x), s * Math.Sqrt(1 + leverage), Trend.Regression.ResidualDegreesOfFreedom);
    }

    /// <summary>
    /// ln level(x) = a + b x + w s (x'L z + ε), with (X'X)⁻¹ = L L' (Cholesky): two parameter
    /// draws, one independent deviation per year.
    /// </summary>
    public PathModel Paths(int lastYear)
    {
        if (lastYear <= LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), ForecastingMessages.YearNotAfter(lastYear, LastYear));
        }

        var l00 = Math.Sqrt(_inverse00);
        var l10 = _inverse01 / l00;
        var l11 = Math.Sqrt(_inverse11 - (l10 * l10));
        var years = Enumerable.Range(LastYear + 1, lastYear - LastYear).Select(y => (double)(y - Trend.BaseYear)).ToArray();
        var loadings = years.Select(x => (IReadOnlyList<double>)[l00 + (x * l10), x * l11]).ToArray();
        return new PathModel(LastYear + 1, years.Select(Location).ToArray(), loadings, cumulativeNoise: false, Trend.Regression.ResidualStandardError, Trend.Regression.ResidualDegreesOfFreedom);
    }

    private double Location(double x) => Trend.Regression.Coefficients[0] + (Trend.Regression.Coefficients[1] * x);
}
