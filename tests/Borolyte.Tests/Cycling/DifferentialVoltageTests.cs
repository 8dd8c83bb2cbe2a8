using System.Globalization;
using System.Text.Json;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Tests.Cli;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>dV/dQ (library, `cycling dqdv --dvdq`, `cycling plot`) and the compositional window figure and "given capacity" route.</summary>
public class DifferentialVoltageTests
{
    private static string Data(string name) => TestData.Path("cycling", name);

    /// <summary>
    /// One cycle at ±1 mA, one point per second: charge along V(x), x = Q/1 mAh from 0 to 1, then discharge back along the
    /// same curve (x from 1 to 0).
    /// </summary>
    private static CyclingRun Curve(Func<double, double> voltage)
    {
        const int n = 3600;
        var t = new List<double> { 0 }; var v = new List<double> { voltage(0) }; var i = new List<double> { 0 };
        for (int k = 1; k <= n; k++) { t.Add(k); v.Add(voltage((double)k / n)); i.Add(1e-3); }
        for (int k = 1; k <= n; k++) { t.Add(n + k); v.Add(voltage(1 - (double)k / n)); i.Add(-1e-3); }
        return CyclingRun.Build(new CyclingRawData { SourcePath = "curve", Format = "test", TestTimeSecond = [.. t], VoltageVolt = [.. v], CurrentAmpere = [.. i] });
    }

    private static double Interpolate(double[] x, double[] y, double at)
    {
        bool rising = x[^1] > x[0];
        int j = 0;
        while (j < x.Length - 2 && (rising ? x[j + 1] < at : x[j + 1] > at)) j++;
        double f = (at - x[j]) / (x[j + 1] - x[j]);
        return y[j] + f * (y[j + 1] - y[j]);
    }

    [Fact]
    public void DvDqTimesDqDvIsOneAwayFromPeaks()
    {
        // A smooth, strictly rising curve without plateaus: V = 3 + 0.8 x + 0.05 sin 2πx (dV/dx between 0.49 and 1.11 V).
        static double V(double x) => 3.0 + 0.8 * x + 0.05 * Math.Sin(2 * Math.PI * x);
        var run = Curve(V);
        var dvdq = DifferentialCapacity.DvDq(run, 1).Single(c => c.Direction == "charge");
        var dqdv = DifferentialCapacity.DqDv(run, 1, new DifferentialOptions { VoltageStepV = 0.002 }).Single(c => c.Direction == "charge");
        int checkedPoints = 0;
        for (int g = 0; g < dvdq.X.Length; g++)
        {
            double x = dvdq.X[g] / 1e-3;   // Ah → fraction of the 1 mAh
            if (x < 0.1 || x > 0.9) continue;   // the ends of the grids, where the central differences are one-sided
            double product = dvdq.Y[g] * Interpolate(dqdv.X, dqdv.Y, V(x));
            Assert.True(Math.Abs(product - 1) < 0.01, $"x = {x:F3}: dV/dQ × dQ/dV = {product}");
            // and both against the closed form dV/dQ = (0.8 + 0.1π cos 2πx) V per mAh
            double exact = (0.8 + 0.1 * Math.PI * Math.Cos(2 * Math.PI * x)) / 1e-3;
            Assert.True(Math.Abs(dvdq.Y[g] / exact - 1) < 0.01, $"x = {x:F3}: dV/dQ {dvdq.Y[g]} vs {exact}");
            checkedPoints++;
        }
        Assert.True(checkedPoints > 100);
    }

