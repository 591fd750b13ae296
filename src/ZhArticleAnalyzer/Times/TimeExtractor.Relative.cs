using System.Collections.Frozen;
using System.Globalization;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Times;

/// <summary>Relative times (去年同期, 上月, 过去四个季度, 两年前) and how an anchor date resolves them.</summary>
internal static partial class TimeExtractor
{
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

    /// <summary>过去四个季度, 过去十年, 近两年(来), 这两年, 最近三个月, 未来五年, 最近90天内, 近5日, 近20个交易日.</summary>
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
        else if (StartsWith(text, end, "天") || StartsWith(text, end, "日"))
        {
            unit = "D";
            end += 1;
        }
        else if (StartsWith(text, end, "个交易日") || StartsWith(text, end, "交易日") || StartsWith(text, end, "周") || StartsWith(text, end, "个星期"))
        {
            // Trading days and weeks have no calendar span without a market calendar or a week convention.
            unit = "";
            end += text[end] == '个' ? (text[end + 1] == '交' ? 4 : 3) : (text[end] == '交' ? 3 : 1);
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
        if (count == 0 || !past || text[start] == '这' || unit.Length == 0)
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

            case "D":
                return $"{Day(anchor.AddDays(-count))}/{Day(anchor.AddDays(-1))}";

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
            if (IsPartOfAnotherWord(text, word, end))
            {
                return null;
            }

            int? yearOffset = word switch { "今年" => 0, "去年" => -1, "前年" => -2, "明年" => 1, "后年" => 2, _ => null };
            if (yearOffset is { } offset)
            {
                return AfterRelativeYear(text, i, end, offset);
            }

            return new TimeMatch(i, end, ResolverFor(word) is null ? TimeShape.Unresolvable : TimeShape.Relative, null) { Resolve = ResolverFor(word) };
        }

        return null;
    }

    /// <summary>上期所 (the Shanghai Futures Exchange), 日内瓦 (Geneva), 周一至: time words that are the start of a name.</summary>
    private static bool IsPartOfAnotherWord(string text, string word, int end)
    {
        var next = end < text.Length ? text[end] : '\0';
        return word switch
        {
            "上期" => next is '所' or '货',
            "日内" => next == '瓦',
            "周日" => next is '均' or '常',
            _ => false,
        };
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
        "今日" or "今天" or "当天" or "当日" or "日内" => a => Day(a),
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
}
