using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Golden;

/// <summary>
/// The reference article: the whole record compared exactly with the reviewed golden file, plus
/// sentences and tokens written down by hand, so a wrong golden file cannot pass unnoticed.
/// Set ZHAA_UPDATE_GOLDEN=1 to rewrite the golden file, then review its diff.
/// </summary>
public class ReferenceArticleGoldenTests
{
    private static readonly string ArticlePath = RepoPaths.Repo("samples", "articles", "alibaba-cloud.txt");
    private static readonly string ExpectedPath = RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "Golden", "reference-article.expected.json");

    private static AnalyzedDocument Analyze() => SharedAnalyzer.Instance.Analyze(RepoPaths.ReadText(ArticlePath), new ArticleInfo("alibaba-cloud"));

    private static string Text(AnalyzedDocument document, Sentence sentence) => document.GetText(sentence.Span);

    [Fact]
    public void ReferenceArticle_MatchesTheGoldenRecord()
    {
        var actual = ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(Analyze())) + "\n";
        if (Environment.GetEnvironmentVariable("ZHAA_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(ExpectedPath, actual);
        }

        var expected = RepoPaths.ReadText(ExpectedPath);
        if (expected != actual)
        {
            File.WriteAllText(Path.ChangeExtension(ExpectedPath, null).Replace(".expected", ".actual", StringComparison.Ordinal) + ".json", actual);
            Assert.Fail($"the record differs from {ExpectedPath}; see the .actual.json beside it (ZHAA_UPDATE_GOLDEN=1 rewrites it for review).");
        }
    }

    [Fact]
    public void ReferenceArticle_SentencesAsReadByHand()
    {
        var document = Analyze();
        var sentences = document.Sentences.Select(s => Text(document, s)).ToList();
        Assert.Equal(56, sentences.Count);
        Assert.StartsWith("摘要:当阿里云2025年二季度财报上", sentences[0], StringComparison.Ordinal);
        Assert.EndsWith("的“增长引擎”?", sentences[0], StringComparison.Ordinal);
        Assert.Equal("更让人意外的是,带领这场逆袭的吴泳铭,两年间鲜少公开露面,却用一场", sentences[1]);
        Assert.Equal("2023年的阿里云,正经历一场“中年危机”。", sentences[5]);
        Assert.Equal("吴泳铭接手后的第一个动作,不是“止血”,而是“换引擎”。", sentences[8]);
        Assert.Equal("他在内部会议上提出:“云服务的本质是‘算力的民主化’,但AI时代,这个定义要升级为‘智能的民主化’。”", sentences[9]);
        Assert.Equal("这句话背后,是一场从“卖算力”到“卖智能”的战略大转移。", sentences[10]);
        Assert.Equal("在IaaS层,阿里云全球29个地域的89个可用区,2025年新增8个数据中心,构建起“算力护城河”;", sentences[12]);
        Assert.Equal("来源:科技指南", sentences[^1]);
    }

    [Theory]
    [InlineData("阿里云|2025|年|二季度|财报")]
    [InlineData("阿里云|经调整EBITA利润|从|14.09|亿元|跃升|至|29.95|亿元")]
    [InlineData("百炼|平台|集成|通义千问|、|DeepSeek")]
    [InlineData("平头哥|的|PPU|AI|芯片|登上|《|新闻联播|》")]
    [InlineData("字节|火山引擎|靠|囤积|的|英伟达|GPU")]
    [InlineData("吴泳铭|在|2025|年|云栖大会|上")]
    [InlineData("两大|业务|引擎|重新|咬合|,|市值|重回")]
    public void ReferenceArticle_TokensAsReadByHand(string expected)
    {
        var document = Analyze();
        var tokens = document.Tokens.Select(t => document.GetText(t.Span)).ToList();
        var words = expected.Split('|');
        var found = Enumerable.Range(0, tokens.Count - words.Length + 1).Any(i => tokens.Skip(i).Take(words.Length).SequenceEqual(words));
        Assert.True(found, $"token sequence {expected} not found");
    }

    [Fact]
    public void ReferenceArticle_PartsAndTags()
    {
        var document = Analyze();
        Assert.Null(document.Parts.Title);
        Assert.Equal("科技指南", document.GetText(document.Parts.Source!.Value));
        Assert.StartsWith("当阿里云", document.GetText(document.Parts.Abstract!.Value), StringComparison.Ordinal);
        string Pos(string word) => document.Tokens.First(t => document.GetText(t.Span) == word).Pos;
        Assert.Equal("nt", Pos("阿里云"));
        Assert.Equal("nr", Pos("吴泳铭"));
        Assert.Equal("nz", Pos("通义千问"));
        Assert.Equal("ns", Pos("东南亚"));
        DocumentInvariants.AssertHold(document);
    }
}
