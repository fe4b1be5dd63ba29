using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The outlook's one model of the evidence: every related figure of the target's zone, whatever its year, kind,
/// status or basis, written as a linear function of the model's unknowns on the log scale.
/// <para>
/// The indicators are tied by the table of relations (<see cref="RelationTable"/>): target (revenue) = ratio × core
/// added value = ratio × share × GDP. From the model's first year (the last year the target and the next indicator of
/// its chain were both published, 2021) every ratio and share drifts as a random walk, and nominal GDP grows each year
/// at its real growth times the zone's prices: free in the years whose level on the first-published basis is known at
/// both ends, one unknown price growth p after that (with its prior, <see cref="ZonePricePrior"/>). A level on a
/// revised basis carries the census revision c of that basis; revenue, not national accounts, carries it or not by
/// hypothesis (<see cref="RevenueBasis"/>). Every published level, share, growth rate (real or nominal, whole-year or
/// year to date), bound and the target year's own figure is a row of the model, with the error its status says.
/// </para>
/// Nothing here special-cases an indicator or a year: which rows exist decides the unknowns.
/// </summary>
internal sealed class EvidenceModel
{
    private static readonly ObservationStatus[] Equalities = [ObservationStatus.Reported, ObservationStatus.Estimate, ObservationStatus.Approximate];

    private readonly List<ModelLatent> _latents = [];
    private readonly Dictionary<string, int> _latentIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<Observation, (EvidenceUse Use, string Words)> _accounting = [];
    private readonly Dictionary<Observation, string> _remarks = [];
    private readonly DataSet _data;
    private readonly NowcastOptions _options;

    private EvidenceModel(DataSet data, string zone, IndicatorDefinition indicator, int year, double threshold, NowcastOptions options)
    {
        _data = data;
        _options = options;
        Zone = zone;
        TargetIndicator = indicator;
        TargetYear = year;
        Threshold = threshold;
    }

    /// <summary>The zone.</summary>
    public string Zone { get; }

    /// <summary>The indicator of the target, whose level in <see cref="TargetYear"/> the model asks about (revenue): the first of <see cref="Chain"/>.</summary>
    public IndicatorDefinition TargetIndicator { get; }

    /// <summary>The target year.</summary>
    public int TargetYear { get; }

    /// <summary>The target, in the indicator's unit: a figure of the target year on its far side settles the question (<see cref="Outcome"/>).</summary>
    public double Threshold { get; }

    /// <summary>The chain from the target's indicator to its root: revenue, core added value, GDP.</summary>
    public IReadOnlyList<IndicatorDefinition> Chain { get; private set; } = [];

    /// <summary>The relations between consecutive indicators of <see cref="Chain"/>.</summary>
    public IReadOnlyList<IndicatorRelation> Links { get; private set; } = [];

    /// <summary>The model's first year: where the target and the next indicator were last published together.</summary>
    public int FirstYear { get; private set; }

    /// <summary>The last year with a reported level of the target's indicator, up to the target year.</summary>
    public int LastPublishedYear { get; private set; }

    /// <summary>The reported row of <see cref="LastPublishedYear"/>.</summary>
    public Observation LastPublished { get; private set; } = null!;

    /// <summary>The model's last year: the target's, or a later related figure's.</summary>
    public int LastYear { get; private set; }

    /// <summary>The last year with a level of the root on the first-published basis: prices are free up to it, one growth p after.</summary>
    public int LastOriginalLevel { get; private set; }

    /// <summary>The unknowns.</summary>
    public IReadOnlyList<ModelLatent> Latents => _latents;

    /// <summary>The rows whose values are evidence, each with its form under each hypothesis and its error.</summary>
    public List<ModelRow> Rows { get; } = [];

    /// <summary>The bounded quantities, each with its interval on the log scale.</summary>
    public List<ModelBound> Bounds { get; } = [];

    /// <summary>The rows behind the bounds, each once (a row belongs to one bound).</summary>
    public IEnumerable<Observation> BoundRows => Bounds.SelectMany(b => b.Rows);

    /// <summary>The target year's log value under each hypothesis.</summary>
    public LinearForm[] TargetValue { get; private set; } = [];

    /// <summary>The silent year's log value under each hypothesis, or null.</summary>
    public LinearForm[]? Silent { get; private set; }

    /// <summary>The silence weighed, or null.</summary>
    public SilenceEvidence? Silence { get; private set; }

    /// <summary>Why the zone's silence evidence is not weighed, when it has some; else null.</summary>
    public string? SilenceDropped { get; private set; }

    /// <summary>The hypotheses about revenue's basis: one (original) or two (original, revised).</summary>
    public IReadOnlyList<RevenueBasis> Bases { get; private set; } = [RevenueBasis.Original];

    /// <summary>The revised basis revenue may move with, when <see cref="Bases"/> has two.</summary>
    public string? HypothesisBasis { get; private set; }

    /// <summary>The zone's price growth latent, or −1.</summary>
    public int PriceLatent { get; private set; } = -1;

    /// <summary>The years whose nominal growth carries the price growth p.</summary>
    public IReadOnlyList<int> PriceYears { get; private set; } = [];

    /// <summary>The prior of p, or null.</summary>
    public ZonePricePrior? PricePrior { get; private set; }

    /// <summary>The census revision latents by basis label.</summary>
    public Dictionary<string, int> Revisions { get; } = new(StringComparer.Ordinal);

    /// <summary>The revised basis each revision latent's prior was borrowed from another zone for (the zone's own rows do not pin it), with that zone.</summary>
    public Dictionary<string, string> BorrowedRevisions { get; } = new(StringComparer.Ordinal);

    /// <summary>The scales estimated from few points, each once.</summary>
    public IReadOnlyList<ScaleParameter> Scales { get; private set; } = [];

    /// <summary>Two links whose drift variance splits one estimate (λ and 1 − λ), or null.</summary>
    public (int First, int Second, ScaleParameter Scale)? DriftSplit { get; private set; }

    /// <summary>The target year's figure when it settles the question (reported, or a bound on the right side of the target); else null.</summary>
    public Observation? Outcome { get; private set; }

    /// <summary>Whether <see cref="Outcome"/> says the target is met.</summary>
    public bool OutcomeMet { get; private set; }

    /// <summary>Every related row with what the model did with it, in file order.</summary>
    public IReadOnlyList<EvidenceRow> Evidence =>
        _accounting.OrderBy(a => a.Key.Location.File, StringComparer.Ordinal).ThenBy(a => a.Key.Location.Line)
            .Select(a => new EvidenceRow(a.Key, a.Value.Use, _remarks.TryGetValue(a.Key, out var remark) ? a.Value.Words + remark : a.Value.Words))
            .ToArray();

    /// <summary>The year a revised basis starts: its census's reference year, or the first year any row is on it.</summary>
    public int CensusYear(string basis) =>
        BasisYear(basis, _options, _data);

