using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class BioViterbiTests
{
    [Fact]
    public void BioViterbi_NeverStartsWithInsideNorJumpsTypes()
    {
        const int k = NerLabels.Count;

        // Per character, I-ORG is the most likely label, which alone would be invalid BIO.
        var logProbs = new float[3 * k];
        for (var i = 0; i < 3; i++)
        {
            for (var y = 0; y < k; y++)
            {
                logProbs[(i * k) + y] = MathF.Log(y == NerLabels.Inside(2) ? 0.6f : 0.4f / (k - 1));
            }
        }

        var labels = new int[3];
        BioViterbi.Decode(logProbs, new float[k * k], labels);
        Assert.Equal([NerLabels.Begin(2), NerLabels.Inside(2), NerLabels.Inside(2)], labels);
        for (var i = 0; i < labels.Length; i++)
        {
            Assert.True(NerLabels.IsAllowed(i == 0 ? -1 : labels[i - 1], labels[i]));
        }
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
}
