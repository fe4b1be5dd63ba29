using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>
/// Growth models. HHZ GDP expectations come from Reference/statsmodels_reference.py (statsmodels OLS on ln(GDP));
/// the exponential and three-point cases are derived by hand in the comments.
/// </summary>
public sealed class GrowthModelTests
{
    // HHZ GDP, 100 million yuan, reported levels (source: hhz-sources.md); 2019 and 2023 are missing.
    private static readonly int[] HhzYears = [2016, 2017, 2018, 2020, 2021, 2022, 2024];
    private static readonly double[] HhzGdp = [901.4, 1088.9, 1350.7, 1745.7, 2022.6, 2184.8, 2887.8];
    private const string HhzLabel = "HHZ GDP";

    /// <summary>Tolerance for HHZ values against statsmodels: 1e-9 relative (condition number ≈ 10); intervals 1e-8 (scipy's t.ppf error).</summary>
    private const double Tolerance = 1e-9;

    [Fact]
    public void FitsHhzGdpGrowthRateAndIntervalLikeStatsmodels()
    {
        var growth = StatsmodelsReference.Dataset("hhz_gdp").GetProperty("growth");
        var results = new LogLinearTrend(HhzYears, HhzGdp, HhzLabel).Fit();
        Assert.Equal(2016, results.BaseYear);
        StatsmodelsReference.Close(growth.Number("annual_growth_rate"), results.AnnualGrowthRate, Tolerance, "growth rate");
        var interval = results.AnnualGrowthRateInterval();
        var expected = growth.Numbers("annual_growth_rate_ci95");
        StatsmodelsReference.Close(expected[0], interval.Lower, 1e-8, "growth lower");
        StatsmodelsReference.Close(expected[1], interval.Upper, 1e-8, "growth upper");
        Assert.Equal([2019, 2023], results.MissingYears);
    }

    [Fact]
    public void ComputesHhzCompoundAnnualGrowthRateFromEndpoints()
    {
        // Analytic: (2887.8 / 901.4)^(1/8) − 1, evaluated by the script as well; 1e-12 relative.
        double expected = Math.Pow(2887.8 / 901.4, 1.0 / 8.0) - 1.0;
        var results = new LogLinearTrend(HhzYears, HhzGdp, HhzLabel).Fit();
        StatsmodelsReference.Close(expected, results.CompoundAnnualGrowthRate(2016, 2024), 1e-12, "CAGR");
        StatsmodelsReference.Close(StatsmodelsReference.Dataset("hhz_gdp").GetProperty("growth").Number("cagr_2016_2024"), GrowthRates.CompoundAnnualGrowthRate(HhzYears, HhzGdp, HhzLabel, 2016, 2024), 1e-12, "CAGR static");
    }

