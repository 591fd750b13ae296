using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Times;

/// <summary>
/// What stands around a year in broker shorthand: lists (23、24年), bare ranges (2022~2024), range dashes, and
/// the words that make a year a comparison base, a target or a deadline rather than the period written about.
/// </summary>
internal static partial class TimeExtractor
{
    private static bool IsComparisonOrTarget(string text, int start)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        var twoBefore = start > 1 ? text[start - 2] : ' ';

        // 截至2020年底 is "as of", not a target.
        return before is '较' or '比' or '到' || (before == '至' && twoBefore != '截') || (before == '于' && twoBefore == '比');
    }

    private static bool IsDeadline(string text, int afterYear) =>
        afterYear < text.Length && text[afterYear] is '前' or '后' or '起' or '以' or '之';

    private static bool IsBareYearRangeEnd(string text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        var next = text[end];
        if (next is '）' or ')' or '，' or ',' or '。' or '、' or '；')
        {
            return true;
        }

        return Text.CharacterClass.IsHan(next) && NumberLexicon.Default.Units.MatchAt(text, end) is null && NumberLexicon.Default.Currencies.MatchAt(text, end) is null
            && !NumeralCharacters.IsChineseNumeral(next);
    }

    private static bool IsRangeDash(char c) => c is '-' or '~' or '—' or '–' or '至';

    /// <summary>
    /// 23、24年 and 2023/2024年: a year followed by more years of the same width, the last one with 年.
    /// Only the first is returned; the scanner reaches the others in turn.
    /// </summary>
    private static bool IsYearListItem(string text, int afterDigits, int width)
    {
        var k = afterDigits;
        var items = 0;
        while (k + width < text.Length && text[k] is '、' or '/')
        {
            var j = k + 1;
            while (j < text.Length && char.IsAsciiDigit(text[j]) && j - k - 1 < width + 1)
            {
                j++;
            }

            if (j - k - 1 != width)
            {
                return false;
            }

            items++;
            k = j;
        }

        return items > 0 && k < text.Length && text[k] == '年';
    }
}
