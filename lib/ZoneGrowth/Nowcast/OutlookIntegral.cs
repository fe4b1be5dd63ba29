using MathNet.Numerics.Distributions;
using ZoneGrowth.Numerics;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The closed form of the outlook's probabilities for one branch (one revenue basis, one route): the
/// quantities (the target year's log revenue X, the silent year's S, each bounded quantity Y) are jointly
/// normal given the draws of the estimated scales, since every error is a normal component times the
/// square root of its scale's variance factor. So given those factors the probabilities are exact:
/// normal and bivariate normal integrals, and where the silent year and a bound meet, a Gauss–Legendre
/// integral over the bounded quantity inside its bounds of the conditional bivariate probability. The
/// factors are integrated out with the 8-point Gauss rule of each scale's variance factor
/// (<see cref="ScaleMixtureRule"/>; against an independent quasi-Monte Carlo computation the result agrees to
/// about 10⁻⁵). The tensor product of the scales' rules runs on every core.
/// </summary>
internal sealed class OutlookIntegral
{
    private const int ScaleNodes = 8;
    private const int BoundNodes = 16;
    private const int MaxBoundNodes = 24;

    private static readonly (double[] Nodes, double[] Weights) Unit = GaussLegendre.On(-1, 1, BoundNodes);

    /// <summary>Gauss–Legendre rules on [−1, 1] by number of points, for a bound's interval (about 2.5 points per standard deviation it spans, 6 to 24).</summary>
    private static readonly Dictionary<int, (double[] Nodes, double[] Weights)> BoundRules =
        Enumerable.Range(6, MaxBoundNodes - 5).ToDictionary(n => n, n => GaussLegendre.On(-1, 1, n));

    private readonly int _dimension;
    private readonly bool _silence;
    private readonly int _bounds;
    private readonly double[] _mean;
    private readonly double[,] _known;
    private readonly double[][,] _byScale;
    private readonly (double[] Factor, double[] Weight)[] _nodes;
    private readonly (double Low, double High)[] _intervals;
    private readonly double _threshold;

    /// <summary>Sets up the integral.</summary>
    /// <param name="target">The target year's quantity.</param>
    /// <param name="silence">The silent year's quantity, or null.</param>
    /// <param name="bounds">Each bounded quantity with its interval on the log scale (−∞ or +∞ for an open side).</param>
    /// <param name="threshold">ln of the target.</param>
    /// <param name="price">The zone's price growth: fixed (a value) or integrated (the prior as a component).</param>
    public OutlookIntegral(BridgedValue target, BridgedValue? silence, IReadOnlyList<(BridgedValue Quantity, double Low, double High)> bounds, double threshold, PriceTreatment price)
    {
        var quantities = new List<BridgedValue> { target };
        if (silence is not null)
        {
            quantities.Add(silence);
        }

        quantities.AddRange(bounds.Select(b => b.Quantity));
        _dimension = quantities.Count;
        _silence = silence is not null;
        _bounds = bounds.Count;
        _intervals = bounds.Select(b => (b.Low, b.High)).ToArray();
        _threshold = threshold;
        _mean = quantities.Select(q => q.LogConstant + (q.PriceYears * price.Centre)).ToArray();

        // Each component's loadings on the quantities; the price growth is one more component when integrated.
        var components = quantities.SelectMany(q => q.Terms.Select(t => t.Component)).Distinct().ToList();
        var loadings = components.Select(c => quantities.Select(q => q.Terms.Where(t => t.Component == c).Sum(t => t.Loading)).ToArray()).ToList();
        if (price.Prior is { } prior)
        {
            components.Add(new ErrorComponent(prior.Name, prior.Sd, prior));
            loadings.Add(quantities.Select(q => (double)q.PriceYears).ToArray());
        }

        var scales = components.Select(c => c.Scale).OfType<ScaleParameter>().Where(s => !s.IsKnown).Distinct().ToArray();
        _known = new double[_dimension, _dimension];
        _byScale = scales.Select(_ => new double[_dimension, _dimension]).ToArray();
        for (var c = 0; c < components.Count; c++)
        {
            var index = components[c].Scale is { IsKnown: false } scale ? Array.IndexOf(scales, scale) : -1;
            var part = index < 0 ? _known : _byScale[index];
            var variance = components[c].Sd * components[c].Sd;
            for (var i = 0; i < _dimension; i++)
            {
                for (var j = 0; j < _dimension; j++)
                {
                    part[i, j] += loadings[c][i] * loadings[c][j] * variance;
                }
            }
        }

        _nodes = scales.Select(s => ScaleMixtureRule.Create(s.DegreesOfFreedom, ScaleNodes)).ToArray();
    }

