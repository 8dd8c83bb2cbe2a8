using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Reads any supported cycler file into a <see cref="CyclingRun"/>. The format is detected from the content (magic
/// bytes, first line, header names), never from the file name.
/// </summary>
public static class CyclingFileReader
{
    /// <summary>Format ids this reader detects.</summary>
    public static readonly IReadOnlyList<string> Formats =
        ["biologic-mpr", "biologic-mpt", "neware-csv", "neware-regular-csv", "arbin-csv", "maccor-txt", "prime-csv", "pec-csv", "bdf-csv"];

    public static CyclingRun Read(string path, CycleDefinition? cycles = null, ColumnMapping? mapping = null) =>
        CyclingRun.Build(ReadRaw(path, mapping), cycles);

    public static CyclingRawData ReadRaw(string path, ColumnMapping? mapping = null)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        if (mapping is not null) return GenericCsvReader.Read(path, mapping);
        return Detect(path) switch
        {
            "biologic-mpr" => BioLogicCyclingReader.ReadMpr(path),
            "biologic-mpt" => BioLogicCyclingReader.ReadMpt(path),
            "neware-csv" => NewareCsvReader.Read(path),
            "neware-regular-csv" => NewareRegularCsvReader.Read(path),
            "pec-csv" => PecCsvReader.Read(path),
            "arbin-csv" => ArbinCsvReader.Read(path),
            "maccor-txt" => MaccorTextReader.Read(path),
            "prime-csv" => PrimeCsvReader.Read(path),
            "bdf-csv" => BdfCsv.Read(path),
            var other => throw new InvalidOperationException(other),
        };
    }

    /// <summary>The format id of the file, from its first bytes and header line.</summary>
    public static string Detect(string path)
    {
        byte[] head = new byte[8192];
        int length;
        using (var stream = File.OpenRead(path)) length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head.AsSpan(0, length);
        if (length == 0) throw new InvalidInputException($"{path}: the file is empty");
        if (MprFile.LooksLike(span)) return "biologic-mpr";
        if (MptFile.LooksLike(span)) return "biologic-mpt";
        if (span.StartsWith("# PRIME INSTRUMENT FILE"u8)) return "prime-csv";
        int newline = span.IndexOf((byte)'\n');
        string first = TextFields.Decode(newline >= 0 ? span[..newline] : span);
        if (first.StartsWith("Today's Date", StringComparison.Ordinal) || first.StartsWith("Rec#\t", StringComparison.Ordinal)) return "maccor-txt";
        string lower = first.ToLowerInvariant();
        if (lower.Contains("test_time_second") || lower.Contains("test time / s")) return "bdf-csv";
        if (lower.StartsWith("datapoint,") && lower.Contains("step type")) return "neware-csv";
        var headLines = TextFields.Decode(span).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (NewareRegularCsvReader.LooksLike(first.TrimEnd('\r'), headLines.Length > 1 ? headLines[1] : null)) return "neware-regular-csv";
        if (PecCsvReader.LooksLike(headLines)) return "pec-csv";
        if ((lower.Contains("data_point") || lower.Contains("data point")) && (lower.Contains("cycle_index") || lower.Contains("cycle index"))) return "arbin-csv";
        if (span.IndexOf((byte)0) >= 0)
            throw new InvalidInputException($"{path}: binary content that is not a BioLogic .mpr file; formats read: {string.Join(", ", Formats)}");
        throw new InvalidInputException(
            $"{path} line 1: format not recognised (header '{(first.Length > 60 ? first[..60] + "…" : first)}'); formats read: {string.Join(", ", Formats)}, or give a column mapping");
    }
}
