using System.Text;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Times;

namespace ZhArticleAnalyzer.Tests.Properties;

/// <summary>
/// The number and time scanners are hand-written and must stay linear. A quadratic scan of a
/// 500,000-character run of digits or numerals needs about 2.5 × 10^11 steps (several minutes at
/// least); a linear one needs a fraction of a second, a few seconds on a heavily loaded machine. So
/// the limit below is a hang guard with a wide margin either way,
/// not a speed measurement: it cannot flake on a loaded machine and still catches any blow-up.
/// </summary>
public class NumberScannerLinearTimeTests
{
    private const int RunLength = 500_000;
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

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
    public async Task Runs_of_half_a_million_characters_finish(string pattern)
    {
        var text = Repeat(pattern, RunLength);
        var scan = Task.Run(() => Run(text));
        var finished = await Task.WhenAny(scan, Task.Delay(HangLimit)) == scan;

        Assert.True(finished, $"{pattern}: a {RunLength:N0}-character run did not finish within {HangLimit} (a non-linear scan)");
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
