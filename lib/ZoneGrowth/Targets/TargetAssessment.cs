using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;

namespace ZoneGrowth.Targets;

/// <summary>
/// A target set against the series it is judged by: required growth, scenarios, sensitivity and
/// probability. Refuses a series of another indicator (or zone) unless an explicit
/// <see cref="MetricConversion"/> is given, which every result then carries.
/// </summary>
public sealed class TargetAssessment
{
    private TargetAssessment(IndicatorSeries series, Target target, MetricConversion? conversion, SeriesPoint baseline, SeriesPoint? outcome)
    {
        Outcome = outcome;
        Series = series;
        Target = target;
        Conversion = conversion;
        Baseline = baseline;
    }

    /// <summary>The series' published figure for the target year, when there is one: the outcome (the assessment judges from the years before it).</summary>
    public SeriesPoint? Outcome { get; }

    /// <summary>The series the target is judged by: its points before the target year.</summary>
    public IndicatorSeries Series { get; }

    /// <summary>The target.</summary>
    public Target Target { get; }

    /// <summary>The conversion from the series' indicator to the target's, or null when they are the same.</summary>
    public MetricConversion? Conversion { get; }

    /// <summary>The latest published (not derived) point: where every path starts.</summary>
    public SeriesPoint Baseline { get; }

    /// <summary>The baseline in the target's indicator: the baseline value × the conversion ratio, if any.</summary>
    public double BaselineValue => Baseline.Value * (Conversion?.Ratio ?? 1);

    /// <summary>
    /// Whether <paramref name="series"/> may judge <paramref name="target"/> without a conversion: accepted when it
    /// measures the target's indicator in the target's zone, else refused with the reason in words (what
    /// <see cref="Create"/> would throw). With the target indicator's own series, the reason says how far apart the
    /// two indicators are in the last year both were published.
    /// </summary>
    public static MetricCheck Check(IndicatorSeries series, Target target, IndicatorSeries? targetSeries = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(target);
        if (series.Zone != target.Zone)
        {
            return new MetricCheck(series, target, false, TargetMessages.ZoneMismatch(series, target));
        }

        return series.Indicator.Id == target.Indicator.Id
            ? new MetricCheck(series, target, true, TargetMessages.MetricAccepted(series, target))
            : new MetricCheck(series, target, false, TargetMessages.MetricMismatchReason(series, target, targetSeries));
    }

    /// <summary>Sets a target against a series.</summary>
    /// <exception cref="MetricMismatchException">The series measures another indicator and no conversion was given.</exception>
    /// <remarks>
    /// Points of the series for the target year or later are set aside: the assessment judges from the years before
    /// (what was required, what the extrapolations said), and a published figure for the target year is kept as the
    /// <see cref="Outcome"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">Another zone, no published figure before the target year, or a non-positive value.</exception>
    public static TargetAssessment Create(IndicatorSeries series, Target target, MetricConversion? conversion = null)
    {
        if (series.Zone != target.Zone)
        {
            throw new ArgumentException(TargetMessages.ZoneMismatch(series, target));
        }

        if (series.Indicator.Id != target.Indicator.Id && conversion is null)
        {
            throw new MetricMismatchException(TargetMessages.MetricMismatch(series, target));
        }

        if (conversion is not null && !(conversion.Low > 0 && conversion.Low <= conversion.Ratio && conversion.Ratio <= conversion.High))
        {
            throw new ArgumentException(TargetMessages.ConversionRange(conversion));
        }

        var outcome = series.Points.FirstOrDefault(p => p.Year == target.Year && !p.IsDerived);
        var before = series.Until(target.Year - 1);
        var baseline = before.Points.LastOrDefault(p => !p.IsDerived)
            ?? throw new ArgumentException(series.Points.Any(p => !p.IsDerived) ? TargetMessages.NothingBeforeTarget(target, series) : TargetMessages.NoPublishedPoint(series));
        series = before;

        if (!(target.Value > 0))
        {
            throw new ArgumentException(TargetMessages.NonPositive("target", target.Value));
        }

        if (!(baseline.Value > 0))
        {
            throw new ArgumentException(TargetMessages.NonPositive(FormattableString.Invariant($"baseline ({baseline.Year})"), baseline.Value));
        }

        return new TargetAssessment(series, target, conversion, baseline, outcome);
    }

    /// <summary>The constant annual growth needed from the baseline to the target.</summary>
    public RequiredGrowth RequiredGrowth => new(Baseline.Year, BaselineValue, Target.Year, Target.Value);

