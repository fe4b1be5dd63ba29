using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The target judged on all published evidence, as one probability that carries every uncertainty the
/// workbook knows of: P(the target series reaches the target in its year | everything published),
/// where the target year's value is bridged from the related figures (<see cref="RevenueBridges"/>) and
/// <list type="bullet">
/// <item>the zone's price growth after its last original-basis GDP level, which splits a revised GDP
/// level into prices and census revision, is integrated over its prior (<see cref="ZonePricePrior"/>);</item>
/// <item>whether revenue moves with the census revision is integrated over its probability
/// (<see cref="RevisionLink"/>);</item>
/// <item>every error shared by the bridged quantities (the same ratio, share, GDP level, revision) is
/// counted once, and each scale estimated from a few points carries its own uncertainty (Student t
/// margins, <see cref="ScaleParameter"/>);</item>
/// <item>published bounds enter as censored evidence, and the sources' silence, when stated
/// (<see cref="NowcastOptions.Silence"/>), as a likelihood on the paths that crossed.</item>
/// </list>
/// No model is fitted to the 2017-2021 boom: the target year's bridged value and its full variance are
/// the answer. The probability is computed in closed form (<see cref="OutlookIntegral"/>) and by a seeded
/// Monte Carlo of the same joint distribution (<see cref="OutlookSimulation"/>), which must agree within its
/// standard error.
/// </summary>
public sealed class TargetOutlook
{
    private readonly Dictionary<(RevenueBridge, string), IReadOnlyDictionary<RevenueBasis, OutlookSums>> _sums = [];
    private IReadOnlyList<PriceCurvePoint>? _curve;
    private IReadOnlyList<OutlookCase>? _cases;

    private TargetOutlook(TargetAssessment assessment, RevenueBridges bridges, RevenueBridge route, ZonePricePrior? prior, RevisionLink? link, (string, double)? provinceRevision, NowcastOptions options)
    {
        ProvinceRevision = provinceRevision;
        Assessment = assessment;
        Bridges = bridges;
        Route = route;
        PricePrior = prior;
        RevisionLink = link;
        Options = options;
        BasisWeights = bridges.Bases.Count == 1
            ? new Dictionary<RevenueBasis, double> { [RevenueBasis.Original] = 1 }
            : new Dictionary<RevenueBasis, double> { [RevenueBasis.Original] = 1 - link!.Probability, [RevenueBasis.Revised] = link.Probability };
        Probability = Combine(Sums(route, Integrated), Silence?.MentionProbability ?? 0);
    }

    /// <summary>The target against its series.</summary>
    public TargetAssessment Assessment { get; }

    /// <summary>The target.</summary>
    public Target Target => Assessment.Target;

    /// <summary>The bridges and their parameters.</summary>
    public RevenueBridges Bridges { get; }

    /// <summary>The headline route: through added value when it reaches the target year, otherwise through GDP.</summary>
    public RevenueBridge Route { get; }

    /// <summary>The prior of the zone's price growth, or null when no bridged year needs prices.</summary>
    public ZonePricePrior? PricePrior { get; }

    /// <summary>Whether revenue moves with a census revision, or null when the zone's GDP was not revised.</summary>
    public RevisionLink? RevisionLink { get; }

    /// <summary>The settings used.</summary>
    public NowcastOptions Options { get; }

    /// <summary>The silence evidence weighed, or null.</summary>
    public SilenceEvidence? Silence => Options.Silence;

    /// <summary>The probability of each revenue basis before the bounds and the silence.</summary>
    public IReadOnlyDictionary<RevenueBasis, double> BasisWeights { get; }

    /// <summary>The headline P(target met | everything published), every stated choice integrated over its prior.</summary>
    public double Probability { get; }

    /// <summary>
    /// P(met) at the price prior's 5 % and 95 % quantiles, every other choice integrated over: how far the
    /// answer moves over the prior's central 90 %. Equal to the headline when no price is bridged.
    /// </summary>
    public (double Low, double High) ProbabilityRange
    {
        get
        {
            if (PricePrior is null)
            {
                return (Probability, Probability);
            }

            var (a, b) = (ProbabilityAt(PricePrior.Quantile(0.05)), ProbabilityAt(PricePrior.Quantile(0.95)));
            return (Math.Min(a, b), Math.Max(a, b));
        }
    }

