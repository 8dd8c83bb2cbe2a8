using Borolyte.Tests.Support;
using System.Security.Cryptography;
using Borolyte.Knowledge;
using Borolyte.Storage;
using Borolyte.Tests.Knowledge;
using Microsoft.Data.Sqlite;

namespace Borolyte.Tests.Storage;

public class KnowledgeBaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    public void Dispose() => _temp.Dispose();

    private KnowledgeBase OpenFixture(string name = "kb.db") => KnowledgeBase.Open(_temp.File(name), KnowledgeFixtures.Load());

    [Fact]
    public void MigratesFromEmptyAndRecordsTheMigrations()
    {
        using var kb = KnowledgeBase.Open(_temp.File("sub/dir/new.db"), KnowledgeDataset.Empty);
        Assert.True(File.Exists(_temp.File("sub/dir/new.db")));
        Assert.Equal(SchemaMigrations.LatestVersion, kb.SchemaVersion);
        var applied = kb.AppliedMigrations();
        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), applied.Select(a => a.Version));
        Assert.Equal(SeedOutcome.NoSeedData, kb.SeedOutcome);
        Assert.Equal(0, kb.Counts().Total);
    }

    [Fact]
    public void ReopeningIsIdempotentAndWritesNothing()
    {
        var path = _temp.File("kb.db");
        KnowledgeCounts first;
        string hash;
        using (var kb = KnowledgeBase.Open(path, KnowledgeFixtures.Load()))
        {
            Assert.Equal(SeedOutcome.Applied, kb.SeedOutcome);
            first = kb.Counts();
            hash = kb.SeedHash!;
        }
        var bytesBefore = SHA256.HashData(File.ReadAllBytes(path));
        using (var kb = KnowledgeBase.Open(path, KnowledgeFixtures.Load()))
        {
            Assert.Equal(SeedOutcome.Unchanged, kb.SeedOutcome);
            Assert.Equal(first, kb.Counts());
            Assert.Equal(hash, kb.SeedHash);
            Assert.Equal(SchemaMigrations.All.Count, kb.AppliedMigrations().Count);
        }
        Assert.Equal(bytesBefore, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Equal(new KnowledgeCounts(2, 4, 4, 7, 1), first);
    }

    [Fact]
    public void EmbeddedSeedValidatesLoadsAndReopensUnchanged()
    {
        var seed = SeedDataset.Load();
        var path = _temp.File("embedded.db");
        KnowledgeCounts counts;
        using (var kb = KnowledgeBase.Open(path))
        {
            Assert.Equal(seed.RecordCount == 0 ? SeedOutcome.NoSeedData : SeedOutcome.Applied, kb.SeedOutcome);
            counts = kb.Counts();
            Assert.Equal(seed.Compounds.Count, counts.Compounds);
            Assert.Equal(seed.Properties.Count, counts.Properties);
        }
        using (var kb = KnowledgeBase.Open(path))
        {
            Assert.Equal(seed.RecordCount == 0 ? SeedOutcome.NoSeedData : SeedOutcome.Unchanged, kb.SeedOutcome);
            Assert.Equal(counts, kb.Counts());
            Assert.Equal(seed.ToJson(), kb.Export().ToJson());
        }
    }

    [Fact]
    public void ChangedSeedIsUpsertedWithoutDuplicates()
    {
        var path = _temp.File("kb.db");
        var seed = KnowledgeFixtures.Load();
        using (KnowledgeBase.Open(path, seed)) { }
        var changed = seed with { Properties = [.. seed.Properties.Select(p => p.Id == "prop-fx-001" ? p with { Value = 0.08 } : p)] };
        using var kb = KnowledgeBase.Open(path, changed);
        Assert.Equal(SeedOutcome.Applied, kb.SeedOutcome);
        Assert.Equal(7, kb.Counts().Properties);
        Assert.Equal(0.08, kb.ShowCompound("Na2(CB9H10)(CB11H12)").Properties.Single(p => p.Record.Id == "prop-fx-001").Record.Value);
    }

    [Fact]
    public void FutureSchemaVersionIsAClearError()
    {
        var path = _temp.File("future.db");
        using (KnowledgeBase.Open(path, KnowledgeDataset.Empty)) { }
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_migrations VALUES (99, 'from the future', '2099-01-01T00:00:00Z'); PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InvalidInputException>(() => KnowledgeBase.Open(path, KnowledgeDataset.Empty));
        Assert.Contains("schema version 99 is newer", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void NotADatabaseIsAClearError()
    {
        var path = _temp.File("text.db");
        File.WriteAllText(path, "this is not sqlite, just some text that is long enough to fill a header page..........................");
        var ex = Assert.Throws<InvalidInputException>(() => KnowledgeBase.Open(path, KnowledgeDataset.Empty));
        Assert.Contains("text.db", ex.Message);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public void ExportImportExportIsExact(string format)
    {
        var fmt = KnowledgeFileFormats.Parse(format);
        using var a = OpenFixture("a.db");
        a.AddProperty(new PropertyRecord
        {
            Compound = "NaCrO2", Quantity = "averageVoltage", Value = 0.1 + 0.2, Unit = "V", TemperatureC = 25, Method = "cycling",
            Note = "user note °C", Source = new SourceCitation { Seed = "user", Section = "Duchêne et al. 2020", Doi = "10.1016/j.ensm.2019.11.027" },
        });
        var exportA = _temp.File("a." + format);
        a.Export().WriteFile(exportA, fmt);

        using var b = KnowledgeBase.Open(_temp.File("b.db"), KnowledgeDataset.Empty);
        b.Import(KnowledgeFile.Read(exportA));
        var exportB = _temp.File("b." + format);
        b.Export().WriteFile(exportB, fmt);

        Assert.Equal(File.ReadAllText(exportA), File.ReadAllText(exportB));
        Assert.Equal(a.Counts(), b.Counts());
        var text = File.ReadAllText(exportB);
        Assert.Contains("Duchêne", text);
        Assert.Contains("0.30000000000000004", text);
        Assert.Contains("1.1E-10", text);
        Assert.Equal(0.007, b.ShowCompound("LiCB11H12").Properties.Single(p => p.Record.Quantity == "ionicConductivity").Record.Value);
        Assert.Equal(a.Export().ToJson(), KnowledgeDataset.ReadFile(exportB).ToJson());
    }

    [Theory]
    [InlineData("bad-unit.json", "properties[1]: property prop-bad-unit: unknown unit 'S/m'")]
    [InlineData("bad-compound.json", "properties[0]: property prop-bad-compound: unknown compound 'Na3PS4'")]
    [InlineData("malformed.json", "malformed.json line 4")]
    [InlineData("truncated.json", "truncated.json line 4")]
    [InlineData("missing-column.csv", "missing-column.csv line 1: missing column(s)")]
    public void BadImportsNameFileAndRecordAndWriteNothing(string file, string expected)
    {
        using var kb = OpenFixture();
        var before = kb.Counts();
        var exportBefore = kb.Export().ToJson();
        var ex = Assert.Throws<InvalidInputException>(() => kb.Import(KnowledgeFile.Read(KnowledgeFixtures.PathOf(file))));
        Assert.Contains(file, ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Equal(before, kb.Counts());
        Assert.Equal(exportBefore, kb.Export().ToJson());
    }

    [Fact]
    public void BadCsvRecordNamesTheLine()
    {
        using var kb = OpenFixture();
        var before = kb.Counts();
        var csv = KnowledgeFixtures.Load().ToCsv().Replace("property,prop-fx-004,", "property,prop-fx-004-new,").Replace(",0.01,S/cm,", ",0.01,S/m,");
        var path = _temp.File("bad.csv");
        File.WriteAllText(path, csv);
        var ex = Assert.Throws<InvalidInputException>(() => kb.Import(KnowledgeFile.Read(path)));
        var line = csv.Split('\n').ToList().FindIndex(l => l.StartsWith("property,prop-fx-004-new,")) + 1;
        Assert.Contains($"bad.csv: line {line} (properties[3]): property prop-fx-004-new: unknown unit 'S/m'", ex.Message);
        Assert.Equal(before, kb.Counts());
    }

    [Fact]
    public void ConductivityFilterInterpolates()
    {
        using var kb = OpenFixture();
        var at40 = kb.ListCompounds(new CompoundFilter { MinConductivitySPerCm = 1e-3, TemperatureC = 40 });
        var hit = Assert.Single(at40);
        Assert.Equal("Na4(B12H12)(B10H10)", hit.Compound.Formula);
        Assert.Equal(1.1584229590357862e-3, hit.ConductivitySPerCm!.Value, 1e-15);
        Assert.Empty(kb.ListCompounds(new CompoundFilter { MinConductivitySPerCm = 1.2e-3, TemperatureC = 40 }));
        var at25 = kb.ListCompounds(new CompoundFilter { MinConductivitySPerCm = 0.05, TemperatureC = 25, CarrierIon = "na" });
        Assert.Equal(["Na2(CB9H10)(CB11H12)"], at25.Select(s => s.Compound.Formula));
    }

    [Fact]
    public void ListFiltersByCarrierAndAnion()
    {
        using var kb = OpenFixture();
        Assert.Equal(["LiCB11H12"], kb.ListCompounds(new CompoundFilter { CarrierIon = "Li" }).Select(s => s.Compound.Formula));
        Assert.Equal(["Na2(CB9H10)(CB11H12)", "LiCB11H12"], kb.ListCompounds(new CompoundFilter { AnionFormula = "[CB11H12]-" }).Select(s => s.Compound.Formula));
        Assert.Equal(4, kb.ListCompounds().Count);
    }

    [Fact]
    public void ShowFindsByFormulaAliasAndNameAndResolvesDois()
    {
        using var kb = OpenFixture();
        var byFormula = kb.ShowCompound("Na4(B12H12)(B10H10)");
        var byAlias = kb.ShowCompound("na4b22h22");
        var bySpacing = kb.ShowCompound("Na4 (B12H12) (B10H10)");
        Assert.Equal(byFormula.Compound, byAlias.Compound);
        Assert.Equal(byFormula.Compound, bySpacing.Compound);
        Assert.Equal("LiCB11H12", kb.ShowCompound("Lithium Carba-closo-dodecaborate").Compound.Formula);

        var infiltration = byFormula.Properties[0];
        Assert.Equal("10.1016/j.ensm.2019.11.027", infiltration.Doi);
        Assert.Equal("infiltration §3.1", infiltration.ReferenceText);
        Assert.Single(byFormula.Cells);

        var review = kb.ShowCompound("Na2(CB9H10)(CB11H12)").Properties[0];
        Assert.Equal("10.1039/C5EE02941D", review.Doi);
        Assert.Equal("review §2.1, refs 47, 55, 106", review.ReferenceText);
        Assert.Equal(7.0, review.ValueSi, 12);
        Assert.Equal("S/m", review.SiUnit);

        var reviewOwn = kb.ShowCompound("LiCB11H12").Properties.Single(p => p.Record.Quantity == "porosity");
        Assert.Null(reviewOwn.Doi);
    }

    [Fact]
    public void UnknownCompoundListsCloseMatches()
    {
        using var kb = OpenFixture();
        var ex = Assert.Throws<InvalidInputException>(() => kb.ShowCompound("Na4(B12H12)(B10H11)"));
        Assert.Contains("did you mean: Na4(B12H12)(B10H10)", ex.Message);
    }

    [Fact]
    public void SearchFindsQuoteWordsAndRanksFormulaMatchesFirst()
    {
        using var kb = OpenFixture();
        var hits = kb.Search("isopropanol");
        var hit = Assert.Single(hits);
        Assert.Equal("prop-fx-003", hit.RecordId);
        Assert.Equal("Na4(B12H12)(B10H10)", hit.Compound);
        Assert.Contains("[", hit.Snippet);

        var formula = kb.Search("CB11H12");
        Assert.True(formula.Count >= 3);
        Assert.Equal("compound", formula[0].Kind);

        Assert.NotEmpty(kb.Search("Na")); // short words fall back to LIKE
        Assert.Contains(kb.Search("retention"), h => h.Kind == "cell");
    }

    [Fact]
    public void AddCompoundAndPropertyAreValidated()
    {
        using var kb = OpenFixture();
        kb.AddCompound(new Compound { Formula = "Na3PS4", CarrierIon = "Na", Category = "sulfide" });
        Assert.Throws<InvalidInputException>(() => kb.AddCompound(new Compound { Formula = "Na3PS4", CarrierIon = "Na" }));
        var p = kb.AddProperty(new PropertyRecord
        {
            Compound = "Na3PS4", Quantity = "ionicConductivity", Value = 2e-4, Unit = "S/cm", TemperatureC = 25,
            Source = new SourceCitation { Seed = "user", Section = "lab notebook" },
        });
        Assert.StartsWith("prop-user-", p.Id);
        kb.AddProperty(p with { Id = "" }); // same content → same id → no duplicate
        Assert.Single(kb.ShowCompound("Na3PS4").Properties);
        var ex = Assert.Throws<InvalidInputException>(() => kb.AddProperty(p with { Id = "", Compound = "Na3PS5" }));
        Assert.Contains("unknown compound 'Na3PS5'", ex.Message);
        Assert.Throws<InvalidInputException>(() => kb.AddProperty(p with { Id = "", Unit = "mS/cm" }));
    }

    [Fact]
    public void ConductivitySeriesIsSortedWithSources()
    {
        using var kb = OpenFixture();
        var series = kb.ConductivitySeries("Na4B22H22");
        Assert.Equal([293.15, 333.15], series.Select(p => p.TemperatureK));
        Assert.Equal([1e-4, 1e-2], series.Select(p => p.ConductivitySPerCm));
        Assert.All(series, p => Assert.Equal("infiltration §3.1", p.Source));
        Assert.Equal(3, kb.ConductivitySeriesAll().Count);
    }

    [Fact]
    public void DefaultLocationFollowsXdg()
    {
        var old = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", "/tmp/xdg-test");
            Assert.Equal("/tmp/xdg-test/borolyte/borolyte.db", DatabaseLocation.Default());
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", null);
            Assert.EndsWith(".local/share/borolyte/borolyte.db", DatabaseLocation.Default());
        }
        finally { Environment.SetEnvironmentVariable("XDG_DATA_HOME", old); }
    }
}
