using MathNet.Numerics.Distributions;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Random;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Forecasting;

/// <summary>
/// The Monte Carlo against closed forms: the marginal of every simulated year is Student t
/// (PathModel's docs), so simulated probabilities and quantiles must match it within a tolerance
/// set by the number of draws (4 standard errors: a seeded test, so it cannot flake).
/// </summary>
public class MonteCarloTests
{
    private const int Paths = 200_000;

    private static readonly DataSet Shipped = DataSet.LoadDefault();
    private static readonly IndicatorSeries Revenue = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();
    private static readonly Target Target2025 = Target.Find(Shipped, "digital_economy_revenue", 2025);

    /// <summary>A trend-like model: two correlated parameter loadings, noise around the trend, ν = 3.</summary>
    private static readonly PathModel Trend = new(
        2022,
        [8.5, 8.6, 8.7, 8.8],
        [[0.5, 0.9], [0.5, 1.2], [0.5, 1.5], [0.5, 1.8]],
        cumulativeNoise: false,
        scale: 0.04,
        degreesOfFreedom: 3);

    private static double FourStandardErrors(double p, int n) => 4 * Math.Sqrt(p * (1 - p) / n);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void TrendModelProbabilityAgreesWithTheClosedForm(int yearIndex)
    {
        var marginal = Trend.Marginal(2022 + yearIndex);
        var threshold = marginal.Location + (0.3 * marginal.Scale); // P ≈ 0.39 for t(3)

        var counts = MonteCarlo.Run(Trend, threshold, yearIndex, Paths, seed: 7);

        var expected = 1 - StudentT.CDF(marginal.Location, marginal.Scale, 3, threshold);
        Assert.Equal(expected, (double)counts.Above / Paths, FourStandardErrors(expected, Paths));
    }

    [Fact]
    public void RandomWalkProbabilityAgreesWithTheClosedFormOnTheHhzRevenue()
    {
        var model = RandomWalkWithDrift.Fit(Revenue);
        // A threshold near the 2025 median, where the test is most sensitive: P ≈ 0.4.
        var target = Target2025 with { Value = model.Predict(2025).Quantile(0.6) };
        var assessment = TargetAssessment.Create(Revenue, target);

        var simulation = assessment.Simulate(model, new MonteCarloOptions { Paths = Paths, Seed = 11 });

        Assert.Equal(0.4, simulation.AnalyticProbability, 1e-9);
        Assert.Equal(simulation.AnalyticProbability, simulation.Probability, FourStandardErrors(0.4, Paths));
        Assert.Equal(Math.Sqrt(simulation.Probability * (1 - simulation.Probability) / Paths), simulation.StandardError, 1e-15);
    }

    [Fact]
    public void FirstCrossingInTheFirstYearIsTheFirstYearsMarginal()
    {
        var model = RandomWalkWithDrift.Fit(Revenue);
        var target = Target2025 with { Value = model.Predict(2022).Quantile(0.7) };
        var assessment = TargetAssessment.Create(Revenue, target);

        var simulation = assessment.Simulate(model, new MonteCarloOptions { Paths = Paths, Seed = 5 });

        // No path can cross before 2022, so P(first crossing = 2022) = P(level 2022 ≥ target) = 0.3.
        Assert.Equal(0.3, simulation.FirstCrossing[0].Probability, FourStandardErrors(0.3, Paths));
        Assert.Equal([2022, 2023, 2024, 2025], simulation.FirstCrossing.Select(f => f.Year));
        Assert.Equal(1.0, simulation.FirstCrossing.Sum(f => f.Probability) + simulation.NotCrossedByHorizon, 1e-12);
        // A path at or above the target in 2025 has crossed by 2025.
        Assert.True(1 - simulation.NotCrossedByHorizon >= simulation.Probability);
        Assert.Equal(5, simulation.FirstCrossingFrame().Rows.Count);
    }