    /// <summary>The probabilities, each the expectation over the scales of its value given them.</summary>
    public OutlookSums Integrate()
    {
        var groups = _nodes.Length;
        var counts = _nodes.Select(n => n.Factor.Length).ToArray();
        var combinations = counts.Aggregate(1, (p, n) => p * n);
        var partial = new OutlookSums[combinations];
        Parallel.For(0, combinations, () => new double[_dimension, _dimension], (index, _, cov) =>
        {
            Array.Copy(_known, cov, _known.Length);
            var weight = 1.0;
            var remainder = index;
            for (var g = 0; g < groups; g++)
            {
                var k = remainder % counts[g];
                remainder /= counts[g];
                var factor = _nodes[g].Factor[k];
                weight *= _nodes[g].Weight[k];
                var part = _byScale[g];
                for (var i = 0; i < _dimension; i++)
                {
                    for (var j = 0; j < _dimension; j++)
                    {
                        cov[i, j] += factor * part[i, j];
                    }
                }
            }

            partial[index] = Given(cov) * weight;
            return cov;
        }, _ => { });

        var total = default(OutlookSums);
        foreach (var p in partial)
        {
            total += p;
        }

        return total;
    }

    /// <summary>The probabilities given the covariance of the quantities.</summary>
    private OutlookSums Given(double[,] cov)
    {
        var sx = Math.Sqrt(cov[0, 0]);
        var zx = (_mean[0] - _threshold) / sx;
        var px = Normal.CDF(0, 1, zx);
        double ps = 0, pxs = 0, ss = 0, zs = 0;
        if (_silence)
        {
            ss = Math.Sqrt(cov[1, 1]);
            zs = (_mean[1] - _threshold) / ss;
            ps = Normal.CDF(0, 1, zs);
            pxs = BivariateNormal.UpperOrthant(-zx, -zs, Math.Clamp(cov[0, 1] / (sx * ss), -1, 1));
        }

        if (_bounds == 0)
        {
            return new OutlookSums(1, px, ps, pxs, px, ps, pxs);
        }

        if (_bounds == 1 && !_silence)
        {
            // P(X ≥ a, l ≤ Y ≤ h) = P(X ≥ a, Y ≥ l) − P(X ≥ a, Y > h): two bivariate orthants.
            var y = _silence ? 2 : 1;
            var sy = Math.Sqrt(cov[y, y]);
            var rho = Math.Clamp(cov[0, y] / (sx * sy), -1, 1);
            var zl = (_intervals[0].Low - _mean[y]) / sy;
            var zh = (_intervals[0].High - _mean[y]) / sy;
            var inside = Normal.CDF(0, 1, zh) - Normal.CDF(0, 1, zl);
            var met = BivariateNormal.UpperOrthant(-zx, zl, rho) - BivariateNormal.UpperOrthant(-zx, zh, rho);
            return new OutlookSums(inside, met, 0, 0, px, ps, pxs);
        }

        if (_bounds == 1)
        {
            return OneBoundWithSilence(cov, px, ps, pxs);
        }

        var bounded = Condition(_mean, cov, _silence ? 2 : 1);
        return new OutlookSums(bounded.Inside, bounded.X, bounded.S, bounded.Both, px, ps, pxs);
    }

    /// <summary>
    /// One bound and a silent year: P(bounds), P(X ≥ a, bounds) and P(S ≥ a, bounds) as differences of bivariate
    /// orthants; P(X ≥ a, S ≥ a, bounds) as a Gauss–Legendre integral over Y inside its bounds of the conditional
    /// bivariate orthant (given Y only the means of X and S move, so their conditional correlation is computed once).
    /// </summary>
    private OutlookSums OneBoundWithSilence(double[,] cov, double px, double ps, double pxs)
    {
        var (vx, vs, vy) = (cov[0, 0], cov[1, 1], cov[2, 2]);
        var (sx, ss, sy) = (Math.Sqrt(vx), Math.Sqrt(vs), Math.Sqrt(vy));
        var zx = (_mean[0] - _threshold) / sx;
        var zs = (_mean[1] - _threshold) / ss;
        var zl = Math.Max((_intervals[0].Low - _mean[2]) / sy, -8);
        var zh = Math.Min((_intervals[0].High - _mean[2]) / sy, 8);
        if (!(zh > zl))
        {
            return new OutlookSums(0, 0, 0, 0, px, ps, pxs);
        }

        var (rxy, rsy) = (Math.Clamp(cov[0, 2] / (sx * sy), -1, 1), Math.Clamp(cov[1, 2] / (sy * ss), -1, 1));
        var inside = Normal.CDF(0, 1, zh) - Normal.CDF(0, 1, zl);
        var x = BivariateNormal.UpperOrthant(-zx, zl, rxy) - BivariateNormal.UpperOrthant(-zx, zh, rxy);
        var silent = BivariateNormal.UpperOrthant(-zs, zl, rsy) - BivariateNormal.UpperOrthant(-zs, zh, rsy);

        // Given Y = m_y + z·s_y: X and S have means moved by c·z/s_y and a fixed 2×2 covariance.
        var cvx = vx - (cov[0, 2] * cov[0, 2] / vy);
        var cvs = vs - (cov[1, 2] * cov[1, 2] / vy);
        var cxs = cov[0, 1] - (cov[0, 2] * cov[1, 2] / vy);
        var (csx, css) = (Math.Sqrt(cvx), Math.Sqrt(cvs));
        var rho = Math.Clamp(cxs / (csx * css), -1, 1);
        var nodes = Math.Clamp((int)Math.Ceiling(2.5 * (zh - zl)), 6, MaxBoundNodes);
        var (zNodes, zWeights) = BoundRules[nodes];
        var half = (zh - zl) / 2;
        double both = 0;
        for (var k = 0; k < zNodes.Length; k++)
        {
            var z = zl + ((zNodes[k] + 1) * half);
            var mx = _mean[0] + (cov[0, 2] * z / sy);
            var ms = _mean[1] + (cov[1, 2] * z / sy);
            both += half * zWeights[k] * Normal.PDF(0, 1, z) * BivariateNormal.UpperOrthant((_threshold - mx) / csx, (_threshold - ms) / css, rho);
        }

        return new OutlookSums(inside, x, silent, both, px, ps, pxs);
    }

