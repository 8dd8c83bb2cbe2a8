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

    private sealed class Columns
    {
        public readonly List<double> Time = [], Current = [], Voltage = [], Charge = [], Discharge = [], ChargeEnergy = [], DischargeEnergy = [];
        public readonly List<int> Cycle = [], Step = [];
        public readonly List<sbyte> Kind = [];
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

        var c = new Columns();
        int cycle = 0, step = 0, signFlips = 0;
        sbyte kind = -1;
        bool discharge = false, charge = false;
        double stepOffset = 0, lastStepTime = 0;
        double? stepDuration = null;   // the current step's duration from its step row, when it has one
        bool anyStep = false;
        var fields = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            if (line.Trim((byte)' ').IsEmpty) continue;
            long n = reader.LineNumber;
            var cursor = new FieldCursor(line, (byte)',');
            cursor.TryNext(out var first);
            if (!TextFields.Trim(first).IsEmpty)
            {
                // Cycle row, possibly followed by its first step row.
                if (!TextFields.TryParseNumber(first, false, out double cy) || cy != Math.Floor(cy))
                    throw new InvalidInputException($"{path} line {n}, column '{cycleHeader.Names[0]}': '{TextFields.Show(first)}' is not a cycle number");
                cycle = (int)cy;
                int skipped = 1;
                while (skipped < cycleHeader.FieldCount && cursor.TryNext(out _)) skipped++;
                if (skipped < cycleHeader.FieldCount)
                    throw new InvalidInputException($"{path} line {n}: {skipped} fields where the cycle header has {cycleHeader.FieldCount} (file cut short?)");
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
                if (cycle == 0 || step == 0)
                    throw new InvalidInputException($"{path} line {n}: record row before any {(cycle == 0 ? "cycle" : "step")} row");
                ReadRecord(line, n);
            }
        }
        if (c.Time.Count == 0) throw new InvalidInputException($"{path}: no record rows");

        // Reads step fields from the cursor; `offset` = number of leading fields of the step header already consumed.
        bool ReadStep(ref FieldCursor cursor, int offset)
        {
            int index = offset;
            bool any = false;
            string? stepTime = null;
            while (cursor.TryNext(out var field))
            {
                if (index == stepIndexCol)
                {
                    if (!TextFields.TryParseNumber(field, false, out double s) || s != Math.Floor(s))
                        throw new InvalidInputException($"{path} line {reader.LineNumber}, column '{stepHeader.Names[stepIndexCol]}': '{TextFields.Show(field)}' is not a step number");
                    step = (int)s;
                    any = true;
                }
                else if (index == stepTypeCol)
                {
                    var label = TextFields.Trim(field);
                    kind = (sbyte)NewareCsvReader.StepTypeCode(label);
                    string text = TextFields.Decode(label);
                    discharge = text.Contains("DChg", StringComparison.OrdinalIgnoreCase) || text.Contains("Discharge", StringComparison.OrdinalIgnoreCase);
                    charge = !discharge && (text.Contains("Chg", StringComparison.OrdinalIgnoreCase) || text.Contains("Charge", StringComparison.OrdinalIgnoreCase));
                }
                else if (stepTimeCol == index) stepTime = TextFields.Decode(TextFields.Trim(field));
                index++;
            }
            if (!any) return false;
            if (index < stepHeader.FieldCount && index <= Math.Max(stepIndexCol, stepTypeCol))
                throw new InvalidInputException($"{path} line {reader.LineNumber}: step row with {index} fields where the step header has {stepHeader.FieldCount}");
            // Files without a total time: a step starts where the previous one ended (its step-row duration, else its last record's step time).
            if (anyStep) stepOffset += stepDuration ?? lastStepTime;
            anyStep = true;
            stepDuration = stepTime is not null && DelimitedTable.TryParseDuration(System.Text.Encoding.ASCII.GetBytes(stepTime), out double d) ? d : null;
            lastStepTime = 0;
            return true;
        }

        void ReadRecord(ReadOnlySpan<byte> line, long n)
        {
            var cursor = new FieldCursor(line, (byte)',');
            int index = 0;
            double t = double.NaN, i = double.NaN, v = double.NaN, cap = 0, en = 0, cc = 0, cd = 0, ec = 0, ed = 0;
            while (cursor.TryNext(out var field))
            {
                if (index == time)
                {
                    if (!DelimitedTable.TryParseDuration(field, out t)) throw Bad(n, recordHeader.Names[time], field, "duration");
                }
                else if (index == current) i = Number(field, n, current);
                else if (index == voltage) v = Number(field, n, voltage);
                else if (index == capacity) cap = Number(field, n, index);
                else if (index == energy) en = Number(field, n, index);
                else if (index == chgCap) cc = Number(field, n, index);
                else if (index == dchgCap) cd = Number(field, n, index);
                else if (index == chgEn) ec = Number(field, n, index);
                else if (index == dchgEn) ed = Number(field, n, index);
                index++;
            }
            if (index < recordHeader.FieldCount)
                throw new InvalidInputException($"{path} line {n}: {index} fields where the record header has {recordHeader.FieldCount}" + (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
            if (totalTime is null) { lastStepTime = t; t += stepOffset; }
            i *= iScale;
            if (discharge && i > 0) { i = -i; signFlips++; }
            c.Time.Add(t); c.Current.Add(i); c.Voltage.Add(v * vScale); c.Cycle.Add(cycle); c.Step.Add(step); c.Kind.Add(kind);
            if (capacity is not null) { cc = charge ? cap : 0; cd = discharge ? cap : 0; }
            if (energy is not null) { ec = charge ? en : 0; ed = discharge ? en : 0; }
            c.Charge.Add(cc * capScale); c.Discharge.Add(cd * capScale); c.ChargeEnergy.Add(ec * enScale); c.DischargeEnergy.Add(ed * enScale);
        }

        double Number(ReadOnlySpan<byte> field, long n, int column)
        {
            if (!TextFields.TryParseNumber(field, false, out double value) || !double.IsFinite(value)) throw Bad(n, recordHeader.Names[column], field, "number");
            return value;
        }

        InvalidInputException Bad(long n, string column, ReadOnlySpan<byte> field, string what)
        {
            string shown = TextFields.Show(field);
            return new InvalidInputException($"{path} line {n}, column '{column}': " + (shown.Length == 0 ? $"empty, expected a {what}" : $"'{shown}' is not a {what}")
                + (reader.LastLineEndedWithNewline ? "" : " (file cut short?)"));
        }

        var notes = new List<string> { "Neware CSV: regular export (cycle, step and record rows); cycle and step of each record from the rows above it" };
        if (totalTime is null) notes.Add("no Total Time column: test time = step time + durations of the earlier steps");
        if (signFlips > 0) notes.Add($"{signFlips} records of discharge steps had a positive current; made negative (positive = charge)");
        if (!hasCapacity) notes.Add("no record capacity column: capacities by coulomb counting");
        return new CyclingRawData
        {
            SourcePath = path, Format = "neware-regular-csv", TestTimeSecond = [.. c.Time], VoltageVolt = [.. c.Voltage], CurrentAmpere = [.. c.Current],
            InstrumentCycle = [.. c.Cycle], InstrumentStep = [.. c.Step], InstrumentKind = [.. c.Kind],
            ChargingCapacityAmpereHour = hasCapacity ? [.. c.Charge] : null, DischargingCapacityAmpereHour = hasCapacity ? [.. c.Discharge] : null,
            ChargingEnergyWattHour = hasEnergy ? [.. c.ChargeEnergy] : null, DischargingEnergyWattHour = hasEnergy ? [.. c.DischargeEnergy] : null,
            Notes = notes,
        };
    }
}
