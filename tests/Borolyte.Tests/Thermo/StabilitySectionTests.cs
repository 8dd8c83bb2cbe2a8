using Borolyte.Chemistry;
using Borolyte.Knowledge;
using Borolyte.Reporting;
using Borolyte.Studies;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

public class StabilitySectionTests
{
    private static KnowledgeDataset Seed => SeedDataset.Load();

    [Fact]
    public void RendersWindowsComparisonInterfaceMapAndMechanics()
    {
        var report = new HtmlReport("test");
        StabilitySection.AddTo(report, Seed);
        Assert.Equal(5, report.FigureCount); // windows, NaBH4 profile, interface profile, interface map, G vs B
        string html = report.Render();
        foreach (var text in new[] { "Stability", "What the review states", "NaBH4 | NaCrO2", "Maximum interface driving force", "Mechanical properties", "not computable", "LiBH4 without B10H14",
                     "NaBH4: Na uptake vs potential", "without B10H14: oxidation limit 1.988 V", "all entries: oxidation limit 1.958 V",
                     "without B10H14, Na is taken up below 0.118 V (→ NaH + B) and released above 1.988 V (→ H2 + B)",
                     "with all entries, Na is taken up below 0.118 V (→ NaH + B) and released above 1.958 V (→ H2 + B10H14)" })
            Assert.Contains(System.Net.WebUtility.HtmlEncode(text), html);
    }

    [Fact]
    public void WithoutKnowledgeTheMechanicsAreLeftOut()
    {
        var report = new HtmlReport("test");
        StabilitySection.AddTo(report, null);
        Assert.Equal(4, report.FigureCount);
    }

    [Fact]
    public void VerdictsFollowFromTheComputedWindows()
    {
        var windows = StabilitySection.Windows.Where(w => w.Exclude is null)
            .Select(w => GrandPotentialDiagram.Window(BuiltinEntries.Load(w.Dataset), Formula.Parse(w.Compound), w.OpenElement)).ToArray();
        var rows = StabilitySection.Compare(windows, Seed.Properties).ToDictionary(r => r.Statement);
        // LiBH4 + 10/3 Li → 4/3 LiH... : reduced to LiH + LiB3 above 0 V (experimental enthalpies) → agrees with "unstable vs Li"
        Assert.Equal("agrees", rows["Li hydroborates are unstable against Li metal"].Verdict);
        // NaBH4 + 3 Na → 4 NaH + B: ΔH = 4(−0.58558) + 1.98824 = −0.35408 eV for 3 Na → reduced below 0.118 V: disagrees
        Assert.StartsWith("disagrees, by 0.118 V", rows["Na hydroborates are stable against Na metal"].Verdict);
        Assert.StartsWith("agrees on the potential", rows["[BH4]− is oxidised near 2 V vs M+/M, to [B12H12]2−"].Verdict);
        Assert.Equal("cannot be checked with these data", rows["[B12H12]2− is oxidised near 3.5 V vs M+/M, to B9H11"].Verdict);
        var na = windows.Single(w => w.Compound == "NaBH4");
        Assert.Equal((4 * 0.5855812355788128 - 1.9882400337787107) / 3, na.ReductionLimitV, 9);
        // without the borane, NaBH4 → Na + B + 2 H2 at −ΔfH°(NaBH4) per Na
        var noBorane = GrandPotentialDiagram.Window(BuiltinEntries.Load("na-b-h"), Formula.Parse("NaBH4"), "Na", new WindowOptions(Exclude: ["B10H14"]));
        Assert.Equal(1.9882400337787107, noBorane.OxidationLimitV, 9);
    }

    [Fact]
    public void TheDodecaborateVerdictIsComputedWhenAWindowExists()
    {
        // hand entries (test data only): Na2B12H12 with ΔfH = −7 eV per f.u., no B9H11 → Na2B12H12 → 2 Na + 12 B + 6 H2 above 7/2 = 3.5 V
        var entries = new[]
        {
            new ThermoEntry("Na", Formula.Parse("Na").Composition, 0), new ThermoEntry("B", Formula.Parse("B").Composition, 0),
            new ThermoEntry("H2", Formula.Parse("H2").Composition, 0), new ThermoEntry("s", Formula.Parse("Na2B12H12").Composition, -7.0),
        };
        var w = GrandPotentialDiagram.Window(entries, Formula.Parse("Na2B12H12"), "Na");
        Assert.Equal(3.5, w.OxidationLimitV, 9);
        var row = StabilitySection.Compare([w], []).Single(r => r.Statement.StartsWith("[B12H12]2−", StringComparison.Ordinal));
        Assert.Equal("agrees on the potential (within 0.3 V); products differ (no B9H11 among them)", row.Verdict);
        Assert.Contains("Na2B12H12: 3.5 V", row.ThisDataset);
        // with B9H11 (ΔfH −3 eV): Na2B12H12 → 2 Na + 12/11 B9H11 + 24/11 B above (7 − 36/11)/2 = 1.864 V
        var withBorane = entries.Append(new ThermoEntry("b9", Formula.Parse("B9H11").Composition, -3.0)).ToArray();
        var w2 = GrandPotentialDiagram.Window(withBorane, Formula.Parse("Na2B12H12"), "Na");
        var row2 = StabilitySection.Compare([w2], []).Single(r => r.Statement.StartsWith("[B12H12]2−", StringComparison.Ordinal));
        Assert.Equal("disagrees on the potential; B9H11 among the products, as the review states", row2.Verdict);
        Assert.Equal((7 - 36.0 / 11) / 2, w2.OxidationLimitV, 9);
    }

    [Fact]
    public void MechanicalRowsKeepTheRecordsBoundsAndDecideOnlyWhatTheyAllow()
    {
        var rows = StabilitySection.MechanicalRows(Seed);
        var na2b12 = rows.Single(r => r.Compound == "Na2B12H12");
        Assert.Equal("<=", na2b12.ShearQualifier);
        Assert.Equal(9, na2b12.ShearGpa);
        // G ≤ 9 GPa vs 2 × 3.3 = 6.6 GPa for Na: a bound above the threshold decides nothing
        Assert.StartsWith("undecided", na2b12.DendriteVerdict);
        Assert.Contains("ductile", na2b12.PughVerdict);
        // a measured value below the threshold does decide
        var kb = new KnowledgeDataset
        {
            Compounds = [new Compound { Id = "cmp-X", Formula = "NaX", CarrierIon = "Na" }],
            Properties =
            [
                new PropertyRecord { Id = "b", Compound = "NaX", Quantity = "bulkModulus", Value = 12, Unit = "GPa" },
                new PropertyRecord { Id = "g", Compound = "NaX", Quantity = "shearModulus", Value = 5, Unit = "GPa" },
            ],
        };
        var x = Assert.Single(StabilitySection.MechanicalRows(kb));
        Assert.StartsWith("does not suppress Na dendrites", x.DendriteVerdict);
        Assert.Equal("B/G = 2.4 → ductile", x.PughVerdict);
    }
}
