using ZhArticleAnalyzer.Entities.Model;
using ZhArticleAnalyzer.Cli.Training;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class NerDecodingTests
{
    private const int K = NerLabels.Count;

    [Fact]
    public void BidirectionalDecoding_TakesTheNameBothDirectionsSee()
    {
        // Left to right: O B-PER I-PER O. Right to left (B- = last character): O I-PER B-PER O.
        var forward = Marginals(NerLabels.Outside, NerLabels.Begin(0), NerLabels.Inside(0), NerLabels.Outside);
        var backward = Marginals(NerLabels.Outside, NerLabels.Inside(0), NerLabels.Begin(0), NerLabels.Outside);
        var labels = new int[4];
        var probs = new float[4];
        BidirectionalDecoding.Decode(forward, backward, labels, probs);
        Assert.Equal([NerLabels.Outside, NerLabels.Begin(0), NerLabels.Inside(0), NerLabels.Outside], labels);
        Assert.All(probs, p => Assert.InRange(p, 0.5f, 1f));
    }

    [Fact]
    public void BidirectionalDecoding_LetsTheRightToLeftModelEndTheName()
    {
        // Left to right the name runs on into the third character (weakly); right to left it ends at the second.
        var forward = Marginals(NerLabels.Outside, NerLabels.Begin(0), NerLabels.Inside(0));
        Set(forward, 2, (NerLabels.Inside(0), 0.55f), (NerLabels.Outside, 0.45f));
        var backward = Marginals(NerLabels.Outside, NerLabels.Begin(0), NerLabels.Outside);
        var labels = new int[3];
        BidirectionalDecoding.Decode(forward, backward, labels, new float[3]);
        Assert.Equal([NerLabels.Outside, NerLabels.Begin(0), NerLabels.Outside], labels);
    }

    [Fact]
    public void BidirectionalDecoding_NeverStartsWithInsideNorJumpsTypes()
    {
        // Per character, I-ORG is the most likely label both ways, which alone would be invalid BIO.
        var forward = Marginals(NerLabels.Inside(2), NerLabels.Inside(2), NerLabels.Inside(2));
        var backward = Marginals(NerLabels.Inside(2), NerLabels.Inside(2), NerLabels.Inside(2));
        var labels = new int[3];
        BidirectionalDecoding.Decode(forward, backward, labels, new float[3]);
        for (var i = 0; i < labels.Length; i++)
        {
            Assert.True(NerLabels.IsAllowed(i == 0 ? -1 : labels[i - 1], labels[i]));
        }
    }

    [Fact]
    public void ReverseReading_MarksTheLastCharacterOfEachName()
    {
        int[] labels = [NerLabels.Begin(0), NerLabels.Inside(0), NerLabels.Inside(0), NerLabels.Outside, NerLabels.Begin(1)];
        Assert.Equal([NerLabels.Inside(0), NerLabels.Inside(0), NerLabels.Begin(0), NerLabels.Outside, NerLabels.Begin(1)], NerTrainer.ReverseReading(labels));
    }

    [Theory]
    [InlineData(-1, 2, false)]
    [InlineData(0, 2, false)]
    [InlineData(1, 2, true)]
    [InlineData(3, 2, false)]
    [InlineData(2, 2, true)]
    [InlineData(2, 0, true)]
    public void NerLabels_AllowsOnlyValidBio(int previous, int next, bool expected) =>
        Assert.Equal(expected, NerLabels.IsAllowed(previous, next));

    /// <summary>Marginals that give each character's label 0.9 and spread the rest evenly.</summary>
    private static float[] Marginals(params int[] likely)
    {
        var marginals = new float[likely.Length * NerWeights.Lane];
        for (var i = 0; i < likely.Length; i++)
        {
            Set(marginals, i, (likely[i], 0.9f));
        }

        return marginals;
    }

    private static void Set(float[] marginals, int position, params (int Label, float P)[] values)
    {
        var rest = (1 - values.Sum(v => v.P)) / (K - values.Length);
        for (var y = 0; y < K; y++)
        {
            marginals[(position * NerWeights.Lane) + y] = values.FirstOrDefault(v => v.Label == y).P is var p and > 0 ? p : rest;
        }
    }
}
