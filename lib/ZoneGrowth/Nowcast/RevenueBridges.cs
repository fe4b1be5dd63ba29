using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// Bridges from the figures published since the target series' last value to the target series, for
/// each route (through added value or through GDP) and each revenue basis (staying on the original
/// basis, or moving with a census revision), with the parameters every bridge rests on:
/// <list type="bullet">
/// <item>the ratio's drift σ_r: how much ln(revenue ÷ GDP) moves per year, from the years both are
/// published on the original basis (variance of a k-year change kσ_r², ν = the number of changes);</item>
/// <item>the share's drift σ_s: the same for the core added value's share of GDP;</item>
/// <item>the year-to-date gap: how far a year-to-date real growth rate moved by the next figure of the
/// same year (a later year-to-date rate or the whole year's);</item>
/// <item>where a year has no GDP figure at all, a forecast of nominal GDP growth from the zone's own
/// levels since the series' last value.</item>
/// </list>
/// Each is estimated from a few points, so each carries its uncertainty (<see cref="ScaleParameter"/>).
/// GDP after the zone's last level on the original basis grows at the published real rates times the
/// zone's price growth p, which is not published and is integrated over (<see cref="ZonePricePrior"/>).
/// The zone's census revision is what the revised level leaves after real growth and prices: it is
/// not assumed equal to another zone's, and it divides every revised level put back on the original
/// basis (GDP, added value, bounds). Shares are taken to be on no basis (a census revises both parts).
/// Nothing is written back to the data files. A bridge that lacks a figure stops at the last year it
/// can reach.
/// </summary>
public sealed class RevenueBridges
{
    private static readonly ObservationStatus[] Published = [ObservationStatus.Reported, ObservationStatus.Estimate, ObservationStatus.Approximate];

    private readonly DataSet _data;
    private readonly string _zone;
    private readonly NowcastOptions _options;
    private readonly Dictionary<(int Year, string Basis), Observation> _gdp;
    private readonly string? _revisedBasis;
    private readonly int _censusYear;
    private readonly Dictionary<string, ScaleParameter> _scales = [];
    private readonly Dictionary<(RevenueBridge, RevenueBasis, int), BridgedValue?> _values = [];
    private readonly SeriesPoint? _addedValueAnchor;
    private readonly SeriesPoint? _gdpAnchor;
    private readonly HashSet<int> _priceYears = [];