    internal static int BasisYear(string basis, NowcastOptions options, DataSet data)
    {
        if (System.Text.RegularExpressions.Regex.Match(basis, "^census([0-9]+)$") is { Success: true } m
            && int.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= options.CensusYears.Count)
        {
            return options.CensusYears[n - 1];
        }

        return data.Observations.Where(o => o.Basis == basis).Select(o => o.Year).DefaultIfEmpty(int.MaxValue).Min();
    }

    /// <summary>
    /// Builds the model of the evidence on a target: <paramref name="indicator"/>'s level in <paramref name="zone"/> and
    /// <paramref name="year"/> against <paramref name="threshold"/>. The model takes the target's parts rather than the
    /// target itself: the targets, with their assessment and outlook, are the layer above (<c>ZoneGrowth.Targets</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The target's indicator has no published level, or the data cannot pin a quantity the model needs; the message says what to add.</exception>
    public static EvidenceModel Build(DataSet data, string zone, IndicatorDefinition indicator, int year, double threshold, NowcastOptions options)
    {
        var model = new EvidenceModel(data, zone, indicator, year, threshold, options);
        model.BuildModel();
        return model;
    }

    private int Add(ModelLatent latent)
    {
        _latents.Add(latent);
        _latentIndex[latent.Name] = _latents.Count - 1;
        return _latents.Count - 1;
    }

    private void Account(Observation row, EvidenceUse use, string words)
    {
        // A use outranks a reason not to use; the first use given is kept.
        if (_accounting.TryGetValue(row, out var current) && current.Use != EvidenceUse.NotUsed && use == EvidenceUse.NotUsed)
        {
            return;
        }

        if (_accounting.TryGetValue(row, out current) && current.Use != EvidenceUse.NotUsed && use != EvidenceUse.NotUsed && current.Use <= use)
        {
            return;
        }

        _accounting[row] = (use, words);
    }

    private void Remark(Observation row, string remark) => _remarks[row] = _remarks.TryGetValue(row, out var r) ? r + remark : remark;

    private static int Rank(ObservationStatus status) => Array.IndexOf(Equalities, status) is var i and >= 0 ? i : 9;

    private double LevelSd(ObservationStatus status) => status switch
    {
        ObservationStatus.Estimate => _options.EstimateSd,
        ObservationStatus.Approximate => _options.ApproximateSd,
        _ => _options.ReportedSd,
    };

    private double GrowthSd(ObservationStatus status) => status is ObservationStatus.Estimate or ObservationStatus.Approximate ? _options.GrowthEstimateSd : _options.ReportedSd;

