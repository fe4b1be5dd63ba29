using MathNet.Numerics.Distributions;
using ZoneGrowth.Numerics;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The probabilities one node of the outlook needs from a normal vector (X: the target year's log value; S: the silent
/// year's, when the sources' silence is weighed; Y₁…Yₖ: the bounded quantities, each with its interval):
/// P(bounds), P(X ≥ a, bounds), P(S ≥ a, bounds), P(X ≥ a, S ≥ a, bounds), and the same three without the bounds.
/// Normal and bivariate normal probabilities (<see cref="BivariateNormal"/>) in closed form for up to one bound; with
/// more, a Gauss–Legendre integral of the normal density over each bound but the last (its standardised interval,
/// cut at ± 6.5, beyond which the normal leaves under 10⁻¹⁰, with 1.5 nodes per standard deviation it spans), conditioning the rest on it, and the last bound
/// in closed form; the silent year's joint probability with the target year's, given the last bound, likewise.
/// </summary>
internal static class OrthantSums
{
    /// <summary>Gauss–Legendre nodes per standard deviation a bound's interval spans (at least 3): on the shipped data P is then within 10⁻⁶ of the converged value.</summary>
    private const double NodesPerSd = 1.5;

    /// <summary>Where a bound's standardised interval is cut: 2 × (1 − Φ(6.5)) = 8·10⁻¹¹.</summary>
    private const double Clip = 6.5;

    private static readonly Dictionary<int, (double[] Nodes, double[] Weights)> Rules = Enumerable.Range(3, 38).ToDictionary(n => n, n => GaussLegendre.On(-1, 1, n));

    /// <summary>
    /// The part of [low, high] the integral spans: an end beyond ± <see cref="Clip"/> is cut there (what lies beyond weighs
    /// under 10⁻¹⁰), unless the whole interval lies beyond, when it spans <see cref="Clip"/> standard deviations from its
    /// near end.
    /// </summary>
    private static (double A, double B) Extent(double low, double high) =>
        (Math.Max(low, Math.Min(-Clip, high - Clip)), Math.Min(high, Math.Max(Clip, low + Clip)));

    /// <summary>The number of nodes over [low, high]: <see cref="NodesPerSd"/> per standard deviation of its <see cref="Extent"/>, 3 to 40.</summary>
    private static int Count(double low, double high)
    {
        var (a, b) = Extent(low, high);
        return Math.Clamp((int)Math.Ceiling(NodesPerSd * (b - a)) + 2, 3, 40);
    }

    /// <summary>Nodes z and weights w with Σ w·f(z) ≈ ∫ φ(z) f(z) dz over [low, high], written into spans of <see cref="Count"/> elements.</summary>
    private static void Over(double low, double high, Span<double> z, Span<double> w)
    {
        var (a, b) = Extent(low, high);
        var (x, wts) = Rules[z.Length];
        var half = (b - a) / 2;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = a + ((x[i] + 1) * half);
            w[i] = wts[i] * half * Math.Exp(-0.5 * z[i] * z[i]) / Sqrt2Pi;
        }
    }

    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);

    /// <summary>The sums for one node (weight 1).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static EvidenceSums Compute(double[] mean, double[,] cov, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals)
    {
        var sx = Math.Sqrt(cov[0, 0]);
        var zx = (mean[0] - threshold) / sx;
        var px = Normal.CDF(0, 1, zx);
        double ps = 0, pxs = 0;
        if (silence)
        {
            var ss = Math.Sqrt(cov[1, 1]);
            var zs = (mean[1] - threshold) / ss;
            ps = Normal.CDF(0, 1, zs);
            pxs = BivariateNormal.UpperOrthant(-zx, -zs, Math.Clamp(cov[0, 1] / (sx * ss), -1, 1));
        }

        if (intervals.Count == 0)
        {
            return new EvidenceSums(1, 1, px, ps, pxs, px, ps, pxs);
        }

        var (inside, x, s, both) = Condition(mean, cov, threshold, silence, intervals, 0);
        return new EvidenceSums(1, inside, x, s, both, px, ps, pxs);
    }

    /// <summary>P(bounds from <paramref name="next"/> on), and jointly with X ≥ a, S ≥ a and both.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (double Inside, double X, double S, double Both) Condition(double[] mean, double[,] cov, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals, int next)
    {
        var first = silence ? 2 : 1;
        var y = first + next;
        if (next == intervals.Count - 1)
        {
            return LastBound(mean, cov, threshold, silence, intervals[next], y);
        }

        var sd = Math.Sqrt(cov[y, y]);
        var zLow = (intervals[next].Low - mean[y]) / sd;
        var zHigh = (intervals[next].High - mean[y]) / sd;
        if (!(Normal.CDF(0, 1, zHigh) > Normal.CDF(0, 1, zLow)))
        {
            return default;
        }

        var dimension = mean.Length;
        var conditionalMean = new double[dimension];
        var conditionalCov = new double[dimension, dimension];
        for (var i = 0; i < dimension; i++)
        {
            for (var j = 0; j < dimension; j++)
            {
                conditionalCov[i, j] = cov[i, j] - (cov[i, y] * cov[y, j] / cov[y, y]);
            }
        }

        // Keep the conditioned quantity's own variance positive (it no longer matters: its interval is used up).
        conditionalCov[y, y] = 1;
        (double Inside, double X, double S, double Both) total = default;
        var count = Count(zLow, zHigh);
        Span<double> zs = stackalloc double[count];
        Span<double> ws = stackalloc double[count];
        Over(zLow, zHigh, zs, ws);
        for (var k = 0; k < count; k++)
        {
            var value = mean[y] + (zs[k] * sd);
            for (var i = 0; i < dimension; i++)
            {
                conditionalMean[i] = mean[i] + (cov[i, y] * (value - mean[y]) / cov[y, y]);
            }

            var inner = Condition(conditionalMean, conditionalCov, threshold, silence, intervals, next + 1);
            var w = ws[k];
            total = (total.Inside + (w * inner.Inside), total.X + (w * inner.X), total.S + (w * inner.S), total.Both + (w * inner.Both));
        }

        return total;
    }

    /// <summary>The last bound in closed form: differences of bivariate orthants; with the silent year, the joint probability of X and S by an integral over the bounded quantity.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (double Inside, double X, double S, double Both) LastBound(double[] mean, double[,] cov, double threshold, bool silence, (double Low, double High) interval, int y)
    {
        var sx = Math.Sqrt(cov[0, 0]);
        var sy = Math.Sqrt(cov[y, y]);
        var zx = (mean[0] - threshold) / sx;
        var zl = (interval.Low - mean[y]) / sy;
        var zh = (interval.High - mean[y]) / sy;
        var inside = Normal.CDF(0, 1, zh) - Normal.CDF(0, 1, zl);
        if (!(inside > 0))
        {
            return default;
        }

        var rxy = Math.Clamp(cov[0, y] / (sx * sy), -1, 1);
        var x = BivariateNormal.UpperOrthant(-zx, zl, rxy) - BivariateNormal.UpperOrthant(-zx, zh, rxy);
        if (!silence)
        {
            return (inside, x, 0, 0);
        }

        var ss = Math.Sqrt(cov[1, 1]);
        var zs = (mean[1] - threshold) / ss;
        var rsy = Math.Clamp(cov[1, y] / (ss * sy), -1, 1);
        var s = BivariateNormal.UpperOrthant(-zs, zl, rsy) - BivariateNormal.UpperOrthant(-zs, zh, rsy);

        // Given Y = m_y + z·s_y only the means of X and S move; their conditional correlation is fixed.
        var vy = cov[y, y];
        var cvx = cov[0, 0] - (cov[0, y] * cov[0, y] / vy);
        var cvs = cov[1, 1] - (cov[1, y] * cov[1, y] / vy);
        var cxs = cov[0, 1] - (cov[0, y] * cov[1, y] / vy);
        var (csx, css) = (Math.Sqrt(Math.Max(cvx, 1e-300)), Math.Sqrt(Math.Max(cvs, 1e-300)));
        var rho = Math.Clamp(cxs / (csx * css), -1, 1);
        var count = Count(zl, zh);
        Span<double> zNodes = stackalloc double[count];
        Span<double> zWeights = stackalloc double[count];
        Over(zl, zh, zNodes, zWeights);
        double both = 0;
        for (var k = 0; k < count; k++)
        {
            var z = zNodes[k];
            var mx = mean[0] + (cov[0, y] * z / sy);
            var ms = mean[1] + (cov[1, y] * z / sy);
            both += zWeights[k] * BivariateNormal.UpperOrthant((threshold - mx) / csx, (threshold - ms) / css, rho);
        }

        return (inside, x, s, both);
    }
}

