namespace Borolyte.Chemistry;

/// <summary>
/// One cluster of the review's catalogue. <paramref name="LiteratureClass"/> is recorded from the literature
/// (review text, reference titles), independently of the electron counter; null when the species is not a polyhedral
/// cluster ([BH4]-).
/// </summary>
/// <param name="FormulaText">Formula as written in the review (locants kept), parseable by <see cref="Formula.Parse"/>.</param>
/// <param name="Name">Conventional name.</param>
/// <param name="Source">Where the review mentions it: seed 000, figure/section and its reference numbers.</param>
/// <param name="LiteratureClass">Structural class given by the cited literature.</param>
/// <param name="Status">"synthesized", "computational candidate" or "electrolyte anion".</param>
public sealed record ClusterCatalogueEntry(
    string FormulaText,
    string Name,
    string Source,
    ClusterClass? LiteratureClass,
    string Status)
{
    public Formula Formula => Formula.Parse(FormulaText);

    /// <summary>The electron count, or null with the reason when the species is not a cluster (e.g. [BH4]-).</summary>
    public (ClusterElectronCount? Count, string? Reason) Analyse()
    {
        try
        {
            return (WadeMingos.Count(Formula), null);
        }
        catch (InvalidInputException ex)
        {
            return (null, ex.Message);
        }
    }
}
