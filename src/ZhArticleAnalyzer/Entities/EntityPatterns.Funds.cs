using System.Buffers;
using System.Text.RegularExpressions;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>The fund-name rule of <see cref="EntityPatterns"/>: a fund manager followed by a fund name and type.</summary>
internal static partial class EntityPatterns
{
    /// <summary>The first characters of the fund types that end a fund name (混合, 股票, ETF, LOF, 债券, 纯债).</summary>
    private static readonly SearchValues<char> FundTypeStarts = SearchValues.Create("混股EL债纯");

    /// <summary>Words that make the characters before a fund type a clause, not a fund name.</summary>
    private static readonly SearchValues<string> DealWords = SearchValues.Create(["发行", "持有", "实施", "披露", "举行", "本身", "公司", "上市", "旗下", "股份", "限制性", "普通股", "A股股票"], StringComparison.Ordinal);

    /// <summary>The longest fund name part <see cref="FundTailRegex"/> takes, with its type and share class.</summary>
    private const int FundTailLength = 24;

    /// <summary>
    /// Fund names: a gazetteer organisation (the fund manager) followed by a name and a fund type (易方达蓝筹精选混合,
    /// 景顺长城环保优势股票型证券投资基金, 华安恒生科技ETF发起式, 国寿安保稳弘混合A) is a product. The name part holds no function word
    /// (深交所对公司股票, 华夏基金是…ETF) and no deal word (发行, 持有: 新城控股发行的绿色债券). Adds them to <paramref name="result"/>.
    /// </summary>
    public static void FundNames(string normalized, List<EntityCandidate> gazetteerMatches, List<EntityCandidate> result)
    {
        foreach (var m in gazetteerMatches)
        {
            // A fund type within reach is rare: one vectorised search over its first characters rules most names out.
            var rest = normalized.AsSpan(m.Span.End, Math.Min(FundTailLength, normalized.Length - m.Span.End));
            if (m.Type != EntityType.Organization || rest.IndexOfAny(FundTypeStarts) < 0)
            {
                continue;
            }

            foreach (var tail in FundTailRegex().EnumerateMatches(rest))
            {
                if (!rest[..tail.Length].ContainsAny(DealWords))
                {
                    result.Add(new EntityCandidate(new TextSpan(m.Span.Start, m.Span.End + tail.Length), EntityType.Product, null, 0.75, EntitySource.Pattern));
                }

                break;
            }
        }
    }

    [GeneratedRegex("\\G(?:(?![的在对等是有自仅和与及将已还此了被由向从为])[\u4E00-\u9FFF0-9A-Z]){2,14}?(?:混合|股票|ETF|LOF|债券|纯债)(?:型(?:证券投资)?基金)?(?:联接)?(?:发起式)?(?:[A-C](?![A-Za-z0-9]))?")]
    private static partial Regex FundTailRegex();
}
