using System.Text.Json;
using Borolyte.Chemistry;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;
using Borolyte.Thermo;

namespace Borolyte.Tests.Thermo;

/// <summary>`thermo window --exclude` side by side, `thermo window --out` and `thermo interface --out`.</summary>
public class ThermoReportCliTests
{
    // Experimental ΔfH° per formula unit (eV) from the built-in dataset itself (elements are 0 there)
    private static double Enthalpy(string formula)
    {
        string key = Formula.Parse(formula).Composition.ReducedFormula;
        var e = BuiltinEntries.Load("na-b-h").Where(x => x.ReducedFormula == key).MinBy(x => x.EnergyPerAtomEv)!;
        return e.EnergyPerAtomEv * Formula.Parse(formula).Composition.AtomCount;
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void ExcludeReportsBothWindowsSideBySideAgainstHandCalculation()
    {
        var r = CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "NaBH4", "--open", "Na", "--exclude", "B10H14", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["compound", "openElement", "reductionLimitV", "oxidationLimitV", "reductionProducts", "oxidationProducts", "profile"], keys.Take(7));
        Assert.True(keys.IndexOf("withoutExclusions") > 6);
        Assert.Equal(["B10H14"], Strings(root.GetProperty("excluded")));
        var all = root.GetProperty("withoutExclusions");
        Assert.Equal(["reductionLimitV", "oxidationLimitV", "reductionProducts", "oxidationProducts", "profile"], all.EnumerateObject().Select(p => p.Name).Take(5));

        double naBH4 = Enthalpy("NaBH4"), naH = Enthalpy("NaH"), b10h14 = Enthalpy("B10H14");
        // NaBH4 + 3 Na → 4 NaH + B: reduced below (ΔfH°(NaBH4) − 4 ΔfH°(NaH))/3 V, with or without the borane
        double reduction = (naBH4 - 4 * naH) / 3;
        Assert.Equal(reduction, root.GetProperty("reductionLimitV").GetDouble(), 9);
        Assert.Equal(reduction, all.GetProperty("reductionLimitV").GetDouble(), 9);
        Assert.Equal(["NaH", "B"], Strings(all.GetProperty("reductionProducts")));
        // without B10H14: NaBH4 → Na + B + 2 H2 at −ΔfH°(NaBH4) per Na
        Assert.Equal(-naBH4, root.GetProperty("oxidationLimitV").GetDouble(), 9);
        Assert.Equal(["H2", "B"], Strings(root.GetProperty("oxidationProducts")));
        // with it: NaBH4 → Na + ⅒ B10H14 + 1.3 H2 at −ΔfH°(NaBH4) + ⅒ ΔfH°(B10H14) per Na (lower: B10H14 is exothermic)
        Assert.Equal(-naBH4 + b10h14 / 10, all.GetProperty("oxidationLimitV").GetDouble(), 9);
        Assert.True(b10h14 < 0);
        Assert.Equal(["H2", "B10H14"], Strings(all.GetProperty("oxidationProducts")));
        foreach (var w in new[] { root, all })
            Assert.Equal([3.0, 0, -1], w.GetProperty("profile").EnumerateArray().Select(p => Math.Round(p.GetProperty("uptakePerFormulaUnit").GetDouble(), 9)));

        // without --exclude there is nothing to compare
        var plain = CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "NaBH4", "--open", "Na", "--json");
        using var plainDoc = JsonDocument.Parse(plain.Stdout);
        Assert.False(plainDoc.RootElement.TryGetProperty("withoutExclusions", out _));

