namespace ZhArticleAnalyzer.Tests.Unit.Claims;

/// <summary>Who a claim is about: the main organisation for 公司, pronouns, objects and forecasters that are not subjects.</summary>
public class ClaimSubjectTests
{
    [Fact]
    public void Company_IsTheOrganisationTheArticleNamesMostAsAnActor() =>
        Assert.Equal("宁德时代", ClaimProbe.Of("公司发布年报，营业收入同比增长20%。我们认为宁德时代龙头地位稳固，宁德时代维持买入评级。", "20%").Subject);

    [Fact]
    public void Company_AnAcquiredOrganisationIsNotTheMainOne() =>
        Assert.Equal("公司", ClaimProbe.Of("公司营业收入50亿元。公司拟收购宁德时代，收购宁德时代尚需审批。", "50亿元").Subject);

    [Fact]
    public void Pronoun_IsTheLastOrganisationNamed() =>
        Assert.Equal("比亚迪", ClaimProbe.Of("比亚迪发布公告。其营业收入增长20%。", "20%").Subject);

    [Fact]
    public void Forecaster_IsNotTheSubject() =>
        Assert.Equal("宁德时代", ClaimProbe.Of("宁德时代营业收入为300亿元，高于彭博预期的290亿元。", "290亿元").Subject);

    [Fact]
    public void SubjectOfAnEarlierClause_GoesOnBeforeTheFirstNameOfTheSentence() =>
        Assert.Equal("小鹏汽车", ClaimProbe.Of("剔除蔚来后，小鹏汽车营业收入40亿元，同比增长15%。", "15%").Subject);

    [Fact]
    public void ObjectOfASourceWord_IsNotTheSubject() =>
        Assert.Equal("蔚来汽车", ClaimProbe.Of("蔚来汽车公告，已完成来自腾讯的5亿美元战略投资。", "5亿美元").Subject);

    [Fact]
    public void TimeBeforeTheMetric_IsNotPartOfIt() =>
        Assert.Equal("收入", ClaimProbe.Of("2023年百度本季度收入240亿元。", "240亿元").Metric);

    [Fact]
    public void UnitLabelOpeningTheSentence_IsTheSubject() =>
        Assert.Equal("装配车间", ClaimProbe.Of("各厂产量创新高。装配车间：产量实现12.5万台。", "12.5万台").Subject);

    [Fact]
    public void SectionLabel_IsNoSubject() =>
        Assert.NotEqual("盈利预测", ClaimProbe.Of("盈利预测：预计明年净利润为12.5亿元。", "12.5亿元").Subject);

    [Fact]
    public void PlaceRightBeforeTheMetric_IsWhereItWasMeasured() =>
        Assert.Equal("美国", ClaimProbe.Of("数据显示，美国7月核心CPI同比上涨4.3%。", "4.3%").Subject);

    [Fact]
    public void PlaceWithWordsBeforeTheMetric_IsNotItsSubject() =>
        Assert.NotEqual("美国", ClaimProbe.Of("比亚迪在美国市场收入增长20%。", "20%").Subject);
}
