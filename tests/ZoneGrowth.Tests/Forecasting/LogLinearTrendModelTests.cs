using System.Text.Json;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Forecasting;

/// <summary>
/// The log-linear trend as a target model, against R's lm() and predict(se.fit = TRUE) on the HHZ
/// revenue series with its two derived points (Forecasting/Reference/growth_models_reference.R).
/// </summary>
public class LogLinearTrendModelTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Reference", "growth_models_reference.json"))).RootElement.GetProperty("hhz_revenue_trend");

    private static readonly DataSet Shipped = DataSet.LoadDefault();
    private static readonly IndicatorSeries Revenue = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
    private static readonly LogLinearTrendModel Model = LogLinearTrendModel.Fit(Revenue);

    [Fact]
    public void PredictiveDistributionMatchesRsPredictionInterval()
    {
        var years = Reference.GetProperty("forecast_years").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var location = Reference.GetProperty("location").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var scale = Reference.GetProperty("scale").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        Assert.Equal(Reference.GetProperty("slope").GetDouble(), Model.Trend.LogSlope, 1e-12);
        for (var i = 0; i < years.Length; i++)
        {
            var predictive = Model.Predict(years[i]);
            Assert.Equal(location[i], predictive.Location, 1e-11);
            Assert.Equal(scale[i], predictive.Scale, 1e-12);
            Assert.Equal(2, predictive.DegreesOfFreedom);
        }
    }

    [Fact]
    public void ProbabilityOfTheTargetMatchesRsPt()
    {
        var assessment = TargetAssessment.Create(Revenue, Target.Find(Shipped, "digital_economy_revenue", 2025));

        var probability = assessment.Probability(Model);

        Assert.Equal(Reference.GetProperty("probability_6000_2025").GetDouble(), probability.Probability, 1e-9);
        Assert.Equal("log-linear trend", probability.ModelName);
    }

    [Fact]
    public void PathModelMarginalsAreThePredictiveDistributions()
    {
        var paths = Model.Paths(2027);

        for (var year = 2022; year <= 2027; year++)
        {
            var marginal = paths.Marginal(year);
            var predictive = Model.Predict(year);
            Assert.Equal(predictive.Location, marginal.Location, 1e-12);
            Assert.Equal(predictive.Scale, marginal.Scale, 1e-12);
        }
    }

    [Fact]
    public void MonteCarloAgreesWithTheClosedFormWithinItsStandardError()
    {
        // A target near the 2025 median (P = 0.5 by construction) is where the check is sharpest.
        var target = Target.Find(Shipped, "digital_economy_revenue", 2025) with { Value = Model.Predict(2025).Median };
        var assessment = TargetAssessment.Create(Revenue, target);

        var simulation = assessment.Simulate(Model, new MonteCarloOptions { Paths = 200_000, Seed = 17 });

        Assert.Equal(0.5, simulation.AnalyticProbability, 1e-12);
        Assert.Equal(0.5, simulation.Probability, 4 * Math.Sqrt(0.25 / 200_000));
    }

    [Fact]
    public void RefusesAYearThatIsNotAfterTheData()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Predict(2021));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Paths(2021));
    }
}
