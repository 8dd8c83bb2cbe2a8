using Borolyte.Knowledge;

namespace Borolyte.Storage;

/// <summary>A property record with its resolved provenance and its value in SI.</summary>
/// <param name="Doi">From the first cited reference, the record's own DOI, or the seed's DOI (null for the review).</param>
/// <param name="ReferenceText">Human-readable source, e.g. "review §2.1, refs 47, 55, 106".</param>
public sealed record PropertyView(PropertyRecord Record, string? Doi, string ReferenceText, double ValueSi, string SiUnit);
