using ZoneGrowth.Random;

namespace ZoneGrowth.Targets;

/// <summary>
/// Simulates the paths of a <see cref="PathModel"/> and counts, against a threshold on the log
/// scale, the paths above it in a chosen year and the first year each path crosses it.
/// Paths are simulated in fixed blocks, each with its own generator stream derived from the
/// seed, and blocks are spread over the cores; the counts are sums over blocks, so the result
/// is the same whatever the number of cores or the order blocks finish in. No allocation per
/// path.
/// </summary>
public static class MonteCarlo
{
    private const int BlockSize = 8192;

    /// <summary>Runs the simulation.</summary>
    /// <param name="model">The path model.</param>
    /// <param name="logThreshold">ln of the level to reach.</param>
    /// <param name="yearIndex">The index (0 = model.FirstYear) of the year whose level is compared with the threshold.</param>
    /// <param name="paths">The number of paths.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="keepValues">Whether to return every path's ln level per year (for quantiles).</param>
    public static MonteCarloCounts Run(PathModel model, double logThreshold, int yearIndex, int paths, ulong seed, bool keepValues = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        if (yearIndex < 0 || yearIndex >= model.Years)
        {
            throw new ArgumentOutOfRangeException(nameof(yearIndex));
        }

        var blocks = (paths + BlockSize - 1) / BlockSize;
        var years = model.Years;
        var values = keepValues ? Enumerable.Range(0, years).Select(_ => new double[paths]).ToArray() : null;
        long above = 0;
        var crossings = new long[years + 1];
        var gate = new object();
        Parallel.For(
            0,
            blocks,
            () => new BlockCounts(years),
            (block, _, local) =>
            {
                var start = block * BlockSize;
                var count = Math.Min(BlockSize, paths - start);
                SimulateBlock(model, logThreshold, yearIndex, seed, block, start, count, local, values);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    above += local.Above;
                    for (var k = 0; k <= years; k++)
                    {
                        crossings[k] += local.Crossings[k];
                    }
                }
            });
        return new MonteCarloCounts(paths, above, crossings, values);
    }

    private static void SimulateBlock(PathModel model, double logThreshold, int yearIndex, ulong seed, int block, int start, int count, BlockCounts counts, double[][]? values)
    {
        var rng = Xoshiro256StarStar.ForBlock(seed, block);
        var mean = model.Mean;
        var loadings = model.Loadings;
        var p = model.Parameters;
        var years = model.Years;
        var scale = model.Scale;
        var nu = model.DegreesOfFreedom;
        var knownVariance = double.IsPositiveInfinity(nu);
        var cumulative = model.CumulativeNoise;
        Span<double> z = stackalloc double[p];
        for (var path = 0; path < count; path++)
        {
            var w = knownVariance ? scale : scale * Math.Sqrt(nu / (2 * Ziggurat.NextGamma(ref rng, nu / 2)));
            for (var j = 0; j < p; j++)
            {
                z[j] = Ziggurat.NextNormal(ref rng);
            }

            var noise = 0.0;
            var first = years;
            for (var k = 0; k < years; k++)
            {
                var e = Ziggurat.NextNormal(ref rng);
                noise = cumulative ? noise + e : e;
                var shock = noise;
                var row = loadings.Slice(k * p, p);
                for (var j = 0; j < p; j++)
                {
                    shock += row[j] * z[j];
                }

                var level = mean[k] + (w * shock);
                if (level >= logThreshold)
                {
                    if (first == years)
                    {
                        first = k;
                    }

                    if (k == yearIndex)
                    {
                        counts.Above++;
                    }
                }

                if (values is not null)
                {
                    values[k][start + path] = level;
                }
            }

            counts.Crossings[first]++;
        }
    }

    private sealed class BlockCounts(int years)
    {
        public long Above;
        public readonly long[] Crossings = new long[years + 1];
    }
}
