using System.Text.Json;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Forecasting;

/// <summary>
/// The local linear trend with correlated observation errors (GLS, exactly diffuse start) against
/// two independent computations of the same model: statsmodels 0.13.5 with the errors carried in the
/// state (exact diffuse initialisation), and a direct GLS in 50-digit mpmath. Script and values:
/// Forecasting/Reference/llt_correlated_reference.py and .json; inputs in llt_correlated_cases.json
/// (the HHZ case is the workbook's headline bridge with its shared errors, written from the
/// library's output: the bridges' own arithmetic is tested against the published figures).
/// </summary>
public sealed class CorrelatedErrorsTests
{
    private static readonly JsonElement[] Cases = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Reference", "llt_correlated_reference.json"))).RootElement.GetProperty("cases").EnumerateArray().ToArray();

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string name) => Cases.Single(c => c.GetProperty("name").GetString() == name);

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static (StateSpaceObservation[] Observations, double[,] R) Inputs(JsonElement c)
    {
        var years = c.GetProperty("years_observed").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        var y = Numbers(c.GetProperty("y"));
        var rows = c.GetProperty("R").EnumerateArray().Select(Numbers).ToArray();
        var r = new double[years.Length, years.Length];
        for (var i = 0; i < years.Length; i++)
        {
            for (var j = 0; j < years.Length; j++)
            {
                r[i, j] = rows[i][j];
            }
        }

        return (years.Select((year, i) => new StateSpaceObservation(year, y[i], r[i, i], EvidenceKind.Bridged, "case")).ToArray(), r);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SmoothedLevelsAndTheRestrictedLikelihoodAreTheReferences(string name)
    {
        var c = Case(name);
        var (observations, r) = Inputs(c);
        var p = c.GetProperty("params");
        var gls = LocalLinearTrendGls.Solve(observations, r, p.GetProperty("s2_level").GetDouble(), p.GetProperty("s2_slope").GetDouble());
        var years = c.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        var level = Numbers(c.GetProperty("B_gls_mpmath").GetProperty("smoothed_level"));
        var variance = Numbers(c.GetProperty("B_gls_mpmath").GetProperty("smoothed_level_var"));
        var statsmodels = Numbers(c.GetProperty("A_statsmodels").GetProperty("smoothed_level"));

        // The two references agree to ~1e-14; a double-precision GLS to 1e-10.
        for (var t = 0; t < years.Length; t++)
        {
            var (mean, v) = gls.Level(years[t]);
            Assert.Equal(level[t], mean, 1e-10 * Math.Abs(level[t]));
            Assert.Equal(statsmodels[t], mean, 1e-10 * Math.Abs(level[t]));
            Assert.Equal(variance[t], v, 1e-10 * variance[t]);
        }

        Assert.Equal(c.GetProperty("B_gls_mpmath").GetProperty("restricted_loglik").GetDouble(), gls.LogLikelihood, 1e-10);
        // statsmodels' exact diffuse log-likelihood differs from the restricted one by the constant
        // −ln 2π (the reference checks it at five parameter points: loglik_difference_A_minus_B).
        Assert.Equal(c.GetProperty("A_statsmodels").GetProperty("llf").GetDouble(), gls.LogLikelihood - Math.Log(2 * Math.PI), 1e-9);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MaximumLikelihoodIsTheHighPrecisionOptimum(string name)
    {
        var c = Case(name);
        var (observations, r) = Inputs(c);
        var expected = c.GetProperty("mle").GetProperty("mle_exact_mpmath").GetProperty("params");

        var gls = LocalLinearTrendGls.FitMaximumLikelihood(observations, r);

        // A likelihood flat to ~1e-12 near its top places a double-precision optimum to ~1e-6.
        Assert.Equal(expected.GetProperty("s2_level").GetDouble(), gls.LevelVariance, 1e-5 * gls.LevelVariance);
        Assert.Equal(expected.GetProperty("s2_slope").GetDouble(), gls.SlopeVariance, 1e-5 * gls.SlopeVariance);
    }
}
