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

    /// <summary>A node's weight below this share of the largest node's is skipped: the sums it would add are at most that share, over every node together below 10⁻⁷.</summary>
    private const double Negligible = 1e-10;

    /// <summary>The sums over the nodes, scaled by e^(−LogScale) (LogScale: the largest node's log weight, so that sums of other calls compare).</summary>
    public (double LogScale, EvidenceSums Sums) Integrate(EvidenceSystem system, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals)
    {
        var (counts, total) = Layout(system, system.UsesSplit);
        var logs = new double[total];
        var means = new double[total][];
        var covariances = new double[total][,];
        Parallel.For(0, total, system.NewWorkspace, (index, _, work) =>
        {
            var (factors, lambda, logWeight) = Node(index, counts);
            var logLikelihood = system.Solve(factors, lambda, work);
            logs[index] = double.IsNaN(logLikelihood) ? double.NegativeInfinity : logWeight + logLikelihood;
            means[index] = (double[])work.QuantityMean.Clone();
            covariances[index] = (double[,])work.QuantityCovariance.Clone();
            return work;
        }, _ => { });

        // The probabilities only where the node's weight counts.
        var cut = logs.Max() + Math.Log(Negligible);
        var sums = new EvidenceSums[total];
        Parallel.For(0, total, index =>
        {
            if (logs[index] >= cut)
            {
                sums[index] = OrthantSums.Compute(means[index], covariances[index], threshold, silence, intervals);
            }
        });
        return Combine(logs, sums, cut);
    }

    /// <summary>
    /// The sums with one more row (a figure not published yet) at each of <paramref name="values"/> (its ln): each node
    /// is solved once, the row conditioned on in closed form.
    /// </summary>
    public (double LogScale, EvidenceSums Sums)[] IntegrateWith(EvidenceSystem system, double threshold, bool silence, IReadOnlyList<(double Low, double High)> intervals, double[] row, double rowConstant, double noise, double[] values)
    {
        var (counts, total) = Layout(system, system.UsesSplit);
        var baseLogs = new double[total];
        var nodes = new (double[] Mean, double[,] Cov, double[] Gain, double Predictive, double Variance)[total];
        Parallel.For(0, total, system.NewWorkspace, (index, _, work) =>
        {
            var (factors, lambda, logWeight) = Node(index, counts);
            var logLikelihood = system.Solve(factors, lambda, work);
            if (double.IsNaN(logLikelihood))
            {
                baseLogs[index] = double.NegativeInfinity;
                return work;
            }

            var gain = new double[system.Quantities];
            var (predictive, variance) = system.Extend(row, rowConstant, noise, work, gain);
            baseLogs[index] = logWeight + logLikelihood;
            nodes[index] = ((double[])work.QuantityMean.Clone(), (double[,])work.QuantityCovariance.Clone(), gain, predictive, variance);
            return work;
        }, _ => { });

        return values.Select(value =>
        {
            var logs = new double[total];
            for (var index = 0; index < total; index++)
            {
                var n = nodes[index];
                logs[index] = double.IsNegativeInfinity(baseLogs[index])
                    ? double.NegativeInfinity
                    : baseLogs[index] - (0.5 * ((Math.Pow(value - n.Predictive, 2) / n.Variance) + Math.Log(2 * Math.PI * n.Variance)));
            }

            var cut = logs.Max() + Math.Log(Negligible);
            var sums = new EvidenceSums[total];
            Parallel.For(0, total, () => new double[system.Quantities], (index, _, mean) =>
            {
                if (logs[index] >= cut)
                {
                    var n = nodes[index];
                    for (var k = 0; k < mean.Length; k++)
                    {
                        mean[k] = n.Mean[k] + (n.Gain[k] * (value - n.Predictive));
                    }

                    sums[index] = OrthantSums.Compute(mean, n.Cov, threshold, silence, intervals);
                }

                return mean;
            }, _ => { });
            return Combine(logs, sums, cut);
        }).ToArray();
    }

    private static (double LogScale, EvidenceSums Sums) Combine(double[] logs, EvidenceSums[] sums, double cut)
    {
        var max = logs.Max();
        if (double.IsNegativeInfinity(max))
        {
            throw new InvalidOperationException(NowcastMessages.NoNodeSolved);
        }

        var total = default(EvidenceSums);
        for (var i = 0; i < logs.Length; i++)
        {
            if (logs[i] >= cut)
            {
                total += sums[i] * Math.Exp(logs[i] - max);
            }
        }

        return (max, total);
    }
}
