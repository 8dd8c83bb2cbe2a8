namespace Borolyte.Storage;

/// <summary>One result of <see cref="KnowledgeBase.Search"/>, best first.</summary>
/// <param name="Kind">compound, anion, property, cell or reference.</param>
/// <param name="Compound">The compound formula the hit belongs to (null for anions, references and cells).</param>
/// <param name="Snippet">The matching text with the match in [brackets].</param>
/// <param name="Score">bm25 relevance (higher is better).</param>
public sealed record SearchHit(string Kind, string RecordId, string? Compound, string Title, string Snippet, double Score);