    /// <summary>P(X ≥ a), P(S ≥ a), P(both) with no bound left (Inside = 1).</summary>
    private (double Inside, double X, double S, double Both) TopPair(double[] mean, double[,] cov)
    {
        var sx = Math.Sqrt(cov[0, 0]);
        var zx = (mean[0] - _threshold) / sx;
        var px = Normal.CDF(0, 1, zx);
        if (!_silence)
        {
            return (1, px, 0, 0);
        }

        var ss = Math.Sqrt(cov[1, 1]);
        var zs = (mean[1] - _threshold) / ss;
        var rho = Math.Clamp(cov[0, 1] / (sx * ss), -1, 1);
        return (1, px, Normal.CDF(0, 1, zs), BivariateNormal.UpperOrthant(-zx, -zs, rho));
    }

    /// <summary>
    /// The probabilities jointly with the bounded quantities from index <paramref name="next"/> on lying in their
    /// intervals: a Gauss–Legendre integral over the next one inside its interval (clipped to ±8 sd) of the
    /// conditional probabilities of the rest.
    /// </summary>
    private (double Inside, double X, double S, double Both) Condition(double[] mean, double[,] cov, int next)
    {
        if (next >= _dimension)
        {
            return TopPair(mean, cov);
        }

        var (low, high) = _intervals[next - (_silence ? 2 : 1)];
        var sd = Math.Sqrt(cov[next, next]);
        var zLow = Math.Max((low - mean[next]) / sd, -8);
        var zHigh = Math.Min((high - mean[next]) / sd, 8);
        if (!(zHigh > zLow))
        {
            return default;
        }

        (double Inside, double X, double S, double Both) total = default;
        var conditionalMean = new double[_dimension];
        var conditionalCov = new double[_dimension, _dimension];
        var half = (zHigh - zLow) / 2;
        for (var k = 0; k < BoundNodes; k++)
        {
            var z = zLow + ((Unit.Nodes[k] + 1) * half);
            var y = mean[next] + (z * sd);
            var w = half * Unit.Weights[k] * Normal.PDF(0, 1, z);
            for (var i = 0; i < _dimension; i++)
            {
                conditionalMean[i] = mean[i] + (cov[i, next] * (y - mean[next]) / cov[next, next]);
                for (var j = 0; j < _dimension; j++)
                {
                    conditionalCov[i, j] = cov[i, j] - (cov[i, next] * cov[next, j] / cov[next, next]);
                }
            }

            var inner = Condition(conditionalMean, conditionalCov, next + 1);
            total = (total.Inside + (w * inner.Inside), total.X + (w * inner.X), total.S + (w * inner.S), total.Both + (w * inner.Both));
        }

        return total;
    }
}

/// <summary>How the zone's price growth enters an outlook integral.</summary>
/// <param name="Centre">Its value, or the prior's centre when integrated.</param>
/// <param name="Prior">The prior's scale when integrated over (p = centre + scale · t_ν); null for a fixed value.</param>
internal readonly record struct PriceTreatment(double Centre, ScaleParameter? Prior)
{
    public static PriceTreatment Fixed(double priceGrowth) => new(priceGrowth, null);
}

/// <summary>
/// Expectations over the scales for one branch: with the bounds respected (D: P(bounds); N: P(X ≥ a and the
/// bounds); DS: P(S ≥ a and the bounds); NS: P(X ≥ a, S ≥ a and the bounds)) and without them (N0, DS0, NS0).
/// </summary>
internal readonly record struct OutlookSums(double D, double N, double DS, double NS, double N0, double DS0, double NS0)
{
    public static OutlookSums operator +(OutlookSums a, OutlookSums b) =>
        new(a.D + b.D, a.N + b.N, a.DS + b.DS, a.NS + b.NS, a.N0 + b.N0, a.DS0 + b.DS0, a.NS0 + b.NS0);

    public static OutlookSums operator *(OutlookSums a, double w) =>
        new(a.D * w, a.N * w, a.DS * w, a.NS * w, a.N0 * w, a.DS0 * w, a.NS0 * w);

    /// <summary>The numerator and denominator of P(met | evidence) with the silence weighed by <paramref name="mention"/> (the chance a crossing would have been named).</summary>
    public (double Numerator, double Denominator) WithSilence(double mention, bool bounds = true) =>
        bounds ? (N - (mention * NS), D - (mention * DS)) : (N0 - (mention * NS0), 1 - (mention * DS0));
}