    [Theory]
    [InlineData(BackTransformCorrection.None, "level_median")]
    [InlineData(BackTransformCorrection.LogNormal, "level_lognormal")]
    [InlineData(BackTransformCorrection.Smearing, "level_smearing")]
    public void PredictsHhzLevelsWithTheChosenBiasCorrection(BackTransformCorrection correction, string key)
    {
        // Script: exp(mean) · {1, exp(mse_resid/2), mean(exp(resid))} at 2019, 2023, 2025, 2026.
        var growth = StatsmodelsReference.Dataset("hhz_gdp").GetProperty("growth");
        var results = new LogLinearTrend(HhzYears, HhzGdp, HhzLabel).Fit();
        var levels = results.PredictLevels([2019, 2023, 2025, 2026], correction);
        StatsmodelsReference.Close(growth.Numbers(key), levels.Levels, Tolerance, key);
        StatsmodelsReference.Close(growth.Numbers("level_median"), levels.Medians, Tolerance, "median");
        Assert.Equal(correction, levels.Correction);
        Assert.Contains(correction switch { BackTransformCorrection.Smearing => "smearing", BackTransformCorrection.LogNormal => "log-normal", _ => "without correction" }, levels.Description, StringComparison.Ordinal);
        Assert.Contains(levels.Description, results.Summary(correction).ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void FitsHhzHingeTrendLikeStatsmodels()
    {
        var reference = StatsmodelsReference.Dataset("hhz_gdp").GetProperty("hinge_2020");
        var results = new PiecewiseLogLinearTrend(HhzYears, HhzGdp, HhzLabel, 2020).Fit();
        StatsmodelsReference.Close(reference.Numbers("params"), results.Regression.Coefficients, Tolerance, "hinge params");
        StatsmodelsReference.Close(reference.Numbers("bse"), results.Regression.StandardErrors, Tolerance, "hinge bse");
        StatsmodelsReference.Close(reference.Number("ssr"), results.Regression.SumOfSquaredResiduals, Tolerance, "hinge ssr");
        var p = reference.Numbers("params");
        StatsmodelsReference.Close(Math.Exp(p[1] + p[2]) - 1, results.GrowthRateAfter, Tolerance, "growth after (exp(b + c) − 1)");
        StatsmodelsReference.Close(Math.Exp(p[1]) - 1, results.GrowthRateBefore, Tolerance, "growth before (exp(b) − 1)");
    }

    [Fact]
    public void FitsHhzSeparateSegmentsAndChowTestLikeStatsmodels()
    {
        var hhz = StatsmodelsReference.Dataset("hhz_gdp");
        var separate = hhz.GetProperty("separate_2020");
        var chow = hhz.GetProperty("chow_2020");
        var results = new PiecewiseLogLinearTrend(HhzYears, HhzGdp, HhzLabel, 2020, PiecewiseTrendForm.SeparateSegments).Fit();
        StatsmodelsReference.Close(separate.Numbers("params"), results.Regression.Coefficients, 1e-8, "separate params");
        StatsmodelsReference.Close(separate.Numbers("bse"), results.Regression.StandardErrors, 1e-8, "separate bse");
        var test = Assert.IsType<ChowTestResult>(results.ChowTest);
        Assert.Equal(2, test.NumeratorDegreesOfFreedom);
        Assert.Equal(3, test.DenominatorDegreesOfFreedom);
        StatsmodelsReference.Close(chow.Number("ssr_restricted"), test.RestrictedSumOfSquares, Tolerance, "SSR restricted");
        StatsmodelsReference.Close(chow.Number("ssr_unrestricted"), test.UnrestrictedSumOfSquares, 1e-8, "SSR unrestricted");
        StatsmodelsReference.Close(chow.Number("f"), test.FStatistic, 1e-8, "Chow F");
        StatsmodelsReference.Close(chow.Number("pvalue"), test.PValue, 1e-8, "Chow p");
        // The hinge form reports the same Chow test (it does not depend on the fitted form).
        var hinge = new PiecewiseLogLinearTrend(HhzYears, HhzGdp, HhzLabel, 2020).Fit();
        StatsmodelsReference.Close(chow.Number("f"), hinge.ChowTest!.FStatistic, 1e-8, "Chow F (hinge)");
        Assert.Contains("Chow test for a break at 2020: F(2, 3)", hinge.Summary().ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExactExponentialSeriesGivesExactlyTenPercentAndZeroStandardError()
    {
        // Hand derivation: v = 100·1.1^t ⇒ ln v = ln 100 + t·ln 1.1 exactly, so b = ln 1.1, e^b − 1 = 0.1 and every residual is 0.
        // In double precision the only error is the rounding of ln(v): we allow 1e-14 on the rate and 1e-14 on SE(b).
        int[] years = [2010, 2011, 2012, 2013, 2014, 2015];
        double[] values = years.Select(y => 100.0 * Math.Pow(1.1, y - 2010)).ToArray();
        var results = new LogLinearTrend(years, values, "exact").Fit();
        Assert.True(Math.Abs(results.AnnualGrowthRate - 0.1) <= 1e-14, $"rate {results.AnnualGrowthRate:R}");
        Assert.True(results.LogSlopeStandardError <= 1e-14, $"SE {results.LogSlopeStandardError:R}");
        var interval = results.AnnualGrowthRateInterval();
        Assert.True(Math.Abs(interval.Lower - 0.1) <= 1e-12 && Math.Abs(interval.Upper - 0.1) <= 1e-12);
        StatsmodelsReference.Close(0.1, results.CompoundAnnualGrowthRate(2010, 2015), 1e-14, "CAGR of an exact series");
    }

    [Fact]
    public void FitsThreePointsWithWideIntervalAndSmallSampleCaveat()
    {
        // Hand derivation for years 2020..2022 (t = 0, 1, 2) and ln v = (0, 1, 3):
        // b = Σ(t − 1)(y − 4/3) / Σ(t − 1)² = 3/2; residuals (1/6, −1/3, 1/6), SSR = 1/6, s² = 1/6 (1 df),
        // SE(b) = √(s²/2) = √(1/12); t_{0.975,1} = tan(0.475π) = 12.706204736174698 (Cauchy quantile), so the 95 % interval
        // of b is 1.5 ± 12.7062·0.288675 and the growth interval is its e^x − 1. Tolerance 1e-12 relative.
        var results = new LogLinearTrend([2020, 2021, 2022], [1.0, Math.E, Math.Exp(3.0)], "three points").Fit();
        StatsmodelsReference.Close(1.5, results.LogSlope, 1e-12, "slope");
        StatsmodelsReference.Close(Math.Sqrt(1.0 / 12.0), results.LogSlopeStandardError, 1e-12, "SE");
        double critical = Math.Tan(0.475 * Math.PI);
        var interval = results.AnnualGrowthRateInterval();
        StatsmodelsReference.Close(Math.Exp(1.5 - (critical * Math.Sqrt(1.0 / 12.0))) - 1, interval.Lower, 1e-12, "lower");
        StatsmodelsReference.Close(Math.Exp(1.5 + (critical * Math.Sqrt(1.0 / 12.0))) - 1, interval.Upper, 1e-12, "upper");
        Assert.True(interval.Lower < 0 && interval.Upper > 100, "three points give a very wide interval");
        var summary = results.Summary();
        Assert.Contains(summary.Caveats, c => c.StartsWith("Very few observations (n = 3", StringComparison.Ordinal));
    }

    [Fact]
    public void AcceptsYearsInAnyOrderAndAnyBaseYear()
    {
        // Reordering the data or moving the base year changes only the intercept, not the slope (b is shift invariant).
        var sorted = new LogLinearTrend(HhzYears, HhzGdp, HhzLabel).Fit();
        var shuffled = new LogLinearTrend(HhzYears.Reverse().ToArray(), HhzGdp.Reverse().ToArray(), HhzLabel, baseYear: 2020).Fit();
        StatsmodelsReference.Close(sorted.LogSlope, shuffled.LogSlope, 1e-12, "slope");
        Assert.Equal("year - 2020", shuffled.Regression.ParameterNames[1]);
    }
}
