using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class ParentheticalLinkerTests
{
    [Theory]
    [InlineData("东方红利ETF联接(QDII)今日开放申购", "东方红利ETF联接", false)]
    [InlineData("标普红利指数(LOF)分红", "标普红利指数", false)]
    [InlineData("韩国机床工业协会(KMTBA)发布数据", "韩国机床工业协会", true)]
    public void Linker_AcceptsAbbreviationsButNoCategories(string text, string name, bool aliasExpected)
    {
        var mention = new EntityCandidate(new TextSpan(0, name.Length), EntityType.Organization, null, 0.8, EntitySource.Pattern);
        var (mentions, links) = ParentheticalLinker.Apply(text, [mention]);
        Assert.Equal(aliasExpected, links.Count == 1);
        Assert.Equal(aliasExpected ? 2 : 1, mentions.Count);
    }
}
