using System.Globalization;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>
/// Accuracy against the NIST StRD linear regression datasets. Every expected number is a NIST certified value
/// (computed by NIST in 500-digit arithmetic), read from Reference/nist-strd-linear.json or from the NIST .dat files in
/// Reference/ (Filip, Norris, NoInt1, NoInt2, Wampler4, Wampler5; the json says where each file came from).
/// Agreement is measured as NIST's log relative error LRE = −log10(|est − cert| / |cert|) (−log10|est − cert| when cert = 0),
/// i.e. correct significant digits. NoInt1/NoInt2 are fitted without an intercept, and NIST's R² for them is uncentered
/// (1 − SSR/Σy²), which is what the library reports for a model without a constant.
/// </summary>
public sealed class NistCertifiedValuesTests(ITestOutputHelper output)
{
    /// <summary>Minimum LRE for coefficients and standard errors: 7 correct digits (the brief's requirement).</summary>
    private const double RequiredLre = 7.0;

    public static TheoryData<string> CertifiedDatasets => new()
    {
        "Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
    };

    /// <summary>Datasets whose residual SD and R² are certified as nonzero and stored with them (Filip has its own test).</summary>
    public static TheoryData<string> DatasetsWithCertifiedFitStatistics => new() { "Norris", "NoInt1", "NoInt2", "Longley", "Wampler4", "Wampler5" };

    [Theory]
    [MemberData(nameof(CertifiedDatasets))]
    public void FitsNistDatasetToCertifiedCoefficients(string name)
    {
        var data = NistDataset.FromJson(name);
        var results = Fit(data);
        for (int j = 0; j < data.Beta.Length; j++)
        {
            double lre = NistDataset.Lre(results.Coefficients[j], data.Beta[j]);
            output.WriteLine($"{name} B{j}: estimate {results.Coefficients[j]:R}, certified {data.Beta[j]:R}, LRE {lre:F1}");
            Assert.True(lre >= RequiredLre, $"{name} B{j}: LRE {lre:F2} < {RequiredLre}");
        }
    }

