using System.Globalization;
using Borolyte.Cells.Design;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cells.Design;

/// <summary>`discharge.fromSimulation` of a cell-design spec (issue 5 §1: "or takes them from a simulation").</summary>
public class FromSimulationSpecTests
{
    private static readonly string Seed = File.ReadAllText(TestData.Path("cells", "nacro2-sn-full.yaml"));

    /// <summary>The seed spec with its discharge block replaced (the block is the file's last section).</summary>
    internal static string WithDischarge(string block)
    {
        int at = Seed.IndexOf("\ndischarge:", StringComparison.Ordinal);
        Assert.True(at > 0);
        return Seed[..(at + 1)] + "discharge:\n" + block.TrimEnd('\n') + "\n";
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private const string SeedProtocol = "Charge at 0.1C until 3.3 V; Discharge at 0.1C until 1.5 V";

    [Fact]
    public void Preset_discharge_gives_the_same_energy_as_the_simulated_numbers_written_by_hand()
    {
        // The simulator run directly through its public API: seed 004's first full-cell cycle at 0.1C in 1.5–3.3 V (§2, §4.4).
        var preset = CellPresets.Get("nacro2-sn-full");
        var run = CellSimulation.Run(preset.Cell, Protocol.Parse(SeedProtocol));
        var cycle = run.Summary.Cycles.Single(c => c.Cycle == 1);
        double q = cycle.DischargeSpecificCapacityMAhPerG!.Value, v = cycle.AverageDischargeVoltageV!.Value;

        var byHand = CellSpecReader.Parse(WithDischarge($"  capacityMAhPerG: {R(q)}\n  averageVoltageV: {R(v)}\n"), "hand.yaml");
        var fromSim = CellSpecReader.Parse(WithDischarge("  fromSimulation: nacro2-sn-full\n"), "sim.yaml");

        Assert.Equal("spec", byHand.DischargeSource);
        Assert.Equal("simulation", fromSim.DischargeSource);
        var (a, b) = (byHand.Energy(), fromSim.Energy());
        Assert.Equal(a.SpecificEnergyWhPerKgCathodeActive, b.SpecificEnergyWhPerKgCathodeActive, 9);
        Assert.Equal(a.SpecificEnergyWhPerKgElectrodes, b.SpecificEnergyWhPerKgElectrodes, 9);
        Assert.Equal(a.SpecificEnergyWhPerKgStack, b.SpecificEnergyWhPerKgStack, 9);
        Assert.Equal(a.EnergyDensityWhPerLStack, b.EnergyDensityWhPerLStack, 9);

        // Independent route: the cycle's discharge energy (∫V·|I|dt, Wh) per kg of cathode active material is q·V̄.
        double activeKg = preset.Cell.ActiveLoadingKgPerM2 * preset.Cell.AreaM2;
        Assert.Equal(cycle.DischargeEnergyWh / activeKg, b.SpecificEnergyWhPerKgCathodeActive, 6);

        var sim = fromSim.SimulatedDischarge!;
        Assert.Equal("nacro2-sn-full", sim.Cell);
        Assert.Equal(1, sim.Cycle);
        Assert.Equal(SeedProtocol, sim.Protocol);
        Assert.Equal(30, sim.TemperatureK - PhysicalConstants.ZeroCelsiusK, 9);
        // The designed cell is simulated; the spec's geometry is the preset's, so the cell is the preset's.
        Assert.Contains(sim.Notes, n => n.StartsWith("simulated the designed cell", StringComparison.Ordinal));
        Assert.Equal(preset.Cell.ActiveLoadingKgPerM2, sim.SimulatedCell!.ActiveLoadingKgPerM2, 15);
    }

    [Fact]
    public void Inline_spec_with_rate_and_temperature_runs_that_cell()
    {
        var fromSim = CellSpecReader.Parse(WithDischarge("""
              fromSimulation:
                cell:
                  preset: nacro2-sn-full
                  degradation: off
                  positive:
                    solidDiffusivityM2PerS: 2e-15
                cRate: 0.5
                temperatureC: 60
                cycle: 1
            """), "inline.yaml");
        var preset = CellPresets.Get("nacro2-sn-full");
        var cell = preset.Cell with
        {
            Degradation = DegradationParameters.None,
            TemperatureK = 60 + PhysicalConstants.ZeroCelsiusK,
            Positive = ((CompositeElectrodeParameters)preset.Cell.Positive) with { SolidDiffusivityM2PerS = 2e-15 },
        };
        var c1 = CellSimulation.Run(cell, Protocol.Parse("Charge at 0.5C until 3.3 V; Discharge at 0.5C until 1.5 V")).Summary.Cycles[0];
        Assert.Equal(c1.DischargeSpecificCapacityMAhPerG!.Value, fromSim.DischargeCapacityCPerKgCathodeActive / CellUnits.CPerKgPerMAhPerG, 9);
        Assert.Equal(c1.AverageDischargeVoltageV!.Value, fromSim.AverageDischargeVoltageV, 12);
        Assert.Equal("Charge at 0.5C until 3.3 V; Discharge at 0.5C until 1.5 V", fromSim.SimulatedDischarge!.Protocol);
        // The same spec with degradation on gives a different discharge, so the equality above saw 'degradation: off' arrive.
        var withDegradation = CellSimulation.Run(cell with { Degradation = preset.Cell.Degradation },
            Protocol.Parse("Charge at 0.5C until 3.3 V; Discharge at 0.5C until 1.5 V")).Summary.Cycles[0];
        Assert.NotEqual(withDegradation.DischargeSpecificCapacityMAhPerG!.Value, c1.DischargeSpecificCapacityMAhPerG!.Value, 3);
    }

    [Fact]
    public void Simulation_spec_file_is_read_relative_to_the_design_spec_and_the_designed_loading_is_simulated()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "sim.yaml"), "preset: nacro2-half-97\ndegradation: off\n");
        string spec = Path.Combine(dir.Path, "cell.yaml");
        File.WriteAllText(spec, WithDischarge("  fromSimulation:\n    cell: sim.yaml\n    protocol: \"Charge at 0.1C until 3.35 V; Discharge at 0.1C until 2.1 V\"\n"));
        var design = CellSpecReader.ReadFile(spec);
        var sim = design.SimulatedDischarge!;
        Assert.Equal("nacro2-half-97", sim.Cell);
        // 7.7 mg/cm² in the half-cell preset (seed 004 §2), 5.6 mg/cm² in the design: the design's cathode is what is simulated.
        Assert.Equal(5.6 * CellUnits.KgPerM2PerMgPerCm2, sim.SimulatedCell!.ActiveLoadingKgPerM2, 15);
        Assert.Equal(design.Cathode.StackThicknessM, ((CompositeElectrodeParameters)sim.SimulatedCell.Positive).ThicknessM, 15);
        Assert.InRange(sim.DischargeCapacityMAhPerG, 60, 125.3);   // below NaCrO2's Faraday capacity at x = 0.5 (catalogue)
    }

    private static string Fails(string block)
    {
        string yaml = WithDischarge(block);
        return Assert.Throws<CellSpecException>(() => CellSpecReader.Parse(yaml, "cell.yaml")).Message;
    }

    private static int LineOf(string block, string text) =>
        WithDischarge(block).Split('\n').ToList().FindIndex(l => l.Contains(text)) + 1;

    [Fact]
    public void Unknown_preset_names_the_field_and_line()
    {
        const string block = "  fromSimulation: nacro2-nope\n";
        string msg = Fails(block);
        Assert.StartsWith($"cell.yaml:{LineOf(block, "nacro2-nope")}: discharge.fromSimulation ", msg);
        Assert.Contains("unknown cell preset 'nacro2-nope'", msg);
        Assert.Contains("nacro2-sn-full", msg);   // lists the presets
        Assert.DoesNotContain('\n', msg);
    }

    [Fact]
    public void Unknown_preset_inside_a_mapping_names_the_cell_field()
    {
        const string block = "  fromSimulation:\n    cell: nope\n";
        string msg = Fails(block);
        Assert.StartsWith($"cell.yaml:{LineOf(block, "cell: nope")}: discharge.fromSimulation.cell ", msg);
    }

    [Fact]
    public void Error_in_an_inline_simulation_spec_carries_this_files_line()
    {
        const string block = "  fromSimulation:\n    cell:\n      preset: nacro2-sn-full\n      positive:\n        solidDiffusivityM2PerS: -1\n";
        string msg = Fails(block);
        Assert.Equal($"cell.yaml:{LineOf(block, "solidDiffusivityM2PerS: -1")}: discharge.fromSimulation.cell: positive.solidDiffusivityM2PerS must be greater than zero, got -1", msg);
    }

    [Fact]
    public void Simulation_failure_names_the_field_and_the_protocol_step()
    {
        // 0.1C for 1000 h exhausts the NaCrO2 (its OCP curve ends at x = 0.4): the simulator stops with a reason.
        const string block = "  fromSimulation:\n    cell: nacro2-sn-full\n    protocol: \"Charge at 0.1C for 1000 hours\"\n";
        string msg = Fails(block);
        // Reported at the fromSimulation mapping (its first field's line).
        Assert.StartsWith($"cell.yaml:{LineOf(block, "cell: nacro2-sn-full")}: discharge.fromSimulation did not give a discharge: simulation failed at protocol step 1", msg);
    }

    [Theory]
    [InlineData("  fromSimulation: nacro2-sn-full\n  capacityMAhPerG: 110\n", "discharge.capacityMAhPerG cannot be given together with fromSimulation")]
    [InlineData("  fromSimulation:\n    cell: nacro2-sn-full\n    cRate: 0.1\n    protocol: \"Charge at 0.1C until 3.3 V\"\n", "discharge.fromSimulation.cRate cannot be given together with protocol")]
    [InlineData("  fromSimulation:\n    cell: nacro2-sn-full\n    protocol: \"Charge at 0.1C until 3.3 V; Dance\"\n", "discharge.fromSimulation.protocol is not a valid protocol")]
    [InlineData("  fromSimulation:\n    cell: nacro2-sn-full\n    cycle: 2\n", "has cycles 1, not cycle 2")]
    [InlineData("  fromSimulation:\n    cell: nacro2-sn-full\n    protocol: \"Charge at 0.1C until 3.3 V\"\n", "cycle 1 of the simulation of 'nacro2-sn-full' has no discharge")]
    [InlineData("  fromSimulation: sn-half\n", "positive electrode is Sn, but the design's cathode is NaCrO2")]
    [InlineData("  fromSimulation:\n    preset: nacro2-sn-full\n", "unknown field 'discharge.fromSimulation.preset'")]
    [InlineData("  fromSimulation:\n    protocol: \"Charge at 0.1C until 3.3 V\"\n", "discharge.fromSimulation.cell is required but missing")]
    [InlineData("  fromSimulation:\n    cell: nacro2-sn-full\n    temperatureC: -300\n", "discharge.fromSimulation.temperatureC must be above −273.15 °C")]
    [InlineData("  averageVoltageV: 2.5\n", "discharge.capacityMAhPerG is required but missing")]
    public void Bad_fromSimulation_blocks_are_one_line_errors(string block, string expected)
    {
        string msg = Fails(block);
        Assert.StartsWith("cell.yaml:", msg);
        Assert.Contains(expected, msg);
        Assert.DoesNotContain('\n', msg);
    }
}
