using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// The business gazetteers (<c>dictionaries/entities/*.tsv</c>: <c>name&lt;TAB&gt;canonical</c>) in a
/// character trie over the normalised text. At each position the longest name wins; a match is
/// dropped when it would cut a Latin word (AWS in AWSX) or when a short name cuts through a
/// segmenter token in the middle (华为 inside 中华为). Read-only after construction, so thread-safe.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly (string File, EntityType Type)[] Files =
    [
        ("entities/organizations.tsv", EntityType.Organization),
        ("entities/people.tsv", EntityType.Person),
        ("entities/products.tsv", EntityType.Product),
        ("entities/locations.tsv", EntityType.Location),
        ("entities/events.tsv", EntityType.Event),
    ];

    private static readonly Lazy<Gazetteer> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenCharTrie<GazetteerEntry> _trie;
    private readonly Dictionary<string, GazetteerEntry> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _byNormalizedName;

    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        foreach (var entry in entries)
        {
            var key = CharNormalizer.Normalize(entry.Name);
            if (key.Length == 0 || _byName.ContainsKey(key))
            {
                continue; // first file wins: organisations before products before places
            }

            _byName.Add(key, entry);
        }

        _trie = new FrozenCharTrie<GazetteerEntry>(_byName.Select(kv => (kv.Key, kv.Value)));
        _byNormalizedName = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The gazetteers embedded in the package (empty when none are).</summary>
    public static Gazetteer Shipped => Embedded.Value;

    public int Count => _byName.Count;

    /// <summary>Parses <c>name&lt;TAB&gt;canonical</c> lines (canonical may be omitted).</summary>
    public static IEnumerable<GazetteerEntry> Parse(IEnumerable<string> lines, EntityType type)
    {
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            var name = columns[0].Trim();
            var canonical = columns.Length > 1 && columns[1].Trim().Length > 0 ? columns[1].Trim() : name;
            if (name.Length > 0)
            {
                yield return new GazetteerEntry(name, canonical, type);
            }
        }
    }

    public bool TryGet(string name, out GazetteerEntry entry) => _byName.TryGetValue(CharNormalizer.Normalize(name), out entry);

    /// <summary>
    /// Looks up a name that is already normalised (a slice of the normalised text). The trie holds the same
    /// names: its start bits, which stay in the cache, rule most names out before the dictionary is read.
    /// </summary>
    public bool TryGetNormalized(ReadOnlySpan<char> name, out GazetteerEntry entry)
    {
        if (name.IsEmpty || !_trie.MayStartAt(name, 0))
        {
            entry = default;
            return false;
        }

        return _byNormalizedName.TryGetValue(name, out entry);
    }

    /// <summary>Adds the longest gazetteer name at each position of <paramref name="normalized"/> to <paramref name="result"/>, in text order.</summary>
    public void Match(string normalized, ReadOnlySpan<Token> tokens, List<EntityCandidate> result)
    {
        var t = 0; // first token that does not end before the current position (positions only grow)
        for (var i = _trie.NextPossibleStart(normalized, 0); i < normalized.Length; i = _trie.NextPossibleStart(normalized, i + 1))
        {
            var length = _trie.LongestAt(normalized, i, out var entry);
            if (length == 0)
            {
                continue;
            }

            var end = i + length;
            while (t < tokens.Length && tokens[t].Span.End <= i)
            {
                t++;
            }

            if (CutsLatinWord(normalized, i, end) || CutsToken(i, end, tokens, t))
            {
                continue;
            }

            result.Add(new EntityCandidate(new TextSpan(i, end), entry.Type, entry.Canonical, 0.95, EntitySource.Gazetteer));
        }
    }

    internal static bool CutsLatinWord(string text, int start, int end) =>
        (IsLatinOrDigit(text[start]) && start > 0 && IsLatinOrDigit(text[start - 1]))
        || (IsLatinOrDigit(text[end - 1]) && end < text.Length && IsLatinOrDigit(text[end]));

    private static bool IsLatinOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>
    /// A two-character name whose start or end falls inside a token, or any name cut by tokens at both
    /// ends, is taken for a false match. <paramref name="from"/> is the first token that does not end before the name.
    /// </summary>
    private static bool CutsToken(int start, int end, ReadOnlySpan<Token> tokens, int from)
    {
        var first = Covering(tokens, from, start);
        var last = Covering(tokens, Math.Max(from, first), end - 1);
        var startCut = first >= 0 && tokens[first].Span.Start < start;
        var endCut = last >= 0 && tokens[last].Span.End > end;
        return (startCut && endCut) || ((startCut || endCut) && end - start <= 2 && !IsNameTag(startCut ? tokens[first].Pos : tokens[last].Pos));
    }

    /// <summary>The token covering <paramref name="position"/>, searching forward from token <paramref name="from"/> (names are short), or -1.</summary>
    private static int Covering(ReadOnlySpan<Token> tokens, int from, int position)
    {
        for (var t = from; t < tokens.Length && tokens[t].Span.Start <= position; t++)
        {
            if (position < tokens[t].Span.End)
            {
                return t;
            }
        }

        return -1;
    }

    private static bool IsNameTag(string pos) => pos is "nr" or "ns" or "nt" or "nz" or "nrt" or "nrfg" or "j";

    private static Gazetteer LoadEmbedded()
    {
        var entries = new List<GazetteerEntry>();
        foreach (var (file, type) in Files)
        {
            if (EmbeddedData.Exists(file))
            {
                entries.AddRange(Parse(EmbeddedData.ReadDataLines(file), type));
            }
        }

        return new Gazetteer(entries);
    }
}
