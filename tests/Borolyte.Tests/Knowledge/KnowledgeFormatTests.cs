using Borolyte.Knowledge;

namespace Borolyte.Tests.Knowledge;

public class KnowledgeFormatTests
{
    [Fact]
    public void FixtureReadsInTheSeedFormat()
    {
        var d = KnowledgeFixtures.Load();
        Assert.Equal(2, d.References.Count);
        Assert.Equal(4, d.Anions.Count);
        Assert.Null(d.Anions[3].ClusterClass);
        Assert.Equal(4, d.Compounds.Count);
        Assert.Equal(0.5, d.Compounds[0].Anions[1].Fraction);
        Assert.Equal(7, d.Properties.Count);
        Assert.Equal([47, 55, 106], d.Properties[0].Source!.References);
        Assert.Single(d.Cells);
        Assert.Equal(0.956, d.Cells[0].Retention);
    }

    [Fact]
    public void JsonUsesTheSeedKeysAndKeepsUnicodeReadable()
    {
        var json = KnowledgeFixtures.Load().ToJson();
        foreach (var key in new[] { "\"carrierIon\"", "\"densityGPerCm3\"", "\"class\"", "\"temperatureC\"", "\"cathodeLoadingMgPerCm2\"", "\"stackPressureMPa\"", "\"cRate\"", "\"capacityMAhPerG\"" })
            Assert.Contains(key, json);
        Assert.Contains("Duchêne", json);
        Assert.Contains("60 °C", json);
        Assert.DoesNotContain("\"doi\": null", json.Split("\"properties\"")[1]); // user DOIs are omitted when absent
    }

    [Fact]
    public void JsonAndCsvRoundTripExactlyInMemory()
    {
        var d = KnowledgeFixtures.Load();
        var json = d.ToJson();
        Assert.Equal(json, KnowledgeJson.Read(json, "mem.json").ToJson());
        var csv = d.ToCsv();
        var back = KnowledgeCsv.Read(csv, "mem.csv");
        Assert.Equal(json, back.ToJson());
        Assert.Equal(csv, back.ToCsv());
        Assert.Equal(0.1 + 0.2, back.Properties.Single(p => p.Id == "prop-fx-006").Value);
        Assert.Equal(1.1e-10, back.Compounds.Single(c => c.Formula == "LiCB11H12").DensityGPerCm3);
        Assert.Equal("practical\nsecond line", back.Properties.Single(p => p.Id == "prop-fx-007").Note);
    }

    [Fact]
    public void MalformedJsonNamesFileAndLine()
    {
        var path = KnowledgeFixtures.PathOf("malformed.json");
        var ex = Assert.Throws<InvalidInputException>(() => KnowledgeDataset.ReadFile(path));
        Assert.Contains("malformed.json line 4", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [Fact]
    public void TruncatedJsonNamesFileAndLine()
    {
        var ex = Assert.Throws<InvalidInputException>(() => KnowledgeDataset.ReadFile(KnowledgeFixtures.PathOf("truncated.json")));
        Assert.Contains("truncated.json line 4", ex.Message);
    }

    [Fact]
    public void CsvMissingColumnIsNamed()
    {
        var ex = Assert.Throws<InvalidInputException>(() => KnowledgeDataset.ReadFile(KnowledgeFixtures.PathOf("missing-column.csv")));
        Assert.Contains("missing-column.csv line 1: missing column(s)", ex.Message);
        Assert.Contains("unit", ex.Message);
    }

    [Fact]
    public void CsvBadNumberNamesLineAndColumn()
    {
        var d = KnowledgeFixtures.Load();
        var csv = d.ToCsv().Replace(",0.07,", ",seven,");
        var ex = Assert.Throws<InvalidInputException>(() => KnowledgeCsv.Read(csv, "x.csv"));
        Assert.Matches(@"x\.csv line \d+: column 'value' is not a number: 'seven'", ex.Message);
    }

    [Fact]
    public void UnknownExtensionAsksForFormat()
    {
        var ex = Assert.Throws<InvalidInputException>(() => KnowledgeFileFormats.FromExtension("data.xlsx"));
        Assert.Contains("--format", ex.Message);
    }
}
