using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>Any delimited text file read through a <see cref="ColumnMapping"/>.</summary>
internal static class GenericCsvReader
{
    public static CyclingRawData Read(string path, ColumnMapping map)
    {
        using var reader = ByteLineReader.Open(path);
        for (int i = 0; i < map.SkipLines; i++) reader.TryReadLine(out _);
        byte delimiter = (byte)map.Delimiter;
        var header = CsvHeader.Read(reader, path, delimiter, "mapped");
        var specs = new List<FieldSpec>
        {
            new(header.Require("time", map.Time), map.Time), new(header.Require("voltage", map.Voltage), map.Voltage),
            new(header.Require("current", map.Current), map.Current),
        };
        if (map.Cycle is { } cy) specs.Add(new(header.Require("cycle", cy), cy) { Storage = FieldStorage.Int32 });
        if (map.Step is { } st) specs.Add(new(header.Require("step", st), st) { Storage = FieldStorage.Int32 });
        var table = DelimitedTable.Read(reader, path, delimiter, header.FieldCount, specs, map.DecimalComma);
        double sign = map.ChargeCurrentPositive ? 1 : -1;
        return new CyclingRawData
        {
            SourcePath = path, Format = "generic-csv",
            TestTimeSecond = CsvHeader.Scaled(table.Doubles(0), map.TimeToSecond)!,
            VoltageVolt = CsvHeader.Scaled(table.Doubles(1), map.VoltageToVolt)!,
            CurrentAmpere = CsvHeader.Scaled(table.Doubles(2), map.CurrentToAmpere * sign)!,
            InstrumentCycle = map.Cycle is null ? null : table.Ints(3),
            InstrumentStep = map.Step is null ? null : table.Ints(map.Cycle is null ? 3 : 4),
            Notes = [$"generic delimited file read with the mapping time={map.Time}, voltage={map.Voltage}, current={map.Current}" + (map.ChargeCurrentPositive ? "" : " (sign flipped: the file's discharge current is positive)")],
        };
    }
}
