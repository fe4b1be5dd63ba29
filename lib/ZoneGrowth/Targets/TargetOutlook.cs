using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Numerics;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Targets;

/// <summary>
/// The target judged on all published evidence, as one probability that carries every uncertainty the workbook knows
/// of: P(the target's indicator reaches the target in its year | every related figure published).
/// <list type="bullet">
/// <item>One model of the evidence (<see cref="EvidenceModel"/>): every related figure of the zone, whatever its year,
/// kind, status or basis, is a row of one linear model on the log scale, tied by the table of relations; a figure
/// it cannot use is listed with the reason (<see cref="Evidence"/>).</item>
/// <item>The zone's price growth after its last level on the first-published basis is an unknown with a prior built
/// from published evidence (<see cref="ZonePricePrior"/>), which the rows update; a census revision is an unknown the
/// rows pin; whether revenue moves with the revision is weighed both ways, starting from <see cref="RevisionLink"/>'s
/// probability and updated by the rows.</item>
/// <item>Every scale estimated from a few points carries its uncertainty (a scaled inverse-χ² variance factor), and a
/// drift whose evidence is shared by two links is split between them with a uniform prior on the split. These keep
/// their priors (their evidence is the years before the model's first); at each of their values the rows, bounds and
/// silence weigh the two bases of revenue.</item>
/// <item>Bounds are censored evidence, and a source's silence (<c>silences.csv</c>) a likelihood on the paths that
/// reached the target in the years it covers.</item>
/// <item>The target year's own figure settles it: reported, P is 1 or 0; an estimate enters with its error.</item>
/// </list>
/// Given the scales everything is normal, so the probability is computed in closed form at each node of the scales'
/// quadrature (<see cref="EvidenceIntegral"/>); a seeded Monte Carlo of the same model (<see cref="OutlookSimulation"/>)
/// must agree with it within its standard error.
/// </summary>
public sealed class TargetOutlook
{
    private readonly EvidenceModel _model;
    private readonly EvidenceSystem[] _systems;
    private readonly EvidenceIntegral _integral;
    private readonly EvidenceIntegral _coarse;
    private readonly double[] _prior;
    private readonly Dictionary<string, NodeValues[]> _cache = [];
    private readonly Dictionary<(EvidenceSystem[] Systems, int Dimension, int Nodes), double[]> _lines = [];
    private IReadOnlyList<PriceCurvePoint>? _curve;
    private IReadOnlyList<OutlookCase>? _cases;
    private (double Low, double High)? _range;
    private double? _boundsProbability;
    private IReadOnlyList<SettlingFigure>? _settling;
    private (double Low, double High)[]? _intervals;

    private TargetOutlook(TargetAssessment assessment, EvidenceModel model, RevisionLink? link, (string, double)? provinceRevision, NowcastOptions options)
    {
        Assessment = assessment;
        ProvinceRevision = provinceRevision;
        _model = model;
        RevisionLink = link;
        Options = options;
        _prior = model.Bases.Count == 1 ? [1.0] : [1 - link!.Probability, link.Probability];
        _systems = model.Bases.Select((_, h) => BuildSystem(h)).ToArray();

        // A row that reaches none of the quantities the answer rests on, under any hypothesis, is listed as not used.
        var reach = Reach();
        var silent = model.Rows.Where((_, i) => reach[i] < 1e-9).ToArray();
        if (silent.Length > 0)
        {
            foreach (var row in silent)
            {
                model.DropUninformative(row, TargetMessages.NoReach(assessment.Target));
            }

            _systems = model.Bases.Select((_, h) => BuildSystem(h)).ToArray();
        }

        (_integral, NodesPerScale) = Rule(MainTolerance, MainNodes, MainBase, [_systems]);
        // The coarse rule serves P at fixed prices (the curve) and with trial figures: it is checked at the prior's tails too.
        (_coarse, _) = Rule(CoarseTolerance, CoarseNodes, CoarseBase, model.PricePrior is { } prices && model.PriceLatent >= 0
            ? [_systems, AtPrice(prices.Quantile(0.05)), AtPrice(prices.Quantile(0.95))]
            : [_systems]);
        var headline = Values("headline", _systems);
        BasisPosterior = model.Bases.Select((b, h) => (b, Posterior(headline, h))).ToDictionary(x => x.b, x => x.Item2);
        Probability = model.Outcome is null ? Average(headline, _prior, Mention) : model.OutcomeMet ? 1 : 0;
    }

    /// <summary>The target against its series.</summary>
    public TargetAssessment Assessment { get; }

    /// <summary>The target.</summary>
    public Target Target => Assessment.Target;

    /// <summary>The settings used.</summary>
    public NowcastOptions Options { get; }

    /// <summary>Every related figure of the zone from <see cref="FirstYear"/> on, with how it is used or why it is not.</summary>
    public IReadOnlyList<EvidenceRow> Evidence => _model.Evidence;

    /// <summary>The model's first year: where the target's indicator and the next of its chain were last published together (2021).</summary>
    public int FirstYear => _model.FirstYear;

    /// <summary>The last reported figure of the target's indicator up to the target year (revenue 2021).</summary>
    public Observation LastPublished => _model.LastPublished;

