namespace Borolyte.Storage;

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// Full-text search across formulas, names, aliases, quantities, notes, quotes, cell descriptions, anions and
    /// references. Every word must occur (case-insensitive substring). Uses the FTS5 trigram index ranked by bm25
    /// with matches in titles (formula, name, aliases, quantity) weighted 10× over body text; words shorter than
    /// 3 characters fall back to LIKE with titles ranked first.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string text, int limit = 50)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            throw new InvalidInputException("search text is empty; give at least one word, e.g. `materials search B12H12`");
        return words.All(w => w.Length >= 3) ? SearchFts(words, limit) : SearchLike(words, limit);
    }

    private List<SearchHit> SearchFts(string[] words, int limit)
    {
        var match = string.Join(" AND ", words.Select(w => "\"" + w.Replace("\"", "\"\"") + "\""));
        var hits = new List<SearchHit>();
        using var cmd = Command("""
            SELECT kind, record_id, compound, title, snippet(search_index, -1, '[', ']', '…', 48), bm25(search_index, 0, 0, 0, 10.0, 1.0) AS rank
            FROM search_index WHERE search_index MATCH $m ORDER BY rank, rowid LIMIT $limit
            """, null, ("$m", match), ("$limit", limit));
        using var r = cmd.ExecuteReader();
        while (r.Read())
            hits.Add(new SearchHit(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3).Trim(),
                r.GetString(4).Trim(), -r.GetDouble(5)));
        return hits;
    }

    private List<SearchHit> SearchLike(string[] words, int limit)
    {
        var conditions = string.Join(" AND ", words.Select((_, i) => $"(title || ' ' || body) LIKE $w{i} ESCAPE '\\'"));
        var titleScore = string.Join(" + ", words.Select((_, i) => $"(title LIKE $w{i} ESCAPE '\\')"));
        var parameters = words.Select((w, i) => ($"$w{i}", (object?)("%" + w.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%")))
            .Append(("$limit", limit)).ToArray();
        var hits = new List<SearchHit>();
        using var cmd = Command($"""
            SELECT kind, record_id, compound, title, body, {titleScore} AS score FROM search_index
            WHERE {conditions} ORDER BY score DESC, rowid LIMIT $limit
            """, null, parameters);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var body = r.GetString(4).Trim();
            hits.Add(new SearchHit(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3).Trim(),
                body.Length > 120 ? body[..120] + "…" : body, r.GetInt64(5)));
        }
        return hits;
    }
}
