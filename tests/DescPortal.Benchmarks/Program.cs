using BenchmarkDotNet.Running;

// Benchmarks and load harnesses; not run by the test suite. See docs/performance.md for the commands and figures.
BenchmarkSwitcher.FromAssembly(typeof(DescPortal.Benchmarks.ValidationBenchmarks).Assembly).Run(args);
