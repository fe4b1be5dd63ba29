using MathNet.Numerics.LinearAlgebra;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// A local linear trend of a log level, μ(t + 1) = μ(t) + ν(t) + ξ(t), ν(t + 1) = ν(t) + ζ(t), with
/// ξ ~ N(0, σ²_level) and ζ ~ N(0, σ²_slope), solved in one step by generalised least squares, which
/// allows the observation errors to be correlated across years (bridged values that share a ratio, a
/// revision or a GDP level). With the start α(0) = (μ₀, ν₀) a fixed unknown (an
/// exactly diffuse start) and w(s) the state disturbances,
/// <code>
/// μ(t) = μ₀ + t·ν₀ + Σ_{s&lt;t} (ξ(s) + (t − 1 − s)·ζ(s)),   so   y = Xβ + e,   Cov(e) = K + R,
/// K[i, j] = Σ_{s &lt; min(tᵢ, tⱼ)} (σ²_level + (tᵢ − 1 − s)(tⱼ − 1 − s)·σ²_slope),   X = [1, t],   β = (μ₀, ν₀),
/// </code>
/// with R the observation errors' covariance. β̂ = (XᵀV⁻¹X)⁻¹XᵀV⁻¹y (V = K + R); the level of any year t
/// (observed, between or after the observations) is predicted by universal kriging:
/// m(t) = x(t)β̂ + k(t)ᵀV⁻¹(y − Xβ̂), with variance K(t, t) − kᵀV⁻¹k + dᵀ(XᵀV⁻¹X)⁻¹d, d = x(t) − XᵀV⁻¹k(t).
/// With R diagonal this is the Kalman smoother with an exactly diffuse start (the tests hold it to
/// statsmodels). The variances are estimated by maximising the restricted (diffuse) log-likelihood
/// −½[(n − 2)·ln 2π + ln|V| + ln|XᵀV⁻¹X| + rᵀV⁻¹r], r = y − Xβ̂, which equals the Kalman filter's
/// diffuse log-likelihood up to a constant. Dense, so meant for short annual series (tens of years).
/// </summary>
public sealed class LocalLinearTrendGls
{
    private readonly int[] _t;
    private readonly Matrix<double> _x;
    private readonly Matrix<double> _vInverse;
    private readonly Matrix<double> _informationInverse;
    private readonly Vector<double> _beta;
    private readonly Vector<double> _residualWeights;

