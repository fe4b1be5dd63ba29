namespace ZoneGrowth.Forecasting;

/// <summary>
/// The joint predictive distribution of future log levels that the Monte Carlo draws from,
/// common to both model families. For year k = 0, 1, ... after the last observation:
/// <code>
/// ln level(k) = Mean[k] + w · Scale · (Σ_j Loadings[k, j] · z_j + noise(k)),
/// z ~ N(0, I_p) (parameter uncertainty), ε(k) ~ N(0, 1) (yearly noise),
/// noise(k) = ε(k) (deviations around a trend) or ε(0) + ... + ε(k) (a random walk),
/// w = √(ν ÷ χ²_ν) (uncertainty of the error variance, ν = DegreesOfFreedom).
/// </code>
/// The yearly noise is not independent normal noise added to a t draw: it shares the path's
/// scale w · Scale with the parameter draws (normal given w, t over the paths).
/// Each year's margin is then exactly Student t with ν degrees of freedom and scale
/// Scale · √(Σ_j Loadings[k, j]² + noise variance): the analytic predictive distribution
/// (<see cref="Marginal"/>), which the Monte Carlo reproduces and extends to path-dependent
/// questions (the first year the target is crossed).
/// </summary>
public sealed class PathModel
{
    private readonly double[] _mean;
    private readonly double[] _loadings;

    /// <summary>Creates a path model.</summary>
    /// <param name="firstYear">The year of index 0 (the year after the last observation).</param>
    /// <param name="mean">The centre of ln level for each simulated year.</param>
    /// <param name="loadings">Per simulated year, the loadings of the p standard normal parameter draws.</param>
    /// <param name="cumulativeNoise">True for a random walk (noise accumulates), false for deviations around a trend.</param>
    /// <param name="scale">The residual scale s (estimated standard deviation of the yearly noise).</param>
    /// <param name="degreesOfFreedom">Degrees of freedom ν of s; positive infinity for a known variance.</param>
    public PathModel(int firstYear, IReadOnlyList<double> mean, IReadOnlyList<IReadOnlyList<double>> loadings, bool cumulativeNoise, double scale, double degreesOfFreedom)
    {
        if (mean.Count == 0 || loadings.Count != mean.Count || loadings.Select(l => l.Count).Distinct().Count() != 1)
        {
            throw new ArgumentException(ForecastingMessages.PathModelShape, nameof(loadings));
        }

        if (!(scale >= 0) || !(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The scale must be non-negative and the degrees of freedom positive.");
        }

        FirstYear = firstYear;
        _mean = mean.ToArray();
        Parameters = loadings[0].Count;
        _loadings = loadings.SelectMany(l => l).ToArray();
        CumulativeNoise = cumulativeNoise;
        Scale = scale;
        DegreesOfFreedom = degreesOfFreedom;
    }

    /// <summary>The year of the first simulated value.</summary>
    public int FirstYear { get; }

    /// <summary>The number of simulated years.</summary>
    public int Years => _mean.Length;

    /// <summary>The last simulated year.</summary>
    public int LastYear => FirstYear + Years - 1;

    /// <summary>The number p of parameter draws per path.</summary>
    public int Parameters { get; }

    /// <summary>Whether the yearly noise accumulates (random walk).</summary>
    public bool CumulativeNoise { get; }

    /// <summary>The residual scale s.</summary>
    public double Scale { get; }

    /// <summary>Degrees of freedom ν of the scale.</summary>
    public double DegreesOfFreedom { get; }

    internal ReadOnlySpan<double> Mean => _mean;

    internal ReadOnlySpan<double> Loadings => _loadings;

    /// <summary>The analytic marginal distribution of ln level in <paramref name="year"/>.</summary>
    public LogPredictive Marginal(int year)
    {
        var k = year - FirstYear;
        if (k < 0 || k >= Years)
        {
            throw new ArgumentOutOfRangeException(nameof(year), FormattableString.Invariant($"Year {year} is outside the simulated years {FirstYear}-{LastYear}."));
        }

        var variance = CumulativeNoise ? k + 1.0 : 1.0;
        for (var j = 0; j < Parameters; j++)
        {
            var a = _loadings[(k * Parameters) + j];
            variance += a * a;
        }

        return new LogPredictive(year, _mean[k], Scale * Math.Sqrt(variance), DegreesOfFreedom);
    }
}
