using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Tests.Infrastructure;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Segmentation;

public class JiebaSegmenterAdapterTests
{
    [Fact]
    public void Canary_YouXianGongSiStaysOneToken() =>
        Assert.Contains("有限公司", SharedAnalyzer.Tokens("阿里巴巴（中国）有限公司发布公告"));

    [Theory]
    [InlineData("阿里云")]
    [InlineData("通义千问")]
    [InlineData("平头哥")]
    [InlineData("火山引擎")]
    [InlineData("百度智能云")]
    [InlineData("云栖大会")]
    [InlineData("英伟达")]
    [InlineData("台积电")]
    public void BusinessDictionary_KeepsNamesWhole(string name) =>
        Assert.Contains(name, SharedAnalyzer.Tokens($"据报道，{name}的业务在2025年继续增长。"));

    [Theory]
    [InlineData("阿里云经调整EBITA利润从14.09亿元跃升至29.95亿元", "阿里云")]
    [InlineData("阿里云正将芯片制造转向国内代工厂", "阿里云")]
    public void BusinessDictionary_DoesNotGlueNamesToTheNextCharacter(string sentence, string name) =>
        Assert.Contains(name, SharedAnalyzer.Tokens(sentence));

    [Fact]
    public void Segment_TagsDictionaryWordsAndCharacterClasses()
    {
        const string text = "阿里云采用QXZ架构，收入增长12.5%";
        var tokens = SharedAnalyzer.Instance.Segmenter.Segment(text).ToDictionary(t => text.Substring(t.Span.Start, t.Span.Length), t => t.Pos);
        Assert.Equal("nt", tokens["阿里云"]);
        Assert.Equal("eng", tokens["QXZ"]);
        Assert.Equal("m", tokens["12.5%"]);
        Assert.Equal("x", tokens["，"]);
        Assert.StartsWith("v", tokens["增长"], StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_RejoinsSurrogatePairsThatJiebaSplits()
    {
        const string text = "好消息😀𠀀来了";
        var tokens = SharedAnalyzer.Tokens(text);
        Assert.Contains("😀", tokens);
        Assert.Contains("𠀀", tokens);
        Assert.Equal(text, string.Concat(tokens));
    }

    [Fact]
    public void Segment_KeepsNormalisedFullWidthNumbersWhole()
    {
        const string text = "同比增长２５１．３％";
        var tokens = SharedAnalyzer.Instance.Segmenter.Segment(CharNormalizer.Normalize(text));
        Assert.Contains("２５１．３％", tokens.Select(t => text.Substring(t.Span.Start, t.Span.Length)));
    }

    [Fact]
    public void Segment_DropsWhitespaceAndCoversEverythingElse()
    {
        const string text = "  营收 \t增长\r\n\u3000利润  ";
        var tokens = SharedAnalyzer.Instance.Segmenter.Segment(CharNormalizer.Normalize(text));
        Assert.Equal("营收增长利润", string.Concat(tokens.Select(t => text.Substring(t.Span.Start, t.Span.Length))));
        Assert.All(tokens, t => Assert.DoesNotContain(text.Substring(t.Span.Start, t.Span.Length), char.IsWhiteSpace));
    }

    [Fact]
    public void Align_TurnsSkippedCharactersIntoOneCharacterTokens()
    {
        var spans = JiebaSegmenterAdapter.Align("ab cd", ["ab", "d"]);
        Assert.Equal([new TextSpan(0, 2), new TextSpan(3, 4), new TextSpan(4, 5)], spans);
    }

    [Fact]
    public void Segment_EmptyTextGivesNoTokens() => Assert.Empty(SharedAnalyzer.Instance.Segmenter.Segment(""));

    [Fact]
    public void Segment_HonoursCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => SharedAnalyzer.Instance.Segmenter.Segment("营收增长", cancelled.Token));
    }
}
