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

    /// <summary>The record columns of one chunk, with what the chunks after it need: its last cycle and steps.</summary>
    private sealed class Chunk
    {
        public readonly List<double> Time = [], Current = [], Voltage = [], Charge = [], Discharge = [], ChargeEnergy = [], DischargeEnergy = [];
        public readonly List<int> Cycle = [], Step = [];
        public readonly List<sbyte> Kind = [];
        /// <summary>Per record, the chunk-local ordinal of its step row (only without a Total Time column).</summary>
        public readonly List<int> StepOrdinal = [];
        /// <summary>Per step row of the chunk: its duration from the step row, when given, and its last record's step time.</summary>
        public readonly List<(double? Duration, double LastStepTime)> Steps = [];
        /// <summary>Records before the chunk's first cycle row: they belong to the cycle the chunk before ended in.</summary>
        public int InheritedRecords = -1;
        public int LastCycle, SignFlips;
    }

    /// <summary>What every chunk reads the same way: the three headers and the record columns found in them.</summary>
    private sealed record Layout(string Path, CsvHeader Cycle, CsvHeader StepHeader, CsvHeader Record, int StepIndex, int StepType, int? StepTime,
        int? TotalTime, int Time, int Current, int Voltage, int? Capacity, int? Energy, int? ChargeCapacity, int? DischargeCapacity,
        int? ChargeEnergy, int? DischargeEnergy, double CurrentScale, double VoltageScale, double CapacityScale, double EnergyScale);

    /// <summary>
    /// A chunk may start only at a step row of its own line (first field empty, second set): there the step, its type and
    /// duration are known, and only the cycle comes from the rows above (never at a record row, whose step would be unknown).
    /// </summary>
    private static bool StartsStep(ReadOnlySpan<byte> line)
    {
        var cursor = new FieldCursor(line, (byte)',');
        return cursor.TryNext(out var first) && TextFields.Trim(first).IsEmpty && cursor.TryNext(out var second) && !TextFields.Trim(second).IsEmpty;
    }

    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
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
        bool hasCapacity = capacity is not null || (chgCap is not null && dchgCap is not null);
        bool hasEnergy = energy is not null || (chgEn is not null && dchgEn is not null);
        var layout = new Layout(path, cycleHeader, stepHeader, recordHeader, stepIndexCol, stepTypeCol, stepTimeCol, totalTime, time, current, voltage,
            capacity, energy, chgCap, dchgCap, chgEn, dchgEn, iScale, vScale, capScale, enScale);

        // Above 8 MB the records are parsed in chunks on all cores, each starting at a step row; what a chunk
        // inherits from the rows above it (its first records' cycle, the time offset of its steps) is settled after, in
        // file order, so the result is the serial one.
        var spans = LineChunks.Split(path, reader.BytesConsumed, reader.LineNumber, Environment.ProcessorCount, StartsStep);
        var chunks = new Chunk[spans.Length];
        if (spans.Length == 1) chunks[0] = ParseChunk(reader, layout, first: true);
        else
        {
            var errors = new Exception?[spans.Length];
            Parallel.For(0, spans.Length, k =>
            {
                try
                {
                    using var chunkReader = spans[k].Open(path);
                    chunks[k] = ParseChunk(chunkReader, layout, first: k == 0);
                }
                catch (Exception e) { errors[k] = e; }
            });
            if (errors.FirstOrDefault(e => e is not null) is { } firstError) throw firstError is InvalidInputException ? firstError : new AggregateException(firstError);
        }
        int total = chunks.Sum(c => c.Time.Count);
        if (total == 0) throw new InvalidInputException($"{path}: no record rows");

        int inheritedCycle = 0;
        foreach (var c in chunks)
        {
            int inherited = c.InheritedRecords < 0 ? c.Time.Count : c.InheritedRecords;
            for (int i = 0; i < inherited; i++) c.Cycle[i] = inheritedCycle;
            if (c.InheritedRecords >= 0) inheritedCycle = c.LastCycle;
        }
        if (totalTime is null)
        {
            // Files without a total time: a step starts where the previous one ended (its step-row duration, else its last
            // record's step time), summed over the steps in file order exactly as a serial read does.
            double offset = 0;
            bool anyStep = false;
            (double? Duration, double LastStepTime) previous = default;
            foreach (var c in chunks)
            {
                var offsets = new double[c.Steps.Count];
                for (int s = 0; s < c.Steps.Count; s++)
                {
                    if (anyStep) offset += previous.Duration ?? previous.LastStepTime;
                    anyStep = true;
                    offsets[s] = offset;
                    previous = c.Steps[s];
                }
                for (int i = 0; i < c.Time.Count; i++) c.Time[i] += offsets[c.StepOrdinal[i]];
            }
        }

        T[] Join<T>(Func<Chunk, List<T>> column)
        {
            var result = new T[total];
            int at = 0;
            foreach (var c in chunks) { column(c).CopyTo(result, at); at += column(c).Count; }
            return result;
        }
        int signFlips = chunks.Sum(c => c.SignFlips);
        var notes = new List<string> { "Neware CSV: regular export (cycle, step and record rows); cycle and step of each record from the rows above it" };
        if (totalTime is null) notes.Add("no Total Time column: test time = step time + durations of the earlier steps");
        if (signFlips > 0) notes.Add($"{signFlips} records of discharge steps had a positive current; made negative (positive = charge)");
        if (!hasCapacity) notes.Add("no record capacity column: capacities by coulomb counting");
        return new CyclingRawData
        {
            SourcePath = path, Format = "neware-regular-csv", TestTimeSecond = Join(c => c.Time), VoltageVolt = Join(c => c.Voltage), CurrentAmpere = Join(c => c.Current),
            InstrumentCycle = Join(c => c.Cycle), InstrumentStep = Join(c => c.Step), InstrumentKind = Join(c => c.Kind),
            ChargingCapacityAmpereHour = hasCapacity ? Join(c => c.Charge) : null, DischargingCapacityAmpereHour = hasCapacity ? Join(c => c.Discharge) : null,
            ChargingEnergyWattHour = hasEnergy ? Join(c => c.ChargeEnergy) : null, DischargingEnergyWattHour = hasEnergy ? Join(c => c.DischargeEnergy) : null,
            Notes = notes,
        };
    }

    /// <summary>
    /// Parses the rows of one chunk. The first chunk must begin with a cycle row; a later one begins with a step row, and
    /// its records before the first cycle row get their cycle from the chunk before (see <see cref="Chunk.InheritedRecords"/>).
    /// </summary>
    private static Chunk ParseChunk(ByteLineReader reader, Layout l, bool first)
    {
        string path = l.Path;
        var c = new Chunk();
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
                if (c.InheritedRecords < 0) c.InheritedRecords = c.Time.Count;
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
            }
        }
        return c;

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
            if (l.TotalTime is null)
            {
                c.Steps[^1] = (c.Steps[^1].Duration, t);   // the step's last record so far: the step time at its end
                c.StepOrdinal.Add(c.Steps.Count - 1);
            }
            i *= l.CurrentScale;
            if (discharge && i > 0) { i = -i; c.SignFlips++; }
            c.Time.Add(t); c.Current.Add(i); c.Voltage.Add(v * l.VoltageScale); c.Cycle.Add(cycle); c.Step.Add(step); c.Kind.Add(kind);
            if (l.Capacity is not null) { cc = charge ? cap : 0; cd = discharge ? cap : 0; }
            if (l.Energy is not null) { ec = charge ? en : 0; ed = discharge ? en : 0; }
            c.Charge.Add(cc * l.CapacityScale); c.Discharge.Add(cd * l.CapacityScale); c.ChargeEnergy.Add(ec * l.EnergyScale); c.DischargeEnergy.Add(ed * l.EnergyScale);
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
}
