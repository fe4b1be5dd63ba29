using System.Globalization;
using ZoneGrowth.Data;
using static System.FormattableString;

namespace ZoneGrowth.Forecasting;

/// <summary>Every message of the growth models, their Monte Carlo and the out-of-sample evaluation, written once: what was found, the rule, what to do.</summary>
internal static class ForecastingMessages
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

    public static string TooFewPoints(string model, IndicatorSeries series, int needed) =>
        Invariant($"{model} needs at least {needed} values of {series.Zone} {series.Indicator.Id} to estimate its uncertainty; the series has {series.Count} ({string.Join(", ", series.Years)}). ")
        + (series.DerivedPoints.Count == 0 && series.Indicator.GrowthBasis == GrowthBasis.Nominal
            ? "Add data, admit derived previous-year levels (WithImpliedPreviousYears), or use the deterministic scenarios only."
            : "Add data, or use the deterministic scenarios only.");

    public static string NotPositiveInSeries(IndicatorSeries series, SeriesPoint point) =>
        Invariant($"{series.Zone} {series.Indicator.Id} is {point.Value:0.###} in {point.Year}; the log of a non-positive level is undefined. Check that figure.");

    public static string NotEvidenceOfLevel(IndicatorSeries series, SeriesPoint point) =>
        Invariant($"{series.Zone} {series.Indicator.Id} in {point.Year} is a {point.Status.ToText()} figure ({point.Value:0.###}), not an observation of the level; the state-space model takes reported, derived, estimate and approximate figures. Build the series without it.");

    public static string YearNotAfter(int year, int lastYear) =>
        Invariant($"Year {year} is not after the last observation ({lastYear}); forecasts start the year after it.");

    public static string WorkerThreads(int workerThreads) =>
        Invariant($"WorkerThreads is {workerThreads}; a Monte Carlo needs at least one worker thread. Give 1 or more, or leave it unset for one per core.");

    public const string PathModelShape = "Give one mean and one equally long row of loadings per simulated year.";

    public const string ModelsNeedNames = "Give at least one model, each with its own name.";

}
