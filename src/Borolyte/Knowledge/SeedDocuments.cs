namespace Borolyte.Knowledge;

/// <summary>The two seed documents (docs/knowledge-seed-format.md) and their own DOIs.</summary>
public static class SeedDocuments
{
    public const string Review = "review";
    public const string Infiltration = "infiltration";
    /// <summary>Records entered by hand (CLI `materials add-property`, imports of own data).</summary>
    public const string User = "user";

    /// <summary>Duchêne et al., Energy Storage Mater. 26 (2020) 543–549.</summary>
    public const string InfiltrationDoi = "10.1016/j.ensm.2019.11.027";

    /// <summary>The DOI of the seed document itself: infiltration has one, the review chapter none.</summary>
    public static string? DoiOf(string seed) => seed == Infiltration ? InfiltrationDoi : null;
}
