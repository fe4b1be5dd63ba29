using System.Text.Json;
using ZoneGrowth.Forecasting;

namespace ZoneGrowth.Tests.Forecasting;

/// <summary>
/// The Kalman filter and smoother against an independent implementation: statsmodels 0.13.5's
/// MLEModel with the same local linear trend, time-varying observation variances and approximate
/// diffuse start, and the same quantities computed without recursions in 60-digit arithmetic
/// (mpmath). Script and values: Forecasting/Reference/llt_reference.py and .json. The 10⁶ diffuse
/// start costs about seven digits in any double-precision filter, so the tolerance is 1e-6
/// relative (with an absolute floor of 1e-9 for numbers near zero); smoothed covariances of the
/// first two years, where every double-precision smoother loses its digits to the diffuse start,
/// are not compared.
/// </summary>
public sealed class LocalLinearTrendTests
{
    private static readonly JsonElement[] Cases = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Reference", "llt_reference.json"))).RootElement.GetProperty("cases").EnumerateArray().ToArray();

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);

    private static (List<StateSpaceObservation> Observations, int LastYear) Inputs(JsonElement c)
    {
        var years = c.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        var y = c.GetProperty("y").EnumerateArray().ToArray();
        var h = c.GetProperty("h").EnumerateArray().ToArray();
        var observations = new List<StateSpaceObservation>();
        for (var t = 0; t < years.Length; t++)
        {
            if (y[t].ValueKind == JsonValueKind.Number)
            {
                observations.Add(new StateSpaceObservation(years[t], y[t].GetDouble(), h[t].GetDouble(), EvidenceKind.Reported, "case"));
            }
        }

        return (observations, years[^1]);
    }

    private static LocalLinearTrend FilterAtFixedParameters(JsonElement c)
    {
        var (observations, last) = Inputs(c);
        var p = c.GetProperty("params");
        return LocalLinearTrend.Filter(observations, p.GetProperty("s2_level").GetDouble(), p.GetProperty("s2_slope").GetDouble(), last);
    }

    private static void Close(double expected, double actual, string what)
    {
        var tolerance = Math.Max(1e-6 * Math.Abs(expected), 1e-9);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static double[] Vector(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static double[,] Matrix(JsonElement e)
    {
        var rows = e.EnumerateArray().Select(Vector).ToArray();
        return new[,] { { rows[0][0], rows[0][1] }, { rows[1][0], rows[1][1] } };
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FilteredAndSmoothedStatesAreTheExactOnes(string name)
    {
        var c = Case(name);
        var exact = c.GetProperty("exact_1e6_prior");
        var model = FilterAtFixedParameters(c);
        var years = c.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        var filtered = exact.GetProperty("filtered_state").EnumerateArray().ToArray();
        var filteredCov = exact.GetProperty("filtered_state_cov").EnumerateArray().ToArray();
        var smoothed = exact.GetProperty("smoothed_state").EnumerateArray().ToArray();
        var smoothedCov = exact.GetProperty("smoothed_state_cov").EnumerateArray().ToArray();
        for (var t = 0; t < years.Length; t++)
        {
            var f = model.Filtered(years[t]);
            Close(Vector(filtered[t])[0], f.Level, $"{years[t]} filtered level");
            Close(Vector(filtered[t])[1], f.Slope, $"{years[t]} filtered slope");
            var s = model.Smoothed(years[t]);
            Close(Vector(smoothed[t])[0], s.Level, $"{years[t]} smoothed level");
            Close(Vector(smoothed[t])[1], s.Slope, $"{years[t]} smoothed slope");
            if (t >= 2)
            {
                var fc = Matrix(filteredCov[t]);
                var sc = Matrix(smoothedCov[t]);
                for (var i = 0; i < 2; i++)
                {
                    for (var j = 0; j < 2; j++)
                    {
                        Close(fc[i, j], f.Covariance[i, j], $"{years[t]} filtered cov[{i},{j}]");
                        Close(sc[i, j], s.Covariance[i, j], $"{years[t]} smoothed cov[{i},{j}]");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void LogLikelihoodAndPredictionErrorsAreTheExactOnes(string name)
    {
        var c = Case(name);
        var exact = c.GetProperty("exact_1e6_prior");
        var model = FilterAtFixedParameters(c);

        Close(exact.GetProperty("loglik").GetDouble(), model.LogLikelihood, "log-likelihood");
        var errors = exact.GetProperty("forecast_error").EnumerateArray().ToArray();
        for (var t = 2; t < errors.Length; t++)
        {
            if (errors[t].ValueKind == JsonValueKind.Number)
            {
                Close(errors[t].GetDouble(), model.ForecastErrors[t], $"v[{t}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void LagOneSmoothedAutocovarianceIsStatsmodels(string name)
    {
        var c = Case(name);
        var model = FilterAtFixedParameters(c);
        var years = c.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        var autocov = c.GetProperty("exact_1e6_prior").GetProperty("smoothed_state_autocov").EnumerateArray().ToArray();
        for (var t = 3; t < years.Length; t++)
        {
            var expected = Matrix(autocov[t]);
            var actual = model.SmoothedLagOneCovariance(years[t]);
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    Close(expected[i, j], actual[i, j], $"{years[t]} autocov[{i},{j}]");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximumLikelihoodVariancesAreStatsmodels(string name)
    {
        var c = Case(name);
        var mle = c.GetProperty("mle");
        double[] expected = [mle.GetProperty("mle_params").GetProperty("s2_level").GetDouble(), mle.GetProperty("mle_params").GetProperty("s2_slope").GetDouble()];
        var (observations, last) = Inputs(c);

        var model = LocalLinearTrend.FitMaximumLikelihood(observations, last);

        // The optimum of a likelihood that is flat to ~1e-7 is located to about 1e-3 relative (the
        // reference notes the same for statsmodels' own optimiser); a zero boundary to 1e-6 absolute.
        Assert.True(Math.Abs(expected[0] - model.LevelVariance) <= Math.Max(2e-3 * expected[0], 1e-6), $"σ²_level {model.LevelVariance:R}, statsmodels {expected[0]:R}");
        Assert.True(Math.Abs(expected[1] - model.SlopeVariance) <= Math.Max(2e-3 * expected[1], 1e-6), $"σ²_slope {model.SlopeVariance:R}, statsmodels {expected[1]:R}");
        Assert.True(model.LogLikelihood >= mle.GetProperty("mle_loglik").GetDouble() - 1e-6);
    }

    [Fact]
    public void YearsAfterTheLastObservationAreForecastsOfTheLastFilteredState()
    {
        var c = Case("synthetic_horizon");
        var model = FilterAtFixedParameters(c);
        var last = model.Filtered(2021);

        // T^k applied to the last filtered state: level + k·slope (analytic).
        for (var k = 1; k <= 4; k++)
        {
            Assert.Equal(last.Level + (k * last.Slope), model.Level(2021 + k).Mean, 1e-12);
        }

        var covariance = model.LevelCovariance(2022, 2025);
        Assert.Equal(model.Level(2024).Variance, covariance[2, 2], 1e-15);
        Assert.True(covariance[0, 3] > 0);
    }

    [Fact]
    public void RefusesTwoObservationsInAYearAndTooFewToEstimate()
    {
        StateSpaceObservation O(int year) => new(year, 1, 0.01, EvidenceKind.Reported, "x");

        Assert.Contains("2020 has 2 observations", Assert.Throws<ArgumentException>(() => LocalLinearTrend.Filter([O(2019), O(2020), O(2020)], 0, 0)).Message);
        Assert.Contains("at least three", Assert.Throws<ArgumentException>(() => LocalLinearTrend.FitMaximumLikelihood([O(2019), O(2020)])).Message);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GeneralisedLeastSquaresGivesTheSmoothedLevelsOfTheKalmanReference(string name)
    {
        // The dense GLS solution with independent errors is the smoother with an exactly diffuse
        // start; the reference's start is 10⁶-diffuse, which differs by O(10⁻⁶), hence 1e-5.
        var c = Case(name);
        var (observations, _) = Inputs(c);
        var p = c.GetProperty("params");
        var gls = LocalLinearTrendGls.Solve(observations, null, p.GetProperty("s2_level").GetDouble(), p.GetProperty("s2_slope").GetDouble());
        var years = c.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        var smoothed = c.GetProperty("exact_1e6_prior").GetProperty("smoothed_state").EnumerateArray().ToArray();
        var covariance = c.GetProperty("exact_1e6_prior").GetProperty("smoothed_state_cov").EnumerateArray().ToArray();
        for (var t = 0; t < years.Length; t++)
        {
            var (mean, variance) = gls.Level(years[t]);
            Assert.True(Math.Abs(Vector(smoothed[t])[0] - mean) <= 1e-5 * Math.Abs(mean), $"{years[t]}: {mean:R} vs {Vector(smoothed[t])[0]:R}");
            var expected = Matrix(covariance[t])[0, 0];
            Assert.True(Math.Abs(expected - variance) <= Math.Max(1e-5 * expected, 1e-10), $"{years[t]} variance: {variance:R} vs {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GeneralisedLeastSquaresMaximumLikelihoodIsStatsmodelsExactDiffuseOptimum(string name)
    {
        var c = Case(name);
        var expected = c.GetProperty("mle").GetProperty("statsmodels_exact_diffuse_optimum").GetProperty("params");
        var (observations, _) = Inputs(c);

        var gls = LocalLinearTrendGls.FitMaximumLikelihood(observations);

        foreach (var (actual, key) in new[] { (gls.LevelVariance, "s2_level"), (gls.SlopeVariance, "s2_slope") })
        {
            var e = expected.GetProperty(key).GetDouble();
            Assert.True(Math.Abs(e - actual) <= Math.Max(2e-3 * e, 1e-6), $"{key} {actual:R}, statsmodels (exact diffuse) {e:R}");
        }
    }
}
