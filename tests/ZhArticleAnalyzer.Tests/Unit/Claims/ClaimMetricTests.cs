namespace ZhArticleAnalyzer.Tests.Unit.Claims;

/// <summary>Metrics that are no dictionary term, segments in front of a metric, and words that only look like metrics or verbs.</summary>
public class ClaimMetricTests
{
    [Fact]
    public void CommaBetweenDigits_DoesNotEndTheClause() =>
        Assert.Single(ClaimProbe.Claims("小鹏汽车交付新车8,000台。"));

    [Fact]
    public void WordsBeforeTheValue_NameAMetricTheDictionaryLacks() =>
        Assert.Equal("交付新车", ClaimProbe.Of("小鹏汽车交付新车8,000台。", "8,000台").Metric);

    [Fact]
    public void WhatIsCompared_ComesBeforeBi()
    {
        var claim = ClaimProbe.Of("新一代电池每公里成本比上一代降低30%。", "30%");
        Assert.Contains("成本", claim.Metric, StringComparison.Ordinal);
        Assert.DoesNotContain("上一代", claim.Metric, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentInFrontOfTheMetric_IsTheSubject()
    {
        var claim = ClaimProbe.Of("2022年光伏行业收入达50亿元。", "50亿元");
        Assert.Equal(("光伏行业", "收入"), (claim.Subject, claim.Metric));
    }

    [Fact]
    public void VerbInsideAToken_CutsTheMetricOffIt()
    {
        var claim = ClaimProbe.Of("截至当天收盘，布伦特原油期货价格上涨2美元。", "2美元");
        Assert.EndsWith("原油期货", claim.Subject, StringComparison.Ordinal);
        Assert.Equal(("价格", "increase"), (claim.Metric, claim.Change));
    }

    [Fact]
    public void ClauseThatOnlyLinksALevel_KeepsTheMetric() =>
        Assert.Equal("价格", ClaimProbe.Of("截至当天收盘，布伦特原油期货价格上涨2美元，收于每桶45美元。", "45美元").Metric);

    [Fact]
    public void BareGrowthWord_TakesTheMetricNamedEarlierInTheSentence()
    {
        var claim = ClaimProbe.Of("宁德时代股价大幅拉升，最高涨幅达到8%。", "8%");
        Assert.Equal(("股价", "increase"), (claim.Metric, claim.Change));
    }

    [Fact]
    public void RiseVerbWithANegativeRate_IsADecrease() =>
        Assert.Equal("decrease", ClaimProbe.Of("2023年经营利润同比增长-7%。", "-7%").Change);

    [Fact]
    public void ValueInsideAPhraseOfPlace_IsNoClaim() =>
        Assert.DoesNotContain(ClaimProbe.Claims("公司依靠“500亿投入背后的坚持”走到今天。"), c => c.Value == "500亿");

    [Fact]
    public void NounsBeforeTheVerb_AreTheSubjectOfAMetricAfterTheValue()
    {
        var claim = ClaimProbe.Of("其中海外项目贡献了40%的增长。", "40%");
        Assert.Equal(("海外项目", "增长", null), (claim.Subject, claim.Metric, claim.Change));
    }

    [Fact]
    public void PlaceInsideTheNounsAfterTheValue_StaysInTheMetric() =>
        Assert.Equal("中国汽车企业", ClaimProbe.Of("公司服务了70%的中国汽车企业。", "70%").Metric);

    [Fact]
    public void VerbCharacterInsideAMetricTerm_IsNoVerb() =>
        Assert.Null(ClaimProbe.Of("2023年营收增速不低于45%。", "不低于45%").ChangeWord);

    [Fact]
    public void PlanWordClosingTheNounsAfterTheValue_IsNoPartOfTheMetric()
    {
        var claim = ClaimProbe.Of("公司公布五年2000亿研发投入计划。", "2000亿");
        Assert.Equal(("研发投入", ZhArticleAnalyzer.Claims.ClaimType.Plan), (claim.Metric, claim.Type));
    }
}