    /// <summary>Every bridged value of the headline route: each basis, each year from the one after the last published value to the target's.</summary>
    public IReadOnlyList<BridgedValue> Rules => Bridges.Bases.SelectMany(b => Bridges.Values(Route, b)).ToArray();

    /// <summary>The target year's bridged value of the headline route on each basis.</summary>
    public IReadOnlyDictionary<RevenueBasis, BridgedValue> TargetValues =>
        Bridges.Bases.ToDictionary(b => b, b => Bridges.Value(Route, b, Target.Year)!);

    /// <summary>Builds the outlook.</summary>
    /// <exception cref="ArgumentException">No route reaches the target year, or prices are needed and the data cannot say anything of them.</exception>
    public static TargetOutlook Create(DataSet data, TargetAssessment assessment, NowcastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(assessment);
        options ??= NowcastOptions.Default;
        var target = assessment.Target;
        var bridges = RevenueBridges.Build(data, assessment.Series, target.Year, options);
        var reaching = bridges.Reaching;
        if (reaching.Count == 0)
        {
            var reached = Enum.GetValues<RevenueBridge>().Select(r => NowcastMessages.Invariant($"{r.Describe()} reaches {bridges.Values(r, RevenueBasis.Original).Select(v => v.Year).DefaultIfEmpty(bridges.LastPublished.Year).Max()}"));
            throw new ArgumentException(NowcastMessages.NoRouteReachesTarget(target.Zone, bridges.LastPublished.Year, target.Year, reached));
        }

        if (options.Silence is { } silence)
        {
            if (silence.ThroughYear <= bridges.LastPublished.Year || silence.ThroughYear >= target.Year)
            {
                throw new ArgumentException(NowcastMessages.SilenceYearOutside(silence.ThroughYear, bridges.LastPublished.Year + 1, target.Year - 1));
            }

            if (!(silence.MentionProbability is >= 0 and <= 1))
            {
                throw new ArgumentException(NowcastMessages.BadProbability("The chance a crossing would have been named", silence.MentionProbability));
            }
        }

        var years = bridges.PriceYears;
        var prior = years.Count == 0 ? null : ZonePricePrior.Estimate(data, target.Zone, years, options)
            ?? throw new ArgumentException(NowcastMessages.NoPriceEvidence(target.Zone, years));
        var link = bridges.Bases.Count > 1 ? RevisionLink.Estimate(data, assessment.Series, options) : null;
        return new TargetOutlook(assessment, bridges, reaching[0], prior, link, FindProvinceRevision(data, target.Zone, bridges.Revision, options), options);
    }

    private PriceTreatment Integrated => PricePrior is null ? PriceTreatment.Fixed(0) : new PriceTreatment(PricePrior.Mean, PricePrior.AsScale);

    /// <summary>The answer first: question, headline in calibrated words, what it rests on and turns on, what would settle it (<paramref name="simulation"/> adds the target year's value and interval).</summary>
    public OutlookAnswer Answer(OutlookSimulation? simulation = null) => OutlookWriter.Answer(this, simulation);

    /// <summary>The verdict: the answer expanded, with the extrapolations as sensitivity, the out-of-sample record and the Monte Carlo check when given.</summary>
    public OutlookVerdict Verdict(IEnumerable<TargetProbability>? extrapolations = null, RollingOrigin? outOfSample = null, OutlookSimulation? simulation = null) =>
        OutlookWriter.Verdict(this, extrapolations ?? [], outOfSample, simulation);

