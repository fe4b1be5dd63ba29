using System.Globalization;
using static System.FormattableString;

namespace ZoneGrowth.Nowcast;

/// <summary>Every message of the nowcast layer, written once: what was found, the rule, what to do.</summary>
internal static class NowcastMessages
{

    public static string NoPriceEvidence(string zone, IEnumerable<int> years) =>
        Invariant($"{zone}'s nominal GDP in {string.Join(", ", years)} is bridged from real growth, which needs its price growth, and the data have too few GDP levels with real growth to estimate it: at least two years of the zone's, or of its province's (data/zones.csv) with one of the zone's. Add GDP levels with their real growth rates for earlier years.");

    public static string BadProbability(string what, double value) =>
        Invariant($"{what} must be a probability between 0 and 1; got {value}.");

    // ---- The evidence model: what each row is, or why it is not used ----

    public const string IsGoal = "a plan's goal, not an outcome";

    public const string NoUse = "no relation of data/relations.csv uses it";

    public const string NotPositive = "a level or share of zero or less cannot be: every level the model takes is positive (check the value and its unit)";

    public const string ZeroLowerBound = "a lower bound of zero says nothing about a positive level";

    public const string NoGapEvidence = "no year in the data shows how far a year-to-date figure moves by the year's end, so it cannot stand for the year";

    public const string YearToDateShare = "a share for part of a year: the relations tie whole years";

    public const string PriceEvidenceWords = "in the prior of the zone's price growth (a GDP deflator)";

    public static string Line(Data.Observation o) => Invariant($"line {o.Location.Line}");

    public static string StatusWords(Data.ObservationStatus status) => status switch
    {
        Data.ObservationStatus.Estimate => "estimate (预计)",
        Data.ObservationStatus.Approximate => "approximate figure",
        Data.ObservationStatus.LowerBound => "lower bound",
        Data.ObservationStatus.UpperBound => "upper bound",
        Data.ObservationStatus.Target => "target",
        _ => "reported figure",
    };

    public static string SupersededRelease(Data.Observation latest) =>
        Invariant($"an earlier release of the figure published again at {Line(latest)}{(latest.Published.Length > 0 ? " (" + latest.Published + ")" : string.Empty)}");

    public static string WeakerStatus(Data.Observation best, Data.Observation weaker) =>
        Invariant($"the {StatusWords(best.Status)} of the same year at {Line(best)} supersedes this {StatusWords(weaker.Status)}");

    public static string BoundOnPublished(Data.Observation published) =>
        Invariant($"the figure itself is published at {Line(published)}, so a bound on it adds nothing");

    public static string SameGrowthElsewhere(Data.Observation used) => Invariant($"the same year's growth rate is taken from {Line(used)}");

    public static string GrowthBeforeStart(int year, int first) =>
        Invariant($"it is growth over {year - 1}, before the model's first year ({first})");

    public static string LaterPeriod(Data.Observation later) => Invariant($"the {later.Period} rate at {Line(later)} covers the same months and more");

    public static string WholeYearGrowth(Data.Observation whole) => Invariant($"the whole year's rate is published at {Line(whole)}");

    public static string YearToDateLevelAlone(Data.Observation o) =>
        Invariant($"a {o.Period} level gives growth only against {o.Period} {o.Year - 1} on the same basis, which the data do not have");

    public static string YearToDateLevelWords(Data.Observation o, Data.Observation before) =>
        Invariant($"growth of {o.Period} {o.Year} on {before.Period} {before.Year} ({Line(before)}), standing for the year's");

    public static string YearToDateBase(Data.Observation o) => Invariant($"the base of the year-to-date growth at {Line(o)}");

    public static string LevelWords(Data.Observation o) =>
        Invariant($"level{(o.Basis.Length > 0 ? ", " + Data.BasisText.Phrase(o.Basis) : string.Empty)}{(o.Status == Data.ObservationStatus.Reported ? string.Empty : ", " + StatusWords(o.Status))}");

    public static string ShareWords(Data.Observation o) =>
        Invariant($"share{(o.Status == Data.ObservationStatus.Reported ? string.Empty : ", " + StatusWords(o.Status))}");

