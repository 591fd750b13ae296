namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// One reading direction of the maximum-entropy Markov model: a linear classifier (its slice of
/// <see cref="NerWeights"/>) over a character's features plus features of the label of the
/// character read just before it: the previous character left to right, the next one right to
/// left. Right to left, the labels are read in reverse too: B- marks an entity's last character.
/// </summary>
internal sealed class NerDirectionModel
{
    private const int K = NerLabels.Count;
    private readonly NerWeights _weights;
    private readonly int _direction;
    private readonly float[] _contextOnly;   // (context label + 1) × label scores of the feature that reads only the context label

    public NerDirectionModel(NerWeights weights, int direction, CharFeatureExtractor features)
    {
        _weights = weights;
        _direction = direction;
        _contextOnly = new float[(K + 1) * K];
        for (var context = -1; context < K; context++)
        {
            weights.AddRow(features.ContextLabelOnlyFeature(context), direction, _contextOnly.AsSpan((context + 1) * K, K));
        }
    }

    /// <summary>Whether this direction reads right to left (it is the second direction).</summary>
    public bool RightToLeft => _direction == 1;

    /// <summary>log P(label | context label, sentence) for every label, from the character's base scores.</summary>
    public void LogProbabilities(ReadOnlySpan<float> baseScores, ReadOnlySpan<int> contextFeatures, int context, Span<float> logP)
    {
        Scores(baseScores, contextFeatures, context, logP);
        var max = Max(logP);
        var sum = 0f;
        foreach (var s in logP)
        {
            sum += MathF.Exp(s - max);
        }

        var logSum = max + MathF.Log(sum);
        for (var y = 0; y < K; y++)
        {
            logP[y] -= logSum;
        }
    }

    /// <summary>P(label | context label, sentence) for every label, from the character's base scores.</summary>
    public void Probabilities(ReadOnlySpan<float> baseScores, ReadOnlySpan<int> contextFeatures, int context, Span<float> p)
    {
        Scores(baseScores, contextFeatures, context, p);
        var max = Max(p);
        var sum = 0f;
        for (var y = 0; y < K; y++)
        {
            p[y] = MathF.Exp(p[y] - max);
            sum += p[y];
        }

        for (var y = 0; y < K; y++)
        {
            p[y] /= sum;
        }
    }

    private void Scores(ReadOnlySpan<float> baseScores, ReadOnlySpan<int> contextFeatures, int context, Span<float> scores)
    {
        var table = (context + 1) * K;
        for (var y = 0; y < K; y++)
        {
            scores[y] = baseScores[y] + _contextOnly[table + y];
        }

        foreach (var f in contextFeatures)
        {
            _weights.AddRow(f, _direction, scores);
        }
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