/// <summary>
/// Sums over the nodes of the outlook for one hypothesis, each node's terms times its weight (prior weight × the
/// rows' likelihood): W the weight; with the bounds respected D = P(bounds), N = P(X ≥ a, bounds), DS = P(S ≥ a,
/// bounds), NS = P(X ≥ a, S ≥ a, bounds); without them N0, DS0, NS0.
/// </summary>
internal readonly record struct EvidenceSums(double W, double D, double N, double DS, double NS, double N0, double DS0, double NS0)
{
    public static EvidenceSums operator +(EvidenceSums a, EvidenceSums b) =>
        new(a.W + b.W, a.D + b.D, a.N + b.N, a.DS + b.DS, a.NS + b.NS, a.N0 + b.N0, a.DS0 + b.DS0, a.NS0 + b.NS0);

    public static EvidenceSums operator *(EvidenceSums a, double w) =>
        new(a.W * w, a.D * w, a.N * w, a.DS * w, a.NS * w, a.N0 * w, a.DS0 * w, a.NS0 * w);

    /// <summary>The numerator and denominator of P(met | evidence) with the silence weighed by <paramref name="mention"/> (the chance a crossing would have been named).</summary>
    public (double Numerator, double Denominator) WithSilence(double mention, bool bounds = true) =>
        bounds ? (N - (mention * NS), D - (mention * DS)) : (N0 - (mention * NS0), W - (mention * DS0));
}
