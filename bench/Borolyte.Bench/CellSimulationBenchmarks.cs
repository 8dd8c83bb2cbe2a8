using BenchmarkDotNet.Attributes;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Bench;

/// <summary>
/// The cell simulator on the nacro2-half preset (30 through-thickness volumes × 10 radial shells, issue 5 §3 targets:
/// a 1C discharge &lt; 5 ms, 100 full cycles &lt; 1 s). The discharge starts from the charged cathode (θ = 0.52). The full cell
/// (nacro2-sn-full: two composite electrodes, each 30 × 10) is cycled 100 times in its window, degradation on.
/// </summary>
[MemoryDiagnoser]
public class CellSimulationBenchmarks
{
    private readonly CellParameters charged;
    private readonly CellParameters assembled = CellPresets.Get("nacro2-half").Cell;
    private readonly Protocol discharge = Protocol.Parse("Discharge at 1C until 2.1 V");
    private readonly Protocol hundredCycles = Protocol.Parse("(Charge at 0.5C until 3.35 V; Discharge at 0.5C until 2.1 V) x 100");
    private readonly CellParameters full = CellPresets.Get("nacro2-sn-full").Cell;
    private readonly Protocol hundredFullCycles = Protocol.Parse("(Charge at 0.5C until 3.3 V; Discharge at 0.5C until 1.5 V) x 100");
    private readonly SimulationOptions mesh = new() { ThroughThicknessVolumes = 30, RadialShells = 10 };

    public CellSimulationBenchmarks()
    {
        var cathode = (CompositeElectrodeParameters)assembled.Positive;
        charged = assembled with { Positive = cathode with { InitialStoichiometry = 0.52 } };
    }

    [Benchmark(Description = "1C discharge, nacro2-half, 30×10 mesh")]
    public double Discharge1C() => CellSimulation.Run(charged, discharge, mesh).Summary.Cycles[0].DischargeCapacityAh;

    [Benchmark(Description = "100 cycles at 0.5C, nacro2-half, 30×10 mesh (with per-cycle summary)")]
    public int HundredCycles() => CellSimulation.Run(assembled, hundredCycles, mesh).Summary.Cycles.Count;

    [Benchmark(Description = "100 cycles at 0.5C, nacro2-sn-full, 30×10 mesh per electrode (with per-cycle summary)")]
    public int HundredFullCellCycles() => CellSimulation.Run(full, hundredFullCycles, mesh).Summary.Cycles.Count;
}
