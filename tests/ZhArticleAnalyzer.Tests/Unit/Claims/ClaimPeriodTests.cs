namespace ZhArticleAnalyzer.Tests.Unit.Claims;

/// <summary>How a claim's period is found: its clause, the sentence, or the time that heads an earlier sentence of the paragraph.</summary>
public class ClaimPeriodTests
{
    [Theory]
    // A time heading a sentence dates the sentences after it in the paragraph, not the next paragraph.
    [InlineData("2022年公司营业收入80亿元，同比增长10%；净利润12亿元，同比增长8%。", "12亿元", "2022")]
    [InlineData("2022年公司营业收入80亿元，同比增长10%；净利润12亿元，同比增长8%。", "8%", "2022")]
    [InlineData("公司发布2021年三季报。实现营业收入30亿元，同比增长5%。", "30亿元", "2021-Q3")]
    [InlineData("2021年公司收入50亿元。\n净利润6亿元。", "6亿元", null)]
    // Words that speak of another time end the carried period.
    [InlineData("2022年公司收入50亿元。目前市值超过3000亿元。", "超过3000亿元", null)]
    [InlineData("2022年公司收入50亿元。截至发稿，股价报12元。", "12元", null)]
    // A heading opens a new topic.
    [InlineData("2022年公司收入50亿元。管线布局：收购某公司60%股权。", "60%", null)]
    // A base of comparison, a contract month, a time in brackets and an offset are not carried.
    [InlineData("2021年3月，订单额较去年同月增长20%。", "20%", "2021-03")]
    [InlineData("5日，7月交割的铜期货收盘价为每吨8000美元。", "8000美元", "5日")]
    [InlineData("2023年二季度行业销量约20万辆（6月销量为7万辆），同比增长30%。", "30%", "2023-Q2")]
    [InlineData("两年后，公司营收达到100亿元。", "100亿元", null)]
    // The nearest time of the clause, and one later in the clause when none comes before.
    [InlineData("2023年一季度净利润增长10%（2022年同期-5%）。", "-5%", "2022")]
    [InlineData("公司以30%的份额在2022年继续保持第一。", "30%", "2022")]
    // In 从A降至B a time after 从 dates A, not B.
    [InlineData("2020年5月，失业率从前一个月的14.7%降至13.3%。", "13.3%", "2020-05")]
    public void Period(string text, string value, string? period) =>
        Assert.Equal(period, ClaimProbe.Of(text, value).Period);
}
