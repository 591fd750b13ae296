namespace ZhArticleAnalyzer.Numbers;

/// <summary>
/// Finds and reads numerals: Arabic (1,529.7), Chinese (一百零一万, 三万五, 两千四百五), financial
/// capitals (壹佰伍拾), mixed (14.09亿, 3万亿, 5万4千6百), decimals with 点, a leading 负/-.
/// Everything is exact <see cref="decimal"/> arithmetic; a numeral too long for a decimal is rejected,
/// never rounded. A hand-written scanner: each character is looked at a bounded number of times.
/// </summary>
internal static class NumeralParser
{
    /// <summary>Longest numeral read, in chars; longer runs of digits are no numbers (and stay linear).</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// The end of the numeral that starts at <paramref name="start"/> (no sign), or <paramref name="start"/>
    /// when none starts there. Spaces are taken only between Chinese numeral parts (一百 五 十 二, 1000 万).
    /// </summary>
    public static int ScanEnd(string text, int start)
    {
        var i = start;
        var last = -1;
        while (i < text.Length)
        {
            if (i - start > MaxLength)
            {
                // Too long to be a numeral: stop here so that every caller stays linear.
                return i;
            }

            var c = text[i];
            if (char.IsAsciiDigit(c) || NumeralCharacters.IsChineseNumeral(c))
            {
                last = i;
                i++;
                continue;
            }

            if (last < 0)
            {
                break;
            }

            var prev = text[last];
            if (c == ',' && char.IsAsciiDigit(prev) && IsThousandsGroup(text, i + 1))
            {
                i++;
                continue;
            }

            if (c == '.' && char.IsAsciiDigit(prev) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && last == i - 1)
            {
                i++;
                continue;
            }

            if (NumeralCharacters.IsPoint(c) && !char.IsAsciiDigit(prev) && NextNonSpace(text, i + 1) is var p && p < text.Length && NumeralCharacters.IsDecimalDigit(text[p]))
            {
                i = p;
                continue;
            }

            if (NumeralCharacters.IsVagueInfix(c) && NextNonSpace(text, i + 1) is var v && v < text.Length && NumeralCharacters.IsUnit(text[v]))
            {
                i = v;
                continue;
            }

            if (c == ' ' && NextNonSpace(text, i) is var n && n - i <= 4 && n < text.Length && ContinuesAfterSpace(text, prev, n))
            {
                i = n;
                continue;
            }

            break;
        }

        return last < 0 ? start : last + 1;
    }

    /// <summary>Reads a whole numeral (with an optional leading 负 or -); false when it is no number.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        var negative = false;
        if (NumeralCharacters.IsNegativeWord(text[0]) || text[0] == '-')
        {
            negative = true;
            text = text[1..].TrimStart();
        }
        else if (text[0] == '+')
        {
            text = text[1..].TrimStart();
        }

        // 伍, 拾, 陆 alone are words (队伍, 收拾, 大陆); 百 and 千 alone are no amount.
        if (text.Length == 1 && (NumeralCharacters.IsFinancialOnly(text[0]) || text[0] is '百' or '千' or '佰' or '仟'))
        {
            return false;
        }

