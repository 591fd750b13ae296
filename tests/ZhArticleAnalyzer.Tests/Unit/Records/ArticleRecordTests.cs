using System.Text.Json;
using Json.Schema;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Records;

public class ArticleRecordTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoPaths.Repo("docs", "article-record.schema.json"))));

    internal static void AssertMatchesSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "record breaks the schema: " + JsonSerializer.Serialize(result));
    }

    [Fact]
    public void Record_OfTheReferenceArticleMatchesThePublishedSchema()
    {
        var text = RepoPaths.ReadText(RepoPaths.Repo("samples", "articles", "alibaba-cloud.txt"));
        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text, new ArticleInfo("alibaba-cloud")));
        AssertMatchesSchema(ArticleRecordJson.Serialize(record));
    }

    [Fact]
    public void Schema_RejectsARecordThatBreaksTheContract()
    {
        using var document = JsonDocument.Parse("""{"schemaVersion":"1.0","offsetUnit":"utf16","id":"x","length":1,"tokens":[{"text":"a","start":0,"end":1}]}""");
        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Record_UsesCamelCaseOmitsNullsAndKeepsChineseReadable()
    {
        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze("阿里云增长。"));
        var json = ArticleRecordJson.Serialize(record, indented: false);
        Assert.StartsWith("""{"schemaVersion":"1.0","offsetUnit":"utf16","id":""", json, StringComparison.Ordinal);
        Assert.Contains("阿里云", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_LeavesOutListsOfLayersNoStageProduced()
    {
        var withoutEntities = new ArticleAnalyzer(new ZhArticleAnalyzerOptions { RecognizeEntities = false }, SharedAnalyzer.Instance.Segmenter);
        var json = ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(withoutEntities.Analyze("营收增长。")));
        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("sentences", names);
        Assert.Contains("tokens", names);
        Assert.Contains("keywords", names);
        Assert.Contains("quantities", names);
        Assert.DoesNotContain("entities", names);
        Assert.DoesNotContain("claims", names);
    }

    [Fact]
    public void Record_WithoutTheClaimStage_KeepsEntitiesAndLeavesOutClaims()
    {
        var withoutClaims = new ArticleAnalyzer(new ZhArticleAnalyzerOptions { ExtractClaims = false }, SharedAnalyzer.Instance.Segmenter);
        Assert.DoesNotContain(withoutClaims.Stages, s => s.Name == "claims");
        var json = ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(withoutClaims.Analyze("阿里巴巴营收增长10%。")));
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("entities").GetArrayLength() > 0);
        Assert.False(document.RootElement.TryGetProperty("claims", out _));
    }

    [Fact]
    public void Record_CanLeaveOutTokensAndRoundTrips()
    {
        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze("营收增长。", new ArticleInfo("id-1")), includeTokens: false);
        Assert.Null(record.Tokens);
        var back = ArticleRecordJson.Deserialize(ArticleRecordJson.Serialize(record));
        Assert.NotNull(back);
        Assert.Equal("id-1", back.Id);
        Assert.Equal(record.Sentences, back.Sentences);
    }

    [Fact]
    public void StableId_IsAHashOfTheText()
    {
        Assert.Equal(ArticleRecordMapper.StableId("同一篇文章"), ArticleRecordMapper.StableId("同一篇文章"));
        Assert.NotEqual(ArticleRecordMapper.StableId("同一篇文章"), ArticleRecordMapper.StableId("另一篇文章"));
        Assert.Matches("^[0-9a-f]{16}$", ArticleRecordMapper.StableId(""));
    }

    [Theory]
    [InlineData("1409000000.00", "1409000000")]
    [InlineData("49.20", "49.2")]
    [InlineData("0.0", "0")]
    public void Canonical_DropsTrailingZeros(string input, string expected) =>
        Assert.Equal(expected, ArticleRecordMapper.Canonical(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
