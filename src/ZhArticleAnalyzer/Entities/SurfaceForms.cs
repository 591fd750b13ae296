namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// The distinct texts of an article's mentions, each with one type (mentions with the same text share a
/// type: the one from the strongest source, then the most frequent, then the first) and the name it
/// reads as ("X公司" reads as X when the article also names X).
/// </summary>
internal sealed class SurfaceForms
{
    private static readonly int TypeCount = Enum.GetValues<EntityType>().Max(t => (int)t) + 1;

    /// <summary>Per thread, reused across calls (cleared before use): form ids by text.</summary>
    [ThreadStatic]
    private static Dictionary<string, int>? t_ids;

    /// <summary>Per thread, reused across calls (cleared before use): type votes per form and type.</summary>
    [ThreadStatic]
    private static TypeVote[]? t_votes;

    private SurfaceForms(int[] formOf, EntityType[] types, string[] names)
    {
        FormOf = formOf;
        Types = types;
        Names = names;
    }

    /// <summary>Per mention: the index of its form.</summary>
    public int[] FormOf { get; }

    /// <summary>Per form: its type.</summary>
    public EntityType[] Types { get; }

    /// <summary>Per form: the name it reads as.</summary>
    public string[] Names { get; }

    public static SurfaceForms Of(string text, IReadOnlyList<EntityCandidate> mentions)
    {
        var ids = t_ids ??= new Dictionary<string, int>(StringComparer.Ordinal);
        ids.Clear();
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var texts = new List<string>();
        var formOf = new int[mentions.Count];
        var voteCount = mentions.Count * TypeCount;
        var votes = (t_votes is { } v && v.Length >= voteCount ? v : t_votes = new TypeVote[Math.Max(voteCount, 1024)]).AsSpan(0, voteCount);   // per form and type
        votes.Clear();
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var surface = text.AsSpan(m.Span.Start, m.Span.Length);
            if (!lookup.TryGetValue(surface, out var form))
            {
                form = texts.Count;
                var s = surface.ToString();
                ids.Add(s, form);
                texts.Add(s);
            }

            formOf[i] = form;
            ref var vote = ref votes[(form * TypeCount) + (int)m.Type];
            vote = vote.Count > 0 ? vote with { Count = vote.Count + 1, Source = Math.Max(vote.Source, (int)m.Source) } : new TypeVote((int)m.Source, 1, i);
        }

        var types = new EntityType[texts.Count];
        for (var form = 0; form < texts.Count; form++)
        {
            var best = default(TypeVote);
            for (var type = 0; type < TypeCount; type++)
            {
                var vote = votes[(form * TypeCount) + type];
                if (vote.Count > 0 && (best.Count == 0 || vote.IsBetterThan(best)))
                {
                    best = vote;
                    types[form] = (EntityType)type;
                }
            }
        }

        var names = new string[texts.Count];
        for (var f = 0; f < texts.Count; f++)
        {
            names[f] = StripCompany(texts[f], ids);
        }

        return new SurfaceForms(formOf, types, names);
    }

    private static string StripCompany(string name, Dictionary<string, int> texts)
    {
        var lookup = texts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var suffix in (ReadOnlySpan<string>)["公司", "有限公司"])
        {
            if (name.Length > suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal) && lookup.ContainsKey(name.AsSpan(0, name.Length - suffix.Length)))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>The mentions of one form with one type: their strongest source, how many, and the first one.</summary>
    private readonly record struct TypeVote(int Source, int Count, int First)
    {
        public bool IsBetterThan(TypeVote other) =>
            Source != other.Source ? Source > other.Source : Count != other.Count ? Count > other.Count : First < other.First;
    }
}
