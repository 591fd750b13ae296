using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// One reading direction of the maximum-entropy Markov model: a linear classifier (its slice of
/// <see cref="NerWeights"/>) over a character's features plus features of the label of the
/// character read just before it: the previous character left to right, the next one right to
/// left. Right to left, the labels are read in reverse too: B- marks an entity's last character.
/// Label scores travel as one vector of <see cref="NerWeights.Lane"/> floats (the labels, then an unused lane).
/// </summary>
internal sealed class NerDirectionModel
{
    private const int K = NerLabels.Count;
    private static readonly Vector256<float> LabelLanes = Vector256.Create(-1, -1, -1, -1, -1, -1, -1, 0).AsSingle();
    private readonly NerWeights _weights;
    private readonly int _direction;
    private readonly Vector256<float>[] _contextOnly;   // per context label + 1: the scores of the feature that reads only the context label

    public NerDirectionModel(NerWeights weights, int direction, CharFeatureExtractor features)
    {
        _weights = weights;
        _direction = direction;
        _contextOnly = new Vector256<float>[K + 1];
        for (var context = -1; context < K; context++)
        {
            _contextOnly[context + 1] = weights.Row(features.ContextLabelOnlyFeature(context), direction);
        }
    }

    /// <summary>Whether this direction reads right to left (it is the second direction).</summary>
    public bool RightToLeft => _direction == 1;

    /// <summary>Where this direction's lanes start in a row of base scores (<see cref="NerWeights.Stride"/> floats per character).</summary>
    public int Offset => _direction * NerWeights.Lane;

    /// <summary>log P(label | context label, sentence) for every label, from the character's base scores.</summary>
    public void LogProbabilities(Vector256<float> baseScores, ReadOnlySpan<int> contextFeatures, int context, Span<float> logP)
    {
        Span<float> scores = stackalloc float[NerWeights.Lane];
        Scores(baseScores, contextFeatures, context).CopyTo(scores);
        var max = Max(scores);
        var sum = 0f;
        for (var y = 0; y < K; y++)
        {
            sum += MathF.Exp(scores[y] - max);
        }

        var logSum = max + MathF.Log(sum);
        for (var y = 0; y < K; y++)
        {
            logP[y] = scores[y] - logSum;
        }
    }

    /// <summary>P(label) for every label (and a zero in the last lane) from the label scores <see cref="Scores"/> gave.</summary>
    public static Vector256<float> Probabilities(Vector256<float> scores)
    {
        // One vector exp instead of seven scalar ones: this runs for every character under every context label.
        var labels = Vector256.ConditionalSelect(LabelLanes, scores, Vector256.Create(float.NegativeInfinity));
        var halves = Vector128.Max(labels.GetLower(), labels.GetUpper());
        halves = Vector128.Max(halves, Vector128.Shuffle(halves, Vector128.Create(2, 3, 0, 1)));
        halves = Vector128.Max(halves, Vector128.Shuffle(halves, Vector128.Create(1, 0, 3, 2)));
        var exp = VectorMath.Exp(labels - Vector256.Create(halves, halves)) & LabelLanes;
        return exp / Vector256.Sum(exp);
    }

    /// <summary>
    /// The label scores when the context-label features sit in blocks of rows (<see cref="NerFeatureSet.ContextRows"/>):
    /// <paramref name="blocks"/> are the blocks' first buckets, the context label picks the row.
    /// </summary>
    public Vector256<float> ScoresInBlocks(Vector256<float> baseScores, ReadOnlySpan<int> blocks, int context)
    {
        var scores = baseScores + _contextOnly[context + 1];
        foreach (var block in blocks)
        {
            scores += _weights.Row(block | (context + 1), _direction);
        }

        return scores;
    }

    /// <summary>The label scores (before the softmax) given the character's base scores and the context label.</summary>
    public Vector256<float> Scores(Vector256<float> baseScores, ReadOnlySpan<int> contextFeatures, int context)
    {
        var scores = baseScores + _contextOnly[context + 1];
        foreach (var f in contextFeatures)
        {
            scores += _weights.Row(f, _direction);
        }

        return scores;
    }

    private static float Max(ReadOnlySpan<float> scores)
    {
        var max = scores[0];
        for (var y = 1; y < K; y++)
        {
            max = Math.Max(max, scores[y]);
        }

        return max;
    }
}
