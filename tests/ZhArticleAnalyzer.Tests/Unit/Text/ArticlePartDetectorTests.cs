using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Text;

public class ArticlePartDetectorTests
{
    private static (string? Title, string? Abstract, string Body, string? Source) Parts(string text)
    {
        var parts = ArticlePartDetector.Detect(CharNormalizer.Normalize(text));
        string? Slice(TextSpan? span) => span is { } s ? text.Substring(s.Start, s.Length) : null;
        return (Slice(parts.Title), Slice(parts.Abstract), text.Substring(parts.Body.Start, parts.Body.Length), Slice(parts.Source));
    }

    [Fact]
    public void ArticlePartDetector_FindsAbstractAndSourceLabels()
    {
        var parts = Parts("摘要：阿里云增长强劲\n正文第一段。\n正文第二段。\n来源：科技指南");
        Assert.Null(parts.Title);
        Assert.Equal("阿里云增长强劲", parts.Abstract);
        Assert.Equal("正文第一段。\n正文第二段。", parts.Body);
        Assert.Equal("科技指南", parts.Source);
    }

    [Fact]
    public void ArticlePartDetector_TakesAShortFirstLineAsTitle()
    {
        var parts = Parts("阿里云营收增长，利润翻倍\n阿里云今日发布财报。营收增长26%。");
        Assert.Equal("阿里云营收增长，利润翻倍", parts.Title);
        Assert.Null(parts.Abstract);
        Assert.Equal("阿里云今日发布财报。营收增长26%。", parts.Body);
        Assert.Null(parts.Source);
    }

    [Theory]
    [InlineData("只有一行，没有标题。")]
    [InlineData("第一句话结束。\n第二行。")]
    [InlineData("以冒号结尾的引导语：\n正文。")]
    public void ArticlePartDetector_DoesNotInventTitles(string text) => Assert.Null(Parts(text).Title);

    [Fact]
    public void ArticlePartDetector_AcceptsAsciiColonAndTitleBeforeAbstract()
    {
        var parts = Parts("标题在这里\n摘要: 简短摘要\n正文。\n来源: 新华社");
        Assert.Equal("标题在这里", parts.Title);
        Assert.Equal("简短摘要", parts.Abstract);
        Assert.Equal("正文。", parts.Body);
        Assert.Equal("新华社", parts.Source);
    }

    [Fact]
    public void ArticlePartDetector_HandlesEmptyText() => Assert.Equal(ArticleParts.Empty, ArticlePartDetector.Detect(""));
}
