using System.Text.Json;
using ZoneGrowth.Data;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>
/// The break-aware trend ln(value) = a + b·(year − base) + Σₖ dₖ·[basis = k]. Shipped HHZ GDP expectations come from
/// Reference/level_shift_reference.py (statsmodels OLS on const, year − 2016 and [basis = census5], reading the same
/// data file with Python's csv module); the single-basis, exact and multi-shift cases are derived in the comments.
/// </summary>
public sealed class LevelShiftTrendTests
{
    /// <summary>Relative tolerance against statsmodels (condition number ≈ 10).</summary>
    private const double Tolerance = 1e-9;

    private static readonly DataSet Shipped = DataSet.LoadDefault();

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(NistDataset.ReferencePath("level_shift_reference.json"))));

    private static JsonElement Reference => Document.Value.RootElement;

    private static LevelShiftTrendResults HhzGdp() => Shipped.Series("gdp", "HHZ").FitLevelShiftTrend();

    [Fact]
    public void FitsTheShippedHhzGdpLikeStatsmodels()
    {
        var results = HhzGdp();
        var regression = results.Regression;

        // The same inputs as the script read from the csv file.
        Assert.Equal(Reference.GetProperty("years").EnumerateArray().Select(v => v.GetInt32()), results.Years);
        Assert.Equal(Reference.Numbers("values"), results.Values);
        Assert.Equal(Reference.GetProperty("bases").EnumerateArray().Select(v => v.GetString()), results.Bases);
        Assert.Equal(Reference.GetProperty("names").EnumerateArray().Select(v => v.GetString()), regression.ParameterNames);
        Assert.Equal(Reference.GetProperty("base_year").GetInt32(), results.BaseYear);

        StatsmodelsReference.Close(Reference.Numbers("params"), regression.Coefficients, Tolerance, "params");
        StatsmodelsReference.Close(Reference.Numbers("bse"), regression.StandardErrors, Tolerance, "bse");
        StatsmodelsReference.Close(Reference.Numbers("tvalues"), regression.TStatistics, Tolerance, "tvalues");
        StatsmodelsReference.Close(Reference.Numbers("pvalues"), regression.PValues, Tolerance, "pvalues");
        var intervals = regression.ConfidenceIntervals();
        StatsmodelsReference.Close(Reference.Numbers("conf_int_95_lower"), intervals.Select(c => c.Lower).ToArray(), Tolerance, "conf_int lower");
        StatsmodelsReference.Close(Reference.Numbers("conf_int_95_upper"), intervals.Select(c => c.Upper).ToArray(), Tolerance, "conf_int upper");
        StatsmodelsReference.Close(Reference.Number("rsquared"), regression.RSquared, Tolerance, "R²");
        StatsmodelsReference.Close(Reference.Number("rsquared_adj"), regression.AdjustedRSquared, Tolerance, "adjusted R²");
        Assert.Equal(Reference.Number("df_resid"), regression.ResidualDegreesOfFreedom);
        Assert.Equal(Reference.Number("df_model"), regression.ModelDegreesOfFreedom);
        StatsmodelsReference.Close(Reference.Number("ssr"), regression.SumOfSquaredResiduals, Tolerance, "SSR");
        StatsmodelsReference.Close(Reference.Number("fvalue"), regression.FStatistic!.Value, Tolerance, "F");
        StatsmodelsReference.Close(Reference.Number("f_pvalue"), regression.FPValue!.Value, Tolerance, "F p value");
        StatsmodelsReference.Close(Reference.Number("llf"), regression.LogLikelihood, Tolerance, "log-likelihood");
        StatsmodelsReference.Close(Reference.Numbers("leverage"), regression.Leverages, Tolerance, "leverage");
    }

    [Fact]
    public void GrowthAndLevelShiftAreStatsmodelsTransformed()
    {
        var results = HhzGdp();
        var growth = Reference.GetProperty("growth");
        var shift = Reference.GetProperty("level_shift");

        StatsmodelsReference.Close(growth.Number("annual_growth_rate"), results.AnnualGrowthRate, Tolerance, "e^b − 1");
        var g = results.AnnualGrowthRateInterval();
        StatsmodelsReference.Close(growth.Numbers("annual_growth_rate_ci95"), [g.Lower, g.Upper], Tolerance, "growth interval");

        var census5 = Assert.Single(results.LevelShifts);
        Assert.Equal(shift.GetProperty("basis").GetString(), census5.Basis);
        Assert.Equal(string.Empty, census5.ReferenceBasis);
        Assert.Equal([2024], census5.Years);
        Assert.Equal("level after the 5th census", census5.ParameterName);
        StatsmodelsReference.Close(Reference.Numbers("params")[2], census5.Coefficient, Tolerance, "d");
        StatsmodelsReference.Close(Reference.Numbers("bse")[2], census5.StandardError, Tolerance, "SE(d)");
        StatsmodelsReference.Close(Reference.Numbers("pvalues")[2], census5.PValue, Tolerance, "p(d)");
        StatsmodelsReference.Close(shift.Number("relative_level"), census5.RelativeLevel, Tolerance, "e^d − 1");
        var r = census5.RelativeLevelInterval();
        StatsmodelsReference.Close(shift.Numbers("relative_level_ci95"), [r.Lower, r.Upper], Tolerance, "e^d − 1 interval");
        Assert.True(census5.IsSingleYear);
    }

    [Fact]
    public void TheSingleRevisedYearIsFittedExactlyAndTheSlopeComesFromTheOriginalBasis()
    {
        // 2024 alone on census5: its dummy fits it exactly (statsmodels: residual −8.9e-16, leverage 1), so a and b are
        // those of the plain trend on 2016–2023 alone, with the same residual degrees of freedom (8 − 3 = 7 − 2 = 5).
        var results = HhzGdp();
        var plain = Reference.GetProperty("plain_original_basis");

        Assert.True(Math.Abs(results.Regression.Residuals[^1]) < 1e-13, $"residual {results.Regression.Residuals[^1]:R}");
        StatsmodelsReference.Close(plain.Numbers("params"), results.Regression.Coefficients.Take(2).ToArray(), Tolerance, "a, b against the original basis alone");
        StatsmodelsReference.Close(plain.Numbers("bse"), results.Regression.StandardErrors.Take(2).ToArray(), Tolerance, "SE(a), SE(b) against the original basis alone");
        Assert.Equal([2016, 2017, 2018, 2020, 2021, 2022, 2023], results.GrowthYears);
        var original = Shipped.Series("gdp", "HHZ").Until(2023).FitLogLinearTrend();
        StatsmodelsReference.Close(original.AnnualGrowthRate, results.AnnualGrowthRate, 1e-12, "growth against the library's plain trend on 2016–2023");
    }

    [Theory]
    [InlineData(null, "census5")]
    [InlineData("census5", "census5")]
    [InlineData("", "original")]
    public void PredictsOnTheLatestBasisByDefault(string? basis, string key)
    {
        // Script: get_prediction at 2025 and 2026 with the dummy 1 (census5) or 0 (original basis).
        var results = HhzGdp();
        var expected = Reference.GetProperty("prediction").GetProperty(key);

        var levels = results.PredictLevels([2025, 2026], BackTransformCorrection.Smearing, basis: basis);

        Assert.Equal("census5", results.LatestBasis);
        StatsmodelsReference.Close(expected.Numbers("mean"), levels.LogScale.Means, Tolerance, key + " mean");
        StatsmodelsReference.Close(expected.Numbers("mean_se"), levels.LogScale.MeanStandardErrors, Tolerance, key + " mean_se");
        StatsmodelsReference.Close(expected.Numbers("obs_ci_lower"), levels.LogScale.ObservationPredictionIntervals.Select(c => c.Lower).ToArray(), Tolerance, key + " obs_ci_lower");
        StatsmodelsReference.Close(expected.Numbers("obs_ci_upper"), levels.LogScale.ObservationPredictionIntervals.Select(c => c.Upper).ToArray(), Tolerance, key + " obs_ci_upper");
        StatsmodelsReference.Close(expected.Numbers("mean_ci_lower"), levels.LogScale.MeanConfidenceIntervals.Select(c => c.Lower).ToArray(), Tolerance, key + " mean_ci_lower");
        StatsmodelsReference.Close(expected.Numbers("mean_ci_upper"), levels.LogScale.MeanConfidenceIntervals.Select(c => c.Upper).ToArray(), Tolerance, key + " mean_ci_upper");
        StatsmodelsReference.Close(Reference.Number("smearing_factor"), levels.CorrectionFactor, Tolerance, "smearing factor");
        StatsmodelsReference.Close(expected.Numbers("mean").Select(m => Math.Exp(m) * Reference.Number("smearing_factor")).ToArray(), levels.Levels, Tolerance, key + " levels");
    }

    [Fact]
    public void SaysWhichYearsAreOnWhichBasisAndWhy()
    {
        var results = HhzGdp();

        Assert.Equal(2, results.BasisGroups.Count);
        Assert.Equal(new BasisYears(string.Empty, [2016, 2017, 2018, 2020, 2021, 2022, 2023]).ToString(), results.BasisGroups[0].ToString());
        Assert.Equal("2016–2018, 2020–2023 on the basis first published", results.BasisGroups[0].ToString());
        Assert.Equal("census5", results.BasisGroups[1].Basis);
        Assert.Equal([2024], results.BasisGroups[1].Years);
        Assert.Equal(string.Empty, results.ReferenceBasis);
        Assert.Equal("census5", results.BasisOf(2024));
        Assert.Equal(string.Empty, results.BasisOf(2016));

        Assert.Equal(
            "2024 is on the basis revised after the fifth national economic census and 2016–2018, 2020–2023 on the basis first published; "
            + "the trend is fitted with a level shift for the fifth census revision, so the revision is not counted as growth. "
            + "2024 is the only year on the basis revised after the fifth national economic census: its level shift fits it exactly (residual 0), "
            + "so 2024 carries no information about growth, and the shift also absorbs 2024's own departure from the trend (it is not the revision alone).",
            results.Description);
        Assert.Single(results.Caveats);
        Assert.EndsWith(results.Caveats[0], results.Description, StringComparison.Ordinal);

        var shift = results.LevelShifts[0];
        Assert.Equal(
            FormattableString.Invariant($"The basis revised after the fifth national economic census (2024) is {Math.Abs(100 * shift.RelativeLevel):0.00} % below the basis first published at the same trend year: d = {shift.Coefficient:0.0000;−0.0000}, SE {shift.StandardError:0.0000}, p = {shift.PValue:0.000}; 95 % interval of e^d − 1: {100 * shift.RelativeLevelInterval().Lower:0.00;−0.00} % … {100 * shift.RelativeLevelInterval().Upper:0.00;−0.00} %."),
            shift.Describe());
    }

    [Fact]
    public void TheSummaryStatesTheModelEachShiftItsCaveatAndTheBasisOfPredictions()
    {
        var results = HhzGdp();
        var summary = results.Summary();
        var text = summary.ToText();

        Assert.Contains("level after the 5th census", text, StringComparison.Ordinal);
        Assert.StartsWith("Growth model for 'HHZ Gross domestic product': ln(value) = a + b·(year − 2016) + d·[level after the 5th census]", summary.Caveats.Single(c => c.StartsWith("Growth model", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Level shift: " + results.LevelShifts[0].Describe(), summary.Caveats);
        Assert.Contains(results.Caveats[0], summary.Caveats);
        Assert.Contains(summary.Caveats, c => c.StartsWith("Years without data inside the sample: 2019 (", StringComparison.Ordinal));
        Assert.Contains(summary.Caveats, c => c.StartsWith("Levels are predicted on the latest basis: the basis revised after the fifth national economic census. Levels are back-transformed with Duan's smearing", StringComparison.Ordinal));
    }

    [Fact]
    public void ASingleBasisGivesExactlyThePlainTrend()
    {
        // GDP up to 2022 (all on the basis first published) and revenue with its derived points (one basis, the derived
        // points carry the basis of the figure they come from): the same regressors in the same order, so bit for bit.
        foreach (var series in new[] { Shipped.Series("gdp", "HHZ").Until(2022), Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears() })
        {
            var plain = series.FitLogLinearTrend();
            var shifted = series.FitLevelShiftTrend();

            Assert.Empty(shifted.LevelShifts);
            Assert.Single(shifted.BasisGroups);
            Assert.Equal(plain.Regression.ParameterNames, shifted.Regression.ParameterNames);
            Assert.Equal(plain.Regression.Coefficients, shifted.Regression.Coefficients);
            Assert.Equal(plain.Regression.StandardErrors, shifted.Regression.StandardErrors);
            Assert.Equal(plain.Regression.Residuals, shifted.Regression.Residuals);
            Assert.Equal(plain.AnnualGrowthRate, shifted.AnnualGrowthRate);
            Assert.Equal(plain.AnnualGrowthRateInterval(), shifted.AnnualGrowthRateInterval());
            Assert.Equal(plain.AnnualGrowthRateInterval(0.9), shifted.AnnualGrowthRateInterval(0.9));
            Assert.Equal(plain.LogSlopeStandardError, shifted.LogSlopeStandardError);
            Assert.Equal(plain.MissingYears, shifted.MissingYears);
            Assert.Equal(plain.Years, shifted.GrowthYears);
            foreach (var correction in new[] { BackTransformCorrection.None, BackTransformCorrection.LogNormal, BackTransformCorrection.Smearing })
            {
                var expected = plain.PredictLevels([2025, 2026], correction);
                var actual = shifted.PredictLevels([2025, 2026], correction);
                Assert.Equal(expected.Levels, actual.Levels);
                Assert.Equal(expected.PredictionIntervals, actual.PredictionIntervals);
                Assert.Equal(expected.MedianConfidenceIntervals, actual.MedianConfidenceIntervals);
                Assert.Equal(plain.Summary(correction).ToText(), shifted.Summary(correction).ToText());
            }

            Assert.Equal(plain.CompoundAnnualGrowthRate(series.Years[0], series.Years[^1]), shifted.CompoundAnnualGrowthRate(series.Years[0], series.Years[^1]));
            Assert.Equal(GrowthNarrative.Trend(plain), GrowthNarrative.Trend(shifted));
            Assert.Equal(GrowthNarrative.CompoundGrowth(plain, series.Years[0], series.Years[^1]), GrowthNarrative.CompoundGrowth(shifted));
            Assert.Empty(shifted.Caveats);
            Assert.Contains("are on one basis (the basis first published), so the trend is the plain log-linear trend, without a level shift.", shifted.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RecoversAnExactShiftOfATwoYearBasisAndSeveralShifts()
    {
        // Hand derivation: ln v = 1 + 0.1·t + 0.2·[b = census5] − 0.05·[b = census6] exactly (t = year − 2010), so OLS
        // returns (1, 0.1, 0.2, −0.05) and zero residuals; e^0.2 − 1 = 0.2214…, e^−0.05 − 1 = −0.0488…; the only error is
        // the rounding of ln(v), 1e-13 allowed. Bases given out of year order are sorted with their years.
        int[] years = [2016, 2010, 2011, 2012, 2013, 2014, 2015];
        string[] bases = ["census6", "", "", "", "census5", "census5", "census6"];
        double[] values = years.Select((y, i) => Math.Exp(1 + (0.1 * (y - 2010)) + (bases[i] == "census5" ? 0.2 : 0) + (bases[i] == "census6" ? -0.05 : 0))).ToArray();

        var results = new LevelShiftLogLinearTrend(years, values, bases, "exact").Fit();

        Assert.Equal(["Intercept", "year - 2010", "level after the 5th census", "level after the 6th census"], results.Regression.ParameterNames);
        Assert.Equal(["", "", "", "census5", "census5", "census6", "census6"], results.Bases);
        StatsmodelsReference.Close([1, 0.1, 0.2, -0.05], results.Regression.Coefficients, 1e-13, "coefficients", 1);
        StatsmodelsReference.Close(Math.Exp(0.1) - 1, results.AnnualGrowthRate, 1e-13, "growth");
        StatsmodelsReference.Close(Math.Exp(0.2) - 1, results.LevelShifts[0].RelativeLevel, 1e-12, "census5 shift");
        StatsmodelsReference.Close(Math.Exp(-0.05) - 1, results.LevelShifts[1].RelativeLevel, 1e-11, "census6 shift");
        Assert.All(results.LevelShifts, s => Assert.False(s.IsSingleYear));
        Assert.Empty(results.Caveats);
        Assert.Equal("census6", results.LatestBasis);
        // On the latest basis a 2017 level is exp(1 + 0.7 − 0.05); on census5 exp(1 + 0.7 + 0.2).
        StatsmodelsReference.Close(Math.Exp(1.65), results.PredictLevels([2017], BackTransformCorrection.None).Medians[0], 1e-12, "2017 on census6");
        StatsmodelsReference.Close(Math.Exp(1.9), results.PredictLevels([2017], BackTransformCorrection.None, basis: "census5").Medians[0], 1e-12, "2017 on census5");
        Assert.StartsWith("2013–2014 are on the basis revised after the fifth national economic census, 2015–2016 are on the basis revised after the sixth national economic census and 2010–2012 on the basis first published; the trend is fitted with a level shift for the fifth census revision and the sixth census revision, so the revisions are not counted as growth.", results.Description, StringComparison.Ordinal);
        Assert.Equal("exact: compound growth 2010-2012 of 10.5 % a year on the basis first published, 2013-2014 of 10.5 % a year on the basis revised after the fifth national economic census, 2015-2016 of 10.5 % a year on the basis revised after the sixth national economic census.", GrowthNarrative.CompoundGrowth(results).Text);
    }

    [Fact]
    public void AReferenceBasisWithOneYearIsCaveatedToo()
    {
        var results = new LevelShiftLogLinearTrend([2020, 2021, 2022, 2023], [1.0, 1.5, 1.6, 1.8], ["", "census5", "census5", "census5"], "short").Fit();

        Assert.Equal([2021, 2022, 2023], results.GrowthYears);
        Assert.StartsWith("2020 is the only year on the basis first published, the reference basis: the fit passes exactly through it (residual 0)", Assert.Single(results.Caveats), StringComparison.Ordinal);
        Assert.True(Math.Abs(results.Regression.Residuals[0]) < 1e-13);
    }

    [Fact]
    public void NarrativeAddsTheModelSentenceAndKeepsCompoundGrowthWithinABasis()
    {
        var results = HhzGdp();
        var interval = results.AnnualGrowthRateInterval();

        var trend = GrowthNarrative.Trend(results).Text;
        var compound = GrowthNarrative.CompoundGrowth(results).Text;

        Assert.Equal(FormattableString.Invariant($"HHZ Gross domestic product grew by {100 * results.AnnualGrowthRate:0.0} % a year on its log-linear trend (95 % interval {100 * interval.Lower:0.0} % to {100 * interval.Upper:0.0} %), fitted to 8 years from 2016 to 2024 (2019 missing). ") + results.Description, trend);
        Assert.Equal(FormattableString.Invariant($"HHZ Gross domestic product: compound growth 2016-2023 of {100 * (Math.Pow(2467.9 / 901.4, 1.0 / 7) - 1):0.0} % a year on the basis first published; 2024 is not compared with years on another basis, since the change of basis is not growth."), compound);
    }

    [Fact]
    public void RefusesCompoundGrowthAcrossBases()
    {
        var results = HhzGdp();

        var error = Assert.Throws<RegressionException>(() => results.CompoundAnnualGrowthRate(2016, 2024));

        Assert.Equal("Series 'HHZ Gross domestic product': 2016 is on the basis first published and 2024 on the basis revised after the fifth national economic census; a compound growth rate between them would count the change of basis as growth. Choose two years on the same basis.", error.Message);
        StatsmodelsReference.Close(Math.Pow(2184.8 / 901.4, 1.0 / 6) - 1, results.CompoundAnnualGrowthRate(2016, 2022), 1e-12, "CAGR 2016–2022");
    }

    [Fact]
    public void ErrorsNameTheSeriesTheBasesAndWhatToDo()
    {
        var tooShort = Assert.Throws<RegressionException>(() => new LevelShiftLogLinearTrend([2016, 2017, 2024], [1.0, 1.1, 1.5], ["", "", "census5"], "GDP"));
        Assert.Equal("Series 'GDP' has 3 point(s) on 2 bases (first published: 2016–2017; after the 5th census: 2024); the log-linear trend with 1 level shift(s) has 3 parameters and needs at least 4 points (more points than parameters, and a basis with two years for the growth rate). Add years, or fit the years of one basis only.", tooShort.Message);

        var mismatch = Assert.Throws<RegressionException>(() => new LevelShiftLogLinearTrend([2016, 2017, 2018], [1.0, 1.1, 1.2], [""], "GDP"));
        Assert.Equal("Series 'GDP' has 3 year(s) but 1 basis label(s); every year needs exactly one basis (empty for the basis first published). Align the years and bases.", mismatch.Message);

        var unknown = Assert.Throws<RegressionException>(() => HhzGdp().PredictLevels([2025], basis: "census4"));
        Assert.Equal("Series 'HHZ Gross domestic product' has no year on the basis 'census4'; its bases are '', 'census5' (empty: the basis first published). Predict on one of those.", unknown.Message);

        Assert.Contains("has no value for the year 2019", Assert.Throws<RegressionException>(() => HhzGdp().BasisOf(2019)).Message, StringComparison.Ordinal);
        // HC2 and HC3 divide by 1 − leverage, which is 0 for the single census5 year.
        Assert.Contains("leverage 1", Assert.Throws<RegressionException>(() => Shipped.Series("gdp", "HHZ").FitLevelShiftTrend(covariance: CovarianceType.HC3)).Message, StringComparison.Ordinal);
    }
}