    [Fact]
    public void FanQuantilesMatchTheTQuantilesOfEachYear()
    {
        var model = RandomWalkWithDrift.Fit(Revenue);
        var assessment = TargetAssessment.Create(Revenue, Target2025);

        var simulation = assessment.Simulate(model, new MonteCarloOptions { Paths = Paths, Seed = 3, FanProbabilities = [0.1, 0.5, 0.9] });

        foreach (var year in simulation.Fan)
        {
            var predictive = model.Predict(year.Year);
            for (var i = 0; i < year.Probabilities.Count; i++)
            {
                var p = year.Probabilities[i];
                var q = StudentT.InvCDF(predictive.Location, predictive.Scale, predictive.DegreesOfFreedom, p);
                // Standard error of a sample quantile: √(p(1 − p) ÷ n) ÷ density at the quantile (log scale).
                var density = StudentT.PDF(predictive.Location, predictive.Scale, predictive.DegreesOfFreedom, q);
                var tolerance = 4 * Math.Sqrt(p * (1 - p) / Paths) / density;
                Assert.Equal(q, Math.Log(year.Levels[i]), tolerance);
            }
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameResultAndAnotherSeedAnother()
    {
        var a = MonteCarlo.Run(Trend, 8.8, 3, 50_000, seed: 42);
        var b = MonteCarlo.Run(Trend, 8.8, 3, 50_000, seed: 42);
        var c = MonteCarlo.Run(Trend, 8.8, 3, 50_000, seed: 43);

        Assert.Equal(a.Above, b.Above);
        Assert.Equal(a.FirstCrossing, b.FirstCrossing);
        Assert.NotEqual(a.Above, c.Above);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void TheSameSeedGivesTheSameCountsWithAnyNumberOfWorkerThreads(int workerThreads)
    {
        // 50 000 paths are 49 blocks of 1024: more blocks than workers, so every worker takes several.
        var allCores = MonteCarlo.Run(Trend, 8.8, 3, 50_000, seed: 42);
        var counted = MonteCarlo.Run(Trend, 8.8, 3, 50_000, seed: 42, workerThreads: workerThreads);

        Assert.Equal(allCores.Above, counted.Above);
        Assert.Equal(allCores.FirstCrossing, counted.FirstCrossing);
    }

    [Fact]
    public void WorkerThreadsOfTheOptionsLeaveTheSimulationUnchanged()
    {
        // Through the front door, with a fan: every path's levels are kept, so the quantiles would
        // differ if any path were drawn differently.
        var assessment = TargetAssessment.Create(Revenue, Target2025);
        var model = RandomWalkWithDrift.Fit(Revenue);
        var options = new MonteCarloOptions { Paths = 20_000, Seed = 9, FanProbabilities = MonteCarloOptions.StandardFan };

        var allCores = assessment.Simulate(model, options);
        var oneThread = assessment.Simulate(model, options with { WorkerThreads = 1 });

        Assert.Null(options.WorkerThreads);
        Assert.Equal(allCores.Probability, oneThread.Probability);
        Assert.Equal(allCores.FirstCrossing, oneThread.FirstCrossing);
        Assert.Equal(allCores.Fan.SelectMany(y => y.Levels), oneThread.Fan.SelectMany(y => y.Levels));
    }

    [Fact]
    public void NoWorkerThreadIsRefused()
    {
        var assessment = TargetAssessment.Create(Revenue, Target2025);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => assessment.Simulate(RandomWalkWithDrift.Fit(Revenue), new MonteCarloOptions { WorkerThreads = 0 }));

        Assert.Contains("WorkerThreads is 0", e.Message);
        Assert.Contains("at least one worker thread", e.Message);
    }

    [Fact]
    public void AHorizonBeforeTheTargetYearIsRefused()
    {
        var assessment = TargetAssessment.Create(Revenue, Target2025);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => assessment.Simulate(RandomWalkWithDrift.Fit(Revenue), new MonteCarloOptions { HorizonYear = 2024 }));

        Assert.Contains("before the target year 2025", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ZigguratNormalsHaveTheNormalDistribution(bool filled)
    {
        const int n = 1_000_000;
        var rng = new Xoshiro256StarStar(2024);
        var buffer = new double[n];
        if (filled)
        {
            rng.FillNormal(buffer);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                buffer[i] = Ziggurat.NextNormal(ref rng);
            }
        }

        double[] probabilities = [0.0005, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9995];
        var cut = probabilities.Select(p => Normal.InvCDF(0, 1, p)).ToArray();
        var below = new int[cut.Length];
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var z = buffer[i];
            sum += z;
            sumSquares += z * z;
            for (var j = 0; j < cut.Length; j++)
            {
                if (z < cut[j])
                {
                    below[j]++;
                }
            }
        }

        // Mean: SE 1/√n; variance: SE √(2/n).
        Assert.Equal(0, sum / n, 4 / Math.Sqrt(n));
        Assert.Equal(1, sumSquares / n, 4 * Math.Sqrt(2.0 / n));
        for (var j = 0; j < cut.Length; j++)
        {
            Assert.Equal(probabilities[j], (double)below[j] / n, FourStandardErrors(probabilities[j], n));
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.5)]
    public void GammaVariatesHaveTheGammaDistribution(double shape)
    {
        const int n = 400_000;
        var rng = new Xoshiro256StarStar(99);
        var median = Gamma.InvCDF(shape, 1, 0.5);
        var q90 = Gamma.InvCDF(shape, 1, 0.9);
        int belowMedian = 0, belowQ90 = 0;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            var g = Ziggurat.NextGamma(ref rng, shape);
            sum += g;
            belowMedian += g < median ? 1 : 0;
            belowQ90 += g < q90 ? 1 : 0;
        }

        // Gamma(a, 1): mean a, variance a.
        Assert.Equal(shape, sum / n, 4 * Math.Sqrt(shape / n));
        Assert.Equal(0.5, (double)belowMedian / n, FourStandardErrors(0.5, n));
        Assert.Equal(0.9, (double)belowQ90 / n, FourStandardErrors(0.9, n));
    }
}
