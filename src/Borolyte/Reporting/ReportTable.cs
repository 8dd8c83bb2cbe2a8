namespace Borolyte.Reporting;

/// <summary>A table of already-formatted cells for an <see cref="HtmlReport"/>.</summary>
public sealed record ReportTable(string? Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public ReportTable Validated()
    {
        for (int i = 0; i < Rows.Count; i++)
            if (Rows[i].Count != Columns.Count)
                throw new ArgumentException($"table '{Caption}': row {i + 1} has {Rows[i].Count} cells but there are {Columns.Count} columns");
        return this;
    }
}
