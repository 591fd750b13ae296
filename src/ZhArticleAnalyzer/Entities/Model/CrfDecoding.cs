using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Decoding of the linear-chain conditional random field: Viterbi over the characters' label
/// scores plus <see cref="NerTransitions"/> for the labels, and the forward-backward algorithm for
/// each chosen label's marginal probability (the confidence). Scores arrive as one
/// <see cref="NerWeights.Lane"/>-float vector per character; every label sits in one vector, so a
/// step is a handful of vector operations.
/// </summary>
internal static class CrfDecoding
{
    private const int K = NerLabels.Count;
    private const int Lane = NerWeights.Lane;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// Writes the best valid BIO labels and each one's marginal probability; <paramref name="scores"/> holds
    /// n rows of <paramref name="stride"/> floats whose first <see cref="NerWeights.Lane"/> are the label scores.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> scores, int stride, NerTransitions transitions, Span<int> labels, Span<float> probs)
    {
        var n = labels.Length;
        if (n == 0)
        {
            return;
        }

        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(n);
        Viterbi(scores, stride, transitions, labels, scratch);
        Marginals(scores, stride, transitions, scratch);
        for (var i = 0; i < n; i++)
        {
            probs[i] = scratch.Posterior[i].GetElement(labels[i]);
        }
    }

    private static void Viterbi(ReadOnlySpan<float> scores, int stride, NerTransitions transitions, Span<int> labels, Scratch scratch)
    {
        var n = labels.Length;
        var back = scratch.Back;
        var delta = Emission(scores, 0) + transitions.Row(-1);
        for (var i = 1; i < n; i++)
        {
            var best = Vector256.Create(float.NegativeInfinity);
            var arg = Vector256<int>.Zero;
            for (var p = 0; p < K; p++)
            {
                var candidate = Vector256.Create(delta.GetElement(p)) + transitions.Row(p);
                var better = Vector256.GreaterThan(candidate, best);
                best = Vector256.ConditionalSelect(better, candidate, best);
                arg = Vector256.ConditionalSelect(better.AsInt32(), Vector256.Create(p), arg);
            }

            back[i] = arg;
            delta = best + Emission(scores, i * stride);
        }

        delta += transitions.EndRow;
        var last = 0;
        for (var y = 1; y < K; y++)
        {
            if (delta.GetElement(y) > delta.GetElement(last))
            {
                last = y;
            }
        }

        labels[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[i].GetElement(labels[i]);
        }
    }

    /// <summary>The scaled forward-backward algorithm: each step's vector is normalised to sum 1, which keeps floats in range.</summary>
    private static void Marginals(ReadOnlySpan<float> scores, int stride, NerTransitions transitions, Scratch scratch)
    {
        var n = scratch.Length;
        var alpha = scratch.Alpha;
        var local = scratch.Local;
        for (var i = 0; i < n; i++)
        {
            var e = Emission(scores, i * stride);
            var max = Vector256.Create(MaxOfLabels(e));
            local[i] = VectorMath.Exp(e - max) & LabelLanes;
        }

        var a = transitions.ExpRow(-1) * local[0];
        alpha[0] = a / Vector256.Sum(a);
        for (var i = 1; i < n; i++)
        {
            var sum = Vector256<float>.Zero;
            var previous = alpha[i - 1];
            for (var p = 0; p < K; p++)
            {
                sum += Vector256.Create(previous.GetElement(p)) * transitions.ExpRow(p);
            }

            a = sum * local[i];
            alpha[i] = a / Vector256.Sum(a);
        }

        var posterior = scratch.Posterior;
        Span<float> lanes = stackalloc float[Lane];
        var beta = transitions.ExpEndRow;
        beta /= Vector256.Sum(beta);
        for (var i = n - 1; ; i--)
        {
            var joint = alpha[i] * beta;
            posterior[i] = joint / Vector256.Sum(joint);
            if (i == 0)
            {
                break;
            }

            // beta[i - 1][p] = Σ_y exp(T[p][y]) × local[i][y] × beta[i][y].
            var w = local[i] * beta;
            lanes.Clear();
            for (var p = 0; p < K; p++)
            {
                lanes[p] = Vector256.Dot(transitions.ExpRow(p), w);
            }

            beta = Vector256.Create<float>(lanes);
            beta /= Vector256.Sum(beta);
        }
    }

    private static readonly Vector256<float> LabelLanes = Vector256.Create(-1, -1, -1, -1, -1, -1, -1, 0).AsSingle();

    private static Vector256<float> Emission(ReadOnlySpan<float> scores, int at) =>
        Vector256.Create<float>(scores.Slice(at, Lane)) & LabelLanes;

    private static float MaxOfLabels(Vector256<float> v)
    {
        var max = v.GetElement(0);
        for (var y = 1; y < K; y++)
        {
            max = MathF.Max(max, v.GetElement(y));
        }

        return max;
    }

    /// <summary>Per-thread working arrays, grown as needed: decoding runs once per model window.</summary>
    private sealed class Scratch
    {
        public Vector256<int>[] Back { get; private set; } = [];

        public Vector256<float>[] Alpha { get; private set; } = [];

        public Vector256<float>[] Local { get; private set; } = [];

        public Vector256<float>[] Posterior { get; private set; } = [];

        public int Length { get; private set; }

        public void Ensure(int n)
        {
            Length = n;
            if (Back.Length >= n)
            {
                return;
            }

            var size = Math.Max(n, 2 * Back.Length);
            Back = new Vector256<int>[size];
            Alpha = new Vector256<float>[size];
            Local = new Vector256<float>[size];
            Posterior = new Vector256<float>[size];
        }
    }
}
