using System.Globalization;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Neware BTS "regular export" CSV: three header lines — cycle ("Cycle Index,Chg. Cap.(Ah),DChg. Cap.(Ah),…"), step
/// (",Step Index,Step Number,Step Type,Step Time,…") and record (",,DataPoint,Time,Total Time,Current(A),Voltage(V),
/// Capacity(Ah),Energy(Wh),Date,…") — then the rows in that hierarchy: a cycle row (first field set; its first step
/// row may follow on the same line, as the real export does), step rows (one empty field first), record rows (two).
/// Format facts from the real export in cellpy's test data and BEEP's Neware reader (format facts only). The record
/// Capacity/Energy restart at every step and count charge or discharge according to the step type; older exports name
/// the columns "Cycle ID", "Step ID", "Step Name", "Record ID", "Time(h:min:s.ms)", "Current(mA)",
/// "Capacitance_Chg(mAh)", "Capacitance_DChg(mAh)", "Engy_Chg(mWh)", "Engy_DChg(mWh)" — both are read. Without a
/// "Total Time" column the test time is the step time plus the durations of the steps before.
/// </summary>
internal static class NewareRegularCsvReader
{
    public static bool LooksLike(string firstLine, string? secondLine) =>
        Field0(firstLine) is "Cycle Index" or "Cycle ID" && secondLine is not null
        && TextFields.SplitToStrings(System.Text.Encoding.UTF8.GetBytes(secondLine), (byte)',') is { Length: > 1 } f && f[0].Length == 0 && f[1] is "Step Index" or "Step ID";

    private static string Field0(string line) { int c = line.IndexOf(','); return (c < 0 ? line : line[..c]).Trim().Trim('"', '\t'); }

    /// <summary>
    /// The record columns of the whole file, allocated once: exactly sized from a count of the record rows (lines starting
    /// ",,", vectorised), each chunk writing its own row range. If a chunk finds another number of records than counted
    /// (a record row written with spaces or quotes before its first commas), the file is read again with one array per
    /// chunk bounded by its line count, joined at the end.
    /// </summary>
    private sealed class Columns
    {
        public readonly double[] Time, Current, Voltage;
        public readonly double[]? Charge, Discharge, ChargeEnergy, DischargeEnergy;
        public readonly int[] Cycle, Step;
        public readonly sbyte[] Kind;
        /// <summary>Per record, the chunk-local ordinal of its step row (only without a Total Time column).</summary>
        public readonly int[]? StepOrdinal;

        public Columns(long rows, bool capacity, bool energy, bool stepOrdinal)
        {
            if (rows > Array.MaxLength) throw new InvalidInputException($"{rows} records: more than one array can hold");
            int n = (int)rows;
            Time = new double[n]; Current = new double[n]; Voltage = new double[n];
            if (capacity) { Charge = new double[n]; Discharge = new double[n]; }
            if (energy) { ChargeEnergy = new double[n]; DischargeEnergy = new double[n]; }
            Cycle = new int[n]; Step = new int[n]; Kind = new sbyte[n];
            if (stepOrdinal) StepOrdinal = new int[n];
        }
    }

    /// <summary>One chunk's rows: where they go in <see cref="Columns"/>, and what the chunks after it need.</summary>
    private sealed class Chunk(Columns columns, int start, int capacity)
    {
        public readonly Columns Columns = columns;
        public readonly int Start = start, Capacity = capacity;
        public int Count;
        /// <summary>True when the chunk met more records than <see cref="Capacity"/> (the count before parsing was wrong).</summary>
        public bool Overflow;
        /// <summary>Per step row of the chunk: its duration from the step row, when given, and its last record's step time.</summary>
        public readonly List<(double? Duration, double LastStepTime)> Steps = [];
        /// <summary>Records before the chunk's first cycle row: they belong to the cycle the chunk before ended in.</summary>
        public int InheritedRecords = -1;
        public int LastCycle, SignFlips;
    }

