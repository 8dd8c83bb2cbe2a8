using System.Text.Json;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Thermo;

/// <summary>
/// Thermo outputs write phases as pymatgen's reduced_formula (LiH, H2, LiB3 — not the Hill-order keys HLi, H, B3Li), while
/// --compound / --exclude / --a / --b still match however the formula is written.
/// </summary>
public class ThermoDisplayFormulaTests
{
    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void Window_products_are_written_as_pymatgen_writes_them()
    {
        // LiBH4 + 10/3 Li → 4/3 LiH + 1/3 LiB3 below 0.717 V; above 1.944 V → H2 + B10H14 (experimental enthalpies, docs/thermo.md; decaborane keeps its molecular formula, not pymatgen's B5H7)
        var r = CliProcess.Run("thermo", "window", "builtin:li-b-h", "--compound", "LiBH4", "--open", "Li", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["LiB3", "LiH"], Strings(doc.RootElement.GetProperty("reductionProducts")).Order());
        Assert.Equal(["B10H14", "H2"], Strings(doc.RootElement.GetProperty("oxidationProducts")).Order());
        var phases = doc.RootElement.GetProperty("profile").EnumerateArray().SelectMany(p => Strings(p.GetProperty("products"))).ToHashSet();
        Assert.Contains("LiBH4", phases);
        Assert.DoesNotContain("BH4Li", phases);
        Assert.DoesNotContain("H", phases);
    }

    [Fact]
    public void Compound_and_exclude_accept_any_way_of_writing_the_formula()
    {
        var a = CliProcess.Run("thermo", "window", "builtin:li-b-h", "--compound", "LiBH4", "--open", "Li", "--exclude", "B10H14", "--json");
        var b = CliProcess.Run("thermo", "window", "builtin:li-b-h", "--compound", "BH4Li", "--open", "Li", "--exclude", "H7B5", "--json");
        var c = CliProcess.Run("thermo", "window", "builtin:li-b-h", "--compound", "Li2B2H8", "--open", "Li", "--exclude", "B5H7", "--json");
        var d = CliProcess.Run("thermo", "window", "builtin:li-b-h", "--compound", "Li2B2H8", "--open", "Li", "--json");
        foreach (var run in new[] { a, b, c, d }) Assert.Equal(0, run.ExitCode);
        using var da = JsonDocument.Parse(a.Stdout);
        using var db = JsonDocument.Parse(b.Stdout);
        using var dc = JsonDocument.Parse(c.Stdout);
        using var dd = JsonDocument.Parse(d.Stdout);
        foreach (var other in new[] { db, dc }) // B5H7 (pymatgen's reduced formula) and H7B5 name the same phase as B10H14: they exclude it too
        {
            Assert.Equal(da.RootElement.GetProperty("oxidationLimitV").GetDouble(), other.RootElement.GetProperty("oxidationLimitV").GetDouble());
            Assert.Equal(Strings(da.RootElement.GetProperty("oxidationProducts")), Strings(other.RootElement.GetProperty("oxidationProducts")));
        }
        Assert.DoesNotContain("B10H14", Strings(da.RootElement.GetProperty("oxidationProducts")));
        Assert.Contains("B10H14", Strings(dd.RootElement.GetProperty("oxidationProducts")));
        Assert.Equal(1.944, dd.RootElement.GetProperty("oxidationLimitV").GetDouble(), 3);
    }

    [Fact]
    public void Hull_json_and_table_use_the_display_formula()
    {
        var r = CliProcess.Run("thermo", "hull", "builtin:li-b-h", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var formulas = doc.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("formula").GetString()).ToHashSet();
        Assert.Contains("LiBH4", formulas);
        Assert.Contains("H2", formulas);
        Assert.Contains("LiH", formulas);
        Assert.DoesNotContain("HLi", formulas);
        var table = CliProcess.Run("thermo", "hull", "builtin:li-b-h");
        Assert.Contains("LiBH4", table.Stdout);
        Assert.DoesNotContain("BH4Li", table.Stdout);
    }

    [Fact]
    public void Interface_products_use_the_display_formula()
    {
        var r = CliProcess.Run("thermo", "interface", TestData.Path("thermo", "na-b-h-o.entries.json"), "--a", "BNa3", "--b", "O4H2", "--open", "Na", "--potential-v", "1.0", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var all = doc.RootElement.GetProperty("kinks").EnumerateArray().SelectMany(k => Strings(k.GetProperty("products"))).ToHashSet();
        Assert.Contains("NaBHO3", all);   // Hill key BHNaO3; pymatgen orders Na (0.93) < B (2.04) < H (2.20) < O (3.44)
        Assert.Contains("NaB3", all);     // Hill key B3Na
        Assert.DoesNotContain("BHNaO3", all);
    }
}
