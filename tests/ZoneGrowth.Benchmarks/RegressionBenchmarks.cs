using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ZoneGrowth.Regression;

namespace ZoneGrowth.Benchmarks;

/// <summary>One fit with full inference (coefficients, SEs, t, p, intervals, every fit statistic and diagnostic, the text summary).</summary>
[MemoryDiagnoser]
public class RegressionBenchmarks
{
    private int[] years = [];
    private double[] values = [];
    private double[] longleyY = [];
    private Regressor[] longleyRegressors = [];

    /// <summary>Builds a deterministic 30-point growth series and loads NIST Longley.</summary>
    [GlobalSetup]
    public void Setup()
    {
        years = Enumerable.Range(1995, 30).ToArray();
        values = years.Select((y, i) => 100.0 * Math.Exp((0.07 * i) + (0.02 * Math.Sin(i * 1.7)))).ToArray();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nist-strd-linear.json")));
        var longley = document.RootElement.GetProperty("Longley");
        longleyY = longley.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var rows = longley.GetProperty("X").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var names = longley.GetProperty("columns").EnumerateArray().Select(v => v.GetString()!).ToArray();
        longleyRegressors = names.Select((n, j) => new Regressor(n, rows.Select(r => r[j]).ToArray())).ToArray();
    }

    /// <summary>Log-linear trend on 30 annual points: fit, growth interval, and the text summary.</summary>
    [Benchmark]
    public int GrowthTrend30Points()
    {
        var results = new LogLinearTrend(years, values, "benchmark series").Fit();
        var interval = results.AnnualGrowthRateInterval();
        return results.Summary().ToText().Length + (interval.Lower > 0 ? 1 : 0);
    }

    /// <summary>Longley (16 × 7): fit, intervals and the text summary.</summary>
    [Benchmark]
    public int LongleyFullInference()
    {
        var results = new OrdinaryLeastSquares(longleyY, longleyRegressors).Fit();
        return results.Summary().ToText().Length + results.ConfidenceIntervals().Count;
    }

    /// <summary>Longley with the HC3 covariance as well (a second covariance on the same factorisation).</summary>
    [Benchmark]
    public double LongleyFitPlusHc3()
    {
        var results = new OrdinaryLeastSquares(longleyY, longleyRegressors).Fit();
        return results.WithCovariance(CovarianceType.HC3).StandardErrors[1] + results.StandardErrors[1];
    }
}
