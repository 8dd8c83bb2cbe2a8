using Borolyte.Cycling.Analysis;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// The measured inputs of <c>cell calibrate</c>: a two-column comma-separated table under a fixed header (blank lines and
/// '#' comments allowed). Errors name the source and line.
/// </summary>
internal static class CalibrationCsv
{
    /// <summary>
    /// True when the file is one of these tables rather than a cycler file: its first line that is not blank or a '#' comment
    /// starts with the table's first column and a comma. A mass (for a cycler file) given with a table is refused.
    /// </summary>
    public static bool IsTable(string path, string firstColumn, double? activeMassKg)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: file not found");
        string? line;
        using (var reader = new StreamReader(path))
            do line = reader.ReadLine()?.Trim(); while (line is not null && (line.Length == 0 || line.StartsWith('#')));
        bool table = line is not null && line.StartsWith(firstColumn + ",", StringComparison.OrdinalIgnoreCase);
        if (table && activeMassKg is not null)
            throw new InvalidInputException($"{Path.GetFileName(path)}: an active mass belongs to a cycler file; this table already gives mAh/g");
        return table;
    }

    /// <summary>A cycler file's per-cycle summary (the cycling module's), which must have an active mass: given, or the file's own.</summary>
    public static FileSummary CyclerSummary(string path, SummaryOptions options)
    {
        var file = CycleSummarizer.SummarizeFile(path, options);
        if (file.Summary.ActiveMassKg is null)
            throw new InvalidInputException($"{Path.GetFileName(path)}: the cycler file states no active mass, so it gives no mAh/g; give the active mass (cell calibrate --active-mass-mg)");
        return file;
    }

    /// <param name="text">The file's text.</param>
    /// <param name="source">File name for messages.</param>
    /// <param name="columns">The two column names the header must have (case-insensitive).</param>
    /// <param name="row">Turns the two cells of a data row into a value; gets the 1-based line number and the rows so far.</param>
    public static IReadOnlyList<T> Read<T>(string text, string source, (string First, string Second) columns,
        Func<string[], int, IReadOnlyList<T>, T> row)
    {
        var rows = new List<T>();
        bool header = false;
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            string line = raw.Trim().TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (!header)
            {
                if (cells.Length != 2 || !cells[0].Equals(columns.First, StringComparison.OrdinalIgnoreCase) || !cells[1].Equals(columns.Second, StringComparison.OrdinalIgnoreCase))
                    throw new InvalidInputException($"{source}:{lineNo}: header must be '{columns.First},{columns.Second}', got '{line}'");
                header = true;
                continue;
            }
            if (cells.Length != 2) throw new InvalidInputException($"{source}:{lineNo}: expected 2 columns, got {cells.Length}");
            rows.Add(row(cells, lineNo, rows));
        }
        if (rows.Count == 0) throw new InvalidInputException($"{source}: no data rows");
        return rows;
    }
}
