using System.Collections.Frozen;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Latin words that name a kind of thing or a model variant, never one product or company (LED, CPU, SUV,
/// ERP, ETF, SaaS, Pro), from <c>dictionaries/terms/generic-latin-terms.tsv</c>: a product cue after them
/// (LED产品, MCU芯片, EDA平台) or a company suffix (EDA公司, ESG基金) makes no name. Matching is exact
/// (MINI, the car brand, is not Mini). Read-only, so thread-safe.
/// </summary>
internal static class GenericLatinTerms
{
    private const string ResourceName = "terms/generic-latin-terms.tsv";

    private static readonly Lazy<FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>> Words = new(
        () => (EmbeddedData.Exists(ResourceName) ? EmbeddedData.ReadDataLines(ResourceName).Select(line => line.Trim()).Where(w => w.Length > 0) : [])
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool Contains(ReadOnlySpan<char> word) => Words.Value.Contains(word);
}
