using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Keywords;

public class TfIdfKeywordExtractorTests
{
    [Fact]
    public void Keywords_AreWeightedZeroToOneHeaviestFirstWithoutStopWordsOrNumbers()
    {
        var document = SharedAnalyzer.Instance.Analyze("阿里云发布财报。阿里云的云计算收入增长。云计算市场竞争激烈，阿里云份额领先。2025年增长12%。");
        var keywords = document.Keywords;
        Assert.NotEmpty(keywords);
        Assert.Equal(1.0, keywords[0].Weight);
        Assert.Equal("阿里云", keywords[0].Text);
        Assert.All(keywords, k => Assert.InRange(k.Weight, 0, 1));
        Assert.Equal(keywords.OrderByDescending(k => k.Weight).Select(k => k.Text), keywords.Select(k => k.Text));
        Assert.DoesNotContain(keywords, k => k.Text is "的" or "2025" or "12%");
    }

    [Fact]
    public void Keywords_EmptyForTextWithoutCandidates() => Assert.Empty(SharedAnalyzer.Instance.Analyze("。，！ 123").Keywords);
}
