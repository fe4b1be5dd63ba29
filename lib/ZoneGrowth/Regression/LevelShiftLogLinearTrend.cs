using ZoneGrowth.Data;

namespace ZoneGrowth.Regression;

/// <summary>
/// A log-linear trend that does not straddle a change of statistical basis:
/// ln(value) = a + b·(year − baseYear) + Σₖ dₖ·[basis = k] + ε, with one level-shift dummy per basis other than the
/// reference basis (the basis of the first year), fitted by OLS. A revision of levels (e.g. after an economic census)
/// moves the intercept of the years on the revised basis by dₖ instead of being read as growth, so the slope b, and
/// the annual growth rate e^b − 1, come from the variation within each basis. With a single basis there is no dummy
/// and the fit is exactly the <see cref="LogLinearTrend"/>.
/// </summary>
/// <remarks>
/// Identification: the slope needs a basis with two years or more; a basis with a single year is fitted exactly by
/// its dummy (residual 0) and carries no information about growth. With m shifts the model has m + 2 parameters, so
/// at least m + 3 points are needed; any series that has them also has a basis with two years.
/// </remarks>
public sealed class LevelShiftLogLinearTrend
{
    private readonly GrowthSeries series;
    private readonly string[] bases;

    /// <summary>Creates the model and validates the series and its bases.</summary>
    /// <param name="years">Observation years (distinct, any order, gaps allowed).</param>
    /// <param name="values">Observed values, positive and finite, one per year.</param>
    /// <param name="bases">The statistical basis of each value, one per year: empty for the basis first published, or a label such as <c>census5</c>.</param>
    /// <param name="seriesLabel">Series name used in errors and summaries.</param>
    /// <param name="baseYear">Year at which the trend term is zero; default the first year.</param>
    /// <exception cref="RegressionException">
    /// The series is invalid for a log-linear trend (see <see cref="LogLinearTrend"/>), the bases do not match the years,
    /// or there are fewer than (number of level shifts) + 3 points.
    /// </exception>
    public LevelShiftLogLinearTrend(IReadOnlyList<int> years, IReadOnlyList<double> values, IReadOnlyList<string> bases, string seriesLabel, int? baseYear = null)
    {
        ArgumentNullException.ThrowIfNull(bases);
        series = GrowthSeries.Create(years, values, seriesLabel, LogLinearTrend.MinimumPoints, "log-linear trend");
        if (bases.Count != years.Count)
        {
            throw new RegressionException(RegressionMessages.SeriesBasesLengthMismatch(seriesLabel, years.Count, bases.Count));
        }

        var byYear = new Dictionary<int, string>();
        for (int i = 0; i < years.Count; i++)
        {
            byYear[years[i]] = bases[i] ?? throw new ArgumentNullException(nameof(bases));
        }

        this.bases = series.Years.Select(y => byYear[y]).ToArray();
        BasisGroups = this.bases.Distinct(StringComparer.Ordinal)
            .Select(b => new BasisYears(b, series.Years.Where((_, i) => this.bases[i] == b).ToList().AsReadOnly()))
            .ToList()
            .AsReadOnly();
        int shifts = BasisGroups.Count - 1;
        if (series.Years.Length < shifts + LogLinearTrend.MinimumPoints)
        {
            throw new RegressionException(RegressionMessages.LevelShiftSeriesTooShort(seriesLabel, series.Years.Length, BasisGroups, shifts));
        }

        BaseYear = baseYear ?? series.Years[0];
    }

    /// <summary>Series name used in errors and summaries.</summary>
    public string SeriesLabel => series.Label;

    /// <summary>Year at which the trend regressor is zero.</summary>
    public int BaseYear { get; }

    /// <summary>The reference basis: that of the first year. The other bases get a level shift.</summary>
    public string ReferenceBasis => BasisGroups[0].Basis;

    /// <summary>The bases in order of their first year, each with its years; the first is the reference basis.</summary>
    public IReadOnlyList<BasisYears> BasisGroups { get; }

    /// <summary>Fits the trend by OLS with the chosen covariance (default classical).</summary>
    /// <param name="covariance">Covariance estimator for the standard errors. HC2 and HC3 divide by 1 − leverage, so they fail when a basis has a single year (leverage 1).</param>
    /// <param name="maxLags">Newey-West lag (only for <see cref="CovarianceType.NeweyWest"/>).</param>
    /// <param name="useCorrection">Newey-West small-sample correction (only for <see cref="CovarianceType.NeweyWest"/>).</param>
    public LevelShiftTrendResults Fit(CovarianceType covariance = CovarianceType.Classical, int? maxLags = null, bool useCorrection = false)
    {
        var trend = series.Years.Select(y => (double)(y - BaseYear)).ToArray();
        var regressors = new List<Regressor> { new(LogLinearTrend.TrendRegressorName(BaseYear), trend) };
        regressors.AddRange(BasisGroups.Skip(1).Select(g => new Regressor(BasisText.ParameterName(g.Basis), bases.Select(b => b == g.Basis ? 1.0 : 0.0).ToArray())));
        var model = new OrdinaryLeastSquares(series.LogValues, regressors, includeIntercept: true, responseName: "ln(" + series.Label + ")");
        var results = model.Fit(covariance, maxLags, useCorrection);
        return new LevelShiftTrendResults(series, bases, BasisGroups, BaseYear, results);
    }
}
