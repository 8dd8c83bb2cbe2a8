using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Reporting;
using Borolyte.Storage;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte cycling summarize|rate-table|dqdv|plot|convert FILE`: cycler files read, summarised, plotted, converted.</summary>
public static class CyclingCommands
{
    public static Command Build()
    {
        var group = new Command("cycling", "Cycler files (BioLogic .mpr/.mpt, Neware, Arbin, Maccor, BDF CSV, …): per-cycle summary, rate table, dQ/dV, plots, BDF export");
        group.Subcommands.Add(Summarize());
        group.Subcommands.Add(RateTable());
        group.Subcommands.Add(DqDv());
        group.Subcommands.Add(Plot());
        group.Subcommands.Add(Convert());
        group.Subcommands.Add(Compare());
        group.Subcommands.Add(Import());
        group.Subcommands.Add(ListRuns());
        group.Subcommands.Add(Export());
        return group;
    }

    private static Argument<string> FileArgument() => new("file") { Description = "Cycler file; the format is detected from its content" };
    private static Option<string?> MapOption() => new("--map") { Description = "Column mapping for other delimited files: time=COL,voltage=COL,current=COL[,cycle=COL][,step=COL][,charge-capacity=COL,discharge-capacity=COL][,time-/voltage-/current-/capacity-scale=X][,delimiter=tab|semicolon][,decimal=comma][,skip-lines=N][,discharge-positive=true]" };
    private static Option<string?> CyclesOption() => new("--cycles") { Description = "Cycle definition: instrument, charge-first or discharge-first (default: the instrument's counter when it counts, else from the first current)" };

    private static Option<string?> ElectrodeOption() => new("--electrode")
    {
        Description = "Three-electrode files: cell (default, Ewe − Ece), working (Ewe vs reference) or counter (Ece vs reference)",
    };

    private static ElectrodeRole Electrode(ParseResult parse, Option<string?> option) => parse.GetValue(option) switch
    {
        null or "cell" => ElectrodeRole.Cell,
        "working" => ElectrodeRole.Working,
        "counter" => ElectrodeRole.Counter,
        var other => throw new UsageException($"--electrode must be cell, working or counter, not '{other}'"),
    };

    /// <summary>
    /// Where an analysis command takes its run from: a cycler file (FILE, with --map/--cycles) or a run stored by
    /// `cycling import` (--run NAME [--db]), loaded bit-identical, so the output is the same as on the original file.
    /// </summary>
    private sealed class RunSource
    {
        public readonly Argument<string?> File = new("file") { Description = "Cycler file; the format is detected from its content (or --run)", Arity = ArgumentArity.ZeroOrOne };
        public readonly Option<string?> Run = new("--run") { Description = "A run stored by `cycling import` (name or id) instead of a file" };
        public readonly Option<string> Db = DbOption();
        public readonly Option<string?> Map = MapOption();
        public readonly Option<string?> Cycles = CyclesOption();

        public void AddTo(Command command)
        {
            command.Arguments.Add(File);
            foreach (var option in new Option[] { Run, Db, Map, Cycles }) command.Options.Add(option);
        }

        public CyclingRun Read(ParseResult parse)
        {
            string? file = parse.GetValue(File), run = parse.GetValue(Run);
            if (run is null)
                return file is null ? throw new UsageException("give a cycler file or --run NAME (a run stored by `cycling import`)") : ReadRun(parse, file, Map, Cycles);
            if (file is not null) throw new UsageException($"give either a file or --run, not both ('{file}' and --run {run})");
            if (parse.GetValue(Map) is not null || parse.GetValue(Cycles) is not null)
                throw new UsageException("--map and --cycles apply when reading a file; a stored run keeps the cycles it was imported with");
            using var kb = KnowledgeBase.Open(parse.GetValue(Db)!);
            return kb.LoadCyclingRun(run);
        }
    }

    private static CyclingRun ReadRun(ParseResult parse, Argument<string> file, Option<string?> map, Option<string?> cycles) =>
        ReadRun(parse, parse.GetValue(file)!, map, cycles);

    private static CyclingRun ReadRun(ParseResult parse, string file, Option<string?> map, Option<string?> cycles)
    {
        var definition = Definition(parse, cycles);
        var mapping = parse.GetValue(map) is { } m ? ColumnMapping.Parse(m) : null;
        return CyclingFileReader.Read(file, definition, mapping);
    }

    private static CycleDefinition? Definition(ParseResult parse, Option<string?> cycles) => parse.GetValue(cycles) switch
    {
        null => null,
        "instrument" => CycleDefinition.Instrument,
        "charge-first" => CycleDefinition.ChargeFirst,
        "discharge-first" => CycleDefinition.DischargeFirst,
        var other => throw new UsageException($"--cycles must be instrument, charge-first or discharge-first, not '{other}'"),
    };

    /// <summary>
    /// The summary of a cycler file given as FILE (no --run, no --map) seen as the cell, without holding the run: the
    /// file is summarised block by block when its format allows (<see cref="CycleSummarizer.SummarizeFile"/>; the same
    /// summary as of the whole run). Null when the command needs the run itself (a stored run, a column mapping).
    /// </summary>
    private static FileSummary? SummaryOfFile(ParseResult parse, RunSource source, SummaryOptions options)
    {
        if (parse.GetValue(source.Run) is not null || parse.GetValue(source.Map) is not null || parse.GetValue(source.File) is not { } file) return null;
        return CycleSummarizer.SummarizeFile(file, options, Definition(parse, source.Cycles));
    }

    private static Command Summarize()
    {
        var source = new RunSource();
        var mass = new Option<double?>("--active-mass-mg") { Description = "Active mass in mg (overrides the file's; without one no mAh/g is reported)" };
        var area = new Option<double?>("--area-cm2") { Description = "Electrode area in cm² (for mAh/cm²)" };
        var mode = new Option<string?>("--mode") { Description = "cathode (CE = discharge/charge) or anode (CE = charge/discharge); default from the first current" };
        var pairing = new Option<string?>("--pairing") { Description = "CE pairing: same-cycle (default) or preceding (out half cycle over the in half cycle just before it)" };
        var reference = new Option<int?>("--reference-cycle") { Description = "Cycle the retention refers to (default: the first complete cycle with charge and discharge capacity)" };
        var integrate = new Option<bool>("--integrate") { Description = "Count coulombs from the current even when the file has capacity columns" };
        var electrode = ElectrodeOption();
        var (host, given, initial, ionCharge) = CompositionOptionsOf();
        var json = CliOutput.JsonOption();
        var command = new Command("summarize", "Per-cycle capacity, Coulombic and energy efficiency, average voltages, retention; per electrode and compositional window for three-electrode files")
        { mass, area, mode, pairing, reference, integrate, electrode, host, given, initial, ionCharge, json };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            double? massMg = parse.GetValue(mass), areaCm2 = parse.GetValue(area);
            if (massMg is { } mm && !(mm > 0)) throw new UsageException($"--active-mass-mg must be positive, got {mm}");
            if (areaCm2 is { } ac && !(ac > 0)) throw new UsageException($"--area-cm2 must be positive, got {ac}");
            var options = new SummaryOptions
            {
                ActiveMassKg = massMg * 1e-6, AreaM2 = areaCm2 * 1e-4, ReferenceCycle = parse.GetValue(reference), IntegrateCurrent = parse.GetValue(integrate),
                Mode = parse.GetValue(mode) switch { null => null, "cathode" => ElectrodeMode.Cathode, "anode" => ElectrodeMode.Anode, var o => throw new UsageException($"--mode must be cathode or anode, not '{o}'") },
                Pairing = parse.GetValue(pairing) switch { null or "same-cycle" => EfficiencyPairing.SameCycle, "preceding" => EfficiencyPairing.PrecedingHalfCycle, var o => throw new UsageException($"--pairing must be same-cycle or preceding, not '{o}'") },
            };
            var role = Electrode(parse, electrode);
            bool wanted = CompositionWanted(parse, host, given, initial);
            // The cell's summary alone does not need the run: a large file is summarised without holding it.
            var ofFile = role == ElectrodeRole.Cell && !wanted ? SummaryOfFile(parse, source, options) : null;
            var run = ofFile is null ? source.Read(parse).ForElectrode(role) : null;
            var summary = ofFile?.Summary ?? CycleSummarizer.Summarize(run!, options);
            IReadOnlyList<CompositionRange>? window = null;
            CompositionOptions? composition = null;
            if (wanted) (composition, window) = Composition(parse, run!, role, summary, host, given, initial, ionCharge);
            if (parse.GetValue(json))
            {
                var document = SummaryJson(summary);
                document["electrode"] = role.ToString().ToLowerInvariant();
                if (window is not null) document["compositionWindow"] = WindowJson(composition!, window);
                CliOutput.WriteJson(parse, document);
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"{ofFile?.SourcePath ?? run!.SourcePath}: {ofFile?.Format ?? run!.Format}, {ofFile?.Count ?? run!.Count} points, {summary.Cycles.Count} cycles; {summary.Mode.ToString().ToLowerInvariant()} mode, CE pairing {summary.Pairing}"
                + (role == ElectrodeRole.Cell ? "" : $"; {role.ToString().ToLowerInvariant()} electrode vs reference"));
            bool specific = summary.ActiveMassKg is not null;
            var table = new Table().AddColumn("Cycle").AddColumn(new TableColumn("Charge (mAh)").RightAligned()).AddColumn(new TableColumn("Discharge (mAh)").RightAligned());
            if (specific) table.AddColumn(new TableColumn("Charge (mAh/g)").RightAligned()).AddColumn(new TableColumn("Discharge (mAh/g)").RightAligned());
            table.AddColumn(new TableColumn("CE (%)").RightAligned()).AddColumn(new TableColumn("EE (%)").RightAligned())
                .AddColumn(new TableColumn("V̄ charge").RightAligned()).AddColumn(new TableColumn("V̄ discharge").RightAligned()).AddColumn(new TableColumn("Retention (%)").RightAligned()).AddColumn("Complete");
            foreach (var c in summary.Cycles)
            {
                var cells = new List<string> { c.Cycle.ToString(CultureInfo.InvariantCulture), Num(c.ChargeCapacityAh * 1000, "0.0000"), Num(c.DischargeCapacityAh * 1000, "0.0000") };
                if (specific) cells.AddRange([Num(c.ChargeSpecificCapacityMAhPerG, "0.0"), Num(c.DischargeSpecificCapacityMAhPerG, "0.0")]);
                cells.AddRange([Num(c.CoulombicEfficiency * 100, "0.00"), Num(c.EnergyEfficiency * 100, "0.00"), Num(c.AverageChargeVoltageV, "0.000"), Num(c.AverageDischargeVoltageV, "0.000"), Num(c.Retention * 100, "0.0"), c.Complete ? "yes" : "no"]);
                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }
            console.Write(table);
            if (window is not null)
            {
                console.WriteLine($"composition window of {composition!.HostFormula ?? "the host (given capacity)"} (x₀ = {Num(composition.InitialContent, "0.###")}, {Num(composition.CapacityPerUnitContentMAhPerG, "0.0")} mAh/g per unit of x):");
                var w = new Table().AddColumn("Cycle").AddColumn(new TableColumn("x start").RightAligned()).AddColumn(new TableColumn("x min").RightAligned())
                    .AddColumn(new TableColumn("x max").RightAligned()).AddColumn(new TableColumn("x end").RightAligned()).AddColumn(new TableColumn("span").RightAligned());
                foreach (var r in window)
                    w.AddRow(r.Cycle.ToString(CultureInfo.InvariantCulture), Num(r.ContentAtStart, "0.0000"), Num(r.ContentMin, "0.0000"), Num(r.ContentMax, "0.0000"), Num(r.ContentAtEnd, "0.0000"), Num(r.Span, "0.0000"));
                console.Write(w);
            }
            foreach (var note in summary.Notes) console.WriteLine("note: " + note);
            return CliApp.ExitOk;
        });
        return command;
    }

    internal static JsonObject SummaryJson(CyclingSummary summary)
    {
        var cycles = new JsonArray();
        foreach (var c in summary.Cycles)
        {
            var item = new JsonObject
            {
                ["cycle"] = c.Cycle,
                ["chargeCapacityMAh"] = c.ChargeCapacityAh * 1000,
                ["dischargeCapacityMAh"] = c.DischargeCapacityAh * 1000,
                ["coulombicEfficiency"] = c.CoulombicEfficiency,
                ["energyEfficiency"] = c.EnergyEfficiency,
                ["avgChargeVoltageV"] = c.AverageChargeVoltageV,
                ["avgDischargeVoltageV"] = c.AverageDischargeVoltageV,
            };
            if (summary.ActiveMassKg is not null)
            {
                item["chargeCapacityMAhPerG"] = c.ChargeSpecificCapacityMAhPerG;
                item["dischargeCapacityMAhPerG"] = c.DischargeSpecificCapacityMAhPerG;
            }
            if (summary.AreaM2 is not null)
            {
                item["chargeCapacityMAhPerCm2"] = c.ChargeArealCapacityMAhPerCm2;
                item["dischargeCapacityMAhPerCm2"] = c.DischargeArealCapacityMAhPerCm2;
            }
            item["chargeEnergyMWh"] = c.ChargeEnergyWh * 1000;
            item["dischargeEnergyMWh"] = c.DischargeEnergyWh * 1000;
            item["retention"] = c.Retention;
            item["cvShareOfCharge"] = c.ConstantVoltageShareOfCharge;
            item["cvShareOfDischarge"] = summary.ConstantVoltageShareOfDischarge?.GetValueOrDefault(c.Cycle);
            item["complete"] = c.Complete;
            cycles.Add(item);
        }
        return new JsonObject
        {
            ["format"] = summary.Format,
            ["cycles"] = cycles,
            ["electrodeMode"] = summary.Mode == ElectrodeMode.Cathode ? "cathode" : "anode",
            ["coulombicEfficiencyPairing"] = summary.Pairing == EfficiencyPairing.SameCycle ? "same-cycle" : "preceding",
            ["currentSign"] = "positive = charge",
            ["capacitySource"] = summary.CapacitySource,
            ["activeMassMg"] = summary.ActiveMassKg * 1e6,
            ["areaCm2"] = summary.AreaM2 * 1e4,
            ["referenceCycle"] = summary.ReferenceCycle,
            ["notes"] = new JsonArray(summary.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
        };
    }

    private static (Option<string?> Host, Option<double?> Given, Option<double?> Initial, Option<int> IonCharge) CompositionOptionsOf() =>
    (
        new("--host-formula") { Description = "Composition window: formula unit of the electrode's host, e.g. NaCrO2 (needs --initial-content and an active mass)" },
        new("--capacity-per-content-mah-g") { Description = "Composition window without a formula: capacity per unit of content in mAh/g (the theoretical capacity for one ion per formula unit, e.g. 250 for NaCrO2)" },
        new("--initial-content") { Description = "Composition window: mobile-ion content per formula unit at the start of the file, e.g. 1 for NaCrO2" },
        new("--ion-charge") { Description = "Composition window: charge number of the mobile ion (1 for Li+, Na+)", DefaultValueFactory = _ => 1 }
    );

    /// <summary>Whether the composition window was asked for; the options that go together are checked here (usage errors).</summary>
    private static bool CompositionWanted(ParseResult parse, Option<string?> host, Option<double?> given, Option<double?> initial)
    {
        string? formula = parse.GetValue(host);
        double? capacity = parse.GetValue(given), x0 = parse.GetValue(initial);
        if (formula is not null && capacity is not null)
            throw new UsageException("give --host-formula or --capacity-per-content-mah-g, not both (the formula gives the capacity per unit of content)");
        bool basis = formula is not null || capacity is not null;
        if (basis != (x0 is not null))
            throw new UsageException("--initial-content goes with --host-formula or --capacity-per-content-mah-g (the composition window needs both)");
        if (capacity is { } q && !(q > 0)) throw new UsageException($"--capacity-per-content-mah-g must be positive, got {q}");
        return basis;
    }

    private static (CompositionOptions, IReadOnlyList<CompositionRange>) Composition(ParseResult parse, CyclingRun run, ElectrodeRole role, CyclingSummary summary,
        Option<string?> host, Option<double?> given, Option<double?> initial, Option<int> ionCharge)
    {
        double massKg = summary.ActiveMassKg ?? throw new InvalidInputException($"{run.SourcePath}: the composition window needs the active mass (--active-mass-mg); the file states none");
        var options = new CompositionOptions(parse.GetValue(host), parse.GetValue(initial)!.Value, massKg, parse.GetValue(ionCharge), parse.GetValue(given));
        return (options, CompositionWindow.Compute(run, role, options));
    }

    internal static JsonObject WindowJson(CompositionOptions options, IReadOnlyList<CompositionRange> window)
    {
        var cycles = new JsonArray();
        foreach (var r in window)
            cycles.Add(new JsonObject
            {
                ["cycle"] = r.Cycle, ["contentAtStart"] = r.ContentAtStart, ["contentMin"] = r.ContentMin,
                ["contentMax"] = r.ContentMax, ["contentAtEnd"] = r.ContentAtEnd, ["contentSpan"] = r.Span,
            });
        return new JsonObject
        {
            ["hostFormula"] = options.HostFormula, ["initialContent"] = options.InitialContent, ["ionCharge"] = options.IonCharge,
            ["activeMassMg"] = options.ActiveMassKg * 1e6, ["molarMassGPerMol"] = options.MolarMassGPerMol,
            ["capacityPerUnitContentMAhPerG"] = options.CapacityPerUnitContentMAhPerG, ["cycles"] = cycles,
            ["capacityBasis"] = options.HostFormula is null ? "given" : "formula",
        };
    }

    private static Command RateTable()
    {
        var source = new RunSource();
        var nominal = new Option<double>("--nominal-capacity-mah") { Description = "Nominal capacity in mAh (1C = this capacity in one hour)", Required = true };
        var mass = new Option<double?>("--active-mass-mg") { Description = "Active mass in mg for mAh/g" };
        var mode = new Option<string?>("--mode") { Description = "cathode (rates of the discharge) or anode (rates of the charge)" };
        var electrode = ElectrodeOption();
        var json = CliOutput.JsonOption();
        var command = new Command("rate-table", "Cycles grouped by C-rate: median and spread of capacity, retention vs the slowest rate; per electrode for three-electrode files")
        { nominal, mass, mode, electrode, json };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            double q = parse.GetValue(nominal);
            if (!(q > 0)) throw new UsageException($"--nominal-capacity-mah must be positive, got {q}");
            var role = Electrode(parse, electrode);
            var options = new SummaryOptions
            {
                ActiveMassKg = parse.GetValue(mass) * 1e-6,
                Mode = parse.GetValue(mode) switch { null => null, "cathode" => ElectrodeMode.Cathode, "anode" => ElectrodeMode.Anode, var o => throw new UsageException($"--mode must be cathode or anode, not '{o}'") },
            };
            var ofFile = role == ElectrodeRole.Cell ? SummaryOfFile(parse, source, options) : null;
            var run = ofFile is null ? source.Read(parse).ForElectrode(role) : null;
            var summary = ofFile?.Summary ?? CycleSummarizer.Summarize(run!, options);
            string format = ofFile?.Format ?? run!.Format;
            var groups = RateCapability.Table(summary, q * 1e-3);
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var g in groups)
                    array.Add(new JsonObject
                    {
                        ["cRate"] = g.CRate, ["cycles"] = new JsonArray(g.Cycles.Select(c => (JsonNode?)c).ToArray()), ["count"] = g.Cycles.Count,
                        ["medianCurrentMA"] = g.MedianCurrentA * 1000, ["medianCapacityMAh"] = g.MedianCapacityMAh,
                        ["minCapacityMAh"] = g.MinCapacityMAh, ["maxCapacityMAh"] = g.MaxCapacityMAh,
                        ["medianCapacityMAhPerG"] = g.MedianSpecificCapacityMAhPerG, ["retentionVsSlowest"] = g.RetentionVsSlowest,
                    });
                CliOutput.WriteJson(parse, new JsonObject
                {
                    ["format"] = format, ["nominalCapacityMAh"] = q,
                    ["capacityDirection"] = summary.Mode == ElectrodeMode.Cathode ? "discharge" : "charge", ["groups"] = array,
                    ["electrode"] = role.ToString().ToLowerInvariant(),
                    ["incompleteCycles"] = new JsonArray(summary.Cycles.Where(c => !c.Complete).Select(c => (JsonNode?)c.Cycle).ToArray()),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            if (role != ElectrodeRole.Cell) console.WriteLine($"{run!.SourcePath}: {role.ToString().ToLowerInvariant()} electrode vs reference");
            var table = new Table().AddColumn("C-rate").AddColumn("Cycles").AddColumn(new TableColumn("I (mA)").RightAligned())
                .AddColumn(new TableColumn("Median (mAh)").RightAligned()).AddColumn(new TableColumn("Min–max (mAh)").RightAligned()).AddColumn(new TableColumn("Retention (%)").RightAligned());
            foreach (var g in groups)
                table.AddRow(Num(g.CRate, "0.###") + "C", Markup.Escape(Ranges(g.Cycles)), Num(g.MedianCurrentA * 1000, "0.###"), Num(g.MedianCapacityMAh, "0.000"),
                    $"{Num(g.MinCapacityMAh, "0.000")}–{Num(g.MaxCapacityMAh, "0.000")}", Num(g.RetentionVsSlowest * 100, "0.0"));
            console.Write(table);
            foreach (var note in summary.Notes.Where(n => n.StartsWith("incomplete cycle", StringComparison.Ordinal))) console.WriteLine("note: " + note);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command DqDv()
    {
        var source = new RunSource();
        var cycle = new Option<int>("--cycle") { Description = "Cycle number", Required = true };
        var output = new Option<FileInfo>("--out")
        {
            Description = "CSV to write: direction,voltage_volt,dqdv_mah_per_volt (with --dvdq: direction,capacity_mah,dvdq_volt_per_mah); '#' lines state the smoothing and the peaks",
            Required = true,
        };
        var dvdq = new Option<bool>("--dvdq") { Description = "dV/dQ against the capacity passed instead of dQ/dV against voltage" };
        var smoothing = new Option<string>("--smoothing") { Description = "savitzky-golay (default), gaussian or none", DefaultValueFactory = _ => "savitzky-golay" };
        var window = new Option<int>("--window") { Description = "Savitzky–Golay window in points (odd)", DefaultValueFactory = _ => 9 };
        var step = new Option<double>("--step-mv") { Description = "dQ/dV: voltage grid step in mV", DefaultValueFactory = _ => 5 };
        var points = new Option<int>("--points") { Description = "dV/dQ: capacity grid points per half cycle", DefaultValueFactory = _ => 200 };
        var electrode = ElectrodeOption();
        var json = CliOutput.JsonOption();
        var command = new Command("dqdv", "dQ/dV (or dV/dQ with --dvdq) of one cycle, charge and discharge, to CSV with the peak positions; per electrode for three-electrode files")
        { cycle, output, dvdq, smoothing, window, step, points, electrode, json };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            bool inverse = parse.GetValue(dvdq);
            var options = new DifferentialOptions
            {
                Smoothing = parse.GetValue(smoothing) switch { "savitzky-golay" => SmoothingMethod.SavitzkyGolay, "gaussian" => SmoothingMethod.Gaussian, "none" => SmoothingMethod.None, var o => throw new UsageException($"--smoothing must be savitzky-golay, gaussian or none, not '{o}'") },
                Window = parse.GetValue(window), VoltageStepV = parse.GetValue(step) * 1e-3, CapacityPoints = parse.GetValue(points),
            };
            if (!(options.VoltageStepV > 0)) throw new UsageException("--step-mv must be positive");
            if (options.CapacityPoints < 5) throw new UsageException($"--points must be at least 5, got {options.CapacityPoints}");
            var role = Electrode(parse, electrode);
            var run = source.Read(parse).ForElectrode(role);
            int n = parse.GetValue(cycle);
            var curves = inverse ? DifferentialCapacity.DvDq(run, n, options) : DifferentialCapacity.DqDv(run, n, options);
            string what = inverse ? "dV/dQ" : "dQ/dV";
            if (curves.Count == 0) throw new InvalidInputException($"{run.SourcePath}: cycle {n} has too few current-carrying points for {what}");
            // dQ/dV: x in V, y in Ah/V → mAh/V; dV/dQ: x in Ah → mAh, y in V/Ah → V/mAh.
            double xScale = inverse ? 1000 : 1, yScale = inverse ? 1e-3 : 1000;
            string xUnit = inverse ? "mAh" : "V";
            string Peaks(DifferentialCurve c) => c.Peaks.Length == 0 ? "none" : string.Join(" ", c.Peaks.Select(p => (p * xScale).ToString("R", CultureInfo.InvariantCulture)));
            string grid = inverse ? $"{options.CapacityPoints} capacity points" : $"grid {Num(options.VoltageStepV * 1000, "0.###")} mV";
            var csv = new StringBuilder($"# {what} of {Path.GetFileName(run.SourcePath)}, cycle {n}{(role == ElectrodeRole.Cell ? "" : $", {role.ToString().ToLowerInvariant()} electrode vs reference")}; smoothing: {curves[0].SmoothingDescription}; {grid}\n");
            foreach (var c in curves) csv.Append($"# peaks {c.Direction} ({xUnit}): {Peaks(c)}\n");
            csv.Append(inverse ? "direction,capacity_mah,dvdq_volt_per_mah\n" : "direction,voltage_volt,dqdv_mah_per_volt\n");
            foreach (var c in curves)
                for (int i = 0; i < c.X.Length; i++)
                    csv.Append(c.Direction).Append(',').Append((c.X[i] * xScale).ToString("R", CultureInfo.InvariantCulture)).Append(',').Append((c.Y[i] * yScale).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            string outPath = parse.GetValue(output)!.FullName;
            AtomicFile.WriteAllText(outPath, csv.ToString());
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var c in curves)
                    array.Add(new JsonObject
                    {
                        ["direction"] = c.Direction, ["points"] = c.X.Length,
                        [inverse ? "peaksMAh" : "peaksV"] = new JsonArray(c.Peaks.Select(p => (JsonNode?)(p * xScale)).ToArray()),
                    });
                CliOutput.WriteJson(parse, new JsonObject
                {
                    ["format"] = run.Format, ["cycle"] = n, ["quantity"] = inverse ? "dvdq" : "dqdv", ["smoothing"] = curves[0].SmoothingDescription,
                    ["curves"] = array, ["out"] = outPath, ["electrode"] = role.ToString().ToLowerInvariant(),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            foreach (var c in curves)
                console.WriteLine($"{c.Direction}: {c.X.Length} points, peaks at {(c.Peaks.Length == 0 ? "none" : string.Join(", ", c.Peaks.Select(p => Num(p * xScale, inverse ? "0.0000" : "0.000") + " " + xUnit)))}");
            console.WriteLine($"wrote {outPath}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Plot()
    {
        var source = new RunSource();
        var output = new Option<FileInfo>("--out") { Description = "HTML report to write", Required = true };
        var mass = new Option<double?>("--active-mass-mg") { Description = "Active mass in mg" };
        var electrode = ElectrodeOption();
        var (host, given, initial, ionCharge) = CompositionOptionsOf();
        var command = new Command("plot", "Self-contained HTML report: voltage profiles, capacity and CE per cycle, dQ/dV, dV/dQ; the compositional window with --host-formula or --capacity-per-content-mah-g")
        { output, mass, electrode, host, given, initial, ionCharge };
        source.AddTo(command);
        command.SetAction(parse =>
        {
            var role = Electrode(parse, electrode);
            double? massMg = parse.GetValue(mass);
            if (massMg is { } mm && !(mm > 0)) throw new UsageException($"--active-mass-mg must be positive, got {mm}");
            bool wanted = CompositionWanted(parse, host, given, initial);
            var run = source.Read(parse).ForElectrode(role);
            var summary = CycleSummarizer.Summarize(run, new SummaryOptions { ActiveMassKg = massMg * 1e-6 });
            var composition = wanted ? Composition(parse, run, role, summary, host, given, initial, ionCharge) : ((CompositionOptions, IReadOnlyList<CompositionRange>)?)null;
            var report = new HtmlReport($"Cycling: {Path.GetFileName(run.SourcePath)}") { Subtitle = $"{run.Format}, {run.Count} points, {summary.Cycles.Count} cycles; positive current = charge" };
            CyclingReport.AddTo(report, run, summary, differentialVoltage: true, composition: composition);
            report.Save(parse.GetValue(output)!.FullName);
            CliOutput.Console(parse).WriteLine($"wrote {parse.GetValue(output)!.FullName} ({report.FigureCount} figures)");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Convert()
    {
        var file = FileArgument();
        var to = new Option<string>("--to") { Description = "Target format: bdf", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "File to write (written whole or not at all)", Required = true };
        var map = MapOption(); var cycles = CyclesOption();
        var command = new Command("convert", "Convert a cycler file to Battery Data Format CSV") { file, to, output, map, cycles };
        command.SetAction(parse =>
        {
            if (parse.GetValue(to) != "bdf") throw new UsageException($"--to supports 'bdf' only, not '{parse.GetValue(to)}'");
            var run = ReadRun(parse, file, map, cycles);
            BdfCsv.Write(run, parse.GetValue(output)!.FullName);
            CliOutput.Console(parse).WriteLine($"wrote {parse.GetValue(output)!.FullName} ({run.Count} rows, {run.Format} → bdf-csv) and its metadata {BdfCsv.MetadataPath(parse.GetValue(output)!.FullName)}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Compare()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Measured cycler file (any format read here), then the second run in the same schema (e.g. the cell simulator's BDF CSV); a run given by --run or --simulated-run takes the place of its file",
            Arity = new ArgumentArity(0, 2),
        };
        var measuredRun = new Option<string?>("--run") { Description = "The measured run from the knowledge base (name or id, stored by `cycling import`) instead of a file" };
        var simulatedRun = new Option<string?>("--simulated-run") { Description = "The second run from the knowledge base instead of a file" };
        var db = DbOption();
        var output = new Option<FileInfo>("--out") { Description = "HTML report to write", Required = true };
        var mode = new Option<string?>("--mode") { Description = "cathode or anode (CE convention for both runs; default from each run's first current)" };
        var electrode = new Option<string?>("--electrode")
        {
            Description = "Three-electrode runs: cell (default), working (Ewe; the simulator's positive electrode) or counter (Ece; its negative electrode), the same view of both runs",
        };
        var json = CliOutput.JsonOption();
        var command = new Command("compare", "A measured run and a simulated one (same BDF schema) on the same voltage/capacity plots; either may be a stored run")
        { files, measuredRun, simulatedRun, db, output, mode, electrode, json };
        command.SetAction(parse =>
        {
            var options = new SummaryOptions
            {
                Mode = parse.GetValue(mode) switch { null => null, "cathode" => ElectrodeMode.Cathode, "anode" => ElectrodeMode.Anode, var o => throw new UsageException($"--mode must be cathode or anode, not '{o}'") },
            };
            var role = Electrode(parse, electrode);
            var given = parse.GetValue(files) ?? [];
            string? mRun = parse.GetValue(measuredRun), sRun = parse.GetValue(simulatedRun);
            int needed = (mRun is null ? 1 : 0) + (sRun is null ? 1 : 0);
            if (given.Length != needed)
                throw new UsageException(needed switch
                {
                    2 => $"give two files (measured, then simulated) or stored runs with --run/--simulated-run; got {given.Length} file(s)",
                    1 => $"give one file beside {(mRun is null ? "--simulated-run" : "--run")}; got {given.Length}",
                    _ => $"--run and --simulated-run name both runs: give no file (got {given.Length})",
                });
            KnowledgeBase? kb = mRun is null && sRun is null ? null : KnowledgeBase.Open(parse.GetValue(db)!);
            CyclingRun measured, simulated;
            try
            {
                int next = 0;
                measured = (mRun is null ? CyclingFileReader.Read(given[next++]) : kb!.LoadCyclingRun(mRun)).ForElectrode(role);
                simulated = (sRun is null ? CyclingFileReader.Read(given[next]) : kb!.LoadCyclingRun(sRun)).ForElectrode(role);
            }
            finally { kb?.Dispose(); }
            var comparison = RunComparison.Compare(measured, simulated, options);
            if (comparison.Cycles.Count == 0)
                throw new InvalidInputException($"{simulated.SourcePath}: no cycle in common with {measured.SourcePath} (cycles {measured.Cycles.First()}–{measured.Cycles.Last()} vs {simulated.Cycles.First()}–{simulated.Cycles.Last()})");
            var report = new HtmlReport($"Cycling: {Path.GetFileName(measured.SourcePath)} vs {Path.GetFileName(simulated.SourcePath)}")
            {
                Subtitle = $"measured: {measured.Format}, {measured.Count} points; simulated: {simulated.Format}, {simulated.Count} points; positive current = charge"
                    + (role == ElectrodeRole.Cell ? "" : $"; {role.ToString().ToLowerInvariant()} electrode vs reference"),
            };
            CyclingComparisonReport.AddTo(report, measured, simulated, comparison);
            report.Save(parse.GetValue(output)!.FullName);
            if (parse.GetValue(json))
            {
                var cyclesJson = new JsonArray();
                foreach (var c in comparison.Cycles)
                    cyclesJson.Add(new JsonObject
                    {
                        ["cycle"] = c.Cycle, ["measuredChargeCapacityMAh"] = c.MeasuredChargeAh * 1000, ["simulatedChargeCapacityMAh"] = c.SimulatedChargeAh * 1000,
                        ["measuredDischargeCapacityMAh"] = c.MeasuredDischargeAh * 1000, ["simulatedDischargeCapacityMAh"] = c.SimulatedDischargeAh * 1000,
                        ["chargeVoltageRmsV"] = c.ChargeVoltageRmsV, ["dischargeVoltageRmsV"] = c.DischargeVoltageRmsV,
                    });
                CliOutput.WriteJson(parse, new JsonObject
                {
                    ["measured"] = new JsonObject { ["path"] = measured.SourcePath, ["format"] = measured.Format },
                    ["simulated"] = new JsonObject { ["path"] = simulated.SourcePath, ["format"] = simulated.Format },
                    ["cycles"] = cyclesJson, ["report"] = parse.GetValue(output)!.FullName, ["electrode"] = role.ToString().ToLowerInvariant(),
                });
                return CliApp.ExitOk;
            }
            CliOutput.Console(parse).WriteLine($"wrote {parse.GetValue(output)!.FullName} ({report.FigureCount} figures, {comparison.Cycles.Count} shared cycles)");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Option<string> DbOption() => new("--db")
    {
        Description = "Knowledge-base file (default: $XDG_DATA_HOME/borolyte/borolyte.db)", DefaultValueFactory = _ => DatabaseLocation.Default(),
    };

    private static Command Import()
    {
        var file = FileArgument();
        var name = new Option<string?>("--name") { Description = "Name of the stored run (default: the file name)" };
        var db = DbOption(); var map = MapOption(); var cycles = CyclesOption(); var json = CliOutput.JsonOption();
        var command = new Command("import", "Store a cycler file's harmonised run in the knowledge base") { file, name, db, map, cycles, json };
        command.SetAction(parse =>
        {
            var run = ReadRun(parse, file, map, cycles);
            string sha;
            using (var stream = File.OpenRead(run.SourcePath)) sha = System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var stored = kb.AddCyclingRun(run, parse.GetValue(name) ?? Path.GetFileName(run.SourcePath), sha);
            if (parse.GetValue(json)) { CliOutput.WriteJson(parse, RunJson(stored)); return CliApp.ExitOk; }
            CliOutput.Console(parse).WriteLine($"stored '{stored.Name}' (id {stored.Id}: {stored.Format}, {stored.Points} points, {stored.Cycles} cycles) in {kb.Path}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static JsonObject RunJson(StoredCyclingRun r) => new()
    {
        ["id"] = r.Id, ["name"] = r.Name, ["format"] = r.Format, ["points"] = r.Points, ["cycles"] = r.Cycles,
        ["cycleDefinition"] = r.CycleDefinition, ["activeMassMg"] = r.ActiveMassKg * 1e6, ["areaCm2"] = r.AreaM2 * 1e4,
        ["sourcePath"] = r.SourcePath, ["sourceSha256"] = r.SourceSha256, ["importedUtc"] = r.ImportedUtc,
    };

    private static Command ListRuns()
    {
        var db = DbOption(); var json = CliOutput.JsonOption();
        var command = new Command("list", "Cycling runs stored in the knowledge base") { db, json };
        command.SetAction(parse =>
        {
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var runs = kb.CyclingRuns();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new JsonObject { ["runs"] = new JsonArray(runs.Select(r => (JsonNode?)RunJson(r)).ToArray()) });
                return CliApp.ExitOk;
            }
            var table = new Table().AddColumn("Id").AddColumn("Name").AddColumn("Format").AddColumn(new TableColumn("Points").RightAligned())
                .AddColumn(new TableColumn("Cycles").RightAligned()).AddColumn("Imported (UTC)");
            foreach (var r in runs)
                table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Name), r.Format, r.Points.ToString(CultureInfo.InvariantCulture),
                    r.Cycles.ToString(CultureInfo.InvariantCulture), r.ImportedUtc);
            var console = CliOutput.Console(parse);
            if (runs.Count == 0) console.WriteLine($"no cycling runs in {kb.Path}");
            else console.Write(table);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Export()
    {
        var name = new Argument<string>("run") { Description = "Stored run: its name or id" };
        var output = new Option<FileInfo>("--out") { Description = "BDF CSV to write (written whole or not at all)", Required = true };
        var db = DbOption();
        var command = new Command("export", "Write a stored run back as Battery Data Format CSV") { name, output, db };
        command.SetAction(parse =>
        {
            using var kb = KnowledgeBase.Open(parse.GetValue(db)!);
            var run = kb.LoadCyclingRun(parse.GetValue(name)!);
            BdfCsv.Write(run, parse.GetValue(output)!.FullName);
            CliOutput.Console(parse).WriteLine($"wrote {parse.GetValue(output)!.FullName} ({run.Count} rows) and its metadata {BdfCsv.MetadataPath(parse.GetValue(output)!.FullName)}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static string Ranges(IReadOnlyList<int> cycles) =>
        cycles.Count == 1 ? cycles[0].ToString(CultureInfo.InvariantCulture) : $"{cycles[0]}–{cycles[^1]}";

    private static string Num(double? v, string format) => v is { } d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
}
