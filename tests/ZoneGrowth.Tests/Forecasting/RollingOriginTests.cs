using System.Globalization;
using System.Text;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Nowcast;

namespace ZoneGrowth.Tests.Forecasting;

/// <summary>
/// Rolling-origin evaluation: the trend model on an exactly log-linear series (errors 0,
/// analytically), the random walk with drift against its closed-form forecast, the counts of
/// origins and forecasts on HHZ GDP implied by its years, and structural properties of the
/// state-space model (which has no independent reference here).
/// </summary>
public class RollingOriginTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    private static IndicatorSeries Synthetic(int firstYear, IReadOnlyList<double> levels)
    {
        var csv = new StringBuilder("zone,indicator,year,value,unit,status,source\n");
        for (var i = 0; i < levels.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Alpha,revenue,{firstYear + i},{levels[i]:R},亿元,reported,synthetic\n");
        }

        return DataSet.Load(TestFiles.Temporary(csv.ToString()), TestFiles.Catalog).Series("revenue");
    }

    /// <summary>HHZ GDP, reported values on the original basis: 2016, 2017, 2018, 2020, 2021, 2022 (no 2019; 2024 is on the census-revised basis).</summary>
    private static IndicatorSeries HhzGdp() => Shipped.Series("gdp", "HHZ").Until(2022);

    [Fact]
    public void TheTrendModelForecastsAnExactlyLogLinearSeriesWithoutError()
    {
        // 100·1.1^t, 2010-2017: ln level is exactly linear in the year, so the OLS line through
        // any three or more points is that line and every forecast equals the actual.
        var series = Synthetic(2010, Enumerable.Range(0, 8).Select(t => 100 * Math.Pow(1.1, t)).ToArray());
        var result = RollingOrigin.Run(series, [new GrowthModelFactory("trend", LogLinearTrendModel.Fit)]);

        // Origins: the years with at least 3 points up to them, except the last: 2012-2016.
        Assert.Equal([2012, 2013, 2014, 2015, 2016], result.Origins);

        // Forecasts within 4 years: 4 + 4 + 3 + 2 + 1.
        Assert.Equal(14, result.Forecasts.Count);
        Assert.Empty(result.Skipped);
        Assert.All(result.Forecasts, f => Assert.True(Math.Abs(f.LogError) < 1e-12, $"{f.Origin}→{f.Year}: e = {f.LogError}"));
        Assert.True(result.Summary[0].MeanAbsoluteLogErrorPercent < 1e-10);
    }

    [Fact]
    public void TheRandomWalkWithDriftForecastsFollowTheClosedForm()
    {
        var levels = new[] { 100.0, 112, 119, 135, 150, 158, 176, 190 };
        var series = Synthetic(2010, levels);
        var result = RollingOrigin.Run(series, [new GrowthModelFactory("rwf", RandomWalkWithDrift.Fit)]);

        Assert.Equal(14, result.Forecasts.Count);
        foreach (var f in result.Forecasts)
        {
            // rwf(drift = TRUE) from origin o, gap-free: x_o · (x_o / x_first)^((y − o) / (o − first)).
            var xo = levels[f.Origin - 2010];
            var expected = xo * Math.Pow(xo / levels[0], (double)(f.Year - f.Origin) / (f.Origin - 2010));
            Assert.Equal(expected, f.Median, expected * 1e-12);
            Assert.Equal(levels[f.Year - 2010], f.Actual);
            Assert.Equal(Math.Log(f.Actual / expected), f.LogError, 1e-12);
        }
    }

    [Fact]
    public void OnHhzGdpTheOriginsAndForecastsAreThoseItsYearsImply()
    {
        var series = HhzGdp();
        Assert.Equal([2016, 2017, 2018, 2020, 2021, 2022], series.Years);
        var result = RollingOrigin.Run(series, RollingOrigin.StandardModels());

        // Origins need 3 points up to them and a later year: 2018 (2016-2018), 2020, 2021; not 2022.
        // Forecasts within 4 years: from 2018 → 2020 (h 2), 2021 (h 3), 2022 (h 4); from 2020 →
        // 2021 (h 1), 2022 (h 2); from 2021 → 2022 (h 1): 6 per model; by horizon 2, 2, 1, 1.
        Assert.Equal([2018, 2020, 2021], result.Origins);
        Assert.Empty(result.Skipped);
        Assert.Equal(3, result.Summary.Count);
        foreach (var summary in result.Summary)
        {
            Assert.Equal(6, summary.Forecasts);
            Assert.InRange(summary.Coverage, 0, 1);
            Assert.True(double.IsFinite(summary.MeanAbsoluteLogErrorPercent));
            Assert.True(summary.MeanAbsoluteLogErrorPercent >= Math.Abs(summary.MeanLogErrorPercent));
            var byHorizon = result.SummaryByHorizon.Where(s => s.Model == summary.Model).ToDictionary(s => s.Horizon!.Value, s => s.Forecasts);
            Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 2, [3] = 1, [4] = 1 }, byHorizon);
        }

        var frame = result.ToDataFrame();
        Assert.Equal(18, frame.Rows.Count);
        Assert.Equal(["model", "origin", "year", "horizon", "actual", "median", "low_90", "high_90", "log_error", "covered"], frame.Columns.Select(c => c.Name));
        Assert.Equal(3 + 12, result.SummaryToDataFrame().Rows.Count);
        Assert.Contains("random walk with drift", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsThatCannotBeFittedAtAnOriginAreListedWithTheReason()
    {
        // With two points allowed, 2017 becomes an origin (2016-2017), where none of the three
        // models can be fitted (each needs 3 points): three skips, the same 6 forecasts each.
        var result = RollingOrigin.Run(HhzGdp(), RollingOrigin.StandardModels(), minimumPoints: 2);
        Assert.Equal([2017, 2018, 2020, 2021], result.Origins);
        Assert.Equal(3, result.Skipped.Count);
        Assert.All(result.Skipped, s =>
        {
            Assert.Equal(2017, s.Origin);
            Assert.False(string.IsNullOrWhiteSpace(s.Reason));
        });
        Assert.Equal(result.Models, result.Skipped.Select(s => s.Model));
        Assert.All(result.Summary, s => Assert.Equal(6, s.Forecasts));
        Assert.Contains("Not fitted:", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheStateSpaceModelGivesFiniteErrorsAndIntervalsAroundTheMedian()
    {
        var result = RollingOrigin.Run(HhzGdp(), [new GrowthModelFactory("ss", s => StateSpaceGrowthModel.Fit(s))]);
        Assert.Equal(6, result.Forecasts.Count);
        Assert.All(result.Forecasts, f =>
        {
            Assert.True(double.IsFinite(f.LogError));
            Assert.True(f.Low < f.Median && f.Median < f.High, $"{f.Origin}→{f.Year}: {f.Low} {f.Median} {f.High}");
        });
    }

    [Fact]
    public void AtALargerObservationVarianceTheStateSpaceIntervalsWiden()
    {
        // With the state variances held fixed, noisier observations leave more uncertainty about
        // the level (the posterior variance grows with the observation variance) and a published
        // figure is noisier: every interval widens. (Re-estimating the state variances by maximum
        // likelihood need not widen them: on HHZ GDP the 2020→2022 interval narrows at
        // ReportedSd = 0.05, the larger noise being taken from the level's shocks.)
        var noisy = NowcastOptions.Default with { ReportedSd = 0.05 };
        foreach (var origin in new[] { 2018, 2020, 2021 })
        {
            var series = HhzGdp().Until(origin);
            var fitted = StateSpaceGrowthModel.Fit(series);
            var wide = StateSpaceGrowthModel.Filter(series, fitted.LevelVariance, fitted.SlopeVariance, options: noisy);
            for (var year = origin + 1; year <= origin + 4; year++)
            {
                var (n, w) = (fitted.Predict(year), wide.Predict(year));
                Assert.True(w.Quantile(0.95) / w.Quantile(0.05) > n.Quantile(0.95) / n.Quantile(0.05), $"{origin}→{year}: {n.Scale} then {w.Scale}");
            }
        }
    }

    [Fact]
    public void TheStateSpaceModelWeighsEachKindOfEvidenceAndAgreesWithItsPaths()
    {
        var revenue = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
        var model = StateSpaceGrowthModel.Fit(revenue);
        var options = NowcastOptions.Default;
        foreach (var (point, observation) in revenue.Points.Zip(model.Observations))
        {
            var sd = point.IsDerived ? options.DerivedSd : options.ReportedSd;
            Assert.Equal(sd * sd, observation.Variance);
            Assert.Equal(Math.Log(point.Value), observation.LogValue);
        }

        // The prediction four years out is the Kalman reference's forecast at the same variances (its 10⁶ diffuse
        // start against the GLS engine's exact one: agreement to about 1e-6).
        var far = model.LastYear + 4;
        var kalman = LocalLinearTrend.Filter(model.Observations, model.LevelVariance, model.SlopeVariance, far);
        Assert.Equal(kalman.Level(far).Mean, model.Predict(far).Location, 1e-6);
        Assert.Equal(Math.Sqrt(kalman.Level(far).Variance + (options.ReportedSd * options.ReportedSd)), model.Predict(far).Scale, 1e-6);

        // Each year's margin of the path model is the predictive distribution.
        var paths = model.Paths(far);
        for (var year = model.LastYear + 1; year <= far; year++)
        {
            Assert.Equal(model.Predict(year).Location, paths.Marginal(year).Location, 1e-12);
            Assert.Equal(model.Predict(year).Scale, paths.Marginal(year).Scale, 1e-9);
        }
    }

    [Fact]
    public void TheStateSpaceModelNeedsThreePoints()
    {
        var e = Assert.Throws<ArgumentException>(() => StateSpaceGrowthModel.Fit(HhzGdp().Until(2017)));
        Assert.Contains("at least 3", e.Message, StringComparison.Ordinal);
    }
}
