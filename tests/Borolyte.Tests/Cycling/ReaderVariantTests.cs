using System.Globalization;
using System.Text;
using Borolyte.Cycling;
using Borolyte.Cycling.Analysis;
using Borolyte.Cycling.Readers;
using Borolyte.Tests.Support;

namespace Borolyte.Tests.Cycling;

/// <summary>
/// Arbin, PRIME, Maccor and generic-CSV readers beyond "the real file reads": header variants built from the real files'
/// rows (headers changed, values rescaled to the units the new headers state), and per-cycle capacities against the
/// files' own counters. The real Arbin and PRIME files carry no current (an initial rest; a PRIME file whose current and
/// capacity columns are 0.00 throughout), so their layouts are also filled with the real records of neware_uio.csv,
/// whose per-cycle numbers are checked against that file's own counters elsewhere (CyclerReaderTests).
/// </summary>
public class ReaderVariantTests
{
    private static string Data(string name) => TestData.Path("cycling", name);
    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void SameCycles(CyclingSummary expected, CyclingSummary actual, int digits = 12)
    {
        Assert.Equal(expected.Cycles.Select(c => c.Cycle), actual.Cycles.Select(c => c.Cycle));
        for (int k = 0; k < expected.Cycles.Count; k++)
        {
            Assert.Equal(expected.Cycles[k].ChargeCapacityAh, actual.Cycles[k].ChargeCapacityAh, digits);
            Assert.Equal(expected.Cycles[k].DischargeCapacityAh, actual.Cycles[k].DischargeCapacityAh, digits);
            Assert.Equal(expected.Cycles[k].CoulombicEfficiency!.Value, actual.Cycles[k].CoulombicEfficiency!.Value, 9);
        }
    }

