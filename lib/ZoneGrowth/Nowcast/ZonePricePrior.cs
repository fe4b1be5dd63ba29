using MathNet.Numerics.Distributions;
using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The prior of the zone's price growth p = ln(1 + GDP deflator growth) in the years after its last
/// GDP level on the original basis, built from published evidence:
/// <list type="bullet">
/// <item>the regional level: the mean GDP deflator of the zone's province (<c>data/zones.csv</c>) in
/// those years, nominal ÷ real growth of levels on one basis;</item>
/// <item>the zone's excess over it: the zone's deflator minus the province's in every year both are
/// known, each from consecutive first releases (so a routine upward revision of the earlier year, which
/// both undergo, largely cancels);</item>
/// <item>p = regional level + the excess of a new year: Student t with mean (regional mean + mean
/// excess), scale sd(excess)·√(1 + 1/n) and n − 1 degrees of freedom (the predictive distribution of a
/// new draw from n normal observations with unknown mean and variance).</item>
/// </list>
/// Without a province with deflators, the zone's own deflators stand in (mean and predictive scale). The
/// city's deflators and the province's consumer and producer prices are shown for context. One p holds
/// for every bridged year, so the spread of a single year's excess is taken for that of their average:
/// the prior errs wide.
/// </summary>
public sealed class ZonePricePrior
{
    private ZonePricePrior(string zone, string? comparator, IReadOnlyList<int> years, IReadOnlyList<PriceEvidence> evidence, double mean, double scale, double degreesOfFreedom, string rule)
    {
        Zone = zone;
        Comparator = comparator;
        Years = years;
        Evidence = evidence;
        Mean = mean;
        Scale = scale;
        DegreesOfFreedom = degreesOfFreedom;
        Rule = rule;
    }

    /// <summary>The zone.</summary>
    public string Zone { get; }

    /// <summary>The province the zone's prices are compared with, or null when the zone's own deflators stand in.</summary>
    public string? Comparator { get; }

    /// <summary>The years whose prices the prior is for.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The evidence, each line with how it is used.</summary>
    public IReadOnlyList<PriceEvidence> Evidence { get; }

    /// <summary>The prior's centre on the log scale.</summary>
    public double Mean { get; }

    /// <summary>The prior's scale on the log scale.</summary>
    public double Scale { get; }

    /// <summary>Its degrees of freedom (Student t).</summary>
    public double DegreesOfFreedom { get; }

    /// <summary>How the prior was formed, in words with its numbers.</summary>
    public string Rule { get; }

    /// <summary>The prior as an error component's scale: p = mean + scale · t_ν.</summary>
    public ScaleParameter AsScale => _asScale ??= new("the zone's price growth", Scale, DegreesOfFreedom, Rule);

    private ScaleParameter? _asScale;

    /// <summary>The prior density of p (log scale).</summary>
    public double Density(double priceGrowth) => StudentT.PDF(Mean, Scale, DegreesOfFreedom, priceGrowth);

    /// <summary>The prior probability that p is at most <paramref name="priceGrowth"/>.</summary>
    public double Cdf(double priceGrowth) => StudentT.CDF(Mean, Scale, DegreesOfFreedom, priceGrowth);

    /// <summary>The prior quantile of p (log scale).</summary>
    public double Quantile(double probability) => StudentT.InvCDF(Mean, Scale, DegreesOfFreedom, probability);

