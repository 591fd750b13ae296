using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Reads names in brackets right after a mention: an abbreviation or alias (石油输出国组织（欧佩克）,
/// 日本机床工业协会（JMTBA）) names the same thing; a place after an organisation (特斯拉（中国）) is part
/// of the organisation's name.
/// </summary>
internal static class ParentheticalLinker
{
    private const int MaxAliasLength = 12;

    /// <summary>
    /// Returns the mentions with bracketed places merged in and aliases added, plus the alias links (index pairs
    /// into the result). Changes <paramref name="mentions"/> in place (it may be the result).
    /// </summary>
    public static (List<EntityCandidate> Mentions, List<(int Name, int Alias)> Links) Apply(string normalized, List<EntityCandidate> mentions)
    {
        var result = mentions;
        var links = new List<(int, int)>();
        var removed = new HashSet<int>();
        for (var i = 0; i < result.Count; i++)
        {
            var m = result[i];
            var open = m.Span.End;
            if (open >= normalized.Length || normalized[open] is not ('(' or '（'))
            {
                continue;
            }

            var close = normalized.IndexOfAny([')', '）'], open + 1);
            if (close < 0 || close - open - 1 is < 1 or > MaxAliasLength)
            {
                continue;
            }

            var inner = new TextSpan(open + 1, close);
            var existing = result.FindIndex(x => x.Span == inner);
            if (removed.Contains(i) || (existing >= 0 && removed.Contains(existing)))
            {
                continue;
            }

            if (m.Type == EntityType.Organization && existing >= 0 && result[existing].Type == EntityType.Location)
            {
                result[i] = m with { Span = new TextSpan(m.Span.Start, close + 1), Canonical = null };
                removed.Add(existing);
                continue;
            }

            if (existing >= 0)
            {
                if (result[existing].Type == m.Type)
                {
                    links.Add((i, existing));
                }

                continue;
            }

            if (!result.Any(x => x.Span.Overlaps(inner)) && LooksLikeAlias(normalized.AsSpan(inner.Start, inner.Length)))
            {
                result.Add(new EntityCandidate(inner, m.Type, m.Canonical, m.Confidence * 0.9, m.Source));
                links.Add((i, result.Count - 1));
            }
        }

        if (removed.Count == 0)
        {
            return (result, links);
        }

        var newIndex = new int[result.Count];
        var kept = new List<EntityCandidate>();
        for (var i = 0; i < result.Count; i++)
        {
            newIndex[i] = removed.Contains(i) ? -1 : kept.Count;
            if (!removed.Contains(i))
            {
                kept.Add(result[i]);
            }
        }

        return (kept, [.. links.Where(l => newIndex[l.Item1] >= 0 && newIndex[l.Item2] >= 0).Select(l => (newIndex[l.Item1], newIndex[l.Item2]))]);
    }

    /// <summary>
    /// An upper-case Latin abbreviation (JMTBA, NIO), the only alias shape accepted when nothing else knows the name;
    /// a category in brackets describes the thing instead (…ETF联接（QDII）, …指数（LOF）).
    /// </summary>
    private static bool LooksLikeAlias(ReadOnlySpan<char> inner)
    {
        if (inner.Length < 2 || GenericLatinTerms.Contains(inner))
        {
            return false;
        }

        foreach (var c in inner)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '&')
            {
                return false;
            }
        }

        return char.IsAsciiLetterUpper(inner[0]);
    }
}
