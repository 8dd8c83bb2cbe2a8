using BenchmarkDotNet.Attributes;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Bench;

/// <summary>
/// Memory of long runs (issue 5 §3, "memory flat in the number of cycles when streaming"): nacro2-half, 30×10 mesh,
/// N cycles at 0.5C with degradation; the series kept in memory vs streamed (summary accumulators only, and CSV rows
/// formatted into a null writer, so the disk is not measured). MemoryDiagnoser's "Allocated" is the total allocated per
/// run (garbage included); the peak is measured separately (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class CellStreamingBenchmarks
{
    private readonly CellParameters cell = CellPresets.Get("nacro2-half").Cell;
    private readonly SimulationOptions mesh = new() { ThroughThicknessVolumes = 30, RadialShells = 10 };
    private Protocol protocol = null!;

    [Params(10, 100, 1000)]
    public int Cycles { get; set; }

    [GlobalSetup]
    public void Setup() => protocol = Protocol.Parse($"(Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x {Cycles}");

    [Benchmark(Baseline = true, Description = "series kept")]
    public int Kept() => CellSimulation.Run(cell, protocol, mesh).Summary.Cycles.Count;

    [Benchmark(Description = "streamed, summary only")]
    public int SummaryOnly() => CellSimulation.RunStreaming(cell, protocol, mesh).Summary.Cycles.Count;

    [Benchmark(Description = "streamed, CSV rows to a null writer")]
    public int Csv() => CellSimulation.RunStreaming(cell, protocol, mesh, TextWriter.Null).Summary.Cycles.Count;
}