    /// <summary>The chain of indicators the target is tied through, the target's first (revenue, core added value, GDP).</summary>
    public IReadOnlyList<IndicatorDefinition> Chain => _model.Chain;

    /// <summary>The target year's own figure when it settles the question, else null.</summary>
    public Observation? Outcome => _model.Outcome;

    /// <summary>The prior of the zone's price growth, or null when no year's growth carries it.</summary>
    public ZonePricePrior? PricePrior => _model.PricePrior;

    /// <summary>The earlier census years' evidence on whether revenue moves with a census revision, or null when no revision bears on it.</summary>
    public RevisionLink? RevisionLink { get; }

    /// <summary>The source's silence weighed, or null.</summary>
    public SilenceEvidence? Silence => _model.Silence;

    /// <summary>Why the zone's silence evidence is not weighed, when it has some; else null.</summary>
    public string? SilenceDropped => _model.SilenceDropped;

    /// <summary>The scales estimated from few points, each with its evidence (the price growth's prior is <see cref="PricePrior"/>).</summary>
    public IReadOnlyList<ScaleParameter> Scales => _model.Scales.Where(s => s != PricePrior?.AsScale).ToArray();

    /// <summary>The main rule's quadrature nodes: one count per scale (those of <see cref="Scales"/>, then the price growth's prior when there is one), then the drift's split's (1 when none).</summary>
    public IReadOnlyList<int> NodesPerScale { get; }

    /// <summary>The probability of each revenue basis before the rows, bounds and silence (from <see cref="RevisionLink"/>).</summary>
    public IReadOnlyDictionary<RevenueBasis, double> BasisWeights => _model.Bases.Select((b, h) => (b, _prior[h])).ToDictionary(x => x.b, x => x.Item2);

    /// <summary>The probability of each revenue basis after every piece of evidence.</summary>
    public IReadOnlyDictionary<RevenueBasis, double> BasisPosterior { get; }

    /// <summary>The headline P(target met | everything published), every stated choice integrated over its prior.</summary>
    public double Probability { get; }

    private double Mention => Silence?.MentionProbability ?? 0;

    /// <summary>
    /// The targets of <paramref name="data"/> whose evidence contradicts itself, as problems of the data (empty when
    /// none): for each target after its indicator's last published value, the outlook notebook 03 would build, as
    /// <c>check</c> runs it, so a file <c>check</c> accepts never stops the notebook on a contradiction. Each problem
    /// sits at the latest line of the bounds involved and names the others. Bounds that hold with a chance below
    /// <see cref="ImplausibleBounds"/> given the other figures are such a problem too. Targets the data cannot assess for another
    /// reason are left to the notebook, which says why.
    /// </summary>
    public static IReadOnlyList<ValidationIssue> Contradictions(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<ValidationIssue>();
        var targets = data.Observations.Where(o => o.Status == ObservationStatus.Target).Select(o => (o.Indicator.Id, o.Year, o.Zone)).Distinct().ToArray();
        foreach (var (indicator, year, zone) in targets)
        {
            try
            {
                var series = data.Series(indicator, zone).WithImpliedPreviousYears();
                if (series.Points.Count == 0 || series.Points[^1].Year >= year)
                {
                    continue;
                }

                var outlook = Create(data, TargetAssessment.Create(series, Target.Find(data, indicator, year, zone)));
                _ = outlook.Probability;
                if (outlook.BoundsProbability < ImplausibleBounds)
                {
                    var bounds = outlook._model.BoundRows.ToArray();
                    problems.Add(AtLastBound(bounds, TargetMessages.ImplausibleBoundsRule(bounds, indicator, year, zone, outlook.BoundsProbability)));
                }
            }
            catch (EvidenceContradictionException e) when (e.Bounds.Count > 0)
            {
                problems.Add(AtLastBound(e.Bounds, TargetMessages.ContradictionRule(e.Bounds, indicator, year, zone)));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Not an outlook these figures can build (no relations, real growth only, no series...): the notebook says why.
            }
        }

        return problems;

        // The problem sits at the latest line of the bounds involved; the rule names the others.
        static ValidationIssue AtLastBound(IReadOnlyList<Observation> bounds, string rule)
        {
            var last = bounds.OrderBy(b => b.Location.Line).Last();
            return new ValidationIssue(last.Location, last.PublishedValue.ToString(System.Globalization.CultureInfo.InvariantCulture), rule, TargetMessages.ContradictionAdvice);
        }
    }

    /// <summary>Builds the outlook.</summary>
    /// <exception cref="ArgumentException">The data cannot say what the model needs (a published level of the target's indicator, evidence on prices or drifts); the message says what to add.</exception>
    public static TargetOutlook Create(DataSet data, TargetAssessment assessment, NowcastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(assessment);
        options ??= NowcastOptions.Default;
        var target = assessment.Target;
        var model = EvidenceModel.Build(data, target.Zone, target.Indicator, target.Year, target.Value, options);
        var root = model.Chain[^1];
        var link = model.Bases.Count > 1 ? RevisionLink.Estimate(data, assessment.Series, options with { Gdp = root.Id, GdpRealGrowth = root.GrowthIndicator }) : null;
        return new TargetOutlook(assessment, model, link, FindProvinceRevision(data, model), options);
    }

