using System.Globalization;
using System.Text;
using System.Text.Json;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Forecasting;

/// <summary>
/// The random walk with drift against R: forecast::rwf(drift = TRUE) 8.20 for a gap-free series,
/// and R's pt/qt on the HHZ revenue series with gaps. Script and output:
/// Forecasting/Reference/growth_models_reference.R and .json.
/// </summary>
public class RandomWalkWithDriftTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Reference", "growth_models_reference.json"))).RootElement;

    private static double[] Numbers(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static IndicatorSeries RevenueSeries(IReadOnlyList<double> years, IReadOnlyList<double> levels)
    {
        var csv = new StringBuilder("zone,indicator,year,value,unit,status,source\n");
        for (var i = 0; i < years.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Alpha,revenue,{years[i]},{levels[i]:R},亿元,reported,synthetic\n");
        }

        return DataSet.Load(TestFiles.Temporary(csv.ToString()), TestFiles.Catalog).Series("revenue");
    }

    [Fact]
    public void MatchesForecastRwfOnAGapFreeSeries()
    {
        var r = Reference.GetProperty("gapfree");
        var model = RandomWalkWithDrift.Fit(RevenueSeries(Numbers(r, "years"), Numbers(r, "level")));

        // Tolerance 1e-12 relative: both compute the same closed forms in double precision.
        Assert.Equal(r.GetProperty("drift").GetDouble(), model.Drift, 1e-14);
        Assert.Equal(r.GetProperty("drift_se").GetDouble(), model.DriftStandardError, 1e-14);
        Assert.Equal(r.GetProperty("sigma").GetDouble(), model.Sigma, 1e-14);
        Assert.Equal(r.GetProperty("degrees_of_freedom").GetDouble(), model.DegreesOfFreedom);
        var years = Numbers(r, "forecast_years");
        var location = Numbers(r, "location");
        var scale = Numbers(r, "scale");
        for (var i = 0; i < years.Length; i++)
        {
            var predictive = model.Predict((int)years[i]);
            Assert.Equal(location[i], predictive.Location, 1e-12);
            Assert.Equal(scale[i], predictive.Scale, 1e-12);
        }

        Assert.Equal(r.GetProperty("probability_2025").GetDouble(), model.Predict(2025).ProbabilityAtLeast(r.GetProperty("target").GetDouble()), 1e-9);
    }

    [Fact]
    public void MatchesRsComputationOnTheHhzRevenueSeriesWithGaps()
    {
        var r = Reference.GetProperty("hhz_revenue");
        var revenue = DataSet.LoadDefault().Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
        var assessment = TargetAssessment.Create(revenue, Target.Find(DataSet.LoadDefault(), "digital_economy_revenue", 2025));

        var model = RandomWalkWithDrift.Fit(revenue);
        var probability = assessment.Probability(model);

        Assert.Equal(Numbers(r, "years"), revenue.Years.Select(y => (double)y));
        Assert.Equal(r.GetProperty("drift").GetDouble(), model.Drift, 1e-14);
        Assert.Equal(r.GetProperty("sigma").GetDouble(), model.Sigma, 1e-14);
        Assert.Equal(r.GetProperty("location_2025").GetDouble(), probability.Predictive.Location, 1e-12);
        Assert.Equal(r.GetProperty("scale_2025").GetDouble(), probability.Predictive.Scale, 1e-12);
        // MathNet's Student t against R's pt / qt: agreement to 1e-9 absolute in probability.
        Assert.Equal(r.GetProperty("probability_6000_2025").GetDouble(), probability.Probability, 1e-9);
        Assert.Equal(r.GetProperty("median_2025").GetDouble(), probability.Predictive.Median, 1e-6);
        Assert.Equal(r.GetProperty("q05_2025").GetDouble(), probability.Predictive.Quantile(0.05), 1e-5);
        Assert.Equal(r.GetProperty("q95_2025").GetDouble(), probability.Predictive.Quantile(0.95), 1e-5);
    }

    [Fact]
    public void AnExactExponentialSeriesHasItsRateAndNoUncertainty()
    {
        // 100 × 1.1^t: every log difference is ln 1.1, so drift = ln 1.1 and sigma = 0 (by hand).
        var model = RandomWalkWithDrift.Fit(RevenueSeries([2018, 2019, 2020, 2021], [100, 110, 121, 133.1]));

        Assert.Equal(0.1, model.AnnualGrowthRate, 1e-12);
        Assert.Equal(0, model.Sigma, 1e-7);
        Assert.Equal(100 * Math.Pow(1.1, 7), model.Predict(2025).Median, 1e-6);
    }

    [Fact]
    public void RefusesFewerThanThreePoints()
    {
        var e = Assert.Throws<ArgumentException>(() => RandomWalkWithDrift.Fit(DataSet.LoadDefault().Series("digital_economy_revenue", "HHZ")));

        Assert.Contains("at least 3 values", e.Message);
        Assert.Contains("2018, 2021", e.Message);
        Assert.Contains("WithImpliedPreviousYears", e.Message);
    }

    [Fact]
    public void UncertaintyWidensWithTheHorizon()
    {
        var model = RandomWalkWithDrift.Fit(DataSet.LoadDefault().Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears());

        var scales = Enumerable.Range(2022, 4).Select(y => model.Predict(y).Scale).ToArray();

        Assert.Equal(scales.Order(), scales);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(2021));
    }
}
