using System.Globalization;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using static System.FormattableString;

namespace ZoneGrowth.Targets;

/// <summary>Every message of the target engine and the target's outlook, written once.</summary>
internal static class TargetMessages
{
    public static string MetricMismatch(IndicatorSeries series, Target target) =>
        MetricMismatchReason(series, target, null)
        + Invariant($" (Indicator ids: the target's {target.Indicator.Id}, the series' {series.Indicator.Id}.)");

    /// <summary>Why a series of another indicator cannot judge the target, by the indicators' names; with the target's own series, how far apart the two are.</summary>
    public static string MetricMismatchReason(IndicatorSeries series, Target target, IndicatorSeries? targetSeries) =>
        Invariant($"The target is set on {target.Indicator.EnglishNameInSentence} ({target.Indicator.ChineseName}), but the series is {series.Indicator.EnglishNameInSentence} ({series.Indicator.ChineseName}). ")
        + Difference(series, target, targetSeries)
        + " Judge the target against a series of the same indicator, or give an explicit conversion: a ratio with its range, and where it comes from, which every result then states.";

    public static string MetricAccepted(IndicatorSeries series, Target target) =>
        Invariant($"The series measures the target's indicator, {target.Indicator.EnglishNameInSentence} ({target.Indicator.ChineseName}), in {target.Zone}: it can judge the target.");

    public static string ZoneMismatch(IndicatorSeries series, Target target) =>
        $"The target is for zone {target.Zone} but the series is for {series.Zone}. Use the series of the target's zone.";

    public static string NoPublishedPoint(IndicatorSeries series) =>
        $"The series {series.Zone} {series.Indicator.Id} has no published value to start from. Load data with at least one reported value of the indicator.";

    public static string NothingBeforeTarget(Target target, IndicatorSeries series) =>
        Invariant($"{series.Zone} {series.Indicator.Id} has no published figure before the target year {target.Year} (its first is for {series.Points.First(p => !p.IsDerived).Year}), so there is nothing to judge the target from. Add a figure for an earlier year, or judge a later target.");

    public static string NonPositive(string what, double value) =>
        Invariant($"The {what} is {value:0.###}, but growth is measured on the log scale, which needs a positive value. Check the figure and its unit.");

    public static string ConversionRange(MetricConversion conversion) =>
        Invariant($"The conversion \"{conversion.Description}\" has ratio {conversion.Ratio} outside its range [{conversion.Low}, {conversion.High}], or a non-positive bound. Give 0 < low ≤ ratio ≤ high.");

    public static string ScenarioMissingYear(GrowthScenario scenario, int year, int firstYear, int lastYear) =>
        Invariant($"Scenario \"{scenario.Name}\" has no growth rate for {year}; it must give one for every year from {firstYear} to {lastYear}. Add the missing rate, or use GrowthScenario.Constant for one rate in every year.");

    public static string ScenarioRate(string name, double rate) =>
        Invariant($"Scenario \"{name}\" has a growth rate of {rate:0.####} (as a fraction), which is not above −1 (−100 %). Rates are fractions: 0.05 for 5 %.");

    public static string NoGrowthToFollow(IndicatorSeries series, int firstYear, int lastYear) =>
        Invariant($"{series.Zone} {series.Indicator.EnglishName} has no nominal growth in {firstYear}-{lastYear}: no two consecutive whole-year levels on one basis and no nominal growth rate published beside a figure, so no scenario can grow like it. Add its figures for those years to the data, or give the scenario's rates with GrowthScenario.Yearly.");

    /// <summary>Why a year has no nominal growth of the series: "only real growth is published across the census revision", "no whole-year level".</summary>
    public static string NoNominalGrowth(SeriesPoint? now, SeriesPoint? before, GrowthBasis basis)
    {
        if (now is null)
        {
            return "no whole-year level";
        }

        if (before is null)
        {
            return now.Observation.GrowthPercent is not null && basis == GrowthBasis.Real ? "only real growth is published, and no level the year before" : "no level the year before";
        }

        return now.Observation.GrowthPercent is not null && basis == GrowthBasis.Real
            ? "only real growth is published across the change of basis"
            : "its level is on another basis than the year before's";
    }