    private EvidenceSystem BuildSystem(int h, bool silence = true, bool everyYear = false)
    {
        var model = _model;
        var quantities = new List<(LinearForm, double)> { (model.TargetValue[h], 0) };
        if (silence && model.Silent is { } silent)
        {
            quantities.Add((silent[h], 0));
        }

        quantities.AddRange(model.Bounds.Select(b => (b.Forms[h], b.Sd * b.Sd)));
        if (everyYear)
        {
            // Each year's value of the target's indicator, which the simulation's fan and key figures show.
            quantities.AddRange(Enumerable.Range(model.FirstYear + 1, Target.Year - model.FirstYear).Select(y => (model.Figure(Target.Indicator, y, string.Empty)[h], 0.0)));
        }

        return EvidenceSystem.Create(model.Latents, model.Scales, model.Rows.Select(r => (r.Forms[h], r.Log, r.Sd)), quantities);
    }

    /// <summary>How strongly each row reaches any quantity the answer rests on or shows (the target year's value, the silent year's, a bounded one, each year's value) under any hypothesis, at the scales' estimates.</summary>
    private double[] Reach()
    {
        var reach = new double[_model.Rows.Count];
        foreach (var system in _model.Bases.Select((_, h) => BuildSystem(h, everyYear: true)))
        {
            var work = system.NewWorkspace();
            system.Solve(Enumerable.Repeat(1.0, _model.Scales.Count).ToArray(), 0.5, work);
            for (var k = 0; k < system.Quantities; k++)
            {
                var r = system.Reach(k, work);
                for (var i = 0; i < reach.Length; i++)
                {
                    reach[i] = Math.Max(reach[i], r[i]);
                }
            }
        }

        return reach;
    }

    private IReadOnlyList<(double Low, double High)> Intervals => _intervals ??= _model.Bounds.Select(b => (b.Low, b.High)).ToArray();

    private double Threshold => Math.Log(Target.Value);

    /// <summary>
    /// The main rule's tolerance: each scale's nodes, and the split's, are the fewest whose one-dimensional averages of
    /// P and the basis posterior (that dimension over its prior, the others at their centre) are within this of a
    /// <see cref="ReferenceNodes"/>-node rule's. On the shipped data and the reference's scenarios every P is then
    /// within 6·10⁻⁵ of the independent reference (OutlookReferenceTests).
    /// </summary>
    private const double MainTolerance = 2e-6;

    /// <summary>The most nodes the main rule gives a scale or the split.</summary>
    private const int MainNodes = 12;

    /// <summary>
    /// The coarser rule of the P-against-prices curve and of the settling figures' trial values, which ask for many
    /// integrals: each dimension within this of the reference rule, at the headline and with the price growth fixed at
    /// its prior's 5 % and 95 % quantiles. Along the shipped curve it is within 6·10⁻⁴ of the main rule.
    /// </summary>
    private const double CoarseTolerance = 3e-4;

    private const int CoarseNodes = 8;

    /// <summary>The base rule of the combination (<see cref="EvidenceIntegral"/>): the main rule's and the coarse rule's.</summary>
    private const int MainBase = 3;

    private const int CoarseBase = 2;

    /// <summary>The rule each dimension's average is held to.</summary>
    private const int ReferenceNodes = 24;

    private static readonly int[] Candidates = [2, 3, 4, 5, 6, 8, 10, 12];

    /// <summary>
    /// The nodes per scale and over the split: for each, the fewest of <see cref="Candidates"/> (up to
    /// <paramref name="most"/>) whose one-dimensional averages of P and of the basis posterior are within
    /// <paramref name="tolerance"/> of the reference rule's. A scale's tails matter more than its variance at the
    /// centre says (ν is small), so the nodes are chosen by what P does over the scale's whole prior, not by its share
    /// of the variance.
    /// </summary>
    private (EvidenceIntegral, int[]) Rule(double tolerance, int most, int baseNodes, IReadOnlyList<EvidenceSystem[]> checks)
    {
        int Choose(int dimension)
        {
            double[] Average(int n) => checks.SelectMany(systems => LineAverage(systems, dimension, n)).ToArray();
            var reference = Average(ReferenceNodes);
            return Candidates.Where(n => n <= most).FirstOrDefault(n => Average(n).Zip(reference, (a, b) => Math.Abs(a - b)).Max() <= tolerance, most);
        }

        var nodes = _model.Scales.Select((s, g) => s.IsKnown || !_systems.Any(x => x.UsesGroup(g)) ? 1 : Choose(g)).ToArray();
        var split = _model.DriftSplit is null ? 1 : Choose(_model.Scales.Count);
        var all = nodes.Append(split).ToArray();
        return (new EvidenceIntegral(_model.Scales, all, baseNodes), all);
    }

