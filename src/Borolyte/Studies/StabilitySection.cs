using System.Globalization;
using Borolyte.Chemistry;
using Borolyte.Knowledge;
using Borolyte.Mechanics;
using Borolyte.Reporting;
using Borolyte.Thermo;

namespace Borolyte.Studies;

/// <summary>One window the demo computes: compound, open element, the built-in dataset it comes from and phases left out.</summary>
public sealed record WindowCase(string Compound, string OpenElement, string Dataset, IReadOnlyList<string>? Exclude = null)
{
    public string Label => Exclude is { Count: > 0 } ex ? $"{Compound} without {string.Join(", ", ex)}" : Compound;
}

/// <summary>One of the review's statements about stability and how this dataset compares (seed 000 §3.2).</summary>
public sealed record ReviewComparison(string Statement, string Review, string ThisDataset, string Verdict)
{
    /// <summary>The verdict's first clause ("agrees", "disagrees, by 0.05 V", "cannot be checked with these data"), for one-line summaries.</summary>
    public string ShortVerdict => Verdict.Split([';', ':'], 2)[0].Trim();
}

/// <summary>A window the stability section computed, with the case (compound, open element, dataset, exclusions) it belongs to.</summary>
public sealed record ComputedWindow(WindowCase Case, ElectrochemicalWindow Window);

/// <summary>What the stability section computed: the windows it shows and the review's statements with their verdicts.</summary>
public sealed record StabilityDemoResult(IReadOnlyList<ComputedWindow> Windows, IReadOnlyList<ReviewComparison> ReviewStatements);

/// <summary>A mechanical-table row built from knowledge-base records (values with their qualifiers, GPa).</summary>
public sealed record MechanicalRow(
    string Compound, string? Metal, double? BulkGpa, string BulkQualifier, double? ShearGpa, string ShearQualifier,
    string PughVerdict, string DendriteVerdict, string Source);

/// <summary>
/// The demo's stability section (seed 000 §3.2–3.3, review Figures 11 and 12): electrochemical windows of the hydroborates
/// the built-in data allow, side by side with the review's values from the knowledge base; the review's statements against
/// this dataset (agree or not); the NaBH4 | NaCrO2 interface profile; the maximum interface driving force of electrolytes ×
/// cathodes; the mechanical table with Pugh and Monroe–Newman verdicts and G vs B with iso-Young's-modulus lines from
/// knowledge-base records. The built-in data hold no closo-hydroborate energies (data/thermo/README.md), which the section
/// says where it matters instead of drawing anything it cannot compute.
/// </summary>
public static class StabilitySection
{
    /// <summary>Windows computed from the built-in experimental enthalpies; the review's comparison uses those without exclusions.</summary>
    public static readonly IReadOnlyList<WindowCase> Windows =
    [
        new("LiBH4", "Li", "li-b-h"),
        new("NaBH4", "Na", "na-b-h"),
        new("LiBH4", "Li", "li-b-h", ["B10H14"]),
        new("NaBH4", "Na", "na-b-h", ["B10H14"]),
    ];

    /// <summary>Hydroborates whose windows the review states but the built-in data cannot give (no sourced energies).</summary>
    public static readonly IReadOnlyList<string> NotComputable = ["Li2B12H12", "Na2B12H12"];

    /// <summary>Electrolytes and cathodes of the interface map: the pairs the sourced data support.</summary>
    public static readonly IReadOnlyList<string> MapElectrolytes = ["NaBH4", "LiBH4"];
    public static readonly IReadOnlyList<string> MapCathodes = ["NaCrO2", "NaFeO2", "NaVO3", "LiFeO2"];

    /// <summary>Potential (V vs Na⁺/Na) of the open-system interface profile: a charged 3 V-class cathode (review §3.2).</summary>
    public const double InterfacePotentialV = 3.0;

    /// <summary>Agreement tolerance (V) between a computed and a stated limit: the review's values are "near" values.</summary>
    public const double AgreementToleranceV = 0.3;