    /// <summary>
    /// Builds the prior for the zone's prices in <paramref name="years"/>; null when the data have fewer
    /// than two deflators to build it from.
    /// </summary>
    public static ZonePricePrior? Estimate(DataSet data, string zone, IReadOnlyList<int> years, NowcastOptions options)
    {
        var evidence = new List<PriceEvidence>();
        // The zone's own deflators of the years the prior is for are the evidence model's to learn from its rows, not the prior's.
        var zoneDeflators = Deflators(data, zone, options).Where(d => !years.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value);
        var ancestors = data.ZoneCatalog.Ancestors(zone).Select(z => z.Id).ToArray();
        // The comparator: the outermost area containing the zone that has deflators in years the zone has too.
        var comparator = ancestors.Reverse()
            .Select(id => (Id: id, Deflators: Deflators(data, id, options)))
            .FirstOrDefault(c => c.Deflators.Keys.Count(zoneDeflators.ContainsKey) >= 2);

        double mean, scale, df;
        string rule;
        if (comparator.Id is not null)
        {
            var both = comparator.Deflators.Keys.Where(zoneDeflators.ContainsKey).Order().ToArray();
            var excess = both.Select(y => zoneDeflators[y].Value - comparator.Deflators[y].Value).ToArray();
            foreach (var y in both)
            {
                evidence.Add(zoneDeflators[y] with { Use = PriceEvidenceUse.ExcessSide });
                evidence.Add(comparator.Deflators[y] with { Use = PriceEvidenceUse.ExcessSide });
                evidence.Add(new PriceEvidence(FormattableString.Invariant($"{zone} − {comparator.Id}"), y, "excess", zoneDeflators[y].Value - comparator.Deflators[y].Value,
                    FormattableString.Invariant($"{100 * zoneDeflators[y].Value:0.00} − {100 * comparator.Deflators[y].Value:0.00} (log points)"), PriceEvidenceUse.Excess)
                {
                    Rows = [.. zoneDeflators[y].Rows, .. comparator.Deflators[y].Rows],
                });
            }

            // The regional level: the province's deflators in the bridged years, or its latest ones if it has none of them.
            var regional = years.Where(comparator.Deflators.ContainsKey).ToArray();
            if (regional.Length == 0)
            {
                regional = [comparator.Deflators.Keys.Max()];
            }

            evidence.AddRange(regional.Select(y => comparator.Deflators[y] with { Use = PriceEvidenceUse.RegionalLevel }));

            var level = regional.Average(y => comparator.Deflators[y].Value);
            var excessMean = excess.Average();
            var excessSd = Sd(excess);
            (mean, scale, df) = (level + excessMean, excessSd * Math.Sqrt(1 + (1.0 / excess.Length)), excess.Length - 1);
            rule = FormattableString.Invariant($"{comparator.Id}'s deflator in {string.Join(", ", regional)} ({Rate(level)} a year) plus {zone}'s mean excess over it in {string.Join(", ", both)} ({Points(excessMean)}, sd {Points(excessSd)}): Student t with centre {Rate(mean)}, scale {Points(scale)} (sd × √(1 + 1/{excess.Length})) and {excess.Length - 1} degrees of freedom");
        }
        else if (zoneDeflators.Count >= 2)
        {
            var own = zoneDeflators.Values.Select(d => d.Value).ToArray();
            evidence.AddRange(zoneDeflators.Values.Select(d => d with { Use = PriceEvidenceUse.RegionalLevel }));
            (mean, scale, df) = (own.Average(), Sd(own) * Math.Sqrt(1 + (1.0 / own.Length)), own.Length - 1);
            rule = FormattableString.Invariant($"{zone}'s own deflators in {string.Join(", ", zoneDeflators.Keys.Order())} (no province with deflators in the same years): Student t with centre {Rate(mean)}, scale {Points(scale)} and {own.Length - 1} degrees of freedom");
        }
        else
        {
            return null;
        }

        // Context: the deflators of the areas in between (the city) and the province's consumer and producer prices.
        foreach (var id in ancestors.Where(a => a != comparator.Id))
        {
            evidence.AddRange(Deflators(data, id, options).Values.Where(d => d.Year >= years.DefaultIfEmpty(0).Min() - 3).Select(d => d with { Use = PriceEvidenceUse.Context }));
        }

        foreach (var id in ancestors)
        {
            evidence.AddRange(data.WholeYearObservations
                .Where(o => o.Zone == id && (o.Indicator.Id == options.ConsumerPrices || o.Indicator.Id == options.ProducerPrices) && o.Status == ObservationStatus.Reported)
                .OrderBy(o => o.Indicator.Id, StringComparer.Ordinal).ThenBy(o => o.Year)
                .Select(o => new PriceEvidence(o.Zone, o.Year, o.Indicator.Short, Math.Log(1 + (o.Value / 100)), FormattableString.Invariant($"published, line {o.Location.Line}"), PriceEvidenceUse.Context)));
        }

        return new ZonePricePrior(zone, comparator.Id, years, evidence, mean, scale, df, rule);
    }

    private static double Sd(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static string Rate(double log) => Publishing.KeyFigureText.Signed(Math.Exp(log) - 1);

    private static string Points(double log) => FormattableString.Invariant($"{100 * log:0.0} points").Replace("-", "−", StringComparison.Ordinal);

    /// <summary>
    /// An area's GDP deflators: ln(level ÷ previous level ÷ (1 + real growth)) for consecutive years with
    /// reported or approximate whole-year levels on one basis and a real growth rate for the later year
    /// (with its level, or on its own).
    /// </summary>
    private static Dictionary<int, PriceEvidence> Deflators(DataSet data, string zone, NowcastOptions options)
    {
        var levels = data.WholeYearObservations
            .Where(o => o.Zone == zone && o.Indicator.Id == options.Gdp && o.Status is ObservationStatus.Reported or ObservationStatus.Approximate)
            .GroupBy(o => (o.Year, o.Basis))
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Published, StringComparer.Ordinal).Last());
        var result = new Dictionary<int, PriceEvidence>();
        foreach (var ((year, basis), level) in levels.OrderBy(l => l.Key.Year).ThenBy(l => l.Key.Basis, StringComparer.Ordinal))
        {
            var growthRow = level.GrowthPercent is null
                ? data.WholeYearObservations.FirstOrDefault(o => o.Zone == zone && o.Indicator.Id == options.GdpRealGrowth && o.Year == year && o.Status is ObservationStatus.Reported or ObservationStatus.Approximate)
                : null;
            var growth = level.GrowthPercent ?? growthRow?.Value;
            if (growth is null || !levels.TryGetValue((year - 1, basis), out var previous) || result.ContainsKey(year))
            {
                continue;
            }

            var value = Math.Log(level.Value / previous.Value / (1 + (growth.Value / 100)));
            var basisText = basis.Length > 0 ? FormattableString.Invariant($"both on {basis}") : "first releases";
            var approximate = level.Status == ObservationStatus.Approximate || previous.Status == ObservationStatus.Approximate ? ", one level rounded" : string.Empty;
            result[year] = new PriceEvidence(zone, year, "GDP deflator", value,
                FormattableString.Invariant($"{level.Value:0.#} ÷ {previous.Value:0.#} ÷ {1 + (growth.Value / 100):0.000} ({basisText}{approximate})"), PriceEvidenceUse.Context)
            {
                Rows = growthRow is null ? [level, previous] : [level, previous, growthRow],
            };
        }

        return result;
    }
}