    private void BuildModel()
    {
        var relations = _data.Relations;
        Links = relations.Chain(TargetIndicator.Id);
        Chain = [TargetIndicator, .. Links.Select(l => _data.Catalog[l.To])];
        var root = Chain[^1];
        if (root.GrowthBasis == GrowthBasis.None && Links.Count == 0 && root.Kind != IndicatorKind.Level)
        {
            throw new ArgumentException(NowcastMessages.NotALevel(TargetIndicator));
        }

        var chainIds = Chain.Select(i => i.Id).ToArray();
        var shareIds = Links.Select((l, k) => (l.ShareIndicator, k)).Where(x => x.ShareIndicator.Length > 0).ToDictionary(x => x.ShareIndicator, x => x.k, StringComparer.Ordinal);
        var growthIds = Chain.Select((i, j) => (i.GrowthIndicator, j)).Where(x => x.GrowthIndicator.Length > 0).ToDictionary(x => x.GrowthIndicator, x => x.j, StringComparer.Ordinal);
        bool Related(Observation o) => o.Zone == Zone && (chainIds.Contains(o.Indicator.Id) || shareIds.ContainsKey(o.Indicator.Id) || growthIds.ContainsKey(o.Indicator.Id));
        var related = _data.Observations.Where(Related).ToArray();

        // The last published level of the target's indicator, and where the model starts.
        var levels0 = related.Where(o => o.Indicator == TargetIndicator && o.IsWholeYear && o.Status == ObservationStatus.Reported && o.Year <= TargetYear).ToArray();
        LastPublished = levels0.OrderBy(o => o.Year).ThenBy(o => o.Published, StringComparer.Ordinal).LastOrDefault()
            ?? throw new ArgumentException(NowcastMessages.NoPublishedLevel(Zone, TargetIndicator));
        LastPublishedYear = LastPublished.Year;
        FirstYear = LastPublishedYear;
        if (Chain.Count > 1)
        {
            var partner = Links[0].Kind == RelationKind.Share && Links[0].ShareIndicator.Length > 0 ? Links[0].ShareIndicator : null;
            var together = levels0.Select(o => o.Year).Distinct().OrderDescending()
                .FirstOrDefault(y => related.Any(o => o.Year == y && o.IsWholeYear && Equalities.Contains(o.Status) && (o.Indicator == Chain[1] || o.Indicator.Id == partner)));
            if (together > 0)
            {
                FirstYear = together;
            }
        }

        var inWindow = related.Where(o => o.Year >= FirstYear).ToArray();
        LastYear = Math.Max(TargetYear, inWindow.Where(o => o.Status != ObservationStatus.Target).Select(o => o.Year).DefaultIfEmpty(TargetYear).Max());

        // 1. Plans' goals, earlier releases and weaker statuses of the same figure.
        var current = new List<Observation>();
        foreach (var o in inWindow.Where(o => o.Status == ObservationStatus.Target))
        {
            Account(o, EvidenceUse.NotUsed, NowcastMessages.IsGoal);
        }

        foreach (var g in inWindow.Where(o => o.Status != ObservationStatus.Target).GroupBy(o => (o.Indicator.Id, o.Year, o.Period, o.Status, o.Basis)))
        {
            var ordered = g.OrderBy(o => o.Published, StringComparer.Ordinal).ThenBy(o => o.Location.Line).ToArray();
            foreach (var earlier in ordered[..^1])
            {
                Account(earlier, EvidenceUse.NotUsed, NowcastMessages.SupersededRelease(ordered[^1]));
            }

            current.Add(ordered[^1]);
        }

        // Levels and shares: one figure per indicator, year, period and basis, the most final status.
        var levelRows = new List<Observation>();
        var boundRows = new List<Observation>();
        foreach (var g in current.Where(o => o.Indicator.Kind != IndicatorKind.Growth).GroupBy(o => (o.Indicator.Id, o.Year, o.Period, o.Basis)))
        {
            var equal = g.Where(o => Equalities.Contains(o.Status)).OrderBy(o => Rank(o.Status)).ToArray();
            if (equal.Length > 0)
            {
                levelRows.Add(equal[0]);
                foreach (var weaker in equal[1..])
                {
                    Account(weaker, EvidenceUse.NotUsed, NowcastMessages.WeakerStatus(equal[0], weaker));
                }

                foreach (var bound in g.Where(o => o.Status is ObservationStatus.LowerBound or ObservationStatus.UpperBound))
                {
                    Account(bound, EvidenceUse.NotUsed, NowcastMessages.BoundOnPublished(equal[0]));
                }
            }
            else
            {
                boundRows.AddRange(g.Where(o => o.Status is ObservationStatus.LowerBound or ObservationStatus.UpperBound));
            }
        }

        // The outcome: the target year's own figure.
        var outcome = levelRows.FirstOrDefault(o => o.Indicator == TargetIndicator && o.Year == TargetYear && o.IsWholeYear && o.Status == ObservationStatus.Reported);
        var settlingBound = boundRows.FirstOrDefault(o => o.Indicator == TargetIndicator && o.Year == TargetYear && o.IsWholeYear
            && ((o.Status == ObservationStatus.LowerBound && o.Value >= Threshold) || (o.Status == ObservationStatus.UpperBound && o.Value < Threshold)));
        if (outcome is not null)
        {
            Outcome = outcome;
            OutcomeMet = outcome.Value >= Threshold;
        }
        else if (settlingBound is not null)
        {
            Outcome = settlingBound;
            OutcomeMet = settlingBound.Status == ObservationStatus.LowerBound;
        }

        // Growth rates: published with a level, or on their own; one per indicator, year and period.
        var growth = new List<GrowthCandidate>();
        foreach (var o in current)
        {
            if (growthIds.TryGetValue(o.Indicator.Id, out var j) && o.Indicator.Kind == IndicatorKind.Growth)
            {
                growth.Add(new GrowthCandidate(o, j, o.Value, o.Status, OnItsOwn: true));
            }
            else if (chainIds.Contains(o.Indicator.Id) && o.GrowthPercent is { } g && o.Indicator.GrowthBasis != GrowthBasis.None
                     && (levelRows.Contains(o) || boundRows.Contains(o)))
            {
                growth.Add(new GrowthCandidate(o, Array.IndexOf(chainIds, o.Indicator.Id), g, Equalities.Contains(o.Status) ? o.Status : ObservationStatus.Reported, OnItsOwn: false));
            }
        }

        var growthUsed = new List<GrowthCandidate>();
        foreach (var g in growth.GroupBy(c => (c.Indicator, c.Row.Year, c.Row.Period)))
        {
            var equal = g.Where(c => Equalities.Contains(c.Status)).OrderBy(c => Rank(c.Status)).ThenBy(c => c.OnItsOwn).ThenBy(c => c.Row.Location.Line).ToArray();
            var bounds = g.Where(c => !Equalities.Contains(c.Status)).ToArray();
            if (equal.Length > 0)
            {
                growthUsed.Add(equal[0]);
                foreach (var other in equal[1..].Concat(bounds))
                {
                    DropGrowth(other, NowcastMessages.SameGrowthElsewhere(equal[0].Row));
                }
            }
            else
            {
                growthUsed.AddRange(bounds);
            }
        }

        // A growth rate of the model's first year (or before) compares with a year the model does not have.
        foreach (var c in growthUsed.Where(c => c.Row.Year <= FirstYear).ToArray())
        {
            growthUsed.Remove(c);
            DropGrowth(c, NowcastMessages.GrowthBeforeStart(c.Row.Year, FirstYear));
        }

        // Year to date: the whole year's rate supersedes them; else the latest period does.
        var wholeGrowth = growthUsed.Where(c => c.Row.IsWholeYear).ToArray();
        foreach (var g in growthUsed.Where(c => !c.Row.IsWholeYear).GroupBy(c => (c.Indicator, c.Row.Year)).ToArray())
        {
            var whole = wholeGrowth.FirstOrDefault(w => w.Indicator == g.Key.Indicator && w.Row.Year == g.Key.Year);
            var ordered = g.OrderByDescending(c => c.Row.Period.Months).ToArray();
            foreach (var c in whole is null ? ordered[1..] : ordered)
            {
                growthUsed.Remove(c);
                DropGrowth(c, whole is null ? NowcastMessages.LaterPeriod(ordered[0].Row) : NowcastMessages.WholeYearGrowth(whole.Row));
            }
        }

        // 2. Prices: free while the root's level on the first-published basis is known, one growth p after.
        LastOriginalLevel = levelRows.Where(o => o.Indicator == root && o.IsWholeYear && o.Basis.Length == 0 && o.Year <= LastYear).Select(o => o.Year).DefaultIfEmpty(FirstYear).Max();
        LastOriginalLevel = Math.Max(LastOriginalLevel, FirstYear);
        var realRoot = root.GrowthBasis == GrowthBasis.Real;
        var years = Enumerable.Range(FirstYear + 1, LastYear - FirstYear).ToArray();
        // A year whose root growth is published as a value leaves that growth free for the row to pin; a bound alone
        // pins nothing, so its year keeps the forecast and the bound cuts it.
        var rootGrowthYears = growthUsed.Where(c => c.Indicator == Chain.Count - 1 && Equalities.Contains(c.Status)).Select(c => c.Row.Year).ToHashSet();
        var partGrowthYears = growthUsed.Where(c => c.Indicator < Chain.Count - 1 && Chain[c.Indicator].GrowthBasis == GrowthBasis.Real).Select(c => c.Row.Year).ToHashSet();

        // Scales first: they decide which priors exist.
        var scales = new List<ScaleParameter>();
        var drifts = EstimateDrifts(scales);
        var gap = EstimateGap(related, growthUsed);
        if (gap is not null)
        {
            scales.Add(gap);
        }

        // A year-to-date rate with no evidence on how far such rates move by the year's end cannot be used.
        if (gap is null)
        {
            foreach (var c in growthUsed.Where(c => !c.Row.IsWholeYear).ToArray())
            {
                growthUsed.Remove(c);
                DropGrowth(c, NowcastMessages.NoGapEvidence);
            }
        }

        // The root's own level in the first year, and each year's nominal growth.
        var y0 = Add(ModelLatent.Diffuse(FormattableString.Invariant($"{root.Short} {FirstYear}"), Centre(levelRows, root, FirstYear)));
        _y0 = y0;
        _years = years;
        var nominal = _nominal;
        var real = new Dictionary<int, int>();
        ScaleParameter? forecast = null;
        var forecastMean = 0.0;
        // A year after the last first-published level grows at its real growth times the zone's prices; where no real
        // growth is published, at a forecast of it, or, for a zone that publishes no real growth rates at all, at a
        // forecast of its nominal growth from its levels (then no prices enter).
        var realRates = RealRates(root);
        var nominalOnly = realRoot && realRates.Length < 3 ? years.Where(t => t > LastOriginalLevel && !rootGrowthYears.Contains(t)).ToHashSet() : [];
        var priceYears = years.Where(t => t > LastOriginalLevel && realRoot && !nominalOnly.Contains(t)).ToArray();
        if (priceYears.Length > 0)
        {
            PriceYears = priceYears;
            var prior = ZonePricePrior.Estimate(_data, Zone, priceYears, _options with { Gdp = root.Id, GdpRealGrowth = root.GrowthIndicator })
                ?? throw new ArgumentException(NowcastMessages.NoPriceEvidence(Zone, priceYears));
            PricePrior = prior;
            PriceLatent = Add(ModelLatent.Normal(FormattableString.Invariant($"the zone's price growth"), prior.Mean, prior.Scale, prior.AsScale, "the zone's price growth (prior)"));
            scales.Add(prior.AsScale);
        }

        ScaleParameter? nominalForecast = null;
        var nominalMean = 0.0;
        foreach (var t in years)
        {
            if (nominalOnly.Contains(t))
            {
                if (nominalForecast is null)
                {
                    (nominalForecast, nominalMean) = EstimateNominalForecast(root, levelRows);
                    scales.Add(nominalForecast);
                }

                nominal[t] = LinearForm.Of(Add(ModelLatent.Normal(FormattableString.Invariant($"nominal {root.Short} growth {t}, not published"), nominalMean, nominalForecast.Sd, nominalForecast, nominalForecast.Name)));
                continue;
            }

            var needsReal = realRoot && (t > LastOriginalLevel || partGrowthYears.Contains(t));
            if (!needsReal)
            {
                nominal[t] = LinearForm.Of(Add(ModelLatent.Diffuse(FormattableString.Invariant($"nominal {root.Short} growth {t}"))));
                continue;
            }

            int gamma;
            if (rootGrowthYears.Contains(t))
            {
                gamma = Add(ModelLatent.Diffuse(FormattableString.Invariant($"real {root.Short} growth {t}")));
            }
            else
            {
                if (forecast is null)
                {
                    (forecast, forecastMean) = EstimateForecast(root, realRates);
                    scales.Add(forecast);
                }

                gamma = Add(ModelLatent.Normal(FormattableString.Invariant($"real {root.Short} growth {t}, not published"), forecastMean, forecast.Sd, forecast, forecast.Name));
            }

            real[t] = gamma;
            var prices = t > LastOriginalLevel ? PriceLatent : Add(ModelLatent.Diffuse(FormattableString.Invariant($"the zone's prices {t}")));
            nominal[t] = LinearForm.Of(gamma) + LinearForm.Of(prices);
        }

        // Real growth of a year whose nominal GDP is pinned by levels at both ends measures only that year's prices.
        var priorRows = PricePrior?.Evidence.Where(e => e.Use != PriceEvidenceUse.Context).SelectMany(e => e.Rows).ToHashSet() ?? [];
        foreach (var c in growthUsed.Where(c => realRoot && Chain[c.Indicator].GrowthBasis == GrowthBasis.Real && !real.ContainsKey(c.Row.Year)).ToArray())
        {
            growthUsed.Remove(c);
            DropGrowth(c, priorRows.Contains(c.Row) ? NowcastMessages.GrowthInPrior(c.Row) : NowcastMessages.GrowthOfKnownLevels(c.Row));
        }

        // Ratios and shares: a level in the first year, and a drift each year after.
        var linkLevel = new int[Links.Count];
        _linkLevel = linkLevel;
        var linkDrift = _linkDrift;
        for (var k = 0; k < Links.Count; k++)
        {
            var what = LinkText(k);
            linkLevel[k] = Add(ModelLatent.Diffuse(FormattableString.Invariant($"{what} {FirstYear}"), LinkCentre(levelRows, k)));
            var split = DriftSplit is { } s && (s.First == k || s.Second == k) ? (s.First == k ? 0 : 1) : -1;
            foreach (var t in years)
            {
                linkDrift[(k, t)] = Add(ModelLatent.Normal(FormattableString.Invariant($"drift of {what} in {t}"), 0, drifts[k].Sd, drifts[k], FormattableString.Invariant($"drift of {what}"), split));
            }
        }

        if (drifts.Count > 0)
        {
            scales.InsertRange(0, drifts.Distinct());
        }

        Scales = scales.Distinct().ToArray();

        // Census revisions: one per revised basis the rows use.
        foreach (var basis in levelRows.Concat(boundRows).Where(o => o.Basis.Length > 0 && chainIds.Contains(o.Indicator.Id)).Select(o => o.Basis).Distinct().Order(StringComparer.Ordinal))
        {
            var own = levelRows.Any(o => o.Indicator == root && o.Basis.Length == 0) && levelRows.Any(o => o.Indicator == root && o.Basis == basis);
            var borrowed = own ? null : OtherZoneRevision(root, basis);
            Revisions[basis] = borrowed is { } b
                ? Add(ModelLatent.Normal(FormattableString.Invariant($"the census revision ({BasisText.Census(basis)})"), b.Log, Math.Abs(b.Log), null, FormattableString.Invariant($"the census revision ({b.Zone}'s stands in)")))
                : Add(ModelLatent.Diffuse(FormattableString.Invariant($"the census revision ({BasisText.Census(basis)})")));
            if (borrowed is { } z)
            {
                BorrowedRevisions[basis] = z.Zone;
            }
        }

        // Revenue is not national accounts: it moves with the latest census revision or it does not.
        if (Links.Count > 0 && Links[0].Kind == RelationKind.Ratio && Revisions.Count > 0)
        {
            HypothesisBasis = Revisions.Keys.OrderBy(CensusYear).Last();
            if (CensusYear(HypothesisBasis) <= LastYear)
            {
                Bases = [RevenueBasis.Original, RevenueBasis.Revised];
            }
            else
            {
                HypothesisBasis = null;
            }
        }

        // 3. The forms.
        LinearForm[] PerBasis(Func<RevenueBasis, LinearForm> form) => Bases.Select(form).ToArray();
        LinearForm BasisShift(Observation o, RevenueBasis h)
        {
            if (o.Basis.Length > 0)
            {
                return LinearForm.Of(Revisions[o.Basis]);
            }

            return TargetShift(o.Indicator, o.Year, h, publishedUnmarked: true);
        }

        LinearForm Growth(GrowthCandidate c)
        {
            var j = c.Indicator;
            var t = c.Row.Year;
            var change = Level(j, t) - Level(j, t - 1);
            if (Chain[j].GrowthBasis == GrowthBasis.Real && realRoot)
            {
                // Real growth: the nominal change less the year's prices; a part's prices are taken to move with GDP's, up to a gap.
                change = LinearForm.Sum(Enumerable.Range(j, Links.Count - j).Select(k => LinearForm.Of(linkDrift[(k, t)]))) + LinearForm.Of(real[t]);
                if (j < Chain.Count - 1)
                {
                    change += LinearForm.Of(Add(ModelLatent.Normal(FormattableString.Invariant($"{Chain[j].Short}'s prices against {root.Short}'s in {t}"), 0, _options.PartDeflatorGapSd, null, FormattableString.Invariant($"{Chain[j].Short}'s prices against {root.Short}'s"))));
                }
            }

            if (!c.Row.IsWholeYear)
            {
                change += LinearForm.Of(Add(ModelLatent.Normal(FormattableString.Invariant($"{c.Row.Period} to the whole year, {Chain[j].Short} {t}"), 0, gap!.Sd, gap, gap.Name)));
            }

            return change;
        }

        foreach (var o in levelRows.Where(o => o.IsWholeYear).OrderBy(o => o.Location.Line))
        {
            var (form, words) = LevelForm(o);
            if (o.Value <= 0)
            {
                Account(o, EvidenceUse.NotUsed, NowcastMessages.NotPositive);
                continue;
            }

            if (form is null)
            {
                continue;
            }

            if (o == Outcome)
            {
                Account(o, EvidenceUse.Outcome, words);
            }
            else
            {
                Account(o, EvidenceUse.Value, words);
            }

            Rows.Add(new ModelRow(o, PerBasis(h => form(h)), LevelSd(o.Status), words));
        }

        foreach (var o in boundRows.Where(o => o.IsWholeYear).OrderBy(o => o.Location.Line))
        {
            var (form, words) = LevelForm(o);
            if (o.Value <= 0)
            {
                Account(o, EvidenceUse.NotUsed, o.Status == ObservationStatus.LowerBound ? NowcastMessages.ZeroLowerBound : NowcastMessages.NotPositive);
                continue;
            }

            if (form is null)
            {
                continue;
            }

            var log = Math.Log(o.Indicator.Kind == IndicatorKind.Share ? o.Value / 100 : o.Value);
            Account(o, o == Outcome ? EvidenceUse.Outcome : EvidenceUse.Bound, NowcastMessages.BoundWords(o));
            AddBound(o, PerBasis(h => form(h)), log, LevelSd(ObservationStatus.Reported));
        }

        foreach (var c in growthUsed.OrderBy(c => c.Row.Location.Line))
        {
            var form = Growth(c);
            var log = Math.Log(1 + (c.Value / 100));
            var words = NowcastMessages.GrowthWords(c.Row, Chain[c.Indicator], c.OnItsOwn);
            if (Equalities.Contains(c.Status))
            {
                Rows.Add(new ModelRow(c.Row, PerBasis(_ => form), GrowthSd(c.Status), words, log));
                AccountGrowth(c, EvidenceUse.Value, words);
            }
            else
            {
                AddBound(c.Row, PerBasis(_ => form), log, _options.ReportedSd, growthBound: c.Status);
                AccountGrowth(c, EvidenceUse.Bound, words);
            }
        }

        // Year-to-date levels: growth against the same months a year earlier on the same basis, else nothing.
        foreach (var o in levelRows.Concat(boundRows).Where(o => !o.IsWholeYear).OrderBy(o => o.Location.Line))
        {
            var before = levelRows.FirstOrDefault(b => b.Indicator == o.Indicator && b.Year == o.Year - 1 && b.Period == o.Period && b.Basis == o.Basis);
            var j = Array.IndexOf(chainIds, o.Indicator.Id);
            if (before is null || gap is null || j < 0 || o.Year <= FirstYear || !Equalities.Contains(o.Status))
            {
                var why = gap is null ? NowcastMessages.NoGapEvidence : j < 0 ? NowcastMessages.YearToDateShare : NowcastMessages.YearToDateLevelAlone(o);
                if (_accounting.TryGetValue(o, out var used) && used.Use != EvidenceUse.NotUsed)
                {
                    Remark(o, NowcastMessages.LevelNotUsed(why));
                }
                else
                {
                    Account(o, EvidenceUse.NotUsed, why);
                }

                continue;
            }

            var form = Level(j, o.Year) - Level(j, o.Year - 1) + LinearForm.Of(Add(ModelLatent.Normal(FormattableString.Invariant($"{o.Period} to the whole year, {o.Indicator.Short} {o.Year}"), 0, gap.Sd, gap, gap.Name)));
            var words = NowcastMessages.YearToDateLevelWords(o, before);
            Rows.Add(new ModelRow(o, PerBasis(_ => form), Math.Sqrt(Math.Pow(LevelSd(o.Status), 2) + Math.Pow(LevelSd(before.Status), 2)), words, Math.Log(o.Value / before.Value)));
            Account(o, EvidenceUse.Value, words);
            Account(before, EvidenceUse.Value, NowcastMessages.YearToDateBase(o));
        }

        // The target and silent years' values.
        TargetValue = PerBasis(h => Level(0, TargetYear) + TargetShift(TargetIndicator, TargetYear, h, publishedUnmarked: false));
        ApplySilence(related, year => PerBasis(h => Level(0, year) + TargetShift(TargetIndicator, year, h, publishedUnmarked: false)));

        // Rows the model has no use for are accounted by the priors and scales that use them, else not used.
        AccountPriorsAndScales(related);

        (Func<RevenueBasis, LinearForm>? Form, string Words) LevelForm(Observation o)
        {
            if (shareIds.TryGetValue(o.Indicator.Id, out var k))
            {
                return (_ => LinkPath(k, o.Year), NowcastMessages.ShareWords(o));
            }

            var j = Array.IndexOf(chainIds, o.Indicator.Id);
            if (j < 0)
            {
                return (null, string.Empty);
            }

            return (h => Level(j, o.Year) + BasisShift(o, h), NowcastMessages.LevelWords(o));
        }

        void DropGrowth(GrowthCandidate c, string why)
        {
            if (c.OnItsOwn)
            {
                Account(c.Row, EvidenceUse.NotUsed, why);
            }
            else
            {
                Remark(c.Row, NowcastMessages.GrowthNotUsed(c.Value, why));
            }
        }

        void AccountGrowth(GrowthCandidate c, EvidenceUse use, string words)
        {
            if (c.OnItsOwn || !_accounting.ContainsKey(c.Row))
            {
                Account(c.Row, use, words);
            }
            else
            {
                Remark(c.Row, NowcastMessages.GrowthAlsoUsed(words));
            }
        }
    }

