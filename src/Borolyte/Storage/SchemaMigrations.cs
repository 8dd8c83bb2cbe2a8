namespace Borolyte.Storage;

/// <summary>
/// The knowledge-base schema as an ordered list of migrations (docs/knowledge-base.md, "Migrations").
/// Never edit a released migration: append a new one with the next version number.
/// </summary>
public static class SchemaMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "core tables", """
            CREATE TABLE kb_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE "references" (
                seed TEXT NOT NULL, number INTEGER NOT NULL, citation TEXT, doi TEXT,
                PRIMARY KEY (seed, number));
            CREATE TABLE anions (
                id TEXT PRIMARY KEY, formula TEXT NOT NULL UNIQUE, name TEXT, charge INTEGER NOT NULL,
                class TEXT, vertices INTEGER);
            CREATE TABLE compounds (
                id TEXT PRIMARY KEY, formula TEXT NOT NULL UNIQUE, name TEXT, carrier_ion TEXT,
                conducting_phase_structure TEXT, density_g_per_cm3 REAL, category TEXT);
            CREATE TABLE compound_anions (
                compound_id TEXT NOT NULL REFERENCES compounds(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, anion_formula TEXT NOT NULL, fraction REAL,
                PRIMARY KEY (compound_id, position));
            CREATE INDEX compound_anions_formula ON compound_anions(anion_formula);
            CREATE TABLE compound_aliases (
                compound_id TEXT NOT NULL REFERENCES compounds(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, alias TEXT NOT NULL,
                PRIMARY KEY (compound_id, position));
            CREATE INDEX compound_aliases_alias ON compound_aliases(alias COLLATE NOCASE);
            CREATE TABLE properties (
                id TEXT PRIMARY KEY,
                compound_id TEXT NOT NULL REFERENCES compounds(id) ON DELETE CASCADE,
                quantity TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
                value_si REAL NOT NULL, unit_si TEXT NOT NULL,
                temperature_c REAL, phase TEXT, method TEXT, qualifier TEXT, note TEXT,
                source_seed TEXT NOT NULL, source_section TEXT, source_references TEXT NOT NULL DEFAULT '[]',
                source_quote TEXT, source_doi TEXT);
            CREATE INDEX properties_compound_quantity ON properties(compound_id, quantity);
            CREATE TABLE cells (
                id TEXT PRIMARY KEY, cathode TEXT, electrolyte TEXT, anode TEXT, cathode_composition TEXT,
                cathode_loading_mg_per_cm2 REAL, temperature_c REAL, stack_pressure_mpa REAL, c_rate REAL,
                current_density_ma_per_cm2 REAL, voltage_low_v REAL, voltage_high_v REAL, capacity_mah_per_g REAL,
                coulombic_efficiency REAL, retention REAL, retention_cycles INTEGER, note TEXT,
                source_seed TEXT NOT NULL, source_section TEXT, source_references TEXT NOT NULL DEFAULT '[]',
                source_quote TEXT, source_doi TEXT);
            """),
        new(2, "full-text search index (FTS5, trigram)", """
            CREATE VIRTUAL TABLE search_index USING fts5(
                kind UNINDEXED, record_id UNINDEXED, compound UNINDEXED, title, body,
                tokenize = 'trigram');
            """),
        new(3, "cycling runs (harmonised columns as little-endian blobs)", """
            CREATE TABLE cycling_runs (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, source_path TEXT NOT NULL, source_sha256 TEXT NOT NULL,
                format TEXT NOT NULL, cycle_definition TEXT NOT NULL, points INTEGER NOT NULL, cycles INTEGER NOT NULL,
                active_mass_kg REAL, area_m2 REAL, notes TEXT NOT NULL DEFAULT '[]', imported_utc TEXT NOT NULL);
            CREATE TABLE cycling_run_columns (
                run_id INTEGER NOT NULL REFERENCES cycling_runs(id) ON DELETE CASCADE,
                name TEXT NOT NULL, element TEXT NOT NULL, data BLOB NOT NULL,
                PRIMARY KEY (run_id, name));
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
