namespace Borolyte.Storage;

/// <summary>One numbered schema change, applied once, in its own transaction, and recorded in `schema_migrations`.</summary>
public sealed record Migration(int Version, string Name, string Sql);