    /// <summary>
    /// The outlook's key figures, each declaring what its interval is: <c>p_met</c> (the headline, with its
    /// values at the ends of the price prior's central 90 %), <c>p_met_&lt;case&gt;</c> for every named
    /// assumption, <c>p_revenue_moves_with_revision</c>, <c>zone_price_growth_prior</c> (the prior's centre
    /// and 90 % interval), and from the simulation <c>nowcast_YYYY</c> (median and 90 % interval of each
    /// bridged year) and <c>p_met_monte_carlo</c> (± 2 standard errors).
    /// </summary>
    public IReadOnlyList<Publishing.PublishedResult> KeyFigures(string notebookKey, OutlookSimulation? simulation = null)
    {
        var figures = new List<Publishing.PublishedResult>();
        var target = Target;
        var (low, high) = ProbabilityRange;
        var what = NowcastMessages.Invariant($"P({target.Zone} {target.Indicator.Short} reaches {target.ValueText} in {target.Year}) given everything published, every stated choice integrated over its prior");
        figures.Add(PricePrior is null
            ? Publishing.PublishedResult.Create(notebookKey, "p_met", Probability, null, null, "probability", what + ".")
            : Publishing.PublishedResult.Create(notebookKey, "p_met", Probability, low, high, "probability", what + "; low and high: P at the 5 % and 95 % quantiles of the zone's price growth prior.", Publishing.IntervalKind.PriorRange));
        foreach (var c in Cases.Where(c => c.Key != "headline"))
        {
            figures.Add(Publishing.PublishedResult.Create(notebookKey, "p_met_" + c.Key, c.Probability, null, null, "probability", NowcastMessages.Invariant($"P(target met) if {c.Assumption}.")));
        }

        if (RevisionLink is { } link)
        {
            figures.Add(Publishing.PublishedResult.Create(notebookKey, "p_revenue_moves_with_revision", link.Probability, null, null, "probability", "The probability that revenue moves with the census revision of GDP, from even odds and the earlier census years' evidence."));
        }

        if (PricePrior is { } prior)
        {
            figures.Add(Publishing.PublishedResult.Create(notebookKey, "zone_price_growth_prior", Math.Exp(prior.Mean) - 1, Math.Exp(prior.Quantile(0.05)) - 1, Math.Exp(prior.Quantile(0.95)) - 1, "per year",
                NowcastMessages.Invariant($"The prior of {target.Zone}'s price growth a year in {OutlookWriter.Years(prior.Years)}: centre and 90 % interval."), Publishing.IntervalKind.Credible));
        }

        if (simulation is not null)
        {
            foreach (var year in simulation.Years)
            {
                var levels = year.Probabilities.Select((p, i) => (p, year.Levels[i])).ToDictionary(x => x.p, x => x.Item2);
                figures.Add(Publishing.PublishedResult.Create(notebookKey, NowcastMessages.Invariant($"nowcast_{year.Year}"), levels[0.5], levels[0.05], levels[0.95], target.Unit.Code,
                    NowcastMessages.Invariant($"{target.Zone} {target.Indicator.Short} in {year.Year} (bridged {Route.Describe()}): median and 90 % interval of the simulated paths."), Publishing.IntervalKind.Credible));
            }

            figures.Add(Publishing.PublishedResult.Create(notebookKey, "p_met_monte_carlo", simulation.Probability, simulation.Probability - (2 * simulation.StandardError), simulation.Probability + (2 * simulation.StandardError), "probability",
                NowcastMessages.Invariant($"Monte Carlo P(target met) of the same distribution as the headline P ({simulation.Options.Paths} paths, seed {simulation.Options.Seed}), ± 2 standard errors."), Publishing.IntervalKind.MonteCarlo));
        }

        return figures;
    }

    /// <summary>
    /// Where the uncertainty of the target year's log value comes from, on one basis: each source's standard
    /// deviation and share of the variance at the estimated scales (the scales' own uncertainty widens the
    /// tails beyond this: Student t margins), the largest first. Components of one estimated scale are
    /// summed (a ratio's yearly drifts); the zone's price growth counts as many times as the years it enters.
    /// </summary>
    public IReadOnlyList<VarianceShare> VarianceBudget(RevenueBasis basis)
    {
        var value = TargetValues[basis];
        var rows = value.Terms
            .GroupBy(t => t.Component.Scale is { IsKnown: false } scale ? scale.Name : t.Component.Key)
            .Select(g => (Source: g.Key, Variance: g.Sum(t => Math.Pow(t.Loading * t.Component.Sd, 2)), Df: g.First().Component.Scale?.DegreesOfFreedom ?? double.PositiveInfinity))
            .ToList();
        if (PricePrior is { } prior && value.PriceYears != 0)
        {
            rows.Add((NowcastMessages.Invariant($"the zone's price growth (prior), {Math.Abs(value.PriceYears)} {(Math.Abs(value.PriceYears) == 1 ? "year" : "years")}"), Math.Pow(value.PriceYears * prior.Scale, 2), prior.DegreesOfFreedom));
        }

        var total = rows.Sum(r => r.Variance);
        return rows.OrderByDescending(r => r.Variance).Select(r => new VarianceShare(r.Source, Math.Sqrt(r.Variance), r.Variance / total, r.Df)).ToArray();
    }

