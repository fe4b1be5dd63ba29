namespace ZoneGrowth.Forecasting;

/// <summary>Settings of a target Monte Carlo.</summary>
public sealed record MonteCarloOptions
{
    /// <summary>The number of simulated paths (default 200 000).</summary>
    public int Paths { get; init; } = 200_000;

    /// <summary>The seed: the same seed gives the same result on any machine and any number of cores.</summary>
    public ulong Seed { get; init; } = 20251;

    /// <summary>
    /// The number of worker threads that simulate paths; <c>null</c> (the default) uses one per
    /// core (<see cref="Environment.ProcessorCount"/>). Fewer leaves cores to other work, e.g. 1
    /// for a notebook on a shared machine. The result does not depend on it: each block of paths
    /// draws from its own stream derived from the seed and the block's index, and the counts are
    /// sums over blocks. Must be at least 1.
    /// </summary>
    public int? WorkerThreads { get; init; }

    /// <summary>The last simulated year; by default the target year. Later years show crossings after it.</summary>
    public int? HorizonYear { get; init; }

    /// <summary>
    /// Probabilities at which to report the simulated levels of each year for a fan chart, e.g.
    /// 0.05, 0.25, 0.5, 0.75, 0.95. Empty (the default) skips them, which saves memory and time.
    /// </summary>
    public IReadOnlyList<double> FanProbabilities { get; init; } = [];

    /// <summary>The default fan: 5, 10, 25, 50, 75, 90 and 95 %.</summary>
    public static IReadOnlyList<double> StandardFan { get; } = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];
}
