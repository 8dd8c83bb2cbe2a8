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
        var header = CsvHeader.Read(reader, path, (byte)',', "Neware");
        int time = header.Require("time", "Cumulative Time", "Total Time");
        int current = header.RequirePrefixed("current", "Current(");
        int voltage = header.RequirePrefixed("voltage", "Voltage(");
        int cycle = header.Require("cycle", "Cycle Index", "Cycle ID");
        int step = header.Require("step", "Step Index", "Step ID");
        int type = header.Require("step type", "Step Type");
        var specs = new List<FieldSpec>
        {
            header.Spec(time, FieldKind.Duration), header.Spec(current), header.Spec(voltage),
            header.Spec(cycle, storage: FieldStorage.Int32), header.Spec(step, storage: FieldStorage.Int32),
            header.Spec(type, FieldKind.Code, FieldStorage.Int8, StepTypeCode),
        };
        static Func<string, bool> Counter(string prefix) => n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith("h)", StringComparison.Ordinal);
        int? chg = header.Find(Counter("Chg. Cap.(")), dchg = header.Find(Counter("DChg. Cap.(")),
            chgE = header.Find(Counter("Chg. Energy(")), dchgE = header.Find(Counter("DChg. Energy("));
        int? cap = header.FindPrefixed("Capacity("), spec = header.FindPrefixed("Spec. Cap.(");
        foreach (var optional in new[] { chg, dchg, chgE, dchgE })
            if (optional is { } o) specs.Add(header.Spec(o));
        // Capacity and specific capacity are only needed at the line of largest capacity: watched, not stored.
        int capSlot = -1, specSlot = -1;
        if (cap is { } capIndex && spec is { } specIndex)
        {
            capSlot = specs.Count; specs.Add(header.Spec(capIndex, storage: FieldStorage.None));
            specSlot = specs.Count; specs.Add(header.Spec(specIndex, storage: FieldStorage.None));
        }
        var table = DelimitedTable.Read(reader, path, (byte)',', header.FieldCount, specs,
            newWatcher: capSlot < 0 ? null : () => new LargestCapacity(capSlot, specSlot));
        double bestCap = double.NegativeInfinity, bestSpec = 0;
        foreach (LargestCapacity w in table.Watchers)   // chunks in file order; the first line of largest capacity wins
            if (w.Spec > 0 && w.Capacity > bestCap) { bestCap = w.Capacity; bestSpec = w.Spec; }
        int k = 6;
        double[]? Next(int? index, string unit) => index is { } i ? CsvHeader.Scaled(table.Doubles(k++), header.UnitScale(i, unit)) : null;
        double[]? chgCol = Next(chg, "Ah"), dchgCol = Next(dchg, "Ah"), chgECol = Next(chgE, "Wh"), dchgECol = Next(dchgE, "Wh");
        var notes = new List<string> { "Neware CSV: record-level export; current sign as in the file (discharge negative)" };
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        double? massKg = null;
        if (capSlot >= 0 && bestSpec > 0)
        {
            double capAh = bestCap * header.UnitScale(cap!.Value, "Ah");
            massKg = capAh * 1000 / bestSpec * 1e-3;   // mAh / (mAh/g) = g
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"active mass {massKg * 1e6:0.####} mg recovered from the file's {header.Names[cap.Value]} and {header.Names[spec!.Value]} columns (line of largest capacity)"));
        }
        return new CyclingRawData
        {
            SourcePath = path, Format = "neware-csv", TestTimeSecond = table.Doubles(0),
            CurrentAmpere = CsvHeader.Scaled(table.Doubles(1), header.UnitScale(current, "A"))!,
            VoltageVolt = CsvHeader.Scaled(table.Doubles(2), header.UnitScale(voltage, "V"))!,
            InstrumentCycle = table.Ints(3), InstrumentStep = table.Ints(4), InstrumentKind = table.Codes(5),
            ChargingCapacityAmpereHour = chgCol, DischargingCapacityAmpereHour = dchgCol,
            ChargingEnergyWattHour = chgECol, DischargingEnergyWattHour = dchgECol,
            ActiveMassKg = massKg, Notes = notes,
        };
    }

    /// <summary>Neware step types ("Rest", "CC Chg", "CC DChg", "CV Chg", "CCCV Chg", …) as <see cref="StepKind"/> codes; -1 when the data must decide.</summary>
    internal static int StepTypeCode(ReadOnlySpan<byte> label)
    {
        if (label.SequenceEqual("Rest"u8)) return (int)StepKind.Rest;
        if (label.SequenceEqual("CC Chg"u8) || label.SequenceEqual("CC_Chg"u8)) return (int)StepKind.ConstantCurrentCharge;
        if (label.SequenceEqual("CC DChg"u8) || label.SequenceEqual("CC_DChg"u8)) return (int)StepKind.ConstantCurrentDischarge;
        if (label.SequenceEqual("CV Chg"u8) || label.SequenceEqual("CV DChg"u8) || label.SequenceEqual("CV_Chg"u8) || label.SequenceEqual("CV_DChg"u8))
            return (int)StepKind.ConstantVoltage;
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
