using BenchmarkDotNet.Attributes;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Benchmarks;

/// <summary>
/// The target outlook's own computations on the shipped data, as notebook 03 asks for them: the bridges, the
/// price prior and the revision link with the headline probability (<see cref="TargetOutlook.Create"/>), then
/// every named case, the P-against-prices curve and the answer (whose thresholds solve for the price growth at
/// which P crosses 2/3 and 1/3). Goal: under 0.5 s in a Release build on this 2-core machine. The Monte Carlo is
/// measured on its own.
/// </summary>
[MemoryDiagnoser]
public class OutlookBenchmarks
{
    private static readonly DataSet Data = DataSet.LoadDefault();
    private static readonly TargetAssessment Assessment = TargetAssessment.Create(
        Data.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears(),
        Target.Find(Data, "digital_economy_revenue", 2025, "HHZ"));

    private static readonly NowcastOptions Options = new() { Silence = new SilenceEvidence(2024, 0.5, "the district's review") };

    [Benchmark]
    public OutlookAnswer EverythingNotebook03Computes()
    {
        var outlook = TargetOutlook.Create(Data, Assessment, Options);
        _ = outlook.Cases;
        _ = outlook.PriceCurve;
        _ = outlook.ProbabilityRange;
        return outlook.Answer();
    }

    [Benchmark]
    public double HeadlineOnly() => TargetOutlook.Create(Data, Assessment, Options).Probability;

    [Benchmark]
    public OutlookSimulation MonteCarlo200000Paths() => TargetOutlook.Create(Data, Assessment, Options).Simulate(new MonteCarloOptions { Paths = 200_000, Seed = 20251 });
}
