using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>Lists that share a unit, the implied-CNY rule for bare amounts, and which bare numbers are kept.</summary>
internal sealed partial class QuantityExtractor
{
    /// <summary>Lists that share a unit (<c>393/562/630亿元</c>, <c>0.8和0.1个百分点</c>) and bare 亿 amounts.</summary>
    private void ResolveLists(string text, List<RawAmount> amounts)
    {
        var groupStart = 0;
        for (var k = 0; k < amounts.Count; k++)
        {
            var linkedToNext = k + 1 < amounts.Count && !amounts[k].HasUnit && IsListGap(text, amounts[k].End, amounts[k + 1]);
            if (linkedToNext)
            {
                continue;
            }

            var last = amounts[k];
            var unitSource = last.HasUnit ? last : UnitAfterBracket(text, last);
            if (unitSource is not null && unitSource.Kind is not (QuantityKind.Ordinal or QuantityKind.Magnitude))
            {
                for (var m = groupStart; m < k || (m == k && !last.HasUnit); m++)
                {
                    ShareUnit(amounts[m], unitSource);
                }
            }

            groupStart = k + 1;
        }

        for (var k = 1; k < amounts.Count; k++)
        {
            var previous = amounts[k - 1];
            var current = amounts[k];
            if (previous.HedgedBefore && previous.Kind == current.Kind && !current.Approximate && current.Kind is not null
                && current.Start - previous.End == 1 && text[previous.End] == '/')
            {
                current.Approximate = true;
                current.Qualifier = previous.Qualifier;
                current.HedgedBefore = true;
            }
        }

        foreach (var amount in amounts)
        {
            if (amount.Kind is null)
            {
                ImplyKind(text, amount);
            }
        }
    }

    /// <summary>1.03（-0.07）元: the unit after the closing bracket is the list's unit.</summary>
    private RawAmount? UnitAfterBracket(string text, RawAmount last)
    {
        var e = last.End;
        if (e + 1 >= text.Length || text[e] is not (')' or '）'))
        {
            return null;
        }

        var probe = new RawAmount { Start = e + 1, NumberStart = e + 1, End = e + 1, Value = 1, IsChinese = last.IsChinese };
        ReadUnit(text, probe);
        return probe.Kind is QuantityKind.Money ? probe : null;
    }

    private static bool IsListGap(string text, int end, RawAmount next)
    {
        var nextStart = next.Start;
        if (nextStart < end || nextStart - end > MaxGap || nextStart == end)
        {
            return false;
        }

        var hasSeparator = false;
        for (var g = end; g < nextStart; g++)
        {
            var c = text[g];
            if (c is '/' or '、' or '和' or '与' or '及')
            {
                hasSeparator = true;
            }
            else if (c is '(' or '（')
            {
                // 5162亿（+26%）: a bracketed change with its own unit does not lend it to the amount before.
                if (next.HasUnit)
                {
                    return false;
                }

                hasSeparator = true;
            }
            else if (c is not (')' or '）' or ' '))
            {
                return false;
            }
        }

        return hasSeparator;
    }

    private static void ShareUnit(RawAmount item, RawAmount last)
    {
        item.Kind = last.Kind;
        item.Unit = last.Unit;
        if (!item.HasScale && last.HasScale)
        {
            item.Value *= last.Scale;
            item.Min *= last.Scale;
            item.Max *= last.Scale;
            item.HasScale = true;
            item.Scale = last.Scale;
        }

        if (last.Kind == QuantityKind.PercentagePoint && last.Unit == "pp" && last.Value is { } && item.Value is { })
        {
            // bp lists are rare; the shared unit is taken as written.
        }
    }

    /// <summary>Words a bare number after which is a share price in yuan (目标均价为48.25).</summary>
    private static readonly string[] PriceWords = ["目标价", "目标均价", "股价", "收盘价", "开盘价", "发行价", "行权价", "回购价"];