    [Fact]
    public void TwoPlateausGiveADvDqPeakAtTheirBoundary()
    {
        // Two plateaus (3.0 V and 3.4 V, 50 mV of slope each) joined by a step at half the capacity (logistic, width 0.01).
        static double V(double x) => 3.0 + 0.05 * x + 0.4 / (1 + Math.Exp(-(x - 0.5) / 0.01));
        var run = Curve(V);
        var curves = DifferentialCapacity.DvDq(run, 1);
        Assert.Equal(["charge", "discharge"], curves.Select(c => c.Direction));
        foreach (var c in curves)
        {
            double peak = Assert.Single(c.Peaks);
            Assert.Equal(0.5e-3, peak, 1e-5);   // at Q/2, within 1 % of the capacity
            Assert.Equal(c.X[^1], 1e-3, 1e-5);
        }
        // dQ/dV is the other way round: largest on the plateaus (1 mAh / 50 mV = 0.02 Ah/V), smallest across the step.
        var dq = DifferentialCapacity.DqDv(run, 1).Single(c => c.Direction == "charge");
        Assert.Equal(0.02, Interpolate(dq.X, dq.Y, 3.01), 0.002);
        Assert.True(Interpolate(dq.X, dq.Y, 3.23) < 0.002);
        var missing = Assert.Throws<InvalidInputException>(() => DifferentialCapacity.DvDq(run, 7));
        Assert.Equal("curve: cycle 7 is not in the run (cycles 1–1)", missing.Message);
    }

