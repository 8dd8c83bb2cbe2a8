using Borolyte.Chemistry;
using Borolyte.Numerics;

namespace Borolyte.Thermo;

/// <summary>
/// The compositional phase diagram (lower convex hull of formation energy per atom) of a set of entries in any number of
/// elements, computed exactly with a linear programme per composition instead of a geometric hull: the hull energy at a
/// composition x is min Σ λ_i f_i subject to Σ λ_i x_i = x, λ ≥ 0 (the LP form of the convex-hull construction; e.g.
/// Bartel, J. Mater. Sci. 57 (2022) 10475, §2). Each programme only sees the entries of the chemical subsystem of the
/// composition (entries whose elements are a subset of its elements). Membership of the stable set is O(1).
/// Conventions follow pymatgen's <c>PhaseDiagram</c>: elemental references are the lowest energy per atom of each element,
/// only the lowest entry of each reduced composition can be stable, and decompositions are fractions by atoms.
/// </summary>
public sealed class PhaseDiagram
{
    /// <summary>Tolerance (eV/atom) below which an entry must lie under the hull of the others to count as stable (pymatgen numerical_tol).</summary>
    public const double StabilityToleranceEvPerAtom = 1e-8;

    /// <summary>Fractions below this are dropped from decompositions.</summary>
    public const double FractionTolerance = 1e-10;

    private readonly ThermoEntry[] _entries;
    private readonly Element[] _elements;
    private readonly Dictionary<string, int> _elementIndex;
    private readonly double[][] _fractions; // per entry: atomic fraction of each diagram element
    private readonly double[] _formation;    // per entry: formation energy per atom (eV)
    private readonly ulong[] _masks;         // per entry: bit set of its elements
    private readonly double[] _referenceEnergy;
    private readonly bool[] _stable;
    private readonly Dictionary<ThermoEntry, int> _index;
    private readonly HashSet<string> _stableIds;
    private readonly EntryStability[] _analysis;

    public PhaseDiagram(IEnumerable<ThermoEntry> entries)
    {
        _entries = entries.ToArray();
        if (_entries.Length == 0) throw new InvalidInputException("phase diagram: no entries");
        _elements = _entries.SelectMany(e => e.Composition.Elements).Distinct().OrderBy(e => e.AtomicNumber).ToArray();
        if (_elements.Length > 64) throw new InvalidInputException($"phase diagram: {_elements.Length} elements; at most 64 are supported");
        _elementIndex = _elements.Select((e, i) => (e.Symbol, i)).ToDictionary(p => p.Symbol, p => p.i);
        int n = _entries.Length, d = _elements.Length;
        _fractions = new double[n][];
        _masks = new ulong[n];
        _index = new Dictionary<ThermoEntry, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++)
        {
            var e = _entries[i];
            if (!double.IsFinite(e.EnergyEv)) throw new InvalidInputException($"phase diagram: entry \"{e.Id}\" has no finite energy");
            _fractions[i] = new double[d];
            double atoms = e.Composition.AtomCount;
            foreach (var (el, amount) in e.Composition.Amounts)
            {
                int k = _elementIndex[el.Symbol];
                _fractions[i][k] = amount / atoms;
                _masks[i] |= 1UL << k;
            }
            _index.TryAdd(e, i);
        }

        // Elemental references: the lowest energy per atom of each element (pymatgen el_refs).
        _referenceEnergy = new double[d];
        for (int k = 0; k < d; k++)
        {
            double best = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
                if (_masks[i] == 1UL << k) best = Math.Min(best, _entries[i].EnergyPerAtomEv);
            if (double.IsPositiveInfinity(best))
                throw new InvalidInputException($"phase diagram: no entry for elemental {_elements[k].Symbol}; the hull needs one per element (missing terminal entry)");
            _referenceEnergy[k] = best;
        }
        // Formation energy per atom: E/N − Σ x_el μ_el⁰ (pymatgen PhaseDiagram.get_form_energy_per_atom).
        _formation = new double[n];
        for (int i = 0; i < n; i++)
        {
            double reference = 0;
            for (int k = 0; k < d; k++) reference += _fractions[i][k] * _referenceEnergy[k];
            _formation[i] = _entries[i].EnergyPerAtomEv - reference;
        }