    /// <summary>Lines of [start, end) that begin with ",," (record rows); the range starts at a line start.</summary>
    private static long CountRecordRows(string path, long start, long end)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = start;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((1 << 20) + 2);   // pooled: one per chunk or block, not garbage each time
        try
        {
            // The two bytes kept from the end of the previous block; a chunk starts at a line start, as after a '\n'.
            buffer[0] = (byte)'\n'; buffer[1] = (byte)'\n';
            int kept = 1;
            long count = 0, left = end - start;
            while (left > 0)
            {
                int read = stream.Read(buffer, kept, (int)Math.Min(buffer.Length - kept, left));
                if (read == 0) break;
                left -= read;
                var block = buffer.AsSpan(0, kept + read);
                for (int at = 0; ;)
                {
                    int k = block[at..].IndexOf("\n,,"u8);
                    if (k < 0) break;
                    count++;
                    at += k + 1;
                }
                // keep the last two bytes: a "\n,," may straddle the blocks
                int keep = Math.Min(2, block.Length);
                block[^keep..].CopyTo(buffer);
                kept = keep;
            }
            return count;
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>What every chunk reads the same way: the three headers and the record columns found in them.</summary>
    private sealed record Layout(string Path, CsvHeader Cycle, CsvHeader StepHeader, CsvHeader Record, int StepIndex, int StepType, int? StepTime,
        int? TotalTime, int Time, int Current, int Voltage, int? Capacity, int? Energy, int? ChargeCapacity, int? DischargeCapacity,
        int? ChargeEnergy, int? DischargeEnergy, double CurrentScale, double VoltageScale, double CapacityScale, double EnergyScale)
    {
        public bool HasCapacity => Capacity is not null || (ChargeCapacity is not null && DischargeCapacity is not null);
        public bool HasEnergy => Energy is not null || (ChargeEnergy is not null && DischargeEnergy is not null);
    }

    /// <summary>
    /// A chunk may start only at a step row of its own line (first field empty, second set): there the step, its type and
    /// duration are known, and only the cycle comes from the rows above (never at a record row, whose step would be unknown).
    /// </summary>
    private static bool StartsStep(ReadOnlySpan<byte> line)
    {
        var cursor = new FieldCursor(line, (byte)',');
        return cursor.TryNext(out var first) && TextFields.Trim(first).IsEmpty && cursor.TryNext(out var second) && !TextFields.Trim(second).IsEmpty;
    }

    private static Layout ReadLayout(ByteLineReader reader, string path)
    {
        var cycleHeader = CsvHeader.Read(reader, path, (byte)',', "cycle");
        var stepHeader = CsvHeader.Read(reader, path, (byte)',', "step");
        var recordHeader = CsvHeader.Read(reader, path, (byte)',', "record");
        int stepIndexCol = stepHeader.Require("step index", "Step Index", "Step ID");
        int stepTypeCol = stepHeader.Require("step type", "Step Type", "Step Name");
        int? stepTimeCol = stepHeader.Find("Step Time", "Step Time(h:min:s.ms)");
        int? totalTime = recordHeader.Find("Total Time", "Cumulative Time");
        int time = totalTime ?? recordHeader.Require("time", "Time", "Time(h:min:s.ms)");
        int current = recordHeader.RequirePrefixed("current", "Current(");
        int voltage = recordHeader.RequirePrefixed("voltage", "Voltage(");
        int? capacity = recordHeader.FindPrefixed("Capacity(");
        int? energy = recordHeader.FindPrefixed("Energy(");
        int? chgCap = recordHeader.FindPrefixed("Capacitance_Chg("), dchgCap = recordHeader.FindPrefixed("Capacitance_DChg(");
        int? chgEn = recordHeader.FindPrefixed("Engy_Chg("), dchgEn = recordHeader.FindPrefixed("Engy_DChg(");
        double iScale = recordHeader.UnitScale(current, "A"), vScale = recordHeader.UnitScale(voltage, "V");
        double capScale = capacity is { } ci ? recordHeader.UnitScale(ci, "Ah") : chgCap is { } cc ? recordHeader.UnitScale(cc, "Ah") : 1;
        double enScale = energy is { } ei ? recordHeader.UnitScale(ei, "Wh") : chgEn is { } ce ? recordHeader.UnitScale(ce, "Wh") : 1;
        return new Layout(path, cycleHeader, stepHeader, recordHeader, stepIndexCol, stepTypeCol, stepTimeCol, totalTime, time, current, voltage,
            capacity, energy, chgCap, dchgCap, chgEn, dchgEn, iScale, vScale, capScale, enScale);
    }

    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        var layout = ReadLayout(reader, path);
        bool hasCapacity = layout.HasCapacity, hasEnergy = layout.HasEnergy;
        int? totalTime = layout.TotalTime;

        // Above 8 MB the records are parsed in chunks on all cores, each starting at a step row; what a chunk
        // inherits from the rows above it (its first records' cycle, the time offset of its steps) is settled after, in
        // file order, so the result is the serial one.
        var spans = LineChunks.Split(path, reader.BytesConsumed, reader.LineNumber, Environment.ProcessorCount, StartsStep);
        var records = new long[spans.Length];
        Parallel.For(0, spans.Length, k => records[k] = CountRecordRows(path, spans[k].Start, spans[k].End));
        var all = new Columns(records.Sum(), hasCapacity, hasEnergy, totalTime is null);
        var chunks = ParseChunks(path, reader, spans, layout, k => new Chunk(all, (int)records.Take(k).Sum(), (int)records[k]));
        Columns result = all;
        if (chunks.Any(c => c.Overflow || c.Count != c.Capacity))
        {
            // Record rows the count did not see: every chunk again into arrays bounded by its line count, then joined.
            chunks = ParseChunks(path, null, spans, layout,
                k => new Chunk(new Columns(spans[k].Lines, hasCapacity, hasEnergy, totalTime is null), 0, (int)spans[k].Lines));
            result = Join(chunks, hasCapacity, hasEnergy, totalTime is null);
        }
        int total = result.Time.Length;
        if (total == 0) throw new InvalidInputException($"{path}: no record rows");

        // Chunk k's rows start at the sum of the counts before it (in both modes, once joined).
        int begin = 0;
        int inheritedCycle = 0;
        var starts = new int[chunks.Length];
        for (int k = 0; k < chunks.Length; k++)
        {
            var c = chunks[k];
            starts[k] = begin;
            int inherited = c.InheritedRecords < 0 ? c.Count : c.InheritedRecords;
            for (int i = 0; i < inherited; i++) result.Cycle[begin + i] = inheritedCycle;
            if (c.InheritedRecords >= 0) inheritedCycle = c.LastCycle;
            begin += c.Count;
        }
        if (totalTime is null)
        {
            // Files without a total time: a step starts where the previous one ended (its step-row duration, else its last
            // record's step time), summed over the steps in file order exactly as a serial read does.
            var stepStarts = new StepStartTimes();
            for (int k = 0; k < chunks.Length; k++)
            {
                var c = chunks[k];
                var offsets = stepStarts.Next(c.Steps);
                for (int i = starts[k]; i < starts[k] + c.Count; i++) result.Time[i] += offsets[result.StepOrdinal![i]];
            }
        }

        return Raw(path, result, Notes(layout, chunks.Sum(c => c.SignFlips)));
    }

