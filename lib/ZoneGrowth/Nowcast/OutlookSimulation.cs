using ZoneGrowth.Random;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// A seeded Monte Carlo of the outlook's joint distribution, drawn the way the closed form integrates it:
/// per path the revenue basis (with its probability), one variance factor ν ÷ χ²_ν per estimated scale
/// (the zone's price growth among them), one standard normal per error component, and from those the
/// bridged value of every year and every bounded quantity. A path outside a bound is rejected; a path
/// whose silent year is at or above the target is rejected with the chance a crossing would have been
/// named. From the accepted paths: P(met) with its standard error, the first year each crosses the
/// target, and each year's quantiles. The closed form must agree within the standard error.
/// Paths run in blocks of 1024, each from its own xoshiro256** stream derived from the seed and the
/// block's index, so the same seed gives the same result on any number of cores.
/// </summary>
public sealed class OutlookSimulation
{
    private const int BlockSize = 1024;

    private OutlookSimulation(TargetOutlook outlook, MonteCarloOptions options, long drawn, long accepted, long above, long[] crossings, IReadOnlyList<FanYear> years)
    {
        Outlook = outlook;
        Options = options;
        Drawn = drawn;
        Accepted = accepted;
        Above = above;
        FirstYear = outlook.Bridges.LastPublished.Year + 1;
        FirstCrossing = crossings.Take(crossings.Length - 1).Select((c, k) => (FirstYear + k, (double)c / accepted)).ToArray();
        NotCrossed = (double)crossings[^1] / accepted;
        Years = years;
    }

    /// <summary>The outlook simulated.</summary>
    public TargetOutlook Outlook { get; }

    /// <summary>The settings.</summary>
    public MonteCarloOptions Options { get; }

    /// <summary>Paths drawn.</summary>
    public long Drawn { get; }

    /// <summary>Paths accepted (inside every bound, and not rejected for the silence).</summary>
    public long Accepted { get; }

    /// <summary>Accepted paths at or above the target in its year.</summary>
    public long Above { get; }

    /// <summary>The first simulated year (the year after the last published value).</summary>
    public int FirstYear { get; }

    /// <summary>The simulated P(met): above ÷ accepted.</summary>
    public double Probability => (double)Above / Accepted;

    /// <summary>Its standard error, √(P(1 − P) ÷ accepted).</summary>
    public double StandardError => Math.Sqrt(Probability * (1 - Probability) / Accepted);

    /// <summary>For each year, the share of accepted paths that first reach the target in it.</summary>
    public IReadOnlyList<(int Year, double Probability)> FirstCrossing { get; }

    /// <summary>The share of accepted paths that do not reach the target by its year.</summary>
    public double NotCrossed { get; }

    /// <summary>Each year's simulated levels at the fan probabilities (<see cref="MonteCarloOptions.FanProbabilities"/>, or the standard fan when none were given), always with 5 %, 50 % and 95 %.</summary>
    public IReadOnlyList<FanYear> Years { get; }

    /// <summary>The simulation as the target layer's, for its charts and tables (closed form beside it).</summary>
    public TargetSimulation AsTargetSimulation() =>
        new(NowcastMessages.Invariant($"outlook {Outlook.Route.Describe()}"), Outlook.Target, Options, FirstYear,
            new MonteCarloCounts(Accepted, Above, [.. FirstCrossing.Select(f => (long)Math.Round(f.Probability * Accepted)), (long)Math.Round(NotCrossed * Accepted)], null),
            Years, Outlook.Probability, null);