    // |v| < 5e-10 prints as 0 (no "-0" for a reaction energy of −1e-17 eV/atom)
    private static string Num(double v, string format = "0.##") => (Math.Abs(v) < 5e-10 ? 0.0 : v).ToString(format, CultureInfo.InvariantCulture);

    private static string Phases(IReadOnlyList<DecompositionPhase> phases) => DecompositionPhase.Describe(phases); // pymatgen's way of writing (docs/chemistry.md)

    /// <param name="report">Report to append to.</param>
    /// <param name="knowledge">Knowledge-base records (review values of windows and moduli); null leaves those parts out.</param>
    public static StabilityDemoResult AddTo(HtmlReport report, KnowledgeDataset? knowledge)
    {
        report.AddHeading("Stability");
        report.AddParagraph(
            "Electrochemical windows from exact grand-potential phase diagrams, interface reactivity and mechanical properties (review §3.2–3.3). " +
            "Energies: the built-in experimental standard enthalpies of formation (298.15 K; Wang et al., Sci. Rep. 11 (2021) 15496, MP2020 fitting set, " +
            "plus CODATA water; data/thermo/README.md) — no closo-hydroborate salt has a sourced energy there, so their windows are shown only as the review states them. " +
            "Enthalpies, not free energies; no kinetics; phases missing from the data (e.g. [B24H23]3− dimers, B9H11) cannot form.");
        var windows = Windows.Select(w => (Case: w, Window: GrandPotentialDiagram.Window(BuiltinEntries.Load(w.Dataset), Formula.Parse(w.Compound), w.OpenElement,
            new WindowOptions(Exclude: w.Exclude)))).ToArray();
        var review = knowledge?.Properties ?? [];
        AddWindows(report, windows, review);
        AddProfile(report, windows);
        var comparisons = Compare(windows.Where(w => w.Case.Exclude is not { Count: > 0 }).Select(w => w.Window).ToArray(), review);
        AddComparison(report, comparisons);
        AddInterface(report);
        AddInterfaceMap(report, InterfaceReactivityMap.Compute(BuiltinEntries.Load("experimental"), MapElectrolytes, MapCathodes));
        if (knowledge is not null) AddMechanics(report, MechanicalRows(knowledge));
        return new StabilityDemoResult(windows.Select(w => new ComputedWindow(w.Case, w.Window)).ToArray(), comparisons);
    }

    private static PropertyRecord? ReviewLimit(IReadOnlyList<PropertyRecord> records, string compound, string quantity) =>
        records.FirstOrDefault(p => p.Compound == compound && p.Quantity == quantity && p.Method == "DFT" && p.Source?.Seed == "review");

