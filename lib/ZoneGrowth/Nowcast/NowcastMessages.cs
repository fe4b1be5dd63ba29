using System.Globalization;

namespace ZoneGrowth.Nowcast;

/// <summary>Every message of the nowcast layer, written once: what was found, the rule, what to do.</summary>
internal static class NowcastMessages
{

    public static string TooFewToEstimate(int count) =>
        Invariant($"Estimating the model's two variances needs at least three observations (two go to the diffuse start); {count} were given. Give more years, or fix the variances with LocalLinearTrendGls.Solve.");

    public static string TwoObservationsInOneYear(IReadOnlyList<StateSpaceObservation> observations)
    {
        var year = observations.GroupBy(o => o.Year).First(g => g.Count() > 1);
        return Invariant($"{year.Key} has {year.Count()} observations ({string.Join("; ", year.Select(o => o.Description))}); the model takes one per year. Choose one bridge per year, or combine them before filtering.");
    }

    public static string BadObservation(StateSpaceObservation o) =>
        Invariant($"The observation for {o.Year} ({o.Description}) has log value {o.LogValue} and variance {o.Variance}; the log value must be finite and the variance positive. Check the level is positive and give every observation a variance for its kind.");

    public static string NegativeVariance(double level, double slope) =>
        Invariant($"The state variances must be zero or positive; got σ²_level = {level}, σ²_slope = {slope}.");

    public const string NotInYearOrder = "The observations must be in year order, one per year, to match the rows of their covariance matrix. Sort them by year.";

    public static string CovarianceShape(int rows, int columns, int observations) =>
        Invariant($"The observation covariance is {rows} × {columns} but there are {observations} observations; give an n × n matrix in the order of the observations.");

    public static string CovarianceDiagonal(StateSpaceObservation o, double diagonal) =>
        Invariant($"The observation covariance gives {o.Year} ({o.Description}) a variance of {diagonal}, but the observation says {o.Variance}; the diagonal must be the observations' own variances.");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string NoPublishedValue(ZoneGrowth.Data.IndicatorSeries series) =>
        Invariant($"{series.Zone} {series.Indicator.Id} has no published (not derived) value to bridge from. Load a data file with at least one reported value of it.");

    public static string SeveralRevisedBases(string zone, IEnumerable<string> bases) =>
        Invariant($"{zone}'s GDP has levels on several revised bases ({string.Join(", ", bases)}); the nowcast puts one revision back on the original basis. Keep the levels of the latest revision and the original basis, or give the earlier revision's rows the original basis if they replace it.");

    public static string NoRouteReachesTarget(string zone, int lastYear, int targetYear, IEnumerable<string> reached) =>
        Invariant($"No bridge reaches {targetYear} for {zone}: after its last published value ({lastYear}) the data lack a figure each route needs ({string.Join("; ", reached)}). Add the zone's GDP level or real growth (a year-to-date rate will do) for the missing years, or its core added value or share of GDP.");

    public static string NoPriceEvidence(string zone, IEnumerable<int> years) =>
        Invariant($"{zone}'s nominal GDP in {string.Join(", ", years)} is bridged from real growth, which needs its price growth, and the data have too few GDP levels with real growth to estimate it: at least two years of the zone's, or of its province's (data/zones.csv) with one of the zone's. Add GDP levels with their real growth rates for earlier years.");

    public static string SilenceYearOutside(int year, int first, int target) =>
        Invariant($"The silence evidence is about {year}, outside the bridged years {first}-{target}. Give a year between them, or no silence evidence.");

    public static string BadProbability(string what, double value) =>
        Invariant($"{what} must be a probability between 0 and 1; got {value}.");
}
