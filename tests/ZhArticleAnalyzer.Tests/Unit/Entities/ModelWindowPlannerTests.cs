using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class ModelWindowPlannerTests
{
    // Two sentences, [0, 20) and [20, 40), cut into two-character tokens.
    private static readonly Sentence[] Sentences = [new(0, new TextSpan(0, 20)), new(1, new TextSpan(20, 40))];

    private static readonly Token[] Tokens = [.. Enumerable.Range(0, 20).Select(i => new Token(new TextSpan(2 * i, (2 * i) + 2), "n"))];

    [Fact]
    public void Planner_ReadsContextEitherSideWithinTheSentence()
    {
        var windows = ModelWindowPlanner.Plan(Sentences, Tokens, [1, 9], 4, 4);
        Assert.Equal([new ModelWindow(0, 8, true, false), new ModelWindow(14, 20, false, true)], windows);
    }

    [Fact]
    public void Planner_ReadsAsManyCharactersBeforeAndAfterAsAsked()
    {
        // Token 5 is [10, 12): 3 before and 4 after give [7, 16).
        var windows = ModelWindowPlanner.Plan(Sentences, Tokens, [5], 3, 4);
        Assert.Equal([new ModelWindow(7, 16, false, false)], windows);
    }

    [Fact]
    public void Planner_MergesWindowsThatNearlyTouchButNotAcrossSentences()
    {
        // Tokens 3 and 5 ([6, 8) and [10, 12)): windows [2, 12) and [6, 16) merge; token 10 ([20, 22)) opens the next sentence.
        var windows = ModelWindowPlanner.Plan(Sentences, Tokens, [3, 5, 10], 4, 4);
        Assert.Equal([new ModelWindow(2, 16, false, false), new ModelWindow(20, 26, true, false)], windows);
    }

    [Fact]
    public void Planner_ReadsWholeSentencesWithoutContext()
    {
        var windows = ModelWindowPlanner.Plan(Sentences, Tokens, [2, 4, 15], 0, 0);
        Assert.Equal([new ModelWindow(0, 20, true, true), new ModelWindow(20, 40, true, true)], windows);
    }

    [Fact]
    public void Planner_SkipsTokensBetweenSentences()
    {
        Sentence[] gapped = [new(0, new TextSpan(0, 10)), new(1, new TextSpan(12, 40))];
        Assert.Empty(ModelWindowPlanner.Plan(gapped, Tokens, [5], 4, 4));   // token [10, 12) lies in no sentence
    }
}
