using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>
/// Finds every numeric expression of a text and normalises it. Two passes: first the spans (a
/// hand-written left-to-right scanner, no regular expressions, so the cost is linear in the text),
/// then the resolution of lists that share a unit (<c>1,529.7/1,855.4/2,232.4亿元</c>).
/// </summary>
/// <remarks>
/// Rules (see README, "Numbers and times"): a span holds the hedge words, the sign, the number, the
/// scale and the unit or measure word, never the counted noun. A bare amount with 亿 (or 万 after a
/// money word such as 收入, 利润, 估值) and no unit is money in yuan: the implied-CNY rule.
/// </remarks>
internal sealed partial class QuantityExtractor(NumberLexicon lexicon)
{
    private const int MaxGap = 3;

    /// <summary>The characters a quantity can start with (the scanner jumps from one to the next).</summary>
    private static readonly System.Buffers.SearchValues<char> StartChars =
        System.Buffers.SearchValues.Create("0123456789第数几上" + NumeralCharacters.ChineseNumeralChars);

    public static QuantityExtractor Default { get; } = new(NumberLexicon.Default);

    /// <summary>Extracts the quantities of <paramref name="text"/> (already normalised), skipping <paramref name="blocked"/> spans (times).</summary>
    /// <param name="text">The normalised text.</param>
    /// <param name="blocked">Spans that belong to something else (times), ordered.</param>
    /// <param name="countedAfter">Returns the noun that follows a position, for counts; null to skip.</param>
    public IReadOnlyList<Quantity> Extract(string text, IReadOnlyList<TextSpan> blocked, Func<int, string?>? countedAfter = null)
    {
        var isBlocked = new bool[text.Length + 1];
        foreach (var span in blocked)
        {
            Array.Fill(isBlocked, true, span.Start, span.Length);
        }

        var notNumbers = MarkNotNumbers(text);
        var amounts = new List<RawAmount>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny(StartChars);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (isBlocked[i] || !CanStartAt(text, i))
            {
                i++;
                continue;
            }

            var amount = ReadAt(text, i, isBlocked, notNumbers);
            if (amount is null)
            {
                i = Math.Max(i + 1, SkipNumeral(text, i));
                continue;
            }

            amounts.Add(amount);
            i = amount.End;
        }

        ResolveLists(text, amounts);
        var result = new List<Quantity>(amounts.Count);
        foreach (var amount in amounts)
        {
            if (amount.Kind is null && !Keep(text, amount))
            {
                continue;
            }

            if (amount.Kind == QuantityKind.Count && amount.Counted is null)
            {
                amount.Counted = countedAfter?.Invoke(amount.End);
                if (amount.Counted is null && amount.Unit is { } unit && UnitCountsItself(unit))
                {
                    amount.Counted = unit;
                }
            }

            result.Add(amount.ToQuantity());
        }

