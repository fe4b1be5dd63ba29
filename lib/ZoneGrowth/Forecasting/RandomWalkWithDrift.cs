using ZoneGrowth.Data;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// A random walk with drift on log levels, as R's <c>forecast::rwf(y, drift = TRUE)</c>: the
/// yearly log growth rates are the observations, y(t) = y(t−1) + μ + ε(t), ε ~ N(0, σ²).
/// Gaps are allowed: a difference over k years has mean kμ and variance kσ².
/// <list type="bullet">
/// <item>Drift μ̂ = (y_last − y_first) ÷ K, with K = t_last − t_first (the GLS estimate; rwf's
/// when there are no gaps).</item>
/// <item>σ̂² = Σ (d_i − k_i μ̂)² ÷ k_i ÷ (m − 1) over the m differences d_i spanning k_i years.</item>
/// <item>h years ahead: ln level ~ y_last + h μ̂ + σ̂ √(h + h² ÷ K) × t(m − 1): the noise of h
/// years plus the uncertainty of the drift. (rwf uses normal quantiles; the t with m − 1
/// degrees of freedom accounts for estimating σ from few points.)</item>
/// </list>
/// Uncertainty widens with the horizon, unlike the deterministic trend's.
/// </summary>
public sealed class RandomWalkWithDrift : IGrowthModel
{
    private RandomWalkWithDrift(IndicatorSeries series, double drift, double sigma, int differences, int span, double lastLog)
    {
        Series = series;
        Drift = drift;
        Sigma = sigma;
        Differences = differences;
        Span = span;
        LastLog = lastLog;
    }

    /// <inheritdoc />
    public string Name => "random walk with drift";

    /// <inheritdoc />
    public IndicatorSeries Series { get; }

    /// <inheritdoc />
    public int LastYear => Series.Points[^1].Year;

    /// <summary>The estimated drift μ̂: mean annual log growth.</summary>
    public double Drift { get; }

    /// <summary>The drift as an annual growth rate: e^μ̂ − 1.</summary>
    public double AnnualGrowthRate => Math.Exp(Drift) - 1;

    /// <summary>The estimated standard deviation σ̂ of one year's log growth.</summary>
    public double Sigma { get; }

    /// <summary>The standard error of the drift: σ̂ ÷ √K.</summary>
    public double DriftStandardError => Sigma / Math.Sqrt(Span);

    /// <summary>The number m of differences between consecutive observations.</summary>
    public int Differences { get; }

    /// <summary>K: the years from the first to the last observation.</summary>
    public int Span { get; }

    /// <summary>Degrees of freedom of σ̂: m − 1.</summary>
    public int DegreesOfFreedom => Differences - 1;

    /// <summary>ln of the last observed level.</summary>
    public double LastLog { get; }

    /// <summary>Fits the model to a series of at least three positive values.</summary>
    /// <exception cref="ArgumentException">Fewer than three values, or a non-positive value.</exception>
    public static RandomWalkWithDrift Fit(IndicatorSeries series)
    {
        if (series.Count < 3)
        {
            throw new ArgumentException(ForecastingMessages.TooFewPoints("A random walk with drift", series, 3));
        }

        foreach (var point in series.Points.Where(p => !(p.Value > 0)))
        {
            throw new ArgumentException(ForecastingMessages.NotPositiveInSeries(series, point));
        }

        var years = series.Years;
        var logs = series.Values.Select(v => Math.Log(v)).ToArray();
        var span = years[^1] - years[0];
        var drift = (logs[^1] - logs[0]) / span;
        var sum = 0.0;
        for (var i = 1; i < logs.Length; i++)
        {
            var k = years[i] - years[i - 1];
            var deviation = logs[i] - logs[i - 1] - (k * drift);
            sum += deviation * deviation / k;
        }

        var differences = logs.Length - 1;
        return new RandomWalkWithDrift(series, drift, Math.Sqrt(sum / (differences - 1)), differences, span, logs[^1]);
    }

    /// <inheritdoc />
    public LogPredictive Predict(int year)
    {
        var h = year - LastYear;
        if (h < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(year), ForecastingMessages.YearNotAfter(year, LastYear));
        }

        return new LogPredictive(year, LastLog + (h * Drift), Sigma * Math.Sqrt(h + ((double)h * h / Span)), DegreesOfFreedom);
    }

    /// <summary>
    /// h years ahead: ln level = y_last + h μ̂ + w σ̂ (h z ÷ √K + ε_1 + ... + ε_h): one parameter
    /// draw (the drift's error) and accumulating yearly noise.
    /// </summary>
    public PathModel Paths(int lastYear)
    {
        var years = lastYear - LastYear;
        if (years < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), ForecastingMessages.YearNotAfter(lastYear, LastYear));
        }

        var mean = Enumerable.Range(1, years).Select(h => LastLog + (h * Drift)).ToArray();
        var loadings = Enumerable.Range(1, years).Select(h => (IReadOnlyList<double>)[h / Math.Sqrt(Span)]).ToArray();
        return new PathModel(LastYear + 1, mean, loadings, cumulativeNoise: true, Sigma, DegreesOfFreedom);
    }
}
