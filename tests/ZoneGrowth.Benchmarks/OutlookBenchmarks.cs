using BenchmarkDotNet.Attributes;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
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
    public ZoneGrowth.Publishing.PublishedAnswer EverythingNotebook03Computes()
    {
        var outlook = TargetOutlook.Create(Data, Assessment);
        _ = outlook.Cases;
        _ = outlook.PriceCurve;
        _ = outlook.ProbabilityRange;
        return outlook.Answer();
    }

    [Benchmark]
    public double HeadlineOnly() => TargetOutlook.Create(Data, Assessment).Probability;

    /// <summary>The shipped file without its newest figure (the 2025 GDP bound), as a previous vintage.</summary>
    private static readonly DataSet Previous = DataSet.Load(PreviousFile(), WorkbookPaths.Catalog);

    private static string PreviousFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "zonegrowth-benchmark-previous.csv");
        File.WriteAllLines(path, File.ReadAllLines(WorkbookPaths.DefaultDataFile).Where(l => !l.StartsWith("HHZ,gdp,2025,,3000,", StringComparison.Ordinal)));
        return path;
    }

    /// <summary>What moved the answer since a vintage without one figure: the outlook on the previous data and each change undone.</summary>
    [Benchmark]
    public OutlookAttribution WhatMovedOneAddedFigure() => OutlookAttribution.Compare(TargetOutlook.Create(Data, Assessment), Data, Previous);

    [Benchmark]
    public OutlookSimulation MonteCarlo200000Paths() => TargetOutlook.Create(Data, Assessment).Simulate(new MonteCarloOptions { Paths = 200_000, Seed = 20251 });
}
