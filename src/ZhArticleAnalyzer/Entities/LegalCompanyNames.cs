using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Registered company names end in a legal form (有限公司, 有限责任公司, 股份有限公司) and hold words the
/// other suffix rule does not take as name parts: 远大资产管理有限公司 (b n vn), 信银理财有限责任公司 (nt v),
/// 常熟雷允上制药有限公司 (ns f n). The name runs back from the legal form over nouns, distinguishing
/// words and the few verbs that name a line of business (控股, 理财, 制药; `dictionaries/terms/company-name-words.tsv`), and stops at anything else:
/// punctuation, prepositions, other verbs (收购远大… stops at 收购) and generic heads (子公司).
/// </summary>
internal static class LegalCompanyNames
{
    private const int MaxLength = 24;

    private enum Part
    {
        Name,
        Boundary,
        Unsure,
    }

    private const string ResourceName = "terms/company-name-words.tsv";

    private static readonly Lazy<(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BusinessVerbs, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Roles)> Words =
        new(LoadWords, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Find(string normalized, ReadOnlySpan<Token> tokens, List<EntityCandidate> result)
    {
        for (var form = normalized.IndexOf("有限", StringComparison.Ordinal); form >= 0; form = normalized.IndexOf("有限", form + 2, StringComparison.Ordinal))
        {
            var rest = normalized.AsSpan(form + 2);
            var formLength = rest.StartsWith("公司", StringComparison.Ordinal) ? 4 : rest.StartsWith("责任公司", StringComparison.Ordinal) ? 6 : 0;
            if (formLength == 0)
            {
                continue;
            }

            var at = TokenLocator.Covering(tokens, form);
            if (at < 0)
            {
                continue;
            }

            if (NameStart(normalized, tokens, at, form + formLength) is not { } walked)
            {
                continue;
            }

            var first = TokenLocator.Covering(tokens, walked);
            while (first < at && tokens[first].Span.Length == 1 && !IsNamePart(tokens[first].Pos))
            {
                // 由弘业期货…, 暨辽宁港口…: a one-character function word the tagger did not mark.
                first++;
            }

            var nameStart = tokens[first].Span.Start;
            // The token with the legal form may hold the whole name (国泰君安证券股份有限公司 nt).
            var withFormToken = tokens[at].Span.Start < form ? at + 1 : at;
            if (form - nameStart >= 2 && HasDistinctivePart(tokens[first..withFormToken]))
            {
                result.Add(new EntityCandidate(new TextSpan(nameStart, form + formLength), EntityType.Organization, null, 0.85, EntitySource.Pattern));
            }
        }
    }

    /// <summary>
    /// Walks back from the token that holds the legal form (it may begin with the name's last word:
    /// 制药有限公司). Brand words often get odd tags (正荣 a, 共进 v, 洽洽 v), so a word that is neither a
    /// name part nor a boundary counts after a place (深圳市 共进, 滁州 洽洽), or, unless a verb, after
    /// punctuation or another name part (，正荣, 中冶 焦耐);
    /// otherwise the name's beginning is unknown and no name is given rather than a cut one
    /// (天津兴实新材料科技有限公司 would otherwise become 材料科技有限公司).
    /// </summary>
    private static int? NameStart(string text, ReadOnlySpan<Token> tokens, int at, int end)
    {
        var nameStart = tokens[at].Span.Start;
        for (var p = at - 1; p >= 0; p--)
        {
            var token = tokens[p];
            if (token.Span.End != tokens[p + 1].Span.Start)
            {
                return nameStart;
            }

            if (end - token.Span.Start > MaxLength)
            {
                return null;
            }

            if (OpeningOfBracketedPlace(text, tokens, p) is { } opening)
            {
                nameStart = tokens[opening].Span.Start;
                p = opening;
                continue;
            }

            var previous = p > 0 && tokens[p - 1].Span.End == token.Span.Start ? tokens[p - 1].Pos : "x";
            var beforePrevious = p > 1 && tokens[p - 2].Span.End == tokens[p - 1].Span.Start ? tokens[p - 2].Pos : "x";
            switch (Classify(text, token))
            {
                case Part.Name when token.Pos is "ns" or "nt" && !IsNamePart(previous) && !(previous is "n" && IsNamePart(beforePrevious)):
                    // Names start with their place or a known name (株洲中车时代电气, 万华化学集团): what stands before it
                    // is the sentence (报备文件, 项目名称), unless a name and one noun come first (中国 铁路 太原局).
                    return token.Span.Start;
                case Part.Name:
                    nameStart = token.Span.Start;
                    continue;
                case Part.Boundary:
                    return nameStart;
                default:
                    var isVerb = token.Pos.StartsWith('v');
                    if (previous == "ns" || (!isVerb && (previous == "x" || IsNamePart(previous))))
                    {
                        nameStart = token.Span.Start;
                        continue;
                    }

                    // A verb starts the clause (收购, 受让, 获悉); other words leave the name's beginning unknown.
                    return isVerb ? nameStart : null;
            }
        }

        return nameStart;
    }

    private static Part Classify(string text, Token token)
    {
        var word = text.AsSpan(token.Span.Start, token.Span.Length);
        var pos = token.Pos;
        if (word.EndsWith("公司", StringComparison.Ordinal) || IsRole(word))
        {
            return Part.Boundary;
        }

        if (pos.StartsWith('n') || pos is "b" or "f" or "l" or "j" or "eng" or "an" or "s" || Words.Value.BusinessVerbs.Contains(word))
        {
            return Part.Name;
        }

        return pos is "x" or "p" or "c" or "r" or "m" or "q" or "d" or "y" or "e" or "o" || pos.StartsWith('u') ? Part.Boundary : Part.Unsure;
    }

    /// <summary>
    /// A name needs a word that tells one company from another: a place, a name-tagged word, a
    /// distinguishing word (远大 b) or a word the tagger could not place (正荣 a). Business words alone
    /// (投资股份有限公司, 科技有限公司) are the tail of a name whose beginning the walk did not reach.
    /// </summary>
    private static bool HasDistinctivePart(ReadOnlySpan<Token> nameTokens)
    {
        foreach (var token in nameTokens)
        {
            var pos = token.Pos;
            if (IsNamePart(pos) || pos is "b" or "nrt" or "nrfg" or "l" || !(pos.StartsWith('n') || pos.StartsWith('v') || pos is "f" or "s"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Who someone is in a deal, or whose, ends a name: 关联股东, 一致行动人, 受让方, 运营主体, 旗下 (机器人, 东方 do not).</summary>
    private static bool IsRole(ReadOnlySpan<char> word) =>
        word.EndsWith("股东", StringComparison.Ordinal) || word.EndsWith("主体", StringComparison.Ordinal) || Words.Value.Roles.Contains(word);

    private static bool IsNamePart(string pos) => pos is "ns" or "nt" or "nz" or "nr" or "nrfg" or "nrt" or "j" or "eng";

    /// <summary>
    /// 国网瑞嘉（天津）智能机器人, 合肥市建设投资控股（集团）: a place or a group form in brackets inside a name; the index
    /// of its opening bracket.
    /// </summary>
    private static int? OpeningOfBracketedPlace(string text, ReadOnlySpan<Token> tokens, int close)
    {
        if (close < 2 || tokens[close].Span.Length != 1 || text[tokens[close].Span.Start] != ')'
            || !(tokens[close - 1].Pos == "ns" || text.AsSpan(tokens[close - 1].Span.Start, tokens[close - 1].Span.Length) is "集团" or "控股" or "股份")
            || tokens[close - 2].Span.Length != 1 || text[tokens[close - 2].Span.Start] != '(')
        {
            return null;
        }

        return close - 2;
    }

    private static (HashSet<string>.AlternateLookup<ReadOnlySpan<char>>, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>) LoadWords()
    {
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadDataLines(ResourceName))
        {
            var columns = line.Split('\t');
            (columns[1] == "business-verb" ? verbs : roles).Add(columns[0]);
        }

        return (verbs.GetAlternateLookup<ReadOnlySpan<char>>(), roles.GetAlternateLookup<ReadOnlySpan<char>>());
    }
}
