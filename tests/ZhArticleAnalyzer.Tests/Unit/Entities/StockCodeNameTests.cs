using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

/// <summary>Listed companies named before their stock code, and their repeats in the same article.</summary>
public class StockCodeNameTests
{
    [Theory]
    [InlineData("600519)", true)]
    [InlineData("600519.SH)", true)]
    [InlineData("00700.HK)", true)]
    [InlineData("603259,股吧)", true)]
    [InlineData("股票代码:002623)", true)]
    [InlineData("2021)", false)]
    [InlineData("12345)", false)]
    [InlineData("600519", false)]
    public void IsStockCode_KnowsMainlandAndHongKongCodes(string afterOpen, bool expected) =>
        Assert.Equal(expected, StockCodeNames.IsStockCode(afterOpen));

    [Fact]
    public void NameBeforeStockCode_IsAnOrganisation_AndSoIsItsRepeat()
    {
        var document = SharedAnalyzer.Instance.Analyze("5月12日，重庆云锻（601999）发布公告称，重庆云锻今年一季度营收增长12%。");
        var names = document.Entities.Where(e => document.GetText(e.Span) == "重庆云锻").ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, e => Assert.Equal(EntityType.Organization, e.Type));
        Assert.DoesNotContain(document.Entities, e => document.GetText(e.Span) == "重庆");
    }

    [Fact]
    public void NameBeforeStockCode_DoesNotStartWithTheDateBeforeIt()
    {
        var document = SharedAnalyzer.Instance.Analyze("12日青禾智造(688999)股价涨停。");
        Assert.DoesNotContain(document.Entities, e => document.GetText(e.Span).StartsWith('日'));
    }

    [Fact]
    public void BracketedYear_IsNoStockCode()
    {
        var document = SharedAnalyzer.Instance.Analyze("他们发布了产业发展报告（2021）。");
        Assert.DoesNotContain(document.Entities, e => e.Type == EntityType.Organization);
    }
}
