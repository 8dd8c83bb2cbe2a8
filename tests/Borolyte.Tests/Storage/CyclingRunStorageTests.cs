using System.Text.Json;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Knowledge;
using Borolyte.Storage;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Knowledge;
using Borolyte.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Borolyte.Tests.Storage;

/// <summary>Cycling runs stored in the knowledge base (migration 3) come back bit-identical and export to the same BDF CSV.</summary>
public class CyclingRunStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    private static string Data(string name) => TestData.Path("cycling", name);

    private static string Bdf(CyclingRun run)
    {
        var writer = new StringWriter();
        BdfCsv.Write(run, writer);
        return writer.ToString();
    }

    [Theory]
    [InlineData("neware_uio.csv")]
    [InlineData("biol.mpr")]
    [InlineData("maccor_001.txt")]
    public void StoredRunsExportToTheSameBdfAsTheFile(string file)
    {
        var run = CyclingFileReader.Read(Data(file));
        using (var kb = KnowledgeBase.Open(_temp.File("kb.db"), KnowledgeDataset.Empty))
            kb.AddCyclingRun(run, file, "sha");
        using var reopened = KnowledgeBase.Open(_temp.File("kb.db"), KnowledgeDataset.Empty);
        var loaded = reopened.LoadCyclingRun(file);
        Assert.Equal(Bdf(run), Bdf(loaded));
        Assert.Equal(run.Kind, loaded.Kind);
        Assert.Equal(run.HalfCycle, loaded.HalfCycle);
        Assert.Equal(run.Notes, loaded.Notes);
        Assert.Equal(run.ActiveMassKg, loaded.ActiveMassKg);
        Assert.Equal(run.CycleDefinition, loaded.CycleDefinition);
        var a = CycleSummarizer.Summarize(run); var b = CycleSummarizer.Summarize(loaded);
        Assert.Equal(a.Cycles, b.Cycles);
        var listed = Assert.Single(reopened.CyclingRuns());
        Assert.Equal((file, run.Count, run.Cycles.Length), (listed.Name, listed.Points, listed.Cycles));
    }

    [Fact]
    public void DuplicatesUnknownNamesAndDamagedColumnsAreClearErrors()
    {
        var run = CyclingFileReader.Read(Data("neware_uio.csv"));
        using var kb = KnowledgeBase.Open(_temp.File("kb.db"), KnowledgeDataset.Empty);
        kb.AddCyclingRun(run, "uio", "sha");
        Assert.Contains("a cycling run named 'uio' exists already", Assert.Throws<InvalidInputException>(() => kb.AddCyclingRun(run, "uio", "sha")).Message);
        Assert.Single(kb.CyclingRuns());   // nothing half-written
        Assert.Contains("no cycling run 'other' (stored: uio)", Assert.Throws<InvalidInputException>(() => kb.LoadCyclingRun("other")).Message);
        Assert.Equal(run.Count, kb.LoadCyclingRun("1").Count);   // by id
        using (var connection = new SqliteConnection($"Data Source={_temp.File("kb.db")};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE cycling_run_columns SET data = substr(data, 1, 100) WHERE name = 'voltage_volt'";
            cmd.ExecuteNonQuery();
        }
        Assert.Contains("column voltage_volt: 100 bytes of f64 for 9065 points (damaged?)", Assert.Throws<InvalidInputException>(() => kb.LoadCyclingRun("uio")).Message);
    }

    [Fact]
    public void AVersion2DatabaseGainsTheRunTablesAndKeepsItsData()
    {
        string path = _temp.File("old.db");
        using (var kb = KnowledgeBase.Open(path, KnowledgeFixtures.Load())) { }
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();   // back to what a version-2 Borolyte wrote
            cmd.CommandText = "DROP TABLE cycling_run_columns; DROP TABLE cycling_runs; DELETE FROM schema_migrations WHERE version = 3; PRAGMA user_version = 2;";
            cmd.ExecuteNonQuery();
        }
        using var reopened = KnowledgeBase.Open(path, KnowledgeFixtures.Load());
        Assert.Equal(3, reopened.SchemaVersion);
        Assert.Equal(SeedOutcome.Unchanged, reopened.SeedOutcome);
        Assert.True(reopened.Counts().Total > 0);
        Assert.Empty(reopened.CyclingRuns());
        reopened.AddCyclingRun(CyclingFileReader.Read(Data("neware_uio.csv")), "uio", "sha");
    }

    [Fact]
    public void CliImportListExport()
    {
        string db = _temp.File("cli.db");
        var import = CliProcess.Run("cycling", "import", Data("biol.mpr"), "--db", db, "--name", "si-3e", "--json");
        Assert.Equal(0, import.ExitCode);
        using (var doc = JsonDocument.Parse(import.Stdout))
            Assert.Equal(64, doc.RootElement.GetProperty("sourceSha256").GetString()!.Length);
        Assert.Equal(1, CliProcess.Run("cycling", "import", Data("biol.mpr"), "--db", db, "--name", "si-3e").ExitCode);
        var list = CliProcess.Run("cycling", "list", "--db", db, "--json");
        using (var doc = JsonDocument.Parse(list.Stdout))
            Assert.Equal("si-3e", doc.RootElement.GetProperty("runs")[0].GetProperty("name").GetString());
        Assert.Equal(0, CliProcess.Run("cycling", "export", "si-3e", "--db", db, "--out", _temp.File("out.bdf.csv")).ExitCode);
        Assert.Equal(0, CliProcess.Run("cycling", "convert", Data("biol.mpr"), "--to", "bdf", "--out", _temp.File("direct.bdf.csv")).ExitCode);
        Assert.Equal(File.ReadAllBytes(_temp.File("direct.bdf.csv")), File.ReadAllBytes(_temp.File("out.bdf.csv")));
        var missing = CliProcess.Run("cycling", "export", "nope", "--db", db, "--out", _temp.File("x.csv"));
        Assert.Equal(1, missing.ExitCode);
        Assert.False(File.Exists(_temp.File("x.csv")));
    }
}
