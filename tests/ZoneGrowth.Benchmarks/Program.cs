using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ZoneGrowth.Benchmarks.RegressionBenchmarks).Assembly).Run(args);
