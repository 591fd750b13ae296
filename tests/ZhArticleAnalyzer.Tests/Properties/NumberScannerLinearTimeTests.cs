using System.Diagnostics;
using System.Text;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Times;

namespace ZhArticleAnalyzer.Tests.Properties;

/// <summary>
/// The number and time scanners are hand-written and linear: 100,000-character runs of digits and
/// numerals (and of the separators between them) must finish, and 10× the input may cost at most
/// a loose multiple of 10× the time (no quadratic or exponential blow-up).
/// </summary>
public class NumberScannerLinearTimeTests
{
    public static TheoryData<string> Patterns => new()
    {
        "1",
        "一",
        "1,",
        "1.",
        "十",
        "万",
        "一百",
        "零",
        "3-",
        "1/",
        "5亿",
        "分之",
        "百分之",
        "2025年",
        "1月",
        "Q1",
        "约1%",
        "第一",
        "两年",
        "7 ",
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Runs_of_100k_characters_are_scanned_in_linear_time(string pattern)
    {
        var small = Repeat(pattern, 10_000);
        var large = Repeat(pattern, 100_000);
        Run(small);
        var smallTime = Time(small);
        var largeTime = Time(large);

        // Linear means about 10×; allow noise on a shared machine, forbid anything near quadratic (100×).
        Assert.True(largeTime < TimeSpan.FromSeconds(10), $"{pattern}: 100k chars took {largeTime}");
        Assert.True(largeTime.TotalMilliseconds < Math.Max(200, smallTime.TotalMilliseconds * 40), $"{pattern}: 10k took {smallTime}, 100k took {largeTime}");
    }

    private static TimeSpan Time(string text)
    {
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            Run(text);
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static void Run(string text)
    {
        var times = TimeExtractor.Extract(text, _ => 0, null);
        _ = QuantityExtractor.Default.Extract(text, [.. times.Select(t => t.Span)]);
        _ = NumeralFinder.FindAll(text);
    }

    private static string Repeat(string pattern, int length)
    {
        var builder = new StringBuilder(length + pattern.Length);
        while (builder.Length < length)
        {
            builder.Append(pattern);
        }

        return builder.ToString(0, length);
    }
}
