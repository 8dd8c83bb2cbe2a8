using System.Globalization;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Turns a BioLogic .mpr or .mpt into cycling columns. EC-Lab's current is positive when it oxidises the working
/// electrode, which is Borolyte's charge direction (the cell voltage Ewe − Ece rises). With both Ewe and Ece present
/// the cell voltage is Ewe − Ece and both potentials are kept (three-electrode cells). "mode" 1 marks constant current,
/// 2 constant voltage, 3 rest; "ox/red" checks the current's sign; "half cycle" and "cycle number" (both counted from 0)
/// give the half cycles and cycles. "Q charge/discharge" (restarts every half cycle; negative while discharging), else
/// "(Q-Qo)" (net charge since the start), gives the capacity counters, "Energy charge"/"Energy discharge" the energies. The active mass and area come from the file only, never a default.
/// </summary>
internal static class BioLogicCyclingReader
{
    /// <summary>
    /// The .mpt columns <see cref="Build"/> uses, of those present: of each set of alternatives only the one it picks
    /// (the first present), so the others are skipped without parsing.
    /// </summary>
    internal static HashSet<string> UsedColumns(IReadOnlyList<string> names)
    {
        var present = names.ToHashSet();
        string? First(params string[] options) => options.FirstOrDefault(present.Contains);
        var used = new HashSet<string>();
        void Add(string? name) { if (name is not null) used.Add(name); }
        Add(First("time/s")); Add(First("I/mA", "<I>/mA")); Add(First("Ewe/V", "<Ewe>/V")); Add(First("Ece/V", "<Ece>/V"));
        Add(First("Ewe-Ece/V")); Add(First("mode")); Add(First("freq/Hz")); Add(First("ox/red"));
        if (First("Q charge/mA.h") is { } qc && First("Q discharge/mA.h") is { } qd) { Add(qc); Add(qd); }
        else Add(First("Q charge/discharge/mA.h") ?? First("(Q-Qo)/mA.h"));
        Add(First("Energy charge/W.h")); Add(First("Energy discharge/W.h"));
        Add(First("cycle number")); Add(First("half cycle")); Add(First("Ns"));
        return used;
    }