    /// <summary>"grows like GDP's nominal level did in 2022–2023 (8.0 %, 13.0 %), then at their mean, 10.5 %, in 2024–2025".</summary>
    public static string LikeScenarioName(IndicatorSeries series, IReadOnlyDictionary<int, double> rates, double mean, IReadOnlyCollection<int> missing)
    {
        var shown = string.Join(", ", rates.Values.Select(Publishing.KeyFigureText.Percent));
        var rest = missing.Count == 0 ? string.Empty : Invariant($", then at their mean, {Publishing.KeyFigureText.Percent(mean)}, in {BasisText.Years(missing)}");
        return Invariant($"grows like {series.Indicator.Short}'s nominal level did in {BasisText.Years(rates.Keys)} ({shown}){rest}");
    }

    /// <summary>Why a GDP-like scenario grows at the mean in some years: "The GDP-like scenario is nominal throughout; it grows at the mean in 2024 (only real growth ...) and 2025 (no whole-year level)."</summary>
    public static string LikeScenarioNote(IndicatorSeries series, IReadOnlyDictionary<int, string> missing) =>
        Invariant($"The {series.Indicator.Short}-like scenario grows at nominal rates throughout, as revenue is a nominal level; it takes the mean in {string.Join(" and ", missing.Select(m => Invariant($"{m.Key} ({m.Value})")))}.");

    public static string ScenarioEmpty(string name) => $"Scenario \"{name}\" gives no growth rates. Give at least one.";

    public static string UnknownTarget(string indicator, int year, IEnumerable<string> known) =>
        Invariant($"No target for {indicator} in {year} in the loaded data. Targets in the data: {string.Join("; ", known)}.");

    public static string SeveralTargets(string indicator, int year) =>
        Invariant($"Several zones have a target for {indicator} in {year}; say which zone.");

    // ---- The outlook: its cases, what moved it, what would settle it, and bounds that contradict the other figures ----

    public static string Contradiction(IEnumerable<Data.Observation> bounds) =>
        Invariant($"The bounds and the silence leave no room for the other figures: at every value of the scales they are impossible ({BoundList(bounds)}). {char.ToUpperInvariant(ContradictionAdvice[0])}{ContradictionAdvice[1..]}.");

    /// <summary>The rule a bound breaks when, with the other figures, it leaves the outlook of a target no room.</summary>
    public static string ContradictionRule(IEnumerable<Data.Observation> bounds, string indicator, int year, string zone) =>
        Invariant($"with the other figures, the bounds leave the outlook of {zone}'s {year} target for {indicator} no room: at every value of its scales the figures are impossible together (the bounds: {BoundList(bounds.OrderBy(o => o.Location.Line))})");

    /// <summary>The rule bounds break when, given the other figures, they hold with a chance below <see cref="TargetOutlook.ImplausibleBounds"/>.</summary>
    public static string ImplausibleBoundsRule(IEnumerable<Data.Observation> bounds, string indicator, int year, string zone, double chance) =>
        Invariant($"given the other figures, the bounds in the outlook of {zone}'s {year} target for {indicator} hold together with a chance of {Chance(chance)} under its model, below the {Chance(TargetOutlook.ImplausibleBounds)} under which a bound is taken to contradict the other figures rather than inform them (the bounds: {BoundList(bounds.OrderBy(o => o.Location.Line))})");

    /// <summary>A small chance in words a reader can compare: "1 in 2,500,000", "less than 1 in a billion".</summary>
    public static string Chance(double p) =>
        p <= 0 || 1 / p > 1e9 ? "less than 1 in a billion" : Invariant($"1 in {TwoDigits(1 / p):#,0}");

