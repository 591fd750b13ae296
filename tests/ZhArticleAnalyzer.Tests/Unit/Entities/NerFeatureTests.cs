using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Tests.Unit.Entities;

public class NerFeatureTests
{
    private const string Sentence = "国务院总理李鹏在北京会见了客人。";

    [Fact]
    public void WordFeatures_AreAddedOnlyForTheGroupsAsked()
    {
        var none = CountPerCharacter(NerFeatureSet.None);
        var words = CountPerCharacter(NerFeatureSet.Words);
        var all = CountPerCharacter(NerFeatureSet.Words | NerFeatureSet.WordIdentity | NerFeatureSet.NeighbourWords);

        // Words: role × tag, × length, × previous tag, × next tag for every character.
        Assert.All(Enumerable.Range(0, Sentence.Length), i => Assert.Equal(none[i] + 4, words[i]));

        // The word itself (words of two or more characters) and its two neighbours.
        Assert.Equal(words[0] + 3, all[0]);                              // 国 in 国务院
        Assert.Equal(words[Sentence.Length - 1] + 2, all[^1]);           // 。 a one-character word
    }

    [Fact]
    public void ContextRows_PutACharactersContextLabelFeaturesInOneBlockOfEightRows()
    {
        var together = new CharFeatureExtractor(new NameLexicon(), 20, NerFeatureSet.ContextRows);
        var scattered = new CharFeatureExtractor(new NameLexicon(), 20);
        Span<int> features = stackalloc int[CharFeatureExtractor.ContextLabelFeatures];
        var blocks = new HashSet<int>[] { [], [] };
        var rows = new HashSet<int>();
        var scatteredBlocks = new HashSet<int>();
        for (var label = -1; label < NerLabels.Count; label++)
        {
            together.AddContextLabelFeatures('李', '鹏', label, features);
            blocks[0].Add(features[0] >> 3);
            blocks[1].Add(features[1] >> 3);
            rows.Add(features[0]);
            rows.Add(features[1]);
            scattered.AddContextLabelFeatures('李', '鹏', label, features);
            scatteredBlocks.Add(features[0] >> 3);
        }

        Assert.Single(blocks[0]);
        Assert.Single(blocks[1]);
        Assert.Equal(2 * (NerLabels.Count + 1), rows.Count);   // still one row per label and feature
        Assert.True(scatteredBlocks.Count > 1);
    }

    [Fact]
    public void SurnameFeatures_ComeFromTheTrainingPersonNames()
    {
        var lexicon = new NameLexicon();
        lexicon.Add("李鹏", NameLexicon.TrainingPerson);
        var plain = Extract(new CharFeatureExtractor(lexicon, 16), "李四");
        var surnames = Extract(new CharFeatureExtractor(lexicon, 16, NerFeatureSet.Surnames), "李四");
        var unknown = Extract(new CharFeatureExtractor(lexicon, 16, NerFeatureSet.Surnames), "王四");
        Assert.Equal(plain[0].Length + 4, surnames[0].Length);

        // 李 starts a training person name, 王 does not: their surname features differ.
        Assert.NotEqual(surnames[0][^4..], unknown[0][^4..]);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-2.5f)]
    [InlineData(0.000123f)]
    [InlineData(-3.1e-6f)]
    [InlineData(65504f)]
    public void Weights_ScoreEightBitValuesWithinHalfAStepOfTheRowsLargest(float value)
    {
        var forward = new float[2 * NerLabels.Count];
        var backward = new float[2 * NerLabels.Count];
        forward[NerLabels.Count + 3] = value;
        forward[NerLabels.Count + 5] = value / 3;
        backward[NerLabels.Count + 6] = -value;
        var weights = NerWeights.FromDirections(2, [(forward, new float[NerLabels.Count]), (backward, new float[NerLabels.Count])]);
        var tolerance = Math.Abs(value) / 127;

        var sums = new float[weights.Stride];
        weights.AddRows([1, 1, 0], sums);
        Assert.InRange(sums[3], (2 * value) - (2 * tolerance), (2 * value) + (2 * tolerance));
        Assert.InRange(sums[5], (2 * value / 3) - (2 * tolerance), (2 * value / 3) + (2 * tolerance));
        Assert.InRange(sums[NerWeights.Lane + 6], (-2 * value) - (2 * tolerance), (-2 * value) + (2 * tolerance));
        Assert.Equal(0f, sums[0]);

        var row = weights.Row(1, 0);
        Assert.InRange(row[5], (value / 3) - tolerance, (value / 3) + tolerance);
        Assert.Equal(0f, row[6]);
        Assert.Equal(0f, row[NerWeights.Lane - 1]);
    }

    private static int[] CountPerCharacter(NerFeatureSet set) =>
        [.. Extract(new CharFeatureExtractor(new NameLexicon(), 16, set), Sentence).Select(f => f.Length)];

    private static int[][] Extract(CharFeatureExtractor extractor, string sentence)
    {
        var features = new List<int>();
        var starts = new int[sentence.Length + 1];
        extractor.Extract(sentence, features, starts);
        return [.. Enumerable.Range(0, sentence.Length).Select(i => features.GetRange(starts[i], starts[i + 1] - starts[i]).ToArray())];
    }
}
