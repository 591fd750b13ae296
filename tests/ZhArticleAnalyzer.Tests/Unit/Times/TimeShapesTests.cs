using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Times;

/// <summary>
/// Broker shorthand, year lists, quarter runs, relative spans and the context a year written alone gives:
/// each row is a made-up sentence with every time it must yield, as "text=value" ("null" when unresolved).
/// </summary>
public sealed class TimeShapesTests
{
    [Theory]
    [InlineData("公司22Q4营收增长，23Q1继续改善。", "22Q4=2022-Q4|23Q1=2023-Q1")]
    [InlineData("21H1毛利率提升。", "21H1=2021-H1")]
    [InlineData("下调24、25年盈利预测。", "24=2024|25年=2025")]
    [InlineData("预计2024/2025/2026年收入稳步增长。", "2024=2024|2025=2025|2026年=2026")]
    [InlineData("公司承诺23~25年分红比例不低于50%。", "23~25年=2023/2025")]
    [InlineData("某公司2022一季报显示营收下降。", "2022一季=2022-Q1")]
    [InlineData("预计2025~2027营收复合增速为12%，连续三年（2019-2021）获奖，单价2000-2005元。", "2025~2027=2025/2027|2019-2021=2019/2021")]
    [InlineData("2019年公司营收增长，Q1~Q3分别增长5%、6%、7%。", "2019年=2019|Q1~Q3=2019-Q1/2019-Q3")]
    [InlineData("2018年业绩承压，Q4利润下滑。", "2018年=2018|Q4=2018-Q4")]
    [InlineData("营收较17年增长，Q2毛利率下降。", "17年=2017|Q2=null")]
    [InlineData("2017年，工厂产量创新高。3月份，二号线投产。", "2017年=2017|3月份=2017-03")]
    [InlineData("2016年5月10日，一号线开工；8月3日，二号线开工；9月9日，三号线开工。", "2016年5月10日=2016-05-10|8月3日=2016-08-03|9月9日=2016-09-09")]
    [InlineData("4月8日发布研报，预计2030年市场规模翻倍。", "4月8日=null|2030年=2030")]
    [InlineData("截至2015年底项目投产，自6月起满产。", "2015年底=2015|6月=2015-06")]
    [InlineData("项目预计竣工时间为2024年。9月28日，股价上涨。", "2024年=2024|9月28日=null")]
    [InlineData("公司发布2016年报及2017一季报，Q4毛利率提升。", "2016年=2016|2017一季=2017-Q1|Q4=2016-Q4")]
    [InlineData("需求较2019Q4偏弱，一季度销量下滑。", "2019Q4=2019-Q4|一季度=null")]
    [InlineData("周三公布的数据显示，库存较上期增加，日内波动加大。", "周三=null|上期=null|日内=null")]
    [InlineData("2017年，工厂产量创新高。3月份，二号线投产。各车间表现良好。三月份产量增长。5月份继续增长。", "2017年=2017|3月份=2017-03|三月份=2017-03|5月份=2017-05")]
    [InlineData("2017年，工厂产量创新高。5月份，二号线投产。各车间表现良好。销量平稳。3月份产量增长。", "2017年=2017|5月份=2017-05|3月份=null")]
    [InlineData("上期所铜价上涨，日内瓦车展开幕。", "")]
    [InlineData("公司2021上半年营收增长，2021年半年度净利润下降。", "2021上半年=2021-H1|2021年半年度=2021-H1")]
    [InlineData("上周五沪指收跌，本周初反弹，周末消息面平静。", "上周五=null|本周初=null|周末=null")]
    public void Finds_and_resolves(string text, string expected)
    {
        Assert.Equal(expected, Describe(text, null));
    }

    [Theory]
    [InlineData("最近30天内股价上涨，近5日成交放量。", "最近30天内=2024-02-09/2024-03-09|近5日=2024-03-05/2024-03-09")]
    [InlineData("近20个交易日北向资金减持，近两周持续。", "近20个交易日=null|近两周=null")]
    public void Resolves_day_spans_against_the_anchor(string text, string expected)
    {
        Assert.Equal(expected, Describe(text, new DateOnly(2024, 3, 10)));
    }

    private static string Describe(string text, DateOnly? anchor)
    {
        var document = SharedAnalyzer.Instance.Analyze(text, new ArticleInfo(PublishedOn: anchor));
        Assert.All(document.Quantities, q => Assert.DoesNotContain(document.Times, t => t.Span.Overlaps(q.Span)));
        return string.Join('|', document.Times.Select(t => document.GetText(t.Span) + "=" + (t.Value ?? "null")));
    }
}
