using System.Text.RegularExpressions;

namespace ZoneGrowth.Data;

/// <summary>
/// Checks that compare a figure with related ones, after every row of every file was read: a level
/// that contradicts them is refused (a wrong unit or a slipped digit must not reach a verdict
/// silently). The rules, each with the id a row's note names to override it:
/// <list type="bullet">
/// <item><c>part-above-whole</c>: a part (an indicator whose catalog <c>part_of</c> names another, e.g. an
/// added value of GDP) above the whole in the same zone, year, period and basis;</item>
/// <item><c>zone-above-parent</c>: a level or count of a zone above the same figure of a zone that contains
/// it (<c>data/zones.csv</c>): a district above its city or province;</item>
/// <item><c>level-jump</c>: a level more than <see cref="JumpFactor"/> times, or under a
/// <see cref="JumpFactor"/>th of, the same series' value in the nearest year that has one;</item>
/// <item><c>growth-contradicts-level</c>: a level more than <see cref="GrowthTolerance"/> away from the previous
/// year's level (same basis and period) grown at the rate published with it.</item>
/// </list>
/// Shares above 100 % are refused when the row is read. A row may override a rule only by saying
/// why in its note, as <c>[allow level-jump: the 2018 count is cumulative since 2012]</c>.
/// </summary>
internal static partial class PlausibilityRules
{
    /// <summary>A level more than this many times (or under one over this) the nearest year's is refused.</summary>
    public const double JumpFactor = 3;

    /// <summary>The largest relative distance allowed between a level and the previous year's level grown at the published rate: 25 %.</summary>
    public const double GrowthTolerance = 0.25;

    /// <summary>The rule ids a note can name.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = [PartAboveWhole, ZoneAboveParent, LevelJump, GrowthContradictsLevel];

    public const string PartAboveWhole = "part-above-whole";
    public const string ZoneAboveParent = "zone-above-parent";
    public const string LevelJump = "level-jump";
    public const string GrowthContradictsLevel = "growth-contradicts-level";

