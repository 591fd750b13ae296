using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>A numeral found in text, with its exact value.</summary>
internal readonly record struct NumeralMatch(TextSpan Span, decimal Value);

/// <summary>
/// Finds every numeral of a text, unit or not (the number layer under the quantities): 一百五十二,
/// 4.78万亿, 负三十二, 五分之一, 三百五又三分之一. Idioms holding numeral characters (一切, 四川) are
/// skipped. Used by the quantity extractor's tests and by the Recognizers-Text harness.
/// </summary>
internal static class NumeralFinder
{
    public static IReadOnlyList<NumeralMatch> FindAll(string text)
    {
        var normalized = CharNormalizer.Normalize(text);
        var idioms = MarkIdioms(normalized);
        var result = new List<NumeralMatch>();
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            var signed = (NumeralCharacters.IsNegativeWord(c) || c == '-') && i + 1 < normalized.Length && IsNumeralStart(normalized[i + 1]) && !(i > 0 && normalized[i - 1] == '-');
            if (c == '.' && i + 1 < normalized.Length && char.IsAsciiDigit(normalized[i + 1]) && !(i > 0 && (char.IsAsciiDigit(normalized[i - 1]) || normalized[i - 1] == '.')))
            {
                // .5, -.5: a decimal written without its leading zero.
                var dotEnd = NumeralParser.ScanEnd(normalized, i + 1);
                var negative = i > 0 && normalized[i - 1] == '-' && !(i > 1 && char.IsAsciiDigit(normalized[i - 2]));
                if (decimal.TryParse("0." + normalized[(i + 1)..dotEnd], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var small))
                {
                    result.Add(new NumeralMatch(new TextSpan(negative ? i - 1 : i, dotEnd), negative ? -small : small));
                }

                i = dotEnd;
                continue;
            }

            var startsNumber = char.IsAsciiDigit(c) || NumeralCharacters.IsChineseNumeral(c) || signed;
            if (!startsNumber || (i > 0 && (char.IsAsciiDigit(normalized[i - 1]) || char.IsAsciiLetter(normalized[i - 1]))))
            {
                i++;
                continue;
            }

            // 百分之五十: a percentage word; the numeral after 之 is read on its own.
            if (!(c is '百' or '千' or '万' or '萬' or '仟') && FractionReader.TryReadFraction(normalized, i, out var fractionEnd, out var fraction))
            {
                result.Add(new NumeralMatch(new TextSpan(i, fractionEnd), fraction));
                i = fractionEnd;
                continue;
            }

            var numberStart = NumeralCharacters.IsNegativeWord(c) || c == '-' ? i + 1 : i;
            var end = NumeralParser.ScanEnd(normalized, numberStart);
            if (end == numberStart || idioms[numberStart] && !PastIdiom(idioms, numberStart, end))
            {
                i = Math.Max(i + 1, end);
                continue;
            }

            if (end - numberStart <= NumeralParser.MaxLength && NumeralParser.TryParse(normalized.AsSpan(i, end - i), out var value))
            {
                result.Add(new NumeralMatch(new TextSpan(i, end), value));
            }

            i = Math.Max(i + 1, end);
        }

        return result;
    }

    private static bool IsNumeralStart(char c) => char.IsAsciiDigit(c) || NumeralCharacters.IsChineseNumeral(c);

    private static bool PastIdiom(bool[] idioms, int start, int end)
    {
        var k = start;
        while (k < idioms.Length && idioms[k])
        {
            k++;
        }

        return end > k;
    }

    private static bool[] MarkIdioms(string text)
    {
        var marks = new bool[text.Length + 1];
        var words = NumberLexicon.Default.NotNumbersByFirstChar;
        for (var i = 0; i < text.Length; i++)
        {
            if (words.TryGetValue(text[i], out var candidates))
            {
                foreach (var word in candidates)
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
}
