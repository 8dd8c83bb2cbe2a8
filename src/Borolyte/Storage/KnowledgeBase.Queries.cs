using System.Text.Json;
using Borolyte.Knowledge;
using Borolyte.Knowledge.Units;
using Borolyte.Transport;
using Microsoft.Data.Sqlite;

namespace Borolyte.Storage;

public sealed partial class KnowledgeBase
{
    public KnowledgeCounts Counts() => new(
        Count("\"references\""), Count("anions"), Count("compounds"), Count("properties"), Count("cells"));

    private int Count(string table) => Convert.ToInt32(Scalar($"SELECT count(*) FROM {table}"));

    /// <summary>Every record, in insertion order, in the seed format: export → import into a fresh database → export is identical.</summary>
    public KnowledgeDataset Export() => new()
    {
        References = ReadReferences(),
        Anions = ReadAnions(),
        Compounds = ReadCompounds(null),
        Properties = ReadProperties(null).Select(v => v.Record).ToList(),
        Cells = ReadCells(null),
    };

    /// <summary>Compounds matching <paramref name="filter"/>, in insertion order. See <see cref="CompoundFilter"/> for the conductivity rule.</summary>
    public IReadOnlyList<CompoundSummary> ListCompounds(CompoundFilter? filter = null)
    {
        filter ??= CompoundFilter.None;
        var compounds = ReadCompounds(null);
        var counts = new Dictionary<string, int>();
        using (var cmd = Command("SELECT c.formula, count(p.id) FROM compounds c LEFT JOIN properties p ON p.compound_id = c.id GROUP BY c.id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) counts[r.GetString(0)] = r.GetInt32(1);
        var result = new List<CompoundSummary>();
        foreach (var c in compounds)
        {
            if (filter.CarrierIon is { } ion && !string.Equals(c.CarrierIon, ion.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            if (filter.AnionFormula is { } anion && !c.Anions.Any(a => SameFormula(a.Formula, anion))) continue;
            var estimate = ConductivityAtTemperature.EstimateWithBound(ConductivityPoints(c.Formula), filter.TemperatureC);
            var sigma = estimate?.ConductivitySPerCm;
            if (filter.MinConductivitySPerCm is { } min && !(sigma >= min)) continue;
            result.Add(new CompoundSummary(c, counts.GetValueOrDefault(c.Formula), sigma, filter.TemperatureC)
            {
                ConductivityIsLowerBound = estimate?.IsLowerBound ?? false,
            });
        }
        return result;
    }

    /// <summary>
    /// Finds a compound by formula (exact), then alias or name (case-insensitive), then formula ignoring whitespace.
    /// Unknown → <see cref="InvalidInputException"/> listing up to 5 close matches.
    /// </summary>
    public CompoundDetails ShowCompound(string nameOrFormula)
    {
        var compound = FindCompound(nameOrFormula);
        var properties = ReadProperties(compound.Id);
        var cells = ReadCells(compound.Formula);
        return new CompoundDetails(compound, properties, cells);
    }

    public Compound FindCompound(string nameOrFormula)
    {
        var query = nameOrFormula.Trim();
        var all = ReadCompounds(null);
        var match = all.FirstOrDefault(c => c.Formula == query)
            ?? all.FirstOrDefault(c => c.Aliases.Any(a => string.Equals(a, query, StringComparison.OrdinalIgnoreCase)))
            ?? all.FirstOrDefault(c => string.Equals(c.Name, query, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(c => SameFormula(c.Formula, query));
        return match ?? throw new InvalidInputException($"no compound '{nameOrFormula}' in the knowledge base{SuggestionSuffix(nameOrFormula)}");
    }

    /// <summary>"; did you mean: A, B, C?" (up to 5 close formulas, names or aliases), or "" when nothing is close.</summary>
    private string SuggestionSuffix(string query)
    {
        var candidates = ReadCompounds(null)
            .SelectMany(c => new[] { c.Formula, c.Name }.Concat(c.Aliases).Where(n => !string.IsNullOrEmpty(n)).Select(n => (Name: n!, c.Formula)))
            .Select(x => (x.Name, Distance: CloseMatches.Distance(query, x.Name)))
            .Where(x => x.Distance <= Math.Max(3, query.Length / 2))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).Distinct().Take(5).ToList();
        return candidates.Count == 0 ? "; `materials list` shows all compounds" : $"; did you mean: {string.Join(", ", candidates)}?";
    }

    private static bool SameFormula(string a, string b) =>
        string.Equals(string.Concat(a.Where(ch => !char.IsWhiteSpace(ch))), string.Concat(b.Where(ch => !char.IsWhiteSpace(ch))), StringComparison.Ordinal);

    /// <summary>The compound's ionic-conductivity records with a temperature, as (T in K, σ in S/cm, source), sorted by temperature.</summary>
    public IReadOnlyList<ConductivityPoint> ConductivitySeries(string nameOrFormula) => ConductivityPoints(FindCompound(nameOrFormula).Formula);

    /// <summary>Every compound that has at least one σ(T) point, with its points (for Arrhenius plots of the whole base).</summary>
    public IReadOnlyList<(Compound Compound, IReadOnlyList<ConductivityPoint> Points)> ConductivitySeriesAll() =>
        ReadCompounds(null).Select(c => (c, ConductivityPoints(c.Formula))).Where(x => x.Item2.Count > 0).ToList();

    /// <summary>
    /// Arrhenius lines the records support: a compound with a point conductivity at a stated temperature (qualifier = or
    /// none) and a point activation energy. The line is σ(T) through that point with that Eₐ (review §2.1); it is an
    /// extrapolation of two published numbers, not a fit, and is labelled as such wherever it is drawn.
    /// </summary>
    public IReadOnlyList<(Compound Compound, ArrheniusConductivity Model, string Source)> ArrheniusModels()
    {
        var models = new List<(Compound, ArrheniusConductivity, string)>();
        foreach (var compound in ReadCompounds(null))
        {
            var sigma = ReadProperties(null, compound.Formula, "ionicConductivity")
                .FirstOrDefault(v => v.Record.TemperatureC is not null && v.Record.Qualifier is null or "=" && v.Record.Value > 0);
            var ea = ReadProperties(null, compound.Formula, "activationEnergy")
                .FirstOrDefault(v => v.Record.Qualifier is null or "=" && v.Record.Value >= 0);
            if (sigma is null || ea is null) continue;
            var model = ArrheniusConductivity.FromConventional(sigma.Record.Value, sigma.Record.TemperatureC!.Value, ea.Record.Value);
            models.Add((compound, model, sigma.ReferenceText == ea.ReferenceText ? sigma.ReferenceText : $"{sigma.ReferenceText}; Eₐ: {ea.ReferenceText}"));
        }
        return models;
    }

    /// <summary>
    /// Points used by plots and the conductivity filter: ionicConductivity records with a temperature and a point value
    /// (qualifier =, ~ or none) or a lower bound (&gt;, &gt;=, which can only make the filter conservative); upper bounds are left out.
    /// </summary>
    private IReadOnlyList<ConductivityPoint> ConductivityPoints(string formula)
    {
        var points = new List<ConductivityPoint>();
        foreach (var v in ReadProperties(null, formula, "ionicConductivity"))
        {
            var p = v.Record;
            if (p.TemperatureC is not { } t || p.Qualifier is "<" or "<=") continue;
            points.Add(new ConductivityPoint(t + PhysicalConstants.ZeroCelsiusK, p.Value, v.ReferenceText)
            {
                PropertyId = p.Id, Qualifier = p.Qualifier, Phase = p.Phase,
            });
        }
        return points.OrderBy(p => p.TemperatureK).ToList();
    }

    // ---------------------------------------------------------------- readers

    private List<Reference> ReadReferences()
    {
        var list = new List<Reference>();
        using var cmd = Command("SELECT seed, number, citation, doi FROM \"references\" ORDER BY rowid");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new Reference { Seed = r.GetString(0), Number = r.GetInt32(1), Citation = Str(r, 2), Doi = Str(r, 3) });
        return list;
    }

    private List<Anion> ReadAnions()
    {
        var list = new List<Anion>();
        using var cmd = Command("SELECT id, formula, name, charge, class, vertices FROM anions ORDER BY rowid");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new Anion
            {
                Id = r.GetString(0), Formula = r.GetString(1), Name = Str(r, 2), Charge = r.GetInt32(3), ClusterClass = Str(r, 4),
                Vertices = r.IsDBNull(5) ? null : r.GetInt32(5),
            });
        return list;
    }

    private List<Compound> ReadCompounds(string? id)
    {
        var anions = new Dictionary<string, List<AnionFraction>>();
        using (var cmd = Command("SELECT compound_id, anion_formula, fraction FROM compound_anions ORDER BY compound_id, position"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                Bucket(anions, r.GetString(0)).Add(new AnionFraction { Formula = r.GetString(1), Fraction = Dbl(r, 2) });
        var aliases = new Dictionary<string, List<string>>();
        using (var cmd = Command("SELECT compound_id, alias FROM compound_aliases ORDER BY compound_id, position"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                Bucket(aliases, r.GetString(0)).Add(r.GetString(1));

        var list = new List<Compound>();
        using (var cmd = Command("""
            SELECT id, formula, name, carrier_ion, conducting_phase_structure, density_g_per_cm3, category FROM compounds
            WHERE $id IS NULL OR id = $id ORDER BY rowid
            """, null, ("$id", id)))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var cid = r.GetString(0);
                list.Add(new Compound
                {
                    Id = cid, Formula = r.GetString(1), Name = Str(r, 2), CarrierIon = Str(r, 3), ConductingPhaseStructure = Str(r, 4),
                    DensityGPerCm3 = Dbl(r, 5), Category = Str(r, 6),
                    Aliases = aliases.GetValueOrDefault(cid) ?? [], Anions = anions.GetValueOrDefault(cid) ?? [],
                });
            }
        return list;
    }

    private List<PropertyView> ReadProperties(string? compoundId, string? compoundFormula = null, string? quantity = null)
    {
        var list = new List<PropertyView>();
        using var cmd = Command("""
            SELECT p.id, c.formula, p.quantity, p.value, p.unit, p.temperature_c, p.phase, p.method, p.qualifier, p.note,
                   p.source_seed, p.source_section, p.source_references, p.source_quote, p.source_doi, p.value_si, p.unit_si,
                   (SELECT r.doi FROM "references" r WHERE r.seed = p.source_seed AND r.number = json_extract(p.source_references, '$[0]'))
            FROM properties p JOIN compounds c ON c.id = p.compound_id
            WHERE ($cid IS NULL OR p.compound_id = $cid) AND ($cf IS NULL OR c.formula = $cf) AND ($q IS NULL OR p.quantity = $q)
            ORDER BY p.rowid
            """, null, ("$cid", compoundId), ("$cf", compoundFormula), ("$q", quantity));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var source = ReadSource(r, 10);
            var record = new PropertyRecord
            {
                Id = r.GetString(0), Compound = r.GetString(1), Quantity = r.GetString(2), Value = r.GetDouble(3), Unit = r.GetString(4),
                TemperatureC = Dbl(r, 5), Phase = Str(r, 6), Method = Str(r, 7), Qualifier = Str(r, 8), Note = Str(r, 9), Source = source,
            };
            list.Add(new PropertyView(record, ResolveDoi(source, Str(r, 17)), source.Describe(), r.GetDouble(15), r.GetString(16)));
        }
        return list;
    }

    /// <summary>The record's own DOI (user records), else the first cited reference's DOI, else the seed's DOI when nothing is cited.</summary>
    private static string? ResolveDoi(SourceCitation source, string? firstReferenceDoi) =>
        source.Doi ?? (source.References.Count > 0 ? firstReferenceDoi : SeedDocuments.DoiOf(source.Seed));

    private List<PublishedCell> ReadCells(string? usingFormula)
    {
        var list = new List<PublishedCell>();
        using var cmd = Command("""
            SELECT id, cathode, electrolyte, anode, cathode_composition, cathode_loading_mg_per_cm2, temperature_c, stack_pressure_mpa,
                   c_rate, current_density_ma_per_cm2, voltage_low_v, voltage_high_v, capacity_mah_per_g, coulombic_efficiency,
                   retention, retention_cycles, note, source_seed, source_section, source_references, source_quote, source_doi
            FROM cells WHERE $f IS NULL OR cathode = $f OR electrolyte = $f OR anode = $f ORDER BY rowid
            """, null, ("$f", usingFormula));
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new PublishedCell
            {
                Id = r.GetString(0), Cathode = Str(r, 1), Electrolyte = Str(r, 2), Anode = Str(r, 3), CathodeComposition = Str(r, 4),
                CathodeLoadingMgPerCm2 = Dbl(r, 5), TemperatureC = Dbl(r, 6), StackPressureMPa = Dbl(r, 7), CRate = Dbl(r, 8),
                CurrentDensityMAPerCm2 = Dbl(r, 9), VoltageLowV = Dbl(r, 10), VoltageHighV = Dbl(r, 11), CapacityMAhPerG = Dbl(r, 12),
                CoulombicEfficiency = Dbl(r, 13), Retention = Dbl(r, 14), RetentionCycles = r.IsDBNull(15) ? null : r.GetInt32(15),
                Note = Str(r, 16), Source = ReadSource(r, 17),
            });
        return list;
    }

    private static SourceCitation ReadSource(SqliteDataReader r, int first) => new()
    {
        Seed = r.GetString(first), Section = Str(r, first + 1),
        References = JsonSerializer.Deserialize<List<int>>(r.GetString(first + 2)) ?? [],
        Quote = Str(r, first + 3), Doi = Str(r, first + 4),
    };

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static double? Dbl(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static List<T> Bucket<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }
}
