namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// One reading direction of the maximum-entropy Markov model: a linear classifier (weights exported
/// from ML.NET, stored in half precision) over a character's features plus features of the label of
/// the character read just before it: the previous character left to right, the next one right to
/// left. Right to left, the labels are read in reverse too: B- marks an entity's last character.
/// </summary>
internal sealed class NerDirectionModel
{
    private readonly Half[] _weights;     // bucket-major: weights[bucket * Count + label], as stored
    private readonly float[] _scoring;    // the same in single precision, for scoring
    private readonly float[] _biases;
    private readonly float[] _contextOnly;   // (context label + 1) × label scores of the feature that reads only the context label

    public NerDirectionModel(bool rightToLeft, Half[] weights, float[] biases, CharFeatureExtractor features)
    {
        if (weights.Length != features.Dimension * NerLabels.Count || biases.Length != NerLabels.Count)
        {
            throw new ArgumentException("model arrays do not match the label count and hash size.");
        }

        RightToLeft = rightToLeft;
        _weights = weights;
        _biases = biases;
        _scoring = new float[weights.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(weights, _scoring);
        _contextOnly = new float[(NerLabels.Count + 1) * NerLabels.Count];
        for (var context = -1; context < NerLabels.Count; context++)
        {
            var row = features.ContextLabelOnlyFeature(context) * NerLabels.Count;
            _scoring.AsSpan(row, NerLabels.Count).CopyTo(_contextOnly.AsSpan((context + 1) * NerLabels.Count));
        }
    }

    public bool RightToLeft { get; }

    public ReadOnlySpan<Half> Weights => _weights;

    public ReadOnlySpan<float> Biases => _biases;

    /// <summary>The scores of the character's own features (bias included).</summary>
    public void BaseScores(List<int> features, int from, int to, Span<float> scores)
    {
        const int k = NerLabels.Count;
        _biases.CopyTo(scores);
        var weights = _scoring;
        for (var f = from; f < to; f++)
        {
            var row = features[f] * k;
            for (var y = 0; y < k; y++)
            {
                scores[y] += weights[row + y];
            }
        }
    }

    /// <summary>log P(label | context label, sentence) for every label, from the character's base scores.</summary>
    public void LogProbabilities(ReadOnlySpan<float> baseScores, ReadOnlySpan<int> contextFeatures, int context, Span<float> logP)
    {
        const int k = NerLabels.Count;
        Span<float> scores = stackalloc float[k];
        var table = (context + 1) * k;
        for (var y = 0; y < k; y++)
        {
            scores[y] = baseScores[y] + _contextOnly[table + y];
        }

        var weights = _scoring;
        foreach (var f in contextFeatures)
        {
            var row = f * k;
            for (var y = 0; y < k; y++)
            {
                scores[y] += weights[row + y];
            }
        }

        LogSoftmax(scores, logP);
    }

    private static void LogSoftmax(ReadOnlySpan<float> scores, Span<float> output)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0f;
        foreach (var s in scores)
        {
            sum += MathF.Exp(s - max);
        }

        var logSum = max + MathF.Log(sum);
        for (var y = 0; y < scores.Length; y++)
        {
            output[y] = scores[y] - logSum;
        }
    }
}
