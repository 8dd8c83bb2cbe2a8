namespace Borolyte.Cells.Simulation;

/// <summary>
/// The measured inputs of <c>cell calibrate</c>: a two-column comma-separated table under a fixed header (blank lines and
/// '#' comments allowed). Errors name the source and line.
/// </summary>
internal static class CalibrationCsv
{
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
