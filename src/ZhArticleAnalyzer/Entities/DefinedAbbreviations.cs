using System.Text.RegularExpressions;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// An abbreviation defined in brackets right after a name stands for that name: 合肥市建设投资控股（集团）有限公司
/// （下称“合肥建投”）, 安徽省国有资本运营控股集团有限公司（以下简称“国控集团”）. It takes the name's type and canonical name,
/// so that its later mentions (found as repeats) join the full name. Only a mention's own bracket counts:
/// （以下简称“本次交易”） after a plain word defines no name.
/// </summary>
internal static partial class DefinedAbbreviations
{
    /// <param name="text">The article as given (the canonical name is taken from it).</param>
    /// <param name="normalized">The same text in normalised form (brackets and colons half-width).</param>
    /// <param name="mentions">The mentions chosen so far.</param>
    /// <param name="result">Where the abbreviations are added.</param>
    public static void Find(string text, string normalized, IReadOnlyList<EntityCandidate> mentions, List<EntityCandidate> result)
    {
        foreach (var mention in mentions)
        {
            // Every opening the regex knows starts with 以, 下 or 简: most brackets are ruled out without it.
            var end = mention.Span.End;
            if (end + 1 >= normalized.Length || normalized[end] != '(' || normalized[end + 1] is not ('以' or '下' or '简'))
            {
                continue;
            }

            var definition = DefinitionRegex().Match(normalized, mention.Span.End);
            if (definition.Success && !IsGenericHead(definition.Groups[1].ValueSpan))
            {
                var alias = definition.Groups[1];
                var canonical = mention.Canonical ?? text.Substring(mention.Span.Start, mention.Span.Length);
                result.Add(new EntityCandidate(new TextSpan(alias.Index, alias.Index + alias.Length), mention.Type, canonical, 0.9, EntitySource.Pattern));
            }
        }
    }

    /// <summary>Roles a document gives a party (（以下简称“公司”）, “标的公司”, “发行人”): no name.</summary>
    private static bool IsGenericHead(ReadOnlySpan<char> alias) =>
        EntityPatterns.IsGenericHead(alias)
        || alias is "标的公司" or "目标公司" or "发行人" or "本行" or "本集团" or "控股股东" or "甲方" or "乙方" or "丙方"
            or "受让方" or "转让方" or "交易对方" or "担保人" or "被担保人";

    /// <summary>The bracket right at the match start (\G): （以下简称“X”）, （下称“X”）, （简称：“X”）; X of 2 to 12 characters.</summary>
    [GeneratedRegex("\\G\\((?:以下简称|以下称|下称|下文简称|简称|以下统称)[:]?[“\"「]([^”\"」()]{2,12})[”\"」]\\)")]
    private static partial Regex DefinitionRegex();
}
