using ZoneGrowth.Numerics;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The outlook's integral over what is estimated from few points: each scale's variance factor w = ν ÷ χ²_ν by the
/// Gauss rule of its scaled inverse-χ² distribution (<see cref="ScaleMixtureRule"/>), and the split λ of a drift
/// shared by two links by Gauss–Legendre on [0, 1] (uniform prior), tensor product. At each node the system is solved
/// (<see cref="EvidenceSystem.Solve"/>), its likelihood multiplies the node's prior weight, and the node's
/// probabilities come from <see cref="OrthantSums"/>: the sums are the expectations over the posterior of the scales,
/// so a scale the published rows speak against loses weight. Nodes run on every core.
/// </summary>
internal sealed class EvidenceIntegral
{
    private readonly (double[] Factor, double[] Weight)[] _rules;
    private readonly (double[] Nodes, double[] Weights) _lambda;

    /// <param name="scales">The scales, in the order the systems index them.</param>
    /// <param name="nodes">Nodes per scale (1 for a scale taken at its estimate).</param>
    /// <param name="lambdaNodes">Nodes for a split drift.</param>
    public EvidenceIntegral(IReadOnlyList<ScaleParameter> scales, IReadOnlyList<int> nodes, int lambdaNodes)
    {
        _rules = scales.Select((s, i) => nodes[i] <= 1 || s.IsKnown ? ([1.0], [1.0]) : ScaleMixtureRule.Create(s.DegreesOfFreedom, nodes[i])).ToArray();
        var (x, w) = GaussLegendre.On(0, 1, Math.Max(1, lambdaNodes));
        _lambda = (x, w);
    }

    /// <summary>The number of nodes a system with the given groups and split needs.</summary>
    private (int[] Counts, int Total) Layout(EvidenceSystem system, bool split)
    {
        var counts = _rules.Select((r, g) => system.UsesGroup(g) ? r.Factor.Length : 1).Append(split ? _lambda.Nodes.Length : 1).ToArray();
        return (counts, counts.Aggregate(1, (p, c) => p * c));
    }

    private (double[] Factors, double Lambda, double LogWeight) Node(int index, int[] counts)
    {
        var factors = new double[_rules.Length];
        var logWeight = 0.0;
        var remainder = index;
        for (var g = 0; g < _rules.Length; g++)
        {
            var k = remainder % counts[g];
            remainder /= counts[g];
            factors[g] = counts[g] == 1 ? 1 : _rules[g].Factor[k];
            logWeight += counts[g] == 1 ? 0 : Math.Log(_rules[g].Weight[k]);
        }

        var split = counts[^1];
        var lambda = split == 1 ? 0.5 : _lambda.Nodes[remainder % split];
        logWeight += split == 1 ? 0 : Math.Log(_lambda.Weights[remainder % split]);
        return (factors, lambda, logWeight);
    }

    /// <summary>The sums over the nodes, scaled by e^(−LogScale) (LogScale: the largest node's log weight, so that sums of other calls compare).</summary>
    public (double LogScale, EvidenceSums Sums) Integrate(EvidenceSystem system, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals)
    {
        var (counts, total) = Layout(system, system.UsesSplit);
        var logs = new double[total];
        var sums = new EvidenceSums[total];
        Parallel.For(0, total, system.NewWorkspace, (index, _, work) =>
        {
            var (factors, lambda, logWeight) = Node(index, counts);
            var logLikelihood = system.Solve(factors, lambda, work);
            if (double.IsNaN(logLikelihood))
            {
                logs[index] = double.NegativeInfinity;
                return work;
            }

            logs[index] = logWeight + logLikelihood;
            sums[index] = OrthantSums.Compute(work.QuantityMean, work.QuantityCovariance, threshold, silence, intervals);
            return work;
        }, _ => { });
        return Combine(logs, sums);
    }

    /// <summary>
    /// The sums with one more row (a figure not published yet) at each of <paramref name="values"/> (its ln): each node
    /// is solved once, the row conditioned on in closed form.
    /// </summary>
    public (double LogScale, EvidenceSums Sums)[] IntegrateWith(EvidenceSystem system, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals, double[] row, double rowConstant, double noise, double[] values)
    {
        var (counts, total) = Layout(system, system.UsesSplit);
        var logs = new double[values.Length][];
        var sums = new EvidenceSums[values.Length][];
        for (var v = 0; v < values.Length; v++)
        {
            logs[v] = new double[total];
            sums[v] = new EvidenceSums[total];
        }

        Parallel.For(0, total, system.NewWorkspace, (index, _, work) =>
        {
            var (factors, lambda, logWeight) = Node(index, counts);
            var logLikelihood = system.Solve(factors, lambda, work);
            if (double.IsNaN(logLikelihood))
            {
                for (var v = 0; v < values.Length; v++)
                {
                    logs[v][index] = double.NegativeInfinity;
                }

                return work;
            }

            var gain = new double[system.Quantities];
            var (predictive, variance) = system.Extend(row, rowConstant, noise, work, gain);
            var mean = new double[system.Quantities];
            for (var v = 0; v < values.Length; v++)
            {
                var residual = values[v] - predictive;
                for (var k = 0; k < mean.Length; k++)
                {
                    mean[k] = work.QuantityMean[k] + (gain[k] * residual);
                }

                logs[v][index] = logWeight + logLikelihood - (0.5 * ((residual * residual / variance) + Math.Log(2 * Math.PI * variance)));
                sums[v][index] = OrthantSums.Compute(mean, work.QuantityCovariance, threshold, silence, intervals);
            }

            return work;
        }, _ => { });
        return Enumerable.Range(0, values.Length).Select(v => Combine(logs[v], sums[v])).ToArray();
    }

    /// <summary>Calls <paramref name="visit"/> at every node with its normalised weight after solving (for the central summaries: posterior moments of an unknown).</summary>
    public void Visit(EvidenceSystem system, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals, Action<double, EvidenceSystem.Workspace> visit)
    {
        var (counts, total) = Layout(system, system.UsesSplit);
        var work = system.NewWorkspace();
        var logs = new double[total];
        var weights = new List<(double Log, double D)>();
        for (var index = 0; index < total; index++)
        {
            var (factors, lambda, logWeight) = Node(index, counts);
            var logLikelihood = system.Solve(factors, lambda, work);
            logs[index] = double.IsNaN(logLikelihood) ? double.NegativeInfinity : logWeight + logLikelihood;
        }

        var max = logs.Max();
        for (var index = 0; index < total; index++)
        {
            if (double.IsNegativeInfinity(logs[index]))
            {
                continue;
            }

            var (factors, lambda, _) = Node(index, counts);
            system.Solve(factors, lambda, work);
            var d = OrthantSums.Compute(work.QuantityMean, work.QuantityCovariance, threshold, silence, intervals).D;
            visit(Math.Exp(logs[index] - max) * d, work);
        }
    }

    private static (double LogScale, EvidenceSums Sums) Combine(double[] logs, EvidenceSums[] sums)
    {
        var max = logs.Max();
        if (double.IsNegativeInfinity(max))
        {
            throw new InvalidOperationException(NowcastMessages.NoNodeSolved);
        }

        var total = default(EvidenceSums);
        for (var i = 0; i < logs.Length; i++)
        {
            if (!double.IsNegativeInfinity(logs[i]))
            {
                total += sums[i] * Math.Exp(logs[i] - max);
            }
        }

        return (max, total);
    }
}
