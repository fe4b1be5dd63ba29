using MathNet.Numerics.Integration;

namespace ZoneGrowth.Numerics;

/// <summary>Gauss–Legendre rules (Math.NET's <see cref="GaussLegendreRule"/>), in the forms the integrals here use.</summary>
internal static class GaussLegendre
{
    /// <summary>The n-point rule on [a, b]: nodes and weights (the weights sum to b − a).</summary>
    public static (double[] Nodes, double[] Weights) On(double a, double b, int n)
    {
        var rule = new GaussLegendreRule(a, b, n);
        return (rule.Abscissas.ToArray(), rule.Weights.ToArray());
    }

    /// <summary>
    /// The positive half of the n-point rule on [−1, 1] (n even): each node x stands for the pair ±x,
    /// with the weight of one of them.
    /// </summary>
    public static (double[] Nodes, double[] Weights) Symmetric(int n)
    {
        var (nodes, weights) = On(-1, 1, n);
        var half = Enumerable.Range(0, n).Where(i => nodes[i] > 0).OrderBy(i => nodes[i]).ToArray();
        return (half.Select(i => nodes[i]).ToArray(), half.Select(i => weights[i]).ToArray());
    }
}
