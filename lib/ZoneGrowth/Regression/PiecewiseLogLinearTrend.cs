using System.Globalization;

namespace ZoneGrowth.Regression;

/// <summary>
/// A log-linear trend whose slope changes at a break year B, in one of two forms (<see cref="PiecewiseTrendForm"/>):
/// a continuous hinge ln(v) = a + b·t + c·max(0, year − B), or separate intercept and slope from B on
/// ln(v) = a + b·t + d·D + e·D·t with D = 1{year ≥ B}; t = year − baseYear. A Chow test for a break at B is reported
/// whenever each regime has at least two points and n ≥ 5.
/// </summary>
public sealed class PiecewiseLogLinearTrend
{
    private readonly GrowthSeries series;

    /// <summary>Creates the model and validates the series and the break year.</summary>
    /// <param name="years">Observation years (distinct, gaps allowed).</param>
    /// <param name="values">Observed values, positive and finite.</param>
    /// <param name="seriesLabel">Series name used in errors and summaries.</param>
    /// <param name="breakYear">The break year B, strictly between the first and last observed years; it belongs to the second regime.</param>
    /// <param name="form">Hinge (continuous, default) or separate segments.</param>
    /// <param name="baseYear">Year at which t = 0; default the first year.</param>
    /// <exception cref="RegressionException">Invalid series, a break year not strictly inside the sample, or a segment too short for the form.</exception>
    public PiecewiseLogLinearTrend(IReadOnlyList<int> years, IReadOnlyList<double> values, string seriesLabel, int breakYear, PiecewiseTrendForm form = PiecewiseTrendForm.Hinge, int? baseYear = null)
    {
        int minimum = form == PiecewiseTrendForm.Hinge ? 4 : 5;
        series = GrowthSeries.Create(years, values, seriesLabel, minimum, form == PiecewiseTrendForm.Hinge ? "hinge trend (3 parameters)" : "separate-segments trend (4 parameters)");
        if (breakYear <= series.Years[0] || breakYear > series.Years[^1] || (form == PiecewiseTrendForm.Hinge && breakYear >= series.Years[^1]))
        {
            throw new RegressionException(RegressionMessages.BreakYearOutside(seriesLabel, breakYear, series.Years[0], series.Years[^1]));
        }

        if (form == PiecewiseTrendForm.SeparateSegments)
        {
            int before = series.Years.Count(y => y < breakYear);
            int after = series.Years.Length - before;
            if (before < 2)
            {
                throw new RegressionException(RegressionMessages.SegmentTooShort(seriesLabel, breakYear, "before-break", before, 2));
            }

            if (after < 2)
            {
                throw new RegressionException(RegressionMessages.SegmentTooShort(seriesLabel, breakYear, "from-break", after, 2));
            }
        }

        BreakYear = breakYear;
        Form = form;
        BaseYear = baseYear ?? series.Years[0];
    }

    /// <summary>Series name.</summary>
    public string SeriesLabel => series.Label;

    /// <summary>The break year B (first year of the second regime).</summary>
    public int BreakYear { get; }

    /// <summary>The piecewise form.</summary>
    public PiecewiseTrendForm Form { get; }

    /// <summary>Year at which t = 0.</summary>
    public int BaseYear { get; }

    /// <summary>Fits the piecewise trend (and the Chow test when both regimes have two points or more).</summary>
    /// <param name="covariance">Covariance estimator for the coefficient standard errors.</param>
    public PiecewiseTrendResults Fit(CovarianceType covariance = CovarianceType.Classical)
    {
        var t = series.Years.Select(y => (double)(y - BaseYear)).ToArray();
        string trendName = LogLinearTrend.TrendRegressorName(BaseYear);
        string responseName = "ln(" + series.Label + ")";
        string breakText = BreakYear.ToString(CultureInfo.InvariantCulture);
        var dummy = series.Years.Select(y => y >= BreakYear ? 1.0 : 0.0).ToArray();
        var separate = new OrdinaryLeastSquares(
            series.LogValues,
            [new Regressor(trendName, t), new Regressor("from " + breakText, dummy), new Regressor("from " + breakText + " x (" + trendName + ")", dummy.Select((d, i) => d * t[i]).ToArray())],
            includeIntercept: true,
            responseName: responseName);
        RegressionResults regression;
        if (Form == PiecewiseTrendForm.Hinge)
        {
            var hinge = series.Years.Select(y => Math.Max(0.0, y - BreakYear)).Select(v => (double)v).ToArray();
            regression = new OrdinaryLeastSquares(series.LogValues, [new Regressor(trendName, t), new Regressor("max(0, year - " + breakText + ")", hinge)], includeIntercept: true, responseName: responseName)
                .Fit(covariance);
        }
        else
        {
            regression = separate.Fit(covariance);
        }

        ChowTestResult? chow = null;
        int before = series.Years.Count(y => y < BreakYear);
        int after = series.Years.Length - before;
        if (before >= 2 && after >= 2 && series.Years.Length >= 5)
        {
            var pooled = new OrdinaryLeastSquares(series.LogValues, [new Regressor(trendName, t)], includeIntercept: true, responseName: responseName).Fit();
            var unrestricted = Form == PiecewiseTrendForm.SeparateSegments ? regression : separate.Fit();
            chow = new ChowTestResult(BreakYear, pooled.SumOfSquaredResiduals, unrestricted.SumOfSquaredResiduals, 2, series.Years.Length - 4);
        }

        return new PiecewiseTrendResults(series.Label, BreakYear, Form, regression, chow);
    }
}
