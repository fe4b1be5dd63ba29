using MathNet.Numerics.Distributions;
using ZoneGrowth.Nowcast;

namespace ZoneGrowth.Tests.Nowcast;

/// <summary>
/// The probabilities one node of the outlook needs, against closed forms: with independent quantities every
/// probability is a product of normal ones, whatever the integration rule does inside; a bound far in a tail keeps
/// its (small) probability rather than being cut away. The correlated cases are held to the independent reference in
/// <see cref="OutlookReferenceTests"/>.
/// </summary>
public sealed class OrthantSumsTests
{
    private static double Upper(double mean, double sd, double threshold) => 1 - Normal.CDF(mean, sd, threshold);

    private static double Inside(double mean, double sd, (double Low, double High) interval) =>
        Normal.CDF(mean, sd, interval.High) - Normal.CDF(mean, sd, interval.Low);

    [Theory]
    [InlineData(8.7, 8.8, -1.0, 1.5)] // the bounds near the centre
    [InlineData(8.9, 8.6, 0.5, 9.0)] // the second bound a wide one-sided interval
    public void IndependentQuantitiesGiveProductsOfNormalProbabilities(double meanX, double meanS, double low, double high)
    {
        // X, S and two bounded quantities Y1 ∈ [low, high] and Y2 ≥ 0.3 (means 0 and 1), all independent.
        double[] mean = [meanX, meanS, 0, 1];
        double[] sd = [0.06, 0.05, 1, 0.5];
        var cov = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            cov[i, i] = sd[i] * sd[i];
        }

        var threshold = Math.Log(6000);
        (double, double)[] intervals = [(low, high), (0.3, double.PositiveInfinity)];

        var sums = OrthantSums.Compute(mean, cov, threshold, silence: true, intervals);

        var bounds = Inside(0, 1, intervals[0]) * Inside(1, 0.5, intervals[1]);
        var (x, s) = (Upper(meanX, 0.06, threshold), Upper(meanS, 0.05, threshold));
        Assert.Equal(bounds, sums.D, 1e-7);
        Assert.Equal(x * bounds, sums.N, 1e-7);
        Assert.Equal(s * bounds, sums.DS, 1e-7);
        Assert.Equal(x * s * bounds, sums.NS, 1e-7);
        Assert.Equal(x, sums.N0, 1e-12);
        Assert.Equal(s, sums.DS0, 1e-12);
        Assert.Equal(x * s, sums.NS0, 1e-7);
    }

    [Theory]
    [InlineData(7.0)]
    [InlineData(7.5)]
    [InlineData(-8.0)]
    public void ABoundFarInATailKeepsItsProbability(double z)
    {
        // Y ~ N(0, 1) bounded beyond z standard deviations (above it when z > 0, below when z < 0), with a second,
        // independent bound so that the first is integrated numerically; X independent of both.
        double[] mean = [8.7, 0, 0];
        var cov = new double[3, 3];
        cov[0, 0] = 0.0036;
        cov[1, 1] = 1;
        cov[2, 2] = 1;
        (double, double) far = z > 0 ? (z, double.PositiveInfinity) : (double.NegativeInfinity, z);
        (double, double)[] intervals = [far, (-1, 1)];

        var sums = OrthantSums.Compute(mean, cov, Math.Log(6000), silence: false, intervals);

        // The bound's probability (10⁻¹² to 10⁻¹⁵) to a few parts in 10⁴: such a node weighs almost nothing beside the
        // others, and only its ratios matter (next line).
        var expected = Inside(0, 1, far) * Inside(0, 1, (-1, 1));
        Assert.True(expected > 0);
        Assert.Equal(1, sums.D / expected, 2e-3);
        Assert.Equal(Upper(8.7, 0.06, Math.Log(6000)), sums.N / sums.D, 1e-9);
    }
}