        // the table shows both columns
        var text = CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "NaBH4", "--open", "Na", "--exclude", "B10H14");
        Assert.Equal(0, text.ExitCode);
        var side = text.Stdout.Split('\n').SkipWhile(l => !(l.Contains("│") && l.Contains("without B10H14"))).ToArray();
        Assert.NotEmpty(side);
        Assert.Contains("all entries", side[0]);                               // one header row, both columns
        var oxidationRow = side.First(l => l.Contains("oxidation limit (V)"));
        Assert.Contains(Math.Round(-naBH4, 3).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), oxidationRow);
        Assert.Contains(Math.Round(-naBH4 + b10h14 / 10, 3).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), oxidationRow);
        Assert.Contains("H2 + B10H14", side.First(l => l.Contains("oxidation products")));
    }

    [Fact]
    public void WindowOutWritesTheProfileReportWholeOrNotAtAll()
    {
        using var dir = new TempDirectory();
        string html = dir.File("profile.html");
        var r = CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "NaBH4", "--open", "Na", "--exclude", "B10H14", "--out", html, "--json");
        Assert.Equal(0, r.ExitCode);
        JsonDocument.Parse(r.Stdout).Dispose();                                  // --json still prints only the document
        string text = File.ReadAllText(html);
        Assert.EndsWith("</html>", text.TrimEnd());
        var figure = Assert.Single(ReportFigures.Parse(text));
        Assert.StartsWith("NaBH4: Na uptake vs potential", ReportFigures.Title(figure));
        var traces = ReportFigures.Traces(figure).ToDictionary(ReportFigures.Name);
        using var json = JsonDocument.Parse(r.Stdout);
        // both step profiles drawn from the JSON's ranges: x = from/to of each range, y = its uptake
        foreach (var (name, window) in new[] { ("Na uptake, without B10H14", json.RootElement), ("Na uptake, all entries", json.RootElement.GetProperty("withoutExclusions")) })
        {
            var ranges = window.GetProperty("profile").EnumerateArray().ToArray();
            var xs = ReportFigures.Numbers(traces[name], "x");
            var ys = ReportFigures.Numbers(traces[name], "y");
            Assert.Equal(2 * ranges.Length, xs.Length);
            for (int i = 0; i < ranges.Length; i++)
            {
                Assert.Equal(ranges[i].GetProperty("fromV").GetDouble(), xs[2 * i], 12);
                Assert.Equal(ranges[i].GetProperty("uptakePerFormulaUnit").GetDouble(), ys[2 * i + 1], 12);
                Assert.Contains(string.Join(" + ", Strings(ranges[i].GetProperty("products"))), ReportFigures.Texts(traces[name])[2 * i]);
            }
        }
        Assert.Equal(1.958, ReportFigures.Numbers(traces["all entries: oxidation limit 1.958 V"], "x")[0], 3);
        Assert.Equal(1.988, ReportFigures.Numbers(traces["without B10H14: oxidation limit 1.988 V"], "x")[0], 3);
        Assert.Equal(0.118, ReportFigures.Numbers(traces["without B10H14: reduction limit 0.118 V"], "x")[0], 3);
        Assert.Equal(["profile.html"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));   // no temporary left behind

        // a failing window writes nothing, and a bad run does not replace an existing report
        string missing = dir.File("missing.html");
        var bad = CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "Na2B12H12", "--open", "Na", "--out", missing);
        Assert.Equal(1, bad.ExitCode);
        Assert.False(File.Exists(missing));
        var again = CliProcess.Run("thermo", "window", "builtin:na-b-h", "--compound", "NaBH4", "--open", "Na", "--exclude", "NaBH4", "--out", html);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("removes the compound", again.Stderr);
        Assert.Equal(text, File.ReadAllText(html));
    }

    [Fact]
    public void InterfaceOutWritesReactionEnergyVsMixingRatio()
    {
        using var dir = new TempDirectory();
        string html = dir.File("reaction.html");
        var r = CliProcess.Run("thermo", "interface", "builtin:na-cr-o-b-h", "--a", "NaBH4", "--b", "NaCrO2", "--open", "Na", "--potential-v", "3", "--out", html, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        string text = File.ReadAllText(html);
        Assert.EndsWith("</html>", text.TrimEnd());
        var figure = Assert.Single(ReportFigures.Parse(text));
        Assert.Equal("NaBH4 | NaCrO2 interface reaction energy", ReportFigures.Title(figure));
        var curve = ReportFigures.Traces(figure).Single(t => ReportFigures.Name(t) == "open to Na at 3 V vs Na+/Na");
        // the curve runs through the JSON's kinks, each with its products in the hover text
        var kinks = doc.RootElement.GetProperty("kinks").EnumerateArray().ToArray();
        Assert.Equal(kinks.Select(k => k.GetProperty("mixingRatio").GetDouble()), ReportFigures.Numbers(curve, "x"));
        Assert.Equal(kinks.Select(k => k.GetProperty("reactionEnergyEvPerAtom").GetDouble()), ReportFigures.Numbers(curve, "y"));
        for (int i = 0; i < kinks.Length; i++)
            Assert.EndsWith("→ " + string.Join(" + ", Strings(kinks[i].GetProperty("products"))), ReportFigures.Texts(curve)[i]);
        var min = ReportFigures.Traces(figure).Single(t => ReportFigures.Name(t).StartsWith("open to Na at 3 V vs Na+/Na: most negative", StringComparison.Ordinal));
        Assert.Equal(doc.RootElement.GetProperty("minReactionEnergyEvPerAtom").GetDouble(), ReportFigures.Numbers(min, "y")[0]);
        Assert.Equal(doc.RootElement.GetProperty("mixingRatio").GetDouble(), ReportFigures.Numbers(min, "x")[0]);

        string none = dir.File("none.html");
        var bad = CliProcess.Run("thermo", "interface", "builtin:na-cr-o-b-h", "--a", "Na2B12H12", "--b", "NaCrO2", "--out", none);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not among the entries", bad.Stderr);
        Assert.False(File.Exists(none));
        var usage = CliProcess.Run("thermo", "interface", "builtin:na-cr-o-b-h", "--a", "NaBH4", "--b", "NaCrO2", "--open", "Na", "--out", none);
        Assert.Equal(2, usage.ExitCode);
        Assert.False(File.Exists(none));
    }
}
