using ZoneGrowth.Numerics;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The outlook's integral over what is estimated from few points: each scale's variance factor w = ν ÷ χ²_ν by the
/// Gauss rule of its scaled inverse-χ² distribution (<see cref="ScaleMixtureRule"/>), and the split λ of a drift
/// shared by two links by Gauss–Legendre on [0, 1] (uniform prior), tensor product. At each node the system of every
/// hypothesis is solved (<see cref="EvidenceSystem.Solve"/>, giving the rows' likelihood and the quantities'
/// posterior) and the node's probabilities come from <see cref="OrthantSums"/>. The scales keep their priors (their
/// evidence is the years before the model's first, so the rows since do not re-estimate them: cutting feedback, as in
/// modular Bayesian inference); the rows, bounds and silence weigh the hypotheses at each node. Nodes run on every core.
/// </summary>
internal sealed class EvidenceIntegral
{
    /// <summary>A node whose prior weight is below this share of the largest is skipped (every skipped node together weighs under 10⁻⁸).</summary>
    private const double Negligible = 1e-12;

    private readonly (double[] Factor, double[] Weight)[] _rules;
    private readonly (double[] Nodes, double[] Weights) _lambda;

    /// <param name="scales">The scales, in the order the systems index them.</param>
    /// <param name="nodes">Nodes per scale (1 for a scale taken at its estimate).</param>
    /// <param name="lambdaNodes">Nodes for a split drift.</param>
    public EvidenceIntegral(IReadOnlyList<ScaleParameter> scales, IReadOnlyList<int> nodes, int lambdaNodes)
    {
        _rules = scales.Select((s, i) => nodes[i] <= 1 || s.IsKnown ? ([1.0], [1.0]) : ScaleMixtureRule.Create(s.DegreesOfFreedom, nodes[i])).ToArray();
        _lambda = GaussLegendre.On(0, 1, Math.Max(1, lambdaNodes));
    }

    /// <summary>The nodes of systems with the given groups and split: each with its scales' factors, λ, prior weight and the index of each group's node (−1 for a group the systems do not use).</summary>
    public IReadOnlyList<ScaleNode> Nodes(IReadOnlyList<EvidenceSystem> systems)
    {
        var used = _rules.Select((_, g) => systems.Any(s => s.UsesGroup(g))).ToArray();
        var split = systems.Any(s => s.UsesSplit);
        var counts = _rules.Select((r, g) => used[g] ? r.Factor.Length : 1).Append(split ? _lambda.Nodes.Length : 1).ToArray();
        var total = counts.Aggregate(1, (p, c) => p * c);
        var nodes = new List<ScaleNode>(total);
        for (var index = 0; index < total; index++)
        {
            var factors = new double[_rules.Length];
            var indices = new int[_rules.Length];
            var weight = 1.0;
            var remainder = index;
            for (var g = 0; g < _rules.Length; g++)
            {
                var k = remainder % counts[g];
                remainder /= counts[g];
                factors[g] = used[g] ? _rules[g].Factor[k] : 1;
                indices[g] = used[g] ? k : -1;
                weight *= used[g] ? _rules[g].Weight[k] : 1;
            }

            var lambda = split ? _lambda.Nodes[remainder] : 0.5;
            weight *= split ? _lambda.Weights[remainder] : 1;
            nodes.Add(new ScaleNode(factors, lambda, weight, indices, split ? remainder : -1));
        }

        var cut = nodes.Max(n => n.Weight) * Negligible;
        return nodes.Where(n => n.Weight >= cut).ToArray();
    }

    /// <summary>Every node's values under every hypothesis: the rows' log-likelihood and the probabilities.</summary>
    public NodeValues[] Evaluate(IReadOnlyList<EvidenceSystem> systems, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals)
    {
        var nodes = Nodes(systems);
        var values = new NodeValues[nodes.Count];
        Parallel.For(0, nodes.Count, () => systems.Select(s => s.NewWorkspace()).ToArray(), (i, _, work) =>
        {
            var node = nodes[i];
            var logs = new double[systems.Count];
            var sums = new EvidenceSums[systems.Count];
            for (var h = 0; h < systems.Count; h++)
            {
                var log = systems[h].Solve(node.Factors, node.Lambda, work[h]);
                logs[h] = double.IsNaN(log) ? double.NegativeInfinity : log;
                if (!double.IsNegativeInfinity(logs[h]))
                {
                    sums[h] = OrthantSums.Compute(work[h].QuantityMean, work[h].QuantityCovariance, threshold, silence, intervals);
                }
            }

            values[i] = new NodeValues(node, logs, sums);
            return work;
        }, _ => { });
        return values;
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
/// <param name="Weight">Its prior weight (the product of the rules' weights).</param>
/// <param name="Indices">Each scale's node index, −1 for a scale not used.</param>
/// <param name="LambdaIndex">The split's node index, −1 when none.</param>
internal sealed record ScaleNode(double[] Factors, double Lambda, double Weight, int[] Indices, int LambdaIndex);

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
