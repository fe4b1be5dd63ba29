using ZoneGrowth.Data;

namespace ZoneGrowth.Regression;

/// <summary>
/// The front door from the data layer to the growth regressions: one call fits an indicator by
/// name from a loaded data set. Only reported values are fitted unless other statuses are asked
/// for by name: estimates, targets and bounds are never fitted silently, and derived points
/// only when the series passed in contains them (see <see cref="IndicatorSeries.WithImpliedPreviousYears"/>).
/// Errors name the series ("HHZ Gross domestic product") and the offending year.
/// </summary>
public static class SeriesRegressions
{
    /// <summary>
    /// The label used in summaries, sentences and errors: the zone and the indicator's name in the catalog (e.g.
    /// "HHZ Gross domestic product"), with "(incl. derived)" when derived points are in. Prose names what the catalog
    /// names; the id is for code.
    /// </summary>
    public static string Label(IndicatorSeries series) =>
        $"{series.Zone} {series.Indicator.EnglishName}" + (series.DerivedPoints.Count > 0 ? " (incl. derived)" : string.Empty);

    /// <summary>
    /// Fits ln(value) = a + b·(year − base) to a series, whatever the bases of its points: a series that changes
    /// statistical basis needs <see cref="FitLevelShiftTrend(IndicatorSeries, int?, CovarianceType)"/>.
    /// </summary>
    public static LogLinearTrendResults FitLogLinearTrend(this IndicatorSeries series, int? baseYear = null, CovarianceType covariance = CovarianceType.Classical)
    {
        ArgumentNullException.ThrowIfNull(series);
        var results = new LogLinearTrend(series.Years, series.Values, Label(series), baseYear).Fit(covariance);
        results.DerivedCount = series.DerivedPoints.Count;
        return results;
    }

    /// <summary>Fits a log-linear trend to an indicator of a data set, by default to its reported values.</summary>
    /// <param name="data">The loaded data.</param>
    /// <param name="indicator">The indicator id, e.g. <c>gdp</c>.</param>
    /// <param name="zone">The zone; may be omitted when only one zone has the indicator.</param>
    /// <param name="statuses">The statuses to fit; by default reported values only.</param>
    /// <param name="baseYear">The year at which the trend term is zero; by default the first year.</param>
    public static LogLinearTrendResults FitLogLinearTrend(this DataSet data, string indicator, string? zone = null, IReadOnlyCollection<ObservationStatus>? statuses = null, int? baseYear = null) =>
        data.Series(indicator, zone, statuses).FitLogLinearTrend(baseYear);

    /// <summary>
    /// Fits the break-aware trend ln(value) = a + b·(year − base) + Σₖ dₖ·[basis = k]: one level shift per
    /// statistical basis other than the first year's (a point's basis is that of its observation; a derived point
    /// has the basis of the figure it was derived from), so that a revision of levels, e.g. after an economic census,
    /// is not counted as growth. With a single basis the results are exactly those of <see cref="FitLogLinearTrend(IndicatorSeries, int?, CovarianceType)"/>.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="baseYear">The year at which the trend term is zero; by default the first year.</param>
    /// <param name="covariance">Covariance estimator for the standard errors.</param>
    public static LevelShiftTrendResults FitLevelShiftTrend(this IndicatorSeries series, int? baseYear = null, CovarianceType covariance = CovarianceType.Classical)
    {
        ArgumentNullException.ThrowIfNull(series);
        var results = new LevelShiftLogLinearTrend(series.Years, series.Values, series.Points.Select(p => p.Observation.Basis).ToArray(), Label(series), baseYear).Fit(covariance);
        results.DerivedCount = series.DerivedPoints.Count;
        return results;
    }

    /// <summary>Fits the break-aware trend (one level shift per basis after the first) to an indicator of a data set, by default to its reported values.</summary>
    /// <param name="data">The loaded data.</param>
    /// <param name="indicator">The indicator id, e.g. <c>gdp</c>.</param>
    /// <param name="zone">The zone; may be omitted when only one zone has the indicator.</param>
    /// <param name="statuses">The statuses to fit; by default reported values only.</param>
    /// <param name="baseYear">The year at which the trend term is zero; by default the first year.</param>
    public static LevelShiftTrendResults FitLevelShiftTrend(this DataSet data, string indicator, string? zone = null, IReadOnlyCollection<ObservationStatus>? statuses = null, int? baseYear = null) =>
        data.Series(indicator, zone, statuses).FitLevelShiftTrend(baseYear);

    /// <summary>Fits a piecewise log-linear trend with a break year, with the Chow test for a break there.</summary>
    public static PiecewiseTrendResults FitPiecewiseTrend(this IndicatorSeries series, int breakYear, PiecewiseTrendForm form = PiecewiseTrendForm.Hinge, int? baseYear = null) =>
        new PiecewiseLogLinearTrend(series.Years, series.Values, Label(series), breakYear, form, baseYear).Fit();
}
