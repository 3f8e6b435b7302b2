using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Civic.Bench.Rpc.Micro;

// In process: BenchmarkDotNet's usual separate build would restore and build into the obj/ tree that
// other builds share. Arguments pass through to BenchmarkDotNet (e.g. --filter '*Civic*' --artifacts DIR).
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(UnaryCallBenchmarks).Assembly).Run(args, config);
