using ZoneGrowth.Data;

namespace ZoneGrowth.Audit;

/// <summary>
/// Compares consecutive levels of each indicator with the growth rates published beside them,
/// and flags disagreements beyond tolerance as possible definitional breaks or revisions:
/// <list type="bullet">
/// <item>a level against the previous level on the same basis grown at the published rates of the years between
/// (rates published without a level come from the indicator's growth indicator); where two consecutive years
/// have levels on different bases only (a first release, then a census-revised level), the two are compared all
/// the same and the explanation says they are on different bases;</item>
/// <item>where the previous year has no level of the same indicator, the level implied by the
/// growth rate against a related indicator of the same family on the same basis (a label change);</item>
/// <item>two releases of one figure on one basis (a revision), and the figures of one year on two bases: the
/// step from the first release to the revised level (a census revision when the basis names a census), never
/// taken for growth.</item>
/// </list>
/// Levels are reported, estimated or approximate figures (targets and bounds are not outcomes): for each year
/// and basis, the latest release of the most final status. Nominal growth must match the levels within
/// <see cref="AuditOptions.NominalTolerance"/>; real growth may differ from them by a plausible deflator. A
/// comparison needs a positive level to compare with: none is made from a level of zero.
/// </summary>
public static class ConsistencyAudit
{
    private static readonly ObservationStatus[] LevelPreference =
        [ObservationStatus.Reported, ObservationStatus.Estimate, ObservationStatus.Approximate];

    /// <summary>Runs every check on a data set.</summary>
    public static AuditReport Run(DataSet data, AuditOptions? options = null)
    {
        options ??= AuditOptions.Default;
        var checks = new List<AuditCheck>();
        var levelIndicators = data.WholeYearObservations
            .Where(o => o.Indicator.Kind == IndicatorKind.Level && o.Indicator.GrowthBasis != GrowthBasis.None)
            .Select(o => (o.Zone, o.Indicator))
            .Distinct();
        foreach (var (zone, indicator) in levelIndicators)
        {
            var levels = Levels(data, zone, indicator);
            checks.AddRange(GrowthChecks(data, zone, indicator, levels, options));
            checks.AddRange(LabelChecks(data, zone, indicator, levels, options));
        }

        checks.AddRange(RevisionChecks(data));
        return new AuditReport(checks, options);
    }

    /// <summary>
    /// The levels of each year, one per basis, earliest basis first (the last is the one the series view shows):
    /// on each basis the most final status, and its latest release.
    /// </summary>
    private static SortedDictionary<int, IReadOnlyList<Observation>> Levels(DataSet data, string zone, IndicatorDefinition indicator)
    {
        var levels = new SortedDictionary<int, IReadOnlyList<Observation>>();
        foreach (var year in data.WholeYearObservations.Where(o => o.Zone == zone && o.Indicator == indicator && LevelPreference.Contains(o.Status)).GroupBy(o => o.Year))
        {
            levels[year.Key] = Bases.EarliestFirst(year.GroupBy(o => o.Basis, StringComparer.Ordinal).Select(onBasis =>
            {
                var status = LevelPreference.First(s => onBasis.Any(o => o.Status == s));
                return Vintages.Latest(onBasis.Where(o => o.Status == status).ToArray(), []);
            }));
        }

        return levels;
    }

    /// <summary>
    /// Consecutive levels on each basis; then, where two consecutive years share no basis, the level each year
    /// shows (its latest basis) against the other's. In order of the years compared.
    /// </summary>
    private static IEnumerable<AuditCheck> GrowthChecks(DataSet data, string zone, IndicatorDefinition indicator, SortedDictionary<int, IReadOnlyList<Observation>> levels, AuditOptions options)
    {
        var pairs = new List<(Observation Earlier, Observation Later)>();
        foreach (var basis in levels.Values.SelectMany(l => l).Select(o => o.Basis).Distinct())
        {
            var chain = levels.Values.Select(l => l.FirstOrDefault(o => o.Basis == basis)).OfType<Observation>().ToArray();
            pairs.AddRange(chain.Zip(chain.Skip(1)));
        }

        var years = levels.Values.ToArray();
        pairs.AddRange(years.Zip(years.Skip(1))
            .Where(y => !y.First.Any(a => y.Second.Any(b => b.Basis == a.Basis)))
            .Select(y => (y.First[^1], y.Second[^1])));

        foreach (var (earlier, later) in pairs.OrderBy(p => p.Earlier.Year).ThenBy(p => p.Later.Year))
        {
            if (earlier.Value <= 0)
            {
                continue;
            }

            var growth = new List<(int Year, double Percent)>();
            var rows = new List<Observation> { earlier };
            for (var year = earlier.Year + 1; year <= later.Year; year++)
            {
                var rate = GrowthIn(data, zone, indicator, year, later.Basis, levels);
                if (rate is null)
                {
                    break;
                }

                growth.Add((year, rate.Value.Percent));
                if (rate.Value.Row != later)
                {
                    rows.Add(rate.Value.Row);
                }
            }

            var expected = growth.Aggregate(earlier.Value, (level, g) => level * (1 + (g.Percent / 100)));
            if (growth.Count != later.Year - earlier.Year || !(expected > 0) || double.IsInfinity(expected))
            {
                continue;
            }

            rows.Add(later);
            var disagreement = (later.Value / expected) - 1;
            var (low, high) = Allowed(indicator.GrowthBasis, growth.Count, options);
            yield return new AuditCheck(
                AuditCheckKind.GrowthVersusLevels, zone, indicator.Id, earlier.Year, later.Year, rows, expected, later.Value, disagreement, low, high,
                AuditMessages.GrowthVersusLevels(earlier, later, growth, expected, disagreement, low, high, indicator.GrowthBasis));
        }
    }

