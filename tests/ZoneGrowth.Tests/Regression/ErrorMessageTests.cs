using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>Every error path raises <see cref="RegressionException"/> whose message names what was found (column, label, year).</summary>
public sealed class ErrorMessageTests
{
    private static readonly double[] Y = [1, 2, 3, 5, 4, 6, 8, 7];
    private static readonly double[] X1 = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly double[] X2 = [2, 1, 4, 3, 6, 5, 8, 9];

    [Fact]
    public void RejectsConstantRegressorNextToTheIntercept()
    {
        var error = Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("x1", X1), new Regressor("ones", Enumerable.Repeat(5.0, 8).ToArray())]));
        Assert.Contains("'ones' is constant", error.Message, StringComparison.Ordinal);
        Assert.Contains("intercept", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsDuplicatedColumnAsRankDeficientNamingIt()
    {
        var error = Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("x1", X1), new Regressor("x1 copy", X1)]).Fit());
        Assert.Contains("rank deficient", error.Message, StringComparison.Ordinal);
        Assert.Matches("'x1( copy)?' are \\(numerically\\) linear combinations", error.Message);
    }

    [Fact]
    public void RejectsExactLinearCombinationNamingTheDependentColumn()
    {
        var sum = X1.Zip(X2, (a, b) => (2 * a) - b).ToArray();
        var error = Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("x1", X1), new Regressor("x2", X2), new Regressor("2x1 - x2", sum)]).Fit());
        Assert.Contains("rank deficient", error.Message, StringComparison.Ordinal);
        Assert.Contains("Drop or redefine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsConstantColumnWithoutInterceptWhenCollinearWithAnother()
    {
        // Without an intercept, "a" = 1 and "b" = 2 are proportional: rank deficiency, not the constant-with-intercept rule.
        var error = Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("a", Enumerable.Repeat(1.0, 8).ToArray()), new Regressor("b", Enumerable.Repeat(2.0, 8).ToArray())], includeIntercept: false).Fit());
        Assert.Contains("rank deficient", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("'a'", StringComparison.Ordinal) && error.Message.Contains("'b'", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsFewerObservationsThanParameters()
    {
        var error = Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares([1.0, 2.0], [new Regressor("x1", [1.0, 2.0])]));
        Assert.Contains("Found 2 observation(s) for 2 parameter(s) (Intercept, x1)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void RejectsNonFiniteRegressorNamingColumnAndRow(double bad, string shown)
    {
        var values = (double[])X1.Clone();
        values[3] = bad;
        var error = Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("GNP", values)]));
        Assert.Contains("'GNP'", error.Message, StringComparison.Ordinal);
        Assert.Contains("at row 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsNonFiniteResponseNamingRow()
    {
        var y = (double[])Y.Clone();
        y[5] = double.NaN;
        var error = Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(y, [new Regressor("x1", X1)], responseName: "GDP"));
        Assert.Contains("response 'GDP'", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsMismatchedLengthDuplicateNameZeroColumnAndEmptyName()
    {
        Assert.Contains("'x1' has 3 values", Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("x1", [1.0, 2.0, 3.0])])).Message, StringComparison.Ordinal);
        Assert.Contains("'x1' is used twice", Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("x1", X1), new Regressor("x1", X2)])).Message, StringComparison.Ordinal);
        Assert.Contains("'Intercept' is used twice", Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("Intercept", X1)])).Message, StringComparison.Ordinal);
        Assert.Contains("'z' is zero in every observation", Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor("z", new double[8])])).Message, StringComparison.Ordinal);
        Assert.Contains("Regressor number 0 has an empty name", Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [new Regressor(" ", X1)])).Message, StringComparison.Ordinal);
        Assert.Contains("no intercept and no regressors", Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares(Y, [], includeIntercept: false)).Message, StringComparison.Ordinal);
        Assert.Contains("has no observations", Assert.Throws<RegressionException>(() => new OrdinaryLeastSquares([], [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsInvalidCovarianceOptionsAndLevels()
    {
        var results = new OrdinaryLeastSquares(Y, [new Regressor("x1", X1)]).Fit();
        Assert.Contains("lag 8 is outside 0 … 7", Assert.Throws<RegressionException>(() => results.WithCovariance(CovarianceType.NeweyWest, maxLags: 8)).Message, StringComparison.Ordinal);
        Assert.Contains("apply only to NeweyWest", Assert.Throws<RegressionException>(() => results.WithCovariance(CovarianceType.HC3, maxLags: 2)).Message, StringComparison.Ordinal);
        Assert.Contains("confidence level 1.5 is outside (0, 1)", Assert.Throws<RegressionException>(() => results.ConfidenceIntervals(1.5)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsUnknownParameterNameListingTheKnownOnes()
    {
        var results = new OrdinaryLeastSquares(Y, [new Regressor("x1", X1)]).Fit();
        Assert.Equal(1, results.IndexOf("x1"));
        Assert.Contains("no parameter named 'x9'; its parameters are 'Intercept', 'x1'", Assert.Throws<RegressionException>(() => results.IndexOf("x9")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsPredictionWithMissingOrUnknownColumns()
    {
        var results = new OrdinaryLeastSquares(Y, [new Regressor("x1", X1), new Regressor("x2", X2)]).Fit();
        Assert.Contains("no regressor named 'x2'", Assert.Throws<RegressionException>(() => results.Predict([new Regressor("x1", [1.0])])).Message, StringComparison.Ordinal);
        Assert.Contains("named 'x3' that the fitted model does not use", Assert.Throws<RegressionException>(() => results.Predict([new Regressor("x1", [1.0]), new Regressor("x2", [1.0]), new Regressor("x3", [1.0])])).Message, StringComparison.Ordinal);
        Assert.Contains("'x2' has 2 values", Assert.Throws<RegressionException>(() => results.Predict([new Regressor("x1", [1.0]), new Regressor("x2", [1.0, 2.0])])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsPredictionWithoutPointsOrWithNonFiniteValues()
    {
        var results = new OrdinaryLeastSquares(Y, [new Regressor("x1", X1)]).Fit();
        Assert.Contains("No new points were given", Assert.Throws<RegressionException>(() => results.Predict([new Regressor("x1", [])])).Message, StringComparison.Ordinal);
        Assert.Contains("'x1' has the value NaN at row 1", Assert.Throws<RegressionException>(() => results.Predict([new Regressor("x1", [1.0, double.NaN])])).Message, StringComparison.Ordinal);
        var trend = new LogLinearTrend([2016, 2017, 2018, 2019], [1.0, 1.1, 1.2, 1.4], "GDP").Fit();
        Assert.Contains("No new points were given", Assert.Throws<RegressionException>(() => trend.PredictLevels([])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsSeriesWithTooFewPointsNamingLabel()
    {
        var error = Assert.Throws<RegressionException>(() => new LogLinearTrend([2020, 2021], [1.0, 2.0], "Port throughput"));
        Assert.Contains("Series 'Port throughput' has 2 usable point(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsSeriesWhoseYearsAreAllEqual()
    {
        var error = Assert.Throws<RegressionException>(() => new LogLinearTrend([2020, 2020, 2020], [1.0, 2.0, 3.0], "GDP"));
        Assert.Contains("Series 'GDP' has every observation in the year 2020", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, "the value 0 in 2018")]
    [InlineData(-5.0, "the value -5 in 2018")]
    public void RejectsZeroOrNegativeValuesUnderTheLogNamingYear(double bad, string expected)
    {
        var error = Assert.Throws<RegressionException>(() => new LogLinearTrend([2016, 2017, 2018, 2019], [1.0, 2.0, bad, 4.0], "GDP"));
        Assert.Contains("Series 'GDP' has " + expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("ln(value)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void RejectsNonFiniteValuesNamingLabelAndYear(double bad, string shown)
    {
        var error = Assert.Throws<RegressionException>(() => new LogLinearTrend([2016, 2017, 2018, 2019], [1.0, bad, 3.0, 4.0], "GDP"));
        Assert.Contains("Series 'GDP' has the value " + shown + " in 2017", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsDuplicateYearsNamingTheYear()
    {
        var error = Assert.Throws<RegressionException>(() => new LogLinearTrend([2016, 2017, 2017, 2019], [1.0, 2.0, 3.0, 4.0], "GDP"));
        Assert.Contains("Series 'GDP' lists the year 2017 more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsMismatchedYearsAndValues()
    {
        var error = Assert.Throws<RegressionException>(() => new LogLinearTrend([2016, 2017, 2018], [1.0, 2.0], "GDP"));
        Assert.Contains("Series 'GDP' has 3 year(s) but 2 value(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsCompoundGrowthEndpointsThatAreMissingOrReversed()
    {
        int[] years = [2016, 2017, 2018, 2020];
        double[] values = [1.0, 2.0, 3.0, 4.0];
        Assert.Contains("Series 'GDP' has no value for the year 2019", Assert.Throws<RegressionException>(() => GrowthRates.CompoundAnnualGrowthRate(years, values, "GDP", 2016, 2019)).Message, StringComparison.Ordinal);
        Assert.Contains("start year 2020 is not before the end year 2016", Assert.Throws<RegressionException>(() => GrowthRates.CompoundAnnualGrowthRate(years, values, "GDP", 2020, 2016)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsBreakYearsOutsideTheSampleOrWithShortSegments()
    {
        int[] years = [2016, 2017, 2018, 2020, 2021, 2022, 2024];
        double[] values = [1.0, 1.1, 1.3, 1.5, 1.6, 1.8, 2.1];
        Assert.Contains("break year 2016 is not strictly inside the observed years 2016 … 2024", Assert.Throws<RegressionException>(() => new PiecewiseLogLinearTrend(years, values, "GDP", 2016)).Message, StringComparison.Ordinal);
        Assert.Contains("break year 2030", Assert.Throws<RegressionException>(() => new PiecewiseLogLinearTrend(years, values, "GDP", 2030, PiecewiseTrendForm.SeparateSegments)).Message, StringComparison.Ordinal);
        Assert.Contains("the before-break segment has 1 point(s)", Assert.Throws<RegressionException>(() => new PiecewiseLogLinearTrend(years, values, "GDP", 2017, PiecewiseTrendForm.SeparateSegments)).Message, StringComparison.Ordinal);
        Assert.Contains("the from-break segment has 1 point(s)", Assert.Throws<RegressionException>(() => new PiecewiseLogLinearTrend(years, values, "GDP", 2024, PiecewiseTrendForm.SeparateSegments)).Message, StringComparison.Ordinal);
    }
}
