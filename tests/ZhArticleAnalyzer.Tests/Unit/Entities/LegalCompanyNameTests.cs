using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

/// <summary>Registered company names (…有限公司, …有限责任公司) with the whole name and nothing of the sentence before it.</summary>
public class LegalCompanyNameTests
{
    [Theory]
    [InlineData("公司拟以5000万元收购常州青禾精密机械有限公司。", "常州青禾精密机械有限公司")]
    [InlineData("其全资子公司苏州远航智能科技有限公司与对方签约。", "苏州远航智能科技有限公司")]
    [InlineData("此前，关联股东杭州晨星实业有限公司减持。", "杭州晨星实业有限公司")]
    [InlineData("据悉，深圳市共进电子股份有限公司发布公告。", "深圳市共进电子股份有限公司")]
    [InlineData("国网瑞嘉（天津）智能机器人有限公司成立。", "国网瑞嘉（天津）智能机器人有限公司")]
    [InlineData("本次测评由中质国优测评技术（北京）有限公司执行。", "中质国优测评技术（北京）有限公司")]
    [InlineData("报告由南德认证检测（中国）有限公司出具。", "南德认证检测（中国）有限公司")]
    public void LegalName_IsOneOrganisation(string text, string name)
    {
        var document = SharedAnalyzer.Instance.Analyze(text);
        var mention = Assert.Single(document.Entities);
        Assert.Equal((name, EntityType.Organization), (document.GetText(mention.Span), mention.Type));
    }

    [Fact]
    public void BusinessWordsAlone_AreNoName()
    {
        var document = SharedAnalyzer.Instance.Analyze("该项目由科技有限公司负责。");
        Assert.Empty(document.Entities);
    }
}
