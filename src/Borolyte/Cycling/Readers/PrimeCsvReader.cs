using System.Globalization;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// The "PRIME INSTRUMENT FILE" semicolon-separated export used in cellpy's test suite: a first line
/// "# PRIME INSTRUMENT FILE …", a line "number of headers ;N", N header lines (key;value metadata and a log), then the
/// column names "index;test_time;step_time;date_stamp;step;cycle;current;voltage;charge_capacity;discharge_Capacity"
/// and ';'-separated rows, possibly followed by empty ";;;;" lines. The file states no units: values are read as
/// s, A, V, Ah (cellpy's convention for it), and the "mass" line, having no unit, is reported but not used.
/// </summary>
internal static class PrimeCsvReader
{
    public static CyclingRawData Read(string path)
    {
        using var reader = ByteLineReader.Open(path);
        reader.TryReadLine(out _);
        if (!reader.TryReadLine(out var countLine))
            throw new InvalidInputException($"{path} line 2: file ends before 'number of headers ;N'");
        var countFields = TextFields.SplitToStrings(countLine, (byte)';');
        if (countFields.Length < 2 || !countFields[0].StartsWith("number of headers", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(countFields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int headerCount) || headerCount < 2)
            throw new InvalidInputException($"{path} line 2: expected 'number of headers ;N', found '{TextFields.Decode(countLine)}'");
        string? mass = null;
        while (reader.LineNumber < headerCount)
        {
            if (!reader.TryReadLine(out var line)) throw new InvalidInputException($"{path} line {reader.LineNumber + 1}: file ends inside the {headerCount}-line header");
            var f = TextFields.SplitToStrings(line, (byte)';');
            if (f.Length >= 2 && f[0].Equals("mass", StringComparison.OrdinalIgnoreCase)) mass = f[1];
        }
        var header = CsvHeader.Read(reader, path, (byte)';', "PRIME column");
        int time = header.Require("test time", "test_time");
        int current = header.Require("current", "current");
        int voltage = header.Require("voltage", "voltage");
        int cycle = header.Require("cycle", "cycle");
        int step = header.Require("step", "step");
        int chg = header.Require("charge capacity", "charge_capacity");
        int dchg = header.Require("discharge capacity", "discharge_capacity");
        var specs = new[] { time, current, voltage, cycle, step, chg, dchg }
            .Select((i, k) => header.Spec(i, storage: k is 3 or 4 ? FieldStorage.Int32 : FieldStorage.Double)).ToList();
        var table = DelimitedTable.Read(reader, path, (byte)';', header.FieldCount, specs);
        var notes = new List<string> { "PRIME CSV: the file states no units; read as s, A, V, Ah" };
        if (mass is not null) notes.Add($"the header gives 'mass {mass}' without a unit; not used (give the active mass explicitly)");
        if (table.BlankLinesSkipped > 0) notes.Add($"{table.BlankLinesSkipped} empty lines skipped");
        return new CyclingRawData
        {
            SourcePath = path, Format = "prime-csv", TestTimeSecond = table.Doubles(0), CurrentAmpere = table.Doubles(1), VoltageVolt = table.Doubles(2),
            InstrumentCycle = table.Ints(3), InstrumentStep = table.Ints(4), ChargingCapacityAmpereHour = table.Doubles(5), DischargingCapacityAmpereHour = table.Doubles(6),
            Notes = notes,
        };
    }
}