    private static List<string> Notes(Layout layout, int signFlips)
    {
        var notes = new List<string> { "Neware CSV: regular export (cycle, step and record rows); cycle and step of each record from the rows above it" };
        if (layout.TotalTime is null) notes.Add("no Total Time column: test time = step time + durations of the earlier steps");
        if (signFlips > 0) notes.Add($"{signFlips} records of discharge steps had a positive current; made negative (positive = charge)");
        if (!layout.HasCapacity) notes.Add("no record capacity column: capacities by coulomb counting");
        return notes;
    }

    private static CyclingRawData Raw(string path, Columns result, List<string> notes) => new()
    {
        SourcePath = path, Format = "neware-regular-csv", TestTimeSecond = result.Time, VoltageVolt = result.Voltage, CurrentAmpere = result.Current,
        InstrumentCycle = result.Cycle, InstrumentStep = result.Step, InstrumentKind = result.Kind,
        ChargingCapacityAmpereHour = result.Charge, DischargingCapacityAmpereHour = result.Discharge,
        ChargingEnergyWattHour = result.ChargeEnergy, DischargingEnergyWattHour = result.DischargeEnergy,
        Notes = notes,
    };

    /// <summary>
    /// The file block by block (<see cref="CyclingBlockReader"/>), each block starting at a step row as the parallel chunks of
    /// <see cref="Read"/> do, and what a block inherits from the rows above it (its first records' cycle, the time offset
    /// of its steps without a Total Time column) settled in file order as <see cref="Read"/> settles it between chunks.
    /// </summary>
    public static CyclingBlockReader OpenBlocks(string path, long blockBytes) => new Blocks(path, blockBytes);

    private sealed class Blocks(string path, long blockBytes) : CyclingBlockReader(path, "neware-regular-csv", blockBytes)
    {
        private Layout? _layout;
        private int _signFlips;
        private long _records;

