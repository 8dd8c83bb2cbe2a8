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
        int? stepSlot = null, chargeSlot = null, dischargeSlot = null;
        if (map.Step is { } st) { stepSlot = specs.Count; specs.Add(new(header.Require("step", st), st) { Storage = FieldStorage.Int32 }); }
        if (map.ChargeCapacity is { } cc) { chargeSlot = specs.Count; specs.Add(new(header.Require("charge capacity", cc), cc)); }
        if (map.DischargeCapacity is { } dc) { dischargeSlot = specs.Count; specs.Add(new(header.Require("discharge capacity", dc), dc)); }
        var table = DelimitedTable.Read(reader, path, delimiter, header.FieldCount, specs, map.DecimalComma);
        double sign = map.ChargeCurrentPositive ? 1 : -1;
        return new CyclingRawData
        {
            SourcePath = path, Format = "generic-csv",
            TestTimeSecond = CsvHeader.Scaled(table.Doubles(0), map.TimeToSecond)!,
            VoltageVolt = CsvHeader.Scaled(table.Doubles(1), map.VoltageToVolt)!,
            CurrentAmpere = CsvHeader.Scaled(table.Doubles(2), map.CurrentToAmpere * sign)!,
            InstrumentCycle = map.Cycle is null ? null : table.Ints(3),
            InstrumentStep = stepSlot is { } ss ? table.Ints(ss) : null,
            ChargingCapacityAmpereHour = chargeSlot is { } cs ? CsvHeader.Scaled(table.Doubles(cs), map.CapacityToAmpereHour) : null,
            DischargingCapacityAmpereHour = dischargeSlot is { } ds ? CsvHeader.Scaled(table.Doubles(ds), map.CapacityToAmpereHour) : null,
            Notes = [$"generic delimited file read with the mapping time={map.Time}, voltage={map.Voltage}, current={map.Current}"
                + (map.ChargeCurrentPositive ? "" : " (sign flipped: the file's discharge current is positive)")
                + (map.DecimalComma ? "; decimal commas" : "") + (map.SkipLines > 0 ? $"; {map.SkipLines} lines before the header skipped" : "")],
        };
    }
}
