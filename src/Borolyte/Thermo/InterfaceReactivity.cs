using Borolyte.Chemistry;

namespace Borolyte.Thermo;

/// <summary>A kink of the mixing reaction energy: the mixing ratio (atomic fraction of reactant A), the energy and the products.</summary>
public sealed record ReactionKink(double MixingRatio, double ReactionEnergyEvPerAtom, IReadOnlyList<DecompositionPhase> Products);

/// <summary>
/// Pseudo-binary reactivity of two materials A and B (electrolyte | electrode), optionally open to an element at a potential:
/// ΔE(x) = E_hull(x·A + (1−x)·B) − x·E_A − (1−x)·E_B per atom (Richards et al., Chem. Mater. 28 (2016) 266, eq. 3;
/// Zhu, He &amp; Mo, ACS Appl. Mater. Interfaces 7 (2015) 23685; seed 000 §3.2). ΔE is convex and piecewise linear in x;
/// its kinks are found exactly. Open to M, energies are grand potentials per atom of the other elements and x is converted
/// back to the atomic fraction of A in the original compositions (pymatgen <c>GrandPotentialInterfacialReactivity</c>).
/// </summary>
public sealed record InterfaceReactivity(
    string A,
    string B,
    double MinReactionEnergyEvPerAtom,
    double MixingRatio,
    IReadOnlyList<DecompositionPhase> Products,
    IReadOnlyList<ReactionKink> Kinks,
    Element? OpenElement,
    double? PotentialV)
{
    /// <summary>
    /// Reactivity of A with B among <paramref name="entries"/>. Without an open element, reactant energies are those of the
    /// lowest entry of each composition (both must be among the entries, like pymatgen with use_hull_energy=False); open to
    /// <paramref name="openElement"/> at <paramref name="potentialV"/> (V vs M⁺/M), they are grand-potential hull energies.
    /// </summary>
    public static InterfaceReactivity Compute(IReadOnlyList<ThermoEntry> entries, Formula a, Formula b, string? openElement = null, double potentialV = 0) =>
        Compute(new PhaseDiagram(entries), a, b, openElement, potentialV);

    /// <summary>As above on an existing phase diagram (reused across pairs, e.g. by <see cref="InterfaceReactivityMap"/>; thread-safe).</summary>
    public static InterfaceReactivity Compute(PhaseDiagram pd, Formula a, Formula b, string? openElement = null, double potentialV = 0)
    {
        int d = pd.Elements.Count;
        int m = -1;
        Element? open = null;
        if (openElement is not null)
        {
            open = PeriodicTable.TryGetBySymbol(openElement, out var el) ? el : throw new InvalidInputException($"unknown element \"{openElement}\" for the open element");
            m = pd.ElementIndex(open);
            if (!double.IsFinite(potentialV)) throw new InvalidInputException("--potential-v must be a finite number");
        }
        double[] Fractions(Formula f, string name)
        {
            var x = pd.FractionsOf(f.Composition);
            if (m >= 0)
            {
                x[m] = 0;
                double s = x.Sum();
                if (s <= 0) throw new InvalidInputException($"{name} {f.Text} contains only the open element {open!.Symbol}");
                for (int k = 0; k < d; k++) x[k] /= s;
            }
            return x;
        }
        var xa = Fractions(a, "--a");
        var xb = Fractions(b, "--b");
        ulong rows = PhaseDiagram.MaskOf(xa) | PhaseDiagram.MaskOf(xb);
        ulong allowed = m >= 0 ? rows | (1UL << m) : rows;
        double phi = potentialV;
        (double Value, double Slope, List<(int Entry, double Amount)> Phases) Hull(double x)
        {
            var y = new double[d];
            for (int k = 0; k < d; k++) y[k] = x * xa[k] + (1 - x) * xb[k];
            // Grand potential per non-open atom: f_i − μ' x_iM with μ' = −eφ (seed 000 §3.2, eq. 4)
            var (objective, phases, duals) = pd.SolveLinearProgramme(y, allowed, rows, m, phi);
            // slope dE_hull/dx = Σ_k μ_k (xa_k − xb_k), the facet chemical potentials (LP duals) along the tie line
            double slope = 0;
            for (int k = 0; k < d; k++) slope += duals[k] * (xa[k] - xb[k]);
            return (objective, slope, phases);
        }

        double ea, eb;
        if (m < 0)
        {
            ea = ReactantEnergy(pd, a);
            eb = ReactantEnergy(pd, b);
        }
        else
        {
            ea = Hull(1).Value;
            eb = Hull(0).Value;
        }
        var breaks = PiecewiseLinearBreakpoints.OfConvex(x => { var h = Hull(x); return (h.Value, h.Slope); }, 0, 1);
        var xs = new List<double> { 0 };
        xs.AddRange(breaks.Where(x => x > 1e-9 && x < 1 - 1e-9));
        xs.Add(1);
        // Atomic-fraction conversion back to the original compositions when M is open (pymatgen InterfacialReactivity._convert).
        double fa = m >= 0 ? 1 - pd.FractionsOf(a.Composition)[m] : 1, fb = m >= 0 ? 1 - pd.FractionsOf(b.Composition)[m] : 1;
        var kinks = new List<ReactionKink>();
        foreach (double x in xs)
        {
            var h = Hull(x);
            double energy = h.Value - x * ea - (1 - x) * eb;
            double ratio = x * fb / (x * fb + (1 - x) * fa);
            kinks.Add(new ReactionKink(ratio, energy, GrandPotentialDiagram.ToPhases(pd, h.Phases)));
        }
        var min = kinks.MinBy(k => k.ReactionEnergyEvPerAtom)!;
        return new InterfaceReactivity(a.Text, b.Text, min.ReactionEnergyEvPerAtom, min.MixingRatio, min.Products, kinks, open, open is null ? null : potentialV);
    }

    private static double ReactantEnergy(PhaseDiagram pd, Formula f)
    {
        string key = f.Composition.ReducedFormula;
        var matches = pd.Entries.Where(e => e.ReducedFormula == key).ToList();
        if (matches.Count == 0)
            throw new InvalidInputException($"{f.Text} is not among the entries (no entry of composition {f.Composition.ReducedFormulaByElectronegativity})");
        return matches.Min(e => pd.FormationEnergyPerAtom(e));
    }
}
