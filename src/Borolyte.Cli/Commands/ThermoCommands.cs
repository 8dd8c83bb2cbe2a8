using System.CommandLine;
using System.Globalization;
using Borolyte.Chemistry;
using Borolyte.Reporting;
using Borolyte.Studies;
using Borolyte.Thermo;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte thermo hull|window|interface`: convex hulls, electrochemical windows, interface reactivity (docs/thermo.md).</summary>
public static class ThermoCommands
{
    public static Command Build()
    {
        var command = new Command("thermo", "Phase stability from computed energies: convex hulls, electrochemical windows, interface reactivity");
        command.Subcommands.Add(Hull());
        command.Subcommands.Add(Window());
        command.Subcommands.Add(Interface());
        command.Subcommands.Add(InterfaceMap());
        return command;
    }

    private static Argument<string> EntriesArgument() => new("entries")
    {
        Description = "Entries: JSON array of pymatgen ComputedEntry dicts, CSV with formula and energy_ev or energy_per_atom_ev, " +
                      "or a built-in dataset builtin:NAME (" + string.Join(", ", BuiltinEntries.Names.Select(n => "builtin:" + n)) + ")",
    };

    private static Option<bool> Mp2020Option() => new("--mp2020")
    {
        Description = "Replace the entries' corrections by the Materials Project 2020 anion/GGA+U corrections (Wang et al. 2021; H is an anion in hydroborates)",
    };

    // Entries from a file or a built-in dataset, optionally with MP2020 corrections (discarded entries reported on stderr).
    private static IReadOnlyList<ThermoEntry> LoadEntries(ParseResult parse, Argument<string> entries, Option<bool> mp2020)
    {
        string source = parse.GetValue(entries)!;
        var list = source.StartsWith("builtin:", StringComparison.Ordinal)
            ? BuiltinEntries.Load(source["builtin:".Length..])
            : EntryFile.Read(source);
        if (!parse.GetValue(mp2020)) return list;
        if (source.StartsWith("builtin:", StringComparison.Ordinal) && !BuiltinEntries.AcceptsMp2020(source["builtin:".Length..]))
            throw new UsageException($"--mp2020 applies to raw GGA/GGA+U total energies; {source} holds formation energies that already are what their sources report");
        var corrected = Mp2020Compatibility.Process(list);
        foreach (var d in corrected.Discarded)
            parse.InvocationConfiguration.Error.WriteLine($"warning: --mp2020 leaves out {d.Reason}");
        if (corrected.Entries.Count == 0) throw new InvalidInputException($"{source}: --mp2020 leaves no entries");
        return corrected.Entries;
    }

    // |v| < 5e-10 prints as 0 (no "-0" for a reaction energy of −1e-17 eV/atom)
    private static string Num(double v, string format = "0.####") => (Math.Abs(v) < 5e-10 ? 0.0 : v).ToString(format, CultureInfo.InvariantCulture);

    // Formulas are shown as pymatgen writes reduced formulas (NaBH4, NaH, H2, Na(BH)6; docs/chemistry.md); the Hill-order
    // ThermoEntry.ReducedFormula stays the key for matching --compound/--exclude/--a/--b.
    private static string Display(ThermoEntry entry) => entry.DisplayFormula;

    private static object PhaseJson(DecompositionPhase p) => new { formula = Display(p.Entry), fraction = p.Fraction, id = p.Entry.Id };

    private static string Phases(IReadOnlyList<DecompositionPhase> phases) => DecompositionPhase.Describe(phases);

    private static Command Hull()
    {
        var entries = EntriesArgument();
        var json = CliOutput.JsonOption();
        var mp2020 = Mp2020Option();
        var command = new Command("hull", "Formation energies, energy above the convex hull and decomposition of every entry") { entries, mp2020, json };
        command.SetAction(parse =>
        {
            var list = LoadEntries(parse, entries, mp2020);
            var pd = new PhaseDiagram(list);
            var rows = pd.Analyse();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    entries = rows.Select(r => new
                    {
                        id = r.Entry.Id,
                        formula = Display(r.Entry),
                        formationEnergyEvPerAtom = r.FormationEnergyEvPerAtom,
                        eAboveHullEvPerAtom = r.EAboveHullEvPerAtom,
                        decomposition = r.Decomposition.Select(PhaseJson).ToArray(),
                        stable = r.IsStable,
                        correctionEv = r.Entry.CorrectionEv,
                        correctionUncertaintyEv = r.Entry.CorrectionUncertaintyEv,
                    }).ToArray(),
                    elements = pd.Elements.Select(e => e.Symbol).ToArray(),
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumn("Id").AddColumn("Formula")
                .AddColumn(new TableColumn("E_f (eV/atom)").RightAligned()).AddColumn(new TableColumn("E_hull (eV/atom)").RightAligned())
                .AddColumn("Decomposition");
            foreach (var r in rows.OrderBy(r => r.EAboveHullEvPerAtom).ThenBy(r => Display(r.Entry), StringComparer.Ordinal))
                table.AddRow(Markup.Escape(r.Entry.Id), Markup.Escape(Display(r.Entry)), Num(r.FormationEnergyEvPerAtom), Num(r.EAboveHullEvPerAtom),
                    r.IsStable ? "stable" : Markup.Escape(string.Join(" + ", r.Decomposition.Select(p => $"{Num(p.Fraction, "0.###")} {Display(p.Entry)}"))));
            console.WriteLine($"{list.Count} entries in {string.Join("–", pd.Elements.Select(e => e.Symbol))}: {pd.StableEntries.Count} on the hull");
            console.Write(table);
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Window()
    {
        var entries = EntriesArgument();
        var compound = new Option<string>("--compound") { Description = "Compound whose window is wanted (must be among the entries), e.g. Na2B12H12", Required = true };
        var open = new Option<string>("--open") { Description = "Open (mobile) element, e.g. Li or Na", Required = true };
        var stabilize = new Option<bool>("--stabilize") { Description = "Treat a metastable compound as if on the hull" };
        var exclude = new Option<string?>("--exclude") { Description = "Comma-separated formulas of phases to leave out, e.g. B9H11,B10H14" };
        var json = CliOutput.JsonOption();
        var mp2020 = Mp2020Option();
        var output = CliOutput.OutOption("Write the full profile (M uptake vs φ, products of each range, the limits) as a self-contained HTML report");
        var command = new Command("window", "Electrochemical stability window vs M+/M from the grand-potential phase diagram (exact facet potentials)")
        {
            entries, compound, open, stabilize, exclude, mp2020, json, output,
        };
        command.SetAction(parse =>
        {
            var list = LoadEntries(parse, entries, mp2020);
            var formula = Formula.Parse(parse.GetValue(compound)!);
            var excluded = parse.GetValue(exclude)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (excluded is { Length: 0 }) excluded = null;
            var options = new WindowOptions(parse.GetValue(stabilize), excluded);
            var w = GrandPotentialDiagram.Window(list, formula, parse.GetValue(open)!, options);
            // issue 4 §2: with exclusions, the window on all entries too, side by side
            var all = excluded is null ? null : GrandPotentialDiagram.Window(list, formula, parse.GetValue(open)!, options with { Exclude = null });
            string withoutLabel = excluded is null ? "" : "without " + string.Join(", ", excluded);
            if (parse.GetValue(output) is { } file)
                WindowReport(w, all, withoutLabel, parse.GetValue(entries)!).Save(file.FullName);
            if (parse.GetValue(json))
            {
                var document = new Dictionary<string, object?>
                {
                    ["compound"] = w.Compound,
                    ["openElement"] = w.OpenElement.Symbol,
                };
                foreach (var (key, value) in WindowJson(w)) document[key] = value;
                document["searchLimitV"] = GrandPotentialDiagram.SearchLimitV;
                if (all is not null)
                {
                    document["excluded"] = excluded;
                    document["withoutExclusions"] = WindowJson(all);
                }
                CliOutput.WriteJson(parse, document);
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            string m = w.OpenElement.Symbol;
            console.WriteLine($"{w.Compound} vs {m}+/{m}{(all is null ? "" : $" ({withoutLabel})")}: stable from {Num(w.ReductionLimitV, "0.###")} V to {Num(w.OxidationLimitV, "0.###")} V" +
                              (w.Stabilized ? $" (stabilised; E_hull was {Num(w.EAboveHullEvPerAtom)} eV/atom)" : w.EAboveHullEvPerAtom > 0 ? $" (metastable: E_hull {Num(w.EAboveHullEvPerAtom)} eV/atom)" : ""));
            console.WriteLine($"Reduction products: {Phases(w.ReductionProducts)}");
            console.WriteLine($"Oxidation products: {Phases(w.OxidationProducts)}");
            if (all is not null)
            {
                var side = new Table().AddColumn("").AddColumn(Markup.Escape(withoutLabel)).AddColumn("all entries");
                side.AddRow("reduction limit (V)", Num(w.ReductionLimitV, "0.###"), Num(all.ReductionLimitV, "0.###"));
                side.AddRow("oxidation limit (V)", Num(w.OxidationLimitV, "0.###"), Num(all.OxidationLimitV, "0.###"));
                side.AddRow("reduction products", Markup.Escape(Phases(w.ReductionProducts)), Markup.Escape(Phases(all.ReductionProducts)));
                side.AddRow("oxidation products", Markup.Escape(Phases(w.OxidationProducts)), Markup.Escape(Phases(all.OxidationProducts)));
                console.Write(side);
            }
            foreach (var (label, window) in all is null ? [("", w)] : new[] { (withoutLabel, w), ("all entries", all) })
            {
                var table = new Table().AddColumn(new TableColumn("From (V)").RightAligned()).AddColumn(new TableColumn("To (V)").RightAligned())
                    .AddColumn(new TableColumn($"{m} uptake per f.u.").RightAligned()).AddColumn("Phases");
                if (label.Length > 0) table.Title = new TableTitle(Markup.Escape($"Profile, {label}"));
                foreach (var p in window.Profile)
                    table.AddRow(Num(p.FromV, "0.###"), Num(p.ToV, "0.###"), Num(p.UptakePerFormulaUnit, "0.###"), Markup.Escape(Phases(p.Products)));
                console.Write(table);
            }
            if (parse.GetValue(output) is { } written) console.WriteLine($"wrote {written.FullName}");
            return CliApp.ExitOk;
        });
        return command;
    }

    // The limit/product/profile keys of a window (issue 4 §2 order), then its extras; shared by the top level and withoutExclusions.
    private static Dictionary<string, object?> WindowJson(ElectrochemicalWindow w) => new()
    {
        ["reductionLimitV"] = w.ReductionLimitV,
        ["oxidationLimitV"] = w.OxidationLimitV,
        ["reductionProducts"] = w.ReductionProducts.Select(p => Display(p.Entry)).ToArray(),
        ["oxidationProducts"] = w.OxidationProducts.Select(p => Display(p.Entry)).ToArray(),
        ["profile"] = w.Profile.Select(p => new
        {
            fromV = p.FromV,
            toV = p.ToV,
            uptakePerFormulaUnit = p.UptakePerFormulaUnit,
            products = p.Products.Select(x => Display(x.Entry)).ToArray(),
        }).ToArray(),
        ["eAboveHullEvPerAtom"] = w.EAboveHullEvPerAtom,
        ["stabilized"] = w.Stabilized,
    };

    // The --out report of `thermo window`: limits, the profile plot (both profiles with exclusions) and the profile tables.
    private static HtmlReport WindowReport(ElectrochemicalWindow w, ElectrochemicalWindow? all, string withoutLabel, string source)
    {
        string m = w.OpenElement.Symbol;
        var report = new HtmlReport($"{w.Compound} vs {m}+/{m}: electrochemical stability window") { Subtitle = "entries: " + source };
        var cases = all is null ? new[] { ("", w) } : [(withoutLabel, w), ("all entries", all)];
        report.AddHeading("Limits");
        foreach (var (label, window) in cases)
            report.AddKeyValues([
                ("entries", label.Length == 0 ? "all" : label),
                ("reduction limit", $"{Num(window.ReductionLimitV, "0.###")} V → {Phases(window.ReductionProducts)}"),
                ("oxidation limit", window.OxidationLimitV < GrandPotentialDiagram.SearchLimitV
                    ? $"{Num(window.OxidationLimitV, "0.###")} V → {Phases(window.OxidationProducts)}" : $"none below {Num(GrandPotentialDiagram.SearchLimitV)} V"),
                ("energy above hull", $"{Num(window.EAboveHullEvPerAtom)} eV/atom" + (window.Stabilized ? " (stabilised)" : "")),
            ]);
        report.AddHeading("Profile");
        report.AddFigure(WindowProfileFigure.Build(cases.Select(c => new LabelledWindow(c.Item1.Length == 0 ? "all entries" : c.Item1, c.Item2)).ToArray()));
        foreach (var (label, window) in cases)
            report.AddTable(new ReportTable($"{m} uptake per formula unit by range of φ (V vs {m}+/{m})" + (label.Length == 0 ? "" : $", {label}"),
                ["from (V)", "to (V)", $"{m} uptake per f.u.", "phases"],
                window.Profile.Select(p => (IReadOnlyList<string>)[Num(p.FromV, "0.###"), Num(p.ToV, "0.###"), Num(p.UptakePerFormulaUnit, "0.###"), Phases(p.Products)]).ToArray()));
        return report;
    }

    private static Command Interface()
    {
        var entries = EntriesArgument();
        var a = new Option<string>("--a") { Description = "Reactant A (e.g. the electrolyte), must be among the entries", Required = true };
        var b = new Option<string>("--b") { Description = "Reactant B (e.g. the cathode), must be among the entries", Required = true };
        var open = new Option<string?>("--open") { Description = "Open element (e.g. Na); needs --potential-v" };
        var potential = new Option<double?>("--potential-v") { Description = "Potential vs M+/M in V of the open element" };
        var json = CliOutput.JsonOption();
        var mp2020 = Mp2020Option();
        var output = CliOutput.OutOption("Write the reaction energy vs mixing ratio (kinks and their products) as a self-contained HTML report");
        var command = new Command("interface", "Reaction energy of mixing two materials vs mixing ratio (exact kinks), optionally open to the alkali metal")
        {
            entries, a, b, open, potential, mp2020, json, output,
        };
        command.SetAction(parse =>
        {
            string? openElement = parse.GetValue(open);
            double? phi = parse.GetValue(potential);
            if ((openElement is null) != (phi is null))
                throw new UsageException("--open and --potential-v go together: give both or neither");
            var list = LoadEntries(parse, entries, mp2020);
            var r = InterfaceReactivity.Compute(list, Formula.Parse(parse.GetValue(a)!), Formula.Parse(parse.GetValue(b)!), openElement, phi ?? 0);
            if (parse.GetValue(output) is { } file)
                InterfaceReport(r, parse.GetValue(entries)!).Save(file.FullName);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    minReactionEnergyEvPerAtom = r.MinReactionEnergyEvPerAtom,
                    mixingRatio = r.MixingRatio,
                    products = r.Products.Select(p => Display(p.Entry)).ToArray(),
                    kinks = r.Kinks.Select(k => new
                    {
                        mixingRatio = k.MixingRatio,
                        reactionEnergyEvPerAtom = k.ReactionEnergyEvPerAtom,
                        products = k.Products.Select(p => Display(p.Entry)).ToArray(),
                    }).ToArray(),
                    openElement = r.OpenElement?.Symbol,
                    potentialV = r.PotentialV,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine($"{r.A} | {r.B}{(r.OpenElement is { } el ? $", open to {el.Symbol} at {Num(r.PotentialV!.Value, "0.###")} V" : "")}");
            console.WriteLine($"Most negative reaction: {Num(r.MinReactionEnergyEvPerAtom)} eV/atom at x(A) = {Num(r.MixingRatio)} → {Phases(r.Products)}");
            var table = new Table().AddColumn(new TableColumn("x(A)").RightAligned()).AddColumn(new TableColumn("ΔE (eV/atom)").RightAligned()).AddColumn("Products");
            foreach (var k in r.Kinks)
                table.AddRow(Num(k.MixingRatio), Num(k.ReactionEnergyEvPerAtom), Markup.Escape(Phases(k.Products)));
            console.Write(table);
            if (parse.GetValue(output) is { } written) console.WriteLine($"wrote {written.FullName}");
            return CliApp.ExitOk;
        });
        return command;
    }

    // The --out report of `thermo interface`: the most negative reaction, the ΔE(x) plot and the kink table.
    private static HtmlReport InterfaceReport(InterfaceReactivity r, string source)
    {
        string conditions = r.OpenElement is { } el ? $"open to {el.Symbol} at {Num(r.PotentialV!.Value, "0.###")} V vs {el.Symbol}+/{el.Symbol}" : "closed (chemical mixing)";
        var report = new HtmlReport($"{r.A} | {r.B} interface reactivity") { Subtitle = $"entries: {source}; {conditions}" };
        report.AddKeyValues([
            ("most negative reaction energy", $"{Num(r.MinReactionEnergyEvPerAtom)} eV/atom"),
            ($"mixing ratio (atomic fraction of {r.A})", Num(r.MixingRatio)),
            ("products", Phases(r.Products)),
        ]);
        report.AddFigure(InterfaceReactionFigure.Build([new LabelledReactivity(conditions, r)]));
        report.AddTable(new ReportTable($"Kinks of the reaction energy ({conditions})", [$"x({r.A})", "ΔE (eV/atom)", "products"],
            r.Kinks.Select(k => (IReadOnlyList<string>)[Num(k.MixingRatio), Num(k.ReactionEnergyEvPerAtom), Phases(k.Products)]).ToArray()));
        return report;
    }

    private static Command InterfaceMap()
    {
        var entries = EntriesArgument();
        var electrolytes = new Option<string>("--electrolytes") { Description = "Comma-separated electrolyte formulas, e.g. NaBH4,LiBH4", Required = true };
        var cathodes = new Option<string>("--cathodes") { Description = "Comma-separated electrode formulas, e.g. NaCrO2,NaFeO2", Required = true };
        var open = new Option<string?>("--open") { Description = "Open element (e.g. Na); needs --potential-v" };
        var potential = new Option<double?>("--potential-v") { Description = "Potential vs M+/M in V of the open element" };
        var mp2020 = Mp2020Option();
        var json = CliOutput.JsonOption();
        var output = CliOutput.OutOption("Write the map (table and plot) as a self-contained HTML report");
        var command = new Command("interface-map", "Maximum interface driving force (most negative mixing reaction energy) for every electrolyte × electrode pair")
        {
            entries, electrolytes, cathodes, open, potential, mp2020, json, output,
        };
        command.SetAction(parse =>
        {
            string? openElement = parse.GetValue(open);
            double? phi = parse.GetValue(potential);
            if ((openElement is null) != (phi is null))
                throw new UsageException("--open and --potential-v go together: give both or neither");
            string[] Split(Option<string> o) => parse.GetValue(o)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var list = LoadEntries(parse, entries, mp2020);
            var map = InterfaceReactivityMap.Compute(list, Split(electrolytes), Split(cathodes), openElement, phi ?? 0);
            if (parse.GetValue(output) is { } file)
            {
                var report = new HtmlReport("Interface driving-force map") { Subtitle = parse.GetValue(entries) };
                StabilitySection.AddInterfaceMap(report, map);
                report.Save(file.FullName);
            }
            static double? Value(double v) => double.IsNaN(v) ? null : v;
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    electrolytes = map.Electrolytes,
                    cathodes = map.Electrodes,
                    minReactionEnergyEvPerAtom = map.Pairs.Select(r => r.Select(p => Value(p.MinReactionEnergyEvPerAtom)).ToArray()).ToArray(),
                    pairs = map.Pairs.SelectMany(r => r).Select(p => new
                    {
                        electrolyte = p.Electrolyte,
                        cathode = p.Electrode,
                        minReactionEnergyEvPerAtom = Value(p.MinReactionEnergyEvPerAtom),
                        mixingRatio = p.Reactivity?.MixingRatio,
                        products = p.Reactivity?.Products.Select(x => Display(x.Entry)).ToArray() ?? [],
                        problem = p.Problem,
                    }).ToArray(),
                    openElement = map.OpenElement?.Symbol,
                    potentialV = map.PotentialV,
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            console.WriteLine("Most negative mixing reaction energy (eV/atom)" + (map.OpenElement is { } el ? $", open to {el.Symbol} at {Num(map.PotentialV!.Value, "0.###")} V" : ", closed system"));
            var table = new Table().AddColumn("electrolyte");
            foreach (var c in map.Electrodes) table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
            for (int i = 0; i < map.Electrolytes.Count; i++)
                table.AddRow([Markup.Escape(map.Electrolytes[i]), .. map.Pairs[i].Select(p => p.Reactivity is { } r ? Num(Math.Abs(r.MinReactionEnergyEvPerAtom) < 5e-10 ? 0 : r.MinReactionEnergyEvPerAtom) : "–")]);
            console.Write(table);
            foreach (var p in map.Pairs.SelectMany(r => r).Where(p => p.Problem is not null))
                console.WriteLine(Markup.Escape($"{p.Electrolyte} | {p.Electrode}: {p.Problem}"));
            return CliApp.ExitOk;
        });
        return command;
    }
}
