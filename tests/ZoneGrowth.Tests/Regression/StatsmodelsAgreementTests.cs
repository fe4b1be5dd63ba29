using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>
/// Agreement with statsmodels 0.13.5 on everything NIST does not certify. Expected numbers come from
/// Reference/statsmodels_reference.json, produced by the committed Reference/statsmodels_reference.py.
/// Tolerances: 1e-9 relative on the well-conditioned HHZ GDP trend (condition number ≈ 10) and the synthetic sample;
/// 1e-6 relative on Longley, whose condition number 4.9e9 lets statsmodels' pinv solution (not ours: see the NIST tests)
/// carry relative errors of order κ·ε ≈ 1e-6.
/// Intervals built from a Student t quantile are compared at no tighter than 1e-8 relative: statsmodels takes the quantile
/// from scipy 1.10's t.ppf, which is off by up to 2e-9 relative (checked against 40-digit mpmath in StudentTQuantilesMatchExactValues).
/// </summary>
public sealed class StatsmodelsAgreementTests
{
    public static TheoryData<string, string, double> Cases()
    {
        var data = new TheoryData<string, string, double>();
        foreach (var (dataset, tolerance) in new[] { ("longley", 1e-6), ("hhz_gdp", 1e-9), ("synthetic", 1e-9), ("synthetic_no_intercept", 1e-9) })
        {
            foreach (var key in new[] { "nonrobust", "HC0", "HC1", "HC2", "HC3", "HAC1", "HAC1c", "HAC2", "HAC2c" })
            {
                data.Add(dataset, key, tolerance);
            }
        }

        return data;
    }

