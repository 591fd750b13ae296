using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>The unit after a number: %, 个百分点, 倍, currencies and their coins, measure words, and the hedge after them.</summary>
internal sealed partial class QuantityExtractor
{
    /// <summary>The unit after the number: %, 个百分点, 倍, a currency, 位数, a measure word.</summary>
    private void ReadUnit(string text, RawAmount amount)
    {
        if (amount.PrefixCurrency)
        {
            return;
        }

        var e = amount.End;
        var spaces = 0;
        while (e + spaces < text.Length && text[e + spaces] == ' ' && spaces < 4)
        {
            spaces++;
        }

        if (spaces > 0 && e + spaces < text.Length && !char.IsAsciiDigit(text[e + spaces]) && (spaces == 1 || CharacterClass.IsHan(text[e + spaces])))
        {
            e += spaces;
        }

        if (e >= text.Length)
        {
            return;
        }

        var c = text[e];
        if (c == '%')
        {
            Set(amount, QuantityKind.Percent, "%", e + 1, 1);
            return;
        }

        if (c == '‰')
        {
            Set(amount, QuantityKind.Percent, "%", e + 1, 0.1m);
            return;
        }

        if (c == '成' && IsTenthsWord(text, e, amount))
        {
            Set(amount, QuantityKind.Percent, "%", e + 1, 10);

            // 七成六 = 76%, 三成半 = 35%.
            var k = e + 1 < text.Length && text[e + 1] == ' ' ? e + 2 : e + 1;
            if (k < text.Length && amount.IsChinese && (NumeralCharacters.DigitValue(text[k]) is > 0 and < 10 || text[k] == '半')
                && (k + 1 >= text.Length || !NumeralCharacters.IsChineseNumeral(text[k + 1])))
            {
                var extra = text[k] == '半' ? 5 : NumeralCharacters.DigitValue(text[k]);
                amount.Value += extra;
                amount.End = k + 1;
            }

            return;
        }

        if (c == '折' && IsDiscountWord(text, e, amount))
        {
            var factor = amount.Value is { } v && v >= 10 ? 1 : 10;
            Set(amount, QuantityKind.Percent, "%", e + 1, factor);
            return;
        }

        if (lexicon.Units.MatchAtLoose(text, e, out var looseEnd) is { Kind: QuantityKind.PercentagePoint } points && looseEnd > e + points.Surface.Length)
        {
            Set(amount, QuantityKind.PercentagePoint, "pp", looseEnd, points.Surface.StartsWith('b') ? 0.01m : 1m);
            return;
        }

        if (string.CompareOrdinal(text, e, "位数", 0, 2) == 0 && amount.Value is { } digits && digits is >= 1 and <= 12 && digits == decimal.Truncate(digits))
        {
            var low = 1m;
            for (var d = 1; d < digits; d++)
            {
                low *= 10;
            }

            amount.Kind = QuantityKind.Magnitude;
            amount.Min = low;
            amount.Max = (low * 10) - 1;
            amount.End = e + 2;
            amount.Unit = IsGrowthAfter(text, e + 2) || IsGrowthBefore(text, amount.Start) ? "%" : null;
            return;
        }

        if (lexicon.Currencies.MatchAt(text, e) is { Prefix: false } currency && !IsFalseCurrency(text, e, currency))
        {
            Set(amount, QuantityKind.Money, currency.Code, e + currency.Surface.Length, 1);
            // 8亿元人民币, 59.9亿元人民币: a second currency word naming the same money.
            if (lexicon.Currencies.MatchAt(text, amount.End) is { Prefix: false, Code: var again } && again == currency.Code)
            {
                amount.End += lexicon.Currencies.MatchAt(text, amount.End)!.Surface.Length;
            }

            ReadSmallChange(text, amount, currency);
            ReadPerUnit(text, amount);
            return;
        }

        if (lexicon.Units.MatchAt(text, e) is { } unit && !IsFalseMeasure(text, e, unit, amount))
        {
            var factor = unit.Surface is "bp" or "bps" ? 0.01m : 1m;
            Set(amount, unit.Kind, unit.Unit ?? unit.Surface, e + unit.Surface.Length, factor);
            if (unit.CountsItself)
            {
                amount.Counted = unit.Surface;
            }

            ReadPerMeasure(text, amount);
        }
    }

