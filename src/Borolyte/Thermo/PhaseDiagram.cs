using Borolyte.Chemistry;

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
    private readonly Dictionary<ThermoEntry, int> _index;

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

        // Entries grouped by reduced composition (atomic fractions rounded to 1e-9).
        _groupOf = new int[n];
        var groups = new Dictionary<CompositionKey, int>();
        var members = new List<List<int>>();
        for (int i = 0; i < n; i++)
        {
            var key = new CompositionKey(_fractions[i]);
            if (!groups.TryGetValue(key, out int g))
            {
                g = members.Count;
                groups.Add(key, g);
                members.Add([]);
            }
            members[g].Add(i);
            _groupOf[i] = g;
        }
        _groups = members.Select(m => m.ToArray()).ToArray();
        _referenceEntry = new int[d];
        for (int k = 0; k < d; k++)
        {
            _referenceEntry[k] = -1;
            for (int i = 0; i < n && _referenceEntry[k] < 0; i++)
                if (_masks[i] == 1UL << k && _entries[i].EnergyPerAtomEv == _referenceEnergy[k]) _referenceEntry[k] = i;
        }
    }

    // Stability is computed on first use (all compositions at once, or one composition for a window), then cached.
    private readonly int[] _groupOf;
    private readonly int[][] _groups;
    private readonly int[] _referenceEntry; // per element: the entry that is its reference (formation energy exactly 0)
    private bool[]? _stable;
    private HashSet<string>? _stableIds;
    private volatile EntryStability[]? _analysis;
    private readonly object _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ulong Allowed, ulong Rows), Columns> _columns = new();

    private void EnsureAnalysed()
    {
        if (_analysis is not null) return;
        lock (_gate)
        {
            if (_analysis is not null) return;
            int n = _entries.Length;
            var analysis = new EntryStability[n];
            var stable = new bool[n];
            foreach (var group in _groups)
            {
                var (results, minimum, isStable) = AnalyseGroup(group);
                for (int k = 0; k < group.Length; k++) analysis[group[k]] = results[k];
                stable[minimum] = isStable;
            }
            _stable = stable;
            _stableIds = Enumerable.Range(0, n).Where(i => stable[i]).Select(i => _entries[i].Id).ToHashSet();
            _analysis = analysis;
        }
    }

    // Per reduced composition, the lowest entry is stable iff it lies strictly below the hull of all entries of other
    // compositions (one linear programme per distinct composition).
    private (EntryStability[] Results, int Minimum, bool Stable) AnalyseGroup(int[] group)
    {
        int min = group[0];
        foreach (int i in group) if (_formation[i] < _formation[min]) min = i;
        bool elemental = System.Numerics.BitOperations.PopCount(_masks[min]) == 1;
        Decomposition? others = elemental ? null : SolveHull(_fractions[min], group);
        bool stable = elemental || _formation[min] < others!.FormationEnergyEvPerAtom - StabilityToleranceEvPerAtom;
        var results = new EntryStability[group.Length];
        for (int k = 0; k < group.Length; k++)
        {
            int i = group[k];
            if (stable)
            {
                bool self = i == min;
                results[k] = new EntryStability(_entries[i], _formation[i], self ? 0 : _formation[i] - _formation[min], self,
                    [new DecompositionPhase(_entries[min], 1)]);
            }
            else
            {
                results[k] = new EntryStability(_entries[i], _formation[i], _formation[i] - others!.FormationEnergyEvPerAtom, false, others.Phases);
            }
        }
        return (results, min, stable);
    }

    public IReadOnlyList<ThermoEntry> Entries => _entries;

    /// <summary>Elements of the diagram in order of atomic number.</summary>
    public IReadOnlyList<Element> Elements => _elements;

    public IReadOnlyList<ThermoEntry> StableEntries
    {
        get
        {
            EnsureAnalysed();
            return Enumerable.Range(0, _entries.Length).Where(i => _stable![i]).Select(i => _entries[i]).ToArray();
        }
    }

    /// <summary>O(1) (after the stable set is computed on first use): is this entry (the same instance given to the constructor) on the hull?</summary>
    public bool IsStable(ThermoEntry entry)
    {
        EnsureAnalysed();
        return _index.TryGetValue(entry, out int i) ? _stable![i] : _stableIds!.Contains(entry.Id);
    }

    /// <summary>O(1) (after the stable set is computed on first use): is the entry with this id on the hull?</summary>
    public bool IsStable(string id)
    {
        EnsureAnalysed();
        return _stableIds!.Contains(id);
    }

    /// <summary>Energy per atom (eV) of the elemental reference of an element of the diagram.</summary>
    public double ReferenceEnergyPerAtomEv(Element element) => _referenceEnergy[ElementIndex(element)];

    /// <summary>Stability of every entry, in input order.</summary>
    public IReadOnlyList<EntryStability> Analyse()
    {
        EnsureAnalysed();
        return _analysis!;
    }

    /// <summary>Stability of one entry of the diagram; solves only that entry's composition if the whole diagram is not analysed yet.</summary>
    public EntryStability Analyse(ThermoEntry entry)
    {
        if (!_index.TryGetValue(entry, out int i)) throw new InvalidInputException($"entry \"{entry.Id}\" is not part of this phase diagram");
        if (_analysis is not null) return _analysis[i];
        var group = _groups[_groupOf[i]];
        return AnalyseGroup(group).Results[Array.IndexOf(group, i)];
    }

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
    public double FormationEnergyPerAtom(ThermoEntry entry) =>
        _index.TryGetValue(entry, out int i) ? _formation[i] : throw new InvalidInputException($"entry \"{entry.Id}\" is not part of this phase diagram");

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

    /// <summary>The columns of the hull programme of one subsystem: entries, their fractions of the row elements, the starting basis.</summary>
    private sealed record Columns(int[] Entries, double[] Coefficients, int[] Rows, int[] Start);

    private Columns ColumnsFor(ulong allowedMask, ulong rowMask) => _columns.GetOrAdd((allowedMask, rowMask), key =>
    {
        var rows = new List<int>();
        for (int k = 0; k < _elements.Length; k++) if ((key.Rows & (1UL << k)) != 0) rows.Add(k);
        var entries = new List<int>();
        for (int i = 0; i < _entries.Length; i++)
            if ((_masks[i] & ~key.Allowed) == 0 && (_masks[i] & key.Rows) != 0) entries.Add(i);
        int m = rows.Count;
        var a = new double[entries.Count * m];
        for (int j = 0; j < entries.Count; j++)
            for (int r = 0; r < m; r++) a[j * m + r] = _fractions[entries[j]][rows[r]];
        var start = new int[m];
        for (int r = 0; r < m; r++) start[r] = entries.IndexOf(_referenceEntry[rows[r]]);
        return new Columns(entries.ToArray(), a, rows.ToArray(), start);
    });

    /// <summary>
    /// The linear programme: minimise Σ λ_i (f_i + s·x_i,open) over the entries of the subsystem <paramref name="allowedMask"/>
    /// that contain an element of <paramref name="rowMask"/>, subject to Σ λ_i x_ik = target_k for every element k of
    /// <paramref name="rowMask"/> (an open element is left out of the rows; <paramref name="openSlope"/> = φ in eV per atom of
    /// it, seed 000 §3.2 eq. 4). Entries in <paramref name="excluded"/> are left out. Returns the objective, λ by entry and the
    /// duals (facet chemical potentials) by element.
    /// </summary>
    internal (double Objective, List<(int Entry, double Amount)> Phases, double[] Duals) SolveLinearProgramme(
        double[] target, ulong allowedMask, ulong rowMask, int openIndex = -1, double openSlope = 0, int[]? excluded = null)
    {
        var columns = ColumnsFor(allowedMask, rowMask);
        int n = columns.Entries.Length, m = columns.Rows.Length;
        var pool = System.Buffers.ArrayPool<double>.Shared;
        double[] cost = pool.Rent(n);
        try
        {
            for (int j = 0; j < n; j++)
            {
                int i = columns.Entries[j];
                cost[j] = openIndex >= 0 ? _formation[i] + openSlope * _fractions[i][openIndex] : _formation[i];
            }
            if (excluded is not null)
                foreach (int i in excluded)
                {
                    int j = Array.BinarySearch(columns.Entries, i);
                    if (j >= 0) cost[j] = double.PositiveInfinity; // never priced in
                }
            Span<double> b = stackalloc double[m];
            for (int r = 0; r < m; r++) b[r] = target[columns.Rows[r]];
            foreach (int s in columns.Start)
                if (s < 0) throw new InvalidOperationException("hull programme without an elemental reference (should not happen)");
            var lp = new HullProgramme(m);
            double objective = lp.Solve(columns.Coefficients, cost.AsSpan(0, n), n, b, columns.Start);
            var phases = new List<(int, double)>(m);
            for (int r = 0; r < m; r++)
                if (lp.BasicValues[r] > FractionTolerance) phases.Add((columns.Entries[lp.Basis[r]], lp.BasicValues[r]));
            phases.Sort((p, q) => p.Item1.CompareTo(q.Item1));
            var duals = new double[_elements.Length];
            for (int r = 0; r < m; r++) duals[columns.Rows[r]] = lp.Duals[r];
            return (objective, phases, duals);
        }
        finally { pool.Return(cost); }
    }

    private Decomposition SolveHull(double[] target, int[]? excluded)
    {
        ulong mask = MaskOf(target);
        var (objective, phases, _) = SolveLinearProgramme(target, mask, mask, excluded: excluded);
        double total = 0;
        foreach (var p in phases) total += p.Amount;
        var list = phases.OrderByDescending(p => p.Amount).Select(p => new DecompositionPhase(_entries[p.Entry], p.Amount / total)).ToArray();
        var composition = new Composition(_elements.Select((e, k) => KeyValuePair.Create(e, target[k])));
        return new Decomposition(composition, objective, list);
    }

    /// <summary>A reduced composition as atomic fractions rounded to 1e-9, for grouping polymorphs.</summary>
    private readonly struct CompositionKey : IEquatable<CompositionKey>
    {
        private readonly long[] _parts;
        private readonly int _hash;

        public CompositionKey(double[] fractions)
        {
            _parts = new long[fractions.Length];
            var h = new HashCode();
            for (int k = 0; k < fractions.Length; k++)
            {
                _parts[k] = (long)Math.Round(fractions[k] * 1e9);
                h.Add(_parts[k]);
            }
            _hash = h.ToHashCode();
        }

        public bool Equals(CompositionKey other) => _parts.AsSpan().SequenceEqual(other._parts);
        public override bool Equals(object? obj) => obj is CompositionKey k && Equals(k);
        public override int GetHashCode() => _hash;
    }
}
