using System.Buffers.Binary;
using System.Text;

namespace Borolyte.Formats.BioLogic;

/// <summary>One module of an .mpr file ("VMP Set", "VMP data", "VMP LOG", "VMP loop", ...).</summary>
public sealed record MprModule(string ShortName, string LongName, int Version, string Date, long DataOffset, int Length);

/// <summary>
/// The cell characteristics stored in the settings module, as raw values in EC-Lab's display units (the .mpt export
/// prints them as "Mass of active material : … mg" and "Electrode surface area : … cm²"). EC-Lab pre-fills 0.001 for
/// both; <see cref="IsEcLabPlaceholder"/> tells such values apart so callers never take them for a measurement.
/// </summary>
public sealed record MprSettings(
    int TechniqueId, string Comments, double ActiveMaterialMassMg, string ElectrodeMaterial, string Electrolyte,
    double ElectrodeAreaCm2, string ReferenceElectrode, double CharacteristicMassMg, double BatteryCapacity, int BatteryCapacityUnit)
{
    public static bool IsEcLabPlaceholder(double value) => value <= 0 || Math.Abs(value - 0.001) < 1e-9 || !double.IsFinite(value);
}

/// <summary>
/// Clean-room reader of BioLogic EC-Lab binary files (.mpr). Layout (public descriptions: galvani BioLogic.py and
/// yadg extractors/eclab/mpr.py, read for format facts only; verified on tests/data/cycling/biol.mpr):
/// a 52-byte magic "BIO-LOGIC MODULAR FILE\x1a" padded with spaces and 4 zero bytes; then modules, each "MODULE",
/// short name (10 bytes), long name (25), then either length u32, version u32, date (8) — or, in newer files,
/// max length u32, length u32, old version u32, new version u32, date (8); then length bytes of module data.
/// Data module: point count u32, column count u8, column ids from byte 5 — u16 little-endian with records from byte
/// 405 (version 2) or 406 (version 3); in version 0 one byte per id with records from byte 100, or (EC-Lab ≥ 11.50)
/// u16 big-endian with records from byte 1007 — each record the columns' values little-endian in id order (see
/// <see cref="MprColumnTable"/>). Unknown column ids do not stop the reader: the record size (module length after the
/// header / point count) fixes their widths where it can (<see cref="MprRecordLayout"/>); they are skipped with a
/// warning, and a known column whose offset the unknown widths leave open is skipped with a warning naming it.
/// Column-agnostic: callers pick columns by their EC-Lab names.
/// </summary>
public sealed class MprFile
{
    private static readonly byte[] Magic = [.. "BIO-LOGIC MODULAR FILE\x1a"u8, .. Enumerable.Repeat((byte)' ', 25), 0, 0, 0, 0];

    public required string Path { get; init; }
    public required IReadOnlyList<MprModule> Modules { get; init; }
    public required int DataVersion { get; init; }
    public required IReadOnlyList<int> ColumnIds { get; init; }
    /// <summary>Decoded columns (flags split into one column each: "mode", "ox/red", ...), unknown ids left out.</summary>
    public required IReadOnlyList<string> ColumnNames { get; init; }
    public required IReadOnlyList<double[]> Columns { get; init; }
    public required int RowCount { get; init; }
    public MprSettings? Settings { get; init; }
    /// <summary>What the reader skipped or could not interpret (one line each).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    public bool HasColumn(string name) => ColumnNames.Contains(name);

    public double[] Column(string name)
    {
        for (int i = 0; i < ColumnNames.Count; i++)
            if (ColumnNames[i] == name) return Columns[i];
        throw new InvalidInputException($"{Path}: column '{name}' not in the data module; columns are: {string.Join(", ", ColumnNames)}");
    }

    public static bool LooksLike(ReadOnlySpan<byte> head) => head.StartsWith("BIO-LOGIC MODULAR FILE"u8);

    public static MprFile Read(string path) => Parse(path, File.ReadAllBytes(path));