    private static void Set(RawAmount amount, QuantityKind kind, string unit, int end, decimal factor)
    {
        amount.Kind = kind;
        amount.Unit = unit;
        amount.End = end;
        if (factor != 1)
        {
            amount.Value *= factor;
            amount.Min *= factor;
            amount.Max *= factor;
        }
    }

    /// <summary>五元三毛 = 5.3, 两美元又三美分 = 2.03, 10日元5日本銭 = 10.05: the smaller coin after the main unit.</summary>
    private static void ReadSmallChange(string text, RawAmount amount, CurrencyWord currency)
    {
        var e = amount.End;
        if (amount.Value is null || e >= text.Length)
        {
            return;
        }

        if (text[e] == '又')
        {
            e++;
        }

        if (e >= text.Length)
        {
            return;
        }

        var digit = char.IsAsciiDigit(text[e]) ? text[e] - '0' : NumeralCharacters.DigitValue(text[e]);
        var numberEnd = e + 1;
        if (digit < 0)
        {
            return;
        }

        if (numberEnd < text.Length && char.IsAsciiDigit(text[numberEnd]) && char.IsAsciiDigit(text[e]))
        {
            digit = (digit * 10) + (text[numberEnd] - '0');
            numberEnd++;
        }

        foreach (var (main, sub, factor) in SubUnits)
        {
            if (currency.Surface == main && string.CompareOrdinal(text, numberEnd, sub, 0, sub.Length) == 0 && digit * factor < 1)
            {
                amount.Value += digit * factor;
                amount.End = numberEnd + sub.Length;
                return;
            }
        }
    }

    /// <summary>元/股, 元/兆瓦时, 美元/桶: the per-unit tail belongs to the money.</summary>
    private void ReadPerUnit(string text, RawAmount amount)
    {
        var e = amount.End;
        if (e + 1 >= text.Length || text[e] != '/')
        {
            return;
        }

        if (lexicon.Units.MatchAt(text, e + 1) is { } unit)
        {
            amount.End = e + 1 + unit.Surface.Length;
        }
        else if (text[e + 1] is '股' or '桶' or '克' or '斤' or '人' or '年' or '月' or '天' or '次')
        {
            amount.End = e + 2;
        }
    }

    /// <summary>千克/吨, 千瓦时/吨: a rate between two measures keeps both in its unit.</summary>
    private void ReadPerMeasure(string text, RawAmount amount)
    {
        var e = amount.End;
        if (amount.Kind != QuantityKind.Count || e + 1 >= text.Length || text[e] != '/'
            || lexicon.Units.MatchAt(text, e + 1) is not { Kind: QuantityKind.Count } per || IsFalseMeasure(text, e + 1, per, amount))
        {
            return;
        }

        amount.Unit += "/" + per.Surface;
        amount.End = e + 1 + per.Surface.Length;
    }

    private static bool IsTenthsWord(string text, int e, RawAmount amount)
    {
        if (amount.Value is not { } v || v > 10 || v <= 0)
        {
            return false;
        }

        if (e + 1 < text.Length && "为立本功员交长果熟品绩就效型都份分".Contains(text[e + 1], StringComparison.Ordinal))
        {
            return false;
        }

        return !(amount.IsChinese && v == 1 && e + 1 < text.Length && text[e + 1] == '不');
    }

    private static bool IsDiscountWord(string text, int e, RawAmount amount) =>
        amount.Value is { } v && v > 0 && v < 100 && !(amount.IsChinese && v == 10)
        && !(e + 1 < text.Length && "合旧算扣价让返射叠损".Contains(text[e + 1], StringComparison.Ordinal));

    private static bool IsGrowthAfter(string text, int e)
    {
        var window = text.AsSpan(e, Math.Min(4, text.Length - e));
        return window.Contains("增", StringComparison.Ordinal) || window.Contains("涨", StringComparison.Ordinal)
            || window.Contains("降", StringComparison.Ordinal) || window.Contains("跌", StringComparison.Ordinal) || window.Contains("下滑", StringComparison.Ordinal);
    }

    private static bool IsGrowthBefore(string text, int start)
    {
        var from = Math.Max(0, start - 4);
        var window = text.AsSpan(from, start - from);
        return window.EndsWith("增长", StringComparison.Ordinal) || window.EndsWith("增速", StringComparison.Ordinal) || window.EndsWith("增幅", StringComparison.Ordinal)
            || window.EndsWith("涨幅", StringComparison.Ordinal) || window.EndsWith("下滑", StringComparison.Ordinal) || window.EndsWith("下降", StringComparison.Ordinal);
    }

