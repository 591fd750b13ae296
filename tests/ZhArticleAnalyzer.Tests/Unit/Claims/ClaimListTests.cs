using ZhArticleAnalyzer.Claims;

namespace ZhArticleAnalyzer.Tests.Unit.Claims;

/// <summary>Lists of values (1.25/1.39/1.52元), forecast revisions in brackets, bare growth words and signed rates.</summary>
public class ClaimListTests
{
    private const string Revised = "我们下调2024-2026年EPS至1.10（-0.05）、1.30（-0.06）、1.50（-0.07）元。";

    [Theory]
    [InlineData("1.10", "2024")]
    [InlineData("1.30", "2025")]
    [InlineData("1.50", "2026")]
    public void RevisedForecastList_OneYearPerValue_TheVerbForEach(string value, string year)
    {
        var claim = ClaimProbe.Of(Revised, value);
        Assert.Equal(("EPS", year, "decrease", "下调", ClaimType.Change), (claim.Metric, claim.Period, claim.Change, claim.ChangeWord, claim.Type));
    }

    [Fact]
    public void RevisionInBrackets_IsNoClaimOfItsOwn() =>
        Assert.DoesNotContain(ClaimProbe.Claims(Revised), c => c.Value.StartsWith('-'));

    [Fact]
    public void TwoListsUnderOneInterval_RestartTheYears() =>
        Assert.Equal("2024", ClaimProbe.Of("预计2024-2026年EPS为0.30/0.40/0.50元和0.35/0.45/0.55港币。", "0.35").Period);

    [Fact]
    public void ListAfterAVerb_SharesIt()
    {
        var claim = ClaimProbe.Of("2023年单季营收增30%/20%/10%。", "20%");
        Assert.Equal(("increase", "增", ClaimType.Growth), (claim.Change, claim.ChangeWord, claim.Type));
    }

    [Fact]
    public void BareGrowthWord_IsTheGrowthOfTheMetricBefore()
    {
        var claim = ClaimProbe.Of("维持2024-26年EPS为1.20/1.40/1.60元，增速20/17/14%。", "17");
        Assert.Equal(("EPS", "2025", "increase"), (claim.Metric, claim.Period, claim.Change));
    }

    [Fact]
    public void MetricAfterTheLastValue_NamesTheWholeList() =>
        Assert.Equal(("PE", "2025"), (ClaimProbe.Of("对应2024-26年15/12/10倍PE。", "12").Metric, ClaimProbe.Of("对应2024-26年15/12/10倍PE。", "12").Period));

    [Fact]
    public void UnsignedRateInAListOfSignedRates_IsARise() =>
        Assert.Equal("increase", ClaimProbe.Of("2023年单季净利增85%/95%（2022年同期-40%/3%）。", "3%").Change);

    [Fact]
    public void SignedRateInBrackets_IsAGrowth()
    {
        var claim = ClaimProbe.Of("前三季度营收300亿（+15%）。", "+15%");
        Assert.Equal(("营收", "increase", ClaimType.Growth), (claim.Metric, claim.Change, claim.Type));
    }

    [Fact]
    public void GrowthRateMetric_StatesARiseByItself()
    {
        var claim = ClaimProbe.Of("2023年利润增速为19%。", "19%");
        Assert.Equal(("increase", ClaimType.Growth), (claim.Change, claim.Type));
    }

    [Fact]
    public void TargetPrice_IsNoPlan() =>
        Assert.Equal(ClaimType.Level, ClaimProbe.Of("维持目标价9.50元。", "9.50元").Type);

    [Fact]
    public void ForecastInterval_DoesNotDateALoneValueOfALaterSentence() =>
        Assert.Null(ClaimProbe.Of("维持预测2024-26年EPS至1.25/1.39/1.52元。维持目标价8.95元。", "8.95元").Period);

    [Fact]
    public void FromToWithoutAVerb_TheValuesGiveTheDirection()
    {
        var claim = ClaimProbe.Of("贵州茅台股价从2600元一路到目前的1600元。", "1600元");
        Assert.Equal(("2600元", "decrease", ClaimType.Change), (claim.Previous, claim.Change, claim.Type));
    }

    [Fact]
    public void OrganisationRightBeforeTheMetric_OwnsIt() =>
        Assert.Equal("贵州茅台", ClaimProbe.Of("中信证券将贵州茅台的目标价调至3000元。", "3000元").Subject);
}
