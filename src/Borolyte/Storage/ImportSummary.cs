namespace Borolyte.Storage;

/// <summary>How many records an import upserted (new or replaced, by stable id).</summary>
public sealed record ImportSummary(int References, int Anions, int Compounds, int Properties, int Cells)
{
    public int Total => References + Anions + Compounds + Properties + Cells;
}
