using ZoneGrowth.Forecasting;

namespace ZoneGrowth.Tests.Forecasting;

/// <summary>
/// A test reference, not library code: the same local linear trend as <see cref="LocalLinearTrendGls"/>, by the Kalman
/// filter and the Rauch-Tung-Striebel smoother with an approximate diffuse start. It is itself held to statsmodels and
/// mpmath (LocalLinearTrendTests), and the library's GLS engine is held to it.
/// </summary>
/// <remarks>
/// A local linear trend of a log level, filtered and smoothed by the Kalman filter, with a known
/// variance for each observation (so that a reported figure counts for more than a bridged one):
/// <code>
/// y(t)     = μ(t) + ε(t),            ε(t) ~ N(0, h(t))        (h(t) given per observation; years may be missing)
/// μ(t + 1) = μ(t) + ν(t) + ξ(t),     ξ(t) ~ N(0, σ²_level)
/// ν(t + 1) = ν(t) + ζ(t),            ζ(t) ~ N(0, σ²_slope)
/// </code>
/// μ is the log level and ν its growth (the slope). The filter starts approximately diffuse:
/// a(1) = 0, P(1) = κ·I with κ = 10⁶ (statsmodels' default for <c>UnobservedComponents</c>). The
/// log-likelihood leaves out the first two observed years, whose prediction errors only carry the
/// diffuse start. The smoother is Rauch–Tung–Striebel's; years after the last observation are
/// forecasts. The joint covariance of smoothed levels across years (for path simulation) comes from
/// Cov(α(t), α(s) | all) = J(t)·J(t+1)·…·J(s−1)·P(s | all), J(t) = P(t|t)·Tᵀ·P(t+1|t)⁻¹.
/// Checked against a statsmodels <c>MLEModel</c> with the same specification
/// (tests/ZoneGrowth.Tests/Forecasting/Reference).
/// </remarks>
internal sealed class LocalLinearTrend
{
    /// <summary>κ, the variance of the approximately diffuse start.</summary>
    public const double DiffuseVariance = 1e6;

    private const int Burn = 2;

    private readonly State[] _predicted;
    private readonly State[] _filtered;
    private readonly State[] _smoothed;
    private readonly Matrix2[] _gain;

    private LocalLinearTrend(int firstYear, IReadOnlyList<StateSpaceObservation?> byYear, double levelVariance, double slopeVariance)
    {
        FirstYear = firstYear;
        Observations = byYear.OfType<StateSpaceObservation>().ToArray();
        LevelVariance = levelVariance;
        SlopeVariance = slopeVariance;
        var n = byYear.Count;
        _predicted = new State[n + 1];
        _filtered = new State[n];
        _smoothed = new State[n];
        _gain = new Matrix2[n];
        var errors = new double[n];
        var errorVariances = new double[n];
        var contributions = new double[n];
        var q = new Matrix2(levelVariance, 0, 0, slopeVariance);

        _predicted[0] = new State(0, 0, new Matrix2(DiffuseVariance, 0, 0, DiffuseVariance));
        var observed = 0;
        var logLikelihood = 0.0;
        for (var t = 0; t < n; t++)
        {
            var p = _predicted[t];
            if (byYear[t] is { } y)
            {
                var v = y.LogValue - p.Level;
                var f = p.Covariance.A + y.Variance;
                var (k0, k1) = (p.Covariance.A / f, p.Covariance.C / f);
                var updated = new Matrix2(
                    p.Covariance.A - (k0 * k0 * f),
                    p.Covariance.B - (k0 * k1 * f),
                    p.Covariance.C - (k1 * k0 * f),
                    p.Covariance.D - (k1 * k1 * f));
                _filtered[t] = new State(p.Level + (k0 * v), p.Slope + (k1 * v), updated.Symmetric());
                errors[t] = v;
                errorVariances[t] = f;
                contributions[t] = -0.5 * (Math.Log(2 * Math.PI) + Math.Log(f) + (v * v / f));
                if (observed++ >= Burn)
                {
                    logLikelihood += contributions[t];
                }
            }
            else
            {
                _filtered[t] = p;
                errors[t] = double.NaN;
                errorVariances[t] = double.NaN;
            }

            var a = _filtered[t];
            _predicted[t + 1] = new State(a.Level + a.Slope, a.Slope, (Matrix2.Transition * a.Covariance * Matrix2.Transition.Transpose() + q).Symmetric());
        }

        _smoothed[n - 1] = _filtered[n - 1];
        for (var t = n - 2; t >= 0; t--)
        {
            var f = _filtered[t];
            var j = f.Covariance * Matrix2.Transition.Transpose() * _predicted[t + 1].Covariance.Inverse();
            _gain[t] = j;
            var next = _smoothed[t + 1];
            var (dl, ds) = (next.Level - _predicted[t + 1].Level, next.Slope - _predicted[t + 1].Slope);
            var covariance = f.Covariance + (j * (next.Covariance - _predicted[t + 1].Covariance) * j.Transpose());
            _smoothed[t] = new State(f.Level + (j.A * dl) + (j.B * ds), f.Slope + (j.C * dl) + (j.D * ds), covariance.Symmetric());
        }

        ForecastErrors = errors;
        ForecastErrorVariances = errorVariances;
        LogLikelihoodContributions = contributions;
        LogLikelihood = logLikelihood;
    }

