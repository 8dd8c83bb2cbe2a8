namespace Borolyte.Knowledge;

/// <summary>
/// The one canonical shape of a dataset: missing lists become empty lists and empty optional strings become
/// null, so JSON, CSV and the database all hold the same value (CSV cannot tell "" from null).
/// </summary>
public static class KnowledgeNormalisation
{
    public static KnowledgeDataset Normalise(KnowledgeDataset d) => new()
    {
        References = (d.References ?? []).Select(r => r with { Citation = N(r.Citation), Doi = N(r.Doi) }).ToList(),
        Anions = (d.Anions ?? []).Select(a => a with { Name = N(a.Name), ClusterClass = N(a.ClusterClass) }).ToList(),
        Compounds = (d.Compounds ?? []).Select(c => c with
        {
            Name = N(c.Name),
            Aliases = c.Aliases ?? [],
            CarrierIon = N(c.CarrierIon),
            Anions = c.Anions ?? [],
            ConductingPhaseStructure = N(c.ConductingPhaseStructure),
            Category = N(c.Category),
        }).ToList(),
        Properties = (d.Properties ?? []).Select(p => p with
        {
            Phase = N(p.Phase),
            Method = N(p.Method),
            Qualifier = N(p.Qualifier),
            Note = N(p.Note),
            Source = Normalise(p.Source),
        }).ToList(),
        Cells = (d.Cells ?? []).Select(c => c with
        {
            Cathode = N(c.Cathode),
            Electrolyte = N(c.Electrolyte),
            Anode = N(c.Anode),
            CathodeComposition = N(c.CathodeComposition),
            Note = N(c.Note),
            Source = Normalise(c.Source),
        }).ToList(),
    };

    private static SourceCitation? Normalise(SourceCitation? s) =>
        s is null ? null : s with { Section = N(s.Section), References = s.References ?? [], Quote = N(s.Quote), Doi = N(s.Doi) };

    private static string? N(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
