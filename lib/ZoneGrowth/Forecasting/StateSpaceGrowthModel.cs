using ZoneGrowth.Data;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// A local linear trend of the log level (<see cref="LocalLinearTrendGls"/>: the Kalman smoother's result in one
/// dense GLS step with an exactly diffuse start) as a growth model for any
/// series: each point is an observation of ln level with the variance of its kind of evidence
/// (<see cref="ObservationNoise"/>: reported, derived from a published growth rate, estimate,
/// approximate), the two state variances are estimated by maximum likelihood, and a future year's
/// published log level is predicted as the smoothed (forecast) level plus the noise of a published
/// figure. No related indicator is bridged in: only the series' own points (it is the third method of
/// the out-of-sample evaluation, <see cref="RollingOrigin"/>). The predictive distribution is normal (ν = ∞): the variances are taken as known.
/// </summary>
public sealed class StateSpaceGrowthModel : IGrowthModel
{
    private readonly StateSpaceObservation[] _observations;
    private readonly LocalLinearTrendGls _model;

    private StateSpaceGrowthModel(IndicatorSeries series, StateSpaceObservation[] observations, LocalLinearTrendGls model, ObservationNoise options)
    {
        Series = series;
        _observations = observations;
        _model = model;
        Options = options;
    }

    /// <inheritdoc />
    public string Name => "local linear trend (state space)";

    /// <inheritdoc />
    public IndicatorSeries Series { get; }

    /// <inheritdoc />
    public int LastYear => Series.Points[^1].Year;

    /// <summary>The observations filtered: one per point, with its kind's variance.</summary>
    public IReadOnlyList<StateSpaceObservation> Observations => _observations;

    /// <summary>The settings used (the observation standard deviation of each kind of evidence).</summary>
    public ObservationNoise Options { get; }

    /// <summary>The fitted state-space model (it gives the level of any year, observed or not).</summary>
    public LocalLinearTrendGls Model => _model;

    /// <summary>σ²_level estimated by maximum likelihood.</summary>
    public double LevelVariance => _model.LevelVariance;

    /// <summary>σ²_slope estimated by maximum likelihood.</summary>
    public double SlopeVariance => _model.SlopeVariance;

    /// <summary>
    /// Fits the model to a series of at least three positive values (two go to the diffuse start).
    /// Reported points, derived points (<see cref="SeriesPoint.IsDerived"/>), estimates and
    /// approximate figures are admitted, each with its variance; targets and lower bounds are not
    /// observations of the level and are refused.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="options">The observation standard deviations; <see cref="ObservationNoise.Default"/> when null.</param>
    /// <exception cref="ArgumentException">Fewer than three values, a non-positive value, or a point whose status is not evidence of the level.</exception>
    public static StateSpaceGrowthModel Fit(IndicatorSeries series, ObservationNoise? options = null)
    {
        options ??= ObservationNoise.Default;
        var observations = ObservationsOf(series, options);
        return new StateSpaceGrowthModel(series, observations, LocalLinearTrendGls.FitMaximumLikelihood(observations), options);
    }

    /// <summary>
    /// The model with given state variances instead of estimated ones (e.g. those of another fit,
    /// to see what the observation variances alone change). Same observations and checks as
    /// <see cref="Fit"/>.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="levelVariance">σ²_level ≥ 0.</param>
    /// <param name="slopeVariance">σ²_slope ≥ 0.</param>
    /// <param name="options">The observation standard deviations; <see cref="ObservationNoise.Default"/> when null.</param>
    /// <exception cref="ArgumentException">As for <see cref="Fit"/>, or a negative variance.</exception>
    public static StateSpaceGrowthModel Filter(IndicatorSeries series, double levelVariance, double slopeVariance, ObservationNoise? options = null)
    {
        options ??= ObservationNoise.Default;
        var observations = ObservationsOf(series, options);
        return new StateSpaceGrowthModel(series, observations, LocalLinearTrendGls.Solve(observations, null, levelVariance, slopeVariance), options);
    }

    /// <inheritdoc />
    public LogPredictive Predict(int year)
    {
        if (year <= LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), ForecastingMessages.YearNotAfter(year, LastYear));
        }

        var (mean, variance) = _model.Level(year);
        return new LogPredictive(year, mean, Math.Sqrt(variance + (Options.ReportedSd * Options.ReportedSd)), double.PositiveInfinity);
    }

    /// <summary>
    /// The joint normal distribution of the published log levels from the year after the last
    /// observation to <paramref name="lastYear"/>: the smoothed levels' joint covariance C (a square root B with BBᵀ = C, from its
    /// eigen-decomposition, as the loadings) plus independent noise of a published figure.
    /// </summary>
    public PathModel Paths(int lastYear)
    {
        if (lastYear <= LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), ForecastingMessages.YearNotAfter(lastYear, LastYear));
        }

        var first = LastYear + 1;
        var mean = Enumerable.Range(first, lastYear - first + 1).Select(y => _model.Level(y).Mean).ToArray();
        return JointNormalPaths.Create(first, mean, _model.LevelCovariance(first, lastYear), Options.ReportedSd);
    }

    private static StateSpaceObservation[] ObservationsOf(IndicatorSeries series, ObservationNoise options)
    {
        if (series.Count < 3)
        {
            throw new ArgumentException(ForecastingMessages.TooFewPoints("A local linear trend (state space)", series, 3));
        }

        foreach (var point in series.Points.Where(p => !(p.Value > 0)))
        {
            throw new ArgumentException(ForecastingMessages.NotPositiveInSeries(series, point));
        }

        return series.Points.Select(p => StateSpaceObservation.Of(series, p, options)).ToArray();
    }
}