    /// <summary>
    /// P and the posterior averaged over an n-node rule in one dimension (a scale, or the split when
    /// <paramref name="dimension"/> is the number of scales), the others at their centre; kept for the next rule.
    /// </summary>
    private double[] LineAverage(EvidenceSystem[] systems, int dimension, int n)
    {
        lock (_lines)
        {
            if (_lines.TryGetValue((systems, dimension, n), out var known))
            {
                return known;
            }
        }

        var centre = Enumerable.Repeat(1.0, _model.Scales.Count).ToArray();
        var (points, weights) = dimension == _model.Scales.Count ? GaussLegendre.On(0, 1, n) : ScaleMixtureRule.Create(_model.Scales[dimension].DegreesOfFreedom, n);
        var values = points.AsParallel().AsOrdered().Select(x => dimension == _model.Scales.Count
            ? PointValues(systems, centre, x)
            : PointValues(systems, centre.Select((c, k) => k == dimension ? x : c).ToArray(), 0.5)).ToArray();
        var average = new double[systems.Length];
        for (var i = 0; i < values.Length; i++)
        {
            for (var k = 0; k < average.Length; k++)
            {
                average[k] += weights[i] * values[i][k];
            }
        }

        lock (_lines)
        {
            _lines[(systems, dimension, n)] = average;
        }

        return average;
    }

    /// <summary>P and the posterior of each hypothesis but the first, given the scales' factors and the split (NaN where no hypothesis leaves the evidence possible).</summary>
    private double[] PointValues(EvidenceSystem[] systems, double[] factors, double lambda)
    {
        var logs = new double[systems.Length];
        var sums = new EvidenceSums[systems.Length];
        for (var h = 0; h < systems.Length; h++)
        {
            var work = systems[h].NewWorkspace();
            var log = systems[h].Solve(factors, lambda, work);
            logs[h] = double.IsNaN(log) ? double.NegativeInfinity : log;
            if (!double.IsNegativeInfinity(logs[h]))
            {
                sums[h] = OrthantSums.Compute(work.QuantityMean, work.QuantityCovariance, Threshold, _model.Silent is not null, Intervals);
            }
        }

        var node = new NodeValues(new ScaleNode(factors, lambda, 1), logs, sums);
        return node.Probability(_prior, Mention, bounds: true) is { } p
            ? [p.Numerator / p.Denominator, .. Enumerable.Range(1, systems.Length - 1).Select(h => Posterior([node], h))]
            : Enumerable.Repeat(double.NaN, systems.Length).ToArray();
    }

    /// <summary>
    /// P(met) over the nodes: at each node the hypotheses weighed by their prior, the rows' likelihood and the bounds
    /// and silence; then the nodes by their weights in the rule (the scales keep their priors). Some of the sparse
    /// grid's weights are negative, so a P within rounding of 0 or 1 is kept inside [0, 1].
    /// </summary>
    private double Average(IEnumerable<NodeValues> values, IReadOnlyList<double> prior, double mention, bool bounds = true)
    {
        var p = AverageOrNaN(values, prior, mention, bounds);
        if (double.IsNaN(p))
        {
            var rows = _model.BoundRows.ToArray();
            throw new EvidenceContradictionException(TargetMessages.Contradiction(rows), rows);
        }

        return p;
    }

    /// <summary>As <see cref="Average"/>, but NaN where the evidence is impossible at every node (a hypothetical figure far in its tail).</summary>
    private static double AverageOrNaN(IEnumerable<NodeValues> values, IReadOnlyList<double> prior, double mention, bool bounds = true)
    {
        double sum = 0, weight = 0;
        foreach (var v in values)
        {
            if (v.Probability(prior, mention, bounds) is { } p)
            {
                sum += v.Node.Weight * p.Numerator / p.Denominator;
                weight += v.Node.Weight;
            }
        }

        return weight > 0 ? Math.Clamp(sum / weight, 0, 1) : double.NaN;
    }

    /// <summary>The probability of hypothesis <paramref name="h"/> given all the evidence, averaged over the nodes.</summary>
    private double Posterior(IEnumerable<NodeValues> values, int h)
    {
        double sum = 0, weight = 0;
        foreach (var v in values)
        {
            if (v.Probability(_prior, Mention, bounds: true) is not { } all)
            {
                continue;
            }

            var top = v.LogLikelihood.Where((_, k) => _prior[k] > 0).Max();
            var mine = double.IsNegativeInfinity(v.LogLikelihood[h]) || _prior[h] == 0 ? 0 : _prior[h] * Math.Exp(v.LogLikelihood[h] - top) * v.Sums[h].WithSilence(Mention).Denominator;
            sum += v.Node.Weight * mine / all.Denominator;
            weight += v.Node.Weight;
        }

        return Math.Clamp(sum / weight, 0, 1);
    }

    private NodeValues[] Values(string key, EvidenceSystem[] systems, bool coarse = false, EvidenceSystem[]? layout = null)
    {
        key = coarse ? "coarse:" + key : key;
        lock (_cache)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var result = (coarse ? _coarse : _integral).Evaluate(systems, Threshold, _model.Silence is not null, Intervals, layout);
        lock (_cache)
        {
            _cache[key] = result;
        }

        return result;
    }

    private double P(string key, EvidenceSystem[] systems, double mention, bool bounds = true, double[]? prior = null, bool coarse = false) =>
        Average(Values(key, systems, coarse), prior ?? _prior, mention, bounds);

    /// <summary>P(met) with the zone's price growth fixed at p (log scale), every other choice integrated over.</summary>
    public double ProbabilityAt(double priceGrowth) => _model.PriceLatent < 0 ? Probability : P(PriceKey(priceGrowth), AtPrice(priceGrowth), Mention);

