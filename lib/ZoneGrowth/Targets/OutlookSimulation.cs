using ZoneGrowth.Forecasting;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Random;

namespace ZoneGrowth.Targets;

/// <summary>
/// A seeded Monte Carlo of the outlook's model, drawn the other way from the closed form: the scales' variance
/// factors (ν ÷ χ²_ν) and a drift's split are drawn from their priors, once per draw of 256 paths; within a draw a
/// path takes a hypothesis about revenue's basis with its prior × the rows' likelihood, and its unknowns are drawn
/// from their normal posterior given the rows. A path outside a bound is rejected, one that reached the target in the
/// silent year is rejected with the chance a crossing would have been named. Each draw's kept paths estimate P(met)
/// given its scales without bias (given how many are kept, each is a draw of the conditional distribution); P is their
/// mean over the draws, its standard error their spread ÷ √draws, and each draw's paths count equally in the first
/// crossings and the quantiles. The closed form must agree within the standard error. Draws are independent streams of
/// xoshiro256** derived from the seed and the draw's index, so the same seed gives the same result on any number of
/// cores.
/// </summary>
public sealed class OutlookSimulation
{
    private const int PathsPerDraw = 256;

    private OutlookSimulation(TargetOutlook outlook, MonteCarloOptions options, long accepted, double probability, double standardError, double effective, IReadOnlyList<(int Year, double Probability)> crossings, double notCrossed, IReadOnlyList<FanYear> years, int firstYear)
    {
        Outlook = outlook;
        Options = options;
        Accepted = accepted;
        Probability = probability;
        StandardError = standardError;
        EffectivePaths = effective;
        FirstCrossing = crossings;
        NotCrossed = notCrossed;
        Years = years;
        FirstYear = firstYear;
    }

    /// <summary>The outlook simulated.</summary>
    public TargetOutlook Outlook { get; }

    /// <summary>The settings.</summary>
    public MonteCarloOptions Options { get; }

    /// <summary>Paths drawn.</summary>
    public long Drawn => Options.Paths;

    /// <summary>Paths kept (inside every bound, and not rejected for the silence).</summary>
    public long Accepted { get; }

    /// <summary>The number of equally weighted paths the kept ones are worth, (Σ w)² ÷ Σ w² with each path weighed 1 ÷ its draw's kept paths.</summary>
    public double EffectivePaths { get; }

    /// <summary>The first simulated year (the year after the model's first).</summary>
    public int FirstYear { get; }

    /// <summary>The simulated P(met).</summary>
    public double Probability { get; }

    /// <summary>Its standard error.</summary>
    public double StandardError { get; }

    /// <summary>For each year, the weighted share of kept paths that first reach the target in it.</summary>
    public IReadOnlyList<(int Year, double Probability)> FirstCrossing { get; }

    /// <summary>The weighted share of kept paths that do not reach the target by its year.</summary>
    public double NotCrossed { get; }

    /// <summary>Each year's simulated levels at the fan probabilities (<see cref="MonteCarloOptions.FanProbabilities"/>, or the standard fan when none were given), always with 5 %, 50 % and 95 %.</summary>
    public IReadOnlyList<FanYear> Years { get; }

    /// <summary>The simulation as the target layer's, for its charts and tables (closed form beside it).</summary>
    public TargetSimulation AsTargetSimulation() =>
        new(FormattableString.Invariant($"outlook on all the evidence"), Outlook.Target, Options, FirstYear,
            new MonteCarloCounts(Accepted, (long)Math.Round(Probability * Accepted), [.. FirstCrossing.Select(f => (long)Math.Round(f.Probability * Accepted)), (long)Math.Round(NotCrossed * Accepted)], null),
            Years, Outlook.Probability, null);

