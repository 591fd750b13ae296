using System.Collections.Frozen;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Ordinary words that jieba's dictionary tags as person, place or organisation names (上市 ns, 顾客 nr,
/// 同比增加 nr), from <c>dictionaries/terms/not-names.tsv</c>: the statistical model is not asked about
/// them. Read-only, so thread-safe.
/// </summary>
internal sealed class OrdinaryWords
{
    private const string ResourceName = "terms/not-names.tsv";

    private static readonly Lazy<OrdinaryWords> Embedded = new(
        () => new OrdinaryWords(EmbeddedData.Exists(ResourceName) ? EmbeddedData.ReadDataLines(ResourceName).Select(line => line.Trim()) : []),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    public OrdinaryWords(IEnumerable<string> words) =>
        _words = words.Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The list embedded in the package.</summary>
    public static OrdinaryWords Shipped => Embedded.Value;

    public static OrdinaryWords None { get; } = new([]);

    public bool Contains(ReadOnlySpan<char> word) => _words.Contains(word);
}