        // Stable set: per reduced composition, the lowest entry is stable iff it lies strictly below the hull of all
        // entries of other compositions (one linear programme per distinct composition).
        _stable = new bool[n];
        _analysis = new EntryStability[n];
        var groups = Enumerable.Range(0, n).GroupBy(i => CompositionKey(_fractions[i])).ToArray();
        foreach (var group in groups)
        {
            int[] members = group.ToArray();
            int min = members.OrderBy(i => _formation[i]).ThenBy(i => i).First();
            var excluded = new HashSet<int>(members);
            bool elemental = System.Numerics.BitOperations.PopCount(_masks[min]) == 1;
            Decomposition? others = elemental ? null : SolveHull(_fractions[min], excluded);
            bool stable = elemental || _formation[min] < others!.FormationEnergyEvPerAtom - StabilityToleranceEvPerAtom;
            _stable[min] = stable;
            foreach (int i in members)
            {
                if (stable)
                {
                    bool self = i == min;
                    _analysis[i] = new EntryStability(_entries[i], _formation[i], self ? 0 : _formation[i] - _formation[min], self,
                        [new DecompositionPhase(_entries[min], 1)]);
                }
                else
                {
                    _analysis[i] = new EntryStability(_entries[i], _formation[i], _formation[i] - others!.FormationEnergyEvPerAtom, false, others.Phases);
                }
            }
        }
        _stableIds = Enumerable.Range(0, n).Where(i => _stable[i]).Select(i => _entries[i].Id).ToHashSet();
    }

    public IReadOnlyList<ThermoEntry> Entries => _entries;

    /// <summary>Elements of the diagram in order of atomic number.</summary>
    public IReadOnlyList<Element> Elements => _elements;

    public IReadOnlyList<ThermoEntry> StableEntries => Enumerable.Range(0, _entries.Length).Where(i => _stable[i]).Select(i => _entries[i]).ToArray();

    /// <summary>O(1): is this entry (the same instance given to the constructor) on the hull?</summary>
    public bool IsStable(ThermoEntry entry) => _index.TryGetValue(entry, out int i) ? _stable[i] : _stableIds.Contains(entry.Id);

    /// <summary>O(1): is the entry with this id on the hull?</summary>
    public bool IsStable(string id) => _stableIds.Contains(id);

    /// <summary>Energy per atom (eV) of the elemental reference of an element of the diagram.</summary>
    public double ReferenceEnergyPerAtomEv(Element element) => _referenceEnergy[ElementIndex(element)];

    /// <summary>Stability of every entry, in input order.</summary>
    public IReadOnlyList<EntryStability> Analyse() => _analysis;

    /// <summary>Stability of one entry of the diagram.</summary>
    public EntryStability Analyse(ThermoEntry entry) =>
        _index.TryGetValue(entry, out int i) ? _analysis[i] : throw new InvalidInputException($"entry \"{entry.Id}\" is not part of this phase diagram");

    /// <summary>Formation energy per atom (eV) of any composition at a given total energy (eV).</summary>
    public double FormationEnergyPerAtom(Composition composition, double energyEv)
    {
        double atoms = composition.AtomCount, reference = 0;
        foreach (var (el, amount) in composition.Amounts) reference += amount / atoms * _referenceEnergy[ElementIndex(el)];
        return energyEv / atoms - reference;
    }

    /// <summary>The equilibrium decomposition of any composition made of the diagram's elements.</summary>
    public Decomposition Decompose(Composition composition) => SolveHull(FractionsOf(composition), null);

    /// <summary>Energy above the hull (eV/atom) of a phase of this composition and total energy that need not be in the diagram.</summary>
    public double EnergyAboveHull(Composition composition, double energyEv) =>
        FormationEnergyPerAtom(composition, energyEv) - Decompose(composition).FormationEnergyEvPerAtom;

    /// <summary>Formation energy per atom (eV) of an entry of the diagram.</summary>
    public double FormationEnergyPerAtom(ThermoEntry entry) => Analyse(entry).FormationEnergyEvPerAtom;

    internal int ElementIndex(Element element) =>
        _elementIndex.TryGetValue(element.Symbol, out int k) ? k : throw new InvalidInputException($"element {element.Symbol} is not in the phase diagram (elements: {string.Join(", ", _elements.Select(e => e.Symbol))})");

    internal double[] FractionsOf(Composition composition)
    {
        if (composition.IsEmpty) throw new InvalidInputException("empty composition");
        var x = new double[_elements.Length];
        double atoms = composition.AtomCount;
        foreach (var (el, amount) in composition.Amounts) x[ElementIndex(el)] = amount / atoms;
        return x;
    }

    internal int EntryCount => _entries.Length;
    internal double[] EntryFractions(int i) => _fractions[i];
    internal double EntryFormation(int i) => _formation[i];
    internal ulong EntryMask(int i) => _masks[i];
    internal ThermoEntry Entry(int i) => _entries[i];
    internal int IndexOf(ThermoEntry e) => _index[e];

    internal static ulong MaskOf(double[] fractions)
    {
        ulong mask = 0;
        for (int k = 0; k < fractions.Length; k++) if (fractions[k] > 0) mask |= 1UL << k;
        return mask;
    }

    /// <summary>
    /// The linear programme: minimise Σ λ_i (f_i + Σ_k w_k x_ik) over the entries of the subsystem of <paramref name="target"/>,
    /// subject to Σ λ_i x_ik = target_k for every element k of <paramref name="rowMask"/>. Returns (objective, λ by entry).
    /// </summary>
    internal (double Objective, List<(int Entry, double Amount)> Phases, double[] Duals) SolveLinearProgramme(
        double[] target, ulong allowedMask, ulong rowMask, Func<int, double> cost, ISet<int>? excluded)
    {
        var columns = new List<int>();
        for (int i = 0; i < _entries.Length; i++)
            if ((_masks[i] & ~allowedMask) == 0 && (excluded is null || !excluded.Contains(i)) && (_masks[i] & rowMask) != 0)
                columns.Add(i);
        var rows = new List<int>();
        for (int k = 0; k < _elements.Length; k++) if ((rowMask & (1UL << k)) != 0) rows.Add(k);
        var a = new double[rows.Count, columns.Count];
        var c = new double[columns.Count];
        var b = new double[rows.Count];
        for (int r = 0; r < rows.Count; r++) b[r] = target[rows[r]];
        for (int j = 0; j < columns.Count; j++)
        {
            for (int r = 0; r < rows.Count; r++) a[r, j] = _fractions[columns[j]][rows[r]];
            c[j] = cost(columns[j]);
        }
        var solution = LinearProgram.Minimize(a, b, c);
        if (solution.Status != LinearProgramStatus.Optimal)
            throw new InvalidOperationException($"hull linear programme is {solution.Status} (should not happen with elemental references present)");
        var phases = new List<(int, double)>();
        for (int j = 0; j < columns.Count; j++)
            if (solution.X[j] > FractionTolerance) phases.Add((columns[j], solution.X[j]));
        var duals = new double[_elements.Length]; // chemical potentials of the facet (LP duals), by element
        for (int r = 0; r < rows.Count; r++) duals[rows[r]] = solution.Duals[r];
        return (solution.Objective, phases, duals);
    }

    private Decomposition SolveHull(double[] target, ISet<int>? excluded)
    {
        ulong mask = MaskOf(target);
        var (objective, phases, _) = SolveLinearProgramme(target, mask, mask, i => _formation[i], excluded);
        double total = phases.Sum(p => p.Amount);
        var list = phases.OrderByDescending(p => p.Amount).Select(p => new DecompositionPhase(_entries[p.Entry], p.Amount / total)).ToArray();
        var composition = new Composition(_elements.Select((e, k) => KeyValuePair.Create(e, target[k])));
        return new Decomposition(composition, objective, list);
    }

    private static string CompositionKey(double[] fractions) =>
        string.Join(",", fractions.Select(f => Math.Round(f, 9).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