    /// <summary>A seeded Monte Carlo of the same joint distribution (<see cref="OutlookSimulation"/>).</summary>
    public OutlookSimulation Simulate(MonteCarloOptions? options = null) => OutlookSimulation.Run(this, options);

    /// <summary>P(met) at a fixed price growth p (log scale), every other choice integrated over.</summary>
    public double ProbabilityAt(double priceGrowth) => Combine(Sums(Route, PriceTreatment.Fixed(priceGrowth)), Silence?.MentionProbability ?? 0);

    /// <summary>P(met) given the basis revenue is on, every other choice integrated over.</summary>
    public double ProbabilityGiven(RevenueBasis basis)
    {
        var sums = Sums(Route, Integrated)[basis];
        var (n, d) = sums.WithSilence(Silence?.MentionProbability ?? 0);
        return n / d;
    }

    /// <summary>
    /// P(met) against the zone's price growth from 0 to 7 % a year in steps of 0.5 % (further, to the next
    /// half percent, when a named case such as the province's revision lies beyond 7 %), with both revenue
    /// bases and the prior's density; empty when no bridged year needs prices.
    /// </summary>
    public IReadOnlyList<PriceCurvePoint> PriceCurve => _curve ??= BuildCurve();

    private IReadOnlyList<PriceCurvePoint> BuildCurve()
    {
        if (PricePrior is null)
        {
            return [];
        }

        var mention = Silence?.MentionProbability ?? 0;
        var named = Bridges.Revision is { IsOwn: true } revision && ProvinceRevision is { } province && revision.PriceGrowthFor(province.Factor) is { } p0 ? Math.Exp(p0) - 1 : 0;
        var last = Math.Max(14, Math.Min(30, (int)Math.Ceiling(named / 0.005)));
        return Enumerable.Range(0, last + 1).Select(i => 0.005 * i).AsParallel().AsOrdered().Select(rate =>
        {
            var p = Math.Log(1 + rate);
            var sums = Sums(Route, PriceTreatment.Fixed(p));
            double Given(RevenueBasis b) => sums.TryGetValue(b, out var s) ? s.WithSilence(mention) is var (n, d) ? n / d : 0 : double.NaN;
            var original = Given(RevenueBasis.Original);
            var revised = sums.ContainsKey(RevenueBasis.Revised) ? Given(RevenueBasis.Revised) : original;
            return new PriceCurvePoint(rate, Combine(sums, mention), original, revised, PricePrior.Density(p) / (1 + rate));
        }).ToArray();
    }

    /// <summary>P(met) under each named assumption, the headline first.</summary>
    public IReadOnlyList<OutlookCase> Cases => _cases ??= BuildCases();

