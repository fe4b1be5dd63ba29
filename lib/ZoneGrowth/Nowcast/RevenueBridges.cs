using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// Bridges from the figures published since the target series' last value to the target series,
/// with the parameters every bridge rests on, each estimated from the years where both sides are
/// published:
/// <list type="bullet">
/// <item>ratio drift σ_r: how much ln(revenue ÷ GDP) moves per year, from the years both are known
/// (variance of a k-year change = kσ_r²); a ratio carried h years past its last known year has sd σ_r√h;</item>
/// <item>share drift σ_s: the same for the core added value's share of GDP;</item>
/// <item>the GDP deflator: the mean and sd of ln(nominal growth ÷ real growth) over the years with
/// both levels and a real rate, to turn published real growth into nominal where no level is published;</item>
/// <item>the census revision: another zone's level on the revised basis ÷ its first release for the
/// same year (the province's), to put a revised level back on the original basis, with sd |ln factor|
/// (the zone's own revision is not published);</item>
/// <item>the partial-year gap: how far a year-to-date real growth rate was from the whole year's,
/// from the years where both are published.</item>
/// </list>
/// Nothing is written back to the data files. A bridge that lacks a figure stops at the last year
/// it can reach.
/// </summary>
public sealed class RevenueBridges
{
    private readonly DataSet _data;
    private readonly string _zone;
    private readonly NowcastOptions _options;
    private readonly IReadOnlyList<SeriesPoint>? _gdp;

    private RevenueBridges(DataSet data, IndicatorSeries series, int toYear, NowcastOptions options)
    {
        _data = data;
        _zone = series.Zone;
        _options = options;
        Series = series;
        ToYear = toYear;
        LastPublished = series.Points.Last(p => !p.IsDerived);
        _gdp = TrySeries(options.Gdp, [ObservationStatus.Reported]);
        Parameters = EstimateParameters();
        var values = Enum.GetValues<RevenueBridge>().ToDictionary(b => b, Bridge);

        // A variant that changes nothing here (no revised GDP level, no price rise assumed) is not a
        // second opinion: it would only repeat its base bridge.
        foreach (var (variant, baseBridge) in new[] { (RevenueBridge.ViaGdpRevisedBasisAsPublished, RevenueBridge.ViaGdp), (RevenueBridge.ViaAddedValueRealGrowthOnly, RevenueBridge.ViaAddedValue) })
        {
            if (values[variant].Select(v => (v.Year, v.Value)).SequenceEqual(values[baseBridge].Select(v => (v.Year, v.Value))))
            {
                values[variant] = [];
            }
        }

        Values = values;
    }

    /// <summary>The target series (with derived points, if it was given them).</summary>
    public IndicatorSeries Series { get; }

    /// <summary>The last published (not derived) point of the target series.</summary>
    public SeriesPoint LastPublished { get; }

    /// <summary>The last year bridged.</summary>
    public int ToYear { get; }

    /// <summary>The estimated parameters the bridges rest on, by name.</summary>
    public IReadOnlyDictionary<string, BridgeFactor> Parameters { get; }

    /// <summary>
    /// The bridged values of each bridge, one per year it reaches, from the year after the last
    /// published value; empty for a variant that would repeat its base bridge.
    /// </summary>
    public IReadOnlyDictionary<RevenueBridge, IReadOnlyList<BridgedValue>> Values { get; }

    /// <summary>The bridges that reach at least one year.</summary>
    public IReadOnlyList<RevenueBridge> Available => Values.Where(v => v.Value.Count > 0).Select(v => v.Key).ToArray();

    /// <summary>
    /// The headline bridge: via added value when it reaches the last year any bridge reaches (it
    /// uses the digital economy's own figures), otherwise via GDP; null when no bridge reaches a year.
    /// </summary>
    public RevenueBridge? Headline
    {
        get
        {
            var reach = Available.Select(b => Values[b][^1].Year).DefaultIfEmpty(0).Max();
            return Available.Where(b => Values[b][^1].Year == reach).Cast<RevenueBridge?>().FirstOrDefault();
        }
    }

