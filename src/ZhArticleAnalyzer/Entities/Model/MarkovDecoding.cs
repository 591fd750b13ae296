using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    public const float MarginalFloor = 1e-3f;

    private const int K = NerLabels.Count;

    /// <summary>Per context label + 1: 1 for the labels that may follow it, 0 for the others and the unused lane.</summary>
    private static readonly Vector256<float>[] Allowed = [.. Enumerable.Range(-1, K + 1).Select(previous =>
        Vector256.Create([.. Enumerable.Range(0, NerWeights.Lane).Select(y => y < K && NerLabels.IsAllowed(previous, y) ? 1f : 0f)]))];

    /// <summary>
    /// The scores of each character's own features (biases included) for every direction of
    /// <paramref name="weights"/>: n × <see cref="NerWeights.Stride"/> floats, each direction's
    /// <see cref="NerWeights.Lane"/> lanes in turn (see <see cref="NerDirectionModel.Offset"/>).
    /// </summary>
    public static void BaseScores(NerWeights weights, List<int> features, ReadOnlySpan<int> starts, int n, Span<float> scores)
    {
        var stride = weights.Stride;
        scores = scores[..(n * stride)];
        scores.Clear();
        var biases = new Vector256<float>[weights.Directions];
        Span<float> lane = stackalloc float[NerWeights.Lane];
        for (var d = 0; d < biases.Length; d++)
        {
            weights.Biases(d).CopyTo(lane);
            biases[d] = Vector256.Create<float>(lane);
        }

        var buckets = CollectionsMarshal.AsSpan(features);
        for (var i = 0; i < n; i++)
        {
            var row = scores.Slice(i * stride, stride);
            weights.AddRows(buckets[starts[i]..starts[i + 1]], row);
            for (var d = 0; d < biases.Length; d++)
            {
                var lanes = row.Slice(d * NerWeights.Lane, NerWeights.Lane);
                (Vector256.Create<float>(lanes) + biases[d]).CopyTo(lanes);
            }
        }
    }

    /// <summary>
    /// Viterbi over log P(label | previous label, sentence) of a left-to-right model; writes the labels
    /// and the chosen labels' probabilities. Previous labels more than <see cref="Beam"/> nats behind
    /// the best are not expanded: they cannot catch up in practice, and skipping them is several times faster.
    /// </summary>
    public static void Viterbi(NerDirectionModel model, CharFeatureExtractor extractor, ReadOnlySpan<char> chars, ReadOnlySpan<float> baseScores, Span<int> labels, Span<float> probs)
    {
        var n = labels.Length;
        var stride = baseScores.Length / n;
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
                model.LogProbabilities(Vector256.Create<float>(baseScores.Slice((i * stride) + model.Offset, NerWeights.Lane)), context, previous, logP);
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
    /// P(label at each character) under the model, n × <see cref="NerWeights.Lane"/> in text order
    /// (the labels, then an unused zero), in the model's own reading of the labels (B- = last
    /// character for a right-to-left model). Invalid transitions get no mass; each position is
    /// renormalised. Context labels with less than <see cref="MarginalFloor"/> of the mass are not
    /// expanded (what they would add is below the precision that matters for decoding).
    /// </summary>
    public static void Marginals(NerDirectionModel model, CharFeatureExtractor extractor, ReadOnlySpan<char> chars, ReadOnlySpan<float> baseScores, Span<float> marginals)
    {
        const int lane = NerWeights.Lane;
        var n = chars.Length;
        var stride = baseScores.Length / n;
        Span<int> context = stackalloc int[CharFeatureExtractor.ContextLabelFeatures];
        Span<int> blocks = stackalloc int[CharFeatureExtractor.ContextLabelFeatures];
        var rightToLeft = model.RightToLeft;

        // Each context label's row sits in the same one or two blocks (cache lines) of the character,
        // so scoring only the labels that carry mass costs no extra memory reads.
        var previousRow = -1;
        for (var step = 0; step < n; step++)
        {
            var i = rightToLeft ? n - 1 - step : step;
            var next = rightToLeft ? i - 1 : i + 1;
            var c1 = next >= 0 && next < n ? chars[next] : CharFeatureExtractor.EndMark;
            var baseRow = Vector256.Create<float>(baseScores.Slice((i * stride) + model.Offset, lane));
            var inBlocks = extractor.ContextLabelBlocks(chars[i], c1, blocks);
            var row = Vector256<float>.Zero;
            for (var context0 = step == 0 ? -1 : 0; context0 < (step == 0 ? 0 : K); context0++)
            {
                var weight = step == 0 ? 1f : marginals[(previousRow * lane) + context0];
                if (weight < MarginalFloor)
                {
                    continue;
                }

                Vector256<float> scores;
                if (inBlocks)
                {
                    scores = model.ScoresInBlocks(baseRow, blocks, context0);
                }
                else
                {
                    extractor.AddContextLabelFeatures(chars[i], c1, context0, context);
                    scores = model.Scores(baseRow, context, context0);
                }

                row += weight * NerDirectionModel.Probabilities(scores) * Allowed[context0 + 1];
            }

            var target = marginals.Slice(i * lane, lane);
            row.CopyTo(target);
            var sum = 0f;
            for (var y = 0; y < K; y++)
            {
                sum += target[y];
            }

            (row / sum).CopyTo(target);
            previousRow = i;
        }
    }
}
