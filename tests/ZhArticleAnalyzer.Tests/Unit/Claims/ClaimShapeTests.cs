using ZhArticleAnalyzer.Claims;

namespace ZhArticleAnalyzer.Tests.Unit.Claims;

/// <summary>分别 lists, segments measured by the sentence's metric, 至 after a change, durations, plans and achievers.</summary>
public class ClaimShapeTests
{
    [Fact]
    public void Respectively_NamesThatAreMetrics_GiveEachValueItsMetric()
    {
        const string text = "2022年公司销售费用率、管理费用率分别为8.4%/6.5%，同比分别-2.4pct/+2.0pct。";
        Assert.Equal("管理费用率", ClaimProbe.Of(text, "6.5%").Metric);
        Assert.Equal("销售费用率", ClaimProbe.Of(text, "-2.4pct").Metric);
    }

    [Fact]
    public void Respectively_OtherNames_GiveEachValueItsSubject()
    {
        var claims = ClaimProbe.Claims("2023年，出口/国内批发销量分别为27/61万辆。");
        Assert.Equal(["出口", "国内"], claims.Select(c => c.Subject));
    }

    [Fact]
    public void ShortNameRightBeforeTheValue_IsASegmentOfTheSentencesMetric()
    {
        var claim = ClaimProbe.Of("2023年新签订单分业务，基建800亿（+35%），其中城建400亿。", "400亿");
        Assert.Equal(("城建", "新签订单"), (claim.Subject, claim.Metric));
    }

    [Fact]
    public void LevelAfterAChange_SharesItsVerb()
    {
        var claim = ClaimProbe.Of("2018年平均上网电价提升2.2%至407.27元/兆瓦时。", "407.27元/兆瓦时");
        Assert.Equal(("increase", "提升", ClaimType.Change), (claim.Change, claim.ChangeWord, claim.Type));
    }

    [Fact]
    public void DurationThatAVerbChanges_IsAFigure() =>
        Assert.Equal("increase", ClaimProbe.Of("2018年利用小时同比增长273小时。", "273小时").Change);

    [Fact]
    public void DurationBeforeAMetricOfTime_IsAFigure() =>
        Assert.Contains("周期", ClaimProbe.Of("按照8-10年更新周期，行业拐点已至。", "8-10年").Metric, StringComparison.Ordinal);

    [Fact]
    public void DurationThatOnlySpansTime_IsNoFigure() =>
        Assert.DoesNotContain(ClaimProbe.Claims("公司营收连续八个季度增长，三年CAGR约40%。"), c => c.Value is "八个季度" or "三年");

    [Fact]
    public void ClauseAfterAPlansLeadIn_IsAPlan() =>
        Assert.Equal(ClaimType.Plan, ClaimProbe.Of("考核目标为：2023年营收增速不低于45%。", "不低于45%").Type);

    [Fact]
    public void NounsBeforeAchievementVerb_AreTheSubject() =>
        Assert.Equal("海外业务", ClaimProbe.Of("2022年公司海外业务实现营收12亿元。", "12亿元").Subject);

    [Fact]
    public void CompanyOfTheReport_IsWhoAnnouncesInTheFirstSentence() =>
        Assert.Equal("中国重汽", ClaimProbe.Of("中国重汽发布2023半年报业绩预告，实现归母净利润5亿元。我们维持公司2024年营业总收入500亿元。", "500亿元").Subject);

    [Fact]
    public void CompanyAfterANoun_IsNoPronoun() =>
        Assert.NotEqual("宁德时代", ClaimProbe.Of("宁德时代发布公告。\n自动驾驶初创公司完成5亿美元融资。", "5亿美元").Subject);

    [Fact]
    public void DegreeWordBetweenTheValueAndTheMetric_IsSkipped() =>
        Assert.Equal("市占率", ClaimProbe.Of("公司持续保持接近50%的较高市占率。", "接近50%").Metric);
}

