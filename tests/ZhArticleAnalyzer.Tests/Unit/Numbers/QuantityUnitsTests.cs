using System.Globalization;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Numbers;

/// <summary>
/// Units and hedges of broker notes and market reports, on made-up sentences: each row lists every quantity
/// as "text kind value unit qualifier" ("-" for an absent field).
/// </summary>
public sealed class QuantityUnitsTests
{
    [Theory]
    [InlineData("给予公司24年15xPE估值。", "15x Multiple 15 x -")]
    [InlineData("当前股价对应PE为20X/15X，与NBA 3X无关。", "20X Multiple 20 x -|15X Multiple 15 x -")]
    [InlineData("毛利率同比-1.5PCT。", "-1.5PCT PercentagePoint -1.5 pp -")]
    [InlineData("分红比例≥40%，负债率≤60%。", "≥40% Percent 40 % atLeast|≤60% Percent 60 % atMost")]
    [InlineData("吨钢综合电耗为450千瓦时/吨。", "450千瓦时/吨 Count 450 千瓦时/吨 -")]
    [InlineData("金价升至1900美元/盎司。", "1900美元/盎司 Money 1900 USD -")]
    [InlineData("新建一条2250mm热轧产线，续航超600km。", "2250mm Count 2250 mm -|超600km Count 600 km over")]
    [InlineData("机构目标均价为23.45，股价 8.8，市盈率为12.5。", "23.45 Money 23.45 CNY -|8.8 Money 8.8 CNY -|12.5 Number 12.5 - -")]
    [InlineData("满意度指数80分，同比提高1.4分。", "80分 Count 80 分 -|1.4分 Count 1.4 分 -")]
    [InlineData("两者分别为3分钱和1分31秒。", "")]
    public void Reads_the_unit(string text, string expected)
    {
        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text), includeTokens: false);
        var actual = string.Join('|', record.Quantities!.Select(q => string.Create(CultureInfo.InvariantCulture,
            $"{q.Text} {q.Kind} {(q.Value is { } v ? ArticleRecordMapper.Canonical(v) : null)} {q.Unit ?? "-"} {q.Qualifier ?? "-"}")));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("增量资金约1.2-2.2万亿元。", "约1.2-2.2万亿元", 1_200_000_000_000, 2_200_000_000_000)]
    [InlineData("另有3-5千万元。", "3-5千万元", 30_000_000, 50_000_000)]
    [InlineData("规模为3-5亿元。", "3-5亿元", 300_000_000, 500_000_000)]
    public void A_ranges_lower_bound_takes_the_upper_bounds_whole_multiplier(string text, string mention, long min, long max)
    {
        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text), includeTokens: false);
        var range = Assert.Single(record.Quantities!, q => q.Text == mention);
        Assert.Equal(((decimal?)min, (decimal?)max), (range.Min, range.Max));
    }
}
