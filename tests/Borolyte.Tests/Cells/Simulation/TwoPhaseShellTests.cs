using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>
/// The two-phase product shell (shrinking core, one plateau after the other): R_sh = ρ·R·((1 − f)^(−1/3) − 1) per particle surface,
/// f the converted fraction of the plateau in the current's direction — against the closed form, the plateaus it acts on, and its
/// effect on the seed full cell's 1C capacity, converged in the mesh.
/// </summary>
public class TwoPhaseShellTests
{
    private const double Radius = 2e-6, Rho = 2e3;

    // A staircase: steep 0–0.3, plateau 0.31–0.70 (slope 0.1 V per unit θ), steep 0.70–1.
    private static readonly OcpCurve Staircase = new("staircase", "test", [0, 0.30, 0.31, 0.70, 0.71, 1], [3.6, 3.3, 3.0, 2.961, 2.7, 2.4]);

    private static CellParameters Cell(double startTheta, double extractionRho, double insertionRho) =>
        DiffusionOnlyCathode.Cell(Radius, 1e-13, startTheta, 100).With(p => p with
        {
            Ocp = Staircase, ExtractionShellResistivityOhmM = extractionRho, InsertionShellResistivityOhmM = insertionRho,
        });

    /// <summary>The first point after t = 0 of a 1C step (the shell resistance there is the as-assembled state's, exactly).</summary>
    private static double FirstVoltage(CellParameters cell, string step) =>
        CellSimulation.Run(cell, Protocol.Parse(step), new SimulationOptions { ThroughThicknessVolumes = 4, RadialShells = 10 }).Series.VoltageV[1];

    [Fact]
    public void Plateaus_of_the_Sn_staircase_are_its_two_phase_regions()
    {
        // data/cells/ocp/sn.csv: plateaus ending at Na/Sn = 0.6, 1.2, 2.5, 3.75 (θ = x/3.75), each 0.01 wide steps between them.
        var plateaus = OcpLibrary.Get("sn").Plateaus();
        Assert.Equal([(0.010, 0.155), (0.165, 0.315), (0.325, 0.660), (0.670, 0.990)], plateaus);
        Assert.Equal([(0.31, 0.70)], Staircase.Plateaus());
        Assert.Empty(OcpCurve.Constant("flat-but-one-segment", 0.1, "test").Plateaus(maxSlopeVPerUnit: -1));
    }

    [Theory]
    [InlineData("Charge at 1C for 1 minute", 1)]      // extraction: the alkali-poor shell, f = (0.70 − 0.5)/0.39
    [InlineData("Discharge at 1C for 1 minute", -1)]  // insertion: the alkali-rich shell, f = (0.5 − 0.31)/0.39
    public void The_shell_adds_rho_R_times_the_spherical_shell_factor_to_the_first_step(string step, int direction)
    {
        var off = Cell(0.5, 0, 0);
        double j = off.NominalArealCapacityCPerM2 / 3600;   // 1C, A/m² of electrode
        var p = (CompositeElectrodeParameters)off.Positive;
        double iF = j / (p.SpecificInterfacialAreaPerM * p.ThicknessM);   // uniform: ideal conduction in the composite
        double f = direction > 0 ? (0.70 - 0.5) / 0.39 : (0.5 - 0.31) / 0.39;
        double shell = Rho * Radius * (Math.Pow(1 - f, -1.0 / 3) - 1);   // Ω·m² per particle surface
        var on = direction > 0 ? Cell(0.5, Rho, 0) : Cell(0.5, 0, Rho);
        // Charging raises the cathode's potential by R_sh·i_F, discharging lowers it by as much.
        Assert.Equal(direction * shell * iF, FirstVoltage(on, step) - FirstVoltage(off, step), 6);
        // The other direction's resistivity does nothing here.
        var other = direction > 0 ? Cell(0.5, 0, Rho) : Cell(0.5, Rho, 0);
        Assert.Equal(FirstVoltage(off, step), FirstVoltage(other, step), 9);
    }

    [Fact]
    public void Off_a_plateau_there_is_no_shell()
    {
        // θ = 0.2 lies on the steep single-phase part: Fick's law alone.
        Assert.Equal(FirstVoltage(Cell(0.2, 0, 0), "Charge at 1C for 1 minute"), FirstVoltage(Cell(0.2, Rho, Rho), "Charge at 1C for 1 minute"), 9);
    }