    private int _y0;
    private int[] _years = [];
    private int[] _linkLevel = [];
    private readonly Dictionary<int, LinearForm> _nominal = [];
    private readonly Dictionary<(int Link, int Year), int> _linkDrift = [];

    /// <summary>The log level of chain indicator <paramref name="j"/> in year <paramref name="t"/> on the first-published basis (no revision).</summary>
    private LinearForm Level(int j, int t) =>
        LinearForm.Of(_y0) + LinearForm.Sum(_years.Where(u => u <= t).Select(u => _nominal[u]))
        + LinearForm.Sum(Enumerable.Range(j, Links.Count - j).Select(k => LinkPath(k, t)));

    /// <summary>The log ratio or share of link <paramref name="k"/> in year <paramref name="t"/>.</summary>
    private LinearForm LinkPath(int k, int t) => LinearForm.Of(_linkLevel[k]) + LinearForm.Sum(_years.Where(u => u <= t).Select(u => LinearForm.Of(_linkDrift[(k, u)])));

    /// <summary>
    /// A level of a chain indicator as a figure published for <paramref name="year"/> on <paramref name="basis"/> would measure it,
    /// under each hypothesis: what an unpublished figure would add to the model.
    /// </summary>
    public LinearForm[] Figure(IndicatorDefinition indicator, int year, string basis)
    {
        var j = Chain.ToList().IndexOf(indicator);
        return Bases.Select(h => Level(j, year) + (basis.Length > 0 ? LinearForm.Of(Revisions[basis]) : TargetShift(indicator, year, h, publishedUnmarked: true))).ToArray();
    }

