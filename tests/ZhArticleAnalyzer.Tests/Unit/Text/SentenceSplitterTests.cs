using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Text;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("营收增长。利润下降！为什么？", new[] { "营收增长。", "利润下降！", "为什么？" })]
    [InlineData("他说：“增长很快。利润也好。”然后离开。", new[] { "他说：“增长很快。利润也好。”", "然后离开。" })]
    [InlineData("他说：“增长很快，利润也好”，然后离开。", new[] { "他说：“增长很快，利润也好”，然后离开。" })]
    [InlineData("见《报告。第二版》一书；另见附录", new[] { "见《报告。第二版》一书；", "另见附录" })]
    [InlineData("收入（同比。环比）上升。", new[] { "收入（同比。环比）上升。" })]
    [InlineData("第一行\n第二行\r\n\r\n第三行", new[] { "第一行", "第二行", "第三行" })]
    [InlineData("他说：“未闭合的引号\n下一行。", new[] { "他说：“未闭合的引号", "下一行。" })]
    [InlineData("真的吗？！好……", new[] { "真的吗？！", "好……" })]
    [InlineData("  前后空白。  ", new[] { "前后空白。" })]
    [InlineData("他说：“好。”她说：“行。”", new[] { "他说：“好。”", "她说：“行。”" })]
    [InlineData("", new string[0])]
    public void SentenceSplitter_SplitsOnTerminatorsButNotInsideQuotesOrParentheses(string text, string[] expected)
    {
        var normalized = CharNormalizer.Normalize(text);
        var sentences = SentenceSplitter.Split(normalized);
        Assert.Equal(expected, sentences.Select(s => text.Substring(s.Start, s.Length)).ToArray());
    }
}