    /// <summary>The first year of the time axis (the first observation's).</summary>
    public int FirstYear { get; }

    /// <summary>The last year of the time axis: the last observation's, or a later year to forecast to.</summary>
    public int LastYear => FirstYear + _filtered.Length - 1;

    /// <summary>The observations, in year order.</summary>
    public IReadOnlyList<StateSpaceObservation> Observations { get; }

    /// <summary>σ²_level, the variance of the yearly shock to the log level.</summary>
    public double LevelVariance { get; }

    /// <summary>σ²_slope, the variance of the yearly shock to growth.</summary>
    public double SlopeVariance { get; }

    /// <summary>The log-likelihood without the first two observed years' contributions (the diffuse start).</summary>
    public double LogLikelihood { get; }

    /// <summary>Each year's log-likelihood contribution (0 where a year has no observation).</summary>
    public IReadOnlyList<double> LogLikelihoodContributions { get; }

    /// <summary>Each year's one-step prediction error v(t) = y(t) − a(t|t−1) (NaN where a year has no observation).</summary>
    public IReadOnlyList<double> ForecastErrors { get; }

    /// <summary>Each year's prediction error variance F(t) = P(t|t−1)[0,0] + h(t) (NaN where a year has no observation).</summary>
    public IReadOnlyList<double> ForecastErrorVariances { get; }

