using ZoneGrowth.Data;

namespace ZoneGrowth.Audit;

/// <summary>
/// Compares consecutive levels of each indicator with the growth rates published beside them,
/// and flags disagreements beyond tolerance as possible definitional breaks or revisions:
/// <list type="bullet">
/// <item>a level against the previous level grown at the published rates of the years between
/// (rates published without a level come from the indicator's growth indicator);</item>
/// <item>where the previous year has no level of the same indicator, the level implied by the
/// growth rate against a related indicator of the same family (a label change);</item>
/// <item>two releases of the same figure (a revision).</item>
/// </list>
/// Levels are reported, estimated or approximate figures (targets and bounds are not outcomes).
/// Nominal growth must match the levels within <see cref="AuditOptions.NominalTolerance"/>; real
/// growth may differ from them by a plausible deflator.
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

    /// <summary>One level per year: the most final status, and its latest release.</summary>
    private static SortedDictionary<int, Observation> Levels(DataSet data, string zone, IndicatorDefinition indicator)
    {
        var levels = new SortedDictionary<int, Observation>();
        foreach (var year in data.WholeYearObservations.Where(o => o.Zone == zone && o.Indicator == indicator && LevelPreference.Contains(o.Status)).GroupBy(o => o.Year))
        {
            var status = LevelPreference.First(s => year.Any(o => o.Status == s));
            levels[year.Key] = Vintages.Latest(year.Where(o => o.Status == status).ToArray(), []);
        }

        return levels;
    }

    private static IEnumerable<AuditCheck> GrowthChecks(DataSet data, string zone, IndicatorDefinition indicator, SortedDictionary<int, Observation> levels, AuditOptions options)
    {
        var list = levels.Values.ToArray();
        for (var i = 1; i < list.Length; i++)
        {
            var (earlier, later) = (list[i - 1], list[i]);
            var growth = new List<(int Year, double Percent)>();
            var rows = new List<Observation> { earlier };
            for (var year = earlier.Year + 1; year <= later.Year; year++)
            {
                var rate = GrowthIn(data, zone, indicator, year, levels);
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

            if (growth.Count != later.Year - earlier.Year)
            {
                continue;
            }

            rows.Add(later);
            var expected = growth.Aggregate(earlier.Value, (level, g) => level * (1 + (g.Percent / 100)));
            var disagreement = (later.Value / expected) - 1;
            var (low, high) = Allowed(indicator.GrowthBasis, growth.Count, options);
            yield return new AuditCheck(
                AuditCheckKind.GrowthVersusLevels, zone, indicator.Id, earlier.Year, later.Year, rows, expected, later.Value, disagreement, low, high,
                AuditMessages.GrowthVersusLevels(earlier, later, growth, expected, disagreement, low, high, indicator.GrowthBasis));
        }
    }

    private static IEnumerable<AuditCheck> LabelChecks(DataSet data, string zone, IndicatorDefinition indicator, SortedDictionary<int, Observation> levels, AuditOptions options)
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
        foreach (var later in levels.Values.Where(o => o.GrowthPercent is not null && !levels.ContainsKey(o.Year - 1)))
        {
            var implied = later.Value / (1 + (later.GrowthPercent!.Value / 100));
            var related = relatedLevels.Select(l => l.GetValueOrDefault(later.Year - 1)).OfType<Observation>();
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

    private static IEnumerable<AuditCheck> RevisionChecks(DataSet data)
    {
        var groups = data.WholeYearObservations
            .GroupBy(o => (o.Zone, o.Indicator.Id, o.Year, o.Status))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var releases = group.OrderBy(o => o.Published, StringComparer.Ordinal).ToArray();
            for (var i = 1; i < releases.Length; i++)
            {
                var (earlier, later) = (releases[i - 1], releases[i]);
                var change = (later.Value / earlier.Value) - 1;
                yield return new AuditCheck(
                    AuditCheckKind.Revision, later.Zone, later.Indicator.Id, later.Year, later.Year, [earlier, later], earlier.Value, later.Value, change, 0, 0,
                    AuditMessages.Revision(earlier, later, change));
            }
        }
    }

    /// <summary>The growth rate for a year: published with that year's level, else as a growth-only figure (also beside a level published without one).</summary>
    private static (double Percent, Observation Row)? GrowthIn(DataSet data, string zone, IndicatorDefinition indicator, int year, SortedDictionary<int, Observation> levels)
    {
        if (levels.TryGetValue(year, out var level) && level.GrowthPercent is { } g)
        {
            return (g, level);
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
        var row = Vintages.Latest(growthRows.Where(o => o.Status == status).ToArray(), []);
        return (row.Value, row);
    }

    /// <summary>The accepted range of actual ÷ expected − 1 over a span of years.</summary>
    private static (double Low, double High) Allowed(GrowthBasis basis, int years, AuditOptions options) =>
        basis == GrowthBasis.Real
            ? (Math.Pow(1 + options.DeflatorLow, years) - 1, Math.Pow(1 + options.DeflatorHigh, years) - 1)
            : (Math.Pow(1 - options.NominalTolerance, years) - 1, Math.Pow(1 + options.NominalTolerance, years) - 1);
}
