using System.Globalization;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Neware BTS record-level CSV export ("DataPoint,Cycle Index,Step Index,Step Type,Time,Cumulative Time,Current(A),
/// Voltage(V),...,Chg. Cap.(Ah),DChg. Cap.(Ah),...,Chg. Energy(Wh),DChg. Energy(Wh),..."). Units are read from the
/// header's parentheses (A or mA, Ah or mAh, Wh or mWh). Discharge current is negative in the file. Capacity counters
/// restart at every step. When the export has "Capacity(Ah)" and "Spec. Cap.(mAh/g)" the active mass the software
/// used is recovered from their ratio and noted.
/// </summary>
internal static class NewareCsvReader
{
    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        var (names, count) = CyclingFileReader.Header(reader, path, (byte)',', "Neware");
        var header = new HeaderIndex(path, 1, names);
        int time = header.Find("Cumulative Time", "Total Time") ?? header.Require("time", "Cumulative Time", "Total Time");
        int current = header.Require("current", Prefixed(names, "Current("));
        int voltage = header.Require("voltage", Prefixed(names, "Voltage("));
        int cycle = header.Require("cycle", "Cycle Index", "Cycle ID");
        int step = header.Require("step", "Step Index", "Step ID");
        int type = header.Require("step type", "Step Type");
        var specs = new List<FieldSpec>
        {
            new(time, names[time], FieldKind.Duration), new(current, names[current]), new(voltage, names[voltage]),
            new(cycle, names[cycle]) { Storage = FieldStorage.Int32 }, new(step, names[step]) { Storage = FieldStorage.Int32 },
            new(type, names[type], FieldKind.Code, StepTypeCode) { Storage = FieldStorage.Int8 },
        };
        int? chg = header.Find(n => n.StartsWith("Chg. Cap.(", StringComparison.Ordinal) && n.EndsWith("h)", StringComparison.Ordinal));
        int? dchg = header.Find(n => n.StartsWith("DChg. Cap.(", StringComparison.Ordinal) && n.EndsWith("h)", StringComparison.Ordinal));
        int? chgE = header.Find(n => n.StartsWith("Chg. Energy(", StringComparison.Ordinal) && n.EndsWith("h)", StringComparison.Ordinal));
        int? dchgE = header.Find(n => n.StartsWith("DChg. Energy(", StringComparison.Ordinal) && n.EndsWith("h)", StringComparison.Ordinal));
        int? cap = header.Find(n => n.StartsWith("Capacity(", StringComparison.Ordinal));
        int? spec = header.Find(n => n.StartsWith("Spec. Cap.(", StringComparison.Ordinal));
        foreach (var optional in new[] { chg, dchg, chgE, dchgE })
            if (optional is { } o) specs.Add(new FieldSpec(o, names[o]));
        // Capacity and specific capacity are only needed at the line of largest capacity: watched, not stored.
        int capSlot = -1, specSlot = -1;
        if (cap is { } capIndex && spec is { } specIndex)
        {
            capSlot = specs.Count; specs.Add(new FieldSpec(capIndex, names[capIndex]) { Storage = FieldStorage.None });
            specSlot = specs.Count; specs.Add(new FieldSpec(specIndex, names[specIndex]) { Storage = FieldStorage.None });
        }
        var table = DelimitedTable.Read(reader, path, (byte)',', count, specs,
            newWatcher: capSlot < 0 ? null : () => new LargestCapacity(capSlot, specSlot));
        double bestCap = double.NegativeInfinity, bestSpec = 0;
        foreach (LargestCapacity w in table.Watchers)   // chunks in file order; the first line of largest capacity wins
            if (w.Spec > 0 && w.Capacity > bestCap) { bestCap = w.Capacity; bestSpec = w.Spec; }
        int k = 6;
        double[]? Next(int? index) => index is null ? null : table.Doubles(k++);
        double[]? chgCol = Next(chg), dchgCol = Next(dchg), chgECol = Next(chgE), dchgECol = Next(dchgE);
        var notes = new List<string> { "Neware CSV: record-level export; current sign as in the file (discharge negative)" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        double? massKg = null;
        if (capSlot >= 0)
        {
            if (bestSpec > 0)
            {
                double capAh = bestCap * UnitScale(names[cap!.Value], "Ah");
                massKg = capAh * 1000 / bestSpec * 1e-3;   // mAh / (mAh/g) = g
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"active mass {massKg * 1e6:0.####} mg recovered from the file's {names[cap.Value]} and {names[spec!.Value]} columns (line of largest capacity)"));
            }
        }
        return new CyclingRawData
        {
            SourcePath = path, Format = "neware-csv", TestTimeSecond = table.Doubles(0),
            CurrentAmpere = Scaled(table.Doubles(1), UnitScale(names[current], "A"))!, VoltageVolt = Scaled(table.Doubles(2), UnitScale(names[voltage], "V"))!,
            InstrumentCycle = table.Ints(3), InstrumentStep = table.Ints(4), InstrumentKind = table.Codes(5),
            ChargingCapacityAmpereHour = Scaled(chgCol, chg is { } a ? UnitScale(names[a], "Ah") : 1),
            DischargingCapacityAmpereHour = Scaled(dchgCol, dchg is { } b ? UnitScale(names[b], "Ah") : 1),
            ChargingEnergyWattHour = Scaled(chgECol, chgE is { } e ? UnitScale(names[e], "Wh") : 1),
            DischargingEnergyWattHour = Scaled(dchgECol, dchgE is { } f ? UnitScale(names[f], "Wh") : 1),
            ActiveMassKg = massKg, Notes = notes,
        };
    }

    private static string[] Prefixed(string[] names, string prefix) =>
        names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).DefaultIfEmpty(prefix + "A)").ToArray();

    /// <summary>Factor from the unit in the header's parentheses to the base unit (A, V, Ah, Wh): "mA" → 1e-3.</summary>
    internal static double UnitScale(string header, string baseUnit)
    {
        int open = header.LastIndexOf('('), close = header.LastIndexOf(')');
        string unit = open >= 0 && close > open ? header[(open + 1)..close].Trim() : baseUnit;
        if (unit.Equals(baseUnit, StringComparison.OrdinalIgnoreCase)) return 1;
        if (unit.Length == baseUnit.Length + 1 && unit[1..].Equals(baseUnit, StringComparison.OrdinalIgnoreCase))
            return unit[0] switch { 'm' => 1e-3, 'u' or 'µ' => 1e-6, 'k' => 1e3, _ => throw new InvalidInputException($"column '{header}': unit '{unit}' not understood") };
        throw new InvalidInputException($"column '{header}': unit '{unit}' not understood (expected {baseUnit})");
    }

    internal static double[]? Scaled(double[]? values, double factor)
    {
        if (values is null || factor == 1) return values;
        for (int i = 0; i < values.Length; i++) values[i] *= factor;
        return values;
    }

    private static int StepTypeCode(ReadOnlySpan<byte> label)
    {
        if (label.SequenceEqual("Rest"u8)) return (int)StepKind.Rest;
        if (label.SequenceEqual("CC Chg"u8)) return (int)StepKind.ConstantCurrentCharge;
        if (label.SequenceEqual("CC DChg"u8)) return (int)StepKind.ConstantCurrentDischarge;
        if (label.SequenceEqual("CV Chg"u8) || label.SequenceEqual("CV DChg"u8)) return (int)StepKind.ConstantVoltage;
        return -1;   // CCCV steps and others: classified from current and voltage
    }

    /// <summary>The Capacity and Spec. Cap. values of the first line of largest capacity with a positive specific capacity.</summary>
    private sealed class LargestCapacity(int capacitySlot, int specSlot) : RowWatcher
    {
        public double Capacity { get; private set; } = double.NegativeInfinity;
        public double Spec { get; private set; }

        public override void Row(ReadOnlySpan<double> values)
        {
            if (values[specSlot] > 0 && values[capacitySlot] > Capacity) { Capacity = values[capacitySlot]; Spec = values[specSlot]; }
        }
    }
}
