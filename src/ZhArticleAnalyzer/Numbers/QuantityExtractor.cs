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
internal sealed class QuantityExtractor(NumberLexicon lexicon)
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

    /// <summary>Codes and names: H20, 5G, GPT-4, Qwen3, 1+6+N, stock codes 600519.SH, （688059）.</summary>
    private bool IsInsideCode(string text, RawAmount amount)
    {
        var before = amount.NumberStart - 1;
        if (before >= 0 && (char.IsAsciiLetter(text[before]) || text[before] is '_' or '#' or '@' or '&'))
        {
            // ROE3.65%, PB1.0/0.75倍: a metric name glued to its value; H20, Qwen3: a name.
            var listed = amount.End + 1 < text.Length && text[amount.End] == '/' && char.IsAsciiDigit(text[amount.End + 1]);
            return !listed && PeekUnit(text, amount.End, amount) is null;
        }

        if (before >= 1 && text[before] == '-' && char.IsAsciiLetter(text[before - 1]))
        {
            return true;
        }

        if (before >= 1 && text[before] is '.' && char.IsAsciiLetter(text[before - 1]))
        {
            return true;
        }

        var after = amount.End;
        if (after < text.Length && char.IsAsciiLetter(text[after]) && !amount.IsChinese && char.IsAsciiDigit(text[after - 1]))
        {
            var unitHere = lexicon.Units.MatchAt(text, after) ?? (object?)lexicon.Currencies.MatchAt(text, after);
            if (unitHere is null || (after + 2 < text.Length && char.IsAsciiLetter(text[after + 2]) && unitHere is UnitWord { Surface.Length: <= 2 }))
            {
                return unitHere is null;
            }
        }

        if (after + 1 < text.Length && text[after] == '+' && (char.IsAsciiDigit(text[after + 1]) || char.IsAsciiLetter(text[after + 1])))
        {
            return true;
        }

        if (before >= 0 && text[before] == '+' && before >= 1 && (char.IsAsciiDigit(text[before - 1]) || char.IsAsciiLetter(text[before - 1])))
        {
            return true;
        }

        if (IsInsideUrl(text, amount.NumberStart))
        {
            return true;
        }

        // Stock codes: six digits with an exchange suffix or alone in brackets.
        var length = amount.End - amount.NumberStart;
        if (length == 6 && !amount.IsChinese)
        {
            if (after + 1 < text.Length && text[after] == '.' && char.IsAsciiLetter(text[after + 1]))
            {
                return true;
            }

            if (before >= 0 && text[before] is '(' or '（' && after < text.Length && text[after] is ')' or '）' or ',' or '，')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number inside a web address (…?q=30%25…).</summary>
    private static bool IsInsideUrl(string text, int position)
    {
        var k = position;
        while (k > 0 && position - k < 300 && text[k - 1] > ' ' && text[k - 1] < 0x7F)
        {
            k--;
        }

        var run = text.AsSpan(k, position - k);
        return run.Contains("://", StringComparison.Ordinal) || run.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
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

    private static readonly (string Currency, string SubUnit, decimal Factor)[] SubUnits =
    [
        ("元", "角", 0.1m), ("元", "毛", 0.1m), ("块", "毛", 0.1m), ("美元", "美分", 0.01m), ("欧元", "欧分", 0.01m),
        ("日元", "日本銭", 0.01m), ("日元", "日本钱", 0.01m), ("港元", "仙", 0.01m),
    ];

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
            "头" => true,
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
            _ => false,
        };
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

    /// <summary>A bare amount: 亿 (or 万 after a money word) makes money in yuan; 万 before a noun makes a count.</summary>
    private void ImplyKind(string text, RawAmount amount)
    {
        if (!amount.HasScale)
        {
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
