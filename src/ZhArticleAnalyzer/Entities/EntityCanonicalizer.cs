namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Gives all mentions of one thing one canonical name. Mentions join a group when they share the
/// gazetteer's canonical, when one abbreviates the other in this article (腾讯 / 腾讯控股, 蔚来 / 蔚来汽车,
/// CYVN / CYVN Holdings L.L.C., 荆门 / 荆门市), when 公司 is all that tells them apart (特斯拉公司), or when
/// one is the other's bracketed alias. A group's base name is its most frequent gazetteer canonical (else
/// text); its canonical is the longest name the article uses that extends the base, else the base.
/// Mentions with the same text also share one type.
/// </summary>
internal static class EntityCanonicalizer
{
    private static readonly string[] DroppableSuffixes =
        ["公司", "集团", "控股", "股份", "汽车", "科技", "证券", "银行", "有限公司", "股份有限公司", "集团公司", "市", "省", "区", "县"];

    public static List<(EntityCandidate Candidate, string Canonical)> Apply(string text, IReadOnlyList<EntityCandidate> mentions, IReadOnlyList<(int Name, int Alias)>? links = null)
    {
        var n = mentions.Count;
        var texts = mentions.Select(m => text.Substring(m.Span.Start, m.Span.Length)).ToList();

        // One type per surface form: the one from the strongest source (then the most frequent).
        var typeOf = mentions.Select((m, i) => (Text: texts[i], m.Type, m.Source))
            .GroupBy(x => x.Text, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(x => x.Type).OrderByDescending(t => t.Max(x => x.Source)).ThenByDescending(t => t.Count()).First().Key,
                StringComparer.Ordinal);
        var types = texts.Select(t => typeOf[t]).ToArray();

        // "X公司" reads as X.
        var names = texts.Select(t => StripCompany(t, texts)).ToArray();
        var keys = mentions.Select((m, i) => m.Canonical ?? names[i]).ToArray();

        var parent = Enumerable.Range(0, n).ToArray();
        var byKey = new Dictionary<(string, EntityType), int>();
        for (var i = 0; i < n; i++)
        {
            if (byKey.TryGetValue((keys[i], types[i]), out var j))
            {
                Union(parent, i, j);
            }
            else
            {
                byKey.Add((keys[i], types[i]), i);
            }
        }

        foreach (var (a, b) in links ?? [])
        {
            Union(parent, a, b);
        }

        // Each short name joins one longer name only (the most frequent, then the longest), so that
        // CYVN does not glue CYVN Holdings and CYVN Investments together.
        var distinct = Enumerable.Range(0, n).DistinctBy(i => (names[i], types[i])).ToList();
        var frequency = names.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byFirstChar = distinct.Where(j => names[j].Length > 0).GroupBy(j => names[j][0]).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var i in distinct)
        {
            if (names[i].Length < 2 || !byFirstChar.TryGetValue(names[i][0], out var sameStart))
            {
                continue;
            }

            var best = sameStart
                .Where(j => j != i && types[i] == types[j] && types[i] is EntityType.Organization or EntityType.Location && Abbreviates(names[i], names[j]))
                .OrderByDescending(j => frequency[names[j]])
                .ThenByDescending(j => names[j].Length)
                .ThenBy(j => j)
                .DefaultIfEmpty(-1)
                .First();
            if (best >= 0)
            {
                Union(parent, i, best);
            }
        }

        var canonicalOf = new Dictionary<int, string>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => Find(parent, i)))
        {
            // The group's base name: its most frequent key (gazetteer canonical, else text), then the longest.
            // The canonical is the longest name the article uses that extends the base (腾讯 → 腾讯控股,
            // 阿里巴巴 → 阿里巴巴集团), else the base itself (NVIDIA → 英伟达).
            var baseName = group.Select(i => keys[i])
                .GroupBy(k => k, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Key.Length)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
            canonicalOf[group.Key] = group.Select(i => names[i])
                .Where(s => s.StartsWith(baseName, StringComparison.Ordinal))
                .OrderByDescending(s => s.Length)
                .ThenBy(s => s, StringComparer.Ordinal)
                .DefaultIfEmpty(baseName)
                .First();
        }

        return [.. Enumerable.Range(0, n).Select(i => (mentions[i] with { Type = types[i] }, canonicalOf[Find(parent, i)]))];
    }

    /// <summary>Whether <paramref name="shortName"/> abbreviates <paramref name="longName"/> (a prefix followed by a legal or place suffix, a Latin word, or one character).</summary>
    internal static bool Abbreviates(string shortName, string longName)
    {
        if (longName.Length <= shortName.Length || shortName.Length < 2 || !longName.StartsWith(shortName, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = longName[shortName.Length..];
        return (rest[0] == ' ' && char.IsAsciiLetterOrDigit(shortName[^1]))
            || DroppableSuffixes.Contains(rest, StringComparer.Ordinal)
            || (shortName.Length >= 3 && rest.Length == 1 && !char.IsAsciiLetterOrDigit(rest[0]));
    }

    private static string StripCompany(string name, List<string> texts)
    {
        foreach (var suffix in (string[])["公司", "有限公司"])
        {
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal) && texts.Contains(name[..^suffix.Length]))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
