using ZoneGrowth.Numerics;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The outlook's integral over what is estimated from few points: each scale's variance factor w = ν ÷ χ²_ν by the
/// Gauss rule of its scaled inverse-χ² distribution (<see cref="ScaleMixtureRule"/>), and the split λ of a drift
/// shared by two links by Gauss–Legendre on [0, 1] (uniform prior). The dimensions are combined by the two-level
/// combination technique of sparse grids: Σ_d (dimension d's full rule × the others' base rules) − (K − 1) × (every
/// base rule), K the number of dimensions whose full rule is finer than their base. It is exact where P is a sum of
/// functions of one dimension each and leaves out only products of two dimensions' base-rule errors, at a fraction of
/// the full tensor product's nodes (some nodes weigh negatively). At each node the system of every hypothesis is
/// solved (<see cref="EvidenceSystem.Solve"/>, giving the rows' likelihood and the quantities' posterior) and the
/// node's probabilities come from <see cref="OrthantSums"/>. The scales keep their priors (their evidence is the years
/// before the model's first, so the rows since do not re-estimate them: cutting feedback, as in modular Bayesian
/// inference); the rows, bounds and silence weigh the hypotheses at each node. Nodes run on every core.
/// </summary>
internal sealed class EvidenceIntegral
{
    /// <summary>A node whose prior weight is below this share of the largest is skipped (every skipped node together weighs under 10⁻⁸).</summary>
    private const double Negligible = 1e-12;

    private readonly (double[] Nodes, double[] Weights)[] _full;
    private readonly (double[] Nodes, double[] Weights)[] _base;

    /// <param name="scales">The scales, in the order the systems index them.</param>
    /// <param name="nodes">Nodes per scale (1 for a scale taken at its estimate), then the split's.</param>
    /// <param name="baseNodes">The base rule's nodes in every dimension (a dimension with fewer full nodes uses those).</param>
    public EvidenceIntegral(IReadOnlyList<ScaleParameter> scales, IReadOnlyList<int> nodes, int baseNodes)
    {
        (double[], double[]) Rule(int d, int n) =>
            d == scales.Count ? GaussLegendre.On(0, 1, n) : n <= 1 || scales[d].IsKnown ? ([1.0], [1.0]) : ScaleMixtureRule.Create(scales[d].DegreesOfFreedom, n);
        _full = Enumerable.Range(0, scales.Count + 1).Select(d => Rule(d, Math.Max(1, nodes[d]))).ToArray();
        _base = Enumerable.Range(0, scales.Count + 1).Select(d => Rule(d, Math.Clamp(baseNodes, 1, Math.Max(1, nodes[d])))).ToArray();
    }

    /// <summary>
    /// The nodes for systems that use some of the scales and perhaps the split: each with its scales' factors (1 for a
    /// scale the systems do not use), λ (0.5 when they use no split) and weight; nodes that coincide once the unused
    /// dimensions are dropped are merged.
    /// </summary>
    public IReadOnlyList<ScaleNode> Nodes(IReadOnlyList<EvidenceSystem> systems)
    {
        var dimensions = _full.Length;
        var used = Used(systems);
        var refined = Enumerable.Range(0, dimensions).Where(d => used[d] && _full[d].Nodes.Length > _base[d].Nodes.Length).ToArray();
        var components = refined.Length == 0
            ? [(-1, 1.0)]
            : refined.Select(d => (d, 1.0)).Append((-1, -(refined.Length - 1.0))).Where(c => c.Item2 != 0).ToArray();
        var merged = new List<(double[] Factors, double Lambda, double Weight)>();
        var index = new Dictionary<string, int>();
        foreach (var (fine, coefficient) in components)
        {
            var rules = Enumerable.Range(0, dimensions).Select(d => !used[d] ? ([d == dimensions - 1 ? 0.5 : 1.0], [1.0]) : d == fine ? _full[d] : _base[d]).ToArray();
            var total = rules.Aggregate(1, (p, r) => p * r.Nodes.Length);
            for (var i = 0; i < total; i++)
            {
                var point = new double[dimensions];
                var weight = coefficient;
                var remainder = i;
                for (var d = 0; d < dimensions; d++)
                {
                    var k = remainder % rules[d].Nodes.Length;
                    remainder /= rules[d].Nodes.Length;
                    point[d] = rules[d].Nodes[k];
                    weight *= rules[d].Weights[k];
                }

                if (index.TryGetValue(Key(point), out var at))
                {
                    merged[at] = merged[at] with { Weight = merged[at].Weight + weight };
                }
                else
                {
                    index[Key(point)] = merged.Count;
                    merged.Add((point[..^1], point[^1], weight));
                }
            }
        }

        var cut = merged.Max(n => Math.Abs(n.Weight)) * Negligible;
        return merged.Where(n => Math.Abs(n.Weight) >= cut).Select(n => new ScaleNode(n.Factors, n.Lambda, n.Weight)).ToArray();
    }