    [Theory]
    [MemberData(nameof(CertifiedDatasets))]
    public void FitsNistDatasetToCertifiedStandardErrors(string name)
    {
        var data = NistDataset.FromJson(name);
        var results = Fit(data);
        for (int j = 0; j < data.StandardErrors.Length; j++)
        {
            double computed = results.StandardErrors[j];
            if (data.StandardErrors[j] == 0)
            {
                // Wampler1/2 are exact polynomials: NIST certifies SE = 0. In double precision the residuals are rounding
                // noise, so we require SE ≤ 1e-9·|β| (nine orders of magnitude below the coefficient: a t statistic above 1e9).
                output.WriteLine($"{name} SE{j}: computed {computed:R}, certified 0, bound {1e-9 * Math.Abs(data.Beta[j]):R}");
                Assert.True(computed <= 1e-9 * Math.Abs(data.Beta[j]), $"{name} SE{j} = {computed:R} is not negligible");
            }
            else
            {
                double lre = NistDataset.Lre(computed, data.StandardErrors[j]);
                output.WriteLine($"{name} SE{j}: computed {computed:R}, certified {data.StandardErrors[j]:R}, LRE {lre:F1}");
                Assert.True(lre >= RequiredLre, $"{name} SE{j}: LRE {lre:F2} < {RequiredLre}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DatasetsWithCertifiedFitStatistics))]
    public void FitsNistDatasetToCertifiedResidualStandardDeviationAndRSquared(string name)
    {
        // For NoInt1/NoInt2 the certified R² is uncentered (NoInt1: 0.999365492298663 = SSreg / (SSreg + SSR) with SSreg = Σŷ²).
        var data = NistDataset.FromJson(name);
        var results = Fit(data);
        Assert.Equal(data.Intercept, results.HasConstant);
        double lreSd = NistDataset.Lre(results.ResidualStandardError, data.ResidualSd!.Value);
        double lreR2 = NistDataset.Lre(results.RSquared, data.RSquared!.Value);
        output.WriteLine($"{name} residual SD LRE {lreSd:F2}, R² LRE {lreR2:F2}");
        Assert.True(lreSd >= RequiredLre, $"{name} residual SD LRE {lreSd:F2}");
        Assert.True(lreR2 >= RequiredLre, $"{name} R² LRE {lreR2:F2}");
    }

    [Fact]
    public void FitsFilipToCertifiedValues()
    {
        // NIST Filip: a 10th-degree polynomial, condition number of X about 1.8e15. Certified values in Reference/Filip.dat.
        var data = NistDataset.Filip();
        var results = Fit(data);
        double worstBeta = 15;
        double worstSe = 15;
        for (int j = 0; j < data.Beta.Length; j++)
        {
            double lreBeta = NistDataset.Lre(results.Coefficients[j], data.Beta[j]);
            double lreSe = NistDataset.Lre(results.StandardErrors[j], data.StandardErrors[j]);
            worstBeta = Math.Min(worstBeta, lreBeta);
            worstSe = Math.Min(worstSe, lreSe);
            output.WriteLine($"Filip B{j}: LRE coefficient {lreBeta:F2}, LRE standard error {lreSe:F2}");
        }

        double lreSd = NistDataset.Lre(results.ResidualStandardError, data.ResidualSd!.Value);
        double lreR2 = NistDataset.Lre(results.RSquared, data.RSquared!.Value);
        output.WriteLine($"Filip residual SD LRE {lreSd:F2}, R² LRE {lreR2:F2}");
        Assert.True(worstBeta >= FilipCoefficientLre, $"worst coefficient LRE {worstBeta:F2}");
        Assert.True(worstSe >= FilipStandardErrorLre, $"worst standard error LRE {worstSe:F2}");
        Assert.True(lreSd >= RequiredLre, $"residual SD LRE {lreSd:F2}");
        Assert.True(lreR2 >= RequiredLre, $"R² LRE {lreR2:F2}");
    }

    [Fact]
    public void ReportsWorstLrePerDataset()
    {
        // One line per NIST dataset (the table in docs/regression.md): worst LRE over coefficients and over standard errors
        // (SEs certified as 0, Wampler1/2, are reported as the log absolute error, NIST's LRE for a zero certified value).
        var names = new[] { "Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5" };
        foreach (var name in names)
        {
            var data = name == "Filip" ? NistDataset.Filip() : NistDataset.FromJson(name);
            var results = Fit(data);
            double worstBeta = Enumerable.Range(0, data.Beta.Length).Min(j => NistDataset.Lre(results.Coefficients[j], data.Beta[j]));
            double worstSe = Enumerable.Range(0, data.Beta.Length).Min(j => NistDataset.Lre(results.StandardErrors[j], data.StandardErrors[j]));
            string sd = data.ResidualSd is double s && s != 0 ? NistDataset.Lre(results.ResidualStandardError, s).ToString("F1", CultureInfo.InvariantCulture) : "–";
            string r2 = data.RSquared is double q ? NistDataset.Lre(results.RSquared, q).ToString("F1", CultureInfo.InvariantCulture) : "–";
            output.WriteLine(FormattableString.Invariant($"| {name} | {worstBeta:F1} | {worstSe:F1} | {sd} | {r2} |"));
            Assert.True(worstBeta >= RequiredLre, $"{name}: worst coefficient LRE {worstBeta:F2}");
        }
    }

    private const double FilipCoefficientLre = RequiredLre;

    private const double FilipStandardErrorLre = RequiredLre;

    private static RegressionResults Fit(NistDataset data)
    {
        var regressors = data.Columns.Select((c, j) => new Regressor(data.ColumnNames[j], c)).ToArray();
        return new OrdinaryLeastSquares(data.Y, regressors, includeIntercept: data.Intercept).Fit();
    }
}
