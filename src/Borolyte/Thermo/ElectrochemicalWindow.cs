using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>A range of applied potential φ (V vs M⁺/M) with constant M uptake and the equilibrium phases in it.</summary>
/// <param name="UptakePerFormulaUnit">M atoms taken up (&gt; 0, reduction) or released (&lt; 0, oxidation) per formula unit of the compound.</param>
public sealed record PotentialRange(double FromV, double ToV, double UptakePerFormulaUnit, IReadOnlyList<DecompositionPhase> Products);

/// <summary>
/// The electrochemical stability window of a compound against an open (mobile) element M: the potentials between which
/// it takes up or releases no M, the phases formed beyond each limit, and the whole profile (seed 000 §3.2;
/// Richards et al., Chem. Mater. 28 (2016) 266; Zhu, He &amp; Mo, ACS Appl. Mater. Interfaces 7 (2015) 23685).
/// </summary>
public sealed record ElectrochemicalWindow(
    string Compound,
    Element OpenElement,
    double ReductionLimitV,
    double OxidationLimitV,
    IReadOnlyList<DecompositionPhase> ReductionProducts,
    IReadOnlyList<DecompositionPhase> OxidationProducts,
    IReadOnlyList<PotentialRange> Profile,
    double EAboveHullEvPerAtom,
    bool Stabilized);

/// <summary>Options of <see cref="GrandPotentialDiagram.Window"/>.</summary>
/// <param name="Stabilize">Treat a metastable compound as if on the hull: its energy is lowered to <see cref="GrandPotentialDiagram.StabilizeMarginEvPerAtom"/> below the hull of the other phases.</param>
/// <param name="Exclude">Reduced formulas (or any formulas) of phases to leave out, e.g. neutral boranes.</param>
public sealed record WindowOptions(bool Stabilize = false, IReadOnlyList<string>? Exclude = null);

/// <summary>
/// Grand-potential phase diagrams open to one element M at chemical potential μ_M = μ_M⁰ − eφ (seed 000 §3.2, eq. 4:
/// Φ = E − μ_M n_M). At fixed amounts of the other elements, the grand-potential minimum g(φ) = min Σ λ_i (E_i − μ_M n_M,i)
/// is concave and piecewise linear in φ with slope n_M(φ); its breakpoints are the facet chemical potentials where the
/// equilibrium M content changes, found exactly (no grid) by <see cref="PiecewiseLinearBreakpoints"/>.
/// </summary>
public static class GrandPotentialDiagram
{
    /// <summary>Upper end (V vs M⁺/M) of the potential range searched; the last profile range ends here.</summary>
    public const double SearchLimitV = 20;

    /// <summary>Margin (eV/atom) below the hull of the other phases used by the "stabilize" option.</summary>
    public const double StabilizeMarginEvPerAtom = 1e-6;

    /// <summary>
    /// The window of <paramref name="compound"/> (which must be among <paramref name="entries"/>) against <paramref name="openElement"/>.
    /// </summary>
    public static ElectrochemicalWindow Window(IReadOnlyList<ThermoEntry> entries, Formula compound, string openElement, WindowOptions? options = null)
    {
        options ??= new WindowOptions();
        var open = PeriodicTable.TryGetBySymbol(openElement, out var el) ? el : throw new InvalidInputException($"unknown element \"{openElement}\" for the open element");
        var composition = compound.Composition;
        if (composition.ElementCount == 1 && composition.Contains(open.Symbol))
            throw new InvalidInputException($"{compound.Text} is the open element itself; a window needs other elements");
        var excluded = ExcludedKeys(options.Exclude);
        string compoundKey = composition.ReducedFormula;
        if (excluded.Contains(compoundKey)) throw new InvalidInputException($"--exclude removes the compound {compound.Text} itself");
        var kept = entries.Where(e => !excluded.Contains(e.ReducedFormula)).ToList();
        var matching = kept.Where(e => e.Composition.ReducedFormula == compoundKey).ToList();
        if (matching.Count == 0)
            throw new InvalidInputException($"compound {compound.Text} is not among the entries (no entry of composition {composition.ReducedFormulaByElectronegativity})");
        if (!kept.Any(e => e.Composition.ElementCount == 1 && e.Composition.Contains(open.Symbol)))
            throw new InvalidInputException($"no entry for elemental {open.Symbol}: the open element needs a reference");

        var pd = new PhaseDiagram(kept);
        var lowest = matching.OrderBy(e => e.EnergyPerAtomEv).First();
        double eAboveHull = pd.Analyse(lowest).EAboveHullEvPerAtom;
        bool stabilized = false;
        if (options.Stabilize && !pd.IsStable(lowest))
        {
            var others = kept.Where(e => e.Composition.ReducedFormula != compoundKey).ToList();
            var pdOthers = new PhaseDiagram(others);
            double hullPerAtom = pdOthers.Decompose(composition).FormationEnergyEvPerAtom;
            double referencePerAtom = lowest.EnergyPerAtomEv - pd.FormationEnergyPerAtom(lowest);
            var shifted = lowest.WithEnergyPerAtom(referencePerAtom + hullPerAtom - StabilizeMarginEvPerAtom);
            kept = others.Append(shifted).ToList();
            pd = new PhaseDiagram(kept);
            stabilized = true;
        }
        return Profile(pd, compound, open, eAboveHull, stabilized);
    }