    /// <summary>Runs the simulation.</summary>
    public static OutlookSimulation Run(TargetOutlook outlook, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        options ??= new MonteCarloOptions();
        if (options.WorkerThreads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), TargetMessages.WorkerThreads(options.WorkerThreads.Value));
        }

        // The fan asked for (the standard one by default), always with the median and the 90 % interval's ends.
        IReadOnlyList<double> fan = (options.FanProbabilities.Count > 0 ? options.FanProbabilities : MonteCarloOptions.StandardFan).Concat([0.05, 0.5, 0.95]).Distinct().Order().ToArray();
        var model = new Model(outlook);
        var blocks = (options.Paths + BlockSize - 1) / BlockSize;
        var results = new Block[blocks];
        var workers = Math.Min(options.WorkerThreads ?? Environment.ProcessorCount, blocks);
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            for (var block = Interlocked.Increment(ref next); block < blocks; block = Interlocked.Increment(ref next))
            {
                results[block] = model.Simulate(options.Seed, block, Math.Min(BlockSize, options.Paths - (block * BlockSize)));
            }
        });

        var accepted = results.Sum(r => r.Accepted);
        var above = results.Sum(r => r.Above);
        var crossings = new long[model.Years + 1];
        foreach (var r in results)
        {
            for (var k = 0; k <= model.Years; k++)
            {
                crossings[k] += r.Crossings[k];
            }
        }

        var years = Enumerable.Range(0, model.Years).Select(k =>
        {
            var values = results.SelectMany(r => r.Values[k]).ToArray();
            Array.Sort(values);
            return new FanYear(model.FirstYear + k, fan, fan.Select(p => Math.Exp(Quantile(values, p))).ToArray());
        }).ToArray();
        return new OutlookSimulation(outlook, options, options.Paths, accepted, above, crossings, years);
    }

    /// <summary>Type-7 quantile (R's default) of sorted values.</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private sealed record Block(long Accepted, long Above, long[] Crossings, List<double>[] Values);

    /// <summary>The joint distribution laid out for drawing: per basis, the means and loadings of every year and bounded quantity.</summary>
    private sealed class Model
    {
        private readonly TargetOutlook _outlook;
        private readonly ErrorComponent[] _components;
        private readonly ScaleParameter[] _scales;
        private readonly int[] _scaleOf;
        private readonly (RevenueBasis Basis, double Weight, double[] Mean, double[][] Loadings)[] _branches;
        private readonly (double Low, double High)[] _intervals;
        private readonly double _threshold;
        private readonly int _targetIndex;
        private readonly int _silenceIndex;
        private readonly double _mention;

        public Model(TargetOutlook outlook)
        {
            _outlook = outlook;
            var bridges = outlook.Bridges;
            FirstYear = bridges.LastPublished.Year + 1;
            Years = outlook.Target.Year - FirstYear + 1;
            var bounds = outlook.BoundIntervals();
            _intervals = bounds.Select(b => (b.Low, b.High)).ToArray();
            _threshold = Math.Log(outlook.Target.Value);
            _targetIndex = Years - 1;
            _silenceIndex = outlook.Silence is { } silence ? silence.ThroughYear - FirstYear : -1;
            _mention = outlook.Silence?.MentionProbability ?? 0;

            var quantities = bridges.Bases.ToDictionary(b => b, b =>
                Enumerable.Range(FirstYear, Years).Select(y => bridges.Value(outlook.Route, b, y)
                    ?? throw new InvalidOperationException(NowcastMessages.Invariant($"The {outlook.Route.Describe()} bridge does not reach {y}; every year up to the target's must be bridged to simulate paths.")))
                .Concat(bounds.Select(q => q.Quantity)).ToArray());
            var price = outlook.PricePrior is { } prior ? new ErrorComponent(prior.AsScale.Name, prior.Scale, prior.AsScale) : null;
            _components = quantities.Values.SelectMany(q => q.SelectMany(v => v.Terms.Select(t => t.Component))).Distinct().Concat(price is null ? [] : [price]).ToArray();
            _scales = _components.Select(c => c.Scale).OfType<ScaleParameter>().Where(s => !s.IsKnown).Distinct().ToArray();
            _scaleOf = _components.Select(c => c.Scale is { IsKnown: false } s ? Array.IndexOf(_scales, s) : -1).ToArray();
            _branches = bridges.Bases.Select(b => (b, outlook.BasisWeights[b],
                quantities[b].Select(v => v.LogConstant + (v.PriceYears * (outlook.PricePrior?.Mean ?? 0))).ToArray(),
                quantities[b].Select(v => _components.Select(c => c == price ? v.PriceYears : v.Terms.Where(t => t.Component == c).Sum(t => t.Loading)).ToArray()).ToArray())).ToArray();
        }

        public int FirstYear { get; }

        public int Years { get; }

        public Block Simulate(ulong seed, int block, int count)
        {
            var rng = Xoshiro256StarStar.ForBlock(seed, block);
            var z = new double[_components.Length];
            var factor = new double[_scales.Length];
            var values = new double[_branches[0].Mean.Length];
            var kept = Enumerable.Range(0, Years).Select(_ => new List<double>(count)).ToArray();
            var crossings = new long[Years + 1];
            long accepted = 0, above = 0;
            for (var path = 0; path < count; path++)
            {
                var branch = _branches.Length == 1 || rng.NextDouble() < _branches[0].Weight ? _branches[0] : _branches[1];
                for (var g = 0; g < _scales.Length; g++)
                {
                    var nu = _scales[g].DegreesOfFreedom;
                    factor[g] = Math.Sqrt(nu / (2 * Ziggurat.NextGamma(ref rng, nu / 2)));
                }

                rng.FillNormal(z);
                for (var i = 0; i < values.Length; i++)
                {
                    var v = branch.Mean[i];
                    var row = branch.Loadings[i];
                    for (var c = 0; c < z.Length; c++)
                    {
                        if (row[c] != 0)
                        {
                            v += row[c] * _components[c].Sd * (_scaleOf[c] < 0 ? 1 : factor[_scaleOf[c]]) * z[c];
                        }
                    }

                    values[i] = v;
                }

                var inside = true;
                for (var b = 0; b < _intervals.Length && inside; b++)
                {
                    var y = values[Years + b];
                    inside = y >= _intervals[b].Low && y <= _intervals[b].High;
                }

                // A path that reached the target in the silent year is kept with the chance the silence is not a mention.
                if (!inside || (_silenceIndex >= 0 && values[_silenceIndex] >= _threshold && _mention > 0 && rng.NextDouble() < _mention))
                {
                    continue;
                }

                accepted++;
                var first = Years;
                for (var k = 0; k < Years; k++)
                {
                    kept[k].Add(values[k]);
                    if (first == Years && values[k] >= _threshold)
                    {
                        first = k;
                    }
                }

                crossings[first]++;
                if (values[_targetIndex] >= _threshold)
                {
                    above++;
                }
            }

            return new Block(accepted, above, crossings, kept);
        }
    }
}