    /// <summary>Builds every bridge for the years after the series' last published value up to <paramref name="toYear"/>.</summary>
    /// <param name="data">The loaded data, with the related indicators of <paramref name="options"/>.</param>
    /// <param name="series">The target series, e.g. revenue with its implied previous years.</param>
    /// <param name="toYear">The last year to bridge, e.g. the target year.</param>
    /// <param name="options">Observation variances and indicator ids; the workbook's defaults when null.</param>
    public static RevenueBridges Build(DataSet data, IndicatorSeries series, int toYear, NowcastOptions? options = null) =>
        new(data, series, toYear, options ?? NowcastOptions.Default);

    /// <summary>The observations of the state-space model: the series' own points, then the bridge's values.</summary>
    public IReadOnlyList<StateSpaceObservation> Observations(RevenueBridge bridge) =>
        Series.Points
            .Select(p => StateSpaceObservation.Of(Series, p, _options))
            .Concat(Values[bridge].Select(v => v.ToObservation()))
            .ToArray();

    private static double Sq(double x) => x * x;

    /// <summary>The observation standard deviation of a related figure (reported, estimate or approximate: <see cref="ShareStatuses"/>).</summary>
    private double SdOf(ObservationStatus status) => _options.StandardDeviation(StateSpaceObservation.KindOf(status)!.Value);

    /// <summary>One point per year of an indicator of the zone, the most final of the statuses given (in their order); null when it has none.</summary>
    private IReadOnlyList<SeriesPoint>? TrySeries(string indicator, IReadOnlyList<ObservationStatus> statuses, Period period = default)
    {
        var present = statuses
            .Where(s => _data.Observations.Any(o => o.Zone == _zone && o.Indicator.Id == indicator && o.Period == period && o.Status == s))
            .ToArray();
        if (present.Length == 0)
        {
            return null;
        }

        return present
            .SelectMany(s => _data.Series(indicator, _zone, [s], period).Points)
            .GroupBy(p => p.Year)
            .Select(g => g.OrderBy(p => Array.IndexOf(present, p.Status)).First())
            .OrderBy(p => p.Year)
            .ToArray();
    }

    private static SeriesPoint? At(IReadOnlyList<SeriesPoint>? points, int year) => points?.FirstOrDefault(p => p.Year == year);

    private string FirstBasis => _gdp?[0].Observation.Basis ?? string.Empty;

