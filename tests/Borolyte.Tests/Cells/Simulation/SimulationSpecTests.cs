using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Transport;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>Simulation specs that describe a whole cell (docs/cells.md "Simulation spec"): equivalence with the presets, every field's error.</summary>
public class SimulationSpecTests
{
    internal static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", "cells", name);

    private static readonly Protocol TwoCycles = Protocol.Parse("(Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V) x 2");

    [Fact]
    public void Whole_cell_example_without_a_preset_is_the_nacro2_half_preset()
    {
        var (preset, cell) = CellSimulationSpec.ReadFile(Example("nacro2-half.simulation.yaml"));
        var reference = CellPresets.Get("nacro2-half");
        // Every parameter equal: geometry through the design module and CellPresets.DesignedGeometry, as the preset is built.
        Assert.Equal(reference.Cell.Positive, cell.Positive);
        Assert.Equal(reference.Cell.Negative, cell.Negative);
        Assert.Equal(reference.Cell, cell);
        Assert.Equal(2.10, preset.MinVoltageV);
        Assert.Equal(3.35, preset.MaxVoltageV);
        // … so the simulation is the same, number for number.
        var a = CellSimulation.RunStreaming(reference.Cell, TwoCycles).Summary.Cycles;
        var b = CellSimulation.RunStreaming(cell, TwoCycles).Summary.Cycles;
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++) Assert.Equal(a[i], b[i]);
    }

    [Fact]
    public void Whole_full_cell_example_is_the_nacro2_sn_full_preset()
    {
        var (preset, cell) = CellSimulationSpec.ReadFile(Example("nacro2-sn-full.simulation.yaml"));
        var reference = CellPresets.Get("nacro2-sn-full");
        Assert.Equal(reference.Cell, cell);
        Assert.Equal((1.5, 3.3), (preset.MinVoltageV, preset.MaxVoltageV));
        var protocol = Protocol.Parse("(Charge at 0.5C until 3.3 V; Discharge at 0.5C until 1.5 V) x 2");
        Assert.Equal(CellSimulation.RunStreaming(reference.Cell, protocol).Summary.Cycles, CellSimulation.RunStreaming(cell, protocol).Summary.Cycles);
    }

    [Fact]
    public void Cli_simulates_the_whole_cell_example_as_the_preset()
    {
        string protocol = "Charge at 1C until 3.35 V; Discharge at 1C until 2.1 V";
        var spec = CliProcess.Run("cell", "simulate", Example("nacro2-half.simulation.yaml"), "--protocol", protocol, "--json");
        var preset = CliProcess.Run("cell", "simulate", "nacro2-half", "--protocol", protocol, "--json");
        Assert.Equal(0, spec.ExitCode);
        using var a = JsonDocument.Parse(spec.Stdout);
        using var b = JsonDocument.Parse(preset.Stdout);
        Assert.Equal(b.RootElement.GetProperty("cycles").GetRawText(), a.RootElement.GetProperty("cycles").GetRawText());
        Assert.Equal("nacro2-half", a.RootElement.GetProperty("cell").GetString());
    }

    [Fact]
    public void Changing_one_number_of_the_example_changes_that_parameter_only()
    {
        string yaml = File.ReadAllText(Example("nacro2-half.simulation.yaml")).Replace("loadingMgPerCm2: 7.0 ", "loadingMgPerCm2: 14.0 ");
        var (_, cell) = CellSimulationSpec.Parse(yaml, "double.yaml");
        var reference = CellPresets.Get("nacro2-half").Cell;
        var p = (CompositeElectrodeParameters)cell.Positive;
        var r = (CompositeElectrodeParameters)reference.Positive;
        // Twice the mass at the same porosities: twice the thickness, the same volume fractions, twice the 1C current.
        Assert.Equal(2 * r.ThicknessM, p.ThicknessM, 12);
        Assert.Equal(r.ActiveVolumeFraction, p.ActiveVolumeFraction, 12);
        Assert.Equal(r.ElectrolyteVolumeFraction, p.ElectrolyteVolumeFraction, 12);
        Assert.Equal(2 * reference.NominalArealCapacityCPerM2, cell.NominalArealCapacityCPerM2, 9);
        Assert.Equal(2 * reference.ActiveLoadingKgPerM2, cell.ActiveLoadingKgPerM2, 12);
        Assert.Equal(r with { ThicknessM = 0, ActiveLoadingKgPerM2 = 0, ActiveVolumeFraction = 0.5, ElectrolyteVolumeFraction = 0.2 },
            p with { ThicknessM = 0, ActiveLoadingKgPerM2 = 0, ActiveVolumeFraction = 0.5, ElectrolyteVolumeFraction = 0.2 });
    }

    [Fact]
    public void Preset_with_a_rebuilt_positive_keeps_the_presets_kinetics_and_scales_1C()
    {
        var (_, cell) = CellSimulationSpec.Parse("""
            preset: nacro2-half
            positive:
              activeMaterial: NaCrO2
              activeDensityGPerCm3: 4.12
              composition: "97:1:2"
              loadingMgPerCm2: 7.7
              porosity: 0.768
              measuredElectrolyteMassRatio: 0.149
              pressedPorosity: 0.294
            """, "rebuilt.yaml");
        var other = CellPresets.Get("nacro2-half-97").Cell;
        // The 97:1:2 preset is the same cell with seed 004's other electrode (§2): the rebuilt spec must be it, bar the name.
        Assert.Equal(other with { Name = "nacro2-half" }, cell);
    }

    [Fact]
    public void Temperature_dependence_and_the_new_degradation_laws_are_fields_that_change_only_themselves()
    {
        var (_, cell) = CellSimulationSpec.Parse("""
            preset: nacro2-sn-full
            positive:
              parameterTemperatureC: 60
              solidDiffusivityActivationEnergyEv: 0.45
              exchangeCurrentActivationEnergyEv: 0.5
              interfacialResistanceActivationEnergyEv: 0
            negative:
              exchangeCurrentActivationEnergyEv: 0.2
              solidDiffusivityStoichiometryExponent: -2.5
              particleRadiusLogStandardDeviation: 0.4
              particleSizeClasses: 7
            degradation:
              wettedContactFraction: 0.8
              contactHardnessMPa: 500
              negativeContactLossPerCycle: 0.002
              sideReactionGrowth: 0.05
            """, "t.yaml");
        var reference = CellPresets.Get("nacro2-sn-full").Cell;
        var p = (CompositeElectrodeParameters)reference.Positive;
        var n = (CompositeElectrodeParameters)reference.Negative;
        Assert.Equal(reference with
        {
            Positive = p with
            {
                ParameterTemperatureK = 60 + PhysicalConstants.ZeroCelsiusK, SolidDiffusivityActivationEnergyEv = 0.45,
                ExchangeCurrentActivationEnergyEv = 0.5, InterfacialResistanceActivationEnergyEv = 0,
            },
            // The negative keeps the preset's reference temperature (30 °C) and its other activation energies.
            Negative = n with { ExchangeCurrentActivationEnergyEv = 0.2, SolidDiffusivityStoichiometryExponent = -2.5, ParticleRadiusLogStandardDeviation = 0.4, ParticleSizeClassCount = 7 },
            Degradation = reference.Degradation with
            {
                WettedContactFraction = 0.8, ContactHardnessMPa = 500, NegativeContactLossPerCycleAtReference = 0.002, SideReactionGrowth = 0.05,
            },
        }, cell);
        Assert.Equal(303.15, n.ParameterTemperatureK, 12);
        Assert.Equal(0.3, n.ExchangeCurrentActivationEnergyEv);
    }

    [Fact]
    public void Planar_electrode_states_its_temperature_dependence()
    {
        var (_, cell) = CellSimulationSpec.Parse("""
            preset: nacro2-half
            negative:
              type: metal
              material: Na
              parameterTemperatureC: 60
              exchangeCurrentActivationEnergyEv: 0.4
              interfacialResistanceActivationEnergyEv: 0.35
              interfacialResistanceOhmCm2: 10
            """, "na.yaml");
        var n = Assert.IsType<PlanarElectrodeParameters>(cell.Negative);
        Assert.Equal(333.15, n.ParameterTemperatureK, 12);
        Assert.Equal(0.4, n.ExchangeCurrentActivationEnergyEv);
        Assert.Equal(0.35, n.InterfacialResistanceActivationEnergyEv);
        // The simulator evaluates them at the cell's 30 °C: R_int(T) = R_int·exp(+Eₐ/k_B·(1/T − 1/T_ref)) (Arrhenius).
        var hot = n.AtTemperature(cell.TemperatureK);
        Assert.Equal(1e-3 * Math.Exp(0.35 / PhysicalConstants.BoltzmannEvPerK * (1 / 303.15 - 1 / 333.15)), hot.InterfacialResistanceOhmM2, 15);
    }

    [Fact]
    public void A_rebuilt_positive_of_another_material_does_not_inherit_the_presets_temperature_dependence()
    {
        const string tis2 = "preset: nacro2-half\npositive:\n  activeMaterial: TiS2\n  loadingMgPerCm2: 7\n  capacityMAhPerG: 239\n  activeVolumeFraction: 0.5\n" +
            "  electrolyteVolumeFraction: 0.3\n  particleRadiusUm: 1\n  solidDiffusivityM2PerS: 1e-14\n  exchangeCurrentDensityMAPerCm2: 0.1\n" +
            "  electronicConductivitySPerCm: 0.1\n  initialStoichiometry: 0\n";
        var p = (CompositeElectrodeParameters)CellSimulationSpec.Parse(tis2, "tis2.yaml").Cell.Positive;
        // NaCrO2's ASSUMED 0.3 eV at 30 °C are that material's; a new material starts without temperature dependence.
        Assert.Equal((298.15, 0.0, 0.0, 0.0), (p.ParameterTemperatureK, p.SolidDiffusivityActivationEnergyEv, p.ExchangeCurrentActivationEnergyEv, p.InterfacialResistanceActivationEnergyEv));
        // … and an activation energy needs the temperature the parameters are given at.
        var ex = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.Parse(tis2 + "  solidDiffusivityActivationEnergyEv: 0.41\n", "tis2.yaml"));
        Assert.Equal("tis2.yaml:3: positive.parameterTemperatureC is required: the temperature at which the kinetic parameters are given (an activation energy moves them from there)", ex.Message);
        var (_, ok) = CellSimulationSpec.Parse(tis2 + "  solidDiffusivityActivationEnergyEv: 0.41\n  parameterTemperatureC: 25\n", "tis2.yaml");
        Assert.Equal(0.41, ((CompositeElectrodeParameters)ok.Positive).SolidDiffusivityActivationEnergyEv);
    }

    [Fact]
    public void Cold_pressed_composite_by_volume_fractions_is_the_review_tis2_preset()
    {
        var reference = CellPresets.Get("tis2-libh4-li").Cell;
        var r = (CompositeElectrodeParameters)reference.Positive;
        string R(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var (_, cell) = CellSimulationSpec.Parse($"""
            preset: tis2-libh4-li
            positive:
              activeMaterial: TiS2
              activeDensityGPerCm3: {R(r.ActiveLoadingKgPerM2 / r.ActiveVolumeFraction / r.ThicknessM / 1000)}
              loadingMgPerCm2: {R(r.ActiveLoadingKgPerM2 * 100)}
              activeVolumeFraction: {R(r.ActiveVolumeFraction)}
              electrolyteVolumeFraction: {R(r.ElectrolyteVolumeFraction)}
            """, "tis2.yaml");
        var p = (CompositeElectrodeParameters)cell.Positive;
        Assert.Equal(r.ThicknessM, p.ThicknessM, 15);
        Assert.Equal(r.ActiveVolumeFraction, p.ActiveVolumeFraction);
        Assert.Equal(r.ElectrolyteVolumeFraction, p.ElectrolyteVolumeFraction);
        Assert.Equal(r.SolidDiffusivityM2PerS, p.SolidDiffusivityM2PerS);   // kinetics kept from the preset
    }

    [Fact]
    public void Planar_metal_negative_and_tortuosity()
    {
        var (_, cell) = CellSimulationSpec.Parse("""
            preset: nacro2-half
            negative:
              type: metal
              material: Na
              exchangeCurrentDensityMAPerCm2: 2
              interfacialResistanceOhmCm2: 10
            positive:
              tortuosity: 3
            """, "na.yaml");
        var n = Assert.IsType<PlanarElectrodeParameters>(cell.Negative);
        Assert.Equal("na-metal", n.Ocp.Name);
        Assert.Equal(20, n.ExchangeCurrentDensityAPerM2, 12);
        Assert.Equal(1e-3, n.InterfacialResistanceOhmM2, 15);
        var p = (CompositeElectrodeParameters)cell.Positive;
        Assert.Equal(3.0, p.Tortuosity);
        // κ_eff = κ·ε/τ instead of κ·ε^1.5
        Assert.Equal(p.ElectrolyteVolumeFraction / 3, p.EffectiveIonicConductivity(1), 15);
    }

    [Fact]
    public void Electrolyte_from_the_knowledge_base_is_the_line_through_its_published_numbers()
    {
        var (_, cell) = CellSimulationSpec.Parse("preset: nacro2-half\nelectrolyte:\n  compound: Na2(CB9H10)(CB11H12)\n  densityGPerCm3: 1.2\n", "kb.yaml");
        // Review §2.1: "Na2(CB9H10)(CB11H12) with 7 × 10-2 S cm-1 and 0.23 eV" (25 °C assumed by the knowledge base).
        var line = Assert.IsType<ArrheniusConductivity>(cell.Electrolyte);
        Assert.Equal(0.07, line.ConductivitySPerCm(298.15), 12);
        Assert.Equal(0.23, line.ActivationEnergyEv, 12);
        double ratio = cell.Electrolyte.ConductivitySPerM(333.15) / cell.Electrolyte.ConductivitySPerM(298.15);
        Assert.Equal(Math.Exp(-0.23 * PhysicalConstants.ElementaryChargeC / PhysicalConstants.BoltzmannJPerK * (1 / 333.15 - 1 / 298.15)), ratio, 12);
    }

    [Fact]
    public void Electrolyte_from_a_measured_table_is_the_transport_modules_Arrhenius_fit()
    {
        using var dir = new Borolyte.Tests.Support.TempDirectory();
        // Exact Arrhenius data: σ = 1 mS/cm at 25 °C, Eₐ = 0.42 eV.
        double Sigma(double tK) => 1e-3 * Math.Exp(-0.42 * PhysicalConstants.ElementaryChargeC / PhysicalConstants.BoltzmannJPerK * (1 / tK - 1 / 298.15));
        var lines = new List<string> { "temperature_C,conductivity_S_per_cm" };
        foreach (double c in new[] { 20.0, 40, 60, 80, 100 })
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c},{Sigma(c + 273.15):R}"));
        File.WriteAllLines(dir.File("sigma.csv"), lines);
        File.WriteAllText(dir.File("cell.yaml"), "preset: nacro2-half\nelectrolyte:\n  conductivityCsv: sigma.csv\n");
        var (_, cell) = CellSimulationSpec.ReadFile(dir.File("cell.yaml"));
        var line = Assert.IsType<ArrheniusConductivity>(cell.Electrolyte);   // the default model
        Assert.Equal(0.42, line.ActivationEnergyEv, 9);
        Assert.Equal(Sigma(333.15), line.ConductivitySPerCm(333.15), 12);
        Assert.Equal(0.1, line.ReferenceConductivitySPerM, 9);

        File.WriteAllText(dir.File("bad.yaml"), "preset: nacro2-half\nelectrolyte:\n  conductivityCsv: missing.csv\n");
        var ex = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.ReadFile(dir.File("bad.yaml")));
        Assert.Contains(":3: electrolyte.conductivityCsv — ", ex.Message);
    }

    [Fact]
    public void Electrolyte_with_an_order_disorder_transition_takes_the_piecewise_fit_and_the_separator_follows_its_jump()
    {
        // A LiBH4-like table (review §2.1): low-T phase 0.69 eV, high-T phase 0.53 eV, σ jumping 2.5 decades between 110 and
        // 120 °C. The spec's piecewise fit must be the transport module's own fit of the same table (same σ at every T), the
        // cell's κ must follow it on both sides of the jump, and the separator's instantaneous drop I·L/κ with it.
        using var dir = new Borolyte.Tests.Support.TempDirectory();
        const double kB = PhysicalConstants.BoltzmannJPerK / PhysicalConstants.ElementaryChargeC, tt = 388.15;
        double Sigma(double tK) => tK < tt ? 3e-6 * Math.Exp(-0.69 / kB * (1 / tK - 1 / tt)) : 1e-3 * Math.Exp(-0.53 / kB * (1 / tK - 1 / tt));
        var lines = new List<string> { "temperature_C,conductivity_S_per_cm" };
        foreach (double c in new[] { 70.0, 80, 90, 100, 110, 120, 130, 140, 150, 160 })
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c},{Sigma(c + 273.15):R}"));
        File.WriteAllLines(dir.File("libh4.csv"), lines);
        File.WriteAllText(dir.File("cell.yaml"), "preset: tis2-libh4-li\nelectrolyte:\n  conductivityCsv: libh4.csv\n  conductivityModel: piecewise\n");
        var (preset, cell) = CellSimulationSpec.ReadFile(dir.File("cell.yaml"));
        var fit = Assert.IsType<ConductivityFit>(cell.Electrolyte);
        var independent = ConductivityFitter.Fit(ConductivityCsv.Read(dir.File("libh4.csv")), ConductivityModelKind.Piecewise);
        Assert.Single(fit.Transitions);
        foreach (double c in new[] { 100.0, 125 })
        {
            double tK = c + 273.15;
            Assert.Equal(independent.ConductivitySPerCm(tK), cell.Electrolyte.ConductivitySPerM(tK) / 100, 1e-12 * Sigma(tK));
            Assert.Equal(Sigma(tK), cell.Electrolyte.ConductivitySPerM(tK) / 100, 1e-6 * Sigma(tK));   // exact data: the fit is the law
        }
        Assert.Contains(preset.Parameters, p => p.Name == "electrolyteConductivity25C" && p.Source.Contains("piecewise fit, 10 points 70–160 °C; transitions"));

        // The instantaneous drop at 0.2 mA/cm² (2 A/m²) includes both electrodes' kinetics; an extra 500 µm of separator adds
        // exactly j·ΔL/κ(T) to it: ≈ 7 mV in the high-T phase at 125 °C, ≈ 8 V below the jump at 100 °C.
        double Jump(double c, double separatorM)
        {
            var warm = cell with { TemperatureK = c + 273.15, SeparatorThicknessM = separatorM, Degradation = DegradationParameters.None };
            var s = CellSimulation.Run(warm, Protocol.Parse("Discharge at 0.2 mA/cm2 for 1 minute")).Series;
            return s.VoltageV[0] - s.VoltageV[1];
        }
        double j = 2, l = cell.SeparatorThicknessM;
        foreach (double c in new[] { 100.0, 125 })
        {
            double expected = j * l / cell.Electrolyte.ConductivitySPerM(c + 273.15);
            Assert.Equal(expected, Jump(c, 2 * l) - Jump(c, l), 1e-6 * expected);
        }
        Assert.True(j * l / cell.Electrolyte.ConductivitySPerM(373.15) > 100 * j * l / cell.Electrolyte.ConductivitySPerM(398.15));
    }

    [Fact]
    public void Electrolyte_numbers_override_the_preset_and_degradation_is_named_or_given()
    {
        var (_, cell) = CellSimulationSpec.Parse("""
            preset: sn-half
            electrolyte:
              conductivityMSPerCm: 2
              activationEnergyEv: 0.4
            degradation:
              from: nacro2-half
              contactLossPerCycle: 0.01
            stackPressureMPa: 3
            """, "e.yaml");
        Assert.Equal(new ArrheniusConductivity(0.2, 298.15, 0.4 * PhysicalConstants.ElementaryChargeC), cell.Electrolyte);
        var d = CellPresets.Get("nacro2-half").Cell.Degradation;
        Assert.Equal(d with { ContactLossPerCycleAtReference = 0.01, StackPressureMPa = 3 }, cell.Degradation);
        var (_, off) = CellSimulationSpec.Parse("preset: sn-half\ndegradation: off\n", "off.yaml");
        Assert.False(off.Degradation.Any);
    }

    [Theory]
    [InlineData("preset: nacro2-half\ncolour: blue\n", 2, "unknown field 'colour'")]
    [InlineData("preset: nacro2-half\nelectrolyte:\n  conductivityModel: vtf\n  conductivityMSPerCm: 1\n", 3, "electrolyte.conductivityModel needs conductivityCsv")]
    [InlineData("preset: nacro2-half\nelectrolyte:\n  conductivityCsv: x.csv\n  conductivityModel: cubic\n", 4, "electrolyte.conductivityModel must be arrhenius, arrhenius-t, vtf or piecewise, got 'cubic'")]
    [InlineData("preset: nope\n", 1, "preset: unknown cell preset 'nope'")]
    [InlineData("preset: nacro2-half\ntemperatureC: -300\n", 2, "temperatureC must be above −273.15, got -300")]
    [InlineData("preset: nacro2-half\nseparatorThicknessUm: 0\n", 2, "separatorThicknessUm must be greater than zero, got 0")]
    [InlineData("preset: nacro2-half\nareaCm2: 1\nelectrodeDiameterMm: 12\n", 3, "electrodeDiameterMm cannot be given together with areaCm2")]
    [InlineData("preset: nacro2-half\nminVoltageV: 3.5\n", 2, "minVoltageV must leave a window")]
    [InlineData("preset: nacro2-half\ndegradation: sometimes\n", 2, "degradation must be on, off, a preset name")]
    [InlineData("preset: nacro2-half\ndegradation:\n  contactLossPerCycle: 1.5\n", 3, "degradation.contactLossPerCycle must be in [0, 1), got 1.5")]
    [InlineData("preset: nacro2-half\ndegradation:\n  sideReactionElectrode: left\n", 3, "degradation.sideReactionElectrode must be 'positive' or 'negative', got 'left'")]
    [InlineData("preset: nacro2-half\ndegradation:\n  speed: 1\n", 3, "unknown field 'degradation.speed'")]
    [InlineData("preset: nacro2-half\nelectrolyte:\n  conductivityMSPerCm: -1\n", 3, "electrolyte.conductivityMSPerCm must be greater than zero, got -1")]
    [InlineData("preset: nacro2-half\nelectrolyte:\n  activationEnergyEv: -0.1\n", 3, "electrolyte.activationEnergyEv must be ≥ 0, got -0.1")]
    [InlineData("preset: nacro2-half\nelectrolyte:\n  compound: Na4(B12H12)(B10H10)\n", 3, "electrolyte.compound 'Na4(B12H12)(B10H10)' has no point activation energy in the knowledge base")]
    [InlineData("preset: nacro2-half\nelectrolyte:\n  compound: Unobtainium\n", 3, "electrolyte.compound 'Unobtainium' is not a compound of the knowledge base")]
    [InlineData("preset: nacro2-half\nelectrolyte:\n  compound: Na2(CB9H10)(CB11H12)\n  conductivityMSPerCm: 1\n", 4, "electrolyte.conductivityMSPerCm cannot be given together with compound")]
    [InlineData("preset: nacro2-half\ninfiltration:\n  concentrationMgPerMl: 0\n", 3, "infiltration.concentrationMgPerMl must be greater than zero, got 0")]
    [InlineData("preset: nacro2-half\ninfiltration:\n  concentrationMgPerMl: 2000\n  basis: solution\n", 3, "infiltration.concentrationMgPerMl: solution concentration 2000 mg/mL would leave more solid than the pore volume holds")]
    [InlineData("preset: [nacro2-half\npositive:\n  particleRadiusUm: 2\n", 0, "malformed YAML (unbalanced brackets or quotes?)")]
    [InlineData("preset: nacro2-half\ninfiltration:\n  concentrationMgPerMl: 100\n  dips: 1.5\n", 4, "infiltration.dips must be a whole number ≥ 1, got 1.5")]
    [InlineData("preset: nacro2-half\npositive:\n  particleRadiusUm: -2\n", 3, "positive.particleRadiusUm must be greater than zero, got -2")]
    [InlineData("preset: nacro2-half\npositive:\n  contactAreaFraction: 0\n", 3, "positive.contactAreaFraction must be in (0, 1], got 0")]
    [InlineData("preset: nacro2-half\npositive:\n  initialStoichiometry: 1.2\n", 3, "positive.initialStoichiometry must be in [0, 1], got 1.2")]
    [InlineData("preset: nacro2-half\npositive:\n  tortuosity: 0.5\n", 3, "positive.tortuosity must be ≥ 1, got 0.5")]
    [InlineData("preset: nacro2-half\npositive:\n  tortuosity: 2\n  bruggemanExponent: 1.5\n", 3, "positive.tortuosity cannot be given together with bruggemanExponent")]
    [InlineData("preset: nacro2-half\npositive:\n  electronicConductivitySPerCm: x\n", 3, "positive.electronicConductivitySPerCm must be a number, got 'x'")]
    [InlineData("preset: nacro2-half\npositive:\n  ocp: missing.csv\n", 3, "positive.ocp: OCP curve")]
    [InlineData("preset: nacro2-half\npositive:\n  colour: red\n", 3, "unknown field 'positive.colour'")]
    [InlineData("preset: nacro2-half\npositive:\n  type: liquid\n", 3, "positive.type must be composite, metal or alloy, got 'liquid'")]
    [InlineData("preset: nacro2-half\nnegative:\n  solidDiffusivityM2PerS: 1e-14\n", 3, "negative.solidDiffusivityM2PerS applies only to a composite electrode")]
    [InlineData("preset: nacro2-half\nnegative:\n  material: Unobtainium\n", 3, "negative.material 'Unobtainium' has no built-in curve")]
    [InlineData("preset: nacro2-half\nnegative:\n  exchangeCurrentDensityMAPerCm2: 0\n", 3, "negative.exchangeCurrentDensityMAPerCm2 must be greater than zero, got 0")]
    [InlineData("preset: nacro2-half\npositive:\n  composition: \"95:2:3\"\n", 3, "positive.activeMaterial is required")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: NaCrO2\n  loadingMgPerCm2: 7\n  porosity: 0.8\n  measuredElectrolyteMassRatio: 0.17\n", 3, "positive.composition is required")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: NaCrO2\n  composition: \"95:2:3\"\n  loadingMgPerCm2: 7\n  measuredElectrolyteMassRatio: 0.17\n", 3, "positive give either porosity or thicknessUm")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: NaCrO2\n  composition: \"95:2:3\"\n  loadingMgPerCm2: 7\n  porosity: 0.8\n", 3, "positive.measuredElectrolyteMassRatio is required")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: NaCrO2\n  composition: \"95:2:3\"\n  loadingMgPerCm2: 7\n  porosity: 0.8\n  measuredElectrolyteMassRatio: 0.17\n  pressedPorosity: 0.3\n  pressedThicknessUm: 40\n", 9, "positive.pressedThicknessUm give either pressedPorosity or pressedThicknessUm, not both")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: NaCrO2\n  composition: \"95:x:3\"\n  loadingMgPerCm2: 7\n  porosity: 0.8\n  measuredElectrolyteMassRatio: 0.17\n", 4, "positive.composition: 'x' in '95:x:3' is not a number")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: NaCrO2\n  composition: \"95:2:3\"\n  loadingMgPerCm2: 7\n  thicknessUm: 5\n  measuredElectrolyteMassRatio: 0.17\n", 6, "positive.thicknessUm — thickness 5 µm is not larger than the solid volume")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: Unobtainium\n  composition: \"95:2:3\"\n  loadingMgPerCm2: 7\n", 3, "positive.activeDensityGPerCm3 is required: 'Unobtainium' is not in the material catalogue")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: TiS2\n  loadingMgPerCm2: 7\n  electrolyteVolumeFraction: 0.3\n", 3, "positive give either activeVolumeFraction or thicknessUm")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: TiS2\n  loadingMgPerCm2: 7\n  activeVolumeFraction: 0.5\n  electrolyteVolumeFraction: 0.3\n  particleRadiusUm: 1\n  solidDiffusivityM2PerS: 1e-14\n  exchangeCurrentDensityMAPerCm2: 0.1\n  electronicConductivitySPerCm: 0.1\n  initialStoichiometry: 0\n", 3, "positive.capacityMAhPerG is required: the nominal specific capacity defines 1C")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: TiS2\n  loadingMgPerCm2: 7\n  activeVolumeFraction: 0.8\n  electrolyteVolumeFraction: 0.3\n", 5, "positive.activeVolumeFraction gives active + electrolyte volume fractions")]
    [InlineData("preset: nacro2-half\npositive:\n  activeMaterial: TiS2\n  loadingMgPerCm2: 7\n  activeVolumeFraction: 0.5\n  electrolyteVolumeFraction: 0.3\n  porosity: 0.2\n", 7, "positive.porosity cannot be combined with volume fractions")]
    [InlineData("preset: nacro2-half\npositive:\n  parameterTemperatureC: -280\n", 3, "positive.parameterTemperatureC must be above −273.15, got -280")]
    [InlineData("preset: nacro2-half\npositive:\n  solidDiffusivityActivationEnergyEv: -0.3\n", 3, "positive.solidDiffusivityActivationEnergyEv must be ≥ 0, got -0.3")]
    [InlineData("preset: nacro2-half\npositive:\n  exchangeCurrentActivationEnergyEv: x\n", 3, "positive.exchangeCurrentActivationEnergyEv must be a number, got 'x'")]
    [InlineData("preset: nacro2-half\nnegative:\n  interfacialResistanceActivationEnergyEv: -1\n", 3, "negative.interfacialResistanceActivationEnergyEv must be ≥ 0, got -1")]
    [InlineData("preset: nacro2-half\nnegative:\n  solidDiffusivityActivationEnergyEv: 0.3\n", 3, "negative.solidDiffusivityActivationEnergyEv applies only to a composite electrode")]
    [InlineData("preset: nacro2-half\npositive:\n  solidDiffusivityStoichiometryExponent: 60\n", 3, "positive.solidDiffusivityStoichiometryExponent must be in [−50, 50] (D changes by e^k from θ = 0 to 1), got 60")]
    [InlineData("preset: nacro2-half\npositive:\n  particleRadiusLogStandardDeviation: 2\n", 3, "positive.particleRadiusLogStandardDeviation must be in [0, 1.5] (σ of ln R; 0 = one radius), got 2")]
    [InlineData("preset: nacro2-half\npositive:\n  contactPatchRadiusUm: 3\n", 3, "positive.contactPatchRadiusUm — the contact patches (3 µm) must be smaller than the particle radius (2 µm)")]
    [InlineData("preset: nacro2-half\npositive:\n  particleRadiusUm: 0.4\n", 3, "positive.particleRadiusUm — the contact patches (0.5 µm) must be smaller than the particle radius (0.4 µm)")]
    [InlineData("preset: nacro2-half\npositive:\n  binderCoverageLengthNm: -3\n", 3, "positive.binderCoverageLengthNm must be ≥ 0, got -3")]
    [InlineData("preset: nacro2-half\npositive:\n  particleSizeClasses: 2.5\n", 3, "positive.particleSizeClasses must be a whole number from 2 to 15, got 2.5")]
    [InlineData("preset: nacro2-half\nnegative:\n  solidDiffusivityStoichiometryExponent: 1\n", 3, "negative.solidDiffusivityStoichiometryExponent applies only to a composite electrode")]
    [InlineData("preset: nacro2-half\ndegradation:\n  wettedContactFraction: 0\n", 3, "degradation.wettedContactFraction must be in (0, 1], got 0")]
    [InlineData("preset: nacro2-half\ndegradation:\n  connectedParticleFraction: 1.5\n", 3, "degradation.connectedParticleFraction must be in (0, 1], got 1.5")]
    [InlineData("preset: nacro2-half\ndegradation:\n  contactHardnessMPa: 0\n", 3, "degradation.contactHardnessMPa must be greater than zero, got 0")]
    [InlineData("preset: nacro2-half\ndegradation:\n  negativeContactLossPerCycle: 1\n", 3, "degradation.negativeContactLossPerCycle must be in [0, 1), got 1")]
    [InlineData("preset: nacro2-half\ndegradation:\n  sideReactionGrowth: -0.1\n", 3, "degradation.sideReactionGrowth must be in [0, 1), got -0.1")]
    public void Each_bad_field_is_a_one_line_error_naming_it(string yaml, int line, string expected)
    {
        var ex = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.Parse(yaml, "cell.yaml"));
        // Line 0: the YAML parser gave no position (an unbalanced bracket it reports only as an invalid state).
        Assert.StartsWith(line > 0 ? $"cell.yaml:{line}: " : "cell.yaml: ", ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Cli_rate_of_a_renamed_anode_half_cell_is_the_sn_half_rate_test()
    {
        // The anode half-cell protocol is chosen by the electrode under test starting empty, not by the preset's name.
        using var dir = new Borolyte.Tests.Support.TempDirectory();
        string spec = dir.File("my-sn.yaml");
        File.WriteAllText(spec, "preset: sn-half\nname: my-sn\n");
        var a = CliProcess.Run("cell", "rate", spec, "--c-rates", "0.1,1", "--json");
        var b = CliProcess.Run("cell", "rate", "sn-half", "--c-rates", "0.1,1", "--json");
        Assert.Equal(0, a.ExitCode);
        using var x = JsonDocument.Parse(a.Stdout);
        using var y = JsonDocument.Parse(b.Stdout);
        Assert.Equal(y.RootElement.GetProperty("rates").GetRawText(), x.RootElement.GetProperty("rates").GetRawText());
    }

    [Theory]
    [InlineData("temperatureC: 30\nseparatorThicknessUm: 500\nminVoltageV: 2\nmaxVoltageV: 3\nelectrolyte:\n  conductivityMSPerCm: 1\n  activationEnergyEv: 0.3\n" +
                "positive:\n  activeMaterial: NaCrO2\n  composition: \"95:2:3\"\n  loadingMgPerCm2: 7\n  porosity: 0.8\n  measuredElectrolyteMassRatio: 0.17\n",
        13, "positive.measuredElectrolyteMassRatio needs the electrolyte's density")]
    [InlineData("electrolyte:\n  conductivityMSPerCm: 1\n  activationEnergyEv: 0.3\npositive:\n  particleRadiusUm: 2\n", 5, "positive.type is required: composite")]
    [InlineData("electrolyte:\n  conductivityMSPerCm: 1\n  activationEnergyEv: 0.3\nnegative:\n  type: metal\n", 5, "negative.material is required: Na, Li or Na3Sn")]
    public void Whole_cell_errors_without_a_preset(string yaml, int line, string expected)
    {
        var ex = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.Parse(yaml, "cell.yaml"));
        Assert.StartsWith($"cell.yaml:{line}: ", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Degradation_on_needs_a_preset()
    {
        string yaml = File.ReadAllText(Example("nacro2-half.simulation.yaml")).Replace("degradation: nacro2-half ", "degradation: on ");
        var ex = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.Parse(yaml, "cell.yaml"));
        Assert.Contains("degradation 'on' needs a preset", ex.Message);
        Assert.StartsWith($"cell.yaml:{yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("degradation:")) + 1}: ", ex.Message);
    }

    [Theory]
    [InlineData("positive", "positive is required")]
    [InlineData("negative", "negative is required")]
    [InlineData("temperatureC", "temperatureC is required (no preset")]
    [InlineData("separatorThicknessUm", "separatorThicknessUm is required (no preset")]
    [InlineData("minVoltageV", "minVoltageV is required (no preset")]
    [InlineData("electrolyte", "electrolyte is required (no preset")]
    [InlineData("particleRadiusUm", "positive.particleRadiusUm is required")]
    [InlineData("initialStoichiometry", "positive.initialStoichiometry is required")]
    [InlineData("exchangeCurrentDensityMAPerCm2", "exchangeCurrentDensityMAPerCm2 is required")]
    public void A_whole_cell_without_a_preset_needs_every_required_field(string field, string expected)
    {
        // Remove the field (and, for a section, its indented lines) from the example.
        var lines = File.ReadAllLines(Example("nacro2-half.simulation.yaml")).ToList();
        int at = lines.FindIndex(l => l.TrimStart().StartsWith(field + ":", StringComparison.Ordinal));
        Assert.True(at >= 0, field);
        int indent = lines[at].Length - lines[at].TrimStart().Length;
        int end = at + 1;
        while (end < lines.Count && (lines[end].Length - lines[end].TrimStart().Length > indent || lines[end].Trim().Length == 0)) end++;
        if (lines[at].TrimEnd().EndsWith(':') || lines[at].Contains(": ") && lines[at].Split(':')[1].Trim().StartsWith('#')) lines.RemoveRange(at, end - at);
        else lines.RemoveAt(at);
        var ex = Assert.ThrowsAny<InvalidInputException>(() => CellSimulationSpec.Parse(string.Join('\n', lines), "cell.yaml"));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith("cell.yaml:", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