    /// <summary>Runs the filter and smoother with given variances, from the first observation's year to <paramref name="lastYear"/>.</summary>
    /// <param name="observations">The observations; at most one per year, at least two.</param>
    /// <param name="levelVariance">σ²_level ≥ 0.</param>
    /// <param name="slopeVariance">σ²_slope ≥ 0.</param>
    /// <param name="lastYear">The last year of the time axis; by default the last observation's. Later years are forecasts.</param>
    /// <exception cref="ArgumentException">Fewer than two observations, two in one year, a non-positive observation variance, a negative state variance, or a last year before the last observation.</exception>
    public static LocalLinearTrend Filter(IEnumerable<StateSpaceObservation> observations, double levelVariance, double slopeVariance, int? lastYear = null)
    {
        var list = observations.OrderBy(o => o.Year).ToArray();
        if (list.Length < 2)
        {
            throw new ArgumentException(Invariant($"The state-space model was given {list.Length} observation(s); it needs at least two."), nameof(observations));
        }

        if (list.Select(o => o.Year).Distinct().Count() != list.Length)
        {
            throw new ArgumentException(ForecastingMessages.TwoObservationsInOneYear(list), nameof(observations));
        }

        if (list.FirstOrDefault(o => !(o.Variance > 0) || !double.IsFinite(o.LogValue)) is { } bad)
        {
            throw new ArgumentException(ForecastingMessages.BadObservation(bad), nameof(observations));
        }

        if (!(levelVariance >= 0) || !(slopeVariance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(levelVariance), ForecastingMessages.NegativeVariance(levelVariance, slopeVariance));
        }

        var first = list[0].Year;
        var last = lastYear ?? list[^1].Year;
        if (last < list[^1].Year)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), Invariant($"The last year {last} is before the last observation ({list[^1].Year})."));
        }

        var byYear = new StateSpaceObservation?[last - first + 1];
        foreach (var o in list)
        {
            byYear[o.Year - first] = o;
        }

        return new LocalLinearTrend(first, byYear, levelVariance, slopeVariance);
    }

    /// <summary>
    /// Estimates σ²_level and σ²_slope by maximum likelihood (the log-likelihood of
    /// <see cref="LogLikelihood"/>), then filters and smooths with them. The variances are
    /// parametrised as squares, so a variance can reach its boundary of zero (Nelder–Mead from
    /// several starting points, the best kept).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than three observations (two go to the diffuse start), or as for <see cref="Filter"/>.</exception>
    public static LocalLinearTrend FitMaximumLikelihood(IEnumerable<StateSpaceObservation> observations, int? lastYear = null)
    {
        var list = observations.ToArray();
        if (list.Length < Burn + 1)
        {
            throw new ArgumentException(ForecastingMessages.TooFewToEstimate(list.Length), nameof(observations));
        }

        var (level, slope) = VarianceSearch.Maximise((l, s) => Filter(list, l, s, lastYear).LogLikelihood);
        return Filter(list, level, slope, lastYear);
    }

    /// <summary>The filtered state a(t|t) and its covariance P(t|t) in <paramref name="year"/>.</summary>
    public (double Level, double Slope, double[,] Covariance) Filtered(int year) => _filtered[Index(year)].ToTuple();

    /// <summary>The one-step predicted state a(t|t−1) and its covariance P(t|t−1) in <paramref name="year"/> (up to the year after the last).</summary>
    public (double Level, double Slope, double[,] Covariance) Predicted(int year)
    {
        var index = year - FirstYear;
        if (index < 0 || index > _filtered.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(year), Invariant($"Year {year} is outside the model's years {FirstYear}-{LastYear + 1}."));
        }

        return _predicted[index].ToTuple();
    }

    /// <summary>The smoothed state a(t|all) and its covariance P(t|all) in <paramref name="year"/>.</summary>
    public (double Level, double Slope, double[,] Covariance) Smoothed(int year) => _smoothed[Index(year)].ToTuple();

    /// <summary>The smoothed log level in <paramref name="year"/>, with its variance.</summary>
    public (double Mean, double Variance) Level(int year)
    {
        var s = _smoothed[Index(year)];
        return (s.Level, s.Covariance.A);
    }

    /// <summary>The smoothed growth (slope of the log level) in <paramref name="year"/>, with its variance.</summary>
    public (double Mean, double Variance) Slope(int year)
    {
        var s = _smoothed[Index(year)];
        return (s.Slope, s.Covariance.D);
    }

    /// <summary>
    /// Cov(α(t), α(t−1) | all data), the smoothed lag-one autocovariance of the state (2 × 2,
    /// rows the state in <paramref name="year"/>, columns the state a year earlier).
    /// </summary>
    public double[,] SmoothedLagOneCovariance(int year)
    {
        var t = Index(year);
        if (t == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(year), Invariant($"Year {year} is outside the model's years {FirstYear + 1}-{LastYear}."));
        }

        // Cov(α(t−1), α(t)) = J(t−1)·P(t|all); its transpose is Cov(α(t), α(t−1)).
        return (_gain[t - 1] * _smoothed[t].Covariance).Transpose().ToArray();
    }

    /// <summary>The joint covariance of the smoothed log levels of the years <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    public double[,] LevelCovariance(int fromYear, int toYear)
    {
        var (a, b) = (Index(fromYear), Index(toYear));
        var m = b - a + 1;
        var result = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            // Cov(α(t), α(s)) = J(t)·…·J(s−1)·P(s|all) for s ≥ t.
            var product = Matrix2.Identity;
            for (var j = i; j < m; j++)
            {
                var c = product * _smoothed[a + j].Covariance;
                result[i, j] = c.A;
                result[j, i] = c.A;
                if (j < m - 1)
                {
                    product *= _gain[a + j];
                }
            }
        }

        return result;
    }

    private int Index(int year)
    {
        var index = year - FirstYear;
        return index >= 0 && index < _filtered.Length
            ? index
            : throw new ArgumentOutOfRangeException(nameof(year), Invariant($"Year {year} is outside the model's years {FirstYear}-{LastYear}."));
    }

    private readonly record struct State(double Level, double Slope, Matrix2 Covariance)
    {
        public (double, double, double[,]) ToTuple() => (Level, Slope, Covariance.ToArray());
    }

    /// <summary>A 2 × 2 matrix [[A, B], [C, D]].</summary>
    private readonly record struct Matrix2(double A, double B, double C, double D)
    {
        public static Matrix2 Transition { get; } = new(1, 1, 0, 1);

        public static Matrix2 Identity { get; } = new(1, 0, 0, 1);

        public static Matrix2 operator *(Matrix2 x, Matrix2 y) =>
            new((x.A * y.A) + (x.B * y.C), (x.A * y.B) + (x.B * y.D), (x.C * y.A) + (x.D * y.C), (x.C * y.B) + (x.D * y.D));

        public static Matrix2 operator +(Matrix2 x, Matrix2 y) => new(x.A + y.A, x.B + y.B, x.C + y.C, x.D + y.D);

        public static Matrix2 operator -(Matrix2 x, Matrix2 y) => new(x.A - y.A, x.B - y.B, x.C - y.C, x.D - y.D);

        public Matrix2 Transpose() => new(A, C, B, D);

        public Matrix2 Symmetric() => new(A, (B + C) / 2, (B + C) / 2, D);

        public Matrix2 Inverse()
        {
            var det = (A * D) - (B * C);
            return new(D / det, -B / det, -C / det, A / det);
        }

        public double[,] ToArray() => new[,] { { A, B }, { C, D } };
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