    private static ElectrochemicalWindow Profile(PhaseDiagram pd, Formula compound, Element open, double eAboveHull, bool stabilized)
    {
        int m = pd.ElementIndex(open);
        var target = new double[pd.Elements.Count];
        foreach (var (e, amount) in compound.Composition.Amounts) target[pd.ElementIndex(e)] = amount;
        double compoundM = target[m];
        ulong rows = PhaseDiagram.MaskOf(target) & ~(1UL << m);
        ulong allowed = rows | (1UL << m);
        (double Value, double Slope, List<(int Entry, double Amount)> Phases) Evaluate(double phi)
        {
            // Φ = Σ λ_i (f_i − μ' x_iM) with μ' = μ_M − μ_M⁰ = −eφ (seed 000 §3.2, eq. 4; energies per atom relative to the elements)
            var (objective, phases, _) = pd.SolveLinearProgramme(target, allowed, rows, m, phi);
            double nM = phases.Sum(p => p.Amount * pd.EntryFractions(p.Entry)[m]);
            return (objective, nM, phases);
        }
        var breaks = PiecewiseLinearBreakpoints.OfConcave(phi => { var r = Evaluate(phi); return (r.Value, r.Slope); }, 0, SearchLimitV);
        var edges = new List<double> { 0 };
        edges.AddRange(breaks.Where(b => b > 1e-9 && b < SearchLimitV - 1e-9));
        edges.Add(SearchLimitV);
        var profile = new List<PotentialRange>();
        for (int k = 0; k + 1 < edges.Count; k++)
        {
            var r = Evaluate((edges[k] + edges[k + 1]) / 2);
            double uptake = r.Slope - compoundM;
            if (Math.Abs(uptake) < 1e-9) uptake = 0;
            var products = ToPhases(pd, r.Phases);
            if (profile.Count > 0 && Math.Abs(profile[^1].UptakePerFormulaUnit - uptake) < 1e-9 && SameEntries(profile[^1].Products, products))
                profile[^1] = profile[^1] with { ToV = edges[k + 1] };
            else
                profile.Add(new PotentialRange(edges[k], edges[k + 1], uptake, products));
        }
        int lastReduced = profile.FindLastIndex(p => p.UptakePerFormulaUnit > 0);
        int firstOxidised = profile.FindIndex(p => p.UptakePerFormulaUnit < 0);
        double reduction = lastReduced >= 0 ? profile[lastReduced].ToV : 0;
        double oxidation = firstOxidised >= 0 ? profile[firstOxidised].FromV : SearchLimitV;
        return new ElectrochemicalWindow(
            compound.Text, open, reduction, oxidation,
            lastReduced >= 0 ? profile[lastReduced].Products : [],
            firstOxidised >= 0 ? profile[firstOxidised].Products : [],
            profile, eAboveHull, stabilized);
    }

    internal static IReadOnlyList<DecompositionPhase> ToPhases(PhaseDiagram pd, List<(int Entry, double Amount)> phases)
    {
        double total = phases.Sum(p => p.Amount);
        return phases.OrderByDescending(p => p.Amount).Select(p => new DecompositionPhase(pd.Entry(p.Entry), p.Amount / total)).ToArray();
    }

    private static bool SameEntries(IReadOnlyList<DecompositionPhase> a, IReadOnlyList<DecompositionPhase> b) =>
        a.Select(p => p.Entry.Id).OrderBy(s => s).SequenceEqual(b.Select(p => p.Entry.Id).OrderBy(s => s));

    internal static HashSet<string> ExcludedKeys(IReadOnlyList<string>? exclude)
    {
        var keys = new HashSet<string>();
        foreach (var f in exclude ?? [])
            if (f.Trim().Length > 0) keys.Add(Formula.Parse(f.Trim()).Composition.ReducedFormula);
        return keys;
    }
}
