namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Picks non-overlapping mentions from candidates: patterns before gazetteers before the model
/// before POS tags; within a source the longest, then the earliest. One exception: a confident model
/// organisation that starts with a gazetteer place (美国劳工部 over 美国) outranks the place.
/// </summary>
internal static class OverlapResolver
{
    /// <summary>Chosen on the dev set: keeps 美国劳工部, drops 中国科技企业 (0.73).</summary>
    public const double PromotedModelConfidence = 0.75;

    /// <summary>Per thread: which candidate holds each character (its index + 1; 0 while free), reused across calls.</summary>
    [ThreadStatic]
    private static int[]? t_owners;

    /// <summary>Per thread: the candidates' sort keys (see <see cref="SortKey"/>), reused across calls.</summary>
    [ThreadStatic]
    private static UInt128[]? t_keys;

    /// <summary>
    /// Replaces the contents of <paramref name="chosen"/> with the chosen mentions, in text order. An empty
    /// candidate covers no character and is never chosen (the recognizer drops them before).
    /// </summary>
    public static void Resolve(IReadOnlyList<EntityCandidate> candidates, List<EntityCandidate> chosen)
    {
        var count = candidates.Count;
        var keys = (t_keys is { } k && k.Length >= count ? k : t_keys = new UInt128[Math.Max(count, 256)]).AsSpan(0, count);
        var textEnd = 0;
        for (var i = 0; i < count; i++)
        {
            var c = candidates[i];
            keys[i] = SortKey(c, candidates, i);
            textEnd = Math.Max(textEnd, c.Span.End);
        }

        keys.Sort();
        var owners = (t_owners is { } o && o.Length >= textEnd ? o : t_owners = new int[Math.Max(textEnd, 4096)]).AsSpan(0, textEnd);
        owners.Clear();
        var chosenCount = 0;
        foreach (var key in keys)
        {
            var index = (int)(uint)key;
            var span = candidates[index].Span;
            var cells = owners.Slice(span.Start, span.Length);
            if (!span.IsEmpty && !cells.ContainsAnyExcept(0))
            {
                cells.Fill(index + 1);
                chosenCount++;
            }
        }

        // The chosen spans are disjoint, so reading the characters left to right lists them in text order.
        chosen.Clear();
        chosen.EnsureCapacity(chosenCount);
        for (var at = owners.IndexOfAnyExcept(0); at >= 0;)
        {
            var mention = candidates[owners[at] - 1];
            chosen.Add(mention);
            var next = owners[mention.Span.End..].IndexOfAnyExcept(0);
            at = next < 0 ? -1 : mention.Span.End + next;
        }
    }

    /// <summary>
    /// Orders higher rank first, then longer, earlier, by type, and in input order, as one 128-bit number
    /// (ascending): 8 bits of inverted rank, 32 of inverted length, 32 of start, 8 of type, 32 of index.
    /// Primitive comparisons make the sort several times cheaper than a field-by-field comparer.
    /// </summary>
    private static UInt128 SortKey(EntityCandidate candidate, IReadOnlyList<EntityCandidate> all, int index) =>
        ((UInt128)(byte.MaxValue - DoubledRank(candidate, all)) << 104)
        | ((UInt128)(uint.MaxValue - (uint)candidate.Span.Length) << 72)
        | ((UInt128)(uint)candidate.Span.Start << 40)
        | ((UInt128)(byte)candidate.Type << 32)
        | (uint)index;

    /// <summary>Twice the rank (the source, or just above a gazetteer name for a promoted model organisation), so that it is whole.</summary>
    private static uint DoubledRank(EntityCandidate candidate, IReadOnlyList<EntityCandidate> all)
    {
        var rank = 2 * (uint)candidate.Source;
        if (candidate.Source == EntitySource.Model && candidate.Type == EntityType.Organization && candidate.Confidence >= PromotedModelConfidence
            && StartsWithGazetteerPlace(candidate, all))
        {
            rank = (2 * (uint)EntitySource.Gazetteer) + 1;
        }

        return rank;
    }

    private static bool StartsWithGazetteerPlace(EntityCandidate candidate, IReadOnlyList<EntityCandidate> all)
    {
        foreach (var o in all)
        {
            if (o.Source == EntitySource.Gazetteer && o.Type == EntityType.Location && o.Span.Start == candidate.Span.Start && o.Span.End < candidate.Span.End)
            {
                return true;
            }
        }

        return false;
    }
}
