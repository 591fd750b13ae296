using System.Runtime.InteropServices;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Decoding with one <see cref="NerDirectionModel"/>: exact Viterbi over valid BIO sequences, or the
/// marginal probability of every label at every character (the forward algorithm, for combining
/// two reading directions). Positions are given in text order; a right-to-left model reads them
/// from the end.
/// </summary>
internal static class MarkovDecoding
{
    /// <summary>How far (in nats) behind the best state a context label may be and still be expanded by Viterbi.</summary>
    public const float Beam = 6f;

    /// <summary>The smallest marginal probability of a context label that <see cref="Marginals"/> expands.</summary>
    public const float MarginalFloor = 1e-4f;

    private const int K = NerLabels.Count;

    /// <summary>
    /// The scores of each character's own features (biases included) for every direction of
    /// <paramref name="weights"/>: one n × <see cref="NerLabels.Count"/> array per direction.
    /// </summary>
    public static float[][] BaseScores(NerWeights weights, List<int> features, int[] starts, int n)
    {
        var directions = weights.Directions;
        var scores = new float[directions][];
        for (var d = 0; d < directions; d++)
        {
            scores[d] = new float[n * K];
        }

        var buckets = CollectionsMarshal.AsSpan(features);
        Span<float> sums = stackalloc float[weights.Stride];
        for (var i = 0; i < n; i++)
        {
            sums.Clear();
            weights.AddRows(buckets[starts[i]..starts[i + 1]], sums);
            for (var d = 0; d < directions; d++)
            {
                var biases = weights.Biases(d);
                var row = scores[d].AsSpan(i * K, K);
                for (var y = 0; y < K; y++)
                {
                    row[y] = sums[(d * NerWeights.Lane) + y] + biases[y];
                }
            }
        }

        return scores;
    }

    /// <summary>
    /// Viterbi over log P(label | previous label, sentence) of a left-to-right model; writes the labels
    /// and the chosen labels' probabilities. Previous labels more than <see cref="Beam"/> nats behind
    /// the best are not expanded: they cannot catch up in practice, and skipping them is several times faster.
    /// </summary>
    public static void Viterbi(NerDirectionModel model, CharFeatureExtractor extractor, ReadOnlySpan<char> chars, float[] baseScores, int[] labels, float[] probs)
    {
        var n = labels.Length;
        var delta = new float[n * K];
        var back = new int[n * K];
        var chosen = new float[n * K];
        Span<float> logP = stackalloc float[K];
        Span<int> context = stackalloc int[CharFeatureExtractor.ContextLabelFeatures];
        for (var i = 0; i < n; i++)
        {
            var c1 = i + 1 < n ? chars[i + 1] : CharFeatureExtractor.EndMark;
            var bestBefore = float.NegativeInfinity;
            if (i > 0)
            {
                for (var x = 0; x < K; x++)
                {
                    bestBefore = Math.Max(bestBefore, delta[((i - 1) * K) + x]);
                }
            }

            delta.AsSpan(i * K, K).Fill(float.NegativeInfinity);
            for (var previous = i == 0 ? -1 : 0; previous < (i == 0 ? 0 : K); previous++)
            {
                var before = i == 0 ? 0 : delta[((i - 1) * K) + previous];
                if (i > 0 && before < bestBefore - Beam)
                {
                    continue;
                }

                extractor.AddContextLabelFeatures(chars[i], c1, previous, context);
                model.LogProbabilities(baseScores.AsSpan(i * K, K), context, previous, logP);
                for (var y = 0; y < K; y++)
                {
                    if (!NerLabels.IsAllowed(previous, y))
                    {
                        continue;
                    }

                    var total = before + logP[y];
                    if (total > delta[(i * K) + y])
                    {
                        delta[(i * K) + y] = total;
                        back[(i * K) + y] = previous;
                        chosen[(i * K) + y] = logP[y];
                    }
                }
            }
        }

        var last = 0;
        for (var y = 1; y < K; y++)
        {
            if (delta[((n - 1) * K) + y] > delta[((n - 1) * K) + last])
            {
                last = y;
            }
        }

        labels[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * K) + labels[i]];
        }

        for (var i = 0; i < n; i++)
        {
            probs[i] = MathF.Exp(chosen[(i * K) + labels[i]]);
        }
    }

    /// <summary>
    /// P(label at each character) under the model, n × <see cref="NerLabels.Count"/> in text order,
    /// in the model's own reading of the labels (B- = last character for a right-to-left model).
    /// Invalid transitions get no mass; each position is renormalised. Context labels with less than
    /// <see cref="MarginalFloor"/> of the mass are not expanded (what they would add is below the
    /// precision that matters for decoding).
    /// </summary>
    public static float[] Marginals(NerDirectionModel model, CharFeatureExtractor extractor, ReadOnlySpan<char> chars, float[] baseScores)
    {
        var n = chars.Length;
        var marginals = new float[n * K];
        Span<float> p = stackalloc float[K];
        Span<int> context = stackalloc int[CharFeatureExtractor.ContextLabelFeatures];
        var rightToLeft = model.RightToLeft;
        var previousRow = -1;
        for (var step = 0; step < n; step++)
        {
            var i = rightToLeft ? n - 1 - step : step;
            var next = rightToLeft ? i - 1 : i + 1;
            var c1 = next >= 0 && next < n ? chars[next] : CharFeatureExtractor.EndMark;
            var row = marginals.AsSpan(i * K, K);
            for (var context0 = step == 0 ? -1 : 0; context0 < (step == 0 ? 0 : K); context0++)
            {
                var weight = step == 0 ? 1f : marginals[(previousRow * K) + context0];
                if (weight < MarginalFloor)
                {
                    continue;
                }

                extractor.AddContextLabelFeatures(chars[i], c1, context0, context);
                model.Probabilities(baseScores.AsSpan(i * K, K), context, context0, p);
                for (var y = 0; y < K; y++)
                {
                    if (NerLabels.IsAllowed(context0, y))
                    {
                        row[y] += weight * p[y];
                    }
                }
            }

            var sum = 0f;
            foreach (var mass in row)
            {
                sum += mass;
            }

            for (var y = 0; y < K; y++)
            {
                row[y] /= sum;
            }

            previousRow = i;
        }

        return marginals;
    }
}