        public override IEnumerable<CyclingRawData> Read()
        {
            LineChunk[] spans;
            using (var reader = ByteLineReader.Open(Path))
            {
                _layout = ReadLayout(reader, Path);
                spans = LineChunks.Blocks(Path, reader.BytesConsumed, BlockBytes, StartsStep);
            }
            var l = _layout;
            int inheritedCycle = 0;
            var stepStarts = new StepStartTimes();
            foreach (var c in InOrder(spans, k => Parse(l, spans, k), Ahead))
            {
                var col = c.Columns;
                int inherited = c.InheritedRecords < 0 ? c.Count : c.InheritedRecords;
                for (int i = 0; i < inherited; i++) col.Cycle[i] = inheritedCycle;
                if (c.InheritedRecords >= 0) inheritedCycle = c.LastCycle;
                if (l.TotalTime is null)
                {
                    var offsets = stepStarts.Next(c.Steps);
                    for (int i = 0; i < c.Count; i++) col.Time[i] += offsets[col.StepOrdinal![i]];
                }
                _signFlips += c.SignFlips;
                _records += c.Count;
                yield return Raw(Path, col, []);
            }
        }

        /// <summary>Block k into columns of its own, exactly sized from its count of record rows (or, if that count was wrong, from its lines).</summary>
        private static Chunk Parse(Layout l, LineChunk[] spans, int k)
        {
            string path = l.Path;
            long records = CountRecordRows(path, spans[k].Start, spans[k].End);
            var chunk = new Chunk(new Columns(records, l.HasCapacity, l.HasEnergy, l.TotalTime is null), 0, (int)records);
            using (var reader = spans[k].Open(path)) ParseChunk(reader, l, first: k == 0, chunk);
            if (!chunk.Overflow && chunk.Count == chunk.Capacity) return chunk;
            long lines = LineChunks.CountLines(path, spans[k].Start, spans[k].End);
            chunk = new Chunk(new Columns(lines, l.HasCapacity, l.HasEnergy, l.TotalTime is null), 0, (int)lines);
            using (var reader = spans[k].Open(path)) ParseChunk(reader, l, first: k == 0, chunk);
            var exact = Join([chunk], l.HasCapacity, l.HasEnergy, l.TotalTime is null);
            var result = new Chunk(exact, 0, chunk.Count) { Count = chunk.Count, InheritedRecords = chunk.InheritedRecords, LastCycle = chunk.LastCycle, SignFlips = chunk.SignFlips };
            result.Steps.AddRange(chunk.Steps);
            return result;
        }

        public override BlockReadEnd Finish()
        {
            if (_records == 0) throw new InvalidInputException($"{Path}: no record rows");
            return new BlockReadEnd(Notes(_layout!, _signFlips), null, null, 0, new BlockReaderFacts(), GuessesHeld: true);
        }
    }

    /// <summary>Parses every chunk (in parallel when there are several); <paramref name="reader"/>, when given, is positioned at the first one.</summary>
    private static Chunk[] ParseChunks(string path, ByteLineReader? reader, LineChunk[] spans, Layout layout, Func<int, Chunk> make)
    {
        var chunks = new Chunk[spans.Length];
        for (int k = 0; k < spans.Length; k++) chunks[k] = make(k);
        if (spans.Length == 1)
        {
            using var own = reader is null ? spans[0].Open(path) : null;
            ParseChunk(reader ?? own!, layout, first: true, chunks[0]);
            return chunks;
        }
        var errors = new Exception?[spans.Length];
        Parallel.For(0, spans.Length, k =>
        {
            try
            {
                using var chunkReader = spans[k].Open(path);
                ParseChunk(chunkReader, layout, first: k == 0, chunks[k]);
            }
            catch (Exception e) { errors[k] = e; }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } firstError) throw firstError is InvalidInputException ? firstError : new AggregateException(firstError);
        return chunks;
    }

