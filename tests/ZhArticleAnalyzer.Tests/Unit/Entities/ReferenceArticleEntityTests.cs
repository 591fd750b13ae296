using System.Text.Json;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

/// <summary>
/// The reference article against the hand-written entity list in DevSet/articles/alibaba-cloud.json:
/// span, type and canonical name of every mention, none missed and none extra.
/// </summary>
public class ReferenceArticleEntityTests
{
    private static readonly string GoldPath = RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "DevSet", "articles", "alibaba-cloud.json");

    [Fact]
    public void ReferenceArticle_EntitiesMatchTheHandWrittenList()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(GoldPath));
        var text = gold.RootElement.GetProperty("text").GetString()!;
        var expected = gold.RootElement.GetProperty("entities").EnumerateArray()
            .Select(e => (e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), e.GetProperty("type").GetString()!, e.GetProperty("canonical").GetString()!))
            .ToList();
        var actual = SharedAnalyzer.Instance.Analyze(text).Entities
            .Select(e => (e.Span.Start, e.Span.End, e.Type.ToString(), e.Canonical))
            .ToHashSet();
        var missed = expected.Where(e => !actual.Contains(e)).ToList();
        var extra = actual.Where(a => !expected.Contains(a)).ToList();
        var report = "missed: " + string.Join(", ", missed.Select(m => $"{text[m.Item1..m.Item2]}@{m.Item1}/{m.Item3}/{m.Item4}"))
            + "; extra: " + string.Join(", ", extra.Select(m => $"{text[m.Item1..m.Item2]}@{m.Item1}/{m.Item3}/{m.Item4}"));
        Assert.True(missed.Count == 0 && extra.Count == 0, report);
    }
}