    private static string PriceKey(double p) => "p=" + p.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private EvidenceSystem[] AtPrice(double priceGrowth) => _systems.Select(s => s.Fix(IndexIn(s, _model.PriceLatent), priceGrowth)).ToArray();

    private int IndexIn(EvidenceSystem system, int latent) => system.Latents.ToList().IndexOf(_model.Latents[latent]);

    /// <summary>P(met) given the basis revenue is on, every other choice integrated over.</summary>
    public double ProbabilityGiven(RevenueBasis basis)
    {
        var h = _model.Bases.ToList().IndexOf(basis);
        if (h < 0)
        {
            return Probability;
        }

        var prior = new double[_model.Bases.Count];
        prior[h] = 1;
        return P("headline", _systems, Mention, prior: prior);
    }

    /// <summary>The headline without the bounds (the rows and the silence kept).</summary>
    private double WithoutBounds => P("headline", _systems, Mention, bounds: false);

    /// <summary>
    /// Below this chance under the model, bounds are taken to contradict the other figures
    /// (<see cref="BoundsProbability"/>): a bound this far in its tail lies about 3.7 standard deviations from what
    /// the rows imply, where the model's normal errors no longer describe anything, and a simulation keeps too few
    /// paths to check the closed form.
    /// </summary>
    public const double ImplausibleBounds = 1e-4;

    /// <summary>
    /// The chance under the model, given every row and the silence, that every bound holds: 1 when there are none.
    /// Of the simulated paths the silence keeps, it is about the share the bounds keep too. Below <see cref="ImplausibleBounds"/>
    /// <see cref="Contradictions"/> reports the bounds as contradicting the other figures.
    /// </summary>
    public double BoundsProbability => _boundsProbability ??= BuildBoundsProbability();

    private double BuildBoundsProbability()
    {
        if (_model.Bounds.Count == 0)
        {
            return 1;
        }

        // At each node P(bounds | rows, silence, scales) is the ratio of the two denominators, the hypotheses weighed alike.
        double sum = 0, weight = 0;
        foreach (var v in Values("headline", _systems))
        {
            if (v.Probability(_prior, Mention, bounds: false) is not { } without)
            {
                continue;
            }

            var with = v.Probability(_prior, Mention, bounds: true);
            sum += v.Node.Weight * (with is { } w ? w.Denominator / without.Denominator : 0);
            weight += v.Node.Weight;
        }

        return weight > 0 ? Math.Clamp(sum / weight, 0, 1) : 0;
    }

    /// <summary>
    /// P(met) at the 5 % and 95 % quantiles of the zone's price growth given all the evidence, every other choice
    /// integrated over: how far the answer moves over what is still not known of prices. Equal to the headline when
    /// no year's growth carries prices.
    /// </summary>
    public (double Low, double High) ProbabilityRange => _range ??= BuildRange();