    /// <summary>The basis a figure of <paramref name="indicator"/> for <paramref name="year"/> published now would be on: the latest revised basis from its census year, else the first-published one (revenue: unmarked).</summary>
    public string BasisNow(IndicatorDefinition indicator, int year)
    {
        if (indicator == TargetIndicator && Links.Count > 0 && Links[0].Kind == RelationKind.Ratio)
        {
            return string.Empty;
        }

        return Revisions.Keys.Where(b => CensusYear(b) <= year).OrderBy(CensusYear).LastOrDefault() ?? string.Empty;
    }

    /// <summary>The shift a figure of the target's chain carries for its basis: national accounts from the census year are on the latest basis when they are the target year's own figure; revenue by hypothesis.</summary>
    private LinearForm TargetShift(IndicatorDefinition indicator, int year, RevenueBasis h, bool publishedUnmarked)
    {
        if (indicator != TargetIndicator)
        {
            return LinearForm.Zero;
        }

        if (Links.Count > 0 && Links[0].Kind == RelationKind.Ratio)
        {
            return HypothesisBasis is { } b && h == RevenueBasis.Revised && year >= CensusYear(b) ? LinearForm.Of(Revisions[b]) : LinearForm.Zero;
        }

        // A national-accounts target: a row marks its basis; the target year's figure will be on the latest basis.
        if (publishedUnmarked || Revisions.Count == 0)
        {
            return LinearForm.Zero;
        }

        var latest = Revisions.Keys.OrderBy(CensusYear).Last();
        return year >= CensusYear(latest) ? LinearForm.Of(Revisions[latest]) : LinearForm.Zero;
    }

