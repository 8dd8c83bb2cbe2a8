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
    /// <summary>The header's columns and how the data loop reads them.</summary>
    private sealed record Layout(CsvHeader Header, List<FieldSpec> Specs, int Current, int Voltage, int? Chg, int? Dchg, int? ChgE, int? DchgE,
        int? Cap, int? Spec, int CapSlot, int SpecSlot)
    {
        public RowWatcher? NewWatcher() => CapSlot < 0 ? null : new LargestCapacity(CapSlot, SpecSlot);
    }

    private static Layout ReadLayout(ByteLineReader reader, string path)
    {
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
        return new Layout(header, specs, current, voltage, chg, dchg, chgE, dchgE, cap, spec, capSlot, specSlot);
    }

    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        var layout = ReadLayout(reader, path);
        var table = DelimitedTable.Read(reader, path, (byte)',', layout.Header.FieldCount, layout.Specs, newWatcher: layout.CapSlot < 0 ? null : () => layout.NewWatcher()!);
        var (notes, massKg) = End(layout, table.BlankLinesSkipped, table.Watchers);
        return Columns(path, layout, table, notes, massKg);
    }

    /// <summary>The columns of a parsed table (the whole file, or one block) in SI and BDF units.</summary>
    private static CyclingRawData Columns(string path, Layout l, DelimitedTable.Result table, List<string> notes, double? massKg)
    {
        var header = l.Header;
        int k = 6;
        double[]? Next(int? index, string unit) => index is { } i ? CsvHeader.Scaled(table.Doubles(k++), header.UnitScale(i, unit)) : null;
        double[]? chgCol = Next(l.Chg, "Ah"), dchgCol = Next(l.Dchg, "Ah"), chgECol = Next(l.ChgE, "Wh"), dchgECol = Next(l.DchgE, "Wh");
        return new CyclingRawData
        {
            SourcePath = path, Format = "neware-csv", TestTimeSecond = table.Doubles(0),
            CurrentAmpere = CsvHeader.Scaled(table.Doubles(1), header.UnitScale(l.Current, "A"))!,
            VoltageVolt = CsvHeader.Scaled(table.Doubles(2), header.UnitScale(l.Voltage, "V"))!,
            InstrumentCycle = table.Ints(3), InstrumentStep = table.Ints(4), InstrumentKind = table.Codes(5),
            ChargingCapacityAmpereHour = chgCol, DischargingCapacityAmpereHour = dchgCol,
            ChargingEnergyWattHour = chgECol, DischargingEnergyWattHour = dchgECol,
            ActiveMassKg = massKg, Notes = notes,
        };
    }

    /// <summary>The notes and the active mass, from the blank lines skipped and the watchers of the chunks (in file order).</summary>
    private static (List<string> Notes, double? MassKg) End(Layout l, int blankLinesSkipped, IEnumerable<RowWatcher> watchers)
    {
        double bestCap = double.NegativeInfinity, bestSpec = 0;
        foreach (LargestCapacity w in watchers)   // chunks in file order; the first line of largest capacity wins
            if (w.Spec > 0 && w.Capacity > bestCap) { bestCap = w.Capacity; bestSpec = w.Spec; }
        var notes = new List<string> { "Neware CSV: record-level export; current sign as in the file (discharge negative)" };
        if (blankLinesSkipped > 0) notes.Add($"{blankLinesSkipped} empty lines skipped");
        double? massKg = null;
        if (l.CapSlot >= 0 && bestSpec > 0)
        {
            double capAh = bestCap * l.Header.UnitScale(l.Cap!.Value, "Ah");
            massKg = capAh * 1000 / bestSpec * 1e-3;   // mAh / (mAh/g) = g
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"active mass {massKg * 1e6:0.####} mg recovered from the file's {l.Header.Names[l.Cap.Value]} and {l.Header.Names[l.Spec!.Value]} columns (line of largest capacity)"));
        }
        return (notes, massKg);
    }

    /// <summary>The file block by block (<see cref="CyclingBlockReader"/>): the same columns, notes and mass as <see cref="Read"/>.</summary>
    public static CyclingBlockReader OpenBlocks(string path, long blockBytes) => new Blocks(path, blockBytes);

    private sealed class Blocks(string path, long blockBytes) : CyclingBlockReader(path, "neware-csv", blockBytes)
    {
        private Layout? _layout;
        private int _blank;
        private readonly List<RowWatcher> _watchers = [];

        public override IEnumerable<CyclingRawData> Read()
        {
            LineChunk[] chunks;
            using (var reader = ByteLineReader.Open(Path))
            {
                _layout = ReadLayout(reader, Path);
                chunks = LineChunks.Blocks(Path, reader.BytesConsumed, BlockBytes);
            }
            var l = _layout;
            foreach (var table in InOrder(chunks, k => DelimitedTable.ReadBlock(Path, chunks[k], (byte)',', l.Header.FieldCount, l.Specs, watcher: l.NewWatcher()), Ahead))
            {
                _blank += table.BlankLinesSkipped;
                _watchers.AddRange(table.Watchers);
                yield return Columns(Path, l, table, [], null);
            }
        }

        public override BlockReadEnd Finish()
        {
            var (notes, mass) = End(_layout!, _blank, _watchers);
            return new BlockReadEnd(notes, mass, null, 0, new BlockReaderFacts(), GuessesHeld: true);
        }
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