    /// <summary>The real Arbin rows under Arbin's space-and-unit headers, current in mA and voltage in mV; and as an XLSX saved to CSV (BOM, CRLF, quoted headers).</summary>
    [Fact]
    public void ArbinHeaderVariantsOnTheRealRows()
    {
        var lines = File.ReadAllLines(Data("arbin_FastCharge_000025_CH8.csv"));
        var original = CyclingFileReader.Read(Data("arbin_FastCharge_000025_CH8.csv"));
        using var dir = new TempDirectory();
        // Data_Point,Test_Time,DateTime,Step_Time,Step_Index,Cycle_Index,Current,Voltage,Charge_Capacity,Discharge_Capacity,Charge_Energy,Discharge_Energy,...
        string spaced = "Data Point,Test Time (min),Date Time,Step Time (s),Step Index,Cycle Index,Current (mA),Voltage (mV),Charge Capacity (mAh),Discharge Capacity (mAh),Charge Energy (mWh),Discharge Energy (mWh),dV/dt (V/s),Internal Resistance (Ohm),Temperature (C)";
        var rows = lines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            f[1] = F(double.Parse(f[1], CultureInfo.InvariantCulture) / 60);
            foreach (int k in new[] { 6, 7, 8, 9, 10, 11 }) f[k] = F(double.Parse(f[k], CultureInfo.InvariantCulture) * 1000);
            return string.Join(',', f);
        });
        File.WriteAllLines(dir.File("spaced.csv"), rows.Prepend(spaced));
        var a = CyclingFileReader.Read(dir.File("spaced.csv"));
        Assert.Equal("arbin-csv", a.Format);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(original.VoltageVolt[i], a.VoltageVolt[i], 12);
            Assert.Equal(original.TestTimeSecond[i], a.TestTimeSecond[i], 9);
        }
        string quoted = string.Join(',', lines[0].Split(',').Select(h => $"\"{h}\""));
        File.WriteAllBytes(dir.File("xlsx.csv"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Skip(1).Prepend(quoted)) + "\r\n")]);
        var b = CyclingFileReader.Read(dir.File("xlsx.csv"));
        Assert.Equal(original.VoltageVolt, b.VoltageVolt);
        Assert.Equal(original.CycleCount, b.CycleCount);
        File.WriteAllLines(dir.File("bad.csv"), lines.Skip(1).Prepend(lines[0].Replace("Voltage", "Voltage (kW)")));
        Assert.Contains("unit 'kW' not understood (expected V)", Assert.Throws<InvalidInputException>(() => CyclingFileReader.Read(dir.File("bad.csv"))).Message);
    }

    /// <summary>Arbin's layout filled with real records (neware_uio.csv): capacity counters, discharge current negative, both header styles.</summary>
    [Theory]
    [InlineData("Data_Point,Test_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V),Charge_Capacity(Ah),Discharge_Capacity(Ah),Charge_Energy(Wh),Discharge_Energy(Wh)", 1.0, 1.0)]
    [InlineData("Data Point,Test Time (s),Step Index,Cycle Index,Current (mA),Voltage (V),Charge Capacity (mAh),Discharge Capacity (mAh),Charge Energy (Wh),Discharge Energy (Wh)", 1e3, 1e3)]
    public void ArbinCapacityAndSignOnRealRecords(string header, double currentScale, double capacityScale)
    {
        var neware = CyclingFileReader.Read(Data("neware_uio.csv"));
        var text = new StringBuilder(header + "\n");
        for (int i = 0; i < neware.Count; i++)
            text.Append(string.Join(',', i, F(neware.TestTimeSecond[i]), neware.StepCount[i], neware.CycleCount[i], F(neware.CurrentAmpere[i] * currentScale), F(neware.VoltageVolt[i]),
                F(neware.ChargingCapacityAmpereHour![i] * capacityScale), F(neware.DischargingCapacityAmpereHour![i] * capacityScale),
                F(neware.ChargingEnergyWattHour![i]), F(neware.DischargingEnergyWattHour![i]))).Append('\n');
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("arbin.csv"), text.ToString());
        var arbin = CyclingFileReader.Read(dir.File("arbin.csv"));
        Assert.Equal("arbin-csv", arbin.Format);
        for (int i = 0; i < arbin.Count; i++) Assert.Equal(neware.CurrentAmpere[i], arbin.CurrentAmpere[i], 12);
        Assert.All(arbin.CurrentAmpere.Where((_, i) => arbin.Kind[i] == StepKind.ConstantCurrentDischarge), c => Assert.True(c < 0));
        var expected = CycleSummarizer.Summarize(neware);
        SameCycles(expected, CycleSummarizer.Summarize(arbin), 9);
        // and with the counters ignored, coulomb counting of the same records agrees with them within 1 %
        var counted = CycleSummarizer.Summarize(arbin, new SummaryOptions { IntegrateCurrent = true });
        for (int k = 0; k < 3; k++)
            Assert.Equal(1, counted.Cycles[k].ChargeCapacityAh / expected.Cycles[k].ChargeCapacityAh, 2);
    }

    /// <summary>PRIME: the real file's cycles and (zero) counters, then its header block over real records.</summary>
    [Fact]
    public void PrimePerCycleAgainstItsOwnCapacityColumns()
    {
        string path = Data("custom_data_001.csv");
        var all = File.ReadAllLines(path, Encoding.Latin1);
        int header = Array.FindIndex(all, l => l.StartsWith("index;test_time", StringComparison.Ordinal));
        var rows = all.Skip(header + 1).Select(l => l.Split(';')).Where(f => f[0] != "").ToList();
        var byCycle = rows.GroupBy(f => int.Parse(f[5], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (Charge: g.Max(f => double.Parse(f[8], CultureInfo.InvariantCulture)), Discharge: g.Max(f => double.Parse(f[9], CultureInfo.InvariantCulture))));
        var summary = CycleSummarizer.Summarize(CyclingFileReader.Read(path));
        Assert.Equal(byCycle.Keys.Order(), summary.Cycles.Select(c => c.Cycle));
        foreach (var c in summary.Cycles)
        {
            Assert.Equal(byCycle[c.Cycle].Charge, c.ChargeCapacityAh, 12);   // 0.00 throughout: the file records no current
            Assert.Equal(byCycle[c.Cycle].Discharge, c.DischargeCapacityAh, 12);
        }
        // The same header block over real records: PRIME's counters restart per step (its format note); built here per step.
        var neware = CyclingFileReader.Read(Data("neware_uio.csv"));
        var text = new StringBuilder(string.Join("\n", all.Take(header + 1)) + "\n");
        double chg = 0, dchg = 0;
        for (int i = 0; i < neware.Count; i++)
        {
            if (i > 0 && neware.StepCount[i] != neware.StepCount[i - 1]) { chg = 0; dchg = 0; }
            if (i > 0)
            {
                double dq = Math.Abs(neware.CurrentAmpere[i]) * (neware.TestTimeSecond[i] - neware.TestTimeSecond[i - 1]) / 3600;
                if (neware.CurrentAmpere[i] > 0) chg += dq; else if (neware.CurrentAmpere[i] < 0) dchg += dq;
            }
            text.Append(string.Join(';', i, F(neware.TestTimeSecond[i]), 0, 0, neware.StepCount[i], neware.CycleCount[i], F(neware.CurrentAmpere[i]), F(neware.VoltageVolt[i]), F(chg), F(dchg))).Append('\n');
        }
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("prime.csv"), text.ToString(), Encoding.Latin1);
        var prime = CyclingFileReader.Read(dir.File("prime.csv"));
        Assert.Equal("prime-csv", prime.Format);
        SameCycles(CycleSummarizer.Summarize(neware, new SummaryOptions { IntegrateCurrent = true }), CycleSummarizer.Summarize(prime), 9);
    }

    /// <summary>
    /// Maccor per cycle. This file's Cyc# stays 0 (the procedure does not count), so the cycles are charge-first ones,
    /// rebuilt here from the State column alone (a C after a D opens a cycle); per cycle, the maxima of Amp-hr (it restarts
    /// every step) of its C and D steps.
    /// </summary>
    [Fact]
    public void MaccorPerCycleAgainstItsAmpHourColumn()
    {
        var perCycle = new Dictionary<int, (double Charge, double Discharge)>();
        int cycle = 1, last = 0;
        string? runKey = null;
        double runMax = 0;
        string runState = "";
        void Close()
        {
            if (runKey is null) return;
            var (c, d) = perCycle.GetValueOrDefault(cycle);
            perCycle[cycle] = runState == "C" ? (c + runMax, d) : runState == "D" ? (c, d + runMax) : (c, d);
        }
        foreach (var line in File.ReadLines(Data("maccor_001.txt")).Skip(4))
        {
            var f = line.Split('\t');
            string key = f[2] + "/" + f[9];
            if (key != runKey)
            {
                Close();
                int direction = f[9] == "C" ? 1 : f[9] == "D" ? -1 : 0;
                if (direction == 1 && last == -1) cycle++;
                if (direction != 0) last = direction;
                runKey = key; runMax = 0; runState = f[9];
            }
            runMax = Math.Max(runMax, double.Parse(f[5], CultureInfo.InvariantCulture));
        }
        Close();
        var run = CyclingFileReader.Read(Data("maccor_001.txt"), CycleDefinition.ChargeFirst);
        var summary = CycleSummarizer.Summarize(run, new SummaryOptions { Mode = ElectrodeMode.Cathode });
        Assert.Equal(perCycle.Keys.Order(), summary.Cycles.Select(c => c.Cycle));
        Assert.True(summary.Cycles.Count >= 5, $"{summary.Cycles.Count} cycles");
        foreach (var c in summary.Cycles)
        {
            Assert.Equal(perCycle[c.Cycle].Charge, c.ChargeCapacityAh, 6);
            Assert.Equal(perCycle[c.Cycle].Discharge, c.DischargeCapacityAh, 6);
        }
    }

    /// <summary>Generic CSV: decimal commas, lines before the header, capacity columns, discharge-positive sign flip — all from --map.</summary>
    [Fact]
    public void GenericMappingCoversCommaSkipCapacityAndSign()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("g.csv"),
            "exported by some logger\nchannel 3\nt/h;E/V;I/mA;Qc/mAh;Qd/mAh\n0;3,0;1;0;0\n0,5;3,5;1;0,5;0\n1;4,0;1;1,0;0\n1,5;3,6;1;1,0;0,45\n2;3,0;1;1,0;0,9\n");
        var map = ColumnMapping.Parse("time=t/h,voltage=E/V,current=I/mA,time-scale=3600,current-scale=0.001,delimiter=semicolon,decimal=comma,skip-lines=2,"
            + "charge-capacity=Qc/mAh,discharge-capacity=Qd/mAh,capacity-scale=0.001");
        Assert.True(map.DecimalComma);
        Assert.Equal(2, map.SkipLines);
        var raw = CyclingFileReader.Read(dir.File("g.csv"), mapping: map);
        Assert.Equal(3.5, raw.VoltageVolt[1]);
        var cycle = Assert.Single(CycleSummarizer.Summarize(raw).Cycles);
        Assert.Equal(1.0e-3, cycle.ChargeCapacityAh, 12);
        Assert.Equal(0.9e-3, cycle.DischargeCapacityAh, 12);   // from the file's Qd column, not the current
        // The discharge current written positive (last two rows) is flipped by discharge-positive=true... only when the file says so:
        File.WriteAllText(dir.File("p.csv"), "t,V,I\n0,3.0,0.001\n1800,3.5,0.001\n3600,4.0,0.001\n5400,3.6,0.001\n7200,3.0,0.001\n");
        var unsigned = CyclingFileReader.Read(dir.File("p.csv"), mapping: ColumnMapping.Parse("time=t,voltage=V,current=I"));
        Assert.All(unsigned.CurrentAmpere.Skip(1), c => Assert.True(c > 0));
        File.WriteAllText(dir.File("d.csv"), "t,V,I\n0,4.0,0.001\n1800,3.6,0.001\n3600,3.0,0.001\n");
        var flipped = CyclingFileReader.Read(dir.File("d.csv"), mapping: ColumnMapping.Parse("time=t,voltage=V,current=I,discharge-positive=true"));
        Assert.All(flipped.CurrentAmpere.Skip(1), c => Assert.Equal(-0.001, c));
        Assert.Contains(flipped.Notes, n => n.Contains("sign flipped: the file's discharge current is positive"));
        var s = Assert.Single(CycleSummarizer.Summarize(flipped).Cycles);
        Assert.Equal(1e-3, s.DischargeCapacityAh, 12);
        Assert.Equal(0, s.ChargeCapacityAh);
        // Bad mappings are one-line errors naming the key.
        Assert.Contains("unknown key 'colour'", Assert.Throws<InvalidInputException>(() => ColumnMapping.Parse("time=t,voltage=V,current=I,colour=red")).Message);
        Assert.Contains("skip-lines='x'", Assert.Throws<InvalidInputException>(() => ColumnMapping.Parse("time=t,voltage=V,current=I,skip-lines=x")).Message);
        Assert.Contains("decimal='dot'", Assert.Throws<InvalidInputException>(() => ColumnMapping.Parse("time=t,voltage=V,current=I,decimal=dot")).Message);
    }
}
