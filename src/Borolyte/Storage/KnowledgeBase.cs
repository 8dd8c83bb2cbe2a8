using Borolyte.Knowledge;
using Microsoft.Data.Sqlite;

namespace Borolyte.Storage;

/// <summary>
/// The embedded SQLite knowledge base: anions, compounds, property records and published cells, each number
/// with its source. <see cref="Open(string)"/> creates the file, migrates the schema and seeds it from the
/// embedded data; every write is one transaction. See docs/knowledge-base.md.
/// </summary>
public sealed partial class KnowledgeBase : IDisposable
{
    private readonly SqliteConnection _connection;

    public string Path { get; }
    /// <summary>What opening did with the seed data.</summary>
    public SeedOutcome SeedOutcome { get; private set; }

    private KnowledgeBase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and seeds it from <see cref="SeedDataset.Load"/>.</summary>
    public static KnowledgeBase Open(string path) => Open(path, SeedDataset.Load());

    /// <summary>Opens the database and seeds it from <paramref name="seed"/> (tests pass fixtures here).</summary>
    public static KnowledgeBase Open(string path, KnowledgeDataset seed)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new InvalidInputException($"{path}: is a directory; pass a database file path such as {System.IO.Path.Combine(path, "borolyte.db")}");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = false,
        }.ToString());
        var kb = new KnowledgeBase(full, connection);
        try
        {
            connection.Open();
            kb.Execute("PRAGMA foreign_keys = ON;");
            kb.Migrate();
            kb.SeedOutcome = kb.Seed(seed);
            return kb;
        }
        catch (SqliteException ex)
        {
            kb.Dispose();
            throw new InvalidInputException($"{path}: cannot use this file as a Borolyte knowledge base ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }
        catch
        {
            kb.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

    // ---------------------------------------------------------------- migrations

    /// <summary>The highest applied migration version.</summary>
    public int SchemaVersion => MigrationTableExists() ? Convert.ToInt32(Scalar("SELECT coalesce(max(version), 0) FROM schema_migrations")) : 0;

    /// <summary>The applied migrations, oldest first.</summary>
    public IReadOnlyList<(int Version, string Name, string AppliedUtc)> AppliedMigrations()
    {
        var list = new List<(int, string, string)>();
        using var cmd = Command("SELECT version, name, applied_utc FROM schema_migrations ORDER BY version");
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((r.GetInt32(0), r.GetString(1), r.GetString(2)));
        return list;
    }

    private bool MigrationTableExists() =>
        Convert.ToInt64(Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")) > 0;

    private void Migrate()
    {
        var userVersion = Convert.ToInt32(Scalar("PRAGMA user_version"));
        if (!MigrationTableExists())
        {
            var tables = Convert.ToInt64(Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
            if (tables > 0 || userVersion > 0)
                throw new InvalidInputException($"{Path}: this SQLite file is not a Borolyte knowledge base (it has tables but no schema_migrations); pass another --db path");
            Execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_utc TEXT NOT NULL);");
        }
        var current = Math.Max(SchemaVersion, userVersion);
        if (current > SchemaMigrations.LatestVersion)
            throw new InvalidInputException(
                $"{Path}: database schema version {current} is newer than this Borolyte supports ({SchemaMigrations.LatestVersion}); upgrade Borolyte or pass another --db path");
        foreach (var migration in SchemaMigrations.All.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var tx = _connection.BeginTransaction();
            Execute(migration.Sql, tx);
            Execute("INSERT INTO schema_migrations (version, name, applied_utc) VALUES ($v, $n, $t)", tx,
                ("$v", migration.Version), ("$n", migration.Name), ("$t", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ")));
            Execute($"PRAGMA user_version = {migration.Version}", tx);
            tx.Commit();
        }
    }

    // ---------------------------------------------------------------- seeding

    private SeedOutcome Seed(KnowledgeDataset seed)
    {
        if (seed.RecordCount == 0) return SeedOutcome.NoSeedData;
        var hash = SeedDataset.ContentHash(seed);
        if (Scalar("SELECT value FROM kb_meta WHERE key = 'seed_hash'") as string == hash)
            return SeedOutcome.Unchanged;
        RecordValidator.Validate(seed, "seed data (data/knowledge)", KnownCompoundFormulas());
        CheckIdentityConflicts(seed, "seed data (data/knowledge)", (kind, i) => $"{kind}[{i}]");
        using var tx = _connection.BeginTransaction();
        Upsert(seed, tx);
        Execute("INSERT INTO kb_meta (key, value) VALUES ('seed_hash', $h) ON CONFLICT(key) DO UPDATE SET value = excluded.value", tx, ("$h", hash));
        RebuildSearchIndex(tx);
        tx.Commit();
        return SeedOutcome.Applied;
    }

    /// <summary>The stored seed content hash (null before the first seeding).</summary>
    public string? SeedHash => Scalar("SELECT value FROM kb_meta WHERE key = 'seed_hash'") as string;

    // ---------------------------------------------------------------- low-level helpers

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private int Execute(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
