using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// The opening every delimited cycler reader shares: the header line read and split, columns looked up by exact name,
/// by prefix ("Current(" whatever the unit) or by a key function, one-line errors that list the columns the file has,
/// units read from the header's parentheses, and the <see cref="FieldSpec"/> for the data loop.
/// </summary>
internal sealed class CsvHeader
{
    public string Path { get; }
    /// <summary>1-based line of the header.</summary>
    public long Line { get; }
    /// <summary>Column names as written (trimmed, quotes and tabs removed).</summary>
    public string[] Names { get; }
    /// <summary>Names used for lookups (<see cref="Names"/> unless a key function was given).</summary>
    public string[] Keys { get; }
    /// <summary>Number of fields, trailing empty names dropped.</summary>
    public int FieldCount => Names.Length;

    public CsvHeader(string path, long line, string[] names, Func<string, string>? key = null)
    {
        Path = path;
        Line = line;
        int count = names.Length;
        while (count > 0 && names[count - 1].Length == 0) count--;
        Names = names[..count];
        Keys = key is null ? Names : Names.Select(key).ToArray();
    }

    /// <summary>Reads the next line of <paramref name="reader"/> as the header.</summary>
    public static CsvHeader Read(ByteLineReader reader, string path, byte delimiter, string what, Func<string, string>? key = null)
    {
        if (!reader.TryReadLine(out var line)) throw new InvalidInputException($"{path}: ends before the {what} header line");
        return new CsvHeader(path, reader.LineNumber, TextFields.SplitToStrings(line, delimiter), key);
    }

    public int? Find(params string[] candidates)
    {
        foreach (var c in candidates)
            for (int i = 0; i < Keys.Length; i++)
                if (string.Equals(Keys[i], c, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    public int? Find(Func<string, bool> match)
    {
        for (int i = 0; i < Keys.Length; i++) if (match(Keys[i])) return i;
        return null;
    }

    /// <summary>First column whose name starts with <paramref name="prefix"/> (case-insensitive), e.g. "Current(" for "Current(mA)".</summary>
    public int? FindPrefixed(string prefix) => Find(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public int Require(string what, params string[] candidates) =>
        Find(candidates) ?? throw Missing(what, candidates.Select(c => $"'{c}'"));

    public int RequirePrefixed(string what, string prefix) =>
        FindPrefixed(prefix) ?? throw Missing(what, [$"'{prefix}…'"]);

    private InvalidInputException Missing(string what, IEnumerable<string> lookedFor) =>
        new($"{Path} line {Line}: no {what} column (looked for {string.Join(" or ", lookedFor)}); columns are: {string.Join(", ", Names)}");

    public FieldSpec Spec(int index, FieldKind kind = FieldKind.Number, FieldStorage storage = FieldStorage.Double, LabelCode? code = null) =>
        new(index, Names[index], kind, code) { Storage = storage };

    /// <summary>The unit inside the last parentheses of a column name ("Current(mA)" → "mA", "Voltage (V)" → "V"), or null.</summary>
    public static string? UnitOf(string name)
    {
        int open = name.LastIndexOf('('), close = name.LastIndexOf(')');
        return open >= 0 && close > open ? name[(open + 1)..close].Trim() : null;
    }

    /// <summary>Factor from the unit in the header's parentheses to the base unit (A, V, Ah, Wh): "mA" → 1e-3; no unit → 1.</summary>
    public double UnitScale(int index, string baseUnit) => UnitScale(Path, Names[index], baseUnit);

    public static double UnitScale(string path, string name, string baseUnit)
    {
        string unit = UnitOf(name) ?? baseUnit;
        if (unit.Equals(baseUnit, StringComparison.OrdinalIgnoreCase)) return 1;
        if (unit.Length == baseUnit.Length + 1 && unit[1..].Equals(baseUnit, StringComparison.OrdinalIgnoreCase))
            return unit[0] switch
            {
                'm' => 1e-3, 'u' or 'µ' or 'μ' => 1e-6, 'k' => 1e3,
                _ => throw new InvalidInputException($"{path}: column '{name}': unit '{unit}' not understood (expected {baseUnit})"),
            };
        throw new InvalidInputException($"{path}: column '{name}': unit '{unit}' not understood (expected {baseUnit})");
    }

    /// <summary>Multiplies in place (no copy) and returns the same array.</summary>
    public static double[]? Scaled(double[]? values, double factor)
    {
        if (values is null || factor == 1) return values;
        for (int i = 0; i < values.Length; i++) values[i] *= factor;
        return values;
    }
}