    /// <summary>The required growth at the conversion's low and high ratios (equal to <see cref="RequiredGrowth"/> without a conversion).</summary>
    public (RequiredGrowth AtLowRatio, RequiredGrowth AtHighRatio) RequiredGrowthRange =>
        Conversion is null
            ? (RequiredGrowth, RequiredGrowth)
            : (new(Baseline.Year, Baseline.Value * Conversion.Low, Target.Year, Target.Value),
               new(Baseline.Year, Baseline.Value * Conversion.High, Target.Year, Target.Value));

    /// <summary>Runs a scenario from the baseline to the target year.</summary>
    /// <exception cref="ArgumentException">A yearly scenario misses a year between baseline and target.</exception>
    public ScenarioResult Evaluate(GrowthScenario scenario)
    {
        var first = Baseline.Year + 1;
        var path = new List<(int Year, double Value)> { (Baseline.Year, BaselineValue) };
        var level = BaselineValue;
        for (var year = first; year <= Target.Year; year++)
        {
            level *= 1 + scenario.RateIn(year, first, Target.Year);
            path.Add((year, level));
        }

        return new ScenarioResult(scenario.Name, path, level, Target.Value, Conversion) { Note = scenario.Note };
    }

    /// <summary>Runs several scenarios.</summary>
    public IReadOnlyList<ScenarioResult> Evaluate(IEnumerable<GrowthScenario> scenarios) => scenarios.Select(Evaluate).ToArray();

    /// <summary>
    /// Every combination of a constant growth rate and a baseline factor (1.1 = baseline revised
    /// up 10 %): value in the target year, met or not, margin.
    /// </summary>
    public SensitivityGrid Sensitivity(IReadOnlyList<double> annualRates, IReadOnlyList<double> baselineFactors)
    {
        var years = Target.Year - Baseline.Year;
        var cells = baselineFactors
            .SelectMany(f => annualRates.Select(r => new SensitivityCell(r, f, BaselineValue * f * Math.Pow(1 + r, years), Target.Value)))
            .ToArray();
        return new SensitivityGrid(annualRates, baselineFactors, cells, Conversion);
    }

    /// <summary>
    /// P(the level in the target year ≥ the target) under a fitted growth model, from its
    /// t predictive distribution (closed form).
    /// </summary>
    public TargetProbability Probability(IGrowthModel model)
    {
        var predictive = model.Predict(Target.Year);
        double At(double ratio) => predictive.ProbabilityAtLeast(Target.Value / ratio);
        var central = At(Conversion?.Ratio ?? 1);
        return new TargetProbability(
            model.Name,
            Target,
            predictive,
            central,
            Conversion,
            Conversion is null ? central : At(Conversion.Low),
            Conversion is null ? central : At(Conversion.High));
    }

    /// <summary>
    /// Monte Carlo of the model's paths from the year after its last observation to the target
    /// year (or a later horizon): P(met), the first year the target is crossed, and a fan.
    /// Seeded and reproducible; agrees with <see cref="Probability(IGrowthModel)"/> within its
    /// standard error.
    /// </summary>
    public TargetSimulation Simulate(IGrowthModel model, MonteCarloOptions? options = null)
    {
        options ??= new MonteCarloOptions();
        var horizon = options.HorizonYear ?? Target.Year;
        if (horizon < Target.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(options), FormattableString.Invariant($"The horizon {horizon} is before the target year {Target.Year}; simulate at least to the target year."));
        }

        var paths = model.Paths(horizon);
        var threshold = Target.Value / (Conversion?.Ratio ?? 1);
        var counts = MonteCarlo.Run(paths, Math.Log(threshold), Target.Year - paths.FirstYear, options.Paths, options.Seed, keepValues: options.FanProbabilities.Count > 0, workerThreads: options.WorkerThreads);
        var fan = counts.Values is null
            ? []
            : counts.Values.Select((values, k) => new FanYear(paths.FirstYear + k, options.FanProbabilities, Quantiles(values, options.FanProbabilities))).ToArray();
        return new TargetSimulation(model.Name, Target, options, paths.FirstYear, counts with { Values = null }, fan, Probability(model).Probability, Conversion);
    }

    /// <summary>Type-7 quantiles (R's default) of ln levels, returned as levels.</summary>
    private static IReadOnlyList<double> Quantiles(double[] logs, IReadOnlyList<double> probabilities)
    {
        Array.Sort(logs);
        return probabilities.Select(p =>
        {
            var h = (logs.Length - 1) * p;
            var lo = (int)Math.Floor(h);
            var hi = Math.Min(lo + 1, logs.Length - 1);
            return Math.Exp(logs[lo] + ((h - lo) * (logs[hi] - logs[lo])));
        }).ToArray();
    }
}
