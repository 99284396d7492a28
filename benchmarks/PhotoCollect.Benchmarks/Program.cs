using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. --filter '*Inspect*'; --filter '*' runs them all.
BenchmarkSwitcher.FromAssembly(typeof(PhotoCollect.Benchmarks.InspectBenchmarks).Assembly).Run(args);