    /// <summary>Which dimensions (each scale, then the split) the systems use.</summary>
    private bool[] Used(IReadOnlyList<EvidenceSystem> systems) =>
        Enumerable.Range(0, _full.Length).Select(d => d == _full.Length - 1 ? systems.Any(s => s.UsesSplit) : systems.Any(s => s.UsesGroup(d))).ToArray();

    /// <summary>A node's identity: its scales' factors and λ, exactly.</summary>
    private static string Key(IEnumerable<double> point) => string.Join(",", point.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every node's values under every hypothesis: the rows' log-likelihood and the probabilities.</summary>
    /// <param name="systems">One system per hypothesis.</param>
    /// <param name="threshold">ln of the target.</param>
    /// <param name="silence">Whether the systems carry the silent year's quantity.</param>
    /// <param name="intervals">The bounds' intervals (log scale).</param>
    /// <param name="layout">Systems whose dimensions lay out the nodes, when they must be the nodes of other systems (so that the two can be compared node by node); by default <paramref name="systems"/>.</param>
    public NodeValues[] Evaluate(IReadOnlyList<EvidenceSystem> systems, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals, IReadOnlyList<EvidenceSystem>? layout = null)
    {
        var nodes = Nodes(layout ?? systems);

        // Nodes laid out by other systems may differ only in dimensions these systems do not use: solve each point once.
        var used = Used(systems);
        var points = new List<ScaleNode>();
        var index = new Dictionary<string, int>();
        var of = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var factors = nodes[i].Factors.Select((f, d) => used[d] ? f : 1).ToArray();
            var lambda = used[^1] ? nodes[i].Lambda : 0.5;
            var key = Key(factors.Append(lambda));
            if (!index.TryGetValue(key, out of[i]))
            {
                of[i] = index[key] = points.Count;
                points.Add(new ScaleNode(factors, lambda, 0));
            }
        }

        var solved = new (double[] Logs, EvidenceSums[] Sums)[points.Count];
        Parallel.For(0, points.Count, () => systems.Select(s => s.NewWorkspace()).ToArray(), (i, _, work) =>
        {
            var point = points[i];
            var logs = new double[systems.Count];
            var sums = new EvidenceSums[systems.Count];
            for (var h = 0; h < systems.Count; h++)
            {
                var log = systems[h].Solve(point.Factors, point.Lambda, work[h]);
                logs[h] = double.IsNaN(log) ? double.NegativeInfinity : log;
                if (!double.IsNegativeInfinity(logs[h]))
                {
                    sums[h] = OrthantSums.Compute(work[h].QuantityMean, work[h].QuantityCovariance, threshold, silence, intervals);
                }
            }

            solved[i] = (logs, sums);
            return work;
        }, _ => { });
        return nodes.Select((node, i) => new NodeValues(node, solved[of[i]].Logs, solved[of[i]].Sums)).ToArray();
    }

