namespace ZhArticleAnalyzer.Numbers;

/// <summary>
/// Reads fractions: 百分之三十五 (35%), 百分之负三点八 (-3.8%), 千分之二 (0.2%), 三分之一 (a ratio),
/// 三百五又三分之一 (350.333…). Exact decimal division; ratios are rounded to four places in the record.
/// </summary>
internal static class FractionReader
{
    private static readonly (string Word, decimal Divisor)[] PercentWords =
    [
        ("百分之", 1m), ("千分之", 10m), ("仟分之", 10m), ("万分之", 100m), ("萬分之", 100m),
        ("百万分之", 10_000m), ("百萬分之", 10_000m), ("千万分之", 100_000m), ("千萬分之", 100_000m),
        ("万万分之", 1_000_000m), ("萬萬分之", 1_000_000m), ("百万万分之", 100_000_000m),
    ];

    private static readonly (string Word, decimal Divisor)[] PercentWordsLongestFirst = [.. PercentWords.OrderByDescending(p => p.Word.Length)];

    /// <summary>Reads a percentage word or a fraction that starts at <paramref name="start"/>.</summary>
    public static bool TryRead(string text, int start, out RawAmount amount)
    {
        amount = null!;
        foreach (var (word, divisor) in PercentWordsLongestFirst)
        {
            if (MatchLoose(text, start, word) is var wordEnd && wordEnd > start)
            {
                var numberStart = SkipSpaces(text, wordEnd);
                if (!TryReadSigned(text, numberStart, out var end, out var value))
                {
                    return false;
                }

                amount = new RawAmount
                {
                    Start = start, NumberStart = start, End = end, Value = value / divisor, Kind = QuantityKind.Percent, Unit = "%", IsChinese = true,
                };
                return true;
            }
        }

        if (!TryReadFraction(text, start, out var fractionEnd, out var fraction))
        {
            return false;
        }

        amount = new RawAmount
        {
            Start = start, NumberStart = start, End = fractionEnd, Value = Math.Round(fraction, 4), Kind = QuantityKind.Ratio, IsChinese = true,
        };
        return true;
    }

    /// <summary>N分之M, with an optional whole part (A又N分之M); full precision.</summary>
    public static bool TryReadFraction(string text, int start, out int end, out decimal value)
    {
        end = start;
        value = 0;
        var whole = 0m;
        var i = start;
        var numeratorSign = 1m;
        if (i < text.Length && NumeralCharacters.IsNegativeWord(text[i]))
        {
            numeratorSign = -1;
            i++;
        }

        var firstEnd = NumeralParser.ScanEnd(text, i);
        if (firstEnd == i || !ParseLoose(text.AsSpan(i, firstEnd - i), out var first))
        {
            return false;
        }

        var k = SkipSpaces(text, firstEnd);
        if (k < text.Length && text[k] == '又')
        {
            whole = first;
            var denominatorStart = SkipSpaces(text, k + 1);
            var denominatorEnd = NumeralParser.ScanEnd(text, denominatorStart);
            if (denominatorEnd == denominatorStart || !ParseLoose(text.AsSpan(denominatorStart, denominatorEnd - denominatorStart), out first))
            {
                return false;
            }

            k = SkipSpaces(text, denominatorEnd);
        }

        if (!IsFractionWord(text, ref k) || first == 0)
        {
            return false;
        }

        if (!TryReadSigned(text, k, out var numeratorEnd, out var numerator))
        {
            return false;
        }

        var magnitude = (Math.Abs(whole) + (Math.Abs(numerator) / Math.Abs(first))) * numeratorSign;
        var negativeParts = (whole < 0 ? 1 : 0) + (numerator < 0 ? 1 : 0) + (first < 0 ? 1 : 0);
        value = negativeParts % 2 == 1 ? -magnitude : magnitude;
        if (numeratorSign < 0 && numerator < 0)
        {
            value = Math.Abs(value);
        }

        end = numeratorEnd;
        return true;
    }

    /// <summary>百分之 or 百 分 之: the end of the word, spaces allowed inside, else <paramref name="start"/>.</summary>
    private static int MatchLoose(string text, int start, string word)
    {
        var k = start;
        var matched = 0;
        while (matched < word.Length && k < text.Length)
        {
            var w = word[matched];
            if (text[k] == w || (w == '百' && text[k] == '佰'))
            {
                matched++;
                k++;
            }
            else if (text[k] == ' ' && matched > 0 && k - start < word.Length + 8)
            {
                k++;
            }
            else
            {
                return start;
            }
        }

        return matched == word.Length ? k : start;
    }

    /// <summary>Parses a numeral, also a lone financial digit or unit (五分之壹, 百分之百).</summary>
    private static bool ParseLoose(ReadOnlySpan<char> text, out decimal value)
    {
        if (text.Length == 1 && (NumeralCharacters.DigitValue(text[0]) is var d && d >= 0))
        {
            value = d;
            return true;
        }

        if (text.Length == 1 && NumeralCharacters.SmallUnitValue(text[0]) is var u && u > 0)
        {
            value = u;
            return true;
        }

        return NumeralParser.TryParse(text, out value);
    }

    private static bool IsFractionWord(string text, ref int k)
    {
        if (k >= text.Length || text[k] != '分')
        {
            return false;
        }

        var j = SkipSpaces(text, k + 1);
        if (j >= text.Length || text[j] != '之')
        {
            return false;
        }

        k = SkipSpaces(text, j + 1);
        return true;
    }

    private static bool TryReadSigned(string text, int start, out int end, out decimal value)
    {
        end = start;
        value = 0;
        var i = start;
        var negative = false;
        if (i < text.Length && (NumeralCharacters.IsNegativeWord(text[i]) || text[i] == '-'))
        {
            negative = true;
            i++;
        }

        var numberEnd = NumeralParser.ScanEnd(text, i);
        if (numberEnd == i || !ParseLoose(text.AsSpan(i, numberEnd - i), out value))
        {
            return false;
        }

        value = negative ? -value : value;
        end = numberEnd;
        return true;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }
}