    public static MprFile Parse(string path, byte[] bytes)
    {
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidInputException($"{path}: not a BioLogic .mpr file (the first {Magic.Length} bytes are not 'BIO-LOGIC MODULAR FILE')");
        var modules = new List<MprModule>();
        long pos = Magic.Length;
        while (pos < bytes.Length)
        {
            if (bytes.Length - pos < 6 || !bytes.AsSpan((int)pos, 6).SequenceEqual("MODULE"u8))
                throw new InvalidInputException($"{path} byte {pos}: expected 'MODULE' (corrupted or cut short after {modules.Count} modules)");
            modules.Add(ReadModuleHeader(path, bytes, pos + 6));
            var m = modules[^1];
            if (m.DataOffset + m.Length > bytes.Length)
                throw new InvalidInputException(
                    $"{path} byte {m.DataOffset}: module '{m.ShortName}' declares {m.Length} bytes but the file ends after {bytes.Length - m.DataOffset} (file cut short?)");
            pos = m.DataOffset + m.Length;
        }
        var data = modules.FirstOrDefault(m => m.ShortName == "VMP data")
            ?? throw new InvalidInputException($"{path}: no 'VMP data' module (modules: {string.Join(", ", modules.Select(m => m.ShortName))})");
        var warnings = new List<string>();
        var settingsModule = modules.FirstOrDefault(m => m.ShortName == "VMP Set");
        MprSettings? settings = settingsModule is null ? null : ReadSettings(bytes.AsSpan((int)settingsModule.DataOffset, settingsModule.Length), warnings);
        var (ids, names, columns, rows) = ReadData(path, bytes.AsSpan((int)data.DataOffset, data.Length), data.Version, warnings);
        return new MprFile
        {
            Path = path, Modules = modules, DataVersion = data.Version, ColumnIds = ids, ColumnNames = names,
            Columns = columns, RowCount = rows, Settings = settings, Warnings = warnings,
        };
    }

    private static MprModule ReadModuleHeader(string path, byte[] bytes, long at)
    {
        // Old header: names (35) + length + version + date = 51 bytes; new header: names + 4 u32 + date = 59 bytes.
        if (bytes.Length - at < 51)
            throw new InvalidInputException($"{path} byte {at}: module header cut short");
        var span = bytes.AsSpan((int)at);
        string shortName = Ascii(span[..10]), longName = Ascii(span[10..35]);
        if (LooksLikeDate(span.Slice(43, 8)))
            return new MprModule(shortName, longName, (int)BinaryPrimitives.ReadUInt32LittleEndian(span[39..]), Ascii(span.Slice(43, 8)),
                at + 51, Length(path, at, BinaryPrimitives.ReadUInt32LittleEndian(span[35..])));
        if (span.Length >= 59 && LooksLikeDate(span.Slice(51, 8)))
            return new MprModule(shortName, longName, (int)BinaryPrimitives.ReadUInt32LittleEndian(span[43..]), Ascii(span.Slice(51, 8)),
                at + 59, Length(path, at, BinaryPrimitives.ReadUInt32LittleEndian(span[39..])));
        throw new InvalidInputException($"{path} byte {at}: module '{shortName}' has a header this reader does not recognise (no date field)");
    }

    private static int Length(string path, long at, uint length) =>
        length <= int.MaxValue ? (int)length : throw new InvalidInputException($"{path} byte {at}: module length {length} is impossible");

    private static bool LooksLikeDate(ReadOnlySpan<byte> d) =>
        d.Length == 8 && char.IsAsciiDigit((char)d[0]) && char.IsAsciiDigit((char)d[1]) && d[2] is (byte)'/' or (byte)'-' or (byte)'.'
        && char.IsAsciiDigit((char)d[3]) && char.IsAsciiDigit((char)d[4]) && d[5] == d[2] && char.IsAsciiDigit((char)d[6]) && char.IsAsciiDigit((char)d[7]);

    private static string Ascii(ReadOnlySpan<byte> s) => Encoding.Latin1.GetString(s).TrimEnd(' ', '\0');