    /// <summary>The chunks' own arrays (fallback mode) copied into exactly sized columns, in file order.</summary>
    private static Columns Join(Chunk[] chunks, bool capacity, bool energy, bool stepOrdinal)
    {
        var all = new Columns(chunks.Sum(c => (long)c.Count), capacity, energy, stepOrdinal);
        int at = 0;
        foreach (var c in chunks)
        {
            var from = c.Columns;
            void Copy<T>(T[]? source, T[]? target) { if (source is not null) Array.Copy(source, 0, target!, at, c.Count); }
            Copy(from.Time, all.Time); Copy(from.Current, all.Current); Copy(from.Voltage, all.Voltage);
            Copy(from.Charge, all.Charge); Copy(from.Discharge, all.Discharge); Copy(from.ChargeEnergy, all.ChargeEnergy); Copy(from.DischargeEnergy, all.DischargeEnergy);
            Copy(from.Cycle, all.Cycle); Copy(from.Step, all.Step); Copy(from.Kind, all.Kind); Copy(from.StepOrdinal, all.StepOrdinal);
            at += c.Count;
        }
        return all;
    }

    /// <summary>
    /// Parses the rows of one chunk. The first chunk must begin with a cycle row; a later one begins with a step row, and
    /// its records before the first cycle row get their cycle from the chunk before (see <see cref="Chunk.InheritedRecords"/>).
    /// </summary>
    private static void ParseChunk(ByteLineReader reader, Layout l, bool first, Chunk c)
    {
        string path = l.Path;
        var col = c.Columns;
        int cycle = 0, step = 0;
        sbyte kind = -1;
        bool discharge = false, charge = false;
        while (reader.TryReadLine(out var line))
        {
            if (line.Trim((byte)' ').IsEmpty) continue;
            long n = reader.LineNumber;
            var cursor = new FieldCursor(line, (byte)',');
            cursor.TryNext(out var firstField);
            if (!TextFields.Trim(firstField).IsEmpty)
            {
                // Cycle row, possibly followed by its first step row.
                if (!TextFields.TryParseNumber(firstField, false, out double cy) || cy != Math.Floor(cy))
                    throw new InvalidInputException($"{path} line {n}, column '{l.Cycle.Names[0]}': '{TextFields.Show(firstField)}' is not a cycle number");
                cycle = (int)cy;
                if (c.InheritedRecords < 0) c.InheritedRecords = c.Count;
                c.LastCycle = cycle;
                int skipped = 1;
                while (skipped < l.Cycle.FieldCount && cursor.TryNext(out _)) skipped++;
                if (skipped < l.Cycle.FieldCount)
                    throw new InvalidInputException($"{path} line {n}: {skipped} fields where the cycle header has {l.Cycle.FieldCount} (file cut short?)");
                if (!ReadStep(ref cursor, offset: 1)) continue;
            }
            else if (cursor.TryNext(out var second) && !TextFields.Trim(second).IsEmpty)
            {
                var stepCursor = new FieldCursor(line, (byte)',');
                stepCursor.TryNext(out _);
                ReadStep(ref stepCursor, offset: 1);
            }
            else
            {
                if ((first && cycle == 0) || step == 0)
                    throw new InvalidInputException($"{path} line {n}: record row before any {(first && cycle == 0 ? "cycle" : "step")} row");
                ReadRecord(line, n);
                if (c.Overflow) return;
            }
        }

        // Reads step fields from the cursor; `offset` = number of leading fields of the step header already consumed.
        bool ReadStep(ref FieldCursor cursor, int offset)
        {
            int index = offset;
            bool any = false;
            string? stepTime = null;
            while (cursor.TryNext(out var field))
            {
                if (index == l.StepIndex)
                {
                    if (!TextFields.TryParseNumber(field, false, out double s) || s != Math.Floor(s))
                        throw new InvalidInputException($"{path} line {reader.LineNumber}, column '{l.StepHeader.Names[l.StepIndex]}': '{TextFields.Show(field)}' is not a step number");
                    step = (int)s;
                    any = true;
                }
                else if (index == l.StepType)
                {
                    var label = TextFields.Trim(field);
                    kind = (sbyte)NewareCsvReader.StepTypeCode(label);
                    string text = TextFields.Decode(label);
                    discharge = text.Contains("DChg", StringComparison.OrdinalIgnoreCase) || text.Contains("Discharge", StringComparison.OrdinalIgnoreCase);
                    charge = !discharge && (text.Contains("Chg", StringComparison.OrdinalIgnoreCase) || text.Contains("Charge", StringComparison.OrdinalIgnoreCase));
                }
                else if (l.StepTime == index) stepTime = TextFields.Decode(TextFields.Trim(field));
                index++;
            }
            if (!any) return false;
            if (index < l.StepHeader.FieldCount && index <= Math.Max(l.StepIndex, l.StepType))
                throw new InvalidInputException($"{path} line {reader.LineNumber}: step row with {index} fields where the step header has {l.StepHeader.FieldCount}");
            double? duration = stepTime is not null && DelimitedTable.TryParseDuration(System.Text.Encoding.ASCII.GetBytes(stepTime), out double d) ? d : null;
            c.Steps.Add((duration, 0));
            return true;
        }

        void ReadRecord(ReadOnlySpan<byte> line, long n)
        {
            var cursor = new FieldCursor(line, (byte)',');
            int index = 0;
            double t = double.NaN, i = double.NaN, v = double.NaN, cap = 0, en = 0, cc = 0, cd = 0, ec = 0, ed = 0;
            while (cursor.TryNext(out var field))
            {
                if (index == l.Time)
                {
                    if (!DelimitedTable.TryParseDuration(field, out t)) throw Bad(n, l.Record.Names[l.Time], field, "duration");
                }
                else if (index == l.Current) i = Number(field, n, index);
                else if (index == l.Voltage) v = Number(field, n, index);
                else if (index == l.Capacity) cap = Number(field, n, index);
                else if (index == l.Energy) en = Number(field, n, index);
                else if (index == l.ChargeCapacity) cc = Number(field, n, index);
                else if (index == l.DischargeCapacity) cd = Number(field, n, index);
                else if (index == l.ChargeEnergy) ec = Number(field, n, index);
                else if (index == l.DischargeEnergy) ed = Number(field, n, index);
                index++;
            }
            if (index < l.Record.FieldCount)
                throw new InvalidInputException($"{path} line {n}: {index} fields where the record header has {l.Record.FieldCount}" + (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
            if (c.Count == c.Capacity) { c.Overflow = true; return; }
            int r = c.Start + c.Count++;
            if (l.TotalTime is null)
            {
                c.Steps[^1] = (c.Steps[^1].Duration, t);   // the step's last record so far: the step time at its end
                col.StepOrdinal![r] = c.Steps.Count - 1;
            }
            i *= l.CurrentScale;
            if (discharge && i > 0) { i = -i; c.SignFlips++; }
            col.Time[r] = t; col.Current[r] = i; col.Voltage[r] = v * l.VoltageScale; col.Cycle[r] = cycle; col.Step[r] = step; col.Kind[r] = kind;
            if (l.Capacity is not null) { cc = charge ? cap : 0; cd = discharge ? cap : 0; }
            if (l.Energy is not null) { ec = charge ? en : 0; ed = discharge ? en : 0; }
            if (col.Charge is not null) { col.Charge[r] = cc * l.CapacityScale; col.Discharge![r] = cd * l.CapacityScale; }
            if (col.ChargeEnergy is not null) { col.ChargeEnergy[r] = ec * l.EnergyScale; col.DischargeEnergy![r] = ed * l.EnergyScale; }
        }

        double Number(ReadOnlySpan<byte> field, long n, int column)
        {
            if (!TextFields.TryParseNumber(field, false, out double value) || !double.IsFinite(value)) throw Bad(n, l.Record.Names[column], field, "number");
            return value;
        }

        InvalidInputException Bad(long n, string column, ReadOnlySpan<byte> field, string what)
        {
            string shown = TextFields.Show(field);
            return new InvalidInputException($"{path} line {n}, column '{column}': " + (shown.Length == 0 ? $"empty, expected a {what}" : $"'{shown}' is not a {what}")
                + (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
        }
    }

    /// <summary>
    /// Start times of the steps of a file without a total time, chunk after chunk in file order: a step starts where the
    /// previous one ended (its step-row duration, else its last record's step time).
    /// </summary>
    private sealed class StepStartTimes
    {
        private double offset;
        private bool anyStep;
        private (double? Duration, double LastStepTime) previous;

        /// <summary>The start time of each of <paramref name="steps"/> (the next chunk's steps, in order).</summary>
        public double[] Next(IReadOnlyList<(double? Duration, double LastStepTime)> steps)
        {
            var starts = new double[steps.Count];
            for (int s = 0; s < steps.Count; s++)
            {
                if (anyStep) offset += previous.Duration ?? previous.LastStepTime;
                anyStep = true;
                starts[s] = offset;
                previous = steps[s];
            }
            return starts;
        }
    }
}
