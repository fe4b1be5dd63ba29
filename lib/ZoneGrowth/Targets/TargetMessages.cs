using System.Globalization;
using ZoneGrowth.Data;

namespace ZoneGrowth.Targets;

/// <summary>Every message of the target engine, written once.</summary>
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

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