    [Fact]
    public void CliDvDqWritesPeaksToCsvAndJson()
    {
        using var dir = new TempDirectory();
        var r = CliProcess.Run("cycling", "dqdv", Data("neware_uio.csv"), "--cycle", "2", "--dvdq", "--out", dir.File("v.csv"), "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("dvdq", root.GetProperty("quantity").GetString());
        Assert.Equal(2, root.GetProperty("cycle").GetInt32());
        var lines = File.ReadAllLines(dir.File("v.csv"));
        Assert.StartsWith("# dV/dQ of neware_uio.csv, cycle 2; smoothing: Savitzky–Golay, cubic, 9 points; 200 capacity points", lines[0]);
        foreach (var curve in root.GetProperty("curves").EnumerateArray())
        {
            string direction = curve.GetProperty("direction").GetString()!;
            var peaks = curve.GetProperty("peaksMAh").EnumerateArray().Select(p => p.GetDouble()).ToArray();
            var line = Assert.Single(lines, l => l.StartsWith($"# peaks {direction} (mAh): ", StringComparison.Ordinal));
            string listed = line[(line.IndexOf(':') + 2)..];
            var fromCsv = listed == "none" ? [] : listed.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(peaks, fromCsv);
            // each peak is a local maximum of |dV/dQ| among the file's own rows
            var rows = lines.Where(l => l.StartsWith(direction + ",", StringComparison.Ordinal)).Select(l => l.Split(','))
                .Select(f => (Q: double.Parse(f[1], CultureInfo.InvariantCulture), Y: double.Parse(f[2], CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(curve.GetProperty("points").GetInt32(), rows.Count);
            foreach (double p in peaks)
            {
                int k = rows.FindIndex(x => x.Q == p);
                Assert.True(Math.Abs(rows[k].Y) > Math.Abs(rows[k - 1].Y) && Math.Abs(rows[k].Y) > Math.Abs(rows[k + 1].Y));
            }
        }
        Assert.Contains("direction,capacity_mah,dvdq_volt_per_mah", lines);
        // dQ/dV's CSV states its peaks too (volts)
        var dq = CliProcess.Run("cycling", "dqdv", Data("neware_uio.csv"), "--cycle", "2", "--out", dir.File("d.csv"));
        Assert.Equal(0, dq.ExitCode);
        Assert.Contains(File.ReadAllLines(dir.File("d.csv")), l => l.StartsWith("# peaks charge (V): ", StringComparison.Ordinal));
        var missing = CliProcess.Run("cycling", "dqdv", Data("neware_uio.csv"), "--cycle", "9", "--dvdq", "--out", dir.File("x.csv"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cycle 9 is not in the run (cycles 1–4)", missing.Stderr);
        Assert.False(File.Exists(dir.File("x.csv")));
    }

    [Fact]
    public void PlotHasDvDqAndTheCompositionalWindow()
    {
        using var dir = new TempDirectory();
        var neware = CliProcess.Run("cycling", "plot", Data("neware_uio.csv"), "--out", dir.File("n.html"));
        Assert.True(neware.ExitCode == 0, neware.Stderr);
        string plain = File.ReadAllText(dir.File("n.html"));
        Assert.Contains("dV/dQ, cycle 1", plain);
        Assert.Contains("dV/dQ (V/mAh)", plain);
        Assert.DoesNotContain("Compositional window", plain);
        var r = CliProcess.Run("cycling", "plot", Data("biol.mpr"), "--electrode", "working", "--active-mass-mg", "5", "--host-formula", "Si",
            "--initial-content", "3.75", "--out", dir.File("r.html"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        string html = File.ReadAllText(dir.File("r.html"));
        Assert.Contains("Compositional window per cycle", html);
        Assert.Contains("x in Si (ion per formula unit)", html);
        var usage = CliProcess.Run("cycling", "plot", Data("biol.mpr"), "--host-formula", "Si", "--capacity-per-content-mah-g", "954", "--initial-content", "3.75", "--out", dir.File("u.html"));
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal(2, CliProcess.Run("cycling", "plot", Data("biol.mpr"), "--capacity-per-content-mah-g", "954", "--out", dir.File("u.html")).ExitCode);
        var noMass = CliProcess.Run("cycling", "plot", Data("biol.mpr"), "--capacity-per-content-mah-g", "954", "--initial-content", "3.75", "--out", dir.File("u.html"));
        Assert.Equal(1, noMass.ExitCode);
        Assert.Contains("needs the active mass", noMass.Stderr);
        Assert.False(File.Exists(dir.File("u.html")));
    }

    [Fact]
    public void GivenCapacityRouteMatchesTheFormulaRoute()
    {
        // 954.3 mAh/g per Li per Si is F/(3.6 M_Si); giving it instead of the formula gives the same window.
        var byFormula = new CompositionOptions("Si", 3.75, 5e-6);
        var byCapacity = new CompositionOptions(null, 3.75, 5e-6, 1, byFormula.CapacityPerUnitContentMAhPerG);
        Assert.Equal(byFormula.MolarMassGPerMol, byCapacity.MolarMassGPerMol, 9);
        var run = Curve(x => 0.2 + 0.5 * x);
        var a = CompositionWindow.Compute(run, ElectrodeRole.Working, byFormula);
        var b = CompositionWindow.Compute(run, ElectrodeRole.Working, byCapacity);
        Assert.Equal(a.Count, b.Count);
        for (int k = 0; k < a.Count; k++) Assert.Equal(a[k].ContentMin, b[k].ContentMin, 12);
        // 1 mAh out of 5 mg at 954.3 mAh/g per unit of x: Δx = 1 / (954.3 × 0.005).
        Assert.Equal(3.75 - 1 / (byFormula.CapacityPerUnitContentMAhPerG * 5e-3), b[0].ContentMin, 6);
        Assert.Throws<InvalidInputException>(() => CompositionWindow.Compute(run, ElectrodeRole.Working, byCapacity with { HostFormula = "Si" }));
        Assert.Throws<InvalidInputException>(() => CompositionWindow.Compute(run, ElectrodeRole.Working, byCapacity with { GivenCapacityMAhPerG = -1 }));
        // CLI: the given route says so in JSON and gives the window of the formula route.
        var formula = CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--electrode", "working", "--active-mass-mg", "5", "--host-formula", "Si", "--initial-content", "3.75", "--json");
        var given = CliProcess.Run("cycling", "summarize", Data("biol.mpr"), "--electrode", "working", "--active-mass-mg", "5",
            "--capacity-per-content-mah-g", byFormula.CapacityPerUnitContentMAhPerG.ToString("R", CultureInfo.InvariantCulture), "--initial-content", "3.75", "--json");
        Assert.True(given.ExitCode == 0, given.Stderr);
        using var f = JsonDocument.Parse(formula.Stdout);
        using var g = JsonDocument.Parse(given.Stdout);
        var fw = f.RootElement.GetProperty("compositionWindow");
        var gw = g.RootElement.GetProperty("compositionWindow");
        Assert.Equal("formula", fw.GetProperty("capacityBasis").GetString());
        Assert.Equal("given", gw.GetProperty("capacityBasis").GetString());
        Assert.Equal(JsonValueKind.Null, gw.GetProperty("hostFormula").ValueKind);
        Assert.Equal(fw.GetProperty("cycles")[0].GetProperty("contentMin").GetDouble(), gw.GetProperty("cycles")[0].GetProperty("contentMin").GetDouble(), 9);
    }
}