    private void AddBound(Observation row, LinearForm[] forms, double log, double sd, ObservationStatus? growthBound = null)
    {
        var lower = (growthBound ?? row.Status) == ObservationStatus.LowerBound;
        var existing = Bounds.FirstOrDefault(b => b.SameQuantity(forms));
        if (existing is not null)
        {
            existing.Rows.Add(row);
            existing.Low = lower ? Math.Max(existing.Low, log) : existing.Low;
            existing.High = lower ? existing.High : Math.Min(existing.High, log);
            return;
        }

        Bounds.Add(new ModelBound([row], forms, lower ? log : double.NegativeInfinity, lower ? double.PositiveInfinity : log, sd));
    }

    private void ApplySilence(Observation[] related, Func<int, LinearForm[]> valueIn)
    {
        var silence = _data.Silences.FirstOrDefault(s => s.Zone == Zone && s.Indicator == TargetIndicator);
        if (silence is null)
        {
            return;
        }

        var figure = related.FirstOrDefault(o => o.Indicator == TargetIndicator && o.Year == silence.ThroughYear && o.Status != ObservationStatus.Target);
        if (Outcome is not null)
        {
            SilenceDropped = NowcastMessages.SilenceSettled(silence);
        }
        else if (figure is not null)
        {
            SilenceDropped = NowcastMessages.SilenceBroken(silence, figure);
        }
        else if (silence.ThroughYear <= FirstYear || silence.ThroughYear >= TargetYear)
        {
            SilenceDropped = NowcastMessages.SilenceOutside(silence, FirstYear, TargetYear);
        }
        else
        {
            Silence = silence;
            Silent = valueIn(silence.ThroughYear);
        }
    }

    private double Centre(List<Observation> levels, IndicatorDefinition indicator, int year) =>
        levels.Where(o => o.Indicator == indicator && o.IsWholeYear).OrderBy(o => Math.Abs(o.Year - year)).Select(o => Math.Log(o.Value)).FirstOrDefault();

    private double LinkCentre(List<Observation> levels, int k)
    {
        var upper = levels.Where(o => o.Indicator == Chain[k] && o.IsWholeYear && o.Basis.Length == 0).ToDictionary(o => o.Year, o => o.Value);
        var lower = levels.Where(o => o.Indicator == Chain[k + 1] && o.IsWholeYear && o.Basis.Length == 0).ToDictionary(o => o.Year, o => o.Value);
        var year = upper.Keys.Where(lower.ContainsKey).DefaultIfEmpty(-1).Min();
        return year < 0 ? 0 : Math.Log(upper[year] / lower[year]);
    }

    /// <summary>A link in words: "revenue ÷ core added value", "core added value's share of GDP".</summary>
    internal string LinkText(int k) => Links[k].Kind == RelationKind.Share
        ? FormattableString.Invariant($"{Chain[k].Short}'s share of {Chain[k + 1].Short}")
        : FormattableString.Invariant($"{Chain[k].Short} ÷ {Chain[k + 1].Short}");

    /// <summary>
    /// The drift of each link per year, from the years up to the model's first year (so no row of the model is counted twice):
    /// the changes of ln(indicator ÷ next) where both are published (for a share, the published share too); a link with
    /// fewer than two points borrows the drift of ln(indicator ÷ root), or of ln(target ÷ root); two links that borrow the
    /// same drift split its variance (λ and 1 − λ, uniform).
    /// </summary>
    private List<ScaleParameter> EstimateDrifts(List<ScaleParameter> scales)
    {
        var drifts = new ScaleParameter?[Links.Count];
        var borrowed = new List<int>();
        for (var k = 0; k < Links.Count; k++)
        {
            drifts[k] = Drift(k, k + 1, FormattableString.Invariant($"drift of {LinkText(k)} per year"));
            if (drifts[k] is null)
            {
                borrowed.Add(k);
            }
        }

        if (borrowed.Count > 0)
        {
            var composite = Drift(borrowed[0], Chain.Count - 1, FormattableString.Invariant($"drift of {Chain[borrowed[0]].Short} ÷ {Chain[^1].Short} per year"))
                ?? Drift(0, Chain.Count - 1, FormattableString.Invariant($"drift of {Chain[0].Short} ÷ {Chain[^1].Short} per year"))
                ?? throw new ArgumentException(NowcastMessages.NoDriftEvidence(Zone, Chain[0], Chain[^1], FirstYear));
            foreach (var k in borrowed)
            {
                drifts[k] = composite;
            }

            if (borrowed.Count == 2)
            {
                DriftSplit = (borrowed[0], borrowed[1], composite);
            }
            else if (borrowed.Count > 2)
            {
                var share = composite with { Sd = composite.Sd / Math.Sqrt(borrowed.Count), Name = composite.Name + FormattableString.Invariant($", split evenly between {borrowed.Count} links") };
                foreach (var k in borrowed)
                {
                    drifts[k] = share;
                }
            }
        }

        return drifts.Select(d => d!).ToList();
    }