    [Fact]
    public void A_resistive_desodiation_shell_lowers_the_Sn_half_cells_1C_desodiation_mesh_converged()
    {
        // The seed Sn half cell sodiated at 0.1C, then desodiated at 1C through an alkali-poor shell of 10⁴ Ω·m: every plateau is
        // crossed from its edge, so the shell grows through each one and the 1C desodiation ends earlier (≈ 387 against ≈ 425 mAh/g);
        // the sodiation (no insertion shell) is untouched. A property of the model, not of the mesh or the steps.
        var preset = CellPresets.Get("sn-half");
        var withShell = preset.Cell with { Positive = ((CompositeElectrodeParameters)preset.Cell.Positive) with { ExtractionShellResistivityOhmM = 1e4 } };
        const string protocol = "Discharge at 0.1C until 0.01 V; Charge at 1C until 2.0 V";
        (double Sodiation, double Desodiation) Cycle(CellParameters c, SimulationOptions o)
        {
            var cycle = CellSimulation.RunStreaming(c, Protocol.Parse(protocol), o).Summary.Cycles[0];
            return (cycle.DischargeSpecificCapacityMAhPerG!.Value, cycle.ChargeSpecificCapacityMAhPerG!.Value);
        }
        var standard = CellCalibration.DefaultOptions;
        var without = Cycle(preset.Cell, standard);
        var with = Cycle(withShell, standard);
        Assert.Equal(without.Sodiation, with.Sodiation, 9);
        Assert.True(with.Desodiation < without.Desodiation - 20, $"{with.Desodiation} vs {without.Desodiation}");
        var fine = Cycle(withShell, standard with { RadialShells = 20, ThroughThicknessVolumes = 60, MaxStoichiometryChange = 0.003 });
        Assert.Equal(with.Desodiation, fine.Desodiation, 1.0);
    }

    [Fact]
    public void A_shell_keeps_the_cut_off_exact_and_restarts_at_a_reversal()
    {
        // The shell resistance is taken at the end of each step (implicit in i_F), so the voltage is continuous and the 3.3 V cut-off
        // is hit to the event tolerance; after the reversal the new front starts at the surface, so the first discharge point carries
        // no shell at all (the insertion shell does not act on a discharge).
        var preset = CellPresets.Get("nacro2-sn-full");
        var cell = preset.Cell with { Negative = ((CompositeElectrodeParameters)preset.Cell.Negative) with { InsertionShellResistivityOhmM = 1e3, ExtractionShellResistivityOhmM = 1e4 } };
        var s = CellSimulation.Run(cell, Protocol.Parse("Charge at 1C until 3.3 V; Discharge at 0.5C until 1.5 V")).Series;
        int lastCharge = s.StepCount.FindLastIndex(k => k == s.StepCount[1]);
        Assert.Equal(3.3, s.VoltageV[lastCharge], new SimulationOptions().EventToleranceV);
        Assert.True(s.NegativeBreakdown[lastCharge].InterfaceV < -1e-3, $"{s.NegativeBreakdown[lastCharge].InterfaceV}");   // the insertion shell polarises the charge
        Assert.Equal(0, s.NegativeBreakdown[lastCharge + 1].InterfaceV, 4);
    }

    [Fact]
    public void Negative_resistivity_is_refused_and_a_spec_sets_it()
    {
        var bad = Cell(0.5, -1, 0);
        var e = Assert.Throws<Borolyte.InvalidInputException>(() => CellSimulation.Run(bad, Protocol.Parse("Charge at 1C for 1 minute")));
        Assert.Contains("extractionShellResistivityOhmM must be ≥ 0", e.Message);
        var (_, cell) = CellSimulationSpec.Parse("preset: nacro2-sn-full\nnegative:\n  extractionShellResistivityOhmM: 1e4\n  insertionShellResistivityOhmM: 50\n", "shell.yaml");
        var n = (CompositeElectrodeParameters)cell.Negative;
        Assert.Equal(1e4, n.ExtractionShellResistivityOhmM);
        Assert.Equal(50, n.InsertionShellResistivityOhmM);
    }
}
