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
        var ranked = new RankedCandidate[candidates.Count];
        var textEnd = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            var c = candidates[i];
            ranked[i] = new RankedCandidate(Rank(c, candidates), c.Span.Length, c.Span.Start, c.Type, i);
            textEnd = Math.Max(textEnd, c.Span.End);
        }

        Array.Sort(ranked);

        // Characters already taken by a chosen mention.
        var taken = new bool[textEnd];
        var chosen = new List<EntityCandidate>();
        foreach (var r in ranked)
        {
            var span = candidates[r.Index].Span;
            if (!taken.AsSpan(span.Start, span.Length).Contains(true))
            {
                taken.AsSpan(span.Start, span.Length).Fill(true);
                chosen.Add(candidates[r.Index]);
            }
        }

        chosen.Sort((a, b) => a.Span.CompareTo(b.Span));
        return chosen;
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
