using System.Globalization;
using System.Text.Json;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Specs;

/// <summary>
/// Spec rows in Specs/Numbers/quantities.json and Specs/Times/times.json: one input a row with the
/// complete expected list. The runner first checks that input[start..end] is the expected text.
/// </summary>
public class NumberTimeSpecTests
{
    public static TheoryData<int> QuantityRows => Rows("Numbers", "quantities.json");

    public static TheoryData<int> TimeRows => Rows("Times", "times.json");

    [Theory]
    [MemberData(nameof(QuantityRows))]
    public void Quantities_as_specified(int row)
    {
        var spec = Load("Numbers", "quantities.json")[row];
        var input = spec.GetProperty("input").GetString()!;
        var expected = spec.GetProperty("quantities").EnumerateArray().ToList();
        foreach (var item in expected)
        {
            Assert.Equal(item.GetProperty("text").GetString(), Slice(input, item));
        }

        var record = ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(input), includeTokens: false);
        var actual = record.Quantities!;
        Assert.True(expected.Count == actual.Count, $"{input}: expected {expected.Count} quantities, got {actual.Count}: {string.Join(" | ", actual.Select(q => q.Text))}");
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            var where = $"{input} #{i} ({a.Text})";
            Assert.True(e.GetProperty("start").GetInt32() == a.Start && e.GetProperty("end").GetInt32() == a.End, $"{where}: span {a.Start}-{a.End}");
            Assert.True(e.GetProperty("kind").GetString() == a.Kind, $"{where}: kind {a.Kind}");
            Assert.True(Decimal(e, "value") == a.Value, $"{where}: value {a.Value}");
            Assert.True(Decimal(e, "min") == a.Min, $"{where}: min {a.Min}");
            Assert.True(Decimal(e, "max") == a.Max, $"{where}: max {a.Max}");
            Assert.True(String(e, "unit") == a.Unit, $"{where}: unit {a.Unit}");
            Assert.True((e.TryGetProperty("approximate", out var approx) && approx.GetBoolean()) == (a.Approximate == true), $"{where}: approximate {a.Approximate}");
            Assert.True(String(e, "qualifier") == a.Qualifier, $"{where}: qualifier {a.Qualifier}");
        }
    }

    [Theory]
    [MemberData(nameof(TimeRows))]
    public void Times_as_specified(int row)
    {
        var spec = Load("Times", "times.json")[row];
        var input = spec.GetProperty("input").GetString()!;
        var anchor = spec.TryGetProperty("anchor", out var a) ? DateOnly.Parse(a.GetString()!, CultureInfo.InvariantCulture) : (DateOnly?)null;
        var expected = spec.GetProperty("times").EnumerateArray().ToList();
        foreach (var item in expected)
        {
            Assert.Equal(item.GetProperty("text").GetString(), Slice(input, item));
        }

        var document = SharedAnalyzer.Instance.Analyze(input, new ArticleInfo(PublishedOn: anchor));
        var actual = document.Times;
        Assert.True(expected.Count == actual.Length, $"{input}: expected {expected.Count} times, got {string.Join(" | ", actual.Select(t => document.GetText(t.Span)))}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("start").GetInt32(), actual[i].Span.Start);
            Assert.Equal(expected[i].GetProperty("end").GetInt32(), actual[i].Span.End);
            Assert.Equal(String(expected[i], "value"), actual[i].Value);
        }

        // No quantity may overlap a time.
        Assert.All(document.Quantities, q => Assert.DoesNotContain(actual, t => t.Span.Overlaps(q.Span)));
    }

    [Fact]
    public void The_anchor_date_option_resolves_relative_times_and_the_published_date_wins()
    {
        var analyzer = new ArticleAnalyzer(new ZhArticleAnalyzerOptions { AnchorDate = new DateOnly(2025, 8, 29) }, SharedAnalyzer.Instance.Segmenter);
        Assert.Equal("2024", analyzer.Analyze("去年营收增长。").Times.Single().Value);
        Assert.Equal("2020", analyzer.Analyze("去年营收增长。", new ArticleInfo(PublishedOn: new DateOnly(2021, 1, 1))).Times.Single().Value);
        Assert.Null(SharedAnalyzer.Instance.Analyze("去年营收增长。").Times.Single().Value);
    }

    [Fact]
    public void Quantities_and_times_never_overlap_on_the_dev_set()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "DevSet", "articles"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var document = SharedAnalyzer.Instance.Analyze(json.RootElement.GetProperty("text").GetString()!);
            Assert.All(document.Quantities, q => Assert.DoesNotContain(document.Times, t => t.Span.Overlaps(q.Span)));
        }
    }

    private static TheoryData<int> Rows(string folder, string file)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Load(folder, file).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static List<JsonElement> Load(string folder, string file) =>
        [.. JsonDocument.Parse(File.ReadAllText(RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "Specs", folder, file))).RootElement.EnumerateArray()];

    private static string Slice(string input, JsonElement item)
    {
        var start = item.GetProperty("start").GetInt32();
        var end = item.GetProperty("end").GetInt32();
        return input[start..end];
    }

    private static decimal? Decimal(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetDecimal() : null;

    private static string? String(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
