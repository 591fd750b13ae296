using System.Net;
using System.Text.RegularExpressions;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Records;
using ZhArticleAnalyzer.Tests.Infrastructure;

namespace ZhArticleAnalyzer.Tests.Cli;

/// <summary><c>analyze --format html</c>: the page's structure, escaping and offsets (the browser test is <see cref="HtmlChromiumTests"/>).</summary>
public sealed partial class HtmlFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zhaa-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<article id=\"text\"[^>]*>(.*)</article>", RegexOptions.Singleline)]
    private static partial Regex ArticleElement();

    [GeneratedRegex("<mark id=\"([^\"]+)\" class=\"([^\"]+)\" data-label=\"[^\"]*\" title=\"([^\"]*)\">")]
    private static partial Regex Mark();

    /// <summary>The text the page shows in its article element: tags dropped, entities decoded.</summary>
    internal static string ShownText(string html) => WebUtility.HtmlDecode(Tag().Replace(ArticleElement().Match(html).Groups[1].Value, ""));

    internal static (ArticleRecord Record, string Text) ReferenceRecord()
    {
        var text = RepoPaths.ReadText(RepoPaths.Repo("samples", "articles", "alibaba-cloud.txt"));
        return (ArticleRecordMapper.ToRecord(SharedAnalyzer.Instance.Analyze(text, new ArticleInfo("alibaba-cloud"))), text);
    }

    [Fact]
    public async Task Html_PrintsOneSelfContainedPageWithEveryHighlightAndTheClaimsTable()
    {
        var (exit, html, error) = await CliRunner.RunAsync(["analyze", RepoPaths.Repo("samples", "articles", "alibaba-cloud.txt"), "--format", "html"]);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var (record, text) = ReferenceRecord();

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        foreach (var external in new[] { "http:", "https:", "src=", "<link", "<script", "@import", "url(" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        // The text is shown whole, in order, with every entity, quantity and time highlighted by type.
        Assert.Equal(text, ShownText(html));
        var marks = Mark().Matches(html).Select(m => (Id: m.Groups[1].Value, Classes: m.Groups[2].Value, Title: WebUtility.HtmlDecode(m.Groups[3].Value))).ToList();
        var expectedIds = record.Entities!.Select(e => e.Id).Concat(record.Quantities!.Select(q => q.Id)).Concat(record.Times!.Select(t => t.Id)).ToHashSet();
        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), marks.Select(m => m.Id).Order(StringComparer.Ordinal));
        var byId = marks.ToDictionary(m => m.Id);
        foreach (var e in record.Entities!)
        {
            Assert.Equal("ent ent-" + e.Type.ToLowerInvariant(), byId[e.Id].Classes);
            Assert.Equal($"{e.Type} · {e.Canonical}", byId[e.Id].Title);
        }

        foreach (var q in record.Quantities!)
        {
            Assert.Equal("qty qty-" + q.Kind.ToLowerInvariant(), byId[q.Id].Classes);
            Assert.StartsWith(q.Kind + " · ", byId[q.Id].Title, StringComparison.Ordinal);
            if (q.Value is { } value)
            {
                Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), byId[q.Id].Title, StringComparison.Ordinal);
            }

            if (q.Unit is { } unit)
            {
                Assert.Contains(" " + unit, byId[q.Id].Title, StringComparison.Ordinal);
            }
        }

        foreach (var t in record.Times!)
        {
            Assert.Equal("time", byId[t.Id].Classes);
            Assert.Equal("Time · " + (t.Value ?? "no normalised value"), byId[t.Id].Title);
        }

        // 三位数 is a magnitude whose hover shows its range; 2025年二季度 a quarter.
        Assert.Contains(marks, m => m.Title == "Magnitude · 3 (100–999) %");
        Assert.Contains(marks, m => m.Title == "Time · 2025-Q2");

        // The claims table: one row per claim, its value resolved to the quantity's text.
        Assert.Contains($"<h2>Claims ({record.Claims!.Count})</h2>", html, StringComparison.Ordinal);
        Assert.Equal(record.Claims!.Count, Regex.Matches(html, "<tr id=\"c[0-9]+\">").Count);
        var firstClaim = record.Claims![0];
        var firstValue = record.Quantities!.Single(q => q.Id == firstClaim.Value);
        Assert.Contains($"<a href=\"#{firstValue.Id}\">{WebUtility.HtmlEncode(firstValue.Text)}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EscapesTextAndNestsHighlights()
    {
        const string Text = "<b>阿里云&\"腾讯'</b>\n营收100亿元。\u0001";
        var record = new ArticleRecord
        {
            Id = "x<y>",
            Title = "a & b",
            Length = Text.Length,
            Entities = [new EntityRecord("e1", "阿里云", 3, 6, 0, "Organization", "阿里<云>", 0.9), new EntityRecord("e2", "腾讯", 8, 10, 0, "Organization", "腾讯", 0.9)],
            Quantities = [new QuantityRecord { Id = "q1", Text = "100亿元", Start = 18, End = 23, Sentence = 1, Kind = "Money", Value = 10_000_000_000m, Unit = "CNY" }],

            // A time that only partly overlaps the quantity cannot be nested; it is left out of the page.
            Times = [new TimeRecord("t1", "亿元。", 21, 24, 1, null), new TimeRecord("t2", "亿", 21, 22, 1, "nested")],
            Claims = [new ClaimRecord { Id = "c1", Sentence = 1, Start = 16, End = 24, Subject = "e1", Metric = "营收<", Value = "q1", ClaimType = "Level" }],
        };
        var html = HtmlView.Render(Text, record);

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<title>a &amp; b · ZhArticleAnalyzer</title>", html, StringComparison.Ordinal);
        Assert.Contains("title=\"Organization · 阿里&lt;云&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("title=\"Money · 10000000000 CNY\"", html, StringComparison.Ordinal);

        // The nested time sits inside the quantity's mark; the partly overlapping one is dropped.
        Assert.Contains("<mark id=\"q1\" class=\"qty qty-money\" data-label=\"MONEY\" title=\"Money · 10000000000 CNY\">100<mark id=\"t2\" class=\"time\" data-label=\"TIME\" title=\"Time · nested\">亿</mark>元</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"t1\"", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Matches(html, "<mark[ >]").Count, Regex.Matches(html, "</mark>").Count);

        // The text survives escaping (the control character becomes U+FFFD).
        Assert.Equal(Text.Replace('\u0001', '\uFFFD'), ShownText(html));
        Assert.Contains("<td><a href=\"#e1\">阿里云</a></td><td>营收&lt;</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_WritesOnePagePerFileIntoTheOutputFolder()
    {
        var a = Path.Combine(_folder, "first.txt");
        var b = Path.Combine(_folder, "second.txt");
        await File.WriteAllTextAsync(a, "阿里云2025年营收增长26%。");
        await File.WriteAllTextAsync(b, "腾讯利润达到100亿元。");
        var outDir = Path.Combine(_folder, "out");
        var (exit, output, _) = await CliRunner.RunAsync(["analyze", a, b, "--format", "html", "--out", outDir]);
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Equal(["first.html", "second.html"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        Assert.Equal("腾讯利润达到100亿元。", ShownText(await File.ReadAllTextAsync(Path.Combine(outDir, "second.html"))));

        var (usage, _, error) = await CliRunner.RunAsync(["analyze", a, b, "--format", "html"]);
        Assert.Equal(2, usage);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_PrintsOneCompactRecordPerLineOrWritesRecordsJsonl()
    {
        var a = Path.Combine(_folder, "first.txt");
        await File.WriteAllTextAsync(a, "阿里云2025年营收增长26%。");
        var (exit, output, _) = await CliRunner.RunAsync(["analyze", a, "--format", "jsonl", "--no-tokens"]);
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("first", ArticleRecordJson.Deserialize(line)!.Id);

        var outDir = Path.Combine(_folder, "out");
        (exit, output, _) = await CliRunner.RunAsync(["analyze", a, "-", "--format", "jsonl", "--out", outDir], CliRunner.Utf8("营收增长。"));
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        var lines = await File.ReadAllLinesAsync(Path.Combine(outDir, "records.jsonl"));
        Assert.Equal(2, lines.Length);
        Assert.Equal("first", ArticleRecordJson.Deserialize(lines[0])!.Id);
    }
}
