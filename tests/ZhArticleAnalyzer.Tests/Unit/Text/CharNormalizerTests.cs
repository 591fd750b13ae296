using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Text;

public class CharNormalizerTests
{
    [Theory]
    [InlineData("２５１．３％", "251.3%")]
    [InlineData("３８，７４３辆", "38,743辆")]
    [InlineData("ＡＩ（人工智能）", "AI(人工智能)")]
    [InlineData("　　正文", "  正文")]
    [InlineData("不变的文字", "不变的文字")]
    public void CharNormalizer_MapsFullWidthFormsCharForChar(string input, string expected)
    {
        var normalized = CharNormalizer.Normalize(input);
        Assert.Equal(expected, normalized);
        Assert.Equal(input.Length, normalized.Length);
    }

    [Fact]
    public void CharNormalizer_ReturnsTheSameInstanceWhenNothingChanges()
    {
        var text = "阿里云2025年";
        Assert.Same(text, CharNormalizer.Normalize(text));
    }
}