        return result;
    }

    private static bool CanStartAt(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiDigit(c) || NumeralCharacters.IsChineseNumeral(c) || c is '第' or '数' or '几' or '上' or '百' or '千' or '万')
        {
            return i == 0 || !(char.IsAsciiDigit(text[i - 1]) || NumeralCharacters.IsChineseNumeral(text[i - 1]) || text[i - 1] == '.');
        }

        return false;
    }

    private static int SkipNumeral(string text, int i)
    {
        var end = i;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || NumeralCharacters.IsChineseNumeral(text[end]) || text[end] is '.' or ','))
        {
            end++;
        }

        return end;
    }

    private bool[] MarkNotNumbers(string text)
    {
        var marks = new bool[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            var next = text.AsSpan(i).IndexOfAny(lexicon.NotNumberFirstChars);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (lexicon.NotNumbersByFirstChar.TryGetValue(text[i], out var words))
            {
                foreach (var word in words)
                {
                    if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0)
                    {
                        Array.Fill(marks, true, i, word.Length);
                        break;
                    }
                }
            }
        }

        return marks;
    }

    private RawAmount? ReadAt(string text, int start, bool[] blocked, bool[] notNumbers)
    {
        var c = text[start];
        if (c == '第')
        {
            return ReadOrdinal(text, start, blocked);
        }

        var vague = ReadVaguePrefix(text, start);
        if (vague is null && FractionReader.TryRead(text, start, out var fraction))
        {
            return Finish(text, fraction, blocked);
        }

        var amount = vague ?? ReadNumber(text, start, notNumbers);
        if (amount is null || blocked[amount.NumberStart] || (amount.LoneOne && !MayFollowLoneOne(text, amount.End)) || IsInsideCode(text, amount))
        {
            return null;
        }

        AttachPrefix(text, amount);
        ReadVagueSuffix(text, amount);
        ReadRange(text, amount, notNumbers);
        ReadUnit(text, amount);
        if (amount.LoneOne && amount.Kind is not (QuantityKind.Percent or QuantityKind.Money or QuantityKind.Multiple or QuantityKind.PercentagePoint))
        {
            return null;
        }

        ReadSuffixHedge(text, amount);
        return Finish(text, amount, blocked);
    }

    private static RawAmount? Finish(string text, RawAmount amount, bool[] blocked)
    {
        for (var k = amount.Start; k < amount.End; k++)
        {
            if (blocked[k])
            {
                return null;
            }
        }

        return amount.End > amount.Start && amount.End <= text.Length ? amount : null;
    }

    private static RawAmount? ReadNumber(string text, int start, bool[] notNumbers)
    {
        var end = NumeralParser.ScanEnd(text, start);
        if (end == start || end - start > NumeralParser.MaxLength)
        {
            return null;
        }

        // 5157万千瓦: the 千 belongs to the unit word, not to the numeral.
        if (end - start > 1 && NumeralCharacters.SmallUnitValue(text[end - 1]) > 0 && end < text.Length && IsUnitWordFrom(text, end - 1))
        {
            end--;
        }

        var span = text.AsSpan(start, end - start);
        if (notNumbers[start] && !ExtendsPastIdiom(notNumbers, start, end))
        {
            return null;
        }

        if (!NumeralParser.TryParse(span, out var value))
        {
            // 逾百人, 近千家: a lone 百 or 千 before a measure word is 100 or 1000.
            var lone = span.Length == 1 && span[0] is '百' or '千' && end < text.Length
                && NumberLexicon.Default.Units.MatchAt(text, end) is { Kind: QuantityKind.Count or QuantityKind.Duration };
            if (!lone)
            {
                return null;
            }

            value = span[0] == '百' ? 100 : 1000;
        }

        var isChinese = true;
        var scale = 1m;
        foreach (var ch in span)
        {
            isChinese &= !char.IsAsciiDigit(ch);
            scale = Math.Max(scale, NumeralCharacters.ScaleValue(ch));
        }

        scale = Math.Max(scale, TrailingMultiplier(span, isChinese));

        // A lone 一 (一场, 一个) is an article, not a count: it is dropped unless a %, 成, 倍 or a currency follows.
        var loneOne = isChinese && span.Length == 1 && span[0] is '一' or '壹';
        return new RawAmount { Start = start, NumberStart = start, End = end, Value = value, HasScale = scale > 1, Scale = scale, IsChinese = isChinese, LoneOne = loneOne };
    }

    private static bool IsUnitWordFrom(string text, int index) =>
        NumberLexicon.Default.Units.MatchAt(text, index) is { Surface.Length: > 1 };

    /// <summary>一成, 一倍, 一美元, 一%: what may follow a lone 一 for it to be a quantity (a quick test before the full read).</summary>
    private bool MayFollowLoneOne(string text, int end) =>
        end < text.Length && (text[end] is '%' or '成' or '倍' or '折' or ' ' || lexicon.Currencies.MatchAt(text, end) is not null);

    private static bool ExtendsPastIdiom(bool[] notNumbers, int start, int end)
    {
        var idiomEnd = start;
        while (idiomEnd < notNumbers.Length && notNumbers[idiomEnd])
        {
            idiomEnd++;
        }

        return end > idiomEnd;
    }

    /// <summary>
    /// What the number's last characters multiply by: 万亿 in 2.2万亿 is 10¹², 千万 in 5千万 is 10⁷, so that a range's
    /// bare lower bound (1.2-2.2万亿) and a list's earlier items take the whole multiplier. Chinese numerals count only
    /// their trailing 万/亿 (三千五百万 ends in 万; its 百 belongs to 五).
    /// </summary>
    private static decimal TrailingMultiplier(ReadOnlySpan<char> span, bool isChinese)
    {
        var multiplier = 1m;
        for (var i = span.Length - 1; i > 0; i--)
        {
            var scale = NumeralCharacters.ScaleValue(span[i]);
            var small = isChinese ? 0 : NumeralCharacters.SmallUnitValue(span[i]);
            if (scale == 0 && small == 0)
            {
                break;
            }

            multiplier *= scale > 0 ? scale : small;
        }

        return multiplier;
    }

    /// <summary>数亿, 数十, 几艘, 上千家: a range with no single value.</summary>
    private static RawAmount? ReadVaguePrefix(string text, int start)
    {
        var c = text[start];
        if (c is not ('数' or '几' or '上') || start + 1 >= text.Length)
        {
            return null;
        }

        var next = text[start + 1];
        var unit = NumeralCharacters.SmallUnitValue(next) > 0 ? NumeralCharacters.SmallUnitValue(next) : NumeralCharacters.ScaleValue(next);
        if (c == '上')
        {
            if (unit is not (100 or 1000 or 10_000 or 100_000_000m) || start + 2 >= text.Length || IsNumeralOrScale(text[start + 2]))
            {
                return null;
            }

            return new RawAmount { Start = start, NumberStart = start, End = start + 2, Min = unit, Max = (unit * 10) - 1, Approximate = true, IsChinese = true, HasScale = unit >= 10_000, Scale = Math.Max(1, unit >= 10_000 ? unit : 1) };
        }

        if (unit == 0)
        {
            // 几艘, 几家: two to nine of something.
            return c == '几' && start > 0 && text[start - 1] is not ('十' or '百' or '千')
                ? new RawAmount { Start = start, NumberStart = start, End = start + 1, Min = 2, Max = 9, Approximate = true, IsChinese = true }
                : null;
        }

        var end = start + 2;
        var total = unit;
        while (end < text.Length && NumeralCharacters.ScaleValue(text[end]) is var s && s > 0)
        {
            total *= s;
            end++;
        }

        return new RawAmount { Start = start, NumberStart = start, End = end, Min = 2 * total, Max = 9 * total, Approximate = true, IsChinese = true, HasScale = total >= 10_000, Scale = total >= 10_000 ? total : 1 };
    }

    private static bool IsNumeralOrScale(char c) => char.IsAsciiDigit(c) || NumeralCharacters.IsChineseNumeral(c);

    private RawAmount? ReadOrdinal(string text, int start, bool[] blocked)
    {
        var numberStart = start + 1;
        if (numberStart >= text.Length || blocked[numberStart])
        {
            return null;
        }

        var end = NumeralParser.ScanEnd(text, numberStart);
        if (end == numberStart || !NumeralParser.TryParse(text.AsSpan(numberStart, end - numberStart), out var value))
        {
            return null;
        }

        var amount = new RawAmount { Start = start, NumberStart = numberStart, End = end, Value = value, Kind = QuantityKind.Ordinal };
        if (end < text.Length && !blocked[end] && lexicon.Units.MatchAt(text, end) is { Kind: QuantityKind.Count } unit
            && unit.Surface.Length == 1)
        {
            amount.End = end + unit.Surface.Length;
            amount.Unit = unit.Surface;
        }

        return amount;
    }

    /// <summary>Sign (负, -, +) and hedge words (约, 超, 近, 不低于 …) before the number.</summary>
    private void AttachPrefix(string text, RawAmount amount)
    {
        var p = amount.Start;
        if (p > 0 && (text[p - 1] is '-' or '+' || NumeralCharacters.IsNegativeWord(text[p - 1]))
            && !(p >= 2 && (char.IsAsciiDigit(text[p - 2]) || char.IsAsciiLetter(text[p - 2]) || text[p - 2] is '%')))
        {
            p--;
            if (text[p] != '+')
            {
                Negate(amount);
            }
        }

        // $20, ￥300, HK$5: a currency symbol before the number.
        if (amount.Kind is null && lexicon.Currencies.MatchEndingAt(text, p) is { Prefix: true } symbol)
        {
            p -= symbol.Surface.Length;
            amount.Kind = QuantityKind.Money;
            amount.Unit = symbol.Code;
            amount.PrefixCurrency = true;
        }

        var hedgeEnd = p;
        if (hedgeEnd > 0 && text[hedgeEnd - 1] == ' ')
        {
            hedgeEnd--;
        }

        if (lexicon.Hedges.MatchEndingAt(text, hedgeEnd) is { Before: true } hedge && !IsInsideWord(text, hedgeEnd - hedge.Surface.Length, hedge))
        {
            p = hedgeEnd - hedge.Surface.Length;
            amount.Approximate = true;
            amount.Qualifier = hedge.Qualifier;
            amount.HedgedBefore = true;
        }

        amount.Start = p;
    }

    /// <summary>纽约, 合约, 附近, 赶超: a one-character hedge that is the end of another word.</summary>
    private static bool IsInsideWord(string text, int hedgeStart, HedgeWord hedge) =>
        hedge.Surface.Length == 1 && hedgeStart > 0 && "纽预合条契制节签违履特公邀附靠邻亲贴就赶高反临最将接".Contains(text[hedgeStart - 1], StringComparison.Ordinal);

    private static void Negate(RawAmount amount)
    {
        amount.Value = -amount.Value;
        (amount.Min, amount.Max) = (-amount.Max, -amount.Min);
    }

    /// <summary>余, 多 after the number (1600余元, 300多人); 十余家 = 11..19.</summary>
    private static void ReadVagueSuffix(string text, RawAmount amount)
    {
        var e = amount.End;
        if (e >= text.Length || text[e] is not ('余' or '多' or '几') || amount.Value is not { } v)
        {
            return;
        }

        // 多元 (diverse), 多家 … are words of their own only when no number precedes; here a number does.
        if (text[e] == '多' && e + 1 < text.Length && text[e + 1] is '元' or '样' or '种' && !(amount.IsChinese is false && text[e + 1] == '元'))
        {
            return;
        }

        if (amount.IsChinese && v is >= 10 and < 100 && v % 10 == 0)
        {
            amount.Min = v + 1;
            amount.Max = v + 9;
            amount.Value = null;
            amount.Approximate = true;
        }
        else
        {
            amount.Approximate = true;
            amount.Qualifier ??= QuantityQualifier.Over;
        }

        amount.End = e + 1;
    }

    /// <summary>3-5亿, 291.0亿元~315.0亿元, 8%-19%, 8-10年, 3至5倍.</summary>
    private void ReadRange(string text, RawAmount amount, bool[] notNumbers)
    {
        if (amount.Value is null)
        {
            return;
        }

        var firstUnitEnd = amount.End;
        var firstUnit = PeekUnit(text, amount.End, amount);
        if (firstUnit is not null)
        {
            firstUnitEnd = firstUnit.Value.End;
        }

        var k = firstUnitEnd;
        if (k >= text.Length || text[k] is not ('-' or '~' or '—' or '–' or '至' or '到' or '〜'))
        {
            return;
        }

        var secondStart = k + 1;
        if (secondStart < text.Length && text[secondStart] == '+')
        {
            secondStart++;
        }

        if (secondStart >= text.Length || !(char.IsAsciiDigit(text[secondStart]) || NumeralCharacters.IsChineseNumeral(text[secondStart])))
        {
            return;
        }

        var second = ReadNumber(text, secondStart, notNumbers);
        if (second?.Value is not { } high || second.IsChinese != amount.IsChinese)
        {
            return;
        }

        var secondUnit = PeekUnit(text, second.End, second);
        if (firstUnit is { } fu && (secondUnit is not { } su || fu.Key != su.Key))
        {
            return;
        }

        if (firstUnit is null && text[k] is '至' or '到' && secondUnit is null && !second.HasScale)
        {
            return;
        }

        var low = amount.Value.Value;
        var scale = second.HasScale && !amount.HasScale ? second.Scale : 1;
        amount.Min = low * scale;
        amount.Max = high;
        amount.Value = null;
        amount.HasScale = second.HasScale || amount.HasScale;
        amount.Scale = Math.Max(second.Scale, amount.Scale);
        amount.End = second.End;
    }

    private readonly record struct PeekedUnit((QuantityKind? Kind, string? Unit) Key, int End);

    private PeekedUnit? PeekUnit(string text, int at, RawAmount amount)
    {
        var probe = new RawAmount { Start = amount.Start, NumberStart = amount.NumberStart, End = at, Value = amount.Value ?? 1, IsChinese = amount.IsChinese, HasScale = amount.HasScale, Scale = amount.Scale };
        ReadUnit(text, probe);
        return probe.Kind is null ? null : new PeekedUnit((probe.Kind, probe.Unit), probe.End);
    }

    private static readonly (string Currency, string SubUnit, decimal Factor)[] SubUnits =
    [
        ("元", "角", 0.1m), ("元", "毛", 0.1m), ("块", "毛", 0.1m), ("美元", "美分", 0.01m), ("欧元", "欧分", 0.01m),
        ("日元", "日本銭", 0.01m), ("日元", "日本钱", 0.01m), ("港元", "仙", 0.01m),
    ];
}