    /// <summary>The drift of ln(Chain[upper] ÷ Chain[lower]) from the years up to the first year both are published on the first-published basis; null with fewer than two.</summary>
    private ScaleParameter? Drift(int upper, int lower, string name)
    {
        var points = Points(upper, lower);
        if (points.Count < 2)
        {
            return null;
        }

        var steps = points.Zip(points.Skip(1), (a, b) => (a, b)).ToArray();
        var variance = steps.Average(s => Math.Pow(s.b.Log - s.a.Log, 2) / (s.b.Year - s.a.Year));
        return new ScaleParameter(name, Math.Sqrt(variance), steps.Length,
            FormattableString.Invariant($"ln({Chain[upper].Short} ÷ {Chain[lower].Short}) in {string.Join(", ", points.Select(p => $"{p.Year}: {Math.Exp(p.Log):0.###}"))}; σ² = mean of (change² ÷ years apart) over {steps.Length} {(steps.Length == 1 ? "change" : "changes")}"))
        { Rows = points.SelectMany(p => p.Rows).Distinct().ToArray() };
    }

    private List<(int Year, double Log, Observation[] Rows)> Points(int upper, int lower)
    {
        // The upper indicator's levels with the years its published growth implies (nominal growth only).
        var up = _data.Series(Chain[upper].Id, Zone);
        IndicatorSeries withImplied;
        try
        {
            withImplied = Chain[upper].GrowthBasis == GrowthBasis.Nominal ? up.WithImpliedPreviousYears() : up;
        }
        catch (InvalidOperationException)
        {
            withImplied = up;
        }

        var upPoints = withImplied.Points.Where(p => p.Year <= FirstYear && p.Observation.Basis.Length == 0).ToDictionary(p => p.Year);
        Dictionary<int, (double Value, Observation Row)> down;
        if (lower == upper + 1 && Links[upper].Kind == RelationKind.Share && Links[upper].ShareIndicator.Length > 0)
        {
            // A share link: the published shares are the ratio itself.
            var shares = _data.WholeYearObservations.Where(o => o.Zone == Zone && o.Indicator.Id == Links[upper].ShareIndicator && Equalities.Contains(o.Status) && o.Year <= FirstYear)
                .GroupBy(o => o.Year).ToDictionary(g => g.Key, g => g.OrderBy(o => Rank(o.Status)).First());
            if (shares.Count >= 2)
            {
                return shares.OrderBy(s => s.Key).Select(s => (s.Key, Math.Log(s.Value.Value / 100), new[] { s.Value })).ToList();
            }
        }

        down = _data.WholeYearObservations.Where(o => o.Zone == Zone && o.Indicator == Chain[lower] && o.Status == ObservationStatus.Reported && o.Basis.Length == 0 && o.Year <= FirstYear)
            .GroupBy(o => o.Year).ToDictionary(g => g.Key, g => (g.OrderBy(o => o.Published, StringComparer.Ordinal).Last().Value, g.OrderBy(o => o.Published, StringComparer.Ordinal).Last()));
        return upPoints.Keys.Where(down.ContainsKey).Order()
            .Select(y => (y, Math.Log(upPoints[y].Value / down[y].Value), new[] { upPoints[y].Observation, down[y].Row }))
            .ToList();
    }

    /// <summary>How far a year-to-date growth rate moved by the next figure of the same year (a later period's or the whole year's): any year, any indicator of the chain.</summary>
    private ScaleParameter? EstimateGap(Observation[] related, List<GrowthCandidate> used)
    {
        var rates = new List<(int Indicator, int Year, Period Period, double Percent, Observation Row)>();
        var chainIds = Chain.Select(i => i.Id).ToArray();
        foreach (var o in _data.Observations.Where(o => o.Zone == Zone && o.Status == ObservationStatus.Reported))
        {
            var j = Array.IndexOf(chainIds, o.Indicator.Id);
            if (j >= 0 && o.GrowthPercent is { } g && Chain[j].GrowthBasis != GrowthBasis.None)
            {
                rates.Add((j, o.Year, o.Period, g, o));
            }
            else if (o.Indicator.Kind == IndicatorKind.Growth && Array.FindIndex(Chain.ToArray(), i => i.GrowthIndicator == o.Indicator.Id) is var k and >= 0)
            {
                rates.Add((k, o.Year, o.Period, o.Value, o));
            }
        }

        var pairs = rates.GroupBy(r => (r.Indicator, r.Year))
            .SelectMany(g =>
            {
                var ordered = g.GroupBy(r => r.Period).Select(p => p.First()).OrderBy(r => r.Period.Months).ToArray();
                return ordered.Zip(ordered.Skip(1), (a, b) => (a, b)).Where(p => !p.a.Period.IsWholeYear);
            })
            .ToArray();
        if (pairs.Length == 0 || !used.Any(c => !c.Row.IsWholeYear) && !related.Any(o => !o.IsWholeYear))
        {
            return null;
        }

        return new ScaleParameter(
            "gap between a year-to-date growth rate and the year's",
            Math.Sqrt(pairs.Average(p => Math.Pow(Math.Log((1 + (p.b.Percent / 100)) / (1 + (p.a.Percent / 100))), 2))), pairs.Length,
            FormattableString.Invariant($"{string.Join(", ", pairs.Select(p => $"{p.a.Year} {p.a.Period} {p.a.Percent:0.0} % → {p.b.Period} {p.b.Percent:0.0} %"))}; root mean square of the changes"))
        { Rows = pairs.SelectMany(p => new[] { p.a.Row, p.b.Row }).Distinct().ToArray() };
    }

    /// <summary>The zone's reported whole-year real growth rates of the root (with a level or on their own), the last five, oldest first.</summary>
    private (int Year, double Log, Observation Row)[] RealRates(IndicatorDefinition root) =>
        _data.WholeYearObservations
            .Where(o => o.Zone == Zone && o.Status == ObservationStatus.Reported && o.Year <= LastYear
                && ((o.Indicator == root && o.GrowthPercent is not null) || o.Indicator.Id == root.GrowthIndicator))
            .GroupBy(o => o.Year)
            .Select(g => g.OrderBy(o => o.Indicator == root ? 0 : 1).First())
            .OrderByDescending(o => o.Year).Take(5).OrderBy(o => o.Year)
            .Select(o => (o.Year, Math.Log(1 + ((o.Indicator == root ? o.GrowthPercent!.Value : o.Value) / 100)), o))
            .ToArray();

    /// <summary>Real growth in a year nothing publishes: the zone's last five whole-year real growth rates (mean, predictive sd, ν = n − 1).</summary>
    private (ScaleParameter Scale, double Mean) EstimateForecast(IndicatorDefinition root, (int Year, double Log, Observation Row)[] rates)
    {
        var mean = rates.Average(r => r.Log);
        var sd = Math.Sqrt(rates.Sum(r => Math.Pow(r.Log - mean, 2)) / (rates.Length - 1) * (1 + (1.0 / rates.Length)));
        return (new ScaleParameter(
            FormattableString.Invariant($"real {root.Short} growth where none is published"), sd, rates.Length - 1,
            FormattableString.Invariant($"the zone's real growth in {string.Join(", ", rates.Select(r => $"{r.Year} ({Math.Exp(r.Log) - 1:+0.0%;-0.0%})"))}: mean {Math.Exp(mean) - 1:+0.0%;-0.0%}, sd × √(1 + 1/n) for a new year"))
        { Rows = rates.Select(r => r.Row).ToArray() }, mean);
    }

    /// <summary>
    /// Nominal growth in a year nothing publishes, for a zone that publishes no real growth rates: the changes of its
    /// consecutive levels on one basis, the last five (mean, predictive sd, ν = n − 1).
    /// </summary>
    private (ScaleParameter Scale, double Mean) EstimateNominalForecast(IndicatorDefinition root, List<Observation> levels)
    {
        var byYear = _data.WholeYearObservations.Where(o => o.Zone == Zone && o.Indicator == root && o.Status == ObservationStatus.Reported && o.Year <= LastYear)
            .GroupBy(o => (o.Year, o.Basis)).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Published, StringComparer.Ordinal).Last());
        var changes = byYear.Where(k => byYear.ContainsKey((k.Key.Year - 1, k.Key.Basis)))
            .Select(k => (k.Key.Year, Log: Math.Log(k.Value.Value / byYear[(k.Key.Year - 1, k.Key.Basis)].Value), Rows: new[] { byYear[(k.Key.Year - 1, k.Key.Basis)], k.Value }))
            .OrderByDescending(c => c.Year).Take(5).OrderBy(c => c.Year).ToArray();
        if (changes.Length < 2)
        {
            throw new ArgumentException(NowcastMessages.NoGrowthForecast(Zone, root, changes.Length));
        }

        var mean = changes.Average(c => c.Log);
        var sd = Math.Sqrt(changes.Sum(c => Math.Pow(c.Log - mean, 2)) / (changes.Length - 1) * (1 + (1.0 / changes.Length)));
        return (new ScaleParameter(
            FormattableString.Invariant($"nominal {root.Short} growth where none is published"), sd, changes.Length - 1,
            FormattableString.Invariant($"the zone's level changes in {string.Join(", ", changes.Select(c => $"{c.Year} ({Math.Exp(c.Log) - 1:+0.0%;-0.0%})"))} (it publishes no real growth rates): mean {Math.Exp(mean) - 1:+0.0%;-0.0%}, sd × √(1 + 1/n) for a new year"))
        { Rows = changes.SelectMany(c => c.Rows).Distinct().ToArray() }, mean);
    }

    /// <summary>Another zone's revision of the same basis (the province's first): revised ÷ first release of one year.</summary>
    private (string Zone, double Log)? OtherZoneRevision(IndicatorDefinition root, string basis)
    {
        var zones = _data.ZoneCatalog.Ancestors(Zone).Reverse().Select(z => z.Id).Concat(_data.Zones.Where(z => z != Zone));
        foreach (var zone in zones.Distinct())
        {
            var rows = _data.WholeYearObservations.Where(o => o.Zone == zone && o.Indicator == root && o.Status == ObservationStatus.Reported).ToArray();
            var revised = rows.FirstOrDefault(o => o.Basis == basis && rows.Any(f => f.Year == o.Year && f.Basis.Length == 0));
            if (revised is not null)
            {
                return (zone, Math.Log(revised.Value / rows.Where(f => f.Year == revised.Year && f.Basis.Length == 0).OrderBy(f => f.Published, StringComparer.Ordinal).Last().Value));
            }
        }

        return null;
    }

    private void AccountPriorsAndScales(Observation[] related)
    {
        // A row may serve several priors and scales: each is named, the price prior first.
        var uses = new Dictionary<Observation, List<(EvidenceUse Use, string Words)>>();
        void Add(Observation row, EvidenceUse use, string words)
        {
            if (!uses.TryGetValue(row, out var list))
            {
                uses[row] = list = [];
            }

            if (!list.Any(u => u.Words == words))
            {
                list.Add((use, words));
            }
        }

        if (PricePrior is { } prior)
        {
            foreach (var row in prior.Evidence.Where(e => e.Use != PriceEvidenceUse.Context).SelectMany(e => e.Rows).Where(r => related.Contains(r) && r.Year >= FirstYear))
            {
                Add(row, EvidenceUse.Prior, NowcastMessages.PriceEvidenceWords);
            }
        }

        foreach (var scale in Scales.Where(s => s != PricePrior?.AsScale))
        {
            foreach (var row in scale.Rows.Where(r => related.Contains(r) && r.Year >= FirstYear))
            {
                Add(row, EvidenceUse.Scale, NowcastMessages.ScaleWords(scale));
            }
        }

        foreach (var (row, list) in uses)
        {
            var use = list.Any(u => u.Use == EvidenceUse.Prior) ? EvidenceUse.Prior : EvidenceUse.Scale;
            Account(row, use, string.Join("; and ", list.Select(u => u.Words)));
        }

        // Whatever is left of the window's related rows has not been given a use.
        foreach (var row in related.Where(o => o.Year >= FirstYear && !_accounting.ContainsKey(o)))
        {
            Account(row, EvidenceUse.NotUsed, row.Indicator.Kind == IndicatorKind.Growth
                ? NowcastMessages.GrowthOfKnownLevels(row)
                : NowcastMessages.NoUse);
        }
    }

    /// <summary>Marks a row the model had but which reaches none of the quantities the answer rests on (its value says nothing about them given the rest), and drops it.</summary>
    public void DropUninformative(ModelRow row, string why)
    {
        Rows.Remove(row);
        if (_accounting.TryGetValue(row.Row, out var current) && current.Use == EvidenceUse.Value)
        {
            _accounting.Remove(row.Row);
            var prior = PricePrior?.Evidence.Where(e => e.Use != PriceEvidenceUse.Context).SelectMany(e => e.Rows).Contains(row.Row) == true;
            var scale = Scales.FirstOrDefault(s => s.Rows.Contains(row.Row));
            if (prior)
            {
                Account(row.Row, EvidenceUse.Prior, NowcastMessages.PriceEvidenceWords);
            }
            else if (scale is not null)
            {
                Account(row.Row, EvidenceUse.Scale, NowcastMessages.ScaleWords(scale));
            }
            else
            {
                Account(row.Row, EvidenceUse.NotUsed, why);
            }
        }
    }

    private sealed record GrowthCandidate(Observation Row, int Indicator, double Value, ObservationStatus Status, bool OnItsOwn);
}

/// <summary>A row whose value is evidence: its form under each hypothesis, the log of its value and its error.</summary>
internal sealed record ModelRow(Observation Row, LinearForm[] Forms, double Sd, string Words, double? LogValue = null)
{
    /// <summary>ln of the value compared with the form: the level's, the share's (as a fraction) or 1 + the growth rate's.</summary>
    public double Log => LogValue ?? Math.Log(Row.Indicator.Kind == IndicatorKind.Share ? Row.Value / 100 : Row.Value);
}

/// <summary>A bounded quantity: its form under each hypothesis, its interval on the log scale and the error of the bounded figure.</summary>
internal sealed class ModelBound(List<Observation> rows, LinearForm[] forms, double low, double high, double sd)
{
    public List<Observation> Rows { get; } = rows;

    public LinearForm[] Forms { get; } = forms;

    public double Low { get; set; } = low;

    public double High { get; set; } = high;

    public double Sd { get; } = sd;

    /// <summary>Whether another bound is on the same quantity (equal forms under every hypothesis).</summary>
    public bool SameQuantity(LinearForm[] other) =>
        other.Length == Forms.Length && other.Zip(Forms).All(p => p.First.Constant == p.Second.Constant
            && p.First.Terms.Count == p.Second.Terms.Count && p.First.Terms.All(t => p.Second[t.Key] == t.Value));
}
