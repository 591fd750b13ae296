using System.Runtime.InteropServices;

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

    /// <summary>Per thread, reused across calls: the collections <see cref="Apply"/> fills.</summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    public static List<(EntityCandidate Candidate, string Canonical)> Apply(string text, IReadOnlyList<EntityCandidate> mentions, IReadOnlyList<(int Name, int Alias)>? links = null)
    {
        var n = mentions.Count;
        var scratch = t_scratch ??= new Scratch();
        var forms = SurfaceForms.Of(text, mentions);
        var types = new EntityType[n];
        var names = new string[n];
        var keys = new string[n];
        for (var i = 0; i < n; i++)
        {
            var form = forms.FormOf[i];
            types[i] = forms.Types[form];
            names[i] = forms.Names[form];
            keys[i] = mentions[i].Canonical ?? names[i];
        }

        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var byKey = scratch.FirstByKey;
        byKey.Clear();
        for (var i = 0; i < n; i++)
        {
            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(byKey, (keys[i], types[i]), out var exists);
            if (exists)
            {
                Union(parent, i, first);
            }
            else
            {
                first = i;
            }
        }

        foreach (var (a, b) in links ?? [])
        {
            Union(parent, a, b);
        }

        JoinAbbreviations(names, types, parent, scratch);
        var canonicalOf = GroupCanonicals(names, keys, parent, scratch.KeyCounts);
        var result = new List<(EntityCandidate Candidate, string Canonical)>(n);
        for (var i = 0; i < n; i++)
        {
            result.Add((mentions[i] with { Type = types[i] }, canonicalOf[Find(parent, i)]));
        }

        return result;
    }

    /// <summary>Whether <paramref name="shortName"/> abbreviates <paramref name="longName"/> (a prefix followed by a legal or place suffix, a Latin word, or one character).</summary>
    internal static bool Abbreviates(string shortName, string longName)
    {
        if (longName.Length <= shortName.Length || shortName.Length < 2 || !longName.StartsWith(shortName, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = longName.AsSpan(shortName.Length);
        if ((rest[0] == ' ' && char.IsAsciiLetterOrDigit(shortName[^1])) || (shortName.Length >= 3 && rest.Length == 1 && !char.IsAsciiLetterOrDigit(rest[0])))
        {
            return true;
        }

        foreach (var suffix in DroppableSuffixes)
        {
            if (rest.SequenceEqual(suffix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Each short organisation or place name joins one longer name it abbreviates (the most frequent,
    /// then the longest), so that CYVN does not glue CYVN Holdings and CYVN Investments together.
    /// </summary>
    private static void JoinAbbreviations(string[] names, EntityType[] types, int[] parent, Scratch scratch)
    {
        // One representative per (name, type), in order of first mention.
        var seen = scratch.FirstByKey;
        var distinct = scratch.Distinct;
        seen.Clear();
        distinct.Clear();
        Dictionary<string, int>? frequency = null;   // every mention of a name, counted when two long names compete
        for (var i = 0; i < names.Length; i++)
        {
            if (seen.TryAdd((names[i], types[i]), i))
            {
                distinct.Add(i);
            }
        }

        // In ordinal order the names that start with a name follow it directly.
        var byName = distinct.ToArray();
        Array.Sort(byName, (a, b) => string.CompareOrdinal(names[a], names[b]));
        for (var k = 0; k < byName.Length; k++)
        {
            var i = byName[k];
            if (types[i] is not (EntityType.Organization or EntityType.Location) || names[i].Length < 2)
            {
                continue;
            }

            var best = -1;
            for (var m = k + 1; m < byName.Length && names[byName[m]].StartsWith(names[i], StringComparison.Ordinal); m++)
            {
                var j = byName[m];
                if (types[j] == types[i] && Abbreviates(names[i], names[j])
                    && (best < 0 || IsBetterLongName(names[j], j, names[best], best, frequency ??= Count(names, scratch.Frequency))))
                {
                    best = j;
                }
            }

            if (best >= 0)
            {
                Union(parent, i, best);
            }
        }
    }

    /// <summary>How often each name is mentioned, in <paramref name="counts"/> (cleared first).</summary>
    private static Dictionary<string, int> Count(string[] names, Dictionary<string, int> counts)
    {
        counts.Clear();
        foreach (var name in names)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, name, out _)++;
        }

        return counts;
    }

    /// <summary>More frequent first, then longer, then earlier.</summary>
    private static bool IsBetterLongName(string name, int index, string current, int currentIndex, Dictionary<string, int> frequency)
    {
        var byFrequency = frequency[name].CompareTo(frequency[current]);
        if (byFrequency != 0)
        {
            return byFrequency > 0;
        }

        return name.Length != current.Length ? name.Length > current.Length : index < currentIndex;
    }

    /// <summary>
    /// The canonical of each group, indexed by the group's root. The base name is the group's most
    /// frequent key (gazetteer canonical, else text), then the longest; the canonical is the longest name
    /// the article uses that extends the base (腾讯 → 腾讯控股, 阿里巴巴 → 阿里巴巴集团), else the base (NVIDIA → 英伟达).
    /// </summary>
    private static string[] GroupCanonicals(string[] names, string[] keys, int[] parent, Dictionary<string, int> keyCounts)
    {
        var n = names.Length;

        // The members of each group, as lists threaded through next[] in mention order.
        var head = new int[n];
        var tail = new int[n];
        var next = new int[n];
        Array.Fill(head, -1);
        for (var i = 0; i < n; i++)
        {
            var root = Find(parent, i);
            next[i] = -1;
            if (head[root] < 0)
            {
                head[root] = i;
            }
            else
            {
                next[tail[root]] = i;
            }

            tail[root] = i;
        }

        var canonicalOf = new string[n];
        for (var root = 0; root < n; root++)
        {
            if (head[root] < 0)
            {
                continue;
            }

            var baseName = keys[head[root]];
            if (!AllEqual(keys, head[root], next))
            {
                keyCounts.Clear();
                for (var i = head[root]; i >= 0; i = next[i])
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(keyCounts, keys[i], out _)++;
                }

                var baseCount = 0;
                foreach (var (key, count) in keyCounts)
                {
                    if (count > baseCount || (count == baseCount && IsLongerThenFirst(key, baseName)))
                    {
                        baseName = key;
                        baseCount = count;
                    }
                }
            }

            var canonical = baseName;
            var extended = false;
            for (var i = head[root]; i >= 0; i = next[i])
            {
                if (names[i].StartsWith(baseName, StringComparison.Ordinal) && (!extended || IsLongerThenFirst(names[i], canonical)))
                {
                    canonical = names[i];
                    extended = true;
                }
            }

            canonicalOf[root] = canonical;
        }

        return canonicalOf;
    }

    /// <summary>Whether every member of a group (a list threaded through <paramref name="next"/>) has the same key: then it is the base name, no counting needed.</summary>
    private static bool AllEqual(string[] keys, int head, int[] next)
    {
        for (var i = next[head]; i >= 0; i = next[i])
        {
            if (!string.Equals(keys[i], keys[head], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Longer first, then ordinal order.</summary>
    private static bool IsLongerThenFirst(string candidate, string current) =>
        candidate.Length != current.Length ? candidate.Length > current.Length : string.CompareOrdinal(candidate, current) < 0;

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

    /// <summary>The collections of one call, kept per thread; each is cleared before use (an exception may leave it full).</summary>
    private sealed class Scratch
    {
        public Dictionary<(string, EntityType), int> FirstByKey { get; } = [];

        public Dictionary<string, int> Frequency { get; } = new(StringComparer.Ordinal);

        public List<int> Distinct { get; } = [];

        public Dictionary<string, int> KeyCounts { get; } = new(StringComparer.Ordinal);
    }
}