    /// <summary>
    /// A bare amount: 亿 (or 万 after a money word) makes money in yuan; 万 before a noun makes a count;
    /// a plain number right after a share-price word is a price in yuan.
    /// </summary>
    private void ImplyKind(string text, RawAmount amount)
    {
        if (!amount.HasScale)
        {
            if (!amount.IsChinese && amount.Value is > 0 && IsAfterPriceWord(text, amount.Start) && !(amount.End < text.Length && text[amount.End] is '.' or '%'))
            {
                amount.Kind = QuantityKind.Money;
                amount.Unit = "CNY";
            }

            return;
        }

        if (amount.Scale >= 100_000_000m || HasMoneyCueBefore(text, amount.Start))
        {
            amount.Kind = QuantityKind.Money;
            amount.Unit = "CNY";
            return;
        }

        var noun = NounAfter(text, amount.End);
        if (noun is not null)
        {
            amount.Kind = QuantityKind.Count;
            amount.Unit = noun;
            amount.Counted = noun;
        }
    }

    /// <summary>目标均价为48.25, 股价 12.5, 目标价至22.25: the word, then at most 为/至/是/：/a space.</summary>
    private static bool IsAfterPriceWord(string text, int start)
    {
        var k = start;
        while (k > 0 && start - k < 2 && text[k - 1] is '为' or '至' or '是' or '：' or ':' or ' ')
        {
            k--;
        }

        foreach (var word in PriceWords)
        {
            if (k >= word.Length && string.CompareOrdinal(text, k - word.Length, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasMoneyCueBefore(string text, int start)
    {
        var from = Math.Max(0, start - 12);
        var window = text.AsSpan(from, start - from);
        var clause = window.LastIndexOfAny("，。；;,!?！？\n");
        if (clause >= 0)
        {
            window = window[(clause + 1)..];
        }

        foreach (var cue in lexicon.MoneyCues)
        {
            if (window.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NounAfter(string text, int end)
    {
        var k = end;
        while (k < text.Length && k - end < 6 && CharacterClass.IsHan(text[k]) && text[k] is not ('的' or '和' or '与' or '及' or '在' or '是' or '为' or '了' or '等' or '将' or '已' or '个'))
        {
            k++;
        }

        return k - end >= 2 ? text[end..k] : null;
    }

    /// <summary>Which bare numbers (no unit) are kept as Number: Arabic ones that are no enumerators.</summary>
    private static bool Keep(string text, RawAmount amount)
    {
        if (amount.IsChinese || amount.Value is null)
        {
            return amount.Min is not null && amount.HasScale;
        }

        var e = amount.End;
        var next = e < text.Length ? text[e] : '\0';
        var previous = amount.Start > 0 ? text[amount.Start - 1] : '\n';
        if (next is ')' or '）' && previous is not ('(' or '（') && amount.Value is >= 0 and <= 20)
        {
            return false;
        }

        if (next is ')' or '）' or '.' or '、' && (previous is '\n' or ' ' or '　' or '。' or '；' or '(' or '（' or '，' or ',' || amount.Start == 0))
        {
            return false;
        }

        // iPhone 13, Top 3, Wi-Fi 6: a model number after a Latin name; 《剑网3》: part of a title.
        if ((previous == ' ' && amount.Start >= 2 && char.IsAsciiLetter(text[amount.Start - 2])) || next is '》' or '」' or '”' or '"')
        {
            return false;
        }

        // 1.1 初代混动: a section number at the start of a line.
        var lineStart = amount.Start;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        if (lineStart == 0 || text[lineStart - 1] is '\n' or '\r')
        {
            return false;
        }

        if (next is ':' or '：' or '-' or '/' or '年' or '月' or '日' or '号' or '时' or '分' or '秒' or '+' or '*' or '×')
        {
            return false;
        }

        if (previous is '/' or '-' or ':' or '：' or '.' or '第' or '№' or '#')
        {
            return false;
        }

        return amount.NumberStart > 0 && text[amount.NumberStart - 1] is '(' or '（' ? next is not (')' or '）') : true;
    }
}
