using System.CommandLine;
using System.Globalization;
using Borolyte.Cells.Design;
using Borolyte.Cells.Protocols;
using Borolyte.Cells.Simulation;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte cell crate|design|materials|protocol|presets|simulate|rate`: electrode and cell design (issue 5 §1) and the simulator (§2).</summary>
public static class CellCommands
{
    public static Command Build()
    {
        var cell = new Command("cell", "All-solid-state cell design: loadings, porosity, infiltration, n/p balancing, specific energy");
        cell.Subcommands.Add(BuildCRate());
        cell.Subcommands.Add(BuildDesign());
        cell.Subcommands.Add(BuildMaterials());
        cell.Subcommands.Add(BuildProtocol());
        cell.Subcommands.Add(CellSimulationCommands.BuildPresets());
        cell.Subcommands.Add(CellSimulationCommands.BuildSimulate());
        cell.Subcommands.Add(CellSimulationCommands.BuildRate());
        cell.Subcommands.Add(CellSimulationCommands.BuildCalibrate());
        cell.Subcommands.Add(CellSimulationCommands.BuildSensitivity());
        cell.Subcommands.Add(CellSimulationCommands.BuildSweep());
        return cell;
    }

    private static Command BuildCRate()
    {
        var loading = new Option<double>("--loading-mg-cm2") { Description = "Active-material loading, mg/cm²", Required = true };
        var capacity = new Option<double>("--capacity-mah-g") { Description = "Nominal specific capacity of the active material, mAh/g (defines 1C)", Required = true };
        var cRate = new Option<string>("--c-rate") { Description = "C-rate: 0.1, 5, C/10 or 0.1C", Required = true };
        var current = new Option<double?>("--current-ma-cm2") { Description = "Also report the C-rate of this current density, mA/cm²" };
        var json = CliOutput.JsonOption();
        var command = new Command("crate",
            "Areal capacity and the current density of a C-rate (nC = current that passes the nominal areal capacity in 1/n h)")
        { loading, capacity, cRate, current, json };
        command.SetAction(parse =>
        {
            double l = Positive(parse.GetValue(loading), "--loading-mg-cm2");
            double q = Positive(parse.GetValue(capacity), "--capacity-mah-g");
            double n = ParseCRate(parse.GetValue(cRate)!, "--c-rate");
            double? j = parse.GetValue(current) is { } jj ? Positive(jj, "--current-ma-cm2") : null;
            double areal = CRate.ArealCapacityCPerM2(l * CellUnits.KgPerM2PerMgPerCm2, q * CellUnits.CPerKgPerMAhPerG);
            double density = CRate.CurrentDensityAPerM2(areal, n);
            double? rateOfCurrent = j is { } jv ? CRate.OfCurrentDensity(jv * CellUnits.APerM2PerMAPerCm2, areal) : null;
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    arealCapacityMAhPerCm2 = areal / CellUnits.CPerM2PerMAhPerCm2,
                    currentDensityMAPerCm2 = density / CellUnits.APerM2PerMAPerCm2,
                    cRate = n,
                    cRateOfCurrentDensity = rateOfCurrent,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"Areal capacity: {Num(areal / CellUnits.CPerM2PerMAhPerCm2, "0.####")} mAh/cm² ({Num(l, "0.###")} mg/cm² × {Num(q, "0.###")} mAh/g)");
            console.WriteLine($"{Num(n, "0.####")}C = {Num(density / CellUnits.APerM2PerMAPerCm2, "0.####")} mA/cm²");
            if (rateOfCurrent is { } r) console.WriteLine($"{Num(j!.Value, "0.####")} mA/cm² = {Num(r, "0.####")}C");
            console.WriteLine("C-rate on the nominal areal capacity: nC passes the loading × capacity in 1/n hours.");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command BuildDesign()
    {
        var specArg = new Argument<FileInfo>("spec") { Description = "Cell spec (YAML, see docs/cells.md)" };
        var json = CliOutput.JsonOption();
        var command = new Command("design", "Porosity, infiltration, n/p and specific energy of a cell spec") { specArg, json };
        command.SetAction(parse =>
        {
            var design = CellSpecReader.ReadFile(parse.GetValue(specArg)!.FullName);
            var energy = design.Energy();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, DesignDocument(design, energy));
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"Cell design {design.Name}");
            var table = new Table().AddColumn("Electrode");
            foreach (var h in new[] { "Active", "Composition", "Active mg/cm²", "Composite mg/cm²", "Cast µm", "Porosity", "mAh/cm²", "mA/cm² at 1C",
                         "Expected SE wt%", "Measured SE / composite", "Excess mg/cm²", "Stack µm" })
                table.AddColumn(new TableColumn(h).RightAligned());
            foreach (var (label, e) in new[] { ("cathode", design.Cathode), ("anode", design.Anode) })
            {
                var x = e.Electrode;
                table.AddRow(label, Markup.Escape(x.ActiveMaterial), x.Composition.Text, Num(x.ActiveLoadingMgPerCm2, "0.###"), Num(x.CompositeLoadingMgPerCm2, "0.###"),
                    Num(x.ThicknessUm, "0.#"), Num(x.Porosity, "0.###"), Num(x.ArealCapacityMAhPerCm2, "0.####"),
                    Num(x.CurrentDensityAPerM2(1) / CellUnits.APerM2PerMAPerCm2, "0.####"),
                    Num(e.Expected.ElectrolyteMassFraction * 100, "0.##"),
                    e.MeasuredElectrolyteToCompositeMassRatio is { } m ? Num(m, "0.###") : "–",
                    e.Excess is { } ex ? Num(ex.ExcessMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2, "0.###") : "–",
                    Num(e.StackThicknessM / CellUnits.MPerUm, "0.#"));
            }
            console.Write(table);
            console.WriteLine($"n/p (practical capacities): {Num(design.NpRatio, "0.###")}" +
                              (design.TheoreticalNpRatio is { } t ? $"; on theoretical capacities: {Num(t, "0.###")}" : ""));
            console.WriteLine($"Specific energy: {Num(energy.SpecificEnergyWhPerKgCathodeActive, "0.#")} Wh/kg cathode active, " +
                              $"{Num(energy.SpecificEnergyWhPerKgElectrodes, "0.#")} Wh/kg electrodes, {Num(energy.SpecificEnergyWhPerKgStack, "0.#")} Wh/kg stack; " +
                              $"{Num(energy.EnergyDensityWhPerLStack, "0.#")} Wh/L stack");
            console.WriteLine("Expected SE: pores filled once with the solution, solvent evaporated (docs/cells.md).");
            // design engineer: the discharge's source.
            console.WriteLine(design.SimulatedDischarge is { } simulated
                ? $"Discharge from the simulator: {simulated.Cell}, cycle {simulated.Cycle} of \"{simulated.Protocol}\" at {Num(simulated.TemperatureK - PhysicalConstants.ZeroCelsiusK, "0.#")} °C: " +
                  $"{Num(simulated.DischargeCapacityMAhPerG, "0.#")} mAh/g at {Num(simulated.AverageDischargeVoltageV, "0.###")} V"
                : $"Discharge from the spec: {Num(design.DischargeCapacityCPerKgCathodeActive / CellUnits.CPerKgPerMAhPerG, "0.#")} mAh/g at {Num(design.AverageDischargeVoltageV, "0.###")} V");
            if (design.TargetNpRatio is { } np)
                console.WriteLine($"Anode loading for n/p = {Num(np, "0.###")}: {Num(design.Anode.Electrode.ActiveLoadingMgPerCm2, "0.####")} mg/cm² {design.Anode.Electrode.ActiveMaterial}");
            foreach (var note in design.SimulatedDischarge?.Notes ?? []) console.WriteLine("note: " + note);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command BuildMaterials()
    {
        var json = CliOutput.JsonOption();
        var command = new Command("materials", "The cell-design material catalogue: densities and theoretical capacities with sources") { json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    materials = CellMaterials.All.Select(m => new
                    {
                        name = m.Name,
                        role = JsonRole(m.Role),
                        densityGPerCm3 = m.DensityGPerCm3,
                        theoreticalCapacityMAhPerG = m.TheoreticalCapacityMAhPerG,
                        electronsPerFormulaUnit = m.ElectronsPerFormulaUnit,
                        densitySource = m.DensitySource,
                        capacitySource = m.CapacitySource,
                    }).ToArray(),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumn("Material").AddColumn("Role").AddColumn(new TableColumn("ρ (g/cm³)").RightAligned())
                .AddColumn(new TableColumn("Q theo (mAh/g)").RightAligned()).AddColumn("Density source");
            foreach (var m in CellMaterials.All)
                table.AddRow(Markup.Escape(m.Name), JsonRole(m.Role), Num(m.DensityGPerCm3, "0.###"),
                    m.TheoreticalCapacityMAhPerG is { } q ? Num(q, "0.#") : "–", Markup.Escape(m.DensitySource));
            console.Write(table);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command BuildProtocol()
    {
        var textArg = new Argument<string>("protocol") { Description = "Steps separated by ';', groups '(…; …) x N', e.g. \"Charge at 0.1C until 3.35 V; Rest for 10 minutes\"" };
        var json = CliOutput.JsonOption();
        var command = new Command("protocol", "Parse and check a cycling protocol (PyBaMM-style steps) without running it") { textArg, json };
        command.SetAction(parse =>
        {
            var protocol = Protocol.Parse(parse.GetValue(textArg)!);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new { stepCount = protocol.StepCount, canonical = protocol.Canonical, items = protocol.Items.Select(ItemDocument).ToArray() });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"{protocol.StepCount} steps when expanded");
            console.WriteLine(protocol.Canonical);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static object ItemDocument(ProtocolItem item) => item switch
    {
        RepeatGroup g => new { type = "repeat", count = (int?)g.Count, items = g.Items.Select(ItemDocument).ToArray() },
        ProtocolStep s => StepDocument(s),
        _ => throw new InvalidOperationException(),
    };

    private static object StepDocument(ProtocolStep s) => s switch
    {
        CurrentStep c => new
        {
            type = c.Direction == CurrentDirection.Charge ? "charge" : "discharge",
            text = c.Text,
            current = CurrentDocument(c.Current),
            durationS = c.DurationS,
            cutoffVoltageV = c.CutoffVoltageV,
        },
        RestStep r => new { type = "rest", text = r.Text, durationS = (double?)r.DurationS },
        HoldStep h => new
        {
            type = "hold",
            text = h.Text,
            voltageV = h.VoltageV,
            durationS = h.DurationS,
            cutoffCurrent = h.CutoffCurrent is { } cc ? CurrentDocument(cc) : null,
        },
        _ => throw new InvalidOperationException(),
    };

    private static object CurrentDocument(StepCurrent c) => new
    {
        cRate = c.Kind == CurrentKind.CRate ? c.Value : (double?)null,
        currentA = c.Kind == CurrentKind.Ampere ? c.Value : (double?)null,
        currentDensityMAPerCm2 = c.Kind == CurrentKind.AmperePerSquareMetre ? c.Value / CellUnits.APerM2PerMAPerCm2 : (double?)null,
    };

    /// <summary>The JSON contract of `borolyte cell design --json` (issue 5 §1): required keys first, extras after.</summary>
    internal static object DesignDocument(CellDesign design, CellEnergy energy) => new
    {
        cathode = ElectrodeDocument(design.Cathode),
        anode = ElectrodeDocument(design.Anode),
        npRatio = design.NpRatio,
        specificEnergyWhPerKgCathodeActive = energy.SpecificEnergyWhPerKgCathodeActive,
        specificEnergyWhPerKgElectrodes = energy.SpecificEnergyWhPerKgElectrodes,
        specificEnergyWhPerKgStack = energy.SpecificEnergyWhPerKgStack,
        energyDensityWhPerLStack = energy.EnergyDensityWhPerLStack,
        name = design.Name,
        theoreticalNpRatio = design.TheoreticalNpRatio,
        arealEnergyMWhPerCm2 = energy.ArealEnergyJPerM2 / CellUnits.JPerM2PerMWhPerCm2,
        electrodesMassMgPerCm2 = energy.ElectrodesMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2,
        stackMassMgPerCm2 = energy.StackMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2,
        stackThicknessUm = energy.StackThicknessM / CellUnits.MPerUm,
        separatorMassMgPerCm2 = energy.SeparatorMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2,
        currentCollectorMassMgPerCm2 = energy.CurrentCollectorMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2,
        dischargeCapacityMAhPerG = design.DischargeCapacityCPerKgCathodeActive / CellUnits.CPerKgPerMAhPerG,
        averageDischargeVoltageV = design.AverageDischargeVoltageV,
        // design engineer: where the discharge came from ("spec" or "simulation") and, for a simulation, what was run.
        dischargeSource = design.DischargeSource,
        // anode.targetNpRatio: the n/p the anode loading was computed for (ElectrodeBalance), null when the loading was given.
        targetNpRatio = design.TargetNpRatio,
        anodeActiveLoadingForTargetNpMgPerCm2 = design.TargetNpRatio is null ? (double?)null : design.Anode.Electrode.ActiveLoadingMgPerCm2,
        dischargeSimulation = design.SimulatedDischarge is not { } sim ? null : new
        {
            cell = sim.Cell,
            protocol = sim.Protocol,
            temperatureC = sim.TemperatureK - PhysicalConstants.ZeroCelsiusK,
            cycle = sim.Cycle,
            wallTimeMs = sim.WallTimeMs,
            notes = sim.Notes,
        },
    };

    private static object ElectrodeDocument(DesignedElectrode d)
    {
        var e = d.Electrode;
        var excess = d.Excess;
        return new
        {
            porosity = e.Porosity,
            arealCapacityMAhPerCm2 = e.ArealCapacityMAhPerCm2,
            expectedElectrolyteMassFraction = d.Expected.ElectrolyteMassFraction,
            activeMaterial = e.ActiveMaterial,
            composition = e.Composition.Text,
            activeLoadingMgPerCm2 = e.ActiveLoadingMgPerCm2,
            compositeLoadingMgPerCm2 = e.CompositeLoadingMgPerCm2,
            solidDensityGPerCm3 = e.SolidDensityKgPerM3 / CellUnits.KgPerM3PerGPerCm3,
            thicknessUm = e.ThicknessUm,
            currentDensityMAPerCm2At1C = e.CurrentDensityAPerM2(1) / CellUnits.APerM2PerMAPerCm2,
            theoreticalArealCapacityMAhPerCm2 = e.TheoreticalArealCapacityCPerM2 / CellUnits.CPerM2PerMAhPerCm2,
            expectedElectrolyteToCompositeMassRatio = d.Expected.ElectrolyteToCompositeMassRatio,
            measuredElectrolyteToCompositeMassRatio = d.MeasuredElectrolyteToCompositeMassRatio,
            excessElectrolyteMgPerCm2 = excess is null ? (double?)null : excess.ExcessMassKgPerM2 / CellUnits.KgPerM2PerMgPerCm2,
            excessShareOfMeasured = excess?.ExcessShareOfMeasured,
            electrolyteMassSource = d.ElectrolyteSource switch
            {
                ElectrolyteMassSource.Measured => "measured",
                ElectrolyteMassSource.Expected => "expected",
                _ => "none",
            },
            residualPorosity = d.ResidualPorosity,
            stackThicknessUm = d.StackThicknessM / CellUnits.MPerUm,
            foil = d.IsFoil,
        };
    }

    private static string JsonRole(MaterialRole role) => role switch
    {
        MaterialRole.ActiveMaterial => "active",
        MaterialRole.Binder => "binder",
        MaterialRole.Carbon => "carbon",
        MaterialRole.Electrolyte => "electrolyte",
        MaterialRole.CurrentCollector => "currentCollector",
        _ => "metal",
    };

    private static double Positive(double v, string option) =>
        double.IsFinite(v) && v > 0 ? v : throw new InvalidInputException($"{option} must be greater than zero, got {Num(v, "0.####")}");

    /// <summary>"0.1", "5", "0.1C", "C/10".</summary>
    internal static double ParseCRate(string text, string option)
    {
        string t = text.Trim().Replace(" ", "");
        double v;
        bool ok;
        if (t.StartsWith("C/", StringComparison.OrdinalIgnoreCase))
        {
            ok = double.TryParse(t[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0;
            v = ok ? 1 / d : double.NaN;
        }
        else
        {
            if (t.EndsWith('C') || t.EndsWith('c')) t = t[..^1];
            ok = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v);
        }
        if (!ok || !double.IsFinite(v)) throw new InvalidInputException($"{option}: expected a C-rate such as 0.1, 5, 0.1C or C/10, got '{text}'");
        return Positive(v, option);
    }

    private static string Num(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>`borolyte cell presets|simulate|rate|calibrate|sweep`: the cell simulator (issue 5 §2, §3).</summary>
public static class CellSimulationCommands
{
    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
    private static string Num(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static Command BuildPresets()
    {
        var json = CliOutput.JsonOption();
        var command = new Command("presets", "The simulator's cell presets with every parameter and its source") { json };
        command.SetAction(parse =>
        {
            var presets = CellPresets.All().ToList();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    presets = presets.Select(p => new
                    {
                        name = p.Name, description = p.Description,
                        minVoltageV = p.MinVoltageV, maxVoltageV = p.MaxVoltageV,
                        temperatureC = p.Cell.TemperatureK - PhysicalConstants.ZeroCelsiusK,
                        nominalArealCapacityMAhPerCm2 = p.Cell.NominalArealCapacityCPerM2 / CellUnits.CPerM2PerMAhPerCm2,
                        parameters = p.Parameters.Select(x => new { name = x.Name, value = Finite(x.Value), unit = x.Unit, source = x.Source }).ToArray(),
                    }).ToArray(),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            foreach (var p in presets)
            {
                var table = new Table().Title($"[bold]{Markup.Escape(p.Name)}[/] — {Markup.Escape(p.Description)}").AddColumns("Parameter", "Value", "Unit", "Source");
                foreach (var x in p.Parameters) table.AddRow(Markup.Escape(x.Name), Num(x.Value, "G4"), Markup.Escape(x.Unit), Markup.Escape(x.Source));
                console.Write(table);
            }
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Option<double?> PressureOption() => new("--pressure-mpa") { Description = "Stack pressure during cycling, MPa (contact-loss rate; default: the preset's, 70 MPa)" };
    private static Option<bool> NoDegradationOption() => new("--no-degradation") { Description = "Switch off contact loss, sodium loss and electrolyte oxidation" };
    private static Option<double?> TemperatureOption() => new("--temperature-c") { Description = "Cell temperature, °C (default: the preset's)" };
    private static Option<string?> ChargeCRateOption() => new("--charge-c-rate") { Description = "C-rate of the charge before each discharge (default 0.1; 'same' = the discharge rate)" };

    /// <summary>
    /// The electrode under test starts without alkali (pristine Sn, θ₀ &lt; 0.5): an anode half cell, sodiated first, whose
    /// desodiation is its "out" capacity (sn-half, or any simulation spec of such a cell).
    /// </summary>
    private static bool StartsEmpty(CellParameters cell) => cell.Positive is CompositeElectrodeParameters { InitialStoichiometry: < 0.5 };

    private static CellParameters Adjust(CellParameters cell, double? pressureMPa, bool noDegradation)
    {
        if (pressureMPa is { } p)
        {
            if (!(p > 0) || !double.IsFinite(p)) throw new InvalidInputException($"--pressure-mpa must be greater than zero, got {p}");
            cell = cell with { Degradation = cell.Degradation with { StackPressureMPa = p } };
        }
        return noDegradation ? cell with { Degradation = DegradationParameters.None } : cell;
    }

    private static (CellPreset Preset, CellParameters Cell) Load(string presetOrSpec, double? temperatureC)
    {
        var (preset, cell) = presetOrSpec.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || presetOrSpec.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? CellSimulationSpec.ReadFile(presetOrSpec)
            : (CellPresets.Get(presetOrSpec), CellPresets.Get(presetOrSpec).Cell);
        if (temperatureC is { } t)
        {
            if (!double.IsFinite(t) || t <= -PhysicalConstants.ZeroCelsiusK) throw new InvalidInputException($"--temperature-c must be above −273.15 °C, got {t}");
            cell = cell with { TemperatureK = t + PhysicalConstants.ZeroCelsiusK };
        }
        return (preset, cell);
    }

    public static Command BuildSimulate()
    {
        var cellArg = new Argument<string>("cell") { Description = $"Preset ({string.Join(", ", CellPresets.Names)}) or a simulation spec (YAML, docs/cells.md)" };
        var protocolOption = new Option<string>("--protocol") { Description = "Steps separated by ';', groups '(…; …) x N'", Required = true };
        var temperature = TemperatureOption();
        var outOption = CliOutput.OutOption("Write the time series as BDF-named CSV, streamed while it is computed (memory flat in the number of cycles)");
        var summaryOnly = new Option<bool>("--summary-only") { Description = "Keep only per-cycle accumulators, not the time series (memory flat in the number of cycles)" };
        var pressure = PressureOption();
        var noDegradation = NoDegradationOption();
        var stop = new Option<string[]>("--stop") { Description = "Stop the whole protocol (PyBaMM termination; repeat for several): \"80% capacity\", \"4 Ah capacity\", \"100 mAh/g capacity\", \"2.5 V\", \"10 hours\"" };
        var json = CliOutput.JsonOption();
        var command = new Command("simulate", "Run a cycling protocol on a cell (P2D model, single-ion solid electrolyte)") { cellArg, protocolOption, temperature, pressure, noDegradation, stop, outOption, summaryOnly, json };
        command.SetAction(parse =>
        {
            var protocol = Protocol.Parse(parse.GetValue(protocolOption)!);
            var stops = (parse.GetValue(stop) ?? []).Select(StopCondition.Parse).ToList();
            var (_, loaded) = Load(parse.GetValue(cellArg)!, parse.GetValue(temperature));
            var cell = Adjust(loaded, parse.GetValue(pressure), parse.GetValue(noDegradation));
            StreamedSimulationResult result;
            TerminatedRunResult? terminated = null;
            if (stops.Count > 0)
            {
                terminated = TerminatedRun.Run(cell, protocol, stops, keepSeries: parse.GetValue(outOption) is null && !parse.GetValue(summaryOnly),
                    csvPath: parse.GetValue(outOption)?.FullName);
                result = terminated.Result;
            }
            else if (parse.GetValue(outOption) is { } file) result = CellSimulation.RunToCsv(cell, protocol, file.FullName);
            else if (parse.GetValue(summaryOnly)) result = CellSimulation.RunStreaming(cell, protocol);
            else
            {
                var kept = CellSimulation.Run(cell, protocol);
                result = new StreamedSimulationResult(kept.Cell, kept.Summary, kept.WallTimeMs, kept.Notes, kept.Series.Count, kept.Series.Count > 0 ? kept.Series.TimeS[^1] : 0);
            }
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    cycles = result.Summary.Cycles.Select(c => new
                    {
                        cycle = c.Cycle,
                        chargeCapacityMAhPerG = c.ChargeSpecificCapacityMAhPerG,
                        dischargeCapacityMAhPerG = c.DischargeSpecificCapacityMAhPerG,
                        coulombicEfficiency = c.CoulombicEfficiency,
                        energyEfficiency = c.EnergyEfficiency,
                        avgDischargeVoltageV = c.AverageDischargeVoltageV,
                        avgChargeVoltageV = c.AverageChargeVoltageV,
                        retention = c.Retention,
                        chargeCapacityMAhPerCm2 = c.ChargeArealCapacityMAhPerCm2,
                        dischargeCapacityMAhPerCm2 = c.DischargeArealCapacityMAhPerCm2,
                    }).ToArray(),
                    wallTimeMs = result.WallTimeMs,
                    cell = cell.Name,
                    temperatureC = cell.TemperatureK - PhysicalConstants.ZeroCelsiusK,
                    stackPressureMPa = cell.Degradation.Any ? cell.Degradation.StackPressureMPa : (double?)null,
                    points = result.Points,
                    simulatedTimeS = result.SimulatedTimeS,
                    notes = result.Notes,
                    // --stop: the condition that ended the run (null: none met, or none given) and the protocol cycles run.
                    stoppedBy = terminated?.Met?.Text,
                    protocolCyclesRun = terminated?.ProtocolCycles,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumns("Cycle", "Charge mAh/g", "Discharge mAh/g", "CE", "EE", "Avg discharge V");
            foreach (var c in result.Summary.Cycles)
                table.AddRow(c.Cycle.ToString(CultureInfo.InvariantCulture), Num(c.ChargeSpecificCapacityMAhPerG ?? double.NaN, "0.0"), Num(c.DischargeSpecificCapacityMAhPerG ?? double.NaN, "0.0"),
                    Num(c.CoulombicEfficiency ?? double.NaN, "0.0000"), Num(c.EnergyEfficiency ?? double.NaN, "0.0000"), Num(c.AverageDischargeVoltageV ?? double.NaN, "0.000"));
            console.Write(table);
            foreach (var note in result.Notes) console.WriteLine("note: " + note);
            console.WriteLine($"{result.Points} points, {Num(result.WallTimeMs, "0.0")} ms");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static int CalibrateCycles(ParseResult parse, FileInfo file, double? activeMassMg, string? protocolText, string fitText, string cellText, double? temperatureC,
        double? pressureMPa, bool noDegradation, bool json)
    {
        if (protocolText is null) throw new UsageException("--cycles needs --protocol: the cycling protocol of the measurement");
        var (measured, fileNotes) = CycleCalibration.ReadMeasuredCycles(file.FullName, activeMassMg * 1e-6);
        var protocol = Protocol.Parse(protocolText);
        var names = fitText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var (_, loaded) = Load(cellText, temperatureC);
        var cell = Adjust(loaded, pressureMPa, noDegradation);
        var result = CycleCalibration.Fit(cell, protocol, measured, names);
        if (json)
        {
            CliOutput.WriteJson(parse, new
            {
                parameters = result.Parameters.Select(p => new
                {
                    name = p.Name, value = p.Value, unit = p.Unit, standardErrorLn = Finite(p.StandardErrorLn),
                    lower1Sigma = Finite(p.Lower), upper1Sigma = Finite(p.Upper),
                }).ToArray(),
                rmsMAhPerG = result.RmsMAhPerG,
                cycles = result.Measured.Select((m, i) => new
                {
                    cycle = m.Cycle, measuredDischargeCapacityMAhPerG = m.DischargeCapacityMAhPerG, fittedDischargeCapacityMAhPerG = Finite(result.FittedDischargeCapacityMAhPerG[i]),
                }).ToArray(),
                converged = result.Converged, stopReason = result.StopReason, evaluations = result.Evaluations, notes = fileNotes.Concat(result.Notes).ToArray(),
            });
            return CliApp.ExitOk;
        }
        var console = CliOutput.Console(parse);
        var table = new Table().AddColumns("Parameter", "Value", "Unit", "1σ interval");
        foreach (var p in result.Parameters) table.AddRow(Markup.Escape(p.Name), Num(p.Value, "G4"), Markup.Escape(p.Unit), $"{Num(p.Lower, "G3")} – {Num(p.Upper, "G3")}");
        console.Write(table);
        var rows = new Table().AddColumns("Cycle", "Measured mAh/g", "Fitted mAh/g");
        for (int i = 0; i < result.Measured.Count; i++)
            rows.AddRow(result.Measured[i].Cycle.ToString(CultureInfo.InvariantCulture), Num(result.Measured[i].DischargeCapacityMAhPerG, "0.0"), Num(result.FittedDischargeCapacityMAhPerG[i], "0.0"));
        console.Write(rows);
        foreach (var note in fileNotes.Concat(result.Notes)) console.WriteLine("note: " + note);
        console.WriteLine($"rms {Num(result.RmsMAhPerG, "0.00")} mAh/g; {result.StopReason}; {result.Evaluations} evaluations");
        return CliApp.ExitOk;
    }

    public static Command BuildSweep()
    {
        var cellArg = new Argument<string>("cell") { Description = $"Preset ({string.Join(", ", CellPresets.Names)}) or a simulation spec (YAML)" };
        var param = new Option<string[]>("--param") { Description = "NAME=v1,v2,… (repeat; cartesian product). NAME: " + string.Join(", ", CellSweep.ParameterNames), Required = true };
        var protocolOption = new Option<string>("--protocol") { Description = "Steps separated by ';', groups '(…; …) x N'", Required = true };
        var temperature = TemperatureOption();
        var noDegradation = NoDegradationOption();
        var serial = new Option<bool>("--serial") { Description = "One run at a time (default: all cores; the results are the same)" };
        var json = CliOutput.JsonOption();
        var command = new Command("sweep", "Run a protocol over the cartesian product of parameter values, in parallel") { cellArg, param, protocolOption, temperature, noDegradation, serial, json };
        command.SetAction(parse =>
        {
            var protocol = Protocol.Parse(parse.GetValue(protocolOption)!);
            var parameters = parse.GetValue(param)!.Select(CellSweep.ParseParameter).ToList();
            var (_, loaded) = Load(parse.GetValue(cellArg)!, parse.GetValue(temperature));
            var cell = Adjust(loaded, null, parse.GetValue(noDegradation));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var runs = CellSweep.Run(cell, parameters, protocol, maxDegreeOfParallelism: parse.GetValue(serial) ? 1 : -1);
            double wall = watch.Elapsed.TotalMilliseconds;
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    runs = runs.Select(r => new
                    {
                        parameters = parameters.Select((p, k) => (p.Name, r.Values[k])).ToDictionary(x => x.Name, x => x.Item2),
                        dischargeCapacityMAhPerG = r.FirstDischargeCapacityMAhPerG,
                        finalDischargeCapacityMAhPerG = r.LastDischargeCapacityMAhPerG,
                        retention = r.Retention,
                        avgDischargeVoltageV = r.AverageDischargeVoltageV,
                        finalCoulombicEfficiency = r.LastCoulombicEfficiency,
                        cycles = r.Cycles,
                        wallTimeMs = r.WallTimeMs,
                        error = r.Error,
                    }).ToArray(),
                    cell = cell.Name,
                    protocol = parse.GetValue(protocolOption),
                    parallel = !parse.GetValue(serial),
                    processorCount = Environment.ProcessorCount,
                    wallTimeMs = wall,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table();
            foreach (var p in parameters) table.AddColumn(Markup.Escape(p.Name));
            table.AddColumns("Discharge mAh/g (first)", "Discharge mAh/g (last)", "Retention", "Avg discharge V (last)", "Note");
            foreach (var r in runs)
                table.AddRow([.. r.Values.Select(v => Num(v, "G4")), Num(r.FirstDischargeCapacityMAhPerG ?? double.NaN, "0.0"), Num(r.LastDischargeCapacityMAhPerG ?? double.NaN, "0.0"),
                    Num(r.Retention ?? double.NaN, "0.000"), Num(r.AverageDischargeVoltageV ?? double.NaN, "0.000"), Markup.Escape(r.Error ?? "")]);
            console.Write(table);
            console.WriteLine($"{runs.Count} runs, {Num(wall, "0")} ms wall ({(parse.GetValue(serial) ? "serial" : $"parallel, {Environment.ProcessorCount} cores")})");
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>--charge-c-rate: absent = 0.1C (seed 004's rate tests), "same" = null (each charge at its discharge's rate), else a C-rate.</summary>
    private static double? ChargeCRate(string? text) =>
        text is null ? 0.1 : text.Equals("same", StringComparison.OrdinalIgnoreCase) ? null : CellCommands.ParseCRate(text, "--charge-c-rate");

    public static Command BuildRate()
    {
        var cellArg = new Argument<string>("cell") { Description = $"Preset ({string.Join(", ", CellPresets.Names)}) or a simulation spec (YAML)" };
        var rates = new Option<string>("--c-rates") { Description = "Comma-separated C-rates, e.g. 0.1,0.5,1,2,5", Required = true };
        var charge = ChargeCRateOption();
        var temperature = TemperatureOption();
        var pressure = PressureOption();
        var noDegradation = NoDegradationOption();
        var json = CliOutput.JsonOption();
        var command = new Command("rate", "Simulated rate capability: charge, then discharge at each C-rate") { cellArg, rates, charge, temperature, pressure, noDegradation, json };
        command.SetAction(parse =>
        {
            var list = parse.GetValue(rates)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(r => CellCommands.ParseCRate(r, "--c-rates")).ToList();
            double? chargeRate = ChargeCRate(parse.GetValue(charge));
            var (preset, loaded) = Load(parse.GetValue(cellArg)!, parse.GetValue(temperature));
            var cell = Adjust(loaded, parse.GetValue(pressure), parse.GetValue(noDegradation));
            bool anode = StartsEmpty(cell);
            var (rows, result) = RateCapabilityTest.Run(preset, cell, list, chargeRate, anode: anode);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    rates = rows.Select(r => new
                    {
                        cRate = r.CRate, dischargeCapacityMAhPerG = r.DischargeCapacityMAhPerG, retentionVsFirst = Finite(r.RetentionVsFirst),
                        avgDischargeVoltageV = Finite(r.AverageDischargeVoltageV),
                    }).ToArray(),
                    cell = cell.Name,
                    chargeCRate = chargeRate,
                    wallTimeMs = result.WallTimeMs,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumns("C-rate", "Capacity mAh/g", "Retention vs first", "Avg V");
            foreach (var r in rows) table.AddRow(Num(r.CRate, "0.###"), Num(r.DischargeCapacityMAhPerG, "0.0"), Num(r.RetentionVsFirst, "0.000"), Num(r.AverageDischargeVoltageV, "0.000"));
            console.Write(table);
            return CliApp.ExitOk;
        });
        return command;
    }

    public static Command BuildSensitivity()
    {
        var cellArg = new Argument<string>("cell") { Description = $"Preset ({string.Join(", ", CellPresets.Names)}) or a simulation spec (YAML)" };
        var parameters = new Option<string>("--parameters") { Description = "Comma-separated parameters: " + string.Join(", ", CellCalibration.ParameterNames), Required = true };
        var factor = new Option<double>("--factor") { Description = "Each parameter is divided and multiplied by this factor (default 10)", DefaultValueFactory = _ => 10 };
        var rates = new Option<string>("--c-rates") { Description = "Comma-separated C-rates of the rate test (default 0.1,5)", DefaultValueFactory = _ => "0.1,5" };
        var charge = ChargeCRateOption();
        var temperature = TemperatureOption();
        var pressure = PressureOption();
        var noDegradation = NoDegradationOption();
        var json = CliOutput.JsonOption();
        var command = new Command("sensitivity", "How much the simulated rate capability depends on each named parameter (÷ and × a factor, one at a time)")
        { cellArg, parameters, factor, rates, charge, temperature, pressure, noDegradation, json };
        command.SetAction(parse =>
        {
            var list = parse.GetValue(rates)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(r => CellCommands.ParseCRate(r, "--c-rates")).ToList();
            double? chargeRate = ChargeCRate(parse.GetValue(charge));
            var names = parse.GetValue(parameters)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var (preset, loaded) = Load(parse.GetValue(cellArg)!, parse.GetValue(temperature));
            var cell = Adjust(loaded, parse.GetValue(pressure), parse.GetValue(noDegradation));
            var result = ParameterSensitivity.Run(preset, cell, names, list, parse.GetValue(factor), chargeRate, anode: StartsEmpty(cell));
            static object Rates(IReadOnlyList<RateRow>? rows) => rows?.Select(r => new
            {
                cRate = r.CRate, dischargeCapacityMAhPerG = r.DischargeCapacityMAhPerG, retentionVsFirst = Finite(r.RetentionVsFirst),
            }).ToArray() ?? (object)Array.Empty<object>();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    cell = cell.Name,
                    factor = parse.GetValue(factor),
                    baseline = Rates(result.Base),
                    parameters = result.Rows.Select(r => new
                    {
                        name = r.Parameter, unit = r.Unit, value = r.BaseValue, lowValue = r.LowValue, highValue = r.HighValue,
                        low = Rates(r.Low), high = Rates(r.High), lowError = r.LowError, highError = r.HighError,
                    }).ToArray(),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumns("Parameter", "Value", "C-rate", "Capacity ÷ mAh/g", "Baseline mAh/g", "Capacity × mAh/g");
            foreach (var r in result.Rows)
                for (int k = 0; k < result.CRates.Count; k++)
                    table.AddRow(k == 0 ? Markup.Escape(r.Parameter) : "", k == 0 ? $"{Num(r.BaseValue, "0.###E+0")} {Markup.Escape(r.Unit)}" : "", Num(result.CRates[k], "0.###"),
                        r.Low is null ? Markup.Escape(r.LowError ?? "") : Num(r.Low[k].DischargeCapacityMAhPerG, "0.0"), Num(result.Base[k].DischargeCapacityMAhPerG, "0.0"),
                        r.High is null ? Markup.Escape(r.HighError ?? "") : Num(r.High[k].DischargeCapacityMAhPerG, "0.0"));
            console.Write(table);
            return CliApp.ExitOk;
        });
        return command;
    }

    public static Command BuildCalibrate()
    {
        var cellArg = new Argument<string>("cell") { Description = $"Preset ({string.Join(", ", CellPresets.Names)}) or a simulation spec (YAML)" };
        var ratesFile = new Option<FileInfo>("--rates") { Description = "Measured rate capability: a CSV 'c_rate,capacity_mah_per_g' or a cycler file of the rate test (any format `cycling summarize` reads; needs an active mass; 1C = the cell's nominal mAh/g)" };
        var cyclesFile = new Option<FileInfo>("--cycles") { Description = "Measured cycling: a CSV 'cycle,discharge_capacity_mah_per_g' or a cycler file (any format `cycling summarize` reads; needs an active mass) (needs --protocol)" };
        var massOption = new Option<double?>("--active-mass-mg") { Description = "With a cycler file for --rates or --cycles: active mass in mg (overrides the file's)" };
        var protocolOption = new Option<string>("--protocol") { Description = "With --cycles: the cycling protocol of the measurement (steps separated by ';', groups '(…; …) x N')" };
        var fit = new Option<string>("--fit") { Description = "Comma-separated parameters: " + string.Join(", ", CycleCalibration.ParameterNames) + " (degradation.* with --cycles only)", Required = true };
        var charge = ChargeCRateOption();
        var temperature = TemperatureOption();
        var pressure = PressureOption();
        var noDegradation = NoDegradationOption();
        var json = CliOutput.JsonOption();
        var command = new Command("calibrate", "Fit parameters to a measured rate-capability table or cycling summary (Levenberg–Marquardt, with uncertainties)")
        { cellArg, ratesFile, cyclesFile, massOption, protocolOption, fit, charge, temperature, pressure, noDegradation, json };
        command.SetAction(parse =>
        {
            if (parse.GetValue(massOption) is { } mg && !(mg > 0)) throw new UsageException($"--active-mass-mg must be positive, got {mg}");
            if (parse.GetValue(cyclesFile) is { } cycles)
            {
                if (parse.GetValue(ratesFile) is not null) throw new UsageException("give either --rates or --cycles, not both");
                return CalibrateCycles(parse, cycles, parse.GetValue(massOption), parse.GetValue(protocolOption), parse.GetValue(fit)!, parse.GetValue(cellArg)!, parse.GetValue(temperature),
                    parse.GetValue(pressure), parse.GetValue(noDegradation), parse.GetValue(json));
            }
            if (parse.GetValue(ratesFile) is null) throw new UsageException("give --rates (rate-capability table) or --cycles with --protocol (cycling summary)");
            if (parse.GetValue(protocolOption) is not null) throw new UsageException("--protocol belongs to --cycles; a rate calibration simulates the rate test itself");
            var file = parse.GetValue(ratesFile)!;
            var names = parse.GetValue(fit)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            double? chargeRate = ChargeCRate(parse.GetValue(charge));
            var (preset, loaded) = Load(parse.GetValue(cellArg)!, parse.GetValue(temperature));
            var cell = Adjust(loaded, parse.GetValue(pressure), parse.GetValue(noDegradation));
            var (measured, fileNotes) = CellCalibration.ReadMeasuredRates(file.FullName, parse.GetValue(massOption) * 1e-6, cell, StartsEmpty(cell));
            var result = CellCalibration.Fit(preset, cell, measured, names, chargeRate, anode: StartsEmpty(cell));
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    parameters = result.Parameters.Select(p => new
                    {
                        name = p.Name, value = p.Value, unit = p.Unit, standardErrorLn = Finite(p.StandardErrorLn),
                        lower1Sigma = Finite(p.Lower), upper1Sigma = Finite(p.Upper),
                    }).ToArray(),
                    rmsMAhPerG = result.RmsMAhPerG,
                    rates = result.Measured.Select((m, i) => new
                    {
                        cRate = m.CRate, measuredCapacityMAhPerG = m.CapacityMAhPerG, fittedCapacityMAhPerG = result.Fitted[i].DischargeCapacityMAhPerG,
                    }).ToArray(),
                    converged = result.Converged, stopReason = result.StopReason, evaluations = result.Evaluations, notes = fileNotes,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumns("Parameter", "Value", "Unit", "1σ interval");
            foreach (var p in result.Parameters) table.AddRow(Markup.Escape(p.Name), Num(p.Value, "G4"), p.Unit, $"{Num(p.Lower, "G3")} – {Num(p.Upper, "G3")}");
            foreach (var note in fileNotes) console.WriteLine("note: " + note);
            console.Write(table);
            var rates = new Table().AddColumns("C-rate", "Measured mAh/g", "Fitted mAh/g");
            for (int i = 0; i < result.Measured.Count; i++)
                rates.AddRow(Num(result.Measured[i].CRate, "0.###"), Num(result.Measured[i].CapacityMAhPerG, "0.0"), Num(result.Fitted[i].DischargeCapacityMAhPerG, "0.0"));
            console.Write(rates);
            console.WriteLine($"rms {Num(result.RmsMAhPerG, "0.00")} mAh/g; {result.StopReason}; {result.Evaluations} evaluations");
            return CliApp.ExitOk;
        });
        return command;
    }
}
