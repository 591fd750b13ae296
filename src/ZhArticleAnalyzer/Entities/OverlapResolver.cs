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

    public static List<EntityCandidate> Resolve(IReadOnlyList<EntityCandidate> candidates)
    {
        var ranked = new (double Rank, int Index)[candidates.Count];
        var textEnd = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = (Rank(candidates[i], candidates), i);
            textEnd = Math.Max(textEnd, candidates[i].Span.End);
        }

        Array.Sort(ranked, (a, b) => Compare(a, b, candidates));

        // Characters already taken by a chosen mention.
        var taken = new bool[textEnd];
        var chosen = new List<EntityCandidate>();
        foreach (var (_, index) in ranked)
        {
            var span = candidates[index].Span;
            if (!taken.AsSpan(span.Start, span.Length).Contains(true))
            {
                taken.AsSpan(span.Start, span.Length).Fill(true);
                chosen.Add(candidates[index]);
            }
        }

        chosen.Sort((a, b) => a.Span.CompareTo(b.Span));
        return chosen;
    }

    /// <summary>Higher rank first, then longer, earlier, by type, and in input order.</summary>
    private static int Compare((double Rank, int Index) a, (double Rank, int Index) b, IReadOnlyList<EntityCandidate> candidates)
    {
        if (a.Rank != b.Rank)
        {
            return b.Rank.CompareTo(a.Rank);
        }

        var x = candidates[a.Index];
        var y = candidates[b.Index];
        if (x.Span.Length != y.Span.Length)
        {
            return y.Span.Length.CompareTo(x.Span.Length);
        }

        if (x.Span.Start != y.Span.Start)
        {
            return x.Span.Start.CompareTo(y.Span.Start);
        }

        return x.Type != y.Type ? x.Type.CompareTo(y.Type) : a.Index.CompareTo(b.Index);
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
}