    private static double TwoDigits(double x) => Math.Pow(10, Math.Floor(Math.Log10(x)) - 1) is var step && step >= 1 ? Math.Round(x / step) * step : Math.Round(x);

    /// <summary>Why a simulation could not estimate P: its paths almost all fall outside the bounds.</summary>
    public static string TooFewKept(long paths, long kept, double boundsProbability) =>
        Invariant($"The simulation kept {kept:#,0} of its {paths:#,0} paths inside the bounds, too few to estimate P: the bounds hold together with a chance of {Chance(boundsProbability)} under the model. ") +
        (boundsProbability >= TargetOutlook.ImplausibleBounds
            ? Invariant($"Run it with at least {TwoDigits(100 / boundsProbability):#,0} paths, or check the bounds' values, units and bases.")
            : "Check each bound's value, unit and basis against the published figures of the same year (check reports the bounds that contradict the others).");

    public const string ContradictionAdvice = "check each bound's value, unit and basis against the published figures of the same year, and correct or remove the one that is wrong";

    // "line 51: core added value 2024 at least 2000; line 83: GDP 2025 at least 3000".
    private static string BoundList(IEnumerable<Data.Observation> bounds) =>
        string.Join("; ", bounds.Select(o => Invariant($"line {o.Location.Line}: {o.Indicator.Short} {o.Year} {(o.Status == Data.ObservationStatus.LowerBound ? "at least" : "at most")} {o.Value:0.###}")));

    public const string HeadlineCase = "every stated choice integrated over its prior (the headline)";

    public static string NoReach(Target target) =>
        Invariant($"given the other figures it says nothing about {target.Indicator.Short} in any year to {target.Year}, nor about a bound");

    public static string WithoutBoundsCase(IEnumerable<Data.Observation> rows) =>
        Invariant($"without the bounds ({string.Join("; ", rows.Select(o => $"{o.Indicator.Short} {o.Year} {(o.Status == Data.ObservationStatus.LowerBound ? "at least" : "at most")} {Publishing.KeyFigureText.Published(o)}"))})");

    public static string LinkWords(EvidenceModel model, int link) => model.LinkText(link);

    /// <summary>"core added value 2022 (estimate), line 3".</summary>
    public static string RowName(Data.Observation o) => Invariant($"{o.Indicator.Short} {NowcastMessages.RowBrief(o)}, {NowcastMessages.Line(o)}");

    public static string RowAsPublished(Data.Observation o) => Invariant($"{o.Indicator.Short} {NowcastMessages.RowBrief(o)}, as published");

    public static string FigureName(EvidenceModel model, Data.IndicatorDefinition indicator, int year, string basis) =>
        Invariant($"the zone's {year} {indicator.Short}{(basis.Length > 0 ? ", " + Data.BasisText.Phrase(basis) : string.Empty)}");

    public static string OutcomeSentence(Data.Observation outcome, Target target)
    {
        var figure = Publishing.KeyFigureText.Published(outcome);
        var what = outcome.Status switch
        {
            Data.ObservationStatus.LowerBound => Invariant($"more than {figure}"),
            Data.ObservationStatus.UpperBound => Invariant($"at most {figure}"),
            _ => figure,
        };
        var side = outcome.Status == Data.ObservationStatus.UpperBound || outcome.Value < target.Value ? "below" : "at or above";
        return Invariant($"the zone's published {target.Year} {target.Indicator.Short} is {what}, {side} the target of {target.ValueText}.");
    }