        if (!TryParseUnsigned(text, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    private static bool TryParseUnsigned(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        decimal total = 0, section = 0, largestScale = 0, lastUnit = 0, fraction = 0;
        decimal? pending = null;
        var anyUnit = false;
        var anyDigit = false;
        var zeroSinceUnit = false;
        var lastWasScale = false;
        var digitsOnly = true;
        var i = 0;
        try
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (c == ' ' || NumeralCharacters.IsVagueInfix(c))
                {
                    i++;
                    continue;
                }

                if (char.IsAsciiDigit(c))
                {
                    var end = i;
                    if (!TryReadArabic(text, ref end, out var number) || pending is not null)
                    {
                        return false;
                    }

                    pending = number;
                    anyDigit = true;
                    digitsOnly = false;
                    lastWasScale = false;
                    i = end;
                    continue;
                }

                if (NumeralCharacters.IsPoint(c))
                {
                    if (!TryReadChineseFraction(text[(i + 1)..], out fraction))
                    {
                        return false;
                    }

                    if (!anyDigit && !anyUnit)
                    {
                        return false;
                    }

                    i = text.Length;
                    break;
                }

                var digit = NumeralCharacters.DigitValue(c);
                if (digit >= 0)
                {
                    anyDigit = true;
                    lastWasScale = false;
                    if (digit == 0)
                    {
                        zeroSinceUnit = true;
                        if (pending is { } p0 && digitsOnly && !anyUnit)
                        {
                            pending = p0 * 10;
                        }
                        else if (!anyUnit && pending is null)
                        {
                            pending = 0;
                        }
                    }
                    else if (pending is { } p && !anyUnit && digitsOnly && c is not ('两' or '兩') && text[i - 1] is not ('两' or '兩'))
                    {
                        pending = (p * 10) + digit;
                    }
                    else if (pending is not null && pending != 0)
                    {
                        return false;
                    }
                    else
                    {
                        pending = digit;
                    }

                    i++;
                    continue;
                }

                digitsOnly = false;
                var tens = NumeralCharacters.TensValue(c);
                if (tens > 0)
                {
                    section += tens;
                    pending = null;
                    lastUnit = 10;
                    anyUnit = true;
                    anyDigit = true;
                    lastWasScale = false;
                    zeroSinceUnit = false;
                    i++;
                    continue;
                }

                var small = NumeralCharacters.SmallUnitValue(c);
                if (small > 0 && pending is >= 10 && !anyUnit && i > 0 && NumeralCharacters.DigitValue(text[i - 1]) >= 0)
                {
                    // 二三十 (twenty or thirty) is a vague span, not 230.
                    return false;
                }

                if (small > 0)
                {
                    section += (pending is null or 0 ? 1 : pending.Value) * small;
                    pending = null;
                    lastUnit = small;
                    anyUnit = true;
                    lastWasScale = false;
                    zeroSinceUnit = false;
                    i++;
                    continue;
                }

                var scale = NumeralCharacters.ScaleValue(c);
                if (scale > 0)
                {
                    if (pending is null && section == 0)
                    {
                        if (!lastWasScale)
                        {
                            return false;
                        }

                        total *= scale;
                        largestScale = Math.Max(largestScale, total == 0 ? scale : largestScale * scale);
                    }
                    else
                    {
                        section += pending ?? 0;
                        pending = null;
                        if (scale > largestScale)
                        {
                            total = (total + section) * scale;
                            largestScale = scale;
                        }
                        else
                        {
                            total += section * scale;
                        }

                        section = 0;
                    }

                    lastUnit = scale;
                    anyUnit = true;
                    lastWasScale = true;
                    zeroSinceUnit = false;
                    i++;
                    continue;
                }

                return false;
            }

            if (!anyDigit && !(anyUnit && total + section > 0))
            {
                return false;
            }

            if (pending is { } last)
            {
                // 三万五 = 35000, 一百二 = 120: a lone digit after a unit, with no 零 between, counts in the next unit down.
                var colloquial = anyUnit && !zeroSinceUnit && lastUnit >= 100 && last is >= 1 and <= 9 && last == decimal.Truncate(last);
                section += colloquial ? last * (lastUnit / 10) : last;
            }

            value = total + section + fraction;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Reads 1,529.7 or 14.09 at <paramref name="index"/>; advances past it.</summary>
    public static bool TryReadArabic(ReadOnlySpan<char> text, ref int index, out decimal value)
    {
        value = 0;
        var digits = 0;
        var scaleDigits = 0;
        var seenPoint = false;
        var i = index;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits >= 28)
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
                digits++;
                if (seenPoint)
                {
                    scaleDigits++;
                }

                i++;
            }
            else if (c == ',' && !seenPoint && digits > 0 && IsThousandsGroup(text, i + 1))
            {
                i++;
            }
            else if (c == '.' && !seenPoint && digits > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                seenPoint = true;
                i++;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        for (var k = 0; k < scaleDigits; k++)
        {
            value /= 10;
        }

        index = i;
        return true;
    }

    private static bool TryReadChineseFraction(ReadOnlySpan<char> text, out decimal fraction)
    {
        fraction = 0;
        var place = 0.1m;
        var any = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            var d = char.IsAsciiDigit(c) ? c - '0' : NumeralCharacters.DigitValue(c);
            if (d < 0 || !NumeralCharacters.IsDecimalDigit(c) || place < 1e-20m)
            {
                return false;
            }

            fraction += d * place;
            place /= 10;
            any = true;
        }

        return any;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int start) =>
        start + 3 <= text.Length
        && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2])
        && (start + 3 == text.Length || !char.IsAsciiDigit(text[start + 3]));

    private static bool IsThousandsGroup(string text, int start) => IsThousandsGroup(text.AsSpan(), start);

    /// <summary>一百 五 十 二, 十 余 万, 四百 点 五, 7万 5千: what may follow a space inside a numeral.</summary>
    private static bool ContinuesAfterSpace(string text, char prev, int n)
    {
        var next = text[n];
        if (NumeralCharacters.IsChineseNumeral(next))
        {
            return NumeralCharacters.IsChineseNumeral(prev) || NumeralCharacters.IsUnit(next);
        }

        if (!NumeralCharacters.IsChineseNumeral(prev) && !char.IsAsciiDigit(prev))
        {
            return false;
        }

        var after = NextNonSpace(text, n + 1);
        if (NumeralCharacters.IsVagueInfix(next))
        {
            return after < text.Length && NumeralCharacters.IsUnit(text[after]);
        }

        if (NumeralCharacters.IsPoint(next))
        {
            return !char.IsAsciiDigit(prev) && after < text.Length && NumeralCharacters.IsDecimalDigit(text[after]);
        }

        if (char.IsAsciiDigit(next) && NumeralCharacters.IsUnit(prev))
        {
            var end = n;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            return end < text.Length && NumeralCharacters.IsUnit(text[end]);
        }

        return false;
    }

    private static int NextNonSpace(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }
}
