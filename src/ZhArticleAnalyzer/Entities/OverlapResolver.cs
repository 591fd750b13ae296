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
        var ranked = candidates
            .Select(c => (Candidate: c, Rank: Rank(c, candidates)))
            .OrderByDescending(x => x.Rank)
            .ThenByDescending(x => x.Candidate.Span.Length)
            .ThenBy(x => x.Candidate.Span.Start)
            .ThenBy(x => x.Candidate.Type)
            .Select(x => x.Candidate);
        var chosen = new List<EntityCandidate>();
        foreach (var candidate in ranked)
        {
            if (!chosen.Any(c => c.Span.Overlaps(candidate.Span)))
            {
                chosen.Add(candidate);
            }
        }

        chosen.Sort((a, b) => a.Span.CompareTo(b.Span));
        return chosen;
    }

    private static double Rank(EntityCandidate candidate, IReadOnlyList<EntityCandidate> all)
    {
        var rank = (double)candidate.Source;
        if (candidate.Source == EntitySource.Model && candidate.Type == EntityType.Organization && candidate.Confidence >= PromotedModelConfidence
            && all.Any(o => o.Source == EntitySource.Gazetteer && o.Type == EntityType.Location && o.Span.Start == candidate.Span.Start && o.Span.End < candidate.Span.End))
        {
            rank = (double)EntitySource.Gazetteer + 0.5;
        }

        return rank;
    }
}
