using System.Collections.Frozen;
using System.Globalization;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Times;

/// <summary>
/// Finds time expressions (years, quarters, halves, months, days, intervals, durations such as
/// 两年间, relative words such as 去年同期) with a hand-written scanner, then resolves the ones that
/// lack a year from the article's context or from an anchor date.
/// </summary>
internal static class TimeExtractor
{
    private static readonly string[] RelativeWords =
    [
        "去年同期", "上年同期", "去年同月", "前一交易日", "上一交易日", "前一个月", "上个月", "下个月", "本季度", "上季度", "下季度",
        "今年", "去年", "前年", "明年", "后年", "今日", "昨日", "明日", "今天", "昨天", "明天", "前天", "上周", "本周", "下周", "当周",
        "当天", "当日", "当月", "该月", "本月", "上月", "下月", "当季", "同期", "年内", "年初", "年底",
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
        return Resolve(matches, sentenceOf, anchor);
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
                i = match.End;
                continue;
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

        // 2025-06-30, 2025/6/30, 2025.6.30
        if (k < text.Length && text[k] is '-' or '/' or '.' && TryReadDate(text, k, out var month, out var day, out var dateEnd))
        {
            return new TimeMatch(start, dateEnd, TimeShape.Complete, $"{year:D4}-{month:D2}-{day:D2}") { SetsContextYear = true, Year = year };
        }

        if (spaced < text.Length && text[spaced] == 'Q')
        {
            return MatchQuarterCode(text, spaced, start, year);
        }

        if (StartsWith(text, spaced, "半年"))
        {
            return new TimeMatch(start, spaced + 2, TimeShape.Complete, $"{year}-H1") { SetsContextYear = true, Year = year };
        }

        if (spaced < text.Length && text[spaced] == 'H' && spaced + 1 < text.Length && text[spaced + 1] is '1' or '2')
        {
            return new TimeMatch(start, spaced + 2, TimeShape.Complete, $"{year}-H{text[spaced + 1]}") { SetsContextYear = true, Year = year };
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

        if (StartsWith(text, k, "前三季度"))
        {
            return new TimeMatch(start, k + 4, TimeShape.Complete, $"{year}-Q1/{year}-Q3") { SetsContextYear = true, Year = year };
        }

        if (k < text.Length && char.IsAsciiDigit(text[k]) && ReadSmall(text, k, out var month, out var afterMonth) && MatchMonth(text, k, afterMonth, month, year) is { } withMonth)
        {
            return withMonth with { Start = start };
        }

        if (k < text.Length && NumeralCharacters.IsChineseNumeral(text[k]) && ReadChineseMonth(text, k, year, start) is { } withChineseMonth)
        {
            return withChineseMonth;
        }

        foreach (var tail in (string[])["全年", "同期", "年底", "年末", "年初", "年中", "底", "末", "初", "中"])
        {
            if (StartsWith(text, k, tail) && !(tail == "中" && k + 1 < text.Length && text[k + 1] is '国' or '期' or '心' or '央'))
            {
                return new TimeMatch(start, k + tail.Length, TimeShape.Complete, year.ToString(CultureInfo.InvariantCulture)) { Year = year };
            }
        }

        return new TimeMatch(start, k, TimeShape.Complete, year.ToString(CultureInfo.InvariantCulture)) { Year = year };
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
        string value;
        if (k + 2 < text.Length && text[k] == '-' && ReadSmall(text, k + 1, out var last, out var afterLast) && afterLast - (k + 1) == 2 && last > number)
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

        if (k >= text.Length || text[k] != '月')
        {
            return null;
        }

        k++;
        if (StartsWith(text, k, "份"))
        {
            k++;
        }

        if (lastMonth > 0)
        {
            return year is { } y
                ? new TimeMatch(start, k, TimeShape.Complete, $"{y}-{month:D2}/{y}-{lastMonth:D2}") { SetsContextYear = true, Year = y }
                : new TimeMatch(start, k, TimeShape.Unresolvable, null);
        }

        if (k < text.Length && ReadSmall(text, k, out var day, out var afterDay) && day is >= 1 and <= 31 && afterDay < text.Length && text[afterDay] is '日' or '号')
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
        if (end + 1 < text.Length && text[end] == '-' && (text[end + 1] == 'Q' ? end + 2 : end + 1) is var n && n < text.Length && text[n] is >= '1' and <= '4' && text[n] - '0' > quarter)
        {
            var last = text[n] - '0';
            return year is { } yr
                ? new TimeMatch(start, n + 1, TimeShape.Complete, $"{yr}-Q{quarter}/{yr}-Q{last}") { SetsContextYear = true, Year = yr }
                : new TimeMatch(start, n + 1, TimeShape.Unresolvable, null);
        }

        return year is { } y
            ? new TimeMatch(start, end, TimeShape.Complete, $"{y}-Q{quarter}") { SetsContextYear = true, Year = y }
            : new TimeMatch(start, end, TimeShape.Quarter, null) { Part = quarter };
    }

    /// <summary>二季度, 第二季度, 三季 (报), with or without a year.</summary>
    private static TimeMatch? MatchChineseQuarter(string text, int k, int start, int? year)
    {
        if (k >= text.Length)
        {
            return null;
        }

        var quarter = char.IsAsciiDigit(text[k]) ? text[k] - '0' : NumeralCharacters.DigitValue(text[k]);
        if (quarter is < 1 or > 4 || text[k] is '两')
        {
            return null;
        }

        int end;
        if (StartsWith(text, k + 1, "季度"))
        {
            end = k + 3;
        }
        else if (year is not null && StartsWith(text, k + 1, "季") && k + 2 < text.Length && text[k + 2] is '报' or '末' or '初')
        {
            end = k + 2;
        }
        else
        {
            return null;
        }

        return year is { } y
            ? new TimeMatch(start, end, TimeShape.Complete, $"{y}-Q{quarter}") { SetsContextYear = true, Year = y }
            : new TimeMatch(start, end, TimeShape.Quarter, null) { Part = quarter };
    }

    /// <summary>二〇一五年, 三月, 十月一日, 一月十日 (Chinese numerals for years, months and days).</summary>
    private static TimeMatch? MatchChineseDate(string text, int start)
    {
        var end = NumeralParser.ScanEnd(text, start);
        if (end == start || end - start > 4 || !NumeralParser.TryParse(text.AsSpan(start, end - start), out var n) || n is < 1 or > 9999 || n != decimal.Truncate(n))
        {
            return null;
        }

        var number = (int)n;
        if (end - start == 4 && number is >= 1900 and <= 2099 && StartsWith(text, end, "年"))
        {
            var afterYear = AfterYear(text, start, end + 1, number);
            if (afterYear.End == end + 1 && ReadChineseMonth(text, end + 1, number, start) is { } withMonth)
            {
                return withMonth;
            }

            return afterYear;
        }

        return ReadChineseMonth(text, start, null, start);
    }

    private static TimeMatch? ReadChineseMonth(string text, int k, int? year, int start)
    {
        var end = NumeralParser.ScanEnd(text, k);
        if (end == k || end - k > 2 || !NumeralParser.TryParse(text.AsSpan(k, end - k), out var m) || m is < 1 or > 12 || m != decimal.Truncate(m) || !StartsWith(text, end, "月"))
        {
            return null;
        }

        var month = (int)m;
        var after = end + 1;
        if (StartsWith(text, after, "份"))
        {
            after++;
        }

        var dayEnd = NumeralParser.ScanEnd(text, after);
        if (dayEnd > after && dayEnd - after <= 3 && dayEnd < text.Length && text[dayEnd] is '日' or '号'
            && NumeralParser.TryParse(text.AsSpan(after, dayEnd - after), out var d) && d is >= 1 and <= 31 && d == decimal.Truncate(d))
        {
            var day = (int)d;
            return year is { } y
                ? new TimeMatch(start, dayEnd + 1, TimeShape.Complete, $"{y}-{month:D2}-{day:D2}") { SetsContextYear = true, Year = y }
                : new TimeMatch(start, dayEnd + 1, TimeShape.Day, null) { Part = month, DayOfMonth = day };
        }

        return year is { } ym
            ? new TimeMatch(start, after, TimeShape.Complete, $"{ym}-{month:D2}") { SetsContextYear = true, Year = ym }
            : new TimeMatch(start, after, TimeShape.Month, null) { Part = month };
    }

    /// <summary>两年间 (P2Y), 两年前, 五年后, 19个月来.</summary>
    private static TimeMatch? MatchChineseCount(string text, int numberStart, int start)
    {
        var end = NumeralParser.ScanEnd(text, numberStart);
        if (end == numberStart || !NumeralParser.TryParse(text.AsSpan(numberStart, end - numberStart), out var n) || n <= 0 || n > 100 || n != decimal.Truncate(n))
        {
            return null;
        }

        var count = (int)n;
        if (StartsWith(text, end, "年间"))
        {
            return new TimeMatch(start, end + 2, TimeShape.Complete, $"P{count}Y");
        }

        if (StartsWith(text, end, "年前") || StartsWith(text, end, "年后"))
        {
            var sign = text[end + 1] == '前' ? -1 : 1;
            return new TimeMatch(start, end + 2, TimeShape.Relative, null) { Resolve = a => (a.Year + (sign * count)).ToString(CultureInfo.InvariantCulture) };
        }

        if (StartsWith(text, end, "个月来") || StartsWith(text, end, "年来") || StartsWith(text, end, "个月以来") || StartsWith(text, end, "年以来"))
        {
            var length = StartsWith(text, end, "个月以来") ? 4 : StartsWith(text, end, "年以来") || StartsWith(text, end, "个月来") ? 3 : 2;
            return new TimeMatch(start, end + length, TimeShape.Unresolvable, null);
        }

        return null;
    }

    /// <summary>过去四个季度, 过去十年, 近两年(来), 这两年, 最近三个月, 未来五年.</summary>
    private static TimeMatch? MatchPrefixedCount(string text, int start)
    {
        var prefix = StartsWith(text, start, "过去") || StartsWith(text, start, "最近") || StartsWith(text, start, "未来") ? 2 : text[start] is '近' or '这' ? 1 : 0;
        if (prefix == 0)
        {
            return null;
        }

        var k = start + prefix;
        int count;
        int end;
        if (k < text.Length && text[k] == '几')
        {
            count = 0;
            end = k + 1;
        }
        else
        {
            end = NumeralParser.ScanEnd(text, k);
            if (end == k || !NumeralParser.TryParse(text.AsSpan(k, end - k), out var n) || n <= 0 || n > 100 || n != decimal.Truncate(n))
            {
                return null;
            }

            count = (int)n;
        }

        string unit;
        if (StartsWith(text, end, "个季度"))
        {
            unit = "Q";
            end += 3;
        }
        else if (StartsWith(text, end, "年"))
        {
            unit = "Y";
            end += 1;
        }
        else if (StartsWith(text, end, "个月"))
        {
            unit = "M";
            end += 2;
        }
        else
        {
            return null;
        }

        foreach (var tail in (string[])["以来", "来", "间", "内"])
        {
            if (StartsWith(text, end, tail))
            {
                end += tail.Length;
                break;
            }
        }

        var past = text[start] is '过' or '近' or '这' or '最';
        if (count == 0 || !past || text[start] == '这')
        {
            return new TimeMatch(start, end, TimeShape.Unresolvable, null);
        }

        return new TimeMatch(start, end, TimeShape.Relative, null) { Resolve = a => PastPeriod(a, count, unit) };
    }

    private static string PastPeriod(DateOnly anchor, int count, string unit)
    {
        switch (unit)
        {
            case "Q":
                {
                    var current = ((anchor.Year * 4) + ((anchor.Month - 1) / 3)) - 1;
                    var first = current - count + 1;
                    return $"{first / 4}-Q{(first % 4) + 1}/{current / 4}-Q{(current % 4) + 1}";
                }

            case "M":
                {
                    var last = anchor.AddMonths(-1);
                    var first = anchor.AddMonths(-count);
                    return $"{first.Year}-{first.Month:D2}/{last.Year}-{last.Month:D2}";
                }

            default:
                return $"{anchor.Year - count}/{anchor.Year - 1}";
        }
    }

    /// <summary>今年, 去年同期, 上月, 本季度, 今年3月10日, 今年下半年 …</summary>
    private static TimeMatch? MatchRelative(string text, int i)
    {
        if (!RelativeWordsByFirstChar.TryGetValue(text[i], out var candidates))
        {
            return null;
        }

        foreach (var word in candidates)
        {
            if (!StartsWith(text, i, word))
            {
                continue;
            }

            var end = i + word.Length;
            int? yearOffset = word switch { "今年" => 0, "去年" => -1, "前年" => -2, "明年" => 1, "后年" => 2, _ => null };
            if (yearOffset is { } offset)
            {
                return AfterRelativeYear(text, i, end, offset);
            }

            return new TimeMatch(i, end, ResolverFor(word) is null ? TimeShape.Unresolvable : TimeShape.Relative, null) { Resolve = ResolverFor(word) };
        }

        return null;
    }

    private static TimeMatch AfterRelativeYear(string text, int start, int k, int offset)
    {
        // The tail is read as if a year were written, then the year is filled in from the anchor.
        var probe = AfterYear(text, start, k, 1000);
        var template = probe.Value;
        if (probe.End == k && !StartsWith(text, k, "同期"))
        {
            return new TimeMatch(start, k, TimeShape.Relative, null) { Resolve = a => (a.Year + offset).ToString(CultureInfo.InvariantCulture) };
        }

        return new TimeMatch(start, probe.End, TimeShape.Relative, null)
        {
            Resolve = a => template?.Replace("1000", (a.Year + offset).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
    }

    private static Func<DateOnly, string?>? ResolverFor(string word) => word switch
    {
        "今日" or "今天" or "当天" or "当日" => a => Day(a),
        "昨日" or "昨天" => a => Day(a.AddDays(-1)),
        "前天" => a => Day(a.AddDays(-2)),
        "明日" or "明天" => a => Day(a.AddDays(1)),
        "本月" or "当月" => a => Month(a),
        "上月" or "上个月" or "前一个月" => a => Month(a.AddMonths(-1)),
        "下月" or "下个月" => a => Month(a.AddMonths(1)),
        "本季度" or "当季" => a => Quarter(a, 0),
        "上季度" => a => Quarter(a, -1),
        "下季度" => a => Quarter(a, 1),
        "去年同期" or "上年同期" => a => (a.Year - 1).ToString(CultureInfo.InvariantCulture),
        "去年同月" => a => Month(a.AddYears(-1)),
        "年内" or "全年" or "年初" or "年底" => a => a.Year.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Quarter(DateOnly d, int offset)
    {
        var index = (d.Year * 4) + ((d.Month - 1) / 3) + offset;
        return $"{index / 4}-Q{(index % 4) + 1}";
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

    /// <summary>Fills the missing years: quarters from the article's first dated period, months and days from their own or the previous sentence.</summary>
    private static List<TimeExpression> Resolve(List<TimeMatch> matches, Func<int, int> sentenceOf, DateOnly? anchor)
    {
        var documentYear = matches.FirstOrDefault(m => m.SetsContextYear)?.Year;
        var dated = matches.Where(m => m.SetsContextYear).Select(m => (m.Start, Sentence: sentenceOf(m.Start), m.Year)).ToArray();
        var result = new List<TimeExpression>(matches.Count);
        foreach (var match in matches)
        {
            var sentence = sentenceOf(match.Start);
            var value = match.Shape switch
            {
                TimeShape.Complete => match.Value,
                TimeShape.Quarter => (documentYear ?? anchor?.Year) is { } yq ? $"{yq}-Q{match.Part}" : null,
                TimeShape.Half => (documentYear ?? anchor?.Year) is { } yh ? $"{yh}-H{match.Part}" : null,
                TimeShape.WholeYear => (documentYear ?? anchor?.Year)?.ToString(CultureInfo.InvariantCulture),
                TimeShape.Month => (NearbyYear(dated, match.Start, sentence) ?? anchor?.Year) is { } ym ? $"{ym}-{match.Part:D2}" : null,
                TimeShape.Day => (NearbyYear(dated, match.Start, sentence) ?? anchor?.Year) is { } yd ? $"{yd}-{match.Part:D2}-{match.DayOfMonth:D2}" : null,
                TimeShape.Relative => anchor is { } a && match.Resolve is { } resolve ? resolve(a) : null,
                _ => null,
            };
            result.Add(new TimeExpression(new Text.TextSpan(match.Start, match.End), sentence, value));
        }

        return result;
    }

    /// <summary>The year of the nearest dated period in the same sentence, else the last one of the previous sentence.</summary>
    private static int? NearbyYear((int Start, int Sentence, int Year)[] dated, int start, int sentence)
    {
        // Binary search for the first dated period after start; look at it and the one before.
        int lo = 0, hi = dated.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (dated[mid].Start <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo > 0 && dated[lo - 1].Sentence == sentence)
        {
            return dated[lo - 1].Year;
        }

        if (lo < dated.Length && dated[lo].Sentence == sentence)
        {
            return dated[lo].Year;
        }

        return lo > 0 && dated[lo - 1].Sentence == sentence - 1 ? dated[lo - 1].Year : null;
    }
}