    private static IEnumerable<AuditCheck> LabelChecks(DataSet data, string zone, IndicatorDefinition indicator, SortedDictionary<int, IReadOnlyList<Observation>> levels, AuditOptions options)
    {
        if (indicator.Family.Length == 0)
        {
            yield break;
        }

        var relatedLevels = data.WholeYearObservations
            .Where(o => o.Zone == zone && o.Indicator != indicator && o.Indicator.Family == indicator.Family && o.Indicator.Unit.Dimension == indicator.Unit.Dimension)
            .Select(o => o.Indicator)
            .Distinct()
            .Select(r => Levels(data, zone, r))
            .ToArray();
        foreach (var later in levels.Values.SelectMany(l => l).Where(o => o.GrowthPercent is > -100 && !levels.ContainsKey(o.Year - 1)))
        {
            var implied = later.Value / (1 + (later.GrowthPercent!.Value / 100));
            if (!(implied > 0))
            {
                continue;
            }

            var related = relatedLevels.Select(l => l.GetValueOrDefault(later.Year - 1)?.FirstOrDefault(o => o.Basis == later.Basis)).OfType<Observation>();
            foreach (var other in related)
            {
                var disagreement = (other.Value / implied) - 1;
                var (low, high) = Allowed(indicator.GrowthBasis, 1, options);
                var flagged = disagreement < low || disagreement > high;
                yield return new AuditCheck(
                    AuditCheckKind.LabelChange, zone, indicator.Id, other.Year, later.Year, [other, later], implied, other.Value, disagreement, low, high,
                    AuditMessages.LabelChange(later, other, implied, disagreement, flagged));
            }
        }
    }

    /// <summary>
    /// For each zone, indicator, year and status with several figures: the releases on each basis in turn (a
    /// revision), then the latest figure of each basis against the next basis' (a change of basis).
    /// </summary>
    private static IEnumerable<AuditCheck> RevisionChecks(DataSet data)
    {
        var groups = data.WholeYearObservations
            .GroupBy(o => (o.Zone, o.Indicator.Id, o.Year, o.Status))
            .Where(g => g.Skip(1).Any());
        foreach (var group in groups)
        {
            var steps = group.GroupBy(o => o.Basis, StringComparer.Ordinal)
                .SelectMany(onBasis => Steps(Vintages.InOrder(onBasis)))
                .Select(s => (s.Earlier, s.Later, OfBasis: false))
                .Concat(Steps(Vintages.LatestOfEachBasis(group, [])).Select(s => (s.Earlier, s.Later, OfBasis: true)));
            foreach (var (earlier, later, ofBasis) in steps.Where(s => s.Earlier.Value != 0))
            {
                var change = (later.Value / earlier.Value) - 1;
                yield return new AuditCheck(
                    AuditCheckKind.Revision, later.Zone, later.Indicator.Id, later.Year, later.Year, [earlier, later], earlier.Value, later.Value, change, 0, 0,
                    ofBasis ? AuditMessages.BasisRevision(earlier, later, change) : AuditMessages.Revision(earlier, later, change));
            }
        }
    }

    private static IEnumerable<(Observation Earlier, Observation Later)> Steps(IReadOnlyList<Observation> ordered) => ordered.Zip(ordered.Skip(1));

    /// <summary>
    /// The growth rate for a year: published with that year's level (on <paramref name="basis"/> first, then on the
    /// year's other bases, latest first), else as a growth-only figure (also beside a level published without one).
    /// </summary>
    private static (double Percent, Observation Row)? GrowthIn(DataSet data, string zone, IndicatorDefinition indicator, int year, string basis, SortedDictionary<int, IReadOnlyList<Observation>> levels)
    {
        if (levels.TryGetValue(year, out var onBases)
            && onBases.Where(o => o.Basis == basis).Concat(onBases.Reverse().Where(o => o.Basis != basis)).FirstOrDefault(o => o.GrowthPercent is not null) is { } level)
        {
            return (level.GrowthPercent!.Value, level);
        }

        if (indicator.GrowthIndicator.Length == 0)
        {
            return null;
        }

        var growthRows = data.WholeYearObservations
            .Where(o => o.Zone == zone && o.Indicator.Id == indicator.GrowthIndicator && o.Year == year && LevelPreference.Contains(o.Status))
            .ToArray();
        if (growthRows.Length == 0)
        {
            return null;
        }

        var status = LevelPreference.First(s => growthRows.Any(o => o.Status == s));
        var rates = Vintages.LatestOfEachBasis(growthRows.Where(o => o.Status == status), []);
        var row = rates.FirstOrDefault(o => o.Basis == basis) ?? rates[^1];
        return (row.Value, row);
    }

    /// <summary>The accepted range of actual ÷ expected − 1 over a span of years.</summary>
    private static (double Low, double High) Allowed(GrowthBasis basis, int years, AuditOptions options) =>
        basis == GrowthBasis.Real
            ? (Math.Pow(1 + options.DeflatorLow, years) - 1, Math.Pow(1 + options.DeflatorHigh, years) - 1)
            : (Math.Pow(1 - options.NominalTolerance, years) - 1, Math.Pow(1 + options.NominalTolerance, years) - 1);
}