    private LocalLinearTrendGls(IReadOnlyList<StateSpaceObservation> observations, Matrix<double> r, double levelVariance, double slopeVariance)
    {
        Observations = observations;
        FirstYear = observations[0].Year;
        LevelVariance = levelVariance;
        SlopeVariance = slopeVariance;
        _t = observations.Select(o => o.Year - FirstYear).ToArray();
        var n = _t.Length;
        _x = Matrix<double>.Build.Dense(n, 2, (i, j) => j == 0 ? 1 : _t[i]);
        var y = Vector<double>.Build.Dense(observations.Select(o => o.LogValue).ToArray());
        var v = Matrix<double>.Build.Dense(n, n, (i, j) => Disturbance(_t[i], _t[j])) + r;
        var cholesky = v.Cholesky();
        _vInverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(n));
        var information = _x.TransposeThisAndMultiply(_vInverse * _x);
        _informationInverse = information.Inverse();
        _beta = _informationInverse * (_x.TransposeThisAndMultiply(_vInverse * y));
        var residual = y - (_x * _beta);
        _residualWeights = _vInverse * residual;
        LogLikelihood = -0.5 * (((n - 2) * Math.Log(2 * Math.PI)) + cholesky.DeterminantLn + Math.Log(information.Determinant()) + residual.DotProduct(_residualWeights));
    }

    /// <summary>The first observation's year (t = 0).</summary>
    public int FirstYear { get; }

    /// <summary>The observations, in year order.</summary>
    public IReadOnlyList<StateSpaceObservation> Observations { get; }

    /// <summary>σ²_level, the variance of the yearly shock to the log level.</summary>
    public double LevelVariance { get; }

    /// <summary>σ²_slope, the variance of the yearly shock to growth.</summary>
    public double SlopeVariance { get; }

    /// <summary>The restricted (diffuse) log-likelihood at these variances.</summary>
    public double LogLikelihood { get; }

    /// <summary>Solves the model with given variances.</summary>
    /// <param name="observations">At least three observations, at most one per year.</param>
    /// <param name="observationCovariance">The covariance of their errors (n × n, symmetric, positive definite), in the order of the observations sorted by year; null for independent errors with each observation's own variance.</param>
    /// <param name="levelVariance">σ²_level ≥ 0.</param>
    /// <param name="slopeVariance">σ²_slope ≥ 0.</param>
    public static LocalLinearTrendGls Solve(IEnumerable<StateSpaceObservation> observations, double[,]? observationCovariance, double levelVariance, double slopeVariance)
    {
        var (list, r) = Checked(observations, observationCovariance);
        if (!(levelVariance >= 0) || !(slopeVariance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(levelVariance), ForecastingMessages.NegativeVariance(levelVariance, slopeVariance));
        }

        return new LocalLinearTrendGls(list, r, levelVariance, slopeVariance);
    }

    /// <summary>
    /// Estimates σ²_level and σ²_slope by maximising the restricted log-likelihood (parametrised as
    /// squares, so a variance can reach zero; Nelder–Mead from several starts), then solves with them.
    /// </summary>
    public static LocalLinearTrendGls FitMaximumLikelihood(IEnumerable<StateSpaceObservation> observations, double[,]? observationCovariance = null)
    {
        var (list, r) = Checked(observations, observationCovariance);
        var (level, slope) = VarianceSearch.Maximise((l, s) => new LocalLinearTrendGls(list, r, l, s).LogLikelihood);
        return new LocalLinearTrendGls(list, r, level, slope);
    }

    /// <summary>The predicted log level of a year (observed, between observations or after them), with its variance.</summary>
    public (double Mean, double Variance) Level(int year)
    {
        var t = year - FirstYear;
        var (k, d) = Weights(t);
        return ((Row(t) * _beta) + k.DotProduct(_residualWeights), Covariance(t, t, (k, d), (k, d)));
    }

    /// <summary>The joint covariance of the predicted log levels of the years <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    public double[,] LevelCovariance(int fromYear, int toYear)
    {
        var years = Enumerable.Range(fromYear - FirstYear, toYear - fromYear + 1).ToArray();
        var parts = years.Select(Weights).ToArray();
        var result = new double[years.Length, years.Length];
        for (var a = 0; a < years.Length; a++)
        {
            for (var b = a; b < years.Length; b++)
            {
                var value = Covariance(years[a], years[b], parts[a], parts[b]);
                result[a, b] = value;
                result[b, a] = value;
            }
        }

        return result;
    }

    /// <summary>Cov(m(t), m(u)) = K(t, u) − k(t)ᵀV⁻¹k(u) + d(t)ᵀ(XᵀV⁻¹X)⁻¹d(u).</summary>
    private double Covariance(int t, int u, (Vector<double> K, Vector<double> D) a, (Vector<double> K, Vector<double> D) b) =>
        Disturbance(t, u) - a.K.DotProduct(_vInverse * b.K) + a.D.DotProduct(_informationInverse * b.D);

    private (Vector<double> K, Vector<double> D) Weights(int t)
    {
        var k = Vector<double>.Build.Dense(_t.Length, i => Disturbance(t, _t[i]));
        var d = Row(t) - _x.TransposeThisAndMultiply(_vInverse * k);
        return (k, d);
    }

    private static Vector<double> Row(int t) => Vector<double>.Build.Dense([1, t]);

    /// <summary>Cov(μ(t), μ(u)) from the disturbances after the start: Σ_{s &lt; min(t, u)} σ²_level + (t − 1 − s)(u − 1 − s)·σ²_slope.</summary>
    private double Disturbance(int t, int u)
    {
        var sum = 0.0;
        for (var s = 0; s < Math.Min(t, u); s++)
        {
            sum += LevelVariance + ((t - 1 - s) * (u - 1 - s) * SlopeVariance);
        }

        return sum;
    }

    private static (StateSpaceObservation[] List, Matrix<double> R) Checked(IEnumerable<StateSpaceObservation> observations, double[,]? covariance)
    {
        var list = observations.ToArray();
        if (list.Length < 3)
        {
            throw new ArgumentException(ForecastingMessages.TooFewToEstimate(list.Length), nameof(observations));
        }

        if (list.Zip(list.Skip(1)).Any(p => p.Second.Year <= p.First.Year))
        {
            throw new ArgumentException(list.Select(o => o.Year).Distinct().Count() != list.Length ? ForecastingMessages.TwoObservationsInOneYear(list) : ForecastingMessages.NotInYearOrder, nameof(observations));
        }

        if (list.FirstOrDefault(o => !(o.Variance > 0) || !double.IsFinite(o.LogValue)) is { } bad)
        {
            throw new ArgumentException(ForecastingMessages.BadObservation(bad), nameof(observations));
        }

        var r = covariance is null
            ? Matrix<double>.Build.DenseOfDiagonalArray(list.Select(o => o.Variance).ToArray())
            : Matrix<double>.Build.DenseOfArray(covariance);
        if (r.RowCount != list.Length || r.ColumnCount != list.Length)
        {
            throw new ArgumentException(ForecastingMessages.CovarianceShape(r.RowCount, r.ColumnCount, list.Length), nameof(covariance));
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (Math.Abs(r[i, i] - list[i].Variance) > 1e-12 * Math.Max(1, list[i].Variance))
            {
                throw new ArgumentException(ForecastingMessages.CovarianceDiagonal(list[i], r[i, i]), nameof(covariance));
            }
        }

        return (list, r);
    }
}