    private IReadOnlyList<OutlookCase> BuildCases()
    {
        var cases = new List<OutlookCase> { new("headline", "every stated choice integrated over its prior (the headline)", Probability) };
        var mention = Silence?.MentionProbability ?? 0;
        if (PricePrior is not null)
        {
            var first = PricePrior.Years[0];
            cases.Add(new("no_price_rise", NowcastMessages.Invariant($"the zone's prices did not rise from {first}"), ProbabilityAt(0)));
            if (Bridges.Revision is { IsOwn: true } revision && ProvinceRevision is { } province && revision.PriceGrowthFor(province.Factor) is { } p)
            {
                cases.Add(new("province_revision", NowcastMessages.Invariant($"the zone's census revision equals {province.Zone}'s ({100 * (province.Factor - 1):+0.0} %), so its prices rose {100 * (Math.Exp(p) - 1):0.0} % a year"), ProbabilityAt(p)));
            }
        }

        if (BasisWeights.Count > 1)
        {
            cases.Add(new("revenue_original_basis", "revenue stays on its original basis (does not move with the census revision)", ProbabilityGiven(RevenueBasis.Original)));
            cases.Add(new("revenue_revised_basis", "revenue moves with the census revision", ProbabilityGiven(RevenueBasis.Revised)));
        }

        if (Silence is not null)
        {
            var sums = Sums(Route, Integrated);
            cases.Add(new("silence_not_weighed", NowcastMessages.Invariant($"the sources' silence about {Silence.ThroughYear} is no evidence"), Combine(sums, 0)));
            cases.Add(new("silence_certain", NowcastMessages.Invariant($"a crossing by {Silence.ThroughYear} would surely have been named"), Combine(sums, 1)));
        }

        if (Bridges.Bounds.Count > 0)
        {
            var sums = Sums(Route, Integrated);
            var (n, d) = BasisWeights.Aggregate((0.0, 0.0), (acc, w) => sums[w.Key].WithSilence(mention, bounds: false) is var (bn, bd) ? (acc.Item1 + (w.Value * bn), acc.Item2 + (w.Value * bd)) : acc);
            cases.Add(new("without_bounds", NowcastMessages.Invariant($"without the bounds on {Bridges.Bounds[0].Row.Indicator.EnglishName.ToLowerInvariant()}"), n / d));
        }

        foreach (var other in Bridges.Reaching.Where(r => r != Route))
        {
            cases.Add(new(other == RevenueBridge.ViaGdp ? "via_gdp" : "via_added_value", NowcastMessages.Invariant($"bridged {other.Describe()} instead of {Route.Describe()}"), Combine(Sums(other, Integrated), mention)));
        }

        return cases;
    }

    /// <summary>The province's census revision of its GDP (revised ÷ first release of the same year), when the data have one.</summary>
    public (string Zone, double Factor)? ProvinceRevision { get; }

    private static (string Zone, double Factor)? FindProvinceRevision(DataSet data, string zone, CensusRevision? revision, NowcastOptions options)
    {
        if (data.ZoneCatalog.Province(zone) is not { } province || revision is null)
        {
            return null;
        }

        var rows = data.WholeYearObservations.Where(o => o.Zone == province.Id && o.Indicator.Id == options.Gdp && o.Status == ObservationStatus.Reported).ToArray();
        var revised = rows.FirstOrDefault(o => o.Basis == revision.Basis && rows.Any(f => f.Year == o.Year && f.Basis.Length == 0));
        return revised is null ? null : (province.Id, revised.Value / rows.First(f => f.Year == revised.Year && f.Basis.Length == 0).Value);
    }

    /// <summary>The probability from per-basis sums, the silence weighed by <paramref name="mention"/>.</summary>
    private double Combine(IReadOnlyDictionary<RevenueBasis, OutlookSums> sums, double mention)
    {
        double numerator = 0, denominator = 0;
        foreach (var (basis, weight) in BasisWeights)
        {
            var (n, d) = sums[basis].WithSilence(mention);
            numerator += weight * n;
            denominator += weight * d;
        }

        return numerator / denominator;
    }

    private IReadOnlyDictionary<RevenueBasis, OutlookSums> Sums(RevenueBridge route, PriceTreatment price)
    {
        var key = (route, price.Prior is null ? price.Centre.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "prior");
        lock (_sums)
        {
            if (_sums.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var result = BasisWeights.Keys.ToDictionary(b => b, b => Integral(route, b, price).Integrate());
        lock (_sums)
        {
            _sums[key] = result;
        }

        return result;
    }

    internal OutlookIntegral Integral(RevenueBridge route, RevenueBasis basis, PriceTreatment price) =>
        new(Bridges.Value(route, basis, Target.Year)!,
            Silence is null ? null : Bridges.Value(route, basis, Silence.ThroughYear),
            BoundIntervals(),
            Math.Log(Target.Value),
            price);

    /// <summary>The bounded quantities, each with its interval on the log scale (bounds on the same quantity merged).</summary>
    internal IReadOnlyList<(BridgedValue Quantity, double Low, double High)> BoundIntervals() =>
        Bridges.Bounds.GroupBy(b => (b.Row.Year, b.Quantity.Basis))
            .Select(g => (g.First().Quantity,
                g.Where(b => b.IsLower).Select(b => b.LogBound).DefaultIfEmpty(double.NegativeInfinity).Max(),
                g.Where(b => !b.IsLower).Select(b => b.LogBound).DefaultIfEmpty(double.PositiveInfinity).Min()))
            .ToArray();
}
