using System.Buffers;
using System.Text.RegularExpressions;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Pattern rules: titles in 《》 are works; a name followed by a company or body suffix (公司, 集团, 银行, 证券,
/// 控股, 科技, 协会, 联合会, 商会, 学会, 研究所 …) is an organisation and one followed by an event suffix (大会, 峰会, 论坛, 博览会) an
/// event; Latin company names with a legal suffix (Limited, Holdings, L.L.C.); the publisher on the
/// source line (来源：…) is an organisation. The name part is built from segmenter tokens tagged as
/// names (nr, ns, nt, nz, j, eng), so that 该公司 or 上市公司 never match.
/// </summary>
internal static partial class EntityPatterns
{
    private const string IndexWord = "指数";

    /// <summary>The longest tail <see cref="IndexTailRegex"/> matches: eight characters, then <see cref="IndexWord"/>.</summary>
    private const int IndexTailLength = 10;

    /// <summary>
    /// Company and event suffixes, checked in this order. Some are often modifiers (科技企业, 证券市场):
    /// then a noun right after them ends the match.
    /// </summary>
    private static readonly Suffix[] Suffixes =
    [
        new("公司", EntityType.Organization), new("集团", EntityType.Organization), new("银行", EntityType.Organization, IsModifier: true),
        new("证券", EntityType.Organization, IsModifier: true), new("控股", EntityType.Organization, IsModifier: true),
        new("科技", EntityType.Organization, IsModifier: true), new("股份", EntityType.Organization, IsModifier: true),
        new("委员会", EntityType.Organization, IsBody: true), new("协会", EntityType.Organization, IsBody: true), new("交易所", EntityType.Organization),
        new("研究院", EntityType.Organization, IsBody: true), new("研究所", EntityType.Organization, IsBody: true), new("联合会", EntityType.Organization, IsBody: true),
        new("商会", EntityType.Organization, IsBody: true), new("学会", EntityType.Organization, IsBody: true), new("基金会", EntityType.Organization, IsBody: true),
        new("分行", EntityType.Organization), new("支行", EntityType.Organization),
        new("基金", EntityType.Organization, IsModifier: true),
        new("政府", EntityType.Organization),
        new("大会", EntityType.Event), new("峰会", EntityType.Event), new("论坛", EntityType.Event), new("博览会", EntityType.Event),
        new("展览会", EntityType.Event), new("交易会", EntityType.Event),
    ];

    /// <summary>The last characters of <see cref="Suffixes"/>.</summary>
    private static readonly char[] SuffixEnds = [.. Suffixes.Select(s => s.Text[^1]).Distinct()];

    /// <summary>
    /// The size of a table indexed by a character modulo it in which no two of <see cref="SuffixEnds"/> share a slot:
    /// one read per token of a table small enough to stay in the cache (a bit set over all characters missed it on
    /// most articles).
    /// </summary>
    private static readonly int SuffixSlotCount = Enumerable.Range(SuffixEnds.Length, 4096).First(m => SuffixEnds.Select(c => c % m).Distinct().Count() == SuffixEnds.Length);

    /// <summary>Per slot: the suffix end that owns it, else '\0'.</summary>
    private static readonly char[] SlotEnds = SuffixSlots(c => c, '\0');

    /// <summary>Per slot: the suffixes ending in its character (in list order), else none.</summary>
    private static readonly Suffix[][] SlotSuffixes = SuffixSlots(c => Suffixes.Where(s => s.Text[^1] == c).ToArray(), []);

    /// <summary>Words that end in a suffix but name no one (jieba tags some of them nt).</summary>
    private static readonly HashSet<string> GenericHeads = new(
        [
            "上市公司", "子公司", "母公司", "分公司", "总公司", "关联公司", "该公司", "本公司", "公司", "集团", "银行", "证券公司", "控股公司", "科技公司", "地方政府", "中央政府", "基金公司",
            "分行", "支行", "分支行", "商业银行", "上市银行", "投资银行", "中央银行", "农商银行", "股份制银行", "国有银行", "民营银行", "外资银行", "村镇银行", "高科技",
            "新发基金", "医保基金", "公募基金", "私募基金", "产业基金", "股票型基金", "普通股票型基金", "混合型基金", "债券型基金", "货币基金", "指数基金", "对冲基金", "养老基金", "主权基金",
        ],
        StringComparer.Ordinal);

    /// <summary>Generic heads that end a longer name when names stand before them (中国银行上海分公司, 重庆农村商业银行).</summary>
    private static readonly string[] NameEndingHeads = ["分公司", "总公司", "商业银行", "农商银行", "村镇银行", "中央银行"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericHeadLookup = GenericHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Legal suffixes the Latin company rule needs: most texts hold none, and one search over the text says so.</summary>
    private static readonly SearchValues<string> LegalSuffixes = SearchValues.Create(
        [" Limited", " Ltd", " Holdings", " Inc", " Corp", " Group", " L.L.C.", " LLC", " PLC", " AG", " GmbH"], StringComparison.Ordinal);

    /// <summary>
    /// Adds what the pattern rules find to <paramref name="result"/>; <paramref name="gazetteerMatches"/> (ordered by start)
    /// keep the product rules off the names the gazetteer knows as organisations (ASML芯片).
    /// </summary>
    public static void Match(string normalized, ReadOnlySpan<Token> tokens, ArticleParts parts, List<EntityCandidate> result, IReadOnlyList<EntityCandidate>? gazetteerMatches = null)
    {
        foreach (var m in TitleRegex().EnumerateMatches(normalized))
        {
            // The title without its brackets.
            result.Add(new EntityCandidate(new TextSpan(m.Index + 1, m.Index + m.Length - 1), EntityType.Work, null, 0.95, EntitySource.Pattern));
        }

        if (normalized.AsSpan().ContainsAny(LegalSuffixes))
        {
            foreach (var m in LatinCompanyRegex().EnumerateMatches(normalized))
            {
                result.Add(new EntityCandidate(new TextSpan(m.Index, m.Index + m.Length), EntityType.Organization, null, 0.85, EntitySource.Pattern));
            }
        }

        // The product rules match the name alone (the cue is a lookaround).
        foreach (var m in ProductAfterCueRegex().EnumerateMatches(normalized))
        {
            AddModelName(normalized, new TextSpan(m.Index, m.Index + m.Length), gazetteerMatches, result);
        }

        foreach (var m in ProductBeforeCueRegex().EnumerateMatches(normalized))
        {
            AddModelName(normalized, new TextSpan(m.Index, m.Index + m.Length), gazetteerMatches, result);
        }

        AddSuffixed(normalized, tokens, result);
        StockCodeNames.Find(normalized, tokens, result);
        LegalCompanyNames.Find(normalized, tokens, result);
        GovernmentBodyNames.Find(normalized, tokens, result);
        if (parts.Source is { } source && source.Length is > 0 and <= 20)
        {
            result.Add(new EntityCandidate(source, EntityType.Organization, null, 0.8, EntitySource.Pattern));
        }
    }

    /// <summary>
    /// Index names: a gazetteer organisation followed by a few characters ending in 指数
    /// (纳斯达克综合指数, 标准普尔500种股票指数; an enhanced index fund: 国泰君安中证500指数增强A) is a product. Adds them to <paramref name="result"/>.
    /// </summary>
    public static void IndexNames(string normalized, List<EntityCandidate> gazetteerMatches, List<EntityCandidate> result)
    {
        if (!normalized.Contains(IndexWord, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var m in gazetteerMatches)
        {
            // The regex needs 指数 within its first ten characters: a plain search rules most names out.
            if (m.Type != EntityType.Organization || normalized.AsSpan(m.Span.End, Math.Min(IndexTailLength, normalized.Length - m.Span.End)).IndexOf(IndexWord, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            // The tail regex is anchored (\G) at the start of the rest of the text, so only a match there counts.
            foreach (var tail in IndexTailRegex().EnumerateMatches(normalized.AsSpan(m.Span.End)))
            {
                result.Add(new EntityCandidate(new TextSpan(m.Span.Start, m.Span.End + tail.Length), EntityType.Product, null, 0.8, EntitySource.Pattern));
                break;
            }
        }
    }

    /// <summary>Whether a word ends in a suffix but names no one (上市公司, 该公司, 子公司).</summary>
    internal static bool IsGenericHead(ReadOnlySpan<char> word) => GenericHeadLookup.Contains(word);

    /// <summary>Whether a POS tag marks a name part that may stand before a suffix.</summary>
    internal static bool IsNamePart(string pos) => pos is "nr" or "ns" or "nt" or "nz" or "nrt" or "nrfg" or "j" or "eng";

    /// <summary>
    /// One pass over the tokens for all suffix rules: name tokens + a company suffix → organisation, + an
    /// event suffix → event. The token's last character picks the few suffixes worth comparing.
    /// </summary>
    private static void AddSuffixed(string text, ReadOnlySpan<Token> tokens, List<EntityCandidate> result)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            ref readonly var token = ref tokens[t];
            var end = token.Span.End;
            var start = token.Span.Start;
            var last = text[end - 1];
            var slot = last % SuffixSlotCount;
            if (end - start < 2 || SlotEnds[slot] != last)
            {
                continue;
            }

            var word = text.AsSpan(start, end - start);
            var suffix = FindSuffix(word, SlotSuffixes[slot]);
            if (suffix is null)
            {
                continue;
            }

            // Registered names (…有限公司, …有限责任公司) are LegalCompanyNames' to find; 上市公司, 子公司 end no name (分公司 does:
            // 中国银行上海分公司, and so do kinds of banks: 江苏常熟农村商业银行, 欧洲中央银行).
            var isGeneric = word.Length > suffix.Text.Length && GenericHeadLookup.Contains(word);
            if ((isGeneric && !EndsWithAny(word, NameEndingHeads)) || suffix.Text == "公司" && (word.EndsWith("有限公司", StringComparison.Ordinal) || text.AsSpan(0, end).EndsWith("有限责任公司", StringComparison.Ordinal)))
            {
                continue;
            }

            if (suffix.IsModifier && t + 1 < tokens.Length && tokens[t + 1].Span.Start == token.Span.End && tokens[t + 1].Pos is "n" or "vn")
            {
                continue;
            }

            // The suffix token may itself be a name (中信证券, nt): it then stands alone or after other names.
            // Otherwise (协会, 工业协会) it needs name tokens before it, possibly with plain nouns between (日本 机床 工业协会).
            var tokenIsName = word.Length > suffix.Text.Length && IsNamePart(token.Pos) && !isGeneric;
            var first = t;
            var lowest = suffix.Text == "政府" ? Math.Max(0, t - 1) : 0; // a government takes one place name (阿布扎比政府, not 阿联酋阿布扎比政府)
            for (var p = t - 1; p >= lowest && tokens[p].Span.End == tokens[p + 1].Span.Start && token.Span.End - tokens[p].Span.Start <= 16
                 && (IsNamePart(tokens[p].Pos) || (!tokenIsName && (tokens[p].Pos == "n" || (suffix.IsBody && tokens[p].Pos == "vn")))); p--)
            {
                first = p;
            }

            while (first < t && (!IsNamePart(tokens[first].Pos) || IsPeriodCode(text.AsSpan(tokens[first].Span.Start, tokens[first].Span.Length))))
            {
                first++;
            }

            if (first == t && !tokenIsName)
            {
                continue;
            }

            // A category before a business suffix names a kind of company (EDA公司, ESG基金); before other suffixes it may name one body (AI委员会).
            var named = tokenIsName;
            var categoryNamesNoOne = suffix.Text is "公司" or "集团" or "基金" or "股份" or "科技" or "控股" or "银行" or "证券";
            for (var p = first; p < t && !named; p++)
            {
                named = IsNamingPart(text, tokens[p], categoryNamesNoOne);
            }

            if (!named)
            {
                continue;
            }

            var nameStart = tokens[first].Span.Start;
            if (!GenericHeadLookup.Contains(text.AsSpan(nameStart, end - nameStart)))
            {
                result.Add(new EntityCandidate(new TextSpan(nameStart, end), suffix.Type, null, 0.75, EntitySource.Pattern));
            }
        }
    }

    /// <summary>
    /// A reporting period written as a code (2021H1, 21Q2, Q3, 1H22, 3Q19, 21YTD, FY22): jieba tags it eng, but it names
    /// no company (Q3公司 is the company in the third quarter).
    /// </summary>
    internal static bool IsPeriodCode(ReadOnlySpan<char> word) => word.Length is >= 2 and <= 7 && PeriodCodeRegex().IsMatch(word);

    /// <summary>Whether a token is a name part that may name an organisation by itself: not a period code, nor a category when <paramref name="categoryNamesNoOne"/>.</summary>
    private static bool IsNamingPart(string text, Token token, bool categoryNamesNoOne)
    {
        var word = text.AsSpan(token.Span.Start, token.Span.Length);
        return IsNamePart(token.Pos) && !IsPeriodCode(word) && !(categoryNamesNoOne && GenericLatinTerms.Contains(word));
    }

    private static T[] SuffixSlots<T>(Func<char, T> of, T empty)
    {
        var slots = new T[SuffixSlotCount];
        Array.Fill(slots, empty);
        foreach (var c in SuffixEnds)
        {
            slots[c % SuffixSlotCount] = of(c);
        }

        return slots;
    }

    /// <summary>Whether <paramref name="word"/> ends with one of <paramref name="endings"/>.</summary>
    internal static bool EndsWithAny(ReadOnlySpan<char> word, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Suffix? FindSuffix(ReadOnlySpan<char> word, Suffix[] candidates)
    {
        foreach (var suffix in candidates)
        {
            if (word.EndsWith(suffix.Text, StringComparison.Ordinal))
            {
                return suffix;
            }
        }

        return null;
    }

    [GeneratedRegex("^(?:(?:[0-9]{2}|[0-9]{4})?[HQhq][1-4]|[1-4][HQhq](?:[0-9]{2}|[0-9]{4})?|(?:[0-9]{2}|[0-9]{4})(?:[HQhq]|YTD)|FY(?:[0-9]{2}|[0-9]{4}))$")]
    private static partial Regex PeriodCodeRegex();

    [GeneratedRegex("\\G[\u4E00-\u9FFF0-9]{0,8}?指数(?:增强(?:[A-C](?![A-Za-z0-9]))?)?")]
    private static partial Regex IndexTailRegex();

    /// <summary>A Latin model name right after a product cue: 车型ID.5, 无人车Apollo Moon, 推出ES6.</summary>
    /// <remarks>The cue is a lookbehind, so that the search starts from the rarer capital letters.</remarks>
    [GeneratedRegex("(?<=车型|新车|新品|单品|无人车|机型|芯片|推出|发布)[A-Z][A-Za-z0-9]*(?:\\.[0-9]+)?(?: (?:[A-Z]{2,5}|[A-Z][a-z]+))?(?![A-Za-z0-9.])")]
    private static partial Regex ProductAfterCueRegex();

    /// <summary>A Latin model name, perhaps with a variant (旅行版, 长续航版), right before a product cue: ES6车型, AVP产品, ET5旅行版车型.</summary>
    [GeneratedRegex("(?<![A-Za-z0-9.])[A-Z][A-Za-z0-9]*(?:\\.[0-9]+)?(?:[\u4E00-\u9FFF]{1,3}版)?(?=车型|产品|芯片|系列|手机|平台)")]
    private static partial Regex ProductBeforeCueRegex();

    [GeneratedRegex("《([^《》\\n]{1,60})》")]
    private static partial Regex TitleRegex();

    [GeneratedRegex("(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&\\-]*(?: [A-Z][A-Za-z0-9&\\-]*){0,4} (?:Limited|Ltd\\.?|Holdings(?: L\\.L\\.C\\.)?|Inc\\.?|Corp\\.?|Corporation|Group|L\\.L\\.C\\.|LLC|PLC|AG|GmbH)(?![A-Za-z])")]
    private static partial Regex LatinCompanyRegex();

    /// <summary>
    /// A name suffix, the type it makes, whether it often modifies a following noun instead, and whether it ends the name
    /// of a body whose field may be written with verbal nouns (中国煤炭加工利用协会, 中国证券投资基金业协会; a company's
    /// activity before 公司 is a description: 美国咨询公司).
    /// </summary>
    private sealed record Suffix(string Text, EntityType Type, bool IsModifier = false, bool IsBody = false);
}
