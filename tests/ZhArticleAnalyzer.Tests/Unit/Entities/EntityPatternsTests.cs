using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Tests.Infrastructure;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class EntityPatternsTests
{
    private static List<(string Text, EntityType Type)> Match(string text)
    {
        var normalized = CharNormalizer.Normalize(text);
        var tokens = SharedAnalyzer.Instance.Segmenter.Segment(normalized).Select(t => new Token(t.Span, t.Pos)).ToArray();
        var found = new List<EntityCandidate>();
        EntityPatterns.Match(normalized, tokens, ArticleParts.Empty, found);
        return [.. found.Select(c => (text.Substring(c.Span.Start, c.Span.Length), c.Type))];
    }

    [Theory]
    [InlineData("平头哥的芯片登上《新闻联播》。", "新闻联播")]
    [InlineData("印发《关于支持本市燃料电池汽车产业发展若干政策》的通知", "关于支持本市燃料电池汽车产业发展若干政策")]
    public void Patterns_TitleInBracketsIsAWork(string text, string expected) =>
        Assert.Contains((expected, EntityType.Work), Match(text));

    [Theory]
    [InlineData("公司拟收购 Fast Flow Limited 的全部股权", "Fast Flow Limited")]
    [InlineData("来自CYVN Holdings L.L.C.的投资", "CYVN Holdings L.L.C.")]
    public void Patterns_LatinCompanyWithLegalSuffix(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("该公司为阿布扎比政府持有多数股权", "阿布扎比政府")]
    public void Patterns_NameWithOrganisationSuffix(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("大众发布了车型ID.5，定位纯电", "ID.5")]
    [InlineData("蔚来近期推出全新ES6车型", "ES6")]
    [InlineData("6月推出新一代无人车Apollo Moon，成本更低", "Apollo Moon")]
    [InlineData("新车型将采用百度AVP产品", "AVP")]
    [InlineData("后脚又推出ET5旅行版车型", "ET5旅行版")]
    public void Patterns_ModelNameNextToAProductCue(string text, string expected) =>
        Assert.Contains((expected, EntityType.Product), Match(text));

    [Theory]
    [InlineData("平头哥的PPU AI芯片登上新闻")]
    [InlineData("大众正式发布ID家族中的第四款车")]
    [InlineData("在宏光MINI EV这款车型上也有供应")]
    public void Patterns_ShortLatinWordsNextToACueAreNoProducts(string text) =>
        Assert.DoesNotContain(Match(text), m => m.Type == EntityType.Product);

    [Theory]
    [InlineData("合肥市国资委将股权无偿划转给安徽省财政厅", "合肥市国资委")]
    [InlineData("合肥市国资委将股权无偿划转给安徽省财政厅", "安徽省财政厅")]
    [InlineData("上海市发展改革委印发通知", "上海市发展改革委")]
    [InlineData("安徽证监局发文", "安徽证监局")]
    [InlineData("深圳市市场监管局表示", "深圳市市场监管局")]
    [InlineData("股权划转给省财政厅", "省财政厅")]
    public void Patterns_PlaceAndGovernmentDepartment(string text, string expected) =>
        Assert.Contains((expected, EntityType.Organization), Match(text));

    [Theory]
    [InlineData("该市财政局长出席")]
    [InlineData("2021H1公司实现营收10亿元")]
    [InlineData("2021Q2单季公司净利润增长")]
    public void Patterns_NoOrganisation(string text) =>
        Assert.DoesNotContain(Match(text), m => m.Type == EntityType.Organization);

    [Theory]
    [InlineData("该公司表示将继续投入")]
    [InlineData("上市公司的数量增加")]
    [InlineData("中国科技企业在AI时代")]
    public void Patterns_GenericHeadsAreNoNames(string text) =>
        Assert.DoesNotContain(Match(text), m => m.Type == EntityType.Organization);

    [Fact]
    public void Patterns_SourceLineNamesThePublisher()
    {
        const string text = "正文。\n来源:科技指南";
        var parts = new ArticleParts(null, null, new TextSpan(0, 3), new TextSpan(7, 11));
        var found = new List<EntityCandidate>();
        EntityPatterns.Match(text, [], parts, found);
        Assert.Contains(found, c => c.Span == new TextSpan(7, 11) && c.Type == EntityType.Organization);
    }

    [Fact]
    public void Patterns_IndexAfterAKnownOrganisationIsAProduct()
    {
        const string text = "纳斯达克综合指数上涨";
        var org = new EntityCandidate(new TextSpan(0, 4), EntityType.Organization, "纳斯达克", 0.95, EntitySource.Gazetteer);
        var names = new List<EntityCandidate>();
        EntityPatterns.IndexNames(text, [org], names);
        var found = Assert.Single(names);
        Assert.Equal((new TextSpan(0, 8), EntityType.Product), (found.Span, found.Type));
    }
}
