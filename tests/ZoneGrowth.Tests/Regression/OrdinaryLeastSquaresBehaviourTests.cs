using System.Globalization;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>Behaviour of the model and results objects that needs no reference software.</summary>
public sealed class OrdinaryLeastSquaresBehaviourTests
{
    [Fact]
    public void UsesTheNeweyWestRuleOfThumbWhenNoLagIsGiven()
    {
        // Analytic: n = 40 ⇒ floor(4·(40/100)^(2/9)) = floor(4·0.8158) = floor(3.263) = 3.
        var reference = StatsmodelsReference.Dataset("synthetic");
        var results = StatsmodelsAgreementTests.Fit(reference);
        var byDefault = results.WithCovariance(CovarianceType.NeweyWest);
        var explicitLags = results.WithCovariance(CovarianceType.NeweyWest, maxLags: 3);
        Assert.Equal(3, byDefault.NeweyWestLags);
        Assert.Equal(explicitLags.StandardErrors, byDefault.StandardErrors);
    }

    [Fact]
    public void WithCovarianceReturnsANewObjectAndLeavesTheOriginalUnchanged()
    {
        var reference = StatsmodelsReference.Dataset("synthetic");
        var classical = StatsmodelsAgreementTests.Fit(reference);
        var before = classical.StandardErrors.ToArray();
        var robust = classical.WithCovariance(CovarianceType.HC3);
        Assert.NotSame(classical, robust);
        Assert.Equal(before, classical.StandardErrors);
        Assert.Equal(CovarianceType.Classical, classical.CovarianceType);
        Assert.Equal(CovarianceType.HC3, robust.CovarianceType);
        Assert.Equal(classical.Coefficients, robust.Coefficients);
        Assert.NotEqual(classical.StandardErrors, robust.StandardErrors);
    }

    [Fact]
    public void ExposesResultsAsReadOnlyCollections()
    {
        var results = StatsmodelsAgreementTests.Fit(StatsmodelsReference.Dataset("synthetic"));
        Assert.False(results.Coefficients is double[]);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)results.Coefficients)[0] = 42);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)results.Residuals)[0] = 42);
    }

    [Fact]
    public void RejectsHc3WhenAnObservationHasLeverageOne()
    {
        // A dummy that is 1 for a single observation fits that observation exactly: h₀₀ = 1, so HC2/HC3 divide by zero.
        var x = new double[] { 1, 2, 3, 4, 5, 6, 7 };
        var dummy = new double[] { 1, 0, 0, 0, 0, 0, 0 };
        var y = new double[] { 3, 1.9, 3.2, 3.8, 5.3, 5.9, 7.1 };
        var results = new OrdinaryLeastSquares(y, [new Regressor("x", x), new Regressor("first year", dummy)]).Fit();
        var error = Assert.Throws<RegressionException>(() => results.WithCovariance(CovarianceType.HC3));
        Assert.Contains("row 0 has leverage 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("HC3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatsNumbersInvariantlyWhateverTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var data = NistDataset.FromJson("Longley");
            var results = new OrdinaryLeastSquares(data.Y, data.Columns.Select((c, j) => new Regressor(data.ColumnNames[j], c)).ToArray()).Fit();
            string text = results.Summary().ToText();
            Assert.Contains("0.995", text, StringComparison.Ordinal);
            Assert.DoesNotContain("0,995", text, StringComparison.Ordinal);
            var error = Assert.Throws<RegressionException>(() => results.ConfidenceIntervals(1.5));
            Assert.Contains("1.5", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void FitsWithoutInterceptAndTreatsAConstantRegressorAsTheConstant()
    {
        // Without an intercept, a constant regressor plays its role: R² is then centered, as statsmodels does (k_constant = 1).
        // Check against the same model with the intercept: identical coefficients, R² and F (algebraic identity).
        var reference = StatsmodelsReference.Dataset("synthetic");
        var withIntercept = StatsmodelsAgreementTests.Fit(reference);
        var exog = reference.Matrix("exog");
        var y = reference.Numbers("y");
        var ones = new Regressor("one", exog.Select(_ => 1.0).ToArray());
        var x1 = new Regressor("x1", exog.Select(r => r[1]).ToArray());
        var x2 = new Regressor("x2", exog.Select(r => r[2]).ToArray());
        var implicitConstant = new OrdinaryLeastSquares(y, [ones, x1, x2], includeIntercept: false).Fit();
        Assert.True(implicitConstant.HasConstant);
        StatsmodelsReference.Close(withIntercept.RSquared, implicitConstant.RSquared, 1e-12, "R²");
        StatsmodelsReference.Close(withIntercept.FStatistic!.Value, implicitConstant.FStatistic!.Value, 1e-10, "F");
        StatsmodelsReference.Close(withIntercept.Coefficients, implicitConstant.Coefficients, 1e-12, "coefficients");
    }
}
