using System.Globalization;

namespace ZoneGrowth.Regression;

/// <summary>
/// A log-linear trend ln(value) = a + b·(year − baseYear) + ε over any set of distinct years (gaps allowed),
/// fitted by OLS. The annual growth rate is e^b − 1. At least three points are needed (two parameters plus one
/// residual degree of freedom); the summary warns when there are few.
/// </summary>
public sealed class LogLinearTrend
{
    /// <summary>Minimum number of points: two parameters plus one residual degree of freedom.</summary>
    public const int MinimumPoints = 3;

    private readonly GrowthSeries series;

    /// <summary>Creates the model and validates the series.</summary>
    /// <param name="years">Observation years (distinct, any order, gaps allowed).</param>
    /// <param name="values">Observed values, positive and finite, one per year.</param>
    /// <param name="seriesLabel">Series name used in errors and summaries.</param>
    /// <param name="baseYear">Year at which the trend term is zero (the intercept is ln of the trend level then); default the first year.</param>
    /// <exception cref="RegressionException">
    /// Fewer than three points, all years equal, a duplicate year, or a value that is zero, negative, NaN or infinite
    /// (the message names the series label and the year).
    /// </exception>
    public LogLinearTrend(IReadOnlyList<int> years, IReadOnlyList<double> values, string seriesLabel, int? baseYear = null)
    {
        series = GrowthSeries.Create(years, values, seriesLabel, MinimumPoints, "log-linear trend");
        BaseYear = baseYear ?? series.Years[0];
    }

    /// <summary>Series name used in errors and summaries.</summary>
    public string SeriesLabel => series.Label;

    /// <summary>Year at which the trend regressor is zero.</summary>
    public int BaseYear { get; }

    /// <summary>Name of the trend regressor, "year - BaseYear".</summary>
    public string TrendName => TrendRegressorName(BaseYear);

    /// <summary>Fits the trend by OLS with the chosen covariance (default classical).</summary>
    /// <param name="covariance">Covariance estimator for the slope's standard error.</param>
    /// <param name="maxLags">Newey-West lag (only for <see cref="CovarianceType.NeweyWest"/>).</param>
    /// <param name="useCorrection">Newey-West small-sample correction (only for <see cref="CovarianceType.NeweyWest"/>).</param>
    public LogLinearTrendResults Fit(CovarianceType covariance = CovarianceType.Classical, int? maxLags = null, bool useCorrection = false)
    {
        var trend = series.Years.Select(y => (double)(y - BaseYear)).ToArray();
        var model = new OrdinaryLeastSquares(series.LogValues, [new Regressor(TrendName, trend)], includeIntercept: true, responseName: "ln(" + series.Label + ")");
        var results = model.Fit(covariance, maxLags, useCorrection);
        return new LogLinearTrendResults(series, BaseYear, results);
    }

    internal static string TrendRegressorName(int baseYear) => "year - " + baseYear.ToString(CultureInfo.InvariantCulture);
}