    /// <summary>Runs the simulation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Too few paths respect the bounds to estimate anything (fewer than two draws of 256 keep one): the message says how many paths it would take.</exception>
    public static OutlookSimulation Run(TargetOutlook outlook, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        options ??= new MonteCarloOptions();
        if (options.WorkerThreads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), ForecastingMessages.WorkerThreads(options.WorkerThreads.Value));
        }

        IReadOnlyList<double> fan = (options.FanProbabilities.Count > 0 ? options.FanProbabilities : MonteCarloOptions.StandardFan).Concat([0.05, 0.5, 0.95]).Distinct().Order().ToArray();
        var model = new Paths(outlook);
        var draws = (options.Paths + PathsPerDraw - 1) / PathsPerDraw;
        var results = new Draw[draws];
        var workers = Math.Min(options.WorkerThreads ?? Environment.ProcessorCount, draws);
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var work = model.NewWork();
            for (var d = Interlocked.Increment(ref next); d < draws; d = Interlocked.Increment(ref next))
            {
                results[d] = model.Simulate(options.Seed, d, Math.Min(PathsPerDraw, options.Paths - (d * PathsPerDraw)), work);
            }
        });

        // Each draw's share of kept paths at or above the target estimates P given its scales; P is their mean.
        var live = results.Where(r => r.Accepted > 0).ToArray();
        if (live.Length < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), TargetMessages.TooFewKept(options.Paths, results.Sum(r => (long)r.Accepted), outlook.BoundsProbability));
        }

        var shares = live.Select(r => (double)r.Above / r.Accepted).ToArray();
        var p = shares.Average();
        var standardError = Math.Sqrt(shares.Sum(x => (x - p) * (x - p)) / (shares.Length - 1) / shares.Length);
        var crossings = new double[model.Years + 1];
        foreach (var r in live)
        {
            for (var k = 0; k <= model.Years; k++)
            {
                crossings[k] += (double)r.Crossings[k] / r.Accepted / live.Length;
            }
        }

        var effective = Math.Pow(live.Length, 2) / live.Sum(r => 1.0 / r.Accepted);
        var years = Enumerable.Range(0, model.Years).Select(k =>
        {
            var count = live.Sum(r => r.Values[k].Count);
            var values = new double[count];
            var weights = new double[count];
            var i = 0;
            foreach (var r in live)
            {
                foreach (var v in r.Values[k])
                {
                    values[i] = v;
                    weights[i++] = 1.0 / r.Accepted;
                }
            }

            Array.Sort(values, weights);
            return new FanYear(model.FirstYear + k, fan, fan.Select(q => Math.Exp(WeightedQuantile(values, weights, q))).ToArray());
        }).ToArray();
        return new OutlookSimulation(outlook, options, results.Sum(r => (long)r.Accepted), p, standardError, effective,
            crossings.Take(model.Years).Select((c, k) => (model.FirstYear + k, c)).ToArray(), crossings[^1], years, model.FirstYear);
    }

    /// <summary>The value where the cumulative weight reaches q of the total, interpolated between the midpoints of neighbouring values' weights.</summary>
    private static double WeightedQuantile(double[] sorted, double[] weights, double q)
    {
        var total = weights.Sum();
        var target = q * total;
        double cumulative = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var here = cumulative + (weights[i] / 2);
            if (here >= target)
            {
                if (i == 0)
                {
                    return sorted[0];
                }

                var before = cumulative - (weights[i - 1] / 2);
                var f = here > before ? Math.Clamp((target - before) / (here - before), 0, 1) : 1;
                return sorted[i - 1] + (f * (sorted[i] - sorted[i - 1]));
            }

            cumulative += weights[i];
        }

        return sorted[^1];
    }

    private sealed record Draw(int Accepted, int Above, int[] Crossings, List<double>[] Values);

    /// <summary>The model laid out for drawing paths: per hypothesis, each year's and bounded quantity's dense form.</summary>
    private sealed class Paths
    {
        private readonly TargetOutlook _outlook;
        private readonly IReadOnlyList<EvidenceSystem> _systems;
        private readonly double[][][] _yearForms;
        private readonly double[][] _yearConstants;
        private readonly double[][][] _boundForms;
        private readonly double[][] _boundConstants;
        private readonly double[] _boundSd;
        private readonly (double Low, double High)[] _intervals;
        private readonly double[][]? _silentForm;
        private readonly double[]? _silentConstant;
        private readonly double _threshold;
        private readonly double _mention;
        private readonly double[] _prior;
        private readonly ScaleParameter[] _scales;
        private readonly bool[] _used;
        private readonly bool _split;

        public Paths(TargetOutlook outlook)
        {
            _outlook = outlook;
            var model = outlook.Model;
            _systems = outlook.Systems;
            FirstYear = model.FirstYear + 1;
            Years = outlook.Target.Year - model.FirstYear;
            var years = Enumerable.Range(FirstYear, Years).ToArray();
            var hypotheses = model.Bases.Count;
            var yearForms = years.Select(y => model.Figure(outlook.Target.Indicator, y, string.Empty)).ToArray();
            yearForms[^1] = model.TargetValue;
            _yearForms = Enumerable.Range(0, hypotheses).Select(h => yearForms.Select(f => _systems[h].Dense(f[h])).ToArray()).ToArray();
            _yearConstants = Enumerable.Range(0, hypotheses).Select(h => yearForms.Select(f => f[h].Constant).ToArray()).ToArray();
            _boundForms = Enumerable.Range(0, hypotheses).Select(h => model.Bounds.Select(b => _systems[h].Dense(b.Forms[h])).ToArray()).ToArray();
            _boundConstants = Enumerable.Range(0, hypotheses).Select(h => model.Bounds.Select(b => b.Forms[h].Constant).ToArray()).ToArray();
            _boundSd = model.Bounds.Select(b => b.Sd).ToArray();
            _intervals = model.Bounds.Select(b => (b.Low, b.High)).ToArray();
            if (model.Silent is { } silent)
            {
                _silentForm = Enumerable.Range(0, hypotheses).Select(h => _systems[h].Dense(silent[h])).ToArray();
                _silentConstant = silent.Select(f => f.Constant).ToArray();
            }

            _threshold = outlook.ThresholdLog;
            _mention = outlook.Silence?.MentionProbability ?? 0;
            _prior = outlook.PriorWeights.ToArray();
            _scales = model.Scales.ToArray();
            _used = _scales.Select((_, g) => _systems.Any(s => s.UsesGroup(g))).ToArray();
            _split = _systems[0].UsesSplit;
        }

        public int FirstYear { get; }

        public int Years { get; }

        public EvidenceSystem.Workspace[] NewWork() => _systems.Select(s => s.NewWorkspace()).ToArray();

        public Draw Simulate(ulong seed, int draw, int count, EvidenceSystem.Workspace[] work)
        {
            var rng = Xoshiro256StarStar.ForBlock(seed, draw);
            var factors = new double[_scales.Length];
            for (var g = 0; g < _scales.Length; g++)
            {
                var nu = _scales[g].DegreesOfFreedom;
                factors[g] = _used[g] && !_scales[g].IsKnown ? nu / (2 * Ziggurat.NextGamma(ref rng, nu / 2)) : 1;
            }

            var lambda = _split ? rng.NextOpenDouble() : 0.5;
            var logs = new double[_systems.Count];
            for (var h = 0; h < _systems.Count; h++)
            {
                var l = _prior[h] > 0 ? _systems[h].Solve(factors, lambda, work[h]) : double.NaN;
                logs[h] = double.IsNaN(l) ? double.NegativeInfinity : Math.Log(_prior[h]) + l;
            }

            var top = logs.Max();
            var kept = Enumerable.Range(0, Years).Select(_ => new List<double>(count)).ToArray();
            var crossings = new int[Years + 1];
            if (double.IsNegativeInfinity(top))
            {
                return new Draw(0, 0, crossings, kept);
            }

            var shares = logs.Select(l => Math.Exp(l - top)).ToArray();
            var total = shares.Sum();
            int accepted = 0, above = 0;
            var n = _systems[0].Size;
            var z = new double[n];
            var x = new double[n];
            var values = new double[Years];
            for (var path = 0; path < count; path++)
            {
                var h = _systems.Count == 1 || rng.NextDouble() * total < shares[0] ? 0 : 1;
                rng.FillNormal(z);
                Draw(work[h], z, x);
                for (var k = 0; k < Years; k++)
                {
                    values[k] = Dot(_yearForms[h][k], x) + _yearConstants[h][k];
                }

                var inside = true;
                for (var b = 0; b < _intervals.Length && inside; b++)
                {
                    var y = Dot(_boundForms[h][b], x) + _boundConstants[h][b] + (_boundSd[b] * Ziggurat.NextNormal(ref rng));
                    inside = y >= _intervals[b].Low && y <= _intervals[b].High;
                }

                if (inside && _silentForm is not null && _mention > 0 && Dot(_silentForm[h], x) + _silentConstant![h] >= _threshold && rng.NextDouble() < _mention)
                {
                    inside = false;
                }

                if (!inside)
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
                if (values[^1] >= _threshold)
                {
                    above++;
                }
            }

            return new Draw(accepted, above, crossings, kept);
        }

        /// <summary>x = μ + L⁻ᵀz: a draw of the unknowns from their normal posterior (P = LLᵀ).</summary>
        private static void Draw(EvidenceSystem.Workspace work, double[] z, double[] x)
        {
            var n = x.Length;
            var l = work.Precision;
            for (var i = n - 1; i >= 0; i--)
            {
                var s = z[i];
                for (var k = i + 1; k < n; k++)
                {
                    s -= l[(k * n) + i] * x[k];
                }

                x[i] = s / l[(i * n) + i];
            }

            for (var i = 0; i < n; i++)
            {
                x[i] += work.Posterior[i];
            }
        }

        private static double Dot(double[] a, double[] b)
        {
            double s = 0;
            for (var i = 0; i < a.Length; i++)
            {
                s += a[i] * b[i];
            }

            return s;
        }
    }
}
