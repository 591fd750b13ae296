using System.Collections.Frozen;
using System.Globalization;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Times;

/// <summary>
/// Finds time expressions (years, quarters, halves, months, days, intervals, durations such as
/// 两年间, relative words such as 去年同期) with a hand-written scanner, then resolves the ones that
/// lack a year from the article's context or from an anchor date.
/// </summary>
internal static partial class TimeExtractor
{
    private static readonly string[] RelativeWords =
    [
        "上周一", "上周二", "上周三", "上周四", "上周五", "上周六", "上周日", "上周末", "本周初", "本周末", "下周一", "下周末", "周末",
        "去年同期", "上年同期", "去年同月", "前一交易日", "上一交易日", "前一个月", "上个月", "下个月", "本季度", "上季度", "下季度",
        "今年", "去年", "前年", "明年", "后年", "今日", "昨日", "明日", "今天", "昨天", "明天", "前天", "上周", "本周", "下周", "当周",
        "当天", "当日", "当月", "该月", "本月", "上月", "下月", "当季", "同期", "年内", "年初", "年底", "上期", "本期", "日内",
        "周一", "周二", "周三", "周四", "周五", "周六", "周日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日",
    ];

    private static readonly FrozenDictionary<char, string[]> RelativeWordsByFirstChar =
        RelativeWords.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray()).ToFrozenDictionary();

    private static readonly System.Buffers.SearchValues<char> RelativeFirstChars =
        System.Buffers.SearchValues.Create([.. RelativeWords.Select(w => w[0]).Concat("前上下全").Distinct()]);

    /// <summary>Every character a time expression can start with (the scanner jumps from one to the next).</summary>
    private static readonly System.Buffers.SearchValues<char> StartChars =
        System.Buffers.SearchValues.Create([.. "0123456789Q第过近这最未前上下全".Concat(NumeralCharacters.ChineseNumeralChars).Concat(RelativeWords.Select(w => w[0])).Distinct()]);

    /// <summary>Extracts and resolves the times of a normalised text.</summary>
    /// <param name="text">The normalised text.</param>
    /// <param name="sentenceOf">The sentence index of a position.</param>
    /// <param name="anchor">The date relative times are resolved against, when known.</param>
    public static IReadOnlyList<TimeExpression> Extract(string text, Func<int, int> sentenceOf, DateOnly? anchor)
    {
        var matches = Scan(text);
        return Resolve(text, matches, sentenceOf, anchor);
    }

    internal static List<TimeMatch> Scan(string text)
    {
        var matches = new List<TimeMatch>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny(StartChars);
            if (next < 0)
            {
                break;
            }

            i += next;
            var match = MatchAt(text, i);
            if (match is null)
            {
                i++;
                continue;
            }

            if (match.Shape == TimeShape.Unresolvable && matches.Count > 0 && StartsWith(text, match.Start, "同期") && match.Start - matches[^1].End <= 1)
            {
                // 2020Q3 同期: the period before is a comparison base and dates nothing else.
                matches[^1] = matches[^1] with { SetsContextYear = false, Context = YearContext.None };
                i = match.End;
                continue;
            }

            // 相比2018Q4, 同比2019年3月, 到2025年6月: a comparison base or a target dates nothing else.
            if (match.SetsContextYear && IsComparisonOrTarget(text, match.Start))
            {
                match = match with { SetsContextYear = false, Context = YearContext.None };
            }

            matches.Add(match);
            i = match.End;
        }

        return matches;
    }

    private static TimeMatch? MatchAt(string text, int i)
    {
        var c = text[i];
        var previous = i > 0 ? text[i - 1] : ' ';
        if (char.IsAsciiDigit(c))
        {
            var afterNumber = previous is '.' or ',' && i > 1 && char.IsAsciiDigit(text[i - 2]);
            return char.IsAsciiDigit(previous) || char.IsAsciiLetter(previous) || afterNumber ? null : MatchDigits(text, i);
        }

        if (c == 'Q' && !char.IsAsciiLetter(previous) && !char.IsAsciiDigit(previous))
        {
            return MatchQuarterCode(text, i, i, null);
        }

        if (NumeralCharacters.IsChineseNumeral(c) && !NumeralCharacters.IsChineseNumeral(previous) && previous != '第')
        {
            return MatchChineseCount(text, i, i) ?? MatchChineseQuarter(text, i, i, null) ?? MatchChineseDate(text, i);
        }

        if (c == '第' && !NumeralCharacters.IsChineseNumeral(previous))
        {
            return MatchChineseQuarter(text, i + 1, i, null);
        }

        if (c is '过' or '近' or '这' or '最' or '未')
        {
            return MatchPrefixedCount(text, i);
        }

        // Most characters start no time word: one look-up instead of forty comparisons.
        if (!RelativeFirstChars.Contains(c))
        {
            return null;
        }

        if (StartsWith(text, i, "前三季度") || StartsWith(text, i, "前两季度") || StartsWith(text, i, "前二季度"))
        {
            return new TimeMatch(i, i + 4, TimeShape.Unresolvable, null);
        }

        if (StartsWith(text, i, "上半年") || StartsWith(text, i, "下半年"))
        {
            return new TimeMatch(i, i + 3, TimeShape.Half, null) { Part = text[i] == '上' ? 1 : 2 };
        }

        if (StartsWith(text, i, "全年"))
        {
            return new TimeMatch(i, i + 2, TimeShape.WholeYear, null);
        }

        return MatchRelative(text, i);
    }

    /// <summary>2025年…, 2025Q2, 2016-2019年, 21年, 6月30日, 5日, 3季度.</summary>
    private static TimeMatch? MatchDigits(string text, int i)
    {
        var j = i;
        while (j < text.Length && char.IsAsciiDigit(text[j]) && j - i < 5)
        {
            j++;
        }

        var digits = j - i;
        if (digits == 0 || (j < text.Length && char.IsAsciiDigit(text[j])))
        {
            return null;
        }

        var number = int.Parse(text.AsSpan(i, digits), CultureInfo.InvariantCulture);
        if (digits == 4 && number is >= 1900 and <= 2099)
        {
            return MatchYear(text, i, j, number);
        }

        // 1357年6月10日, 1789-01-29: an older year only with its month.
        if (digits == 4 && number is >= 1000 and <= 2999 && MatchYear(text, i, j, number) is { SetsContextYear: true } dated)
        {
            return dated;
        }

        if (digits is 1 or 2)
        {
            return MatchShortYear(text, i, j, number) ?? MatchMonth(text, i, j, number, null) ?? MatchDayOnly(text, i, j, number) ?? MatchDigitQuarter(text, i, j, number)
                ?? MatchChineseCount(text, i, i);
        }

        return null;
    }

    private static TimeMatch? MatchYear(string text, int start, int afterDigits, int year)
    {
        var k = afterDigits;
        var spaced = k < text.Length && text[k] == ' ' ? k + 1 : k;

        // 2016-2019年, 2021-23年, 2023~2025年
        if (k < text.Length && text[k] is '-' or '~' or '—' or '–' && TryReadYearNumber(text, k + 1, year, out var endYear, out var afterEnd)
            && afterEnd < text.Length && (text[afterEnd] == '年' || (text[afterEnd] == ' ' && afterEnd + 1 < text.Length && text[afterEnd + 1] == '年')))
        {
            var end = text[afterEnd] == '年' ? afterEnd + 1 : afterEnd + 2;
            return new TimeMatch(start, end, TimeShape.Complete, $"{year}/{endYear}");
        }

        // 2022~2024机队增速, （2018-2021）: two four-digit years at most ten apart, no 年, and no unit after them.
        if (k < text.Length && text[k] is '-' or '~' or '—' or '–' && TryReadYearNumber(text, k + 1, year, out var lastYear, out var afterLast)
            && afterLast - (k + 1) == 4 && lastYear - year <= 10 && IsBareYearRangeEnd(text, afterLast))
        {
            return new TimeMatch(start, afterLast, TimeShape.Complete, $"{year}/{lastYear}");
        }

        // 2025-06-30, 2025/6/30, 2025.6.30
        if (k < text.Length && text[k] is '-' or '/' or '.' && TryReadDate(text, k, out var month, out var day, out var dateEnd))
        {
            return new TimeMatch(start, dateEnd, TimeShape.Complete, $"{year:D4}-{month:D2}-{day:D2}") { SetsContextYear = true, Year = year };
        }

        // 2018Q1~2019Q3: two dated quarters make an interval.
        if (spaced < text.Length && text[spaced] == 'Q')
        {
            return MatchQuarterCode(text, spaced, start, year) is { } quarterCode ? ExtendToInterval(text, quarterCode) : null;
        }

        // 2021上半年: broker notes leave out 年 before the half too.
        if (StartsWith(text, spaced, "上半年") || StartsWith(text, spaced, "下半年"))
        {
            return new TimeMatch(start, spaced + 3, TimeShape.Complete, $"{year}-H{(text[spaced] == '上' ? 1 : 2)}") { SetsContextYear = true, Year = year };
        }

        if (StartsWith(text, spaced, "半年"))
        {
            return new TimeMatch(start, spaced + 2, TimeShape.Complete, $"{year}-H1") { SetsContextYear = true, Year = year };
        }

        if (spaced < text.Length && text[spaced] == 'H' && spaced + 1 < text.Length && text[spaced + 1] is '1' or '2')
        {
            return new TimeMatch(start, spaced + 2, TimeShape.Complete, $"{year}-H{text[spaced + 1]}") { SetsContextYear = true, Year = year };
        }

        // 2021三季报, 2023一季报, 2021第一季度: the quarter right after the year.
        var quarterAt = spaced < text.Length && text[spaced] == '第' ? spaced + 1 : spaced;
        if (quarterAt < text.Length && NumeralCharacters.IsChineseNumeral(text[quarterAt]) && MatchChineseQuarter(text, quarterAt, start, year) is { } reportQuarter)
        {
            return reportQuarter;
        }

        if (IsYearListItem(text, k, 4))
        {
            return new TimeMatch(start, k, TimeShape.Complete, year.ToString(CultureInfo.InvariantCulture)) { Year = year };
        }

        if (spaced >= text.Length || text[spaced] != '年')
        {
            return null;
        }

        var first = AfterYear(text, start, spaced + 1, year);
        return ExtendToInterval(text, first);
    }

    /// <summary>What follows 2025年: a quarter, a half, a month, a day, 全年, 同期, 底 …</summary>
    private static TimeMatch AfterYear(string text, int start, int k, int year)
    {
        if (StartsWith(text, k, "度"))
        {
            k++;
        }

        var quarter = MatchChineseQuarter(text, text[Math.Min(k, text.Length - 1)] == '第' ? k + 1 : k, start, year)
            ?? (k < text.Length && text[k] == 'Q' ? MatchQuarterCode(text, k, start, year) : null);
        if (quarter is not null)
        {
            return quarter;
        }

        if (StartsWith(text, k, "上半年") || StartsWith(text, k, "下半年"))
        {
            return new TimeMatch(start, k + 3, TimeShape.Complete, $"{year}-H{(text[k] == '上' ? 1 : 2)}") { SetsContextYear = true, Year = year };
        }

        // 2021年半年度, 2021年半年报: the interim period, the first half.
        if (StartsWith(text, k, "半年度") || StartsWith(text, k, "半年报"))
        {
            return new TimeMatch(start, k + 3, TimeShape.Complete, $"{year}-H1") { SetsContextYear = true, Year = year };
        }

        if (StartsWith(text, k, "前三季度"))
        {
            return new TimeMatch(start, k + 4, TimeShape.Complete, $"{year}-Q1/{year}-Q3") { SetsContextYear = true, Year = year };
        }

        // 2019 年 1 月 31 日: broker notes put spaces around the parts.
        var m0 = k < text.Length && text[k] == ' ' && k + 1 < text.Length && char.IsAsciiDigit(text[k + 1]) ? k + 1 : k;
        if (m0 < text.Length && char.IsAsciiDigit(text[m0]) && ReadSmall(text, m0, out var month, out var afterMonth) && MatchMonth(text, m0, afterMonth, month, year) is { } withMonth)
        {
            return withMonth with { Start = start };
        }

        if (k < text.Length && NumeralCharacters.IsChineseNumeral(text[k]) && ReadChineseMonth(text, k, year, start) is { } withChineseMonth)
        {
            return withChineseMonth;
        }

        // 21年中报 (the interim report): the first half.
        if (StartsWith(text, k, "中报"))
        {
            return new TimeMatch(start, k + 1, TimeShape.Complete, $"{year}-H1") { SetsContextYear = true, Year = year };
        }

        // 2021年报, 2021年年报, 2021年度报告: the year the report covers dates its quarters like a dated period.
        if (StartsWith(text, k, "报") || StartsWith(text, k, "年报"))
        {
            return new TimeMatch(start, k, TimeShape.Complete, year.ToString(CultureInfo.InvariantCulture)) { SetsContextYear = true, Year = year };
        }

        // 较19年, 相比于19年, 到2025年, 2020年同期, 2060年前: a comparison base, a target or a deadline, not the year the text is about.
        var aside = IsComparisonOrTarget(text, start) || IsDeadline(text, k);
        foreach (var tail in (string[])["全年", "同期", "年底", "年末", "年初", "年中", "底", "末", "初", "中"])
        {
            if (StartsWith(text, k, tail) && !(tail == "中" && k + 1 < text.Length && text[k + 1] is '国' or '期' or '心' or '央'))
            {
                return new TimeMatch(start, k + tail.Length, TimeShape.Complete, year.ToString(CultureInfo.InvariantCulture))
                {
                    Year = year,
                    Context = aside || tail == "同期" ? YearContext.None : tail is "全年" ? YearContext.Period : YearContext.Point,
                };
            }
        }

        return new TimeMatch(start, k, TimeShape.Complete, year.ToString(CultureInfo.InvariantCulture)) { Year = year, Context = aside ? YearContext.None : YearContext.Period };
    }

    /// <summary>2023年三季度至2025年二季度, 2016年至2019年: two dated ends joined by 至/到/-/~.</summary>
    private static TimeMatch ExtendToInterval(string text, TimeMatch first)
    {
        var k = first.End;
        if (first.Value is null || k + 5 > text.Length || text[k] is not ('至' or '到' or '-' or '~' or '—'))
        {
            return first;
        }

        var secondStart = k + 1;
        if (MatchDigits(text, secondStart) is { Shape: TimeShape.Complete, Value: { } secondValue } second && second.Year > 0 && !secondValue.Contains('/', StringComparison.Ordinal))
        {
            return new TimeMatch(first.Start, second.End, TimeShape.Complete, first.Value + "/" + secondValue) { SetsContextYear = first.SetsContextYear, Year = first.Year };
        }

        return first;
    }

    private static bool TryReadYearNumber(string text, int k, int startYear, out int year, out int end)
    {
        year = 0;
        end = k;
        var j = k;
        while (j < text.Length && char.IsAsciiDigit(text[j]) && j - k < 5)
        {
            j++;
        }

        var digits = j - k;
        if (digits == 4)
        {
            year = int.Parse(text.AsSpan(k, 4), CultureInfo.InvariantCulture);
        }
        else if (digits == 2)
        {
            year = (startYear / 100 * 100) + int.Parse(text.AsSpan(k, 2), CultureInfo.InvariantCulture);
        }
        else
        {
            return false;
        }

        end = j;
        return year > startYear && year - startYear <= 50;
    }

    private static bool TryReadDate(string text, int k, out int month, out int day, out int end)
    {
        month = day = 0;
        end = k;
        var separator = text[k];
        if (!ReadSmall(text, k + 1, out month, out var afterMonth) || month is < 1 or > 12 || afterMonth >= text.Length || text[afterMonth] != separator)
        {
            return false;
        }

        if (!ReadSmall(text, afterMonth + 1, out day, out end) || day is < 1 or > 31)
        {
            return false;
        }

        return end >= text.Length || !char.IsAsciiDigit(text[end]);
    }

    /// <summary>21年, 20年末, 18-20年 in broker notes: 20xx.</summary>
    private static TimeMatch? MatchShortYear(string text, int start, int afterDigits, int number)
    {
        if (afterDigits - start != 2 || number is < 15 or > 39)
        {
            return null;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        if (before is '近' or '过' or '这' or '第' or '超' or '约' or '数' or '每' or '去' or '未' or '后' or '前' or '至' or '-')
        {
            return null;
        }

        var k = afterDigits;

        // 22Q4, 21H1: broker shorthand for a quarter or half of 20xx.
        if (k + 1 < text.Length && text[k] == 'Q')
        {
            return MatchQuarterCode(text, k, start, 2000 + number);
        }

        if (k + 1 < text.Length && text[k] == 'H' && text[k + 1] is '1' or '2' && (k + 2 >= text.Length || !char.IsAsciiLetterOrDigit(text[k + 2])))
        {
            return new TimeMatch(start, k + 2, TimeShape.Complete, $"20{number}-H{text[k + 1]}") { SetsContextYear = true, Year = 2000 + number };
        }

        if (IsYearListItem(text, k, 2))
        {
            return new TimeMatch(start, k, TimeShape.Complete, $"20{number}") { Year = 2000 + number };
        }

        string value;
        if (k + 2 < text.Length && IsRangeDash(text[k]) && ReadSmall(text, k + 1, out var last, out var afterLast) && afterLast - (k + 1) == 2 && last > number)
        {
            value = $"20{number}/20{last}";
            k = afterLast;
        }
        else
        {
            value = $"20{number}";
        }

        if (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        if (k >= text.Length || text[k] != '年')
        {
            return null;
        }

        var next = k + 1 < text.Length ? text[k + 1] : ' ';
        if (next is '间' or '来' or '内' or '后' or '前' or '以' or '多' or '代' or '级' or '左' or '周' or '期' or '的' or '里' or '之')
        {
            return null;
        }

        if (!value.Contains('/', StringComparison.Ordinal))
        {
            // 17年11月, 21年Q3, 20年末: the rest is read as after a four-digit year.
            return AfterYear(text, start, k + 1, 2000 + number);
        }

        var end = k + 1;
        if (next is '末' or '底' or '初')
        {
            end++;
        }

        return new TimeMatch(start, end, TimeShape.Complete, value) { Year = 2000 + number };
    }

    private static TimeMatch? MatchMonth(string text, int start, int afterDigits, int month, int? year)
    {
        if (month is < 1 or > 12)
        {
            return null;
        }

        var k = afterDigits;
        var lastMonth = 0;
        if (k + 1 < text.Length && text[k] is '-' or '~' or '至' && ReadSmall(text, k + 1, out var m2, out var afterM2) && m2 > month && m2 <= 12)
        {
            lastMonth = m2;
            k = afterM2;
        }

        if (k + 1 < text.Length && text[k] == ' ' && text[k + 1] == '月')
        {
            k++;
        }

        if (k >= text.Length || text[k] != '月')
        {
            return null;
        }

        k++;
        if (StartsWith(text, k, "份"))
        {
            k++;
        }

        // 1 月 31 日
        if (k + 1 < text.Length && text[k] == ' ' && char.IsAsciiDigit(text[k + 1]) && ReadSmall(text, k + 1, out _, out var spacedDayEnd)
            && (StartsWith(text, spacedDayEnd, "日") || StartsWith(text, spacedDayEnd, " 日")))
        {
            k++;
        }

        if (lastMonth > 0)
        {
            return year is { } y
                ? new TimeMatch(start, k, TimeShape.Complete, $"{y}-{month:D2}/{y}-{lastMonth:D2}") { SetsContextYear = true, Year = y }
                : new TimeMatch(start, k, TimeShape.Unresolvable, null);
        }

        if (k < text.Length && ReadSmall(text, k, out var day, out var afterDay) && day is >= 1 and <= 31
            && (afterDay < text.Length && text[afterDay] is '日' or '号' || (StartsWith(text, afterDay, " 日") && ++afterDay > 0)))
        {
            var end = afterDay + 1;
            return year is { } yd
                ? new TimeMatch(start, end, TimeShape.Complete, $"{yd}-{month:D2}-{day:D2}") { SetsContextYear = true, Year = yd }
                : new TimeMatch(start, end, TimeShape.Day, null) { Part = month, DayOfMonth = day };
        }

        return year is { } ym
            ? new TimeMatch(start, k, TimeShape.Complete, $"{ym}-{month:D2}") { SetsContextYear = true, Year = ym }
            : new TimeMatch(start, k, TimeShape.Month, null) { Part = month };
    }

    private static TimeMatch? MatchDayOnly(string text, int start, int afterDigits, int day)
    {
        if (day is < 1 or > 31 || afterDigits >= text.Length || text[afterDigits] != '日')
        {
            return null;
        }

        var next = afterDigits + 1 < text.Length ? text[afterDigits + 1] : ' ';
        return next is '元' or '圆' or '本' ? null : new TimeMatch(start, afterDigits + 1, TimeShape.Unresolvable, null);
    }

    private static TimeMatch? MatchDigitQuarter(string text, int start, int afterDigits, int number) =>
        number is >= 1 and <= 4 && StartsWith(text, afterDigits, "季度")
            ? new TimeMatch(start, afterDigits + 2, TimeShape.Quarter, null) { Part = number }
            : null;

    /// <summary>Q2, Q1-Q3, and 2025Q2 when <paramref name="year"/> is given.</summary>
    private static TimeMatch? MatchQuarterCode(string text, int q, int start, int? year)
    {
        if (q + 1 >= text.Length || text[q + 1] is < '1' or > '4' || (q + 2 < text.Length && (char.IsAsciiDigit(text[q + 2]) || char.IsAsciiLetter(text[q + 2]))))
        {
            return null;
        }

        var quarter = text[q + 1] - '0';
        var end = q + 2;
        if (end + 1 < text.Length && IsRangeDash(text[end]) && (text[end + 1] == 'Q' ? end + 2 : end + 1) is var n && n < text.Length && text[n] is >= '1' and <= '4' && text[n] - '0' > quarter
            && (n + 1 >= text.Length || !char.IsAsciiDigit(text[n + 1])))
        {
            var last = text[n] - '0';
            return year is { } yr
                ? new TimeMatch(start, n + 1, TimeShape.Complete, $"{yr}-Q{quarter}/{yr}-Q{last}") { SetsContextYear = true, Year = yr }
                : new TimeMatch(start, n + 1, TimeShape.QuarterRange, null) { Part = quarter, LastPart = last };
        }

        return year is { } y
            ? new TimeMatch(start, end, TimeShape.Complete, $"{y}-Q{quarter}") { SetsContextYear = true, Year = y }
            : new TimeMatch(start, end, TimeShape.Quarter, null) { Part = quarter };
    }

    private static bool ReadSmall(string text, int k, out int value, out int end)
    {
        value = 0;
        end = k;
        while (end < text.Length && char.IsAsciiDigit(text[end]) && end - k < 2)
        {
            value = (value * 10) + (text[end] - '0');
            end++;
        }

        return end > k && (end >= text.Length || !char.IsAsciiDigit(text[end]));
    }

    private static bool StartsWith(string text, int index, string word) =>
        index >= 0 && index + word.Length <= text.Length && string.CompareOrdinal(text, index, word, 0, word.Length) == 0;
}
