using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class GazetteerTests
{
    private static readonly Gazetteer Fixture = new(
    [
        .. Gazetteer.Parse(["# test fixture", "阿里巴巴\t阿里巴巴", "阿里\t阿里巴巴", "阿里巴巴集团\t阿里巴巴", "阿里云\t阿里云", "字节\t字节跳动", "英伟达\t英伟达", "NVIDIA\t英伟达", "AWS\tAWS", "华为"], EntityType.Organization),
        .. Gazetteer.Parse(["通义千问\t通义千问", "Windows\tWindows"], EntityType.Product),
        .. Gazetteer.Parse(["中国\t中国"], EntityType.Location),
    ]);

    private static List<(string Text, EntityType Type, string? Canonical)> Match(string text, params Token[] tokens)
    {
        var found = new List<EntityCandidate>();
        Fixture.Match(CharNormalizer.Normalize(text), tokens, found);
        return [.. found.Select(c => (text.Substring(c.Span.Start, c.Span.Length), c.Type, c.Canonical))];
    }

    [Theory]
    [InlineData("阿里巴巴集团发布财报", "阿里巴巴集团", "阿里巴巴")]
    [InlineData("阿里云的增长", "阿里云", "阿里云")]
    [InlineData("字节发布新模型", "字节", "字节跳动")]
    [InlineData("采购NVIDIA芯片", "NVIDIA", "英伟达")]
    [InlineData("华为手机", "华为", "华为")]
    public void Gazetteer_TakesTheLongestNameAndItsCanonical(string text, string expected, string canonical)
    {
        var match = Assert.Single(Match(text));
        Assert.Equal(expected, match.Text);
        Assert.Equal(canonical, match.Canonical);
    }

    [Theory]
    [InlineData("AWSX平台")]
    [InlineData("MyWindows10")]
    public void Gazetteer_DoesNotCutLatinWords(string text) => Assert.Empty(Match(text));

    [Fact]
    public void Gazetteer_MatchesFullWidthLatinThroughTheNormalisedText()
    {
        var match = Assert.Single(Match("ＡＷＳ的份额"));
        Assert.Equal(("ＡＷＳ", EntityType.Organization, (string?)"AWS"), match);
    }

    [Fact]
    public void Gazetteer_DropsAShortNameThatCutsThroughAToken()
    {
        // 中华为 segmented as 中华 (a plain word here) + 为: 华为 would cut through the token 中华.
        Assert.Empty(Match("中华为", new Token(new TextSpan(0, 2), "n"), new Token(new TextSpan(2, 3), "p")));
        Assert.Single(Match("华为手机", new Token(new TextSpan(0, 2), "nt"), new Token(new TextSpan(2, 4), "n")));
    }

    [Fact]
    public void Gazetteer_ParsesNameAndCanonicalColumns()
    {
        var entries = Gazetteer.Parse(["# header", "字节\t字节跳动", "华为"], EntityType.Organization).ToList();
        Assert.Equal([new GazetteerEntry("字节", "字节跳动", EntityType.Organization), new GazetteerEntry("华为", "华为", EntityType.Organization)], entries);
    }
}
