using Borolyte.Cycling;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// The recorded points of a simulation, one per accepted time step, column-oriented. Current is positive on charge
/// (BDF). Electrode potentials are against an alkali-metal reference in the electrolyte at the positive electrode's
/// separator face (the three-electrode view of seed 004, Fig. 5): V = E₊ − E₋. The overpotential parts of each electrode
/// add up to its potential (see <see cref="ElectrodeBreakdown"/>); E₋ also contains the separator's ohmic drop.
/// </summary>
public sealed class SimulatedTimeSeries : ISimulationRecorder
{
    public List<double> TimeS { get; } = [];
    public List<double> CurrentA { get; } = [];
    public List<double> VoltageV { get; } = [];
    public List<int> StepCount { get; } = [];
    public List<StepKind> Kind { get; } = [];
    public List<double> PositivePotentialV { get; } = [];
    public List<double> NegativePotentialV { get; } = [];
    public List<double> PositiveStoichiometry { get; } = [];
    public List<double> NegativeStoichiometry { get; } = [];
    public List<double> SeparatorOhmicV { get; } = [];
    public List<ElectrodeBreakdown> PositiveBreakdown { get; } = [];
    public List<ElectrodeBreakdown> NegativeBreakdown { get; } = [];
    /// <summary>Fraction of the positive electrode's particles still in ionic contact.</summary>
    public List<double> ContactFraction { get; } = [];
    /// <summary>Cumulative charge consumed by parasitic reactions at each electrode, C.</summary>
    public List<double> PositiveParasiticChargeC { get; } = [];
    public List<double> NegativeParasiticChargeC { get; } = [];

    public int Count => TimeS.Count;

    public void Add(in SimulatedPoint p)
    {
        TimeS.Add(p.TimeS); CurrentA.Add(p.CurrentA); VoltageV.Add(p.VoltageV); StepCount.Add(p.Step); Kind.Add(p.Kind);
        PositivePotentialV.Add(p.PositivePotentialV); NegativePotentialV.Add(p.NegativePotentialV);
        PositiveStoichiometry.Add(p.PositiveStoichiometry); NegativeStoichiometry.Add(p.NegativeStoichiometry);
        SeparatorOhmicV.Add(p.SeparatorOhmicV); PositiveBreakdown.Add(p.PositiveBreakdown); NegativeBreakdown.Add(p.NegativeBreakdown);
        ContactFraction.Add(p.ContactFraction); PositiveParasiticChargeC.Add(p.PositiveParasiticChargeC); NegativeParasiticChargeC.Add(p.NegativeParasiticChargeC);
    }

    /// <summary>Point <paramref name="i"/> as a <see cref="SimulatedPoint"/>.</summary>
    public SimulatedPoint this[int i] => new(TimeS[i], CurrentA[i], VoltageV[i], StepCount[i], Kind[i], PositivePotentialV[i], NegativePotentialV[i],
        PositiveStoichiometry[i], NegativeStoichiometry[i], SeparatorOhmicV[i], PositiveBreakdown[i], NegativeBreakdown[i],
        ContactFraction[i], PositiveParasiticChargeC[i], NegativeParasiticChargeC[i]);

    /// <summary>The run in the cycling module's data model (so the per-cycle summary is computed by the same code as for measured files).</summary>
    public CyclingRun ToCyclingRun(string name, double activeMassKg, double areaM2) =>
        CyclingRun.Build(new CyclingRawData
        {
            SourcePath = name, Format = "borolyte-simulation",
            TestTimeSecond = TimeS.ToArray(), VoltageVolt = VoltageV.ToArray(), CurrentAmpere = CurrentA.ToArray(),
            InstrumentStep = StepCount.ToArray(),
            InstrumentKind = Kind.Select(k => (sbyte)k).ToArray(),
            EweVolt = PositivePotentialV.ToArray(), EceVolt = NegativePotentialV.ToArray(),
            ActiveMassKg = activeMassKg > 0 ? activeMassKg : null, AreaM2 = areaM2,
        });
}