    private static (int[] Ids, string[] Names, double[][] Columns, int Rows) ReadData(string path, ReadOnlySpan<byte> data, int version, List<string> warnings)
    {
        if (data.Length < 6)
            throw new InvalidInputException($"{path}: data module is {data.Length} bytes, too short for its header");
        int points = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data));
        int columnCount = data[4];
        var ids = new int[columnCount];
        int start;
        switch (version)
        {
            case 2 or 3:
                // ids u16 little-endian from byte 5; records from 405 (version 2) or 406 (version 3 adds one byte).
                start = version == 3 ? 406 : 405;
                if (data.Length < start)
                    throw new InvalidInputException($"{path}: data module is {data.Length} bytes, shorter than its {start}-byte header");
                for (int i = 0; i < columnCount; i++) ids[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(5 + 2 * i)..]);
                break;
            case 0:
                // galvani: older EC-Lab writes one byte per id and records from byte 100; EC-Lab ≥ 11.50 writes two bytes
                // per id, high byte first ("0 1 0 3 0 174 …"), and records from byte 1007 (yadg: 0x3EF).
                bool oneByte = columnCount > 0 && data[5] != 0;
                start = oneByte ? 100 : 1007;
                if (data.Length < start || 5 + columnCount * (oneByte ? 1 : 2) > start)
                    throw new InvalidInputException($"{path}: data module (version 0) is {data.Length} bytes, shorter than its {start}-byte header");
                for (int i = 0; i < columnCount; i++) ids[i] = oneByte ? data[5 + i] : BinaryPrimitives.ReadUInt16BigEndian(data[(5 + 2 * i)..]);
                break;
            default:
                throw new InvalidInputException($"{path}: data module version {version} is not supported (versions 0, 2 and 3 are)");
        }

        // Fields in record order; the flag ids share one byte placed at the first of them.
        var fields = new List<MprRecordLayout.Field>();
        bool flagsPlaced = false;
        foreach (int id in ids)
        {
            if (MprColumnTable.Flags.ContainsKey(id))
            {
                if (flagsPlaced) continue;
                flagsPlaced = true;
                fields.Add(new(id, MprColumnTable.Readings(id), false));
                continue;
            }
            var readings = MprColumnTable.Readings(id);
            if (readings.Count > 0) { fields.Add(new(id, readings, false)); continue; }
            var low = MprColumnTable.ByLowByte(id);
            fields.Add(new(id, low, low.Count > 0));
        }
        int available = data.Length - start;
        int minimum = MprRecordLayout.MinimumSize(fields);

        var names = new List<string>();
        var columns = new List<double[]>();
        var readers = new List<(int Offset, MprValueType Type, int Column, byte Mask)>();
        if (fields.Count == 0 || points == 0)
        {
            foreach (var f in fields.Where(f => f.Unknown)) warnings.Add($"column id {f.Id} is unknown; skipped (no records to infer its width from)");
            foreach (var f in fields.Where(f => !f.Unknown)) AddColumns(f.Readings[0], 0);
            return (ids, names.ToArray(), columns.ToArray(), points);
        }
        int recordSize = available / points;
        if (MprRecordLayout.PreferredSize(fields) is { } preferred && preferred <= recordSize && available - (long)points * preferred < points)
            recordSize = preferred;
        var layout = (recordSize >= minimum ? MprRecordLayout.Resolve(fields, recordSize) : null) ?? throw new InvalidInputException(
            $"{path}: data records are {recordSize} bytes ({points} declared in {available} bytes), but column ids {string.Join(", ", ids)} " +
            $"cannot be laid out in them (their types, and 1–8 bytes per unknown id, make at least {minimum}); the column table does not fit this file, or it is corrupted");
        if (available - (long)points * recordSize is > 0 and var trailing)
            warnings.Add($"{trailing} bytes after the last of the {points} records of {recordSize} bytes ignored");

        var unknownOpen = new List<int>();
        var unplaced = new List<string>();
        foreach (var p in layout.Placements)
        {
            var f = p.Field;
            if (f.Unknown || (f.ByLowByte && p.Type is null))
            {
                if (p.Width is { } w && p.Offset is not null)
                    warnings.Add($"column id {f.Id} is unknown; skipped ({w} bytes per record, inferred from the record length)");
                else unknownOpen.Add(f.Id);
                continue;
            }
            if (p.Offset is not { } offset || p.Type is not { } type)
            {
                unplaced.Add($"{f.Id} ({f.Readings[0].Name})");
                continue;
            }
            if (f.ByLowByte)
                warnings.Add($"column id {f.Id} is not in the table; read as id {f.Id & 0xFF} ({type.Name}), its low byte (the ids repeat modulo 256)");
            else if (type != f.Readings[0])
                warnings.Add($"column id {f.Id} ({type.Name}) read as {type.Type} ({type.Size} bytes), not {f.Readings[0].Type}: only that reading fits the {recordSize}-byte records");
            AddColumns(type, offset);
        }
        if (unknownOpen.Count > 0)
            warnings.Add($"column ids {string.Join(", ", unknownOpen)} are unknown and their widths cannot be told apart in the {recordSize}-byte records; skipped");
        if (unplaced.Count > 0)
            warnings.Add($"columns {string.Join(", ", unplaced)} sit at offsets that depend on the widths of unknown ids; not read");
        if (names.Count == 0)
            throw new InvalidInputException(
                $"{path}: none of the known columns of the data module can be located (column ids {string.Join(", ", ids)}, {recordSize}-byte records)");

        var records = data[start..];
        for (int row = 0; row < points; row++)
        {
            var record = records.Slice(row * recordSize, recordSize);
            foreach (var (at, type, column, mask) in readers)
            {
                columns[column][row] = type switch
                {
                    MprValueType.Flags => (record[at] & mask) >> System.Numerics.BitOperations.TrailingZeroCount(mask),
                    MprValueType.UInt8 => record[at],
                    MprValueType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(record[at..]),
                    MprValueType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(record[at..]),
                    MprValueType.Single => BinaryPrimitives.ReadSingleLittleEndian(record[at..]),
                    _ => BinaryPrimitives.ReadDoubleLittleEndian(record[at..]),
                };
            }
        }
        return (ids, names.ToArray(), columns.ToArray(), points);

        void AddColumns(MprColumnType type, int offset)
        {
            if (type.Type == MprValueType.Flags)
            {
                foreach (int flagId in ids.Where(i => MprColumnTable.Flags.ContainsKey(i)))
                {
                    var (flagName, mask) = MprColumnTable.Flags[flagId];
                    readers.Add((offset, MprValueType.Flags, names.Count, mask));
                    names.Add(flagName);
                    columns.Add(new double[points]);
                }
                return;
            }
            string name = MprColumnTable.NameInContext(type, ids);
            string unique = name;
            for (int k = 2; names.Contains(unique); k++) unique = $"{name} {k}";
            readers.Add((offset, type.Type, names.Count, 0));
            names.Add(unique);
            columns.Add(new double[points]);
        }
    }

    // Cell characteristics at fixed offsets of the settings module (yadg, mpr_columns.py settings_dtypes).
    private static MprSettings? ReadSettings(ReadOnlySpan<byte> s, List<string> warnings)
    {
        if (s.Length < 0x261)
        {
            warnings.Add($"settings module is {s.Length} bytes, too short for the cell characteristics; mass and area not read");
            return null;
        }
        return new MprSettings(
            s[0], Pascal(s, 0x07, 0x107), BinaryPrimitives.ReadSingleLittleEndian(s[0x107..]), Pascal(s, 0x11E, 0x1C0),
            Pascal(s, 0x1C0, 0x211), BinaryPrimitives.ReadSingleLittleEndian(s[0x211..]), Pascal(s, 0x215, 0x24C),
            BinaryPrimitives.ReadSingleLittleEndian(s[0x24C..]), BinaryPrimitives.ReadSingleLittleEndian(s[0x25C..]), s[0x260]);
    }

    private static string Pascal(ReadOnlySpan<byte> s, int at, int limit)
    {
        int length = Math.Min(s[at], limit - at - 1);
        return Encoding.Latin1.GetString(s.Slice(at + 1, length));
    }
}
