using ZoneGrowth.Random;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// Simulates the paths of a <see cref="PathModel"/> and counts, against a threshold on the log
/// scale, the paths above it in a chosen year and the first year each path crosses it.
/// Paths are simulated in fixed blocks, each with its own generator streams derived from the
/// seed, and blocks are spread over worker threads (one per core unless told otherwise); the
/// counts are sums over blocks, so the result is the same whatever the number of threads or the
/// order blocks finish in. A block's normal
/// draws are made in one tight loop (<see cref="Xoshiro256StarStar.FillNormal"/>) into a buffer
/// each worker reuses: no allocation per path.
/// </summary>
public static class MonteCarlo
{
    private const int BlockSize = 1024;
    private const int MaxNormalsForChiSquare = 8;

    /// <summary>Runs the simulation.</summary>
    /// <param name="model">The path model.</param>
    /// <param name="logThreshold">ln of the level to reach.</param>
    /// <param name="yearIndex">The index (0 = model.FirstYear) of the year whose level is compared with the threshold.</param>
    /// <param name="paths">The number of paths.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="keepValues">Whether to return every path's ln level per year (for quantiles).</param>
    /// <param name="workerThreads">The number of worker threads; <c>null</c> for one per core. The counts do not depend on it.</param>
    public static MonteCarloCounts Run(PathModel model, double logThreshold, int yearIndex, int paths, ulong seed, bool keepValues = false, int? workerThreads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        if (workerThreads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workerThreads), ForecastingMessages.WorkerThreads(workerThreads.Value));
        }

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
        var nextBlock = -1;

        // Each worker (one per core unless told otherwise), with its own reusable buffer, takes the
        // next block until none is left. Which worker runs a block does not matter: a block's draws
        // depend only on the seed and the block's index.
        var workers = Math.Min(workerThreads ?? Environment.ProcessorCount, blocks);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            using var local = new BlockCounts(years);
            for (var block = Interlocked.Increment(ref nextBlock); block < blocks; block = Interlocked.Increment(ref nextBlock))
            {
                var start = block * BlockSize;
                SimulateBlock(model, logThreshold, yearIndex, seed, block, start, Math.Min(BlockSize, paths - start), local, values);
            }

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
        var mean = model.Mean;
        var loadings = model.Loadings;
        var p = model.Parameters;
        var years = model.Years;
        var scale = model.Scale;
        var nu = model.DegreesOfFreedom;
        var cumulative = model.CumulativeNoise;

        // The variance's draw: known (ν = ∞), a sum of ν squared normals for a small whole ν,
        // or a gamma variate otherwise.
        var chiByNormals = nu <= MaxNormalsForChiSquare && nu == Math.Floor(nu) ? (int)nu : 0;
        var stride = p + years + chiByNormals;
        var normals = counts.Buffer(count * stride);
        var rng = Xoshiro256StarStar.ForBlock(seed, block);
        rng.FillNormal(normals);

        // Count in locals and add to the worker's totals once per block: the workers' count
        // objects sit side by side in memory, and updating them per path would make the cores
        // fight over one cache line.
        long above = 0;
        Span<long> crossings = stackalloc long[years + 1];

        for (var path = 0; path < count; path++)
        {
            var draws = normals.Slice(path * stride, stride);
            double w;
            if (double.IsPositiveInfinity(nu))
            {
                w = scale;
            }
            else
            {
                double chiSquare;
                if (chiByNormals > 0)
                {
                    chiSquare = 0;
                    foreach (var z in draws[(p + years)..])
                    {
                        chiSquare += z * z;
                    }
                }
                else
                {
                    chiSquare = 2 * Ziggurat.NextGamma(ref rng, nu / 2);
                }

                w = scale * Math.Sqrt(nu / chiSquare);
            }

            var noise = 0.0;
            var first = years;
            for (var k = 0; k < years; k++)
            {
                var e = draws[p + k];
                noise = cumulative ? noise + e : e;
                var shock = noise;
                var row = loadings.Slice(k * p, p);
                for (var j = 0; j < p; j++)
                {
                    shock += row[j] * draws[j];
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
                        above++;
                    }
                }

                if (values is not null)
                {
                    values[k][start + path] = level;
                }
            }

            crossings[first]++;
        }

        counts.Above += above;
        for (var k = 0; k <= years; k++)
        {
            counts.Crossings[k] += crossings[k];
        }
    }

    /// <summary>A worker's counts and its reusable buffer of normal draws, rented from the shared pool.</summary>
    private sealed class BlockCounts(int years) : IDisposable
    {
        public long Above;
        public readonly long[] Crossings = new long[years + 1];
        private double[]? _buffer;

        public Span<double> Buffer(int length)
        {
            if (_buffer is null || _buffer.Length < length)
            {
                Dispose();
                _buffer = System.Buffers.ArrayPool<double>.Shared.Rent(length);
            }

            return _buffer.AsSpan(0, length);
        }

        public void Dispose()
        {
            if (_buffer is not null)
            {
                System.Buffers.ArrayPool<double>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }
}