    private Dictionary<string, BridgeFactor> EstimateParameters()
    {
        var parameters = new Dictionary<string, BridgeFactor>();
        if (_gdp is null)
        {
            return parameters;
        }

        // Ratio drift: ln(revenue ÷ GDP) in the years both are known on the original basis.
        var ratios = Series.Points
            .Where(p => At(_gdp, p.Year) is { } g && g.Observation.Basis == FirstBasis)
            .Select(p => (p.Year, Log: Math.Log(p.Value / At(_gdp, p.Year)!.Value)))
            .ToArray();
        if (ratios.Length >= 2)
        {
            var steps = ratios.Zip(ratios.Skip(1), (a, b) => Sq(b.Log - a.Log) / (b.Year - a.Year)).ToArray();
            parameters[RatioDrift] = new BridgeFactor(
                "ratio drift per year", 1, Math.Sqrt(steps.Average()),
                NowcastMessages.Invariant($"ln(revenue ÷ GDP) in {string.Join(", ", ratios.Select(r => $"{r.Year}: {Math.Exp(r.Log):0.###}"))}; σ_r² = mean of (change² ÷ years apart)"));
        }

        // Share drift: the core added value's share of GDP.
        if (TrySeries(_options.AddedValueShare, ShareStatuses) is { Count: >= 2 } share)
        {
            var steps = share.Zip(share.Skip(1), (a, b) => Sq(Math.Log(b.Value / a.Value)) / (b.Year - a.Year)).ToArray();
            parameters[ShareDrift] = new BridgeFactor(
                "share drift per year", 1, Math.Sqrt(steps.Average()),
                NowcastMessages.Invariant($"share of GDP {string.Join(", ", share.Select(p => $"{p.Year}: {p.Value:0.#} % ({p.Status.ToText()})"))}"));
        }
        else if (parameters.TryGetValue(RatioDrift, out var ratio))
        {
            parameters[ShareDrift] = ratio with { Name = "share drift per year", Evidence = "fewer than two shares published: the ratio drift is used" };
        }

        // Deflator: consecutive reported levels on one basis with a real growth rate for the later year.
        var deflators = _gdp
            .Zip(_gdp.Skip(1))
            .Where(pair => pair.Second.Year == pair.First.Year + 1 && pair.Second.Observation.Basis == pair.First.Observation.Basis && pair.Second.Observation.GrowthPercent is not null)
            .Select(pair => (pair.Second.Year, Log: Math.Log(pair.Second.Value / pair.First.Value / (1 + (pair.Second.Observation.GrowthPercent!.Value / 100)))))
            .ToArray();
        if (deflators.Length >= 2)
        {
            var mean = deflators.Average(d => d.Log);
            var sd = Math.Sqrt(deflators.Sum(d => Sq(d.Log - mean)) / (deflators.Length - 1));
            parameters[Deflator] = new BridgeFactor(
                "GDP deflator, 1 + inflation", Math.Exp(mean), sd,
                NowcastMessages.Invariant($"nominal ÷ real growth of GDP in {string.Join(", ", deflators.Select(d => $"{d.Year}: {Math.Exp(d.Log) - 1:+0.0%;-0.0%}"))}"));
        }

        // Census revision: another zone's first release and revised level for one year.
        var revisions = _data.WholeYearObservations
            .Where(o => o.Zone != _zone && o.Indicator.Id == _options.Gdp && o.Status == ObservationStatus.Reported)
            .GroupBy(o => (o.Zone, o.Year))
            .Select(g => (Key: g.Key, First: g.FirstOrDefault(o => o.Basis == FirstBasis), Revised: g.FirstOrDefault(o => o.Basis != FirstBasis)))
            .Where(x => x.First is not null && x.Revised is not null)
            .ToArray();
        foreach (var basis in _gdp.Select(p => p.Observation.Basis).Where(b => b != FirstBasis).Distinct())
        {
            if (revisions.FirstOrDefault(r => r.Revised!.Basis == basis) is { First: not null } r)
            {
                var factor = r.Revised!.Value / r.First!.Value;
                parameters[Census + basis] = new BridgeFactor(
                    NowcastMessages.Invariant($"revision to basis {basis}"), factor, Math.Abs(Math.Log(factor)),
                    NowcastMessages.Invariant($"{r.Key.Zone} {r.Key.Year}: {r.Revised.Value:0.#} on basis {basis} ÷ {r.First.Value:0.#} first published ({factor - 1:+0.0%}); sd = the whole revision, since the zone's own is not published"));
            }
        }

        // Partial-year gap: year-to-date real growth against the whole year's, where both are published.
        var gaps = PartialGrowth().Select(p => (p.Year, p.Period, p.Percent, Whole: WholeYearGrowth(p.Year)))
            .Where(x => x.Whole is not null)
            .ToArray();
        if (gaps.Length > 0)
        {
            parameters[PartialYear] = new BridgeFactor(
                "year-to-date vs whole-year growth", 1, Math.Sqrt(gaps.Average(g => Sq(Math.Log((1 + (g.Percent / 100)) / (1 + (g.Whole!.Value / 100)))))),
                NowcastMessages.Invariant($"{string.Join(", ", gaps.Select(g => $"{g.Year} {g.Period}: {g.Percent:0.0} % vs {g.Whole:0.0} % for the year"))}; root mean square of the gaps"));
        }

        return parameters;
    }

    private static readonly ObservationStatus[] ShareStatuses = [ObservationStatus.Reported, ObservationStatus.Estimate, ObservationStatus.Approximate];

    internal const string RatioDrift = "ratio drift";
    internal const string ShareDrift = "share drift";
    internal const string Deflator = "deflator";
    internal const string Census = "census:";
    internal const string PartialYear = "partial year";

    /// <summary>Real GDP growth published for a whole year: with the level, or on its own.</summary>
    private double? WholeYearGrowth(int year) =>
        At(_gdp, year)?.Observation.GrowthPercent
        ?? _data.WholeYearObservations.FirstOrDefault(o => o.Zone == _zone && o.Indicator.Id == _options.GdpRealGrowth && o.Year == year && o.Status == ObservationStatus.Reported)?.Value;

    /// <summary>Year-to-date real GDP growth rates: with a partial level, or on their own.</summary>
    private IEnumerable<(int Year, Period Period, double Percent)> PartialGrowth() =>
        _data.Observations
            .Where(o => o.Zone == _zone && !o.IsWholeYear && o.Status == ObservationStatus.Reported
                && ((o.Indicator.Id == _options.Gdp && o.GrowthPercent is not null) || o.Indicator.Id == _options.GdpRealGrowth))
            .Select(o => (o.Year, o.Period, o.Indicator.Id == _options.Gdp ? o.GrowthPercent!.Value : o.Value));

    /// <summary>GDP in a year on the original basis, as factors; null when it cannot be reached.</summary>
    private List<BridgeFactor>? GdpOnFirstBasis(int year, GdpBasis mode)
    {
        if (_gdp is null)
        {
            return null;
        }

        if (At(_gdp, year) is { } point && (mode != GdpBasis.RealGrowthOnly || point.Observation.Basis == FirstBasis))
        {
            var level = new BridgeFactor(NowcastMessages.Invariant($"GDP {year}{(point.Observation.Basis.Length > 0 ? $", basis {point.Observation.Basis}" : string.Empty)}"), point.Value, _options.ReportedSd, point.Observation.Location.ToString());
            if (point.Observation.Basis == FirstBasis || mode == GdpBasis.RevisedAsPublished)
            {
                return [level];
            }

            return Parameters.TryGetValue(Census + point.Observation.Basis, out var census)
                ? [level, census with { Name = "÷ " + census.Name, Value = 1 / census.Value }]
                : null;
        }

        if (year <= _gdp[0].Year || GdpOnFirstBasis(year - 1, mode) is not { } previous || !Parameters.TryGetValue(Deflator, out var deflator))
        {
            return null;
        }

        deflator = mode == GdpBasis.RealGrowthOnly
            ? deflator with { Name = "no price rise (assumed)", Value = 1, LogSd = 0, Evidence = "assumption of this bridge", Components = [] }
            : deflator with { Components = [new BridgeComponent(NowcastMessages.Invariant($"GDP deflator {year}"), deflator.LogSd * deflator.LogSd)] };

        if (WholeYearGrowth(year) is { } whole)
        {
            return [.. previous, new BridgeFactor(NowcastMessages.Invariant($"real GDP growth {year}"), 1 + (whole / 100), _options.ReportedSd, "published"), deflator];
        }

        var partial = PartialGrowth().Where(p => p.Year == year).OrderByDescending(p => p.Period.Months).FirstOrDefault();
        if (partial.Year == year && Parameters.TryGetValue(PartialYear, out var gap))
        {
            return [.. previous, new BridgeFactor(NowcastMessages.Invariant($"real GDP growth {year} {partial.Period}, for the whole year"), 1 + (partial.Percent / 100), gap.LogSd, gap.Evidence), deflator];
        }

        return null;
    }

    private IReadOnlyList<BridgedValue> Bridge(RevenueBridge bridge)
    {
        var values = new List<BridgedValue>();
        for (var year = LastPublished.Year + 1; year <= ToYear; year++)
        {
            var factors = bridge switch
            {
                RevenueBridge.ViaAddedValue => ViaAddedValue(year, GdpBasis.CensusAdjusted),
                RevenueBridge.ViaAddedValueRealGrowthOnly => ViaAddedValue(year, GdpBasis.RealGrowthOnly),
                RevenueBridge.ViaGdp => ViaGdp(year, GdpBasis.CensusAdjusted),
                _ => ViaGdp(year, GdpBasis.RevisedAsPublished),
            };
            if (factors is null)
            {
                break;
            }

            values.Add(new BridgedValue(year, bridge, factors));
        }

        return values;
    }

    private List<BridgeFactor>? ViaGdp(int year, GdpBasis mode)
    {
        var anchor = Series.Points.LastOrDefault(p => !p.IsDerived && At(_gdp, p.Year) is { } g && g.Observation.Basis == FirstBasis);
        if (anchor is null || !Parameters.TryGetValue(RatioDrift, out var drift) || GdpOnFirstBasis(year, mode) is not { } gdp)
        {
            return null;
        }

        var ratio = anchor.Value / At(_gdp, anchor.Year)!.Value;
        return [BridgeFactor.Of(NowcastMessages.Invariant($"revenue ÷ GDP, {anchor.Year}"), ratio, NowcastMessages.Invariant($"{anchor.Value:0.#} ÷ {At(_gdp, anchor.Year)!.Value:0.#}; sd σ_r√{year - anchor.Year}"), Steps("revenue ÷ GDP", anchor.Year, year, drift.LogSd)), .. gdp];
    }

    private List<BridgeFactor>? ViaAddedValue(int year, GdpBasis mode)
    {
        var addedValue = TrySeries(_options.AddedValue, ShareStatuses);
        var anchor = addedValue is null ? null : Series.Points.LastOrDefault(p => !p.IsDerived && At(addedValue, p.Year)?.Status == ObservationStatus.Reported);
        if (anchor is null || !Parameters.TryGetValue(RatioDrift, out var drift))
        {
            return null;
        }

        var av = At(addedValue, anchor.Year)!.Value;
        var ratio = BridgeFactor.Of(NowcastMessages.Invariant($"revenue ÷ added value, {anchor.Year}"), anchor.Value / av, NowcastMessages.Invariant($"{anchor.Value:0.#} ÷ {av:0.#}; sd σ_r√{year - anchor.Year} (the drift of revenue ÷ GDP)"), Steps("revenue ÷ added value", anchor.Year, year, drift.LogSd));
        if (At(addedValue, year) is { } published)
        {
            return [ratio, new BridgeFactor(NowcastMessages.Invariant($"core added value {year}, {published.Status.ToText()}"), published.Value, SdOf(published.Status), published.Observation.Location.ToString())];
        }

        var share = TrySeries(_options.AddedValueShare, ShareStatuses)?.LastOrDefault(p => p.Year <= year);
        if (share is null || !Parameters.TryGetValue(ShareDrift, out var shareDrift) || GdpOnFirstBasis(year, mode) is not { } gdp)
        {
            return null;
        }

        List<BridgeComponent> components = [new(NowcastMessages.Invariant($"share of GDP {share.Year}, as published"), Sq(SdOf(share.Status))), .. Steps("share of GDP", share.Year, year, shareDrift.LogSd)];
        return [ratio, BridgeFactor.Of(NowcastMessages.Invariant($"added value share of GDP, {share.Year} ({share.Status.ToText()})"), share.Value / 100, share.Observation.Location.ToString(), components), .. gdp];
    }

    /// <summary>
    /// The covariance of the errors of <see cref="Observations(RevenueBridge)"/>: the series' own
    /// points independent, each with its kind's variance; the bridged values correlated as
    /// <see cref="Covariance(RevenueBridge)"/> says.
    /// </summary>
    public double[,] ObservationCovariance(RevenueBridge bridge)
    {
        var observations = Observations(bridge);
        var bridged = Covariance(bridge);
        var own = observations.Count - Values[bridge].Count;
        var result = new double[observations.Count, observations.Count];
        for (var i = 0; i < observations.Count; i++)
        {
            result[i, i] = observations[i].Variance;
        }

        for (var i = 0; i < Values[bridge].Count; i++)
        {
            for (var j = 0; j < Values[bridge].Count; j++)
            {
                result[own + i, own + j] = bridged[i, j];
            }
        }

        return result;
    }

    /// <summary>The yearly drift of a ratio or share carried from <paramref name="from"/> to <paramref name="to"/>: one independent step per year, shared by every bridged year that carries it that far.</summary>
    private static BridgeComponent[] Steps(string what, int from, int to, double sdPerYear) =>
        Enumerable.Range(from + 1, to - from).Select(y => new BridgeComponent(NowcastMessages.Invariant($"{what}, drift in {y}"), sdPerYear * sdPerYear)).ToArray();

    /// <summary>
    /// The covariance of the bridged values' log errors across years: the variances of the error
    /// components they share (the same ratio drift, the same revision, the same GDP level).
    /// </summary>
    public double[,] Covariance(RevenueBridge bridge)
    {
        var values = Values[bridge];
        var components = values.Select(v => v.Factors.SelectMany(f => f.Components).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Variance))).ToArray();
        var result = new double[values.Count, values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = 0; j < values.Count; j++)
            {
                result[i, j] = components[i].Where(c => components[j].ContainsKey(c.Key)).Sum(c => Math.Min(c.Value, components[j][c.Key]));
            }
        }

        return result;
    }

    private enum GdpBasis
    {
        /// <summary>Revised levels put back on the original basis with another zone's revision.</summary>
        CensusAdjusted,

        /// <summary>Revised levels taken as published.</summary>
        RevisedAsPublished,

        /// <summary>Revised levels ignored; real growth only after the last original-basis level.</summary>
        RealGrowthOnly,
    }
}