    private static bool IsFalseCurrency(string text, int e, CurrencyWord currency) =>
        currency.Surface == "元" && e + 1 < text.Length && text[e + 1] is '旦' or '素' or '年' or '宵' or '首' or '老' or '气' or '件' or '器' or '化';

    private static bool IsFalseMeasure(string text, int e, UnitWord unit, RawAmount amount)
    {
        var after = e + unit.Surface.Length;
        var next = after < text.Length ? text[after] : '\0';
        return unit.Surface switch
        {
            // 一点, 十点: a decimal point or a time of day, not index points, unless a number precedes in digits.
            "点" => amount.IsChinese,
            "年" => next is '级' or '度' or '代' || amount.HasScale,
            "股" => next is '东' or '票' or '份' or '价' or '权' or '市' || amount.IsChinese,
            "手" => amount.IsChinese,
            "期" => amount.IsChinese && next != '的',
            "大" => !amount.IsChinese,
            "名" => next is '义' or '称' or '字',
            "家" => next is '庭' or '人' or '乡' or '居' or '电' || (amount.IsChinese && amount.Value == 1),
            "代" => next is '表' or '理' or '码' or '替',
            "部" => next is '分' or '门' or '署',
            "处" => next is '理' or '于' or '在',
            "位" => next is '于' or '置',
            "头" => next is '部' or '条' or '号' or '脑' or '衔',
            "周" => next is '期' or '边' or '年',
            "天" => next is '然' or '津' or '下',
            "支" => next is '持' or '付' or '出',
            "条" => next is '件' or '款',
            "批" => next is '准' or '复',
            "单" => next is '位' or '一' or '独' or '价' or '季' or '月' or '日' or '量',
            "次" => next is '要',
            "层" => false,
            "度" => amount.IsChinese || next is '过' or '假',
            "升" => amount.IsChinese || next is '级' or '值' or '高' or '幅' or '至',

            // 80分, 提高1.4分: a score. Not a clock's minute (10点14分, 2 小时 26 分, 1分31秒), money (3分钱, 1分2厘), 分别 or 80分位.
            "分" => amount.IsChinese || char.IsAsciiDigit(next)
                || (CharacterClass.IsHan(next) && next is not ('的' or '以' or '左' or '上' or '和' or '与' or '及' or '或' or '至' or '到'))
                || AfterClockHour(text, amount.Start),

            // 10x, 3X: a multiple, unless part of a Latin word, code or name (3x3, 0x1F, 4xlarge, NBA 3X).
            "x" or "X" => amount.IsChinese || char.IsAsciiDigit(next) || char.IsAsciiLetterLower(next)
                || (amount.Start >= 2 && text[amount.Start - 1] == ' ' && char.IsAsciiLetter(text[amount.Start - 2])),
            "mm" or "cm" or "km" => amount.IsChinese || char.IsAsciiLetter(next),
            _ => false,
        };
    }

    /// <summary>Whether the number follows an hour (10点, 9时, 09:, 2 小时 ): its 分 is then minutes.</summary>
    private static bool AfterClockHour(string text, int start)
    {
        var k = start - 1;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
        }

        return k >= 0 && text[k] is '点' or '时' or ':';
    }

    private static bool UnitCountsItself(string unit) => unit is "人" or "层";

    /// <summary>左右, 上下, 以上, 以下, +, 多 after the unit.</summary>
    private void ReadSuffixHedge(string text, RawAmount amount)
    {
        var e = amount.End;
        if (e < text.Length && text[e] == '+' && !(e + 1 < text.Length && (char.IsAsciiDigit(text[e + 1]) || char.IsAsciiLetter(text[e + 1]))))
        {
            amount.End = e + 1;
            amount.Approximate = true;
            amount.Qualifier ??= QuantityQualifier.Over;
            return;
        }

        if (lexicon.Hedges.MatchAt(text, e) is { Before: false } hedge && hedge.Surface != "+")
        {
            amount.End = e + hedge.Surface.Length;
            amount.Approximate = true;
            amount.Qualifier ??= hedge.Qualifier;
        }
    }
}