    public static string GrowthWords(Data.Observation row, Data.IndicatorDefinition indicator, bool onItsOwn)
    {
        var kind = indicator.GrowthBasis == Data.GrowthBasis.Real ? "real" : "nominal";
        var part = row.IsWholeYear ? string.Empty : Invariant($", {row.Period} standing for the year");
        return Invariant($"{kind} growth of {indicator.Short} in {row.Year}{part}");
    }

    public static string BoundWords(Data.Observation o) =>
        Invariant($"{(o.Status == Data.ObservationStatus.LowerBound ? "lower" : "upper")} bound{(o.Basis.Length > 0 ? ", " + Data.BasisText.Phrase(o.Basis) : string.Empty)}{(o.IsInferred ? " (inferred)" : string.Empty)}");

    public static string LevelNotUsed(string why) => Invariant($"; its level is not used: {why}");

    public static string GrowthNotUsed(double value, string why) => Invariant($"; its growth rate ({value:+0.0;−0.0} %) is not used: {why}");

    public static string GrowthAlsoUsed(string words) => Invariant($"; and its growth rate, as {words}");

    public static string GrowthOfKnownLevels(Data.Observation row) =>
        Invariant($"with GDP published for {row.Year - 1} and {row.Year} it measures only that year's prices, which nothing here needs");

    public static string GrowthInPrior(Data.Observation row) =>
        Invariant($"with GDP published for {row.Year - 1} and {row.Year} it measures only prices, and enters the price prior so");

    public static string ScaleWords(ScaleParameter scale) => Invariant($"in the estimate of the {scale.Name}");

    public static string SilenceSettled(Data.SilenceEvidence s) =>
        Invariant($"The silence of {s.Source} is not weighed: the target year's own figure settles the question.");

    public static string SilenceBroken(Data.SilenceEvidence s, Data.Observation figure) =>
        Invariant($"The silence of {s.Source} about {s.Indicator.Short} up to {s.ThroughYear} is not weighed: the data now have a {s.Indicator.Short} figure for {figure.Year} (line {figure.Location.Line}), so the source's not naming one says nothing more.");

    public static string SilenceOutside(Data.SilenceEvidence s, int first, int target) =>
        Invariant($"The silence of {s.Source} (to {s.ThroughYear}) is not weighed: it covers no year after {first} and before {target} without a {s.Indicator.Short} figure.");

    public static string NotALevel(Data.IndicatorDefinition indicator) =>
        Invariant($"{indicator.Id} is not a level and data/relations.csv ties it to none, so the outlook cannot model it. Judge a target on a level indicator, or add a relation for it.");

    public static string NoPublishedLevel(string zone, Data.IndicatorDefinition indicator) =>
        Invariant($"{zone} {indicator.Id} has no reported level up to the target year for the outlook to start from. Add one (status reported) to the data.");

    public static string NoDriftEvidence(string zone, Data.IndicatorDefinition top, Data.IndicatorDefinition root, int first) =>
        Invariant($"How far {top.Short} ÷ {root.Short} drifts from year to year cannot be estimated: {zone} has fewer than two years up to {first} with both published on the first-published basis (or a growth rate implying one). Add earlier years' {top.Short} with its growth rate, or {root.Short} levels for the years {top.Short} has.");

    public static string NoGrowthForecast(string zone, Data.IndicatorDefinition root, int count) =>
        Invariant($"{zone}'s {root.Short} growth is published for neither the whole of some year the outlook needs nor part of it, and the data have too little to forecast it: {count} usable rates, where three whole-year real growth rates, or two changes of consecutive levels on one basis, are needed. Add the zone's real growth for that year (a year-to-date rate will do), or levels or real growth for earlier years.");

    /// <summary>"2022 (estimate)", "2024 (revised after the 5th census)", "2025 Q1-Q3".</summary>
    public static string RowBrief(Data.Observation o)
    {
        var marks = new List<string>();
        if (o.Basis.Length > 0)
        {
            marks.Add(Data.BasisText.Brief(o.Basis));
        }

        if (o.Status != Data.ObservationStatus.Reported)
        {
            marks.Add(o.Status == Data.ObservationStatus.Approximate ? "about" : Data.ObservationStatusText.ToText(o.Status));
        }

        return Invariant($"{o.Year}{(o.IsWholeYear ? string.Empty : " " + o.Period)}{(marks.Count > 0 ? " (" + string.Join(", ", marks) + ")" : string.Empty)}");
    }
}
