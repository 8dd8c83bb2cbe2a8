using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Borolyte.Knowledge;
using Borolyte.Knowledge.Units;
using Microsoft.Data.Sqlite;

namespace Borolyte.Storage;

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// Validates the whole dataset first (units, vocabularies, links to compounds here or in the database), then
    /// upserts every record by stable id in ONE transaction: a bad record means nothing is written.
    /// </summary>
    public ImportSummary Import(KnowledgeDataset dataset, string sourceName = "dataset", Func<string, int, string>? locate = null)
    {
        var d = KnowledgeNormalisation.Normalise(dataset);
        locate ??= (kind, i) => $"{kind}[{i}]";
        RecordValidator.Validate(d, sourceName, KnownCompoundFormulas(), locate);
        CheckIdentityConflicts(d, sourceName, locate);
        using var tx = _connection.BeginTransaction();
        Upsert(d, tx);
        RebuildSearchIndex(tx);
        tx.Commit();
        return new ImportSummary(d.References.Count, d.Anions.Count, d.Compounds.Count, d.Properties.Count, d.Cells.Count);
    }

    /// <summary>Imports a file read by <see cref="KnowledgeFile.Read"/>; errors name the file and the record (index or CSV line).</summary>
    public ImportSummary Import(KnowledgeFile file) => Import(file.Dataset, file.Path, file.Locate);

    /// <summary>Adds a new compound (validated; its formula must not exist yet).</summary>
    public Compound AddCompound(Compound compound)
    {
        var c = KnowledgeNormalisation.Normalise(new KnowledgeDataset { Compounds = [compound] }).Compounds[0];
        if (string.IsNullOrWhiteSpace(c.Id)) c = c with { Id = Compound.IdFor(c.Formula) };
        if (RecordValidator.Check(c) is { } problem) throw new InvalidInputException(problem);
        if (Scalar("SELECT id FROM compounds WHERE formula = $f OR id = $id", null, ("$f", c.Formula), ("$id", c.Id)) is string existing)
            throw new InvalidInputException($"compound {c.Formula} already exists (id {existing}); use `materials show {c.Formula}` or import a file to update it");
        using var tx = _connection.BeginTransaction();
        UpsertCompound(c, tx);
        RebuildSearchIndex(tx);
        tx.Commit();
        return c;
    }

    /// <summary>
    /// Adds a property record (validated; its compound must exist). Without an id, a stable one is derived from the
    /// content (`prop-user-&lt;hash&gt;`), so adding the same record twice replaces it instead of duplicating it.
    /// </summary>
    public PropertyRecord AddProperty(PropertyRecord property)
    {
        var p = KnowledgeNormalisation.Normalise(new KnowledgeDataset { Properties = [property] }).Properties[0];
        if (string.IsNullOrWhiteSpace(p.Id)) p = p with { Id = ContentId(p) };
        if (RecordValidator.Check(p) is { } problem) throw new InvalidInputException(problem);
        if (Scalar("SELECT id FROM compounds WHERE formula = $f", null, ("$f", p.Compound)) is null)
            throw new InvalidInputException($"property {p.Id}: unknown compound '{p.Compound}'; add it first with `materials add --formula {p.Compound} --carrier ...`{SuggestionSuffix(p.Compound)}");
        using var tx = _connection.BeginTransaction();
        UpsertProperty(p, tx);
        RebuildSearchIndex(tx);
        tx.Commit();
        return p;
    }

    private static string ContentId(PropertyRecord p)
    {
        var key = JsonSerializer.Serialize(p with { Id = "" }, KnowledgeJson.Options);
        return "prop-user-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
    }

    private IReadOnlySet<string> KnownCompoundFormulas()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT formula FROM compounds");
        using var r = cmd.ExecuteReader();
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    /// <summary>A record whose formula is already stored under another id would violate UNIQUE(formula): report it before writing.</summary>
    private void CheckIdentityConflicts(KnowledgeDataset d, string sourceName, Func<string, int, string> locate)
    {
        for (int i = 0; i < d.Compounds.Count; i++)
        {
            var c = d.Compounds[i];
            if (Scalar("SELECT id FROM compounds WHERE formula = $f AND id <> $id", null, ("$f", c.Formula), ("$id", c.Id)) is string other)
                throw new InvalidInputException($"{sourceName}: {locate("compounds", i)}: compound {c.Id}: formula '{c.Formula}' is already stored with id '{other}'; use that id");
        }
        for (int i = 0; i < d.Anions.Count; i++)
        {
            var a = d.Anions[i];
            if (Scalar("SELECT id FROM anions WHERE formula = $f AND id <> $id", null, ("$f", a.Formula), ("$id", a.Id)) is string other)
                throw new InvalidInputException($"{sourceName}: {locate("anions", i)}: anion {a.Id}: formula '{a.Formula}' is already stored with id '{other}'; use that id");
        }
    }

    private void Upsert(KnowledgeDataset d, SqliteTransaction tx)
    {
        foreach (var r in d.References)
            Execute("""
                INSERT INTO "references" (seed, number, citation, doi) VALUES ($s, $n, $c, $d)
                ON CONFLICT(seed, number) DO UPDATE SET citation = excluded.citation, doi = excluded.doi
                """, tx, ("$s", r.Seed), ("$n", r.Number), ("$c", r.Citation), ("$d", r.Doi));
        foreach (var a in d.Anions)
            Execute("""
                INSERT INTO anions (id, formula, name, charge, class, vertices) VALUES ($id, $f, $n, $q, $c, $v)
                ON CONFLICT(id) DO UPDATE SET formula = excluded.formula, name = excluded.name, charge = excluded.charge,
                    class = excluded.class, vertices = excluded.vertices
                """, tx, ("$id", a.Id), ("$f", a.Formula), ("$n", a.Name), ("$q", a.Charge), ("$c", a.ClusterClass), ("$v", a.Vertices));
        foreach (var c in d.Compounds) UpsertCompound(c, tx);
        foreach (var p in d.Properties) UpsertProperty(p, tx);
        foreach (var c in d.Cells) UpsertCell(c, tx);
    }

    private void UpsertCompound(Compound c, SqliteTransaction tx)
    {
        Execute("""
            INSERT INTO compounds (id, formula, name, carrier_ion, conducting_phase_structure, density_g_per_cm3, category)
            VALUES ($id, $f, $n, $ci, $s, $d, $cat)
            ON CONFLICT(id) DO UPDATE SET formula = excluded.formula, name = excluded.name, carrier_ion = excluded.carrier_ion,
                conducting_phase_structure = excluded.conducting_phase_structure, density_g_per_cm3 = excluded.density_g_per_cm3,
                category = excluded.category
            """, tx, ("$id", c.Id), ("$f", c.Formula), ("$n", c.Name), ("$ci", c.CarrierIon), ("$s", c.ConductingPhaseStructure),
            ("$d", c.DensityGPerCm3), ("$cat", c.Category));
        Execute("DELETE FROM compound_anions WHERE compound_id = $id", tx, ("$id", c.Id));
        Execute("DELETE FROM compound_aliases WHERE compound_id = $id", tx, ("$id", c.Id));
        for (int i = 0; i < c.Anions.Count; i++)
            Execute("INSERT INTO compound_anions (compound_id, position, anion_formula, fraction) VALUES ($id, $p, $f, $x)", tx,
                ("$id", c.Id), ("$p", i), ("$f", c.Anions[i].Formula), ("$x", c.Anions[i].Fraction));
        for (int i = 0; i < c.Aliases.Count; i++)
            Execute("INSERT INTO compound_aliases (compound_id, position, alias) VALUES ($id, $p, $a)", tx,
                ("$id", c.Id), ("$p", i), ("$a", c.Aliases[i]));
    }

    private void UpsertProperty(PropertyRecord p, SqliteTransaction tx)
    {
        var conversion = UnitCatalogue.ConversionOf(p.Unit);
        var s = p.Source!;
        Execute("""
            INSERT INTO properties (id, compound_id, quantity, value, unit, value_si, unit_si, temperature_c, phase, method, qualifier, note,
                source_seed, source_section, source_references, source_quote, source_doi)
            VALUES ($id, (SELECT id FROM compounds WHERE formula = $cf), $q, $v, $u, $vsi, $usi, $t, $ph, $m, $ql, $n, $ss, $sn, $sr, $sq, $sd)
            ON CONFLICT(id) DO UPDATE SET compound_id = excluded.compound_id, quantity = excluded.quantity, value = excluded.value,
                unit = excluded.unit, value_si = excluded.value_si, unit_si = excluded.unit_si, temperature_c = excluded.temperature_c,
                phase = excluded.phase, method = excluded.method, qualifier = excluded.qualifier, note = excluded.note,
                source_seed = excluded.source_seed, source_section = excluded.source_section, source_references = excluded.source_references,
                source_quote = excluded.source_quote, source_doi = excluded.source_doi
            """, tx, ("$id", p.Id), ("$cf", p.Compound), ("$q", p.Quantity), ("$v", p.Value), ("$u", p.Unit),
            ("$vsi", conversion.ToSi(p.Value)), ("$usi", conversion.SiUnit), ("$t", p.TemperatureC), ("$ph", p.Phase), ("$m", p.Method),
            ("$ql", p.Qualifier), ("$n", p.Note), ("$ss", s.Seed), ("$sn", s.Section), ("$sr", JsonSerializer.Serialize(s.References)),
            ("$sq", s.Quote), ("$sd", s.Doi));
    }

    private void UpsertCell(PublishedCell c, SqliteTransaction tx)
    {
        var s = c.Source!;
        Execute("""
            INSERT INTO cells (id, cathode, electrolyte, anode, cathode_composition, cathode_loading_mg_per_cm2, temperature_c,
                stack_pressure_mpa, c_rate, current_density_ma_per_cm2, voltage_low_v, voltage_high_v, capacity_mah_per_g,
                coulombic_efficiency, retention, retention_cycles, note, source_seed, source_section, source_references, source_quote, source_doi)
            VALUES ($id, $ca, $el, $an, $cc, $cl, $t, $sp, $cr, $cd, $vl, $vh, $cap, $ce, $re, $rc, $n, $ss, $sn, $sr, $sq, $sd)
            ON CONFLICT(id) DO UPDATE SET cathode = excluded.cathode, electrolyte = excluded.electrolyte, anode = excluded.anode,
                cathode_composition = excluded.cathode_composition, cathode_loading_mg_per_cm2 = excluded.cathode_loading_mg_per_cm2,
                temperature_c = excluded.temperature_c, stack_pressure_mpa = excluded.stack_pressure_mpa, c_rate = excluded.c_rate,
                current_density_ma_per_cm2 = excluded.current_density_ma_per_cm2, voltage_low_v = excluded.voltage_low_v,
                voltage_high_v = excluded.voltage_high_v, capacity_mah_per_g = excluded.capacity_mah_per_g,
                coulombic_efficiency = excluded.coulombic_efficiency, retention = excluded.retention,
                retention_cycles = excluded.retention_cycles, note = excluded.note, source_seed = excluded.source_seed,
                source_section = excluded.source_section, source_references = excluded.source_references,
                source_quote = excluded.source_quote, source_doi = excluded.source_doi
            """, tx, ("$id", c.Id), ("$ca", c.Cathode), ("$el", c.Electrolyte), ("$an", c.Anode), ("$cc", c.CathodeComposition),
            ("$cl", c.CathodeLoadingMgPerCm2), ("$t", c.TemperatureC), ("$sp", c.StackPressureMPa), ("$cr", c.CRate),
            ("$cd", c.CurrentDensityMAPerCm2), ("$vl", c.VoltageLowV), ("$vh", c.VoltageHighV), ("$cap", c.CapacityMAhPerG),
            ("$ce", c.CoulombicEfficiency), ("$re", c.Retention), ("$rc", c.RetentionCycles), ("$n", c.Note),
            ("$ss", s.Seed), ("$sn", s.Section), ("$sr", JsonSerializer.Serialize(s.References)), ("$sq", s.Quote), ("$sd", s.Doi));
    }

    /// <summary>The search index is derived data: rebuilt inside every write transaction (the knowledge base holds thousands of rows, not millions).</summary>
    private void RebuildSearchIndex(SqliteTransaction tx)
    {
        Execute("""
            DELETE FROM search_index;
            INSERT INTO search_index (kind, record_id, compound, title, body)
            SELECT 'compound', c.id, c.formula,
                   c.formula || ' ' || coalesce(c.name, '') || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM compound_aliases a WHERE a.compound_id = c.id), ''),
                   coalesce(c.category, '') || ' ' || coalesce(c.carrier_ion, '') || ' ' || coalesce(c.conducting_phase_structure, '') || ' ' ||
                   coalesce((SELECT group_concat(anion_formula, ' ') FROM compound_anions x WHERE x.compound_id = c.id), '')
            FROM compounds c;
            INSERT INTO search_index (kind, record_id, compound, title, body)
            SELECT 'property', p.id, c.formula, c.formula || ' ' || p.quantity,
                   coalesce(p.phase, '') || ' ' || coalesce(p.method, '') || ' ' || coalesce(p.note, '') || ' ' || coalesce(p.source_quote, '')
            FROM properties p JOIN compounds c ON c.id = p.compound_id;
            INSERT INTO search_index (kind, record_id, compound, title, body)
            SELECT 'cell', id, NULL, coalesce(cathode, '') || ' | ' || coalesce(electrolyte, '') || ' | ' || coalesce(anode, ''),
                   coalesce(cathode_composition, '') || ' ' || coalesce(note, '') || ' ' || coalesce(source_quote, '')
            FROM cells;
            INSERT INTO search_index (kind, record_id, compound, title, body)
            SELECT 'anion', id, NULL, formula || ' ' || coalesce(name, ''), coalesce(class, '') FROM anions;
            INSERT INTO search_index (kind, record_id, compound, title, body)
            SELECT 'reference', seed || '#' || number, NULL, seed || ' ref ' || number, coalesce(citation, '') || ' ' || coalesce(doi, '')
            FROM "references";
            """, tx);
    }
}