    private static void AddWindows(HtmlReport report, IReadOnlyList<(WindowCase Case, ElectrochemicalWindow Window)> cases, IReadOnlyList<PropertyRecord> review)
    {
        var windows = cases.Select(c => c.Window).ToArray();
        var labels = cases.Select(c => c.Case.Label).Concat(NotComputable).ToArray();
        var compounds = windows.Select(w => w.Compound).Concat(NotComputable).ToArray();
        var figure = new PlotlyFigure("Electrochemical stability windows (cf. review Figure 11c)", "compound", "potential (V vs M+/M)")
        {
            Caption = "x: " + string.Join(", ", labels.Select((c, i) => $"{i} = {c}")),
        };
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 0; i < windows.Length; i++)
        {
            var w = windows[i];
            figure.AddTrace(new PlotlyTrace($"{labels[i]} vs {w.OpenElement.Symbol} (this dataset)", [i, i], [w.ReductionLimitV, w.OxidationLimitV])
            {
                Mode = "lines+markers",
                HoverTexts = [$"reduced below {Num(w.ReductionLimitV, "0.###")} V to {Phases(w.ReductionProducts)}", $"oxidised above {Num(w.OxidationLimitV, "0.###")} V to {Phases(w.OxidationProducts)}"],
            });
            rows.Add([labels[i], w.OpenElement.Symbol, Num(w.ReductionLimitV, "0.###"), Num(w.OxidationLimitV, "0.###"), Phases(w.ReductionProducts), Phases(w.OxidationProducts)]);
        }
        var rx = new List<double>();
        var ry = new List<double>();
        var rt = new List<string>();
        for (int i = 0; i < compounds.Length; i++)
        {
            if (i < windows.Length && cases[i].Case.Exclude is { Count: > 0 }) continue; // review markers once per compound
            foreach (var q in new[] { "reductionLimit", "oxidationLimit" })
            {
                if (ReviewLimit(review, compounds[i], q) is not { } p) continue;
                rx.Add(i + 0.15);
                ry.Add(p.Value);
                rt.Add($"{compounds[i]} {q} {p.Qualifier ?? "="} {Num(p.Value)} V (review §{p.Source?.Section}; {p.Note})");
            }
        }
        if (rx.Count > 0) figure.AddTrace(new PlotlyTrace("review (DFT, knowledge base)", rx, ry) { Mode = "markers", HoverTexts = rt });
        report.AddFigure(figure);
        report.AddParagraph("Each line spans a compound's window in this dataset, from the reduction to the oxidation limit; the dots just right of it are the " +
                            "review's DFT limits from the knowledge base. Compounds without a sourced energy get no line. The windows \"without B10H14\" leave out decaborane(14), " +
                            "the only neutral borane with a sourced energy (the review's option of excluding phases): [BH4]− then oxidises to boron (or a B-rich Li boride) + H2.");
        foreach (var c in NotComputable)
            rows.Add([c, c.StartsWith("Li", StringComparison.Ordinal) ? "Li" : "Na", "–", "–", "not computable: no sourced energy", "(data/thermo/README.md)"]);
        report.AddTable(new ReportTable("Windows from the built-in experimental enthalpies (V vs M+/M; products beyond each limit)",
            ["compound", "M", "reduction limit (V)", "oxidation limit (V)", "reduction products", "oxidation products"], rows));
    }

    /// <summary>Compound whose full profile the demo draws, with all entries and without the excluded phases of its other window.</summary>
    public const string ProfileCompound = "NaBH4";

    private static void AddProfile(HtmlReport report, IReadOnlyList<(WindowCase Case, ElectrochemicalWindow Window)> windows)
    {
        var cases = windows.Where(w => w.Case.Compound == ProfileCompound).ToArray();
        report.AddFigure(WindowProfileFigure.Build(cases.Select(c => new LabelledWindow(
            c.Case.Exclude is { Count: > 0 } ex ? "without " + string.Join(", ", ex) : "all entries", c.Window)).ToArray()));
        var sentences = cases.Select(c => $"{(c.Case.Exclude is { Count: > 0 } ex ? "without " + string.Join(", ", ex) : "with all entries")}, {c.Window.OpenElement.Symbol} is taken up " +
            $"below {Num(c.Window.ReductionLimitV, "0.###")} V (→ {Phases(c.Window.ReductionProducts)}) and released above {Num(c.Window.OxidationLimitV, "0.###")} V " +
            $"(→ {Phases(c.Window.OxidationProducts)})");
        report.AddParagraph($"The full grand-potential profile of {ProfileCompound} (the review's option of excluding phases, side by side): " +
                            string.Join("; ", sentences) + ". Hover over a step for the phases of its range.");
    }

