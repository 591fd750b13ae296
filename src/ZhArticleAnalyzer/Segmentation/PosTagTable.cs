using System.Collections.Frozen;

namespace ZhArticleAnalyzer.Segmentation;

/// <summary>
/// The POS tag of every dictionary word: jieba's dict.txt, then the words added on top of it.
/// Built once per process, like jieba's own dictionary.
/// </summary>
internal sealed class PosTagTable
{
    private readonly FrozenDictionary<string, string> _base;
    private volatile FrozenDictionary<string, string> _added = FrozenDictionary<string, string>.Empty;

    private PosTagTable(FrozenDictionary<string, string> baseTags) => _base = baseTags;

    public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BaseLookup => _base.GetAlternateLookup<ReadOnlySpan<char>>();

    public static PosTagTable LoadJiebaDictionary(string dictPath)
    {
        var tags = new Dictionary<string, string>(400_000, StringComparer.Ordinal);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(dictPath, System.Text.Encoding.UTF8))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3)
            {
                if (!interned.TryGetValue(parts[2], out var tag))
                {
                    interned[parts[2]] = tag = parts[2];
                }

                tags[parts[0]] = tag;
            }
        }

        return new PosTagTable(tags.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public int Count => _base.Count + _added.Count;

    /// <summary>Adds or overrides tags; called only under the segmenter's write lock.</summary>
    public void Add(IEnumerable<LexiconEntry> entries)
    {
        var merged = new Dictionary<string, string>(_added, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            merged[entry.Word] = entry.Pos;
        }

        _added = merged.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(ReadOnlySpan<char> word, out string tag)
    {
        var added = _added;
        if (added.Count > 0 && added.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out tag!))
        {
            return true;
        }

        return _base.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out tag!);
    }
}
