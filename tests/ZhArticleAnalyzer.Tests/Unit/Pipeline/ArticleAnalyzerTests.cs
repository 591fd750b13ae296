using System.Collections.Immutable;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Tests.Infrastructure;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Pipeline;

public class ArticleAnalyzerTests
{
    [Fact]
    public void Analyze_RejectsNullAndTooLongText()
    {
        Assert.Throws<ArgumentNullException>(() => SharedAnalyzer.Instance.Analyze(null!));
        var small = new ArticleAnalyzer(new ZhArticleAnalyzerOptions { MaxTextLength = 5 }, SharedAnalyzer.Instance.Segmenter);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => small.Analyze("一二三四五六"));
        Assert.Contains("MaxTextLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_EmptyTextGivesAnEmptyDocument()
    {
        var document = SharedAnalyzer.Instance.Analyze("");
        Assert.Empty(document.Sentences);
        Assert.Empty(document.Tokens);
        Assert.Empty(document.Keywords);
        Assert.True(document.Has(AnalysisLayers.Sentences | AnalysisLayers.Tokens | AnalysisLayers.Keywords));
    }

    [Fact]
    public void Analyze_HonoursCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => SharedAnalyzer.Instance.Analyze("营收增长。", null, cancelled.Token));
    }

    [Fact]
    public void Analyze_RecordsAWarningForLoneSurrogatesAndControlCharacters()
    {
        var document = SharedAnalyzer.Instance.Analyze("营收\uD800增长\u0001。");
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(ErrorCodes.SuspiciousCharacters, warning.Code);
        DocumentInvariants.AssertHold(document);
    }

    [Fact]
    public void Analyzer_RejectsAStageWhoseInputNothingProduces()
    {
        var error = Assert.Throws<ZhArticleAnalyzerException>(() =>
            new ArticleAnalyzer(new ZhArticleAnalyzerOptions { RecognizeEntities = false }, SharedAnalyzer.Instance.Segmenter, [new NeedsClaimsStage()]));
        Assert.Equal(ErrorCodes.StageRequirementMissing, error.Code);
        Assert.Contains("needs-claims", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyzer_NamesAStageThatBreaksAnInvariant()
    {
        var analyzer = new ArticleAnalyzer(new ZhArticleAnalyzerOptions(), SharedAnalyzer.Instance.Segmenter, [new BrokenTokenStage()]);
        var error = Assert.Throws<InvalidOperationException>(() => analyzer.Analyze("营收增长"));
        Assert.Contains("broken-tokens", error.Message, StringComparison.Ordinal);
        Assert.Contains(ErrorCodes.StageInvariantBroken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyzer_RejectsInvalidOptionsWithEveryProblem()
    {
        var error = Assert.Throws<ZhArticleAnalyzerException>(() => ArticleAnalyzer.CreateDefault(o =>
        {
            o.KeywordCount = -1;
            o.MaxTextLength = 0;
        }));
        Assert.Equal(ErrorCodes.InvalidOptions, error.Code);
        Assert.Contains("KeywordCount", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxTextLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeMany_KeepsInputOrderAndReportsFailuresInPlace()
    {
        var analyzer = new ArticleAnalyzer(new ZhArticleAnalyzerOptions { MaxTextLength = 50, MaxDegreeOfParallelism = 3 }, SharedAnalyzer.Instance.Segmenter);
        var inputs = Enumerable.Range(0, 40).Select(i => i switch
        {
            7 => ArticleInput.Unreadable("bad-7", "line 8: invalid JSON"),
            13 => new ArticleInput("long-13", new string('长', 60)),
            _ => new ArticleInput("a" + i, $"第{i}篇文章。营收增长{i}%。"),
        });
        var results = new List<ArticleResult>();
        await foreach (var result in analyzer.AnalyzeManyAsync(inputs.ToAsyncEnumerable()))
        {
            results.Add(result);
        }

        Assert.Equal(40, results.Count);
        Assert.Equal("bad-7", results[7].Id);
        Assert.Equal(ErrorCodes.InputUnreadable, results[7].ErrorCode);
        Assert.Equal(ErrorCodes.ArticleFailed, results[13].ErrorCode);
        Assert.All(results.Where((_, i) => i is not 7 and not 13), (r, i) => Assert.True(r.Succeeded));
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i is not 7 and not 13).Select(i => "a" + i), results.Where(r => r.Succeeded).Select(r => r.Id));
        Assert.Equal("a39", results[39].Document!.Info!.Id);
    }

    [Fact]
    public async Task AnalyzeMany_StopsWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in SharedAnalyzer.Instance.AnalyzeManyAsync(Endless(), cancel.Token))
            {
                if (++seen == 5)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.Equal(5, seen);
    }

    private static async IAsyncEnumerable<ArticleInput> Endless()
    {
        for (var i = 0; ; i++)
        {
            await Task.Yield();
            yield return new ArticleInput("x" + i, "营收增长。");
        }
    }

    private sealed class NeedsClaimsStage : IAnalysisStage
    {
        public string Name => "needs-claims";

        public AnalysisLayers Requires => AnalysisLayers.Claims;

        public AnalysisLayers Produces => AnalysisLayers.None;

        public void Run(AnalysisBuilder builder, CancellationToken cancellationToken)
        {
        }
    }

    private sealed class BrokenTokenStage : IAnalysisStage
    {
        public string Name => "broken-tokens";

        public AnalysisLayers Requires => AnalysisLayers.None;

        public AnalysisLayers Produces => AnalysisLayers.Tokens;

        public void Run(AnalysisBuilder builder, CancellationToken cancellationToken) =>
            builder.SetTokens(ImmutableArray.Create(new Token(new TextSpan(0, 1), "n")));
    }
}