    /// <summary>
    /// Every node's values with one more row (a figure not published yet) at each of <paramref name="logValues"/>: each
    /// node is solved once per hypothesis and the row conditioned on in closed form; its density at the value joins
    /// the hypothesis's likelihood.
    /// </summary>
    public NodeValues[][] EvaluateWith(IReadOnlyList<EvidenceSystem> systems, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals, IReadOnlyList<(double[] Row, double Constant)> row, double noise, double[] logValues)
    {
        var nodes = Nodes(systems);
        var result = logValues.Select(_ => new NodeValues[nodes.Count]).ToArray();
        Parallel.For(0, nodes.Count, () => systems.Select(s => s.NewWorkspace()).ToArray(), (i, _, work) =>
        {
            var node = nodes[i];
            var logs = logValues.Select(_ => new double[systems.Count]).ToArray();
            var sums = logValues.Select(_ => new EvidenceSums[systems.Count]).ToArray();
            for (var h = 0; h < systems.Count; h++)
            {
                var log = systems[h].Solve(node.Factors, node.Lambda, work[h]);
                if (double.IsNaN(log))
                {
                    for (var v = 0; v < logValues.Length; v++)
                    {
                        logs[v][h] = double.NegativeInfinity;
                    }

                    continue;
                }

                var gain = new double[systems[h].Quantities];
                var (predictive, variance) = systems[h].Extend(row[h].Row, row[h].Constant, noise, work[h], gain);
                var mean = new double[gain.Length];
                for (var v = 0; v < logValues.Length; v++)
                {
                    var residual = logValues[v] - predictive;
                    for (var k = 0; k < mean.Length; k++)
                    {
                        mean[k] = work[h].QuantityMean[k] + (gain[k] * residual);
                    }

                    logs[v][h] = log - (0.5 * ((residual * residual / variance) + Math.Log(2 * Math.PI * variance)));
                    sums[v][h] = OrthantSums.Compute(mean, work[h].QuantityCovariance, threshold, silence, intervals);
                }
            }

            for (var v = 0; v < logValues.Length; v++)
            {
                result[v][i] = new NodeValues(node, logs[v], sums[v]);
            }

            return work;
        }, _ => { });
        return result;
    }
}

/// <summary>One node of the scales' quadrature.</summary>
/// <param name="Factors">Each scale's variance factor (1 for a scale not used).</param>
/// <param name="Lambda">The split of a shared drift (0.5 when none).</param>
/// <param name="Weight">Its weight in the rule (negative for some nodes of the combination; the weights sum to 1).</param>
internal sealed record ScaleNode(double[] Factors, double Lambda, double Weight);

/// <summary>One node's values under each hypothesis: the rows' log-likelihood (−∞ where the system could not be solved) and the probabilities.</summary>
internal sealed record NodeValues(ScaleNode Node, double[] LogLikelihood, EvidenceSums[] Sums)
{
    /// <summary>
    /// P(met | evidence, this node's scales): the hypotheses weighed by prior × the rows' likelihood × P(bounds,
    /// silence); null when no hypothesis leaves the evidence possible at this node.
    /// </summary>
    public (double Numerator, double Denominator)? Probability(IReadOnlyList<double> prior, double mention, bool bounds)
    {
        var top = LogLikelihood.Where((_, h) => prior[h] > 0).DefaultIfEmpty(double.NegativeInfinity).Max();
        if (double.IsNegativeInfinity(top))
        {
            return null;
        }

        double numerator = 0, denominator = 0;
        for (var h = 0; h < prior.Count; h++)
        {
            if (prior[h] > 0 && !double.IsNegativeInfinity(LogLikelihood[h]))
            {
                var w = prior[h] * Math.Exp(LogLikelihood[h] - top);
                var (n, d) = Sums[h].WithSilence(mention, bounds);
                numerator += w * n;
                denominator += w * d;
            }
        }

        // N ≤ D holds exactly; rounding in the orthant integrals of extreme data must not break it.
        return denominator > 0 ? (Math.Clamp(numerator, 0, denominator), denominator) : null;
    }
}
