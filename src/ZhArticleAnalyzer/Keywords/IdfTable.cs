using System.Collections.Frozen;
using System.Globalization;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Keywords;

/// <summary>
/// jieba's inverse document frequencies and stop words, parsed once with the invariant culture
/// (jieba.NET's own TF-IDF parses them with the current culture and breaks under, say, de-DE).
/// </summary>
internal sealed class IdfTable
{
    private static readonly Lazy<IdfTable> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _idfBySpan;

    private IdfTable(FrozenDictionary<string, double> idf, double median, FrozenSet<string> stopWords)
    {
        Idf = idf;
        _idfBySpan = idf.GetAlternateLookup<ReadOnlySpan<char>>();
        Median = median;
        StopWords = stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static IdfTable Instance => Shared.Value;

    public FrozenDictionary<string, double> Idf { get; }

    /// <summary>The idf given to words the table does not know, as jieba does.</summary>
    public double Median { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords { get; }

    /// <summary>The idf of <paramref name="word"/>, or <see cref="Median"/> when the table does not know it.</summary>
    public double IdfOf(ReadOnlySpan<char> word) => _idfBySpan.TryGetValue(word, out var idf) ? idf : Median;

    private static IdfTable Load()
    {
        var idf = new Dictionary<string, double>(300_000, StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadDataLines("jieba/idf.txt"))
        {
            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                idf[line[..space]] = value;
            }
        }

        if (idf.Count == 0)
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.JiebaDataCorrupt, "the embedded jieba/idf.txt holds no entries; the package is damaged, reinstall it.");
        }

        var sorted = idf.Values.Order().ToArray();
        var stopWords = EmbeddedData.ReadDataLines("jieba/stopwords.txt").Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0);
        return new IdfTable(idf.ToFrozenDictionary(StringComparer.Ordinal), sorted[sorted.Length / 2], stopWords.ToFrozenSet(StringComparer.Ordinal));
    }
}