    /// <summary>"GDP 2025 at least 3,000 亿元 (added)", "core added value 2022: 1,700 → 1,870 亿元 (changed)".</summary>
    public static string ChangeWords(Data.DataRowChangeKind kind, Data.Observation? before, Data.Observation? now)
    {
        var row = now ?? before!;
        string Value(Data.Observation o) => o.Status switch
        {
            Data.ObservationStatus.LowerBound => "at least " + Publishing.KeyFigureText.Published(o),
            Data.ObservationStatus.UpperBound => "at most " + Publishing.KeyFigureText.Published(o),
            _ => Publishing.KeyFigureText.Published(o) + (o.Status == Data.ObservationStatus.Reported ? string.Empty : " (" + NowcastMessages.StatusWords(o.Status) + ")"),
        };
        var name = Invariant($"{row.Indicator.Short} {row.Year}{(row.IsWholeYear ? string.Empty : " " + row.Period)}{(row.Basis.Length > 0 ? " (" + Data.BasisText.Brief(row.Basis) + ")" : string.Empty)}");
        return kind switch
        {
            Data.DataRowChangeKind.Added => Invariant($"{name} {Value(now!)} (added, {NowcastMessages.Line(now!)})"),
            Data.DataRowChangeKind.Removed => Invariant($"{name} {Value(before!)} (removed)"),
            _ => Invariant($"{name}: {Value(before!)} → {Value(now!)} ({NowcastMessages.Line(now!)})"),
        };
    }

    /// <summary>Why a higher level on a revised basis lowered P (or a lower one raised it), when it did; else empty.</summary>
    public static string RevisedBasisNote(Data.ObservationChange change, double delta)
    {
        var row = change.Now ?? change.Before!;
        if (row.Basis.Length == 0 || row.Indicator.Kind != Data.IndicatorKind.Level || Math.Abs(delta) < 0.0005)
        {
            return string.Empty;
        }

        var higher = change.Kind switch
        {
            Data.DataRowChangeKind.Added => true,
            Data.DataRowChangeKind.Removed => false,
            _ => change.Now!.Value > change.Before!.Value,
        };
        return higher == delta < 0
            ? Invariant($" — a {(higher ? "higher" : "lower")} level {Data.BasisText.Phrase(row.Basis)} also says the census revision was {(higher ? "larger" : "smaller")}, so {(higher ? "less" : "more")} of the zone's growth since its first-published levels was prices, which {(higher ? "lowers" : "raises")} revenue that stays on its original basis")
            : string.Empty;
    }

    public static string NotComparable(Target target, string compared, bool holdsTheIndicator) =>
        holdsTheIndicator
            ? Invariant($"The answer cannot be compared with {compared}: its figures are too few to answer the same question (notebook 3 run on it says what it lacks).")
            : Invariant($"The answer cannot be compared with {compared}: it holds no {target.Indicator.Short} figure of {target.Zone}. Compare with an earlier file of the same zone.");

    private static string Difference(IndicatorSeries series, Target target, IndicatorSeries? targetSeries)
    {
        var ids = new[] { series.Indicator.Id, target.Indicator.Id };
        var addedValueAndRevenue = ids.Any(i => i.Contains("added_value", StringComparison.Ordinal)) && ids.Any(i => i.Contains("revenue", StringComparison.Ordinal));
        var gap = targetSeries is null ? null
            : targetSeries.Points.Where(p => !p.IsDerived).Join(series.Points.Where(p => !p.IsDerived), p => p.Year, p => p.Year, (t, s) => (t.Year, Target: t.Value, Series: s.Value)).LastOrDefault() is { Year: > 0 } both
                ? Invariant($" In {both.Year}, the last year with both, the target's indicator was {both.Target / both.Series:0.0} times the series' ({Publishing.KeyFigureText.Value(both.Target, target.Unit.Code)} against {Publishing.KeyFigureText.Value(both.Series, series.Unit.Code)}).")
                : null;
        return addedValueAndRevenue
            ? "Added value (增加值) is what the industries add to GDP: revenue minus intermediate inputs. Main business income (主营业务收入) is their gross revenue, several times larger, so projecting added value to a revenue target misstates the growth needed." + gap
            : "They measure different things, so one cannot be judged against the other's target." + gap;
    }
}
