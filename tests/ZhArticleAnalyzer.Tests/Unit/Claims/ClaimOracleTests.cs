using System.Collections.Immutable;
using System.Text.Json;
using ZhArticleAnalyzer.Claims;
using ZhArticleAnalyzer.Cli.Evaluation;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Tests.Infrastructure;
using ZhArticleAnalyzer.Text;
using ZhArticleAnalyzer.Times;
using Xunit.Abstractions;

namespace ZhArticleAnalyzer.Tests.Unit.Claims;

/// <summary>
/// Claim extraction measured on its own: gold entities, quantities and times from the dev set feed the
/// extractor, so these figures show the claim rules, not the stages before them.
/// </summary>
public class ClaimOracleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("阿里云", "经调整EBITA利润", 2995000000d, 1409000000d, "increase", "跃升", "2023-Q3/2025-Q2", ClaimType.Change)]
    [InlineData("阿里云", "营收增速", 3d, 84d, "decrease", "暴跌", null, ClaimType.Change)]
    [InlineData("火山引擎", "市场份额", 49.2, null, null, null, null, ClaimType.Share)]
    [InlineData("阿里云", "市场份额", 3.1, null, null, null, null, ClaimType.Comparison)]
    [InlineData("AWS", "市场份额", 42.1, null, null, null, null, ClaimType.Comparison)]
    [InlineData("阿里云", "数据中心", 8, null, "increase", "新增", "2025", ClaimType.Growth)]
    [InlineData("阿里云", "估值", 200000000000, null, null, null, null, ClaimType.Level)]
    public void ClaimExtractor_FindsTheReferenceClaimsFromGoldInputs(
        string subject, string metric, double value, double? previous, string? change, string? changeWord, string? period, ClaimType type)
    {
        var article = GoldArticle.Load(RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "DevSet", "articles", "alibaba-cloud.json"));
        var context = article.Context;
        var claims = ClaimExtractor.Extract(context);
        var found = claims.Where(c => context.Quantities[c.Value].Value == (decimal)value && c.Metric.Contains(metric, StringComparison.Ordinal)).ToList();
        var claim = Assert.Single(found);
        var facts = article.Facts(claim);
        Assert.Contains(subject, facts.Subjects);
        Assert.Equal(previous is null ? null : (decimal?)previous, claim.Previous is { } p ? context.Quantities[p].Value : null);
        Assert.Equal(change, facts.Change);
        Assert.Equal(changeWord, claim.ChangeWord);
        Assert.Equal(period, facts.Period);
        Assert.Equal(type, claim.Type);
    }

    [Fact]
    public void FullPipeline_FindsEveryReferenceClaimWithItsPeriodAndChange()
    {
        // Issue 5's bar for the reference article: every numeric claim right, and nothing else.
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "DevSet", "articles", "alibaba-cloud.json")));
        var document = SharedAnalyzer.Instance.Analyze(json.RootElement.GetProperty("text").GetString()!);
        var scorer = new ClaimScorer();
        scorer.Add(GoldClaims.Load(json.RootElement), [.. document.Claims.Select(c => GoldClaims.Facts(document, c))]);
        Assert.Equal((scorer.Strict.Gold, scorer.Strict.Gold), (scorer.Strict.Correct, scorer.Strict.Predicted));
    }

    [Fact]
    public void ClaimExtractor_OnGoldInputsOfTheDevSet()
    {
        var scorer = new ClaimScorer();
        foreach (var file in Directory.GetFiles(RepoPaths.Repo("tests", "ZhArticleAnalyzer.Tests", "DevSet", "articles"), "*.json").Order(StringComparer.Ordinal))
        {
            var article = GoldArticle.Load(file);
            var claims = ClaimExtractor.Extract(article.Context);
            var predicted = claims.Select(article.Facts).ToList();
            scorer.Add(article.GoldClaims, predicted);
            if (Environment.GetEnvironmentVariable("ZHAA_CLAIM_DUMP") is { } dump)
            {
                File.AppendAllLines(dump, [$"== {Path.GetFileName(file)}",
                    .. article.GoldClaims.Where(g => !predicted.Any(p => ClaimScorer.Matches(g, p, false))).Select(g => $"FN {string.Join('/', g.Subjects)} | {g.Metric} | {g.Value} | {g.Change} | {g.Period}"),
                    .. predicted.Where(p => !article.GoldClaims.Any(g => ClaimScorer.Matches(g, p, false))).Select(p => $"FP {string.Join('/', p.Subjects)} | {p.Metric} | {p.Value} | {p.Change} | {p.Period}"),
                    .. article.GoldClaims.SelectMany(g => predicted.Where(p => ClaimScorer.Matches(g, p, false) && !ClaimScorer.Matches(g, p, true)).Take(1)
                        .Select(p => $"LOOSE {g.Metric} {g.Value.Value} gold {g.Change}/{g.Period} ours {p.Change}/{p.Period}"))]);
            }
        }

        output.WriteLine($"lenient P {scorer.Lenient.Precision:F3} R {scorer.Lenient.Recall:F3} F1 {scorer.Lenient.F1:F3}; strict F1 {scorer.Strict.F1:F3}");
        // Floors at the figures measured on the 28-article dev set (README, "Numeric claims"; 0.635 / 0.551, down from
        // 0.746 / 0.656 on the first 20 when 8 random articles were added): a change that lowers them is a regression;
        // raise them when the rules improve.
        Assert.True(scorer.Lenient.F1 >= 0.634, $"claim F1 on gold inputs fell to {scorer.Lenient.F1:F3}");
        Assert.True(scorer.Strict.F1 >= 0.55, $"claim F1 with period and change fell to {scorer.Strict.F1:F3}");
    }

    /// <summary>A dev-set article with its gold layers turned into the library's types.</summary>
    internal sealed record GoldArticle(ClaimContext Context, IReadOnlyList<ClaimFacts> GoldClaims)
    {
        public static GoldArticle Load(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            var text = root.GetProperty("text").GetString()!;
            var normalized = CharNormalizer.Normalize(text);
            var document = SharedAnalyzer.Instance.Analyze(text);
            var entities = root.GetProperty("entities").EnumerateArray()
                .Select(e => new EntityMention(Span(e), 0, Enum.Parse<EntityType>(e.GetProperty("type").GetString()!), e.GetProperty("canonical").GetString()!, 1))
                .ToImmutableArray();
            var quantities = root.GetProperty("quantities").EnumerateArray()
                .Select(q => new Quantity(Span(q), 0, Enum.Parse<QuantityKind>(q.GetProperty("kind").GetString()!), Dec(q, "value"), Dec(q, "min"), Dec(q, "max"), Str(q, "unit"), Str(q, "counted")))
                .ToImmutableArray();
            var times = root.GetProperty("times").EnumerateArray().Select(t => new TimeExpression(Span(t), 0, Str(t, "value"))).ToImmutableArray();
            var quantityByStart = quantities.ToDictionary(q => q.Span.Start);
            var gold = root.GetProperty("claims").EnumerateArray().Select(c => new ClaimFacts(
                Facts(quantityByStart[c.GetProperty("value").GetInt32()]),
                [c.GetProperty("subject").GetString()!],
                c.GetProperty("metric").GetString()!,
                Str(c, "change"),
                Str(c, "period"))).ToList();
            var context = new ClaimContext(normalized, document.Sentences, document.Tokens, entities, quantities, times);
            return new GoldArticle(context, gold);
        }

        public ClaimFacts Facts(Claim claim)
        {
            var text = Context.Text;
            IReadOnlyList<string> subjects = claim.SubjectEntity is { } e
                ? [text[Context.Entities[e].Span.Start..Context.Entities[e].Span.End], Context.Entities[e].Canonical]
                : claim.SubjectText is { } s ? [s] : [];
            var period = claim.PeriodTime is { } t ? Context.Times[t].Value ?? text[Context.Times[t].Span.Start..Context.Times[t].Span.End] : claim.PeriodText;
            return new ClaimFacts(Facts(Context.Quantities[claim.Value]), subjects, claim.Metric, claim.Change?.ToString().ToLowerInvariant(), period);
        }

        private static QuantityFacts Facts(Quantity q) => new(q.Value, q.Min, q.Max, q.Unit);

        private static TextSpan Span(JsonElement e) => new(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());

        private static decimal? Dec(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

        private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
