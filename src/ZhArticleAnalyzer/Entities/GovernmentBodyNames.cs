using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// A place written right before a government department names one organisation: 安徽省财政厅, 合肥市国资委,
/// 上海市发展改革委 (three jieba tokens), 安徽证监局, 深圳市市场监管局. The departments are the word list in
/// <c>dictionaries/terms/government-departments.tsv</c>; the place is a token jieba tags ns (the gazetteer's
/// places are jieba words with that tag) or the level alone (省财政厅, 市商务局: the province or city the article
/// is about), and the department must end where a token ends (财政局长 is a person's title).
/// </summary>
internal static class GovernmentBodyNames
{
    private const string ResourceName = "terms/government-departments.tsv";

    private static readonly Lazy<FrozenCharTrie<bool>> Departments = new(
        () => new FrozenCharTrie<bool>(EmbeddedData.Exists(ResourceName) ? EmbeddedData.ReadDataLines(ResourceName).Select(w => (w.Trim(), true)).Where(w => w.Item1.Length > 0) : []),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Find(string normalized, ReadOnlySpan<Token> tokens, List<EntityCandidate> result)
    {
        var departments = Departments.Value;
        for (var t = 0; t + 1 < tokens.Length; t++)
        {
            // The department trie's start bits first (measured: cheaper than the tag test first), and before its 256 KB root table.
            var place = tokens[t].Span;
            if (tokens[t + 1].Span.Start != place.End || !departments.MayStartAt(normalized, place.End)
                || !(tokens[t].Pos == "ns" || (place.Length == 1 && normalized[place.Start] is '省' or '市' or '县' or '区')))
            {
                continue;
            }

            var length = departments.LongestAt(normalized, place.End, out _);
            if (length > 0 && TokenLocator.Covering(tokens, place.End + length - 1) is var last && last >= 0 && tokens[last].Span.End == place.End + length)
            {
                result.Add(new EntityCandidate(new TextSpan(place.Start, place.End + length), EntityType.Organization, null, 0.8, EntitySource.Pattern));
            }
        }
    }
}
