using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class OrdinaryWordsTests
{
    [Theory]
    [InlineData("上市")]
    [InlineData("顾客")]
    [InlineData("同比增加")]
    public void OrdinaryWords_ListsWordsJiebaTagsAsNames(string word) => Assert.True(OrdinaryWords.Shipped.Contains(word));

    [Fact]
    public void OrdinaryWords_HoldNoGazetteerName()
    {
        var listed = File.ReadLines(Infrastructure.RepoPaths.Repo("dictionaries", "terms", "not-names.tsv")).Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.NotEmpty(listed);
        Assert.DoesNotContain(listed, word => Gazetteer.Shipped.TryGet(word, out _));
    }
}