    /// <summary>The review's four statements (seed 000 §3.2) against the computed windows; verdicts follow from the numbers.</summary>
    public static IReadOnlyList<ReviewComparison> Compare(IReadOnlyList<ElectrochemicalWindow> windows, IReadOnlyList<PropertyRecord> review)
    {
        var list = new List<ReviewComparison>();
        var bh4 = windows.Where(w => w.Compound.EndsWith("BH4", StringComparison.Ordinal)).ToArray();
        if (bh4.Length > 0)
        {
            bool near = bh4.All(w => Math.Abs(w.OxidationLimitV - 2.0) <= AgreementToleranceV);
            bool b12 = bh4.Any(w => w.OxidationProducts.Any(p => p.Entry.Composition.AmountOf("B") >= 12));
            list.Add(new ReviewComparison("[BH4]− is oxidised near 2 V vs M+/M, to [B12H12]2−", "≈ 2 V (DFT, matches LSV)",
                string.Join("; ", bh4.Select(w => $"{w.Compound}: {Num(w.OxidationLimitV, "0.###")} V → {Phases(w.OxidationProducts)}")),
                (near ? $"agrees on the potential (within {Num(AgreementToleranceV)} V)" : "disagrees on the potential") +
                (b12 ? "" : "; products differ: the data hold no M2B12H12, so [BH4]− goes to a borane and H2")));
        }
        var b12h12 = windows.Where(w => IsDodecaborateSalt(Formula.Parse(w.Compound).Composition)).ToArray();
        if (b12h12.Length == 0)
            list.Add(new ReviewComparison(B12H12Statement, B12H12Review, "no window of a M2B12H12 salt: no sourced energy for Li2B12H12 or Na2B12H12 (data/thermo/README.md)",
                "cannot be checked with these data"));
        else
        {
            bool near = b12h12.All(w => Math.Abs(w.OxidationLimitV - 3.5) <= AgreementToleranceV);
            string b9h11 = Formula.Parse("B9H11").Composition.ReducedFormula;
            bool toB9H11 = b12h12.All(w => w.OxidationProducts.Any(p => p.Entry.ReducedFormula == b9h11));
            list.Add(new ReviewComparison(B12H12Statement, B12H12Review,
                string.Join("; ", b12h12.Select(w => $"{w.Compound}: {Num(w.OxidationLimitV, "0.###")} V → {Phases(w.OxidationProducts)}")),
                (near ? $"agrees on the potential (within {Num(AgreementToleranceV)} V)" : "disagrees on the potential") +
                (toB9H11 ? "; B9H11 among the products, as the review states" : "; products differ (no B9H11 among them)")));
        }
        var li = windows.Where(w => w.OpenElement.Symbol == "Li").ToArray();
        if (li.Length > 0)
        {
            bool unstable = li.All(w => w.ReductionLimitV > 0);
            list.Add(new ReviewComparison("Li hydroborates are unstable against Li metal", "reduced at 0 V vs Li+/Li (to LiH and Li–B phases)",
                string.Join("; ", li.Select(w => $"{w.Compound} reduced below {Num(w.ReductionLimitV, "0.###")} V → {Phases(w.ReductionProducts)}")),
                unstable ? "agrees" : "disagrees"));
        }
        var na = windows.Where(w => w.OpenElement.Symbol == "Na").ToArray();
        if (na.Length > 0)
        {
            bool stable = na.All(w => w.ReductionLimitV == 0);
            list.Add(new ReviewComparison("Na hydroborates are stable against Na metal", "stable at 0 V vs Na+/Na",
                string.Join("; ", na.Select(w => w.ReductionLimitV == 0 ? $"{w.Compound} stable down to 0 V" : $"{w.Compound} reduced below {Num(w.ReductionLimitV, "0.###")} V → {Phases(w.ReductionProducts)}")),
                stable ? "agrees" : $"disagrees, by {Num(na.Max(w => w.ReductionLimitV), "0.###")} V: 298 K enthalpies put the reduction slightly above 0 V (a difference of the size of DFT–experiment errors; entropy neglected)"));
        }
        return list;
    }

    private const string B12H12Statement = "[B12H12]2− is oxidised near 3.5 V vs M+/M, to B9H11";
    private const string B12H12Review = "≈ 3.5 V (DFT); 3.45 V measured for Na2B12H12";

    // M2B12H12 (M = Li, Na): B = H and 6 B per alkali atom
    private static bool IsDodecaborateSalt(Composition c)
    {
        double b = c.AmountOf("B"), m = c.AmountOf("Li") + c.AmountOf("Na");
        return b > 0 && m > 0 && c.AmountOf("H") == b && b == 6 * m && c.Elements.Count() == 3;
    }

    private static void AddComparison(HtmlReport report, IReadOnlyList<ReviewComparison> rows) =>
        report.AddTable(new ReportTable("What the review states (§3.2) and what this dataset gives",
            ["statement", "review", "this dataset", "verdict"], rows.Select(r => (IReadOnlyList<string>)[r.Statement, r.Review, r.ThisDataset, r.Verdict]).ToArray()));

    private static void AddInterface(HtmlReport report)
    {
        var entries = BuiltinEntries.Load("na-cr-o-b-h");
        var closed = InterfaceReactivity.Compute(entries, Formula.Parse("NaBH4"), Formula.Parse("NaCrO2"));
        var open = InterfaceReactivity.Compute(entries, Formula.Parse("NaBH4"), Formula.Parse("NaCrO2"), "Na", InterfacePotentialV);
        report.AddFigure(InterfaceReactionFigure.Build([new("closed (chemical mixing)", closed), new($"open to Na at {Num(InterfacePotentialV)} V", open)]));
        report.AddParagraph(
            $"Closed system (chemical mixing): most negative reaction energy {Num(closed.MinReactionEnergyEvPerAtom, "0.###")} eV/atom" +
            (closed.MinReactionEnergyEvPerAtom > -5e-10 ? " — NaBH4 and NaCrO2 coexist with these enthalpies. " : $" at x = {Num(closed.MixingRatio, "0.###")} → {Phases(closed.Products)}. ") +
            $"Open to Na at {Num(InterfacePotentialV)} V vs Na+/Na (a charged 3 V-class cathode): {Num(open.MinReactionEnergyEvPerAtom, "0.###")} eV/atom at x = " +
            $"{Num(open.MixingRatio, "0.###")} → {Phases(open.Products)}. The review's pair, Na2B12H12 | Na0.5CrO2, needs energies of Na2B12H12 and Na0.5CrO2 " +
            "that the sourced data do not have; NaBH4 is the hydroborate they allow.");
    }

    /// <summary>The map as a heat map (electrolyte rows × cathode columns, negative = reactive) and a matrix table.</summary>
    public static void AddInterfaceMap(HtmlReport report, InterfaceReactivityMap map)
    {
        string where = map.OpenElement is { } m ? $", open to {m.Symbol} at {Num(map.PotentialV!.Value)} V" : " (closed system, chemical mixing)";
        var figure = new PlotlyFigure("Maximum interface driving force" + where, "cathode", "electrolyte")
        {
            Caption = "Colour: most negative mixing reaction energy (eV/atom); more negative = more reactive; blank = not computed.",
        };
        var rows = new List<IReadOnlyList<string>>();
        var z = new List<IReadOnlyList<double>>();
        var texts = new List<IReadOnlyList<string>>();
        for (int i = 0; i < map.Electrolytes.Count; i++)
        {
            var row = map.Pairs[i];
            z.Add(row.Select(p => p.Reactivity is { } r ? r.MinReactionEnergyEvPerAtom : double.NaN).ToArray());
            texts.Add(row.Select(p => p.Reactivity is { } r ? $"{Num(r.MinReactionEnergyEvPerAtom, "0.###")} eV/atom at x = {Num(r.MixingRatio, "0.###")} → {Phases(r.Products)}" : p.Problem ?? "").ToArray());
            rows.Add([map.Electrolytes[i], .. row.Select(p => p.Reactivity is { } r ? Num(r.MinReactionEnergyEvPerAtom, "0.###") : "–")]);
        }
        figure.AddHeatmap(new PlotlyHeatmap("reaction energy", map.Electrodes, map.Electrolytes, z)
        {
            ColorbarTitle = "eV/atom", ColorScale = "RdBu", ReverseScale = true, ZMid = 0, CellTexts = texts, // plotly's RdBu runs blue→red; reversed, reactive (negative) cells are red
        });
        report.AddFigure(figure);
        report.AddTable(new ReportTable("Most negative mixing reaction energy (eV/atom), electrolyte × cathode" + where, ["electrolyte", .. map.Electrodes], rows));
        var problems = map.Pairs.SelectMany(r => r).Where(p => p.Problem is not null).Select(p => $"{p.Electrolyte} | {p.Electrode}: {p.Problem}").ToArray();
        if (problems.Length > 0) report.AddParagraph("Not computed: " + string.Join("; ", problems));
    }

    /// <summary>Mechanical rows from the knowledge base: every compound with bulk and shear modulus records.</summary>
    public static IReadOnlyList<MechanicalRow> MechanicalRows(KnowledgeDataset knowledge)
    {
        var props = knowledge.Properties;
        double? Threshold(string metal) => props.FirstOrDefault(p => p.Compound == metal && p.Quantity == "criticalShearModulus")?.Value;
        var rows = new List<MechanicalRow>();
        foreach (var compound in props.Where(p => p.Quantity == "shearModulus").Select(p => p.Compound).Distinct())
        {
            var b = props.FirstOrDefault(p => p.Compound == compound && p.Quantity == "bulkModulus" && p.Unit == "GPa");
            var g = props.First(p => p.Compound == compound && p.Quantity == "shearModulus");
            if (g.Unit != "GPa") continue;
            var pugh = props.FirstOrDefault(p => p.Compound == compound && p.Quantity == "pughRatio");
            string bq = b?.Qualifier ?? "=", gq = g.Qualifier ?? "=";
            string? metal = knowledge.Compounds.FirstOrDefault(c => c.Formula == compound)?.CarrierIon;
            // Pugh (1954): ductile if B/G > 1.75 — computed only from values, otherwise the record's own statement
            string pughVerdict = bq == "=" && gq == "=" && b is not null
                ? $"B/G = {Num(b.Value / g.Value)} → {(b.Value / g.Value > ElasticProperties.PughThreshold ? "ductile" : "brittle")}"
                : pugh is not null ? $"B/G {pugh.Qualifier ?? "="} {Num(pugh.Value)} (review) → {(pugh.Qualifier is ">" or ">=" && pugh.Value >= ElasticProperties.PughThreshold ? "ductile" : "see record")}"
                : "no Pugh ratio";
            string dendrite = "–";
            if (metal is "Li" or "Na")
            {
                // Monroe & Newman (2005): G ≥ 2 G_metal; CRC metal moduli (DendriteCriterion) and the review's rounded values
                double required = DendriteCriterion.RequiredRatio * DendriteCriterion.DefaultMetalShearModulusGpa(metal);
                string reviewThreshold = Threshold(metal) is { } t ? $"; review: ≈ {Num(t)} GPa" : "";
                dendrite = gq switch
                {
                    "=" or "~" => (g.Value >= required ? "suppresses" : "does not suppress") + $" {metal} dendrites (needs G ≥ {Num(required)} GPa{reviewThreshold})",
                    "<=" or "<" when g.Value < required => $"does not suppress {metal} dendrites (G {gq} {Num(g.Value)} < {Num(required)} GPa)",
                    "<=" or "<" => $"undecided: G {gq} {Num(g.Value)} GPa is a bound and {metal} needs G ≥ {Num(required)} GPa{reviewThreshold}",
                    _ => $"undecided: G {gq} {Num(g.Value)} GPa",
                };
            }
            var source = g.Source is { } s ? $"{s.Seed} §{s.Section}" + (s.References.Count > 0 ? $" (ref. {string.Join(", ", s.References)})" : "") : "knowledge base";
            rows.Add(new MechanicalRow(compound, metal, b?.Value, bq, g.Value, gq, pughVerdict, dendrite, source));
        }
        return rows;
    }

    /// <summary>The knowledge-base rows as points of the G–B plot (rows with both moduli).</summary>
    public static IReadOnlyList<ModulusPoint> ModulusPoints(IReadOnlyList<MechanicalRow> rows) =>
        rows.Where(r => r.BulkGpa is not null && r.ShearGpa is not null)
            .Select(r => new ModulusPoint(r.Compound, r.BulkGpa!.Value, r.ShearGpa!.Value, r.BulkQualifier, r.ShearQualifier, r.Source)).ToArray();

    /// <summary>
    /// The mechanical table of knowledge-base rows, the sourced reference moduli (<see cref="ReferenceModuli"/>), a table of
    /// further points (e.g. given on the command line), verdicts computed from their values, and the G–B plot of all
    /// (<see cref="ModulusComparisonFigure"/>). Used by the demo and `mechanics plot`.
    /// </summary>
    public static void AddMechanics(HtmlReport report, IReadOnlyList<MechanicalRow> rows, IReadOnlyList<ModulusPoint>? extra = null)
    {
        extra ??= [];
        var reference = ReferenceModuli.Load();
        string Q(string q) => q == "=" ? "" : q + " ";
        if (rows.Count > 0)
            report.AddTable(new ReportTable(
                $"Mechanical properties from the knowledge base (Pugh: ductile if B/G > {Num(ElasticProperties.PughThreshold)}; Monroe–Newman: G ≥ 2·G_metal, " +
                $"G_Li = {Num(DendriteCriterion.LithiumShearModulusGpa)} GPa, G_Na = {Num(DendriteCriterion.SodiumShearModulusGpa)} GPa, CRC)",
                ["compound", "B (GPa)", "G (GPa)", "Pugh", "dendrites", "source"],
                rows.Select(r => (IReadOnlyList<string>)[r.Compound, r.BulkGpa is { } b ? Q(r.BulkQualifier) + Num(b) : "–", r.ShearGpa is { } g ? Q(r.ShearQualifier) + Num(g) : "–",
                    r.PughVerdict, r.DendriteVerdict, r.Source]).ToArray()));
        else
            report.AddParagraph("The knowledge base holds no shear-modulus records; the sourced reference moduli and the points given are drawn.");
        string Dendrite(double g, string metal)
        {
            // Monroe & Newman (2005): G ≥ 2 G_metal, CRC metal moduli (DendriteCriterion)
            var v = DendriteCriterion.Evaluate(g, DendriteCriterion.DefaultMetalShearModulusGpa(metal));
            return $"{(v.Suppresses ? "suppresses" : "does not suppress")} (needs ≥ {Num(v.RequiredShearModulusGpa)})";
        }
        void PointsTable(string title, IReadOnlyList<ModulusPoint> points) =>
            report.AddTable(new ReportTable(title + " (isotropic: E = 9BG/(3B + G), ν = (3B − 2G)/(2(3B + G)); verdicts from the values)",
                ["material", "B (GPa)", "G (GPa)", "E (GPa)", "ν", "Pugh", "Li dendrites", "Na dendrites", "source"],
                points.Select(p =>
                {
                    var e = ElasticProperties.FromModuli(p.BulkGpa, p.ShearGpa);
                    return (IReadOnlyList<string>)[p.Name, Q(p.BulkQualifier) + Num(p.BulkGpa), Q(p.ShearQualifier) + Num(p.ShearGpa), Num(e.YoungsModulusGpa), Num(e.PoissonRatio, "0.###"),
                        $"B/G = {Num(e.PughRatio)} → {(e.Ductile ? "ductile" : "brittle")}", Dendrite(p.ShearGpa, "Li"), Dendrite(p.ShearGpa, "Na"), p.Source ?? ""];
                }).ToArray()));
        PointsTable("Reference moduli from the literature (data/mechanics/reference-moduli.json)", reference);
        if (extra.Count > 0) PointsTable("Points given", extra);
        report.AddFigure(ModulusComparisonFigure.Build([.. ModulusPoints(rows), .. reference, .. extra]));
        report.AddParagraph("The review gives the hydroborates' moduli as bounds (B ≤ 17 GPa, G ≤ 9 GPa for MBH4, M2B10H10, M2B12H12, M = Li, Na; ref. 127), " +
                            "drawn as the region they allow: it straddles both dendrite thresholds, which is why the table cannot decide the Monroe–Newman " +
                            "criterion (the review: \"not all the shear moduli of hydroborates exceed these criteria\"). The sourced reference points place " +
                            string.Join(", ", reference.Select(p => $"{p.Name} (B {Q(p.BulkQualifier)}{Num(p.BulkGpa)}, G {Q(p.ShearQualifier)}{Num(p.ShearGpa)} GPa)")) +
                            "; the other classes of Figure 12b (NASICON, phosphate, perovskite, antiperovskite, thiophosphate) have no sourced moduli here " +
                            "(data/mechanics/README.md), so they are not drawn" + (extra.Count > 0 ? " unless given as points." : "."));
    }
}
