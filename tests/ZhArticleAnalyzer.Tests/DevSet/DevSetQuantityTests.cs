using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;
using ZhArticleAnalyzer.Cli.Evaluation;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.DevSet;

/// <summary>
/// The hand-annotated dev set (DevSet/articles, GUIDELINES.md): quantity F1 (span + value + unit)
/// and time F1 (span + value) must stay at or above the figures measured on the 28 articles
/// (quantities 0.9599, times 0.9712; on the first 20 they were 0.9843 and 0.9842, the 8 random articles added on
/// 2026-11-29 score 0.891 and 0.885 alone), and the reference article must come out exactly.
/// </summary>
public sealed class DevSetQuantityTests(ITestOutputHelper output)
{
    private const double QuantityF1Floor = 0.973;
    private const double TimeF1Floor = 0.983;

    private static string Folder => RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "DevSet", "articles");

    [Fact]
    public void Dev_set_F1_stays_at_the_measured_figures()
    {
        var scores = DevSetArticle.LoadFolder(Folder).Select(a => QuantityScorer.Score(SharedAnalyzer.Instance, a)).ToList();
        Assert.Equal(28, scores.Count);
        var quantities = scores.Aggregate(new PrfScore(0, 0, 0), (sum, s) => sum + s.Quantities);
        var times = scores.Aggregate(new PrfScore(0, 0, 0), (sum, s) => sum + s.Times);
        foreach (var s in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Id}: quantities F1 {s.Quantities.F1:F4}, times F1 {s.Times.F1:F4}"));
            foreach (var line in s.Missed.Concat(s.Spurious))
            {
                output.WriteLine("  " + line);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall: quantities P {quantities.Precision:F4} R {quantities.Recall:F4} F1 {quantities.F1:F4}; times P {times.Precision:F4} R {times.Recall:F4} F1 {times.F1:F4}"));
        Assert.True(quantities.F1 >= QuantityF1Floor, $"quantity F1 {quantities.F1:F4} fell below {QuantityF1Floor}");
        Assert.True(times.F1 >= TimeF1Floor, $"time F1 {times.F1:F4} fell below {TimeF1Floor}");
    }

    /// <summary>Every quantity and time of the reference article, field by field (counted nouns aside).</summary>
    [Fact]
    public void Reference_article_quantities_and_times_are_exact()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "alibaba-cloud.json")));
        var root = gold.RootElement;
        var text = root.GetProperty("text").GetString()!;
        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text, new ArticleInfo("alibaba-cloud")), includeTokens: false);

        var expectedQuantities = root.GetProperty("quantities").EnumerateArray().Select(QuantityLine).ToList();
        var actualQuantities = record.Quantities!.Select(q => Line(q.Text, q.Start, q.End, q.Kind, q.Value, q.Min, q.Max, q.Unit, q.Approximate == true, q.Qualifier)).ToList();
        Assert.Equal(expectedQuantities, actualQuantities);

        var expectedTimes = root.GetProperty("times").EnumerateArray()
            .Select(t => $"{t.GetProperty("text").GetString()} {t.GetProperty("start").GetInt32()}-{t.GetProperty("end").GetInt32()} {(t.TryGetProperty("value", out var v) ? v.GetString() : "null")}").ToList();
        var actualTimes = record.Times!.Select(t => $"{t.Text} {t.Start}-{t.End} {t.Value ?? "null"}").ToList();
        Assert.Equal(expectedTimes, actualTimes);
    }

    private static string QuantityLine(JsonElement q) => Line(
        q.GetProperty("text").GetString()!,
        q.GetProperty("start").GetInt32(),
        q.GetProperty("end").GetInt32(),
        q.GetProperty("kind").GetString()!,
        q.TryGetProperty("value", out var v) ? v.GetDecimal() : null,
        q.TryGetProperty("min", out var min) ? min.GetDecimal() : null,
        q.TryGetProperty("max", out var max) ? max.GetDecimal() : null,
        q.TryGetProperty("unit", out var u) ? u.GetString() : null,
        q.TryGetProperty("approximate", out var a) && a.GetBoolean(),
        q.TryGetProperty("qualifier", out var ql) ? ql.GetString() : null);

    private static string Line(string text, int start, int end, string kind, decimal? value, decimal? min, decimal? max, string? unit, bool approximate, string? qualifier) =>
        string.Create(CultureInfo.InvariantCulture, $"{text} {start}-{end} {kind} v={Canonical(value)} min={Canonical(min)} max={Canonical(max)} unit={unit} approx={approximate} q={qualifier}");

    private static string? Canonical(decimal? d) => d is { } x ? ArticleRecordMapper.Canonical(x).ToString(CultureInfo.InvariantCulture) : null;
}
