using BenchmarkDotNet.Attributes;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Benchmarks;

/// <summary>
/// The target outlook's own computations on the shipped data, as notebook 03 asks for them: the evidence model,
/// the price prior and the revision link with the headline probability (<see cref="TargetOutlook.Create"/>), then
/// every named case, the P-against-prices curve and the answer (whose thresholds add the most informative unpublished
/// figure to the model at trial values). Goal: under 0.5 s in a Release build on this 2-core machine. The Monte Carlo
/// is measured on its own.
/// </summary>
[MemoryDiagnoser]
public class OutlookBenchmarks
{
    private static readonly DataSet Data = DataSet.LoadDefault();
    private static readonly TargetAssessment Assessment = TargetAssessment.Create(
        Data.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears(),
        Target.Find(Data, "digital_economy_revenue", 2025, "HHZ"));

    [Benchmark]
    public OutlookAnswer EverythingNotebook03Computes()
    {
        var outlook = TargetOutlook.Create(Data, Assessment);
        _ = outlook.Cases;
        _ = outlook.PriceCurve;
        _ = outlook.ProbabilityRange;
        return outlook.Answer();
    }

    [Benchmark]
    public double HeadlineOnly() => TargetOutlook.Create(Data, Assessment).Probability;

    [Benchmark]
    public OutlookSimulation MonteCarlo200000Paths() => TargetOutlook.Create(Data, Assessment).Simulate(new MonteCarloOptions { Paths = 200_000, Seed = 20251 });
}
