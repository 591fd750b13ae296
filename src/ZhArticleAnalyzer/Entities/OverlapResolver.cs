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

    [ThreadStatic]
    private static RankedCandidate[]? t_ranked;

    /// <summary>
    /// Replaces the contents of <paramref name="chosen"/> with the chosen mentions, in text order. An empty
    /// candidate covers no character and is never chosen (the recognizer drops them before).
    /// </summary>
    public static void Resolve(IReadOnlyList<EntityCandidate> candidates, List<EntityCandidate> chosen)
    {
        var count = candidates.Count;
        var ranked = (t_ranked is { } r && r.Length >= count ? r : t_ranked = new RankedCandidate[Math.Max(count, 256)]).AsSpan(0, count);
        var textEnd = 0;
        for (var i = 0; i < count; i++)
        {
            var c = candidates[i];
            ranked[i] = new RankedCandidate(Rank(c, candidates), c.Span.Length, c.Span.Start, c.Type, i);
            textEnd = Math.Max(textEnd, c.Span.End);
        }

        ranked.Sort();
        var owners = (t_owners is { } o && o.Length >= textEnd ? o : t_owners = new int[Math.Max(textEnd, 4096)]).AsSpan(0, textEnd);
        owners.Clear();
        var chosenCount = 0;
        foreach (var candidate in ranked)
        {
            var span = candidates[candidate.Index].Span;
            var cells = owners.Slice(span.Start, span.Length);
            if (!span.IsEmpty && !cells.ContainsAnyExcept(0))
            {
                cells.Fill(candidate.Index + 1);
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

    private static double Rank(EntityCandidate candidate, IReadOnlyList<EntityCandidate> all)
    {
        var rank = (double)candidate.Source;
        if (candidate.Source == EntitySource.Model && candidate.Type == EntityType.Organization && candidate.Confidence >= PromotedModelConfidence
            && StartsWithGazetteerPlace(candidate, all))
        {
            rank = (double)EntitySource.Gazetteer + 0.5;
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

    /// <summary>Sorts higher rank first, then longer, earlier, by type, and in input order.</summary>
    private readonly record struct RankedCandidate(double Rank, int Length, int Start, EntityType Type, int Index) : IComparable<RankedCandidate>
    {
        public int CompareTo(RankedCandidate other) =>
            Rank != other.Rank ? other.Rank.CompareTo(Rank)
            : Length != other.Length ? other.Length.CompareTo(Length)
            : Start != other.Start ? Start.CompareTo(other.Start)
            : Type != other.Type ? ((int)Type).CompareTo((int)other.Type)
            : Index.CompareTo(other.Index);
    }
}
