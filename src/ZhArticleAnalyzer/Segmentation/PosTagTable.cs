using System.Collections.Frozen;

namespace ZhArticleAnalyzer.Segmentation;

/// <summary>
/// The POS tag of every dictionary word: jieba's dict.txt, then the words added on top of it.
/// Built once per process, like jieba's own dictionary.
/// </summary>
internal sealed class PosTagTable
{
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _base;
    private volatile Overlay _added = new(FrozenDictionary<string, string>.Empty);

    private PosTagTable(FrozenDictionary<string, string> baseTags) => _base = baseTags.GetAlternateLookup<ReadOnlySpan<char>>();

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

    public int Count => _base.Dictionary.Count + _added.Lookup.Dictionary.Count;

    /// <summary>Adds or overrides tags; called only under the segmenter's write lock.</summary>
    public void Add(IEnumerable<LexiconEntry> entries)
    {
        var merged = new Dictionary<string, string>(_added.Lookup.Dictionary, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            merged[entry.Word] = entry.Pos;
        }

        _added = new Overlay(merged.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool TryGet(ReadOnlySpan<char> word, out string tag)
    {
        var added = _added;
        if (added.Lookup.Dictionary.Count > 0 && added.Lookup.TryGetValue(word, out tag!))
        {
            return true;
        }

        return _base.TryGetValue(word, out tag!);
    }

    /// <summary>The added words, swapped as a whole so readers never see a half-built table.</summary>
    private sealed class Overlay(FrozenDictionary<string, string> tags)
    {
        public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = tags.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