    private (double Low, double High) BuildRange()
    {
        if (PricePrior is null || Outcome is not null)
        {
            return (Probability, Probability);
        }

        var (low, high) = PriceQuantiles(0.05, 0.95);
        var (a, b) = (ProbabilityAt(low), ProbabilityAt(high));
        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>Quantiles of the zone's price growth given all the evidence (log scale), from the posterior density on the curve's grid.</summary>
    public (double Low, double High) PriceQuantiles(double low, double high)
    {
        var curve = PriceCurve;
        var cumulative = new double[curve.Count];
        for (var i = 1; i < curve.Count; i++)
        {
            cumulative[i] = cumulative[i - 1] + ((curve[i].PosteriorDensity + curve[i - 1].PosteriorDensity) / 2 * (curve[i].LogPrice - curve[i - 1].LogPrice));
        }

        var total = cumulative[^1];
        double Quantile(double q)
        {
            var target = q * total;
            for (var i = 1; i < curve.Count; i++)
            {
                if (cumulative[i] >= target)
                {
                    var f = (target - cumulative[i - 1]) / (cumulative[i] - cumulative[i - 1]);
                    return curve[i - 1].LogPrice + (f * (curve[i].LogPrice - curve[i - 1].LogPrice));
                }
            }

            return curve[^1].LogPrice;
        }

        return (Quantile(low), Quantile(high));
    }

    private const double CurveStep = 0.01;

    /// <summary>
    /// P(met) against the zone's price growth on a grid from the prior's 1 % to 99 % quantile in steps of one percent
    /// (0 always in it), with both revenue bases, the prior's density and the density given all the evidence; empty
    /// when no year's growth carries prices.
    /// </summary>
    public IReadOnlyList<PriceCurvePoint> PriceCurve => _curve ??= BuildCurve();

    private IReadOnlyList<PriceCurvePoint> BuildCurve()
    {
        if (PricePrior is not { } prior)
        {
            return [];
        }

        var from = Math.Min(Math.Floor((Math.Exp(prior.Quantile(0.01)) - 1) / CurveStep) * CurveStep, -CurveStep);
        var to = Math.Max(Math.Ceiling((Math.Exp(prior.Quantile(0.99)) - 1) / CurveStep) * CurveStep, CurveStep);
        var count = (int)Math.Round((to - from) / CurveStep) + 1;
        // The density of p given the evidence, node by node: prior(p | the node's price factor) × P(rows, bounds, silence | p)
        // ÷ P(rows, bounds, silence), each hypothesis weighed by its prior, then averaged over the nodes.
        var headline = Values("headline", _systems, coarse: true);
        var priceGroup = _model.Scales.ToList().IndexOf(prior.AsScale);
        return Enumerable.Range(0, count).Select(i => from + (CurveStep * i)).AsParallel().AsOrdered().Select(rate =>
        {
            var p = Math.Log(1 + rate);
            // Laid out on the headline's nodes (the price factor, unused at a fixed price, repeats), node for node.
            var values = Values("curve:" + PriceKey(p), AtPrice(p), coarse: true, layout: _systems);
            var original = Average(values, _prior.Select((w, h) => h == 0 ? 1.0 : 0).ToArray(), Mention);
            var revised = _prior.Length > 1 ? Average(values, [0.0, 1.0], Mention) : original;
            double density = 0, weight = 0;
            for (var k = 0; k < headline.Length; k++)
            {
                var factor = headline[k].Node.Factors[priceGroup];
                var logPrior = -0.5 * ((Math.Pow(p - prior.Mean, 2) / (prior.Scale * prior.Scale * factor)) + Math.Log(2 * Math.PI * prior.Scale * prior.Scale * factor));
                density += headline[k].Node.Weight * Math.Exp(logPrior + LogEvidence(values[k]) - LogEvidence(headline[k]));
                weight += headline[k].Node.Weight;
            }

            // The combination's negative weights can leave a density a rounding error below 0 far in the tails.
            return new PriceCurvePoint(rate, Average(values, _prior, Mention), original, revised, prior.Density(p) / (1 + rate), Math.Max(density / weight, 0) / (1 + rate)) { LogPrice = p };
        }).ToArray();
    }

    /// <summary>ln P(rows, bounds, silence | the node's scales) up to the constant every system shares, the hypotheses weighed by their prior.</summary>
    private double LogEvidence(NodeValues v)
    {
        var top = v.LogLikelihood.Max();
        double sum = 0;
        for (var h = 0; h < _prior.Length; h++)
        {
            if (_prior[h] > 0 && !double.IsNegativeInfinity(v.LogLikelihood[h]))
            {
                sum += _prior[h] * Math.Exp(v.LogLikelihood[h] - top) * Math.Max(v.Sums[h].WithSilence(Mention).Denominator, 0);
            }
        }

        return top + Math.Log(sum);
    }

    /// <summary>P(met) under each named assumption, the headline first.</summary>
    public IReadOnlyList<OutlookCase> Cases => _cases ??= BuildCases();

    private IReadOnlyList<OutlookCase> BuildCases()
    {
        var cases = new List<OutlookCase> { new(OutlookCaseKind.Headline, TargetMessages.HeadlineCase, Probability) };
        if (Outcome is not null)
        {
            return cases;
        }

        if (PricePrior is not null)
        {
            cases.Add(new(OutlookCaseKind.NoPriceRise, FormattableString.Invariant($"the zone's prices did not rise from {PricePrior.Years[0]}"), ProbabilityAt(0)));
            if (ProvinceRevision is { } province && _model.HypothesisBasis is { } basis && !_model.BorrowedRevisions.ContainsKey(basis))
            {
                var c = _model.Revisions[basis];
                var systems = _systems.Select(s => s.Fix(IndexIn(s, c), Math.Log(province.Factor))).ToArray();
                cases.Add(new(OutlookCaseKind.ProvinceRevision, FormattableString.Invariant($"the zone's census revision equals {province.Zone}'s ({100 * (province.Factor - 1):+0.0} %)"), P("c=province", systems, Mention)));
            }
        }

        if (_model.Bases.Count > 1)
        {
            cases.Add(new(OutlookCaseKind.RevenueOriginalBasis, "revenue stays on its original basis (does not move with the census revision)", ProbabilityGiven(RevenueBasis.Original)));
            cases.Add(new(OutlookCaseKind.RevenueRevisedBasis, "revenue moves with the census revision", ProbabilityGiven(RevenueBasis.Revised)));
        }

        if (_model.DriftSplit is { } split)
        {
            var first = TargetMessages.LinkWords(_model, split.First);
            var second = TargetMessages.LinkWords(_model, split.Second);
            cases.Add(new(OutlookCaseKind.DriftOnFirstLink, FormattableString.Invariant($"the drift falls on {first} ({second} holds)"), AtSplit(0.97)));
            cases.Add(new(OutlookCaseKind.DriftOnSecondLink, FormattableString.Invariant($"the drift falls on {second} ({first} holds)"), AtSplit(0.03)));
            cases.Add(new(OutlookCaseKind.DriftSplitEvenly, FormattableString.Invariant($"the drift splits evenly between {first} and {second}"), AtSplit(0.5)));
        }

        if (Silence is not null)
        {
            cases.Add(new(OutlookCaseKind.SilenceNotWeighed, FormattableString.Invariant($"the sources' silence about {Silence.ThroughYear} is no evidence"), P("headline", _systems, 0)));
            cases.Add(new(OutlookCaseKind.SilenceCertain, FormattableString.Invariant($"a crossing by {Silence.ThroughYear} would surely have been named"), P("headline", _systems, 1)));
        }

        if (_model.Bounds.Count > 0)
        {
            cases.Add(new(OutlookCaseKind.WithoutBounds, TargetMessages.WithoutBoundsCase(_model.BoundRows), WithoutBounds));
        }

        return cases;
    }

    /// <summary>P(met) with the split of a shared drift fixed (λ on the first link).</summary>
    private double AtSplit(double lambda) =>
        P("lambda=" + lambda.ToString("R", System.Globalization.CultureInfo.InvariantCulture), _systems.Select(s => s.WithSplit(lambda)).ToArray(), Mention);

    /// <summary>The province's census revision of its GDP (revised ÷ first release of the same year) for the basis revenue may move with, when the data have one.</summary>
    public (string Zone, double Factor)? ProvinceRevision { get; }

    private static (string, double)? FindProvinceRevision(DataSet data, EvidenceModel model)
    {
        if (model.HypothesisBasis is not { } basis || data.ZoneCatalog.Province(model.Zone) is not { } province)
        {
            return null;
        }

        var rows = data.WholeYearObservations.Where(o => o.Zone == province.Id && o.Indicator == model.Chain[^1] && o.Status == ObservationStatus.Reported).ToArray();
        var revised = rows.FirstOrDefault(o => o.Basis == basis && rows.Any(f => f.Year == o.Year && f.Basis.Length == 0));
        return revised is null ? null : (province.Id, revised.Value / rows.Where(f => f.Year == revised.Year && f.Basis.Length == 0).OrderBy(f => f.Published, StringComparer.Ordinal).Last().Value);
    }

    /// <summary>
    /// Where the uncertainty of the target year's log value comes from, on one basis, at the scales' estimates (each
    /// factor 1, an even split): each source's part of the variance left given every row (the unknowns' priors and
    /// the rows' own errors), the largest first. The drifts of one link are summed over years.
    /// </summary>
    public IReadOnlyList<VarianceShare> VarianceBudget(RevenueBasis basis)
    {
        var h = Math.Max(0, _model.Bases.ToList().IndexOf(basis));
        var system = _systems[h];
        var work = system.NewWorkspace();
        system.Solve(Enumerable.Repeat(1.0, _model.Scales.Count).ToArray(), 0.5, work);
        var latents = system.Latents;
        var fromLatents = system.LatentContributions(0, work);
        var fromRows = system.RowContributions(0, work);
        var rows = latents.Select((l, i) => (Source: l.Group, Variance: fromLatents[i], Df: l.Scale?.DegreesOfFreedom ?? double.PositiveInfinity))
            .Concat(_model.Rows.Select((r, i) => (Source: TargetMessages.RowAsPublished(r.Row), Variance: fromRows[i], Df: double.PositiveInfinity)))
            .Where(r => r.Variance > 0)
            .GroupBy(r => r.Source)
            .Select(g => (Source: g.Key, Variance: g.Sum(r => r.Variance), Df: g.First().Df))
            .ToList();
        var total = rows.Sum(r => r.Variance);
        return rows.OrderByDescending(r => r.Variance).Select(r => new VarianceShare(r.Source, Math.Sqrt(r.Variance), r.Variance / total, r.Df)).ToArray();
    }

    /// <summary>A seeded Monte Carlo of the same model (<see cref="OutlookSimulation"/>).</summary>
    public OutlookSimulation Simulate(MonteCarloOptions? options = null) => OutlookSimulation.Run(this, options);

    internal EvidenceModel Model => _model;

    internal IReadOnlyList<EvidenceSystem> Systems => _systems;

    internal IReadOnlyList<double> PriorWeights => _prior;

    internal double ThresholdLog => Threshold;

    internal IReadOnlyList<(double Low, double High)> BoundIntervals => Intervals;

    /// <summary>
    /// The unpublished figures that would move the answer most, the most informative first (by how much of the target
    /// year's variance each would remove), each with the values at which P would reach 2/3 and fall to 1/3 once it
    /// is added, computed by adding it to this same model.
    /// </summary>
    public IReadOnlyList<SettlingFigure> SettlingFigures => _settling ??= Settling.Find(this);

    /// <summary>
    /// P(met) with one more figure at a value (its ln), as the model would take it (a figure of the target's indicator
    /// for the silent year ends the silence's weight, as a row of the data would); several values at once; NaN at a
    /// value the other figures leave no room for.
    /// </summary>
    internal double[] ProbabilityWith(LinearForm[] forms, double sd, double[] logValues, bool endsSilence)
    {
        var silence = _model.Silence is not null && !endsSilence;
        var systems = silence || _model.Silence is null ? _systems : _model.Bases.Select((_, h) => BuildSystem(h, silence: false)).ToArray();
        var mention = silence ? Mention : 0;
        var values = _coarse.EvaluateWith(systems, Threshold, silence, Intervals, systems.Select((s, h) => (s.Dense(forms[h]), forms[h].Constant)).ToArray(), sd * sd, logValues);
        // A value the other figures leave no room for has no P: NaN, which the search for thresholds skips.
        return values.Select(v => AverageOrNaN(v, _prior, mention)).ToArray();
    }

    /// <summary>The answer first: question, headline in calibrated words, what it rests on and turns on, what would settle it (<paramref name="simulation"/> adds the target year's value and interval).</summary>
    /// <param name="simulation">The simulation, for the target year's value and interval.</param>
    /// <param name="attribution">What moved the answer since other data (the previous vintage, or the shipped file), when they differ.</param>
    public PublishedAnswer Answer(OutlookSimulation? simulation = null, OutlookAttribution? attribution = null) =>
        OutlookWriter.Answer(this, simulation) is var answer && attribution?.WasProbability is { } was
            ? answer with { WasProbability = was, Moved = attribution.Lines }
            : answer;

    /// <summary>The verdict: the answer expanded, with the extrapolations as sensitivity, the out-of-sample record and the Monte Carlo check when given.</summary>
    public OutlookVerdict Verdict(IEnumerable<TargetProbability>? extrapolations = null, RollingOrigin? outOfSample = null, OutlookSimulation? simulation = null) =>
        OutlookWriter.Verdict(this, extrapolations ?? [], outOfSample, simulation);

    /// <summary>
    /// The outlook's key figures, each declaring what its interval is: <c>p_met</c> (the headline, with its values at
    /// the ends of the central 90 % of the zone's price growth given the evidence), <c>p_met_&lt;case&gt;</c> for every
    /// named assumption, <c>p_revenue_moves_with_revision</c>, <c>zone_price_growth_prior</c>, and from the simulation
    /// <c>nowcast_YYYY</c> (median and 90 % interval of each year) and <c>p_met_monte_carlo</c> (± 2 standard errors).
    /// </summary>
    public IReadOnlyList<PublishedResult> KeyFigures(string notebookKey, OutlookSimulation? simulation = null)
    {
        var figures = new List<PublishedResult>();
        var target = Target;
        var what = FormattableString.Invariant($"P({target.Zone} {target.Indicator.Short} reaches {target.ValueText} in {target.Year}) given everything published, every stated choice integrated over its prior");
        if (Outcome is { } outcome)
        {
            figures.Add(PublishedResult.Create(notebookKey, "p_met", Probability, null, null, "probability", what + FormattableString.Invariant($": settled by the published {target.Year} figure (line {outcome.Location.Line}).")));
            return figures;
        }

        var (low, high) = ProbabilityRange;
        figures.Add(PricePrior is null
            ? PublishedResult.Create(notebookKey, "p_met", Probability, null, null, "probability", what + ".")
            : PublishedResult.Create(notebookKey, "p_met", Probability, low, high, "probability", what + "; low and high: P at the 5 % and 95 % quantiles of the zone's price growth given the evidence.", IntervalKind.PriorRange));
        foreach (var c in Cases.Where(c => c.Kind != OutlookCaseKind.Headline))
        {
            figures.Add(PublishedResult.Create(notebookKey, "p_met_" + c.Key, c.Probability, null, null, "probability", FormattableString.Invariant($"P(target met) if {c.Assumption}.")));
        }

        if (RevisionLink is { } link)
        {
            figures.Add(PublishedResult.Create(notebookKey, "p_revenue_moves_with_revision", BasisPosterior[RevenueBasis.Revised], null, null, "probability",
                FormattableString.Invariant($"The probability that revenue moves with the census revision of GDP given all the evidence (from {link.Probability:0.00} on the earlier census years' evidence alone).")));
        }

        if (PricePrior is { } prior)
        {
            figures.Add(PublishedResult.Create(notebookKey, "zone_price_growth_prior", Math.Exp(prior.Mean) - 1, Math.Exp(prior.Quantile(0.05)) - 1, Math.Exp(prior.Quantile(0.95)) - 1, "per year",
                FormattableString.Invariant($"The prior of {target.Zone}'s price growth a year in {OutlookWriter.Years(prior.Years)}: centre and 90 % interval."), IntervalKind.Credible));
        }

        if (simulation is not null)
        {
            foreach (var year in simulation.Years)
            {
                var levels = year.Probabilities.Select((p, i) => (p, year.Levels[i])).ToDictionary(x => x.p, x => x.Item2);
                // A quantile beyond the largest number a double holds (figures far outside what the rest allows) is not a
                // number JSON can carry: its end is published as unknown, and the description says why.
                if (!double.IsFinite(levels[0.5]))
                {
                    continue;
                }

                double? End(double v) => double.IsFinite(v) ? v : null;
                var overflow = !double.IsFinite(levels[0.05]) || !double.IsFinite(levels[0.95]) ? " (an end beyond the largest number the simulation can hold is left open: check the bounds)" : string.Empty;

                figures.Add(PublishedResult.Create(notebookKey, FormattableString.Invariant($"nowcast_{year.Year}"), levels[0.5], End(levels[0.05]), End(levels[0.95]), target.Unit.Code,
                    FormattableString.Invariant($"{target.Zone} {target.Indicator.Short} in {year.Year} given everything published: median and 90 % interval of the simulated paths{overflow}."), IntervalKind.Credible));
            }

            figures.Add(PublishedResult.Create(notebookKey, "p_met_monte_carlo", simulation.Probability, simulation.Probability - (2 * simulation.StandardError), simulation.Probability + (2 * simulation.StandardError), "probability",
                FormattableString.Invariant($"Monte Carlo P(target met) of the same model as the headline P ({simulation.Options.Paths:#,0} paths, seed {simulation.Options.Seed}), ± 2 standard errors."), IntervalKind.MonteCarlo));
        }

        return figures;
    }
}
