using System.Text.Json;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Properties;

public class ConcurrencyTests
{
    [Fact]
    public void Analyze_GivesTheSameRecordsOnManyThreadsAsSequentially()
    {
        var texts = File.ReadLines(RepoPaths.Shared("corpus", "business-news.jsonl"))
            .Take(60)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToArray();
        string Record(string text) => ArticleRecordJson.Serialize(ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text)), indented: false);

        var sequential = texts.Select(Record).ToArray();
        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length * 3, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i % texts.Length] = Record(texts[i % texts.Length]));
        Assert.Equal(sequential, parallel);
    }
}
