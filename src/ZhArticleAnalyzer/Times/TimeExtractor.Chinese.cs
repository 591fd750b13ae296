using System.Collections.Frozen;
using System.Globalization;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Times;

/// <summary>Quarters, years, months and days written with Chinese numerals (二季度, 二〇一五年十月一日).</summary>
internal static partial class TimeExtractor
{
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
}