    public static TheoryData<string, double> Datasets => new() { { "longley", 1e-6 }, { "hhz_gdp", 1e-9 }, { "synthetic", 1e-9 }, { "synthetic_no_intercept", 1e-9 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesStatsmodelsInferenceForEveryCovariance(string dataset, string covariance, double tolerance)
    {
        var reference = StatsmodelsReference.Dataset(dataset);
        var expected = reference.GetProperty("covariances").GetProperty(covariance);
        var results = FitWith(Fit(reference), covariance);
        string what = dataset + "/" + covariance;
        StatsmodelsReference.Close(expected.Numbers("params"), results.Coefficients, tolerance, what + " params");
        StatsmodelsReference.Close(expected.Numbers("bse"), results.StandardErrors, tolerance, what + " bse");
        StatsmodelsReference.Close(expected.Numbers("tvalues"), results.TStatistics, tolerance, what + " tvalues");
        // p values: relative agreement, with a floor of 1e-15 absolute for p values that are exactly representable noise.
        StatsmodelsReference.Close(expected.Numbers("pvalues"), results.PValues, tolerance * 10, what + " pvalues", 1e-14);
        // An interval bound b ± c·se can cancel to near zero, so its error is judged relative to max(|b|, c·se), the size of its parts.
        var ci95 = results.ConfidenceIntervals();
        double intervalTolerance = Math.Max(tolerance, 1e-8);
        CloseBounds(expected.Numbers("ci95_lower"), expected.Numbers("ci95_upper"), ci95, results, intervalTolerance, what + " ci95");
        var ci90 = results.ConfidenceIntervals(0.90);
        CloseBounds(expected.Numbers("ci90_lower"), expected.Numbers("ci90_upper"), ci90, results, intervalTolerance, what + " ci90");
        StatsmodelsReference.Close(expected.Number("fvalue"), results.FStatistic!.Value, tolerance, what + " F");
        StatsmodelsReference.Close(expected.Number("f_pvalue"), results.FPValue!.Value, tolerance * 10, what + " F p value", 1e-14);
        Assert.Equal(expected.GetProperty("use_t").GetBoolean(), results.Distribution == InferenceDistribution.StudentT);
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void MatchesStatsmodelsFitStatisticsAndDiagnostics(string dataset, double tolerance)
    {
        var reference = StatsmodelsReference.Dataset(dataset);
        var results = Fit(reference);
        Assert.Equal(reference.GetProperty("nobs").GetInt32(), results.ObservationCount);
        Assert.Equal(reference.Number("df_model"), results.ModelDegreesOfFreedom);
        Assert.Equal(reference.Number("df_resid"), results.ResidualDegreesOfFreedom);
        StatsmodelsReference.Close(reference.Number("ssr"), results.SumOfSquaredResiduals, tolerance, "ssr");
        StatsmodelsReference.Close(reference.Number("residual_se"), results.ResidualStandardError, tolerance, "residual se");
        StatsmodelsReference.Close(reference.Number("rsquared"), results.RSquared, tolerance, "R²");
        StatsmodelsReference.Close(reference.Number("rsquared_adj"), results.AdjustedRSquared, tolerance, "adjusted R²");
        StatsmodelsReference.Close(reference.Number("llf"), results.LogLikelihood, tolerance, "log-likelihood");
        StatsmodelsReference.Close(reference.Number("aic"), results.Aic, tolerance, "AIC");
        StatsmodelsReference.Close(reference.Number("bic"), results.Bic, tolerance, "BIC");
        StatsmodelsReference.Close(reference.Number("durbin_watson"), results.DurbinWatson, tolerance, "Durbin-Watson");
        StatsmodelsReference.Close(reference.Number("jarque_bera"), results.JarqueBera, tolerance, "Jarque-Bera");
        StatsmodelsReference.Close(reference.Number("jarque_bera_pvalue"), results.JarqueBeraPValue, tolerance, "Jarque-Bera p");
        StatsmodelsReference.Close(reference.Number("skew"), results.Skewness, tolerance, "skew", 1e-3);
        StatsmodelsReference.Close(reference.Number("kurtosis"), results.Kurtosis, tolerance, "kurtosis");
        // The condition number's smallest singular value is itself only known to about κ·ε relative (1e-6 for Longley).
        StatsmodelsReference.Close(reference.Number("condition_number"), results.ConditionNumber, Math.Max(tolerance, 1e-6), "condition number");
        var residuals = reference.Numbers("resid");
        double residualScale = residuals.Max(Math.Abs);
        StatsmodelsReference.Close(residuals, results.Residuals, tolerance, "residuals", residualScale);
        StatsmodelsReference.Close(reference.Numbers("fittedvalues"), results.FittedValues, tolerance, "fitted values");
    }

    [Theory]
    [InlineData("longley", "nonrobust", 1e-6)]
    [InlineData("longley", "HC3", 1e-6)]
    [InlineData("longley", "HAC1", 1e-6)]
    [InlineData("hhz_gdp", "nonrobust", 1e-9)]
    [InlineData("hhz_gdp", "HC3", 1e-9)]
    [InlineData("hhz_gdp", "HAC1", 1e-9)]
    [InlineData("synthetic", "nonrobust", 1e-9)]
    [InlineData("synthetic", "HC3", 1e-9)]
    [InlineData("synthetic", "HAC1", 1e-9)]
    [InlineData("synthetic_no_intercept", "nonrobust", 1e-9)]
    [InlineData("synthetic_no_intercept", "HC3", 1e-9)]
    public void MatchesStatsmodelsPredictionSummaryFrame(string dataset, string covariance, double tolerance)
    {
        var reference = StatsmodelsReference.Dataset(dataset);
        var results = FitWith(Fit(reference), covariance);
        var names = reference.GetProperty("names").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var newRows = reference.Matrix("new_exog");
        int first = HasIntercept(reference) ? 1 : 0;
        var newRegressors = Enumerable.Range(first, names.Length - first).Select(j => new Regressor(names[j], newRows.Select(r => r[j]).ToArray())).ToArray();
        var prediction = results.Predict(newRegressors);
        // Longley: statsmodels' own x0·V·x0ᵀ cancels (κ = 4.9e9) and loses four digits under HAC, so the script also computes the
        // same frame as the intercept of the model re-centred at each new point (well conditioned); that is the reference used here.
        var expected = reference.GetProperty(dataset == "longley" ? "prediction_recentered" : "prediction").GetProperty(covariance);
        string what = dataset + "/" + covariance;
        double intervalTolerance = Math.Max(tolerance, 1e-8); // scipy t.ppf error, see the class comment
        StatsmodelsReference.Close(expected.Numbers("mean"), prediction.Means, tolerance, what + " mean");
        StatsmodelsReference.Close(expected.Numbers("mean_se"), prediction.MeanStandardErrors, tolerance, what + " mean_se");
        StatsmodelsReference.Close(expected.Numbers("mean_ci_lower"), prediction.MeanConfidenceIntervals.Select(c => c.Lower).ToArray(), intervalTolerance, what + " mean_ci_lower");
        StatsmodelsReference.Close(expected.Numbers("mean_ci_upper"), prediction.MeanConfidenceIntervals.Select(c => c.Upper).ToArray(), intervalTolerance, what + " mean_ci_upper");
        StatsmodelsReference.Close(expected.Numbers("obs_ci_lower"), prediction.ObservationPredictionIntervals.Select(c => c.Lower).ToArray(), intervalTolerance, what + " obs_ci_lower");
        StatsmodelsReference.Close(expected.Numbers("obs_ci_upper"), prediction.ObservationPredictionIntervals.Select(c => c.Upper).ToArray(), intervalTolerance, what + " obs_ci_upper");
    }

    [Fact]
    public void StudentTQuantilesMatchExactValues()
    {
        // Reference: 40-digit mpmath quantiles written into the JSON by the script; 1e-12 relative (Newton-polished double precision).
        foreach (var item in StatsmodelsReference.Dataset("student_t_quantiles").EnumerateArray())
        {
            double p = item.Number("p");
            double df = item.Number("df");
            StatsmodelsReference.Close(item.Number("quantile"), ZoneGrowth.Regression.Probability.StudentTQuantile(p, df), 1e-12, $"t quantile p={p} df={df}");
        }
    }

    private static void CloseBounds(double[] lower, double[] upper, IReadOnlyList<ConfidenceInterval> actual, RegressionResults results, double tolerance, string what)
    {
        for (int j = 0; j < lower.Length; j++)
        {
            double parts = Math.Max(Math.Abs(results.Coefficients[j]), (upper[j] - lower[j]) / 2);
            StatsmodelsReference.Close(lower[j], actual[j].Lower, tolerance, $"{what} lower[{j}]", parts);
            StatsmodelsReference.Close(upper[j], actual[j].Upper, tolerance, $"{what} upper[{j}]", parts);
        }
    }

    internal static RegressionResults Fit(System.Text.Json.JsonElement reference)
    {
        var names = reference.GetProperty("names").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var exog = reference.Matrix("exog");
        var y = reference.Numbers("y");
        // Column 0 of statsmodels' exog is the constant when the names start with "Intercept"; the library adds its own.
        int first = HasIntercept(reference) ? 1 : 0;
        var regressors = Enumerable.Range(first, names.Length - first).Select(j => new Regressor(names[j], exog.Select(r => r[j]).ToArray())).ToArray();
        return new OrdinaryLeastSquares(y, regressors, includeIntercept: first == 1).Fit();
    }

    private static bool HasIntercept(System.Text.Json.JsonElement reference) =>
        reference.GetProperty("names")[0].GetString() == OrdinaryLeastSquares.InterceptName;

    internal static RegressionResults FitWith(RegressionResults results, string key) => key switch
    {
        "nonrobust" => results,
        "HC0" => results.WithCovariance(CovarianceType.HC0),
        "HC1" => results.WithCovariance(CovarianceType.HC1),
        "HC2" => results.WithCovariance(CovarianceType.HC2),
        "HC3" => results.WithCovariance(CovarianceType.HC3),
        "HAC1" => results.WithCovariance(CovarianceType.NeweyWest, maxLags: 1),
        "HAC1c" => results.WithCovariance(CovarianceType.NeweyWest, maxLags: 1, useCorrection: true),
        "HAC2" => results.WithCovariance(CovarianceType.NeweyWest, maxLags: 2),
        "HAC2c" => results.WithCovariance(CovarianceType.NeweyWest, maxLags: 2, useCorrection: true),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };
}