/// <summary>Rates in brackets, sentences joined by semicolons, segment words, and verbs inside longer words.</summary>
public class ClaimContinuationTests
{
    [Fact]
    public void RateInBracketsAfterAValue_IsThatValuesGrowth()
    {
        var claim = ClaimProbe.Of("2023年新签订单分业务，其中住宅400亿（+56%）/商业200亿（+30%）。", "+30%");
        Assert.Equal(("商业", "新签订单", "increase"), (claim.Subject, claim.Metric, claim.Change));
    }

    [Fact]
    public void SentenceAfterASemicolon_KeepsTheMetricOfTheOneBefore() =>
        Assert.Equal("新签订单", ClaimProbe.Of("2023年新签订单分业务，其中铁路133亿（+61%）；港口300亿（+53%）。", "300亿").Metric);

    [Fact]
    public void SegmentWordAtTheStartOfTheNouns_IsTheSubject()
    {
        var claim = ClaimProbe.Of("2018年，全国煤电指数同比上涨2.9%。", "2.9%");
        Assert.Equal(("全国", "煤电指数"), (claim.Subject, claim.Metric));
    }

    [Fact]
    public void VerbCharacterThatStartsALongerWord_IsNoVerb() =>
        Assert.Null(ClaimProbe.Of("腾讯将通过定向增发进行总计约11亿美元的战略投资。", "约11亿美元").ChangeWord);

    [Fact]
    public void NamesWithAVerb_AreNoSegment() =>
        Assert.Equal("交付新车", ClaimProbe.Of("2023年6月，小鹏汽车交付新车10,707台。2023年1-6月，小鹏汽车共交付新车54,561台。", "54,561台").Metric);
}

/// <summary>Amounts restated in another unit, and subjects named earlier in the paragraph.</summary>
public class ClaimAsideTests
{
    [Fact]
    public void AmountInAnotherCurrencyInBrackets_IsNoClaim() =>
        Assert.DoesNotContain(ClaimProbe.Claims("2021年2月订单金额为1055.53亿日元（约合63.2亿人民币）。"), c => c.Value.Contains("人民币", StringComparison.Ordinal));

    [Fact]
    public void ProductNamedEarlierInTheParagraph_IsTheSubject() =>
        Assert.Equal("P7", ClaimProbe.Of("11月4日，小鹏汽车P7新增车型正式上市。新车官方指导价23.29万元。", "23.29万元").Subject);

    [Fact]
    public void SegmentBeforeTheMetric_WinsOverTheSubjectOfAnEarlierClause() =>
        Assert.Equal("全国", ClaimProbe.Of("2018年公司燃料成本提升3.8%，全国煤电指数同比上涨2.9%。", "2.9%").Subject);
}

/// <summary>Claims that continue a metric near the end of the text (a longer metric than the text left once read past its end).</summary>
public class ClaimEndOfTextTests
{
    [Fact]
    public void ContinuedMetricLongerThanTheRestOfTheText_IsRead() =>
        Assert.Equal("扣非归母净利润", ClaimProbe.Of("2023年扣非归母净利润10亿元，增20%", "20%").Metric);
}

/// <summary>A name before a value of another kind than the sentence's figures is a metric of its own.</summary>
public class ClaimSegmentKindTests
{
    [Fact]
    public void CountAfterMoney_IsNoSegmentOfTheMoneyMetric() =>
        Assert.NotEqual("营收", ClaimProbe.Of("2023年营收100亿元，员工5000人。", "5000人").Metric);
}

/// <summary>A place name right before a value names a segment like any other short name.</summary>
public class ClaimPlaceSegmentTests
{
    [Fact]
    public void PlaceRightBeforeTheValue_IsASegment() =>
        Assert.Equal(("路桥", "新签订单"), ClaimProbe.Of("2023年新签订单分业务，其中城建400亿（+56%）/路桥200亿（+30%）。", "200亿") is var c ? (c.Subject, c.Metric) : default);
}
