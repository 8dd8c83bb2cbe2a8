using Borolyte.Chemistry;
using Borolyte.Numerics;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

/// <summary>
/// The revised simplex behind <see cref="PhaseDiagram"/> against the independent dense two-phase simplex
/// (<see cref="LinearProgram"/>) on degenerate systems: compositions on a coarse grid, so many lie exactly on tie lines
/// and facets of the others (degenerate pivots), plus exact duplicates and polymorphs.
/// </summary>
public class HullProgrammeTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(3, 4)]
    public void HullEnergiesMatchDenseSimplexOnGridCompositions(int seed, int elementCount)
    {
        string[] symbols = ["Li", "B", "H", "O"];
        var elements = symbols.Take(elementCount).ToArray();
        var rng = new Random(seed);
        var entries = new List<ThermoEntry>();
        foreach (var el in elements) entries.Add(new ThermoEntry($"{el}-ref", Formula.Parse(el).Composition, -2.0 * entries.Count - 1));
        int id = 0;
        // every composition with amounts 0..3 of each element (at least two elements), energy random; some twice
        var amounts = new int[elementCount];
        void Add()
        {
            if (amounts.Count(a => a > 0) < 2) return;
            var c = Composition.FromDictionary(elements.Select((e, k) => (e, k)).Where(p => amounts[p.k] > 0).ToDictionary(p => p.e, p => (double)amounts[p.k]));
            double refs = elements.Select((e, k) => amounts[k] * entries[k].EnergyPerAtomEv).Sum();
            // formation energies on a 0.05 eV grid: ties and coplanar points happen
            double f = -0.05 * rng.Next(0, 12);
            entries.Add(new ThermoEntry($"e{id++}", c, refs + f * c.AtomCount));
            if (rng.NextDouble() < 0.1) entries.Add(new ThermoEntry($"e{id++}", c, refs + f * c.AtomCount)); // exact duplicate
        }
        void Loop(int k)
        {
            if (k == elementCount) { Add(); return; }
            for (int a = 0; a <= 3; a++) { amounts[k] = a; Loop(k + 1); }
        }
        Loop(0);

        var pd = new PhaseDiagram(entries);
        var analysis = pd.Analyse().ToDictionary(r => r.Entry.Id);
        foreach (var e in entries)
        {
            double reference = DenseHullEnergy(entries, e.Composition, elements);
            var decomposition = pd.Decompose(e.Composition);
            Assert.Equal(reference, decomposition.FormationEnergyEvPerAtom, 1e-10);
            Assert.Equal(1.0, decomposition.Phases.Sum(p => p.Fraction), 1e-12);
            // the decomposition reproduces the composition and the energy
            foreach (var el in e.Composition.Elements)
            {
                double x = decomposition.Phases.Sum(p => p.Fraction * p.Entry.Composition.AmountOf(el.Symbol) / p.Entry.AtomCount);
                Assert.Equal(e.Composition.AmountOf(el.Symbol) / e.AtomCount, x, 1e-10);
            }
            var r = analysis[e.Id];
            Assert.Equal(Math.Max(0, r.FormationEnergyEvPerAtom - reference), r.EAboveHullEvPerAtom, 1e-8);
        }
    }

    // min Σ λ_i f_i, Σ λ_i x_i = x over the entries of x's subsystem, with the dense two-phase simplex.
    private static double DenseHullEnergy(List<ThermoEntry> entries, Composition target, string[] elements)
    {
        var rows = elements.Where(target.Contains).ToArray();
        var refs = elements.ToDictionary(e => e, e => entries.Where(x => x.Composition.ElementCount == 1 && x.Composition.Contains(e)).Min(x => x.EnergyPerAtomEv));
        var columns = entries.Where(x => x.Composition.Elements.All(el => rows.Contains(el.Symbol))).ToList();
        var a = new double[rows.Length, columns.Count];
        var c = new double[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var comp = columns[j].Composition;
            c[j] = columns[j].EnergyPerAtomEv - comp.Amounts.Sum(p => p.Value / comp.AtomCount * refs[p.Key.Symbol]);
            for (int r = 0; r < rows.Length; r++) a[r, j] = comp.AmountOf(rows[r]) / comp.AtomCount;
        }
        var b = rows.Select(el => target.AmountOf(el) / target.AtomCount).ToArray();
        var s = LinearProgram.Minimize(a, b, c);
        Assert.Equal(LinearProgramStatus.Optimal, s.Status);
        return s.Objective;
    }
}