    private RevenueBridges(DataSet data, IndicatorSeries series, int toYear, NowcastOptions options)
    {
        _data = data;
        _zone = series.Zone;
        _options = options;
        Series = series;
        ToYear = toYear;
        LastPublished = series.Points.LastOrDefault(p => !p.IsDerived)
            ?? throw new ArgumentException(NowcastMessages.NoPublishedValue(series), nameof(series));

        _gdp = _data.WholeYearObservations
            .Where(o => o.Zone == _zone && o.Indicator.Id == options.Gdp && o.Status == ObservationStatus.Reported)
            .GroupBy(o => (o.Year, o.Basis))
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Published, StringComparer.Ordinal).Last());
        var revised = _gdp.Keys.Select(k => k.Basis).Where(b => b.Length > 0).Distinct().ToArray();
        if (revised.Length > 1)
        {
            throw new ArgumentException(NowcastMessages.SeveralRevisedBases(_zone, revised));
        }

        _revisedBasis = revised.FirstOrDefault();
        _censusYear = _revisedBasis is null ? int.MaxValue : _data.Observations.Where(o => o.Basis == _revisedBasis).Min(o => o.Year);

        EstimateScales();
        _gdpAnchor = Series.Points.LastOrDefault(p => !p.IsDerived && _gdp.ContainsKey((p.Year, string.Empty)));
        var addedValue = PublishedSeries(_options.AddedValue);
        _addedValueAnchor = Series.Points.LastOrDefault(p => !p.IsDerived && addedValue.Any(o => o.Year == p.Year && o.Basis.Length == 0 && o.Status == ObservationStatus.Reported));
        Revision = BuildRevision();

        Bounds = BuildBounds();
    }

    /// <summary>The target series (with derived points, if it was given them).</summary>
    public IndicatorSeries Series { get; }

    /// <summary>The last published (not derived) point of the target series.</summary>
    public SeriesPoint LastPublished { get; }

    /// <summary>The last year bridged.</summary>
    public int ToYear { get; }

    /// <summary>The estimated scales the bridges of the target year rest on (ratio drift, share drift, year-to-date gap, GDP growth forecast), each with its evidence.</summary>
    public IReadOnlyList<ScaleParameter> Scales =>
        _scales.Values.Where(s => AllValues.Concat(Bounds.Select(b => b.Quantity)).Any(v => v.Terms.Any(t => t.Component.Scale == s))).ToArray();

    private IEnumerable<BridgedValue> AllValues => Enum.GetValues<RevenueBridge>().SelectMany(r => Bases.SelectMany(b => Values(r, b)));

    /// <summary>The zone's census revision, when its GDP has a level on a revised basis; null otherwise.</summary>
    public CensusRevision? Revision { get; }

    /// <summary>Published bounds on bridged quantities after the series' last value, as censored evidence.</summary>
    public IReadOnlyList<BoundEvidence> Bounds { get; }

    /// <summary>The bases revenue can be on: both when the zone's GDP was revised, otherwise the original only.</summary>
    public IReadOnlyList<RevenueBasis> Bases => Revision is null ? [RevenueBasis.Original] : [RevenueBasis.Original, RevenueBasis.Revised];

    /// <summary>The years after the last published value whose nominal GDP is bridged with the zone's price growth.</summary>
    public IReadOnlyList<int> PriceYears
    {
        get
        {
            _ = AllValues.Count();
            return _priceYears.Order().ToArray();
        }
    }

    /// <summary>The bridged values of a route and basis, one per year from the year after the last published value, as far as the route reaches.</summary>
    public IReadOnlyList<BridgedValue> Values(RevenueBridge route, RevenueBasis basis)
    {
        var values = new List<BridgedValue>();
        for (var year = LastPublished.Year + 1; year <= ToYear && Value(route, basis, year) is { } value; year++)
        {
            values.Add(value);
        }

        return values;
    }

    /// <summary>The bridged value of a year, or null when the route does not reach it.</summary>
    public BridgedValue? Value(RevenueBridge route, RevenueBasis basis, int year)
    {
        if (!_values.TryGetValue((route, basis, year), out var value))
        {
            value = Build(route, basis, year);
            _values[(route, basis, year)] = value;
        }

        return value;
    }

    /// <summary>The routes that reach the target year, the one through added value first.</summary>
    public IReadOnlyList<RevenueBridge> Reaching => Enum.GetValues<RevenueBridge>().Where(r => Value(r, RevenueBasis.Original, ToYear) is not null).ToArray();

    /// <summary>
    /// The zone's figures of the indicators the bridges use (added value, its share, GDP, real growth)
    /// published after the series' last value, by indicator in catalog order: "core added value 2022
    /// (estimate)", "GDP 2022, 2023, 2024, 2025 Q1-Q3". Targets and bounds are left out (bounds are in
    /// <see cref="Bounds"/>).
    /// </summary>
    public IReadOnlyList<string> EvidenceSince() =>
        _data.Catalog.Indicators
            .Where(i => i.Id == _options.AddedValue || i.Id == _options.AddedValueShare || i.Id == _options.Gdp || i.Id == _options.GdpRealGrowth)
            .Select(i => (Indicator: i, Rows: _data.Observations.Where(o => o.Zone == _zone && o.Indicator == i && o.Year > LastPublished.Year && Published.Contains(o.Status)).OrderBy(o => o.Year).ThenBy(o => o.Period.Months).ToArray()))
            .Where(x => x.Rows.Length > 0)
            .Select(x => NowcastMessages.Invariant($"{x.Indicator.Short} {string.Join(", ", x.Rows.Select(o => $"{o.Year}{(o.IsWholeYear ? string.Empty : " " + o.Period)}{(o.Status == ObservationStatus.Reported ? string.Empty : " (" + o.Status.ToText() + ")")}"))}"))
            .ToArray();

    /// <summary>The zone's reported GDP level of a year on the original basis, or null.</summary>
    public Observation? OriginalLevel(int year) => _gdp.GetValueOrDefault((year, string.Empty));

    /// <summary>Builds the bridges for the years after the series' last published value up to <paramref name="toYear"/>.</summary>
    /// <param name="data">The loaded data, with the related indicators of <paramref name="options"/>.</param>
    /// <param name="series">The target series, e.g. revenue with its implied previous years.</param>
    /// <param name="toYear">The last year to bridge, e.g. the target year.</param>
    /// <param name="options">Observation variances and indicator ids; the workbook's defaults when null.</param>
    public static RevenueBridges Build(DataSet data, IndicatorSeries series, int toYear, NowcastOptions? options = null) =>
        new(data, series, toYear, options ?? NowcastOptions.Default);

    internal const string RatioDrift = "ratio drift";
    internal const string ShareDrift = "share drift";
    internal const string YearToDateGap = "year-to-date gap";
    internal const string GdpForecast = "GDP growth forecast";

    private static double Sq(double x) => x * x;

    private double SdOf(ObservationStatus status) => status switch
    {
        ObservationStatus.Estimate => _options.EstimateSd,
        ObservationStatus.Approximate => _options.ApproximateSd,
        _ => _options.ReportedSd,
    };

    private IReadOnlyList<Observation> PublishedSeries(string indicator) =>
        _data.WholeYearObservations.Where(o => o.Zone == _zone && o.Indicator.Id == indicator && Published.Contains(o.Status)).ToArray();

    private void EstimateScales()
    {
        // Ratio drift: ln(revenue ÷ GDP) in the years both are known on the original basis.
        var ratios = Series.Points
            .Where(p => _gdp.ContainsKey((p.Year, string.Empty)))
            .Select(p => (p.Year, Log: Math.Log(p.Value / _gdp[(p.Year, string.Empty)].Value)))
            .ToArray();
        if (ratios.Length >= 2)
        {
            var steps = ratios.Zip(ratios.Skip(1), (a, b) => Sq(b.Log - a.Log) / (b.Year - a.Year)).ToArray();
            _scales[RatioDrift] = new ScaleParameter(
                "drift of revenue ÷ GDP per year", Math.Sqrt(steps.Average()), steps.Length,
                NowcastMessages.Invariant($"ln(revenue ÷ GDP) in {string.Join(", ", ratios.Select(r => $"{r.Year}: {Math.Exp(r.Log):0.###}"))}; σ² = mean of (change² ÷ years apart) over {steps.Length} changes"));
        }

        var share = PublishedSeries(_options.AddedValueShare).GroupBy(o => o.Year).Select(g => g.OrderBy(o => Array.IndexOf(Published, o.Status)).First()).OrderBy(o => o.Year).ToArray();
        if (share.Length >= 2)
        {
            var steps = share.Zip(share.Skip(1), (a, b) => Sq(Math.Log(b.Value / a.Value)) / (b.Year - a.Year)).ToArray();
            _scales[ShareDrift] = new ScaleParameter(
                "drift of the added value's share of GDP per year", Math.Sqrt(steps.Average()), steps.Length,
                NowcastMessages.Invariant($"share of GDP {string.Join(", ", share.Select(o => $"{o.Year}: {o.Value:0.#} % ({o.Status.ToText()})"))}; σ² = mean of (change² ÷ years apart)"));
        }
        else if (_scales.TryGetValue(RatioDrift, out var ratio))
        {
            _scales[ShareDrift] = ratio with { Name = "drift of the added value's share of GDP per year", Evidence = "fewer than two shares published: the ratio's drift is used" };
        }

        // Year-to-date gap: consecutive real growth rates of one year, each against the next (a later year-to-date rate or the whole year's).
        var gaps = YearToDateGrowth().GroupBy(g => g.Year)
            .SelectMany(year =>
            {
                var rates = year.OrderBy(g => g.Period.Months).ToList();
                if (WholeYearGrowth(year.Key) is { } whole)
                {
                    rates.Add((year.Key, Period.Year, whole));
                }

                return rates.Zip(rates.Skip(1), (a, b) => (a, b));
            })
            .ToArray();
        if (gaps.Length > 0)
        {
            _scales[YearToDateGap] = new ScaleParameter(
                "gap between a year-to-date real growth rate and the year's", Math.Sqrt(gaps.Average(g => Sq(Math.Log((1 + (g.b.Percent / 100)) / (1 + (g.a.Percent / 100)))))), gaps.Length,
                NowcastMessages.Invariant($"{string.Join(", ", gaps.Select(g => $"{g.a.Year} {g.a.Period} {g.a.Percent:0.0} % → {g.b.Period} {g.b.Percent:0.0} %"))}; root mean square of the changes"));
        }

        // GDP growth forecast: nominal changes of consecutive levels on one basis since the series' last value.
        var changes = _gdp.Values.Where(o => o.Year >= LastPublished.Year)
            .Select(o => (o, next: _gdp.GetValueOrDefault((o.Year + 1, o.Basis))))
            .Where(x => x.next is not null)
            .Select(x => Math.Log(x.next!.Value / x.o.Value))
            .ToArray();
        if (changes.Length >= 2)
        {
            var mean = changes.Average();
            var sd = Math.Sqrt(changes.Sum(c => Sq(c - mean)) / (changes.Length - 1) * (1 + (1.0 / changes.Length)));
            _scales[GdpForecast] = new ScaleParameter(
                "nominal GDP growth where none is published", sd, changes.Length - 1,
                NowcastMessages.Invariant($"mean {Math.Exp(mean) - 1:+0.0%;-0.0%} a year over {changes.Length} changes of the zone's GDP since {LastPublished.Year}; sd × √(1 + 1/n) for a new year"));
            GdpForecastMean = mean;
        }
    }

    private double GdpForecastMean { get; set; }

    /// <summary>Real GDP growth published for a whole year: with the level, or on its own.</summary>
    private double? WholeYearGrowth(int year) =>
        _gdp.Where(g => g.Key.Year == year && g.Value.GrowthPercent is not null).Select(g => g.Value.GrowthPercent).FirstOrDefault()
        ?? _data.WholeYearObservations.FirstOrDefault(o => o.Zone == _zone && o.Indicator.Id == _options.GdpRealGrowth && o.Year == year && o.Status == ObservationStatus.Reported)?.Value;

    /// <summary>Year-to-date real GDP growth rates: with a partial level, or on their own.</summary>
    private IEnumerable<(int Year, Period Period, double Percent)> YearToDateGrowth() =>
        _data.Observations
            .Where(o => o.Zone == _zone && !o.IsWholeYear && o.Status == ObservationStatus.Reported
                && ((o.Indicator.Id == _options.Gdp && o.GrowthPercent is not null) || o.Indicator.Id == _options.GdpRealGrowth))
            .Select(o => (o.Year, o.Period, o.Indicator.Id == _options.Gdp ? o.GrowthPercent!.Value : o.Value))
            .Distinct();

    private BridgeFactor Level(Observation o, string what) =>
        BridgeFactor.Published(NowcastMessages.Invariant($"{what} {o.Year}{(o.Basis.Length > 0 ? ", " + BasisText(o.Basis) : string.Empty)}{(o.Status == ObservationStatus.Reported ? string.Empty : ", " + o.Status.ToText())}"), o.Value, o.Location.ToString(), SdOf(o.Status));

    private static string BasisText(string basis) => Regression.BasisText.Phrase(basis);

    /// <summary>Nominal GDP growth of a year as factors: real growth × the zone's prices, or the forecast; null when nothing says it.</summary>
    private List<BridgeFactor>? Growth(int year)
    {
        if (WholeYearGrowth(year) is { } whole)
        {
            _priceYears.Add(year);
            return [BridgeFactor.Published(NowcastMessages.Invariant($"real GDP growth {year}"), 1 + (whole / 100), "published", _options.ReportedSd, priceYears: 1)];
        }

        var partial = YearToDateGrowth().Where(p => p.Year == year).OrderByDescending(p => p.Period.Months).FirstOrDefault();
        if (partial.Year == year && _scales.TryGetValue(YearToDateGap, out var gap))
        {
            _priceYears.Add(year);
            return [new BridgeFactor(
                NowcastMessages.Invariant($"real GDP growth {year}, {partial.Period} for the year"), 1 + (partial.Percent / 100), gap.Evidence, 1,
                [new ErrorTerm(new ErrorComponent(NowcastMessages.Invariant($"real GDP growth {year} {partial.Period}, as published"), _options.ReportedSd), 1),
                 new ErrorTerm(new ErrorComponent(NowcastMessages.Invariant($"growth of {year} after {partial.Period}"), gap.Sd, gap), 1)])];
        }

        if (_scales.TryGetValue(GdpForecast, out var forecast))
        {
            return [new BridgeFactor(NowcastMessages.Invariant($"nominal GDP growth {year}, forecast"), Math.Exp(GdpForecastMean), forecast.Evidence, 0,
                [new ErrorTerm(new ErrorComponent(NowcastMessages.Invariant($"GDP growth {year}, forecast"), forecast.Sd, forecast), 1)])];
        }

        return null;
    }

    /// <summary>GDP of a year on the original basis as factors, chained from the last original-basis level; null when it cannot be reached.</summary>
    private List<BridgeFactor>? OriginalGdp(int year)
    {
        if (_gdp.TryGetValue((year, string.Empty), out var level))
        {
            return [Level(level, "GDP")];
        }

        if (Revision is { IsOwn: false } fallback && _revisedBasis is not null && _gdp.TryGetValue((year, _revisedBasis), out var revised))
        {
            return [Level(revised, "GDP"), fallback.Factor.Inverse("÷ " + fallback.Factor.Name)];
        }

        if (!_gdp.Keys.Any(k => k.Year < year && k.Basis.Length == 0) || OriginalGdp(year - 1) is not { } previous || Growth(year) is not { } growth)
        {
            return null;
        }

        return [.. previous, .. growth];
    }

    /// <summary>GDP of a year on the given basis as factors; null when it cannot be reached.</summary>
    private List<BridgeFactor>? Gdp(int year, RevenueBasis basis)
    {
        if (basis == RevenueBasis.Original || Revision is null || year < _censusYear)
        {
            return OriginalGdp(year);
        }

        if (_gdp.TryGetValue((year, _revisedBasis!), out var level))
        {
            return [Level(level, "GDP")];
        }

        if (year < Revision.Year)
        {
            return OriginalGdp(year) is { } original ? [.. original, Revision.Factor] : null;
        }

        return Gdp(year - 1, basis) is { } previous && Growth(year) is { } growth ? [.. previous, .. growth] : null;
    }

    private CensusRevision? BuildRevision()
    {
        if (_revisedBasis is null)
        {
            return null;
        }

        var year = _gdp.Keys.Where(k => k.Basis == _revisedBasis).Min(k => k.Year);
        var revised = _gdp[(year, _revisedBasis)];
        if (_gdp.Keys.Any(k => k.Year < year && k.Basis.Length == 0) && OriginalGdp(year) is { } chain)
        {
            // The zone's own revision: the revised level over the original-basis level chained to the same year.
            var original = new BridgedValue(year, RevenueBridge.ViaGdp, RevenueBasis.Original, chain);
            var factor = new BridgeFactor(
                NowcastMessages.Invariant($"the zone's revision after {Regression.BasisText.Census(_revisedBasis)}"), revised.Value / original.Median(0),
                NowcastMessages.Invariant($"{revised.Value:0.#} ({year}, {BasisText(_revisedBasis)}) ÷ {original.Median(0):0.#} (the original basis chained to {year}) ÷ the zone's price growth"),
                -original.PriceYears,
                [new ErrorTerm(new ErrorComponent(Level(revised, "GDP").Name, _options.ReportedSd), 1), .. original.Terms.Select(t => t with { Loading = -t.Loading })]);
            return new CensusRevision(_revisedBasis, _censusYear, year, true, factor);
        }

        // No original-basis chain to the revised year: another zone's revision of the same census stands in, its size its own uncertainty.
        var other = _data.WholeYearObservations
            .Where(o => o.Zone != _zone && o.Indicator.Id == _options.Gdp && o.Status == ObservationStatus.Reported && o.Basis == _revisedBasis)
            .Select(r => (Revised: r, First: _data.WholeYearObservations.FirstOrDefault(o => o.Zone == r.Zone && o.Indicator.Id == r.Indicator.Id && o.Year == r.Year && o.Status == r.Status && o.Basis.Length == 0)))
            .FirstOrDefault(x => x.First is not null);
        if (other.Revised is null)
        {
            return null;
        }

        var ratio = other.Revised.Value / other.First!.Value;
        return new CensusRevision(_revisedBasis, _censusYear, year, false, BridgeFactor.Published(
            NowcastMessages.Invariant($"{other.Revised.Zone}'s revision after {Regression.BasisText.Census(_revisedBasis)}"), ratio,
            NowcastMessages.Invariant($"{other.Revised.Zone} {other.Revised.Year}: {other.Revised.Value:0.#} revised ÷ {other.First.Value:0.#} first published; sd = the whole revision, since the zone's own cannot be computed"),
            Math.Abs(Math.Log(ratio))));
    }

    /// <summary>The core added value of a year on the given basis as factors: published, or its share of GDP × GDP; null when it cannot be reached.</summary>
    private List<BridgeFactor>? AddedValue(int year, RevenueBasis basis)
    {
        var published = PublishedSeries(_options.AddedValue).Where(o => o.Year == year).OrderBy(o => Array.IndexOf(Published, o.Status)).FirstOrDefault();
        if (published is not null)
        {
            var onRevised = published.Basis.Length > 0;
            var wanted = basis == RevenueBasis.Revised && year >= _censusYear;
            if (onRevised == wanted || year < _censusYear)
            {
                return [Level(published, "core added value")];
            }

            if (Revision is null)
            {
                return null;
            }

            return onRevised
                ? [Level(published, "core added value"), Revision.Factor.Inverse("÷ " + Revision.Factor.Name)]
                : [Level(published, "core added value"), Revision.Factor];
        }

        return ShareRouteAddedValue(year, basis);
    }

    /// <summary>The yearly drift of a ratio carried from <paramref name="from"/> to <paramref name="to"/>: one component per year, shared by every bridged year that carries it that far.</summary>
    private static IEnumerable<ErrorTerm> Steps(string what, int from, int to, ScaleParameter scale) =>
        Enumerable.Range(from + 1, Math.Max(0, to - from)).Select(y => new ErrorTerm(new ErrorComponent(NowcastMessages.Invariant($"drift of {what} in {y}"), scale.Sd, scale), 1));

    private BridgedValue? Build(RevenueBridge route, RevenueBasis basis, int year)
    {
        if (!Bases.Contains(basis) || !_scales.TryGetValue(RatioDrift, out var drift))
        {
            return null;
        }

        if (route == RevenueBridge.ViaAddedValue)
        {
            if (_addedValueAnchor is null || AddedValue(year, basis) is not { } av)
            {
                return null;
            }

            var anchorValue = PublishedSeries(_options.AddedValue).First(o => o.Year == _addedValueAnchor.Year && o.Basis.Length == 0 && o.Status == ObservationStatus.Reported);
            return new BridgedValue(year, route, basis, [Ratio("revenue ÷ added value", _addedValueAnchor, anchorValue, drift, year), .. av]);
        }

        if (_gdpAnchor is null || Gdp(year, basis) is not { } gdp)
        {
            return null;
        }

        return new BridgedValue(year, route, basis, [Ratio("revenue ÷ GDP", _gdpAnchor, _gdp[(_gdpAnchor.Year, string.Empty)], drift, year), .. gdp]);
    }

    private BridgeFactor Ratio(string what, SeriesPoint revenue, Observation denominator, ScaleParameter drift, int year) =>
        new(NowcastMessages.Invariant($"{what}, {revenue.Year}"), revenue.Value / denominator.Value,
            NowcastMessages.Invariant($"{revenue.Value:0.#} ÷ {denominator.Value:0.#}, then a drift of σ_r a year"), 0,
            [new(new ErrorComponent(NowcastMessages.Invariant($"revenue {revenue.Year}, as published"), SdOf(revenue.Status)), 1),
             new(new ErrorComponent(NowcastMessages.Invariant($"{denominator.Indicator.Id} {denominator.Year}, as published"), SdOf(denominator.Status)), -1),
             .. Steps(what, revenue.Year, year, drift)]);

    private IReadOnlyList<BoundEvidence> BuildBounds()
    {
        var bounds = new List<BoundEvidence>();
        var rows = _data.WholeYearObservations.Where(o => o.Zone == _zone && o.Indicator.Id == _options.AddedValue && o.Year > LastPublished.Year && o.Year <= ToYear
            && o.Status is ObservationStatus.LowerBound or ObservationStatus.UpperBound);
        foreach (var row in rows)
        {
            // The bound is on the basis its row says; the quantity is the same for both revenue bases.
            var onBasis = row.Basis.Length > 0 && row.Year >= _censusYear ? RevenueBasis.Revised : RevenueBasis.Original;
            if (ShareRouteAddedValue(row.Year, onBasis) is { } factors)
            {
                bounds.Add(new BoundEvidence(row, row.Status == ObservationStatus.LowerBound, new BridgedValue(row.Year, RevenueBridge.ViaAddedValue, onBasis, factors)));
            }
        }

        return bounds;
    }

    /// <summary>The added value of a year from its share of GDP (never from a published level, which a bound on it would only repeat).</summary>
    private List<BridgeFactor>? ShareRouteAddedValue(int year, RevenueBasis basis)
    {
        var share = PublishedSeries(_options.AddedValueShare).Where(o => o.Year <= year).OrderBy(o => o.Year).ThenBy(o => Array.IndexOf(Published, o.Status)).LastOrDefault();
        if (share is null || !_scales.TryGetValue(ShareDrift, out var drift) || (basis == RevenueBasis.Revised && Revision is null) || Gdp(year, basis) is not { } gdp)
        {
            return null;
        }

        ErrorTerm[] terms = [new(new ErrorComponent(NowcastMessages.Invariant($"share of GDP {share.Year}, as published"), SdOf(share.Status)), 1), .. Steps("share of GDP", share.Year, year, drift)];
        return [new BridgeFactor(NowcastMessages.Invariant($"added value share of GDP, {share.Year}{(share.Status == ObservationStatus.Reported ? string.Empty : ", " + share.Status.ToText())}"), share.Value / 100, share.Location.ToString(), 0, terms), .. gdp];
    }
}
