namespace Borolyte.Storage;

/// <summary>Row counts of the knowledge base's main tables.</summary>
public sealed record KnowledgeCounts(int References, int Anions, int Compounds, int Properties, int Cells)
{
    public int Total => References + Anions + Compounds + Properties + Cells;
}
