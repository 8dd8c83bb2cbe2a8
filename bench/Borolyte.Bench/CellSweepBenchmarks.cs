using BenchmarkDotNet.Attributes;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Bench;

/// <summary>
/// A parameter sweep (issue 5 §3, "parameter sweeps use both cores"): nacro2-half, separator thickness × temperature
/// (4 × 2 = 8 runs), each 10 cycles at 1C with degradation, serial vs Parallel.For on all cores.
/// </summary>
[MemoryDiagnoser]
public class CellSweepBenchmarks
{
    private readonly CellParameters cell = CellPresets.Get("nacro2-half").Cell;
    private readonly Protocol protocol = Protocol.Parse("(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 10");
    private readonly SweepParameter[] parameters =
    [
        CellSweep.ParseParameter("separatorThicknessUm=50,100,250,500"),
        CellSweep.ParseParameter("temperatureC=30,60"),
    ];

    [Benchmark(Baseline = true, Description = "8-run sweep, serial")]
    public int Serial() => CellSweep.Run(cell, parameters, protocol, maxDegreeOfParallelism: 1).Count;

    [Benchmark(Description = "8-run sweep, Parallel.For (all cores)")]
    public int Parallel() => CellSweep.Run(cell, parameters, protocol, maxDegreeOfParallelism: -1).Count;
}