    public static CyclingRawData ReadMpr(string path)
    {
        var mpr = MprFile.Read(path);
        var notes = new List<string>(mpr.Warnings.Select(w => "warning: " + w));
        double? mass = null, area = null;
        if (mpr.Settings is { } s)
        {
            if (MprSettings.IsEcLabPlaceholder(s.ActiveMaterialMassMg))
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"settings module: active material mass {s.ActiveMaterialMassMg:G4} mg is EC-Lab's unset default; no mass used"));
            else { mass = s.ActiveMaterialMassMg * 1e-6; notes.Add(string.Create(CultureInfo.InvariantCulture, $"active mass {s.ActiveMaterialMassMg:G6} mg from the settings module")); }
            if (MprSettings.IsEcLabPlaceholder(s.ElectrodeAreaCm2))
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"settings module: electrode area {s.ElectrodeAreaCm2:G4} cm² is EC-Lab's unset default; no area used"));
            else { area = s.ElectrodeAreaCm2 * 1e-4; notes.Add(string.Create(CultureInfo.InvariantCulture, $"electrode area {s.ElectrodeAreaCm2:G6} cm² from the settings module")); }
        }
        return Build(path, "biologic-mpr", mpr.HasColumn, mpr.Column, mpr.RowCount, notes, mass, area);
    }

    public static CyclingRawData ReadMpt(string path)
    {
        var mpt = MptFile.ReadChoosing(path, names => UsedColumns(names).Contains);
        var notes = new List<string>();
        if (mpt.DecimalComma) notes.Add("decimal commas read as decimal points");
        double? mass = Quantity(mpt.Meta("Mass of active material"), new() { ["mg"] = 1e-6, ["g"] = 1e-3 }, notes, "active mass");
        double? area = Quantity(mpt.Meta("Electrode surface area"), new() { ["cm²"] = 1e-4, ["cm2"] = 1e-4, ["mm²"] = 1e-6 }, notes, "electrode area");
        return Build(path, "biologic-mpt", mpt.HasColumn, mpt.Column, mpt.RowCount, notes, mass, area);
    }

    private static double? Quantity(string? text, Dictionary<string, double> units, List<string> notes, string what)
    {
        if (text is null) return null;
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !units.TryGetValue(parts[1], out double factor))
        {
            notes.Add($"header {what} '{text}' not understood; not used");
            return null;
        }
        if (MprSettings.IsEcLabPlaceholder(value)) { notes.Add($"header {what} '{text}' is EC-Lab's unset default; not used"); return null; }
        notes.Add($"{what} {text} from the header");
        return value * factor;
    }

    private static CyclingRawData Build(string path, string format, Func<string, bool> has, Func<string, double[]> column, int rows, List<string> notes, double? mass, double? area)
    {
        string? First(params string[] names) => names.FirstOrDefault(has);
        string time = First("time/s") ?? throw new InvalidInputException($"{path}: no 'time/s' column");
        string current = First("I/mA", "<I>/mA") ?? throw new InvalidInputException($"{path}: no current column ('I/mA' or '<I>/mA'); this is not galvanostatic cycling data");
        string? ewe = First("Ewe/V", "<Ewe>/V");
        string? ece = First("Ece/V", "<Ece>/V");
        string? cell = First("Ewe-Ece/V");
        if (ewe is null && cell is null) throw new InvalidInputException($"{path}: no voltage column ('Ewe/V', '<Ewe>/V' or 'Ewe-Ece/V')");
        double[] voltage;
        double[]? eweValues = ewe is null ? null : column(ewe), eceValues = ece is null ? null : column(ece);
        if (cell is not null) voltage = column(cell);
        else if (eceValues is not null && eceValues.Any(x => x != 0))
        {
            voltage = new double[rows];
            for (int i = 0; i < rows; i++) voltage[i] = eweValues![i] - eceValues[i];
            notes.Add($"three-electrode data: cell voltage = {ewe} − {ece}; both electrode potentials kept");
        }
        else { voltage = eweValues!; eweValues = null; eceValues = null; }
        // The file's arrays belong to this read: scaled in place rather than copied (a copy is fresh memory to fault in).
        var amps = column(current);
        for (int i = 0; i < amps.Length; i++) amps[i] *= 1e-3;
        // EC-Lab's mode: 1 constant current (galvanostatic), 2 constant voltage, 3 rest (galvani, yadg flag tables).
        sbyte[]? kind = null;
        if (has("mode"))
        {
            var mode = column("mode");
            kind = new sbyte[rows];
            for (int i = 0; i < rows; i++)
                kind[i] = (sbyte)(mode[i] switch
                {
                    1 when amps[i] > 0 => (int)StepKind.ConstantCurrentCharge,
                    1 when amps[i] < 0 => (int)StepKind.ConstantCurrentDischarge,
                    2 => (int)StepKind.ConstantVoltage,
                    3 => (int)StepKind.Rest,
                    _ => -1,
                });
            notes.Add("step kinds from the file's mode column (1 constant current, 2 constant voltage, 3 rest)");
        }
        if (First("freq/Hz") is { } freqName)
        {
            var freq = column(freqName);
            kind ??= Enumerable.Repeat((sbyte)-1, rows).ToArray();
            int ac = 0;
            for (int i = 0; i < rows; i++) if (freq[i] > 0) { kind[i] = (sbyte)StepKind.Rest; ac++; }
            if (ac > 0) notes.Add($"{ac} points of impedance measurements (freq/Hz > 0): alternating current, no net charge; treated as rest");
        }
        if (has("ox/red"))
        {
            // ox/red is 1 while the working electrode is oxidised (I > 0): a check of the current sign, not a second source
            // (rests and impedance points, whose current alternates, are not checked).
            var oxred = column("ox/red");
            int current_ = 0, disagree = 0;
            for (int i = 0; i < rows; i++)
            {
                if (amps[i] == 0 || (kind is not null && kind[i] == (int)StepKind.Rest)) continue;
                current_++;
                if ((oxred[i] == 1) != (amps[i] > 0)) disagree++;
            }
            notes.Add(disagree == 0
                ? $"ox/red agrees with the sign of '{current}' at all {current_} current points"
                : $"warning: ox/red disagrees with the sign of '{current}' at {disagree} of {current_} current points (the current is taken as written)");
        }
        double[]? chg = null, dchg = null;
        if (First("Q charge/mA.h") is { } qc && First("Q discharge/mA.h") is { } qd)
        {
            chg = column(qc);
            dchg = column(qd);
            for (int i = 0; i < chg.Length; i++) chg[i] *= 1e-3;
            for (int i = 0; i < dchg.Length; i++) dchg[i] *= 1e-3;
        }
        else if (First("Q charge/discharge/mA.h") is { } q)
        {
            chg = column(q);
            dchg = new double[chg.Length];
            for (int i = 0; i < chg.Length; i++)
            {
                dchg[i] = Math.Max(-chg[i], 0) * 1e-3;
                chg[i] = Math.Max(chg[i], 0) * 1e-3;
            }
        }
        else if (First("(Q-Qo)/mA.h") is { } net)
        {
            // (Q-Qo) is the net charge passed since the start: its rises are charge, its falls discharge (cumulative counters).
            var values = column(net);
            chg = new double[rows];
            dchg = new double[rows];
            for (int i = 1; i < rows; i++)
            {
                double step = (values[i] - values[i - 1]) * 1e-3;
                chg[i] = chg[i - 1] + Math.Max(step, 0);
                dchg[i] = dchg[i - 1] + Math.Max(-step, 0);
            }
            notes.Add($"capacities from '{net}' (net charge since the start): its rises count as charge, its falls as discharge");
        }
        double[]? chgE = First("Energy charge/W.h") is { } ec ? column(ec) : null;
        double[]? dchgE = First("Energy discharge/W.h") is { } ed ? column(ed) : null;
        notes.Insert(0, $"BioLogic: current from '{current}' (mA → A), positive = oxidation of the working electrode = charge");
        int[]? cycles = First("cycle number") is { } cn ? Integers(path, cn, column(cn)) : null;
        if (cycles is { Length: > 0 } && cycles.Min() == 0)
        {
            for (int i = 0; i < cycles.Length; i++) cycles[i]++;
            notes.Add("cycle number counted from 0 (EC-Lab): renumbered from 1");
        }
        int[]? halves = null;
        if (First("half cycle") is { } hc)
        {
            // EC-Lab counts half cycles from 0, the first one including any rest before it; Borolyte's are 1-based.
            halves = Integers(path, hc, column(hc));
            for (int i = 0; i < halves.Length; i++) halves[i]++;
        }
        return new CyclingRawData
        {
            SourcePath = path, Format = format, TestTimeSecond = column(time), VoltageVolt = voltage, CurrentAmpere = amps,
            InstrumentCycle = cycles, InstrumentHalfCycle = halves,
            InstrumentStep = First("Ns") is { } ns ? Integers(path, ns, column(ns)) : null, InstrumentKind = kind,
            ChargingCapacityAmpereHour = chg, DischargingCapacityAmpereHour = dchg,
            ChargingEnergyWattHour = chgE, DischargingEnergyWattHour = dchgE,
            EweVolt = eweValues, EceVolt = eceValues, ActiveMassKg = mass, AreaM2 = area, Notes = notes,
        };
    }

    private static int[] Integers(string path, string name, double[] values)
    {
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != Math.Floor(values[i]) || Math.Abs(values[i]) > int.MaxValue)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"{path}: data row {i + 1}, column '{name}': {values[i]} is not an integer"));
            result[i] = (int)values[i];
        }
        return result;
    }
}