    [GeneratedRegex(@"\[allow ([^:\]]*):([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex AllowTag();

    /// <summary>Statuses that say the value is at least what is written (a part or a child cannot exceed its whole at these).</summary>
    private static readonly ObservationStatus[] AtLeast = [ObservationStatus.Reported, ObservationStatus.Estimate, ObservationStatus.Approximate, ObservationStatus.LowerBound];

    /// <summary>Statuses that say the value is at most what is written.</summary>
    private static readonly ObservationStatus[] AtMost = [ObservationStatus.Reported, ObservationStatus.Estimate, ObservationStatus.Approximate, ObservationStatus.UpperBound];

    /// <summary>Statuses of an outcome (not a goal or a bound).</summary>
    private static readonly ObservationStatus[] Outcome = [ObservationStatus.Reported, ObservationStatus.Estimate, ObservationStatus.Approximate];

    /// <summary>Adds an issue for every row that breaks a rule its note does not override, and for every malformed override.</summary>
    /// <param name="observations">Every row read, of every file.</param>
    /// <param name="catalog">The indicator catalog.</param>
    /// <param name="zones">The zone catalog.</param>
    /// <param name="locate">The location of a column of a row.</param>
    /// <param name="issues">Where issues go.</param>
    public static void Check(IReadOnlyList<Observation> observations, IndicatorCatalog catalog, ZoneCatalog zones, Func<Observation, string, SourceLocation> locate, List<ValidationIssue> issues)
    {
        var allowed = observations.ToDictionary(o => o, o => Allowed(o, locate, issues));
        void Report(Observation o, string rule, string column, string found, string ruleText, string advice)
        {
            if (!allowed[o].Contains(rule))
            {
                issues.Add(new ValidationIssue(locate(o, column), found, ruleText, advice));
            }
        }

        var byKey = observations.ToLookup(o => (o.Zone, o.Indicator.Id, o.Year, o.Period, o.Basis));

        // Level jumps first: a row that jumps against its own series is the slip, and a related row is
        // not blamed for disagreeing with it below.
        var outliers = new HashSet<Observation>();

        // A row is blamed for disagreeing with another unless the other is a level jump of its own series and it is not.
        bool Blames(Observation row, Observation other) => !outliers.Contains(other) || outliers.Contains(row);

        foreach (var series in observations.Where(o => o.Indicator.Kind == IndicatorKind.Level && o.Value > 0).GroupBy(o => (o.Zone, o.Indicator.Id, o.Period)))
        {
            var years = series.GroupBy(o => o.Year).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
            // A row jumps against a neighbouring year when it is more than JumpFactor off every row of that year.
            bool Jumps(Observation row, int index) => index >= 0 && index < years.Length && years[index].All(o => Jump(row.Value, o.Value) > JumpFactor);
            bool Exists(int index) => index >= 0 && index < years.Length;
            for (var i = 0; i < years.Length; i++)
            {
                foreach (var row in years[i])
                {
                    // The outlier is the row that jumps against its neighbours on both sides; at an end of
                    // the series, the row that jumps against a neighbour which does not itself jump
                    // against its other side; in a series of two years, the later line (usually the one
                    // just added). The message names the nearest year's row.
                    var report = (Exists(i - 1), Exists(i + 1)) switch
                    {
                        (true, true) => Jumps(row, i - 1) && Jumps(row, i + 1),
                        (true, false) => Jumps(row, i - 1) && (Exists(i - 2) ? !years[i - 1].All(n => Jumps(n, i - 2)) : years[i - 1].All(n => IsEarlier(n, row))),
                        (false, true) => Jumps(row, i + 1) && (Exists(i + 2) ? !years[i + 1].All(n => Jumps(n, i + 2)) : years[i + 1].All(n => IsEarlier(n, row))),
                        _ => false,
                    };
                    if (report)
                    {
                        outliers.Add(row);
                        var nearest = new[] { i - 1, i + 1 }.Where(Exists).OrderBy(k => Math.Abs(years[k][0].Year - row.Year)).SelectMany(k => years[k]).First();
                        Report(row, LevelJump, "value", Found(row), DataMessages.LevelJumpRule(row, nearest, JumpFactor), DataMessages.PlausibilityAdvice(row, nearest.Value, LevelJump));
                    }
                }
            }
        }

        foreach (var part in observations.Where(o => o.Indicator.PartOf.Length > 0 && AtLeast.Contains(o.Status)))
        {
            var whole = byKey[(part.Zone, part.Indicator.PartOf, part.Year, part.Period, part.Basis)].Where(w => AtMost.Contains(w.Status) && part.Value > w.Value && Blames(part, w)).MinBy(w => w.Value);
            if (whole is not null)
            {
                Report(part, PartAboveWhole, "value", Found(part), DataMessages.PartAboveWholeRule(part, whole), DataMessages.PlausibilityAdvice(part, whole.Value, PartAboveWhole));
            }
        }

        foreach (var child in observations.Where(o => o.Indicator.Kind is IndicatorKind.Level or IndicatorKind.Count && AtLeast.Contains(o.Status)))
        {
            var parent = zones.Ancestors(child.Zone)
                .SelectMany(z => byKey[(z.Id, child.Indicator.Id, child.Year, child.Period, child.Basis)])
                .Where(p => AtMost.Contains(p.Status) && child.Value > p.Value && Blames(child, p))
                .MinBy(p => p.Value);
            if (parent is not null)
            {
                Report(child, ZoneAboveParent, "value", Found(child), DataMessages.ZoneAboveParentRule(child, parent), DataMessages.PlausibilityAdvice(child, parent.Value, ZoneAboveParent));
            }
        }

        foreach (var row in observations.Where(o => o.Indicator.Kind == IndicatorKind.Level && o.GrowthPercent is not null && Outcome.Contains(o.Status)))
        {
            var previous = byKey[(row.Zone, row.Indicator.Id, row.Year - 1, row.Period, row.Basis)].Where(p => Outcome.Contains(p.Status) && p.Value > 0 && Blames(row, p)).ToArray();
            var grown = previous.Select(p => (Row: p, Expected: p.Value * (1 + (row.GrowthPercent!.Value / 100)))).ToArray();
            if (grown.Length > 0 && grown.All(g => Math.Abs((row.Value / g.Expected) - 1) > GrowthTolerance))
            {
                var closest = grown.MinBy(g => Math.Abs((row.Value / g.Expected) - 1));
                Report(row, GrowthContradictsLevel, "value", Found(row), DataMessages.GrowthContradictsLevelRule(row, closest.Row, closest.Expected, GrowthTolerance), DataMessages.PlausibilityAdvice(row, closest.Expected, GrowthContradictsLevel));
            }
        }
    }

    /// <summary>Whether <paramref name="a"/> stands before <paramref name="b"/> in the files (file order, then line).</summary>
    private static bool IsEarlier(Observation a, Observation b) =>
        a.Location.File == b.Location.File ? a.Location.Line < b.Location.Line : string.CompareOrdinal(a.Location.File, b.Location.File) < 0;

    /// <summary>How many times larger the larger value is.</summary>
    private static double Jump(double a, double b) => Math.Max(a, b) / Math.Min(a, b);

    private static string Found(Observation o) => o.PublishedValue.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rules a row's note overrides, each with a reason; a malformed override is an issue of its own.</summary>
    private static HashSet<string> Allowed(Observation o, Func<Observation, string, SourceLocation> locate, List<ValidationIssue> issues)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match tag in AllowTag().Matches(o.Note))
        {
            var rule = tag.Groups[1].Value.Trim();
            if (!RuleIds.Contains(rule) || tag.Groups[2].Value.Trim().Length == 0)
            {
                issues.Add(new ValidationIssue(locate(o, "note"), tag.Value, DataMessages.AllowTagRule(rule, RuleIds), DataMessages.AllowTagAdvice));
                continue;
            }

            allowed.Add(rule);
        }

        return allowed;
    }
}
