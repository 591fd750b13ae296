using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Decoding of the linear-chain conditional random field: Viterbi over the characters' label
/// scores plus <see cref="NerTransitions"/> for the labels, and the forward-backward algorithm for
/// the confidence: each name's probability as a whole, each other character's marginal. Everything stays in slot order
/// (<see cref="SlotVector"/>: the 13 labels in two eight-float vectors), so a step is a few dozen
/// vector operations; forward-backward runs on probabilities normalised at every step.
/// </summary>
internal static class CrfDecoding
{
    private const int K = CrfLabels.Count;
    private const int Stride = CrfLabels.Stride;

    /// <summary>Per label, its slot.</summary>
    private static readonly int[] Slots = [.. Enumerable.Range(0, K).Select(CrfLabels.Slot)];

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// Writes the best valid labels as BIO (<see cref="NerLabels"/>) and each one's marginal probability;
    /// <paramref name="scores"/> holds n rows of <see cref="CrfLabels.Stride"/> floats in slot order.
    /// With <paramref name="namesOnly"/>, only the characters of names get their probability (the others'
    /// are left as they are), so that a sentence without a name skips the forward-backward pass.
    /// With <paramref name="edges"/>, the pair scores between two characters also depend on them
    /// (<paramref name="chars"/>: the sentence's normalised characters).
    /// </summary>
    public static void Decode(ReadOnlySpan<float> scores, NerTransitions transitions, Span<int> labels, Span<float> probs, bool namesOnly = false, NerEdges? edges = null, ReadOnlySpan<char> chars = default)
    {
        var n = labels.Length;
        if (n == 0)
        {
            return;
        }

        if (edges is not null && chars.Length < n)
        {
            throw new ArgumentException("a field with edge features needs the sentence's characters.", nameof(chars));
        }

        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(n);
        var emission = scratch.Emission;
        for (var i = 0; i < n; i++)
        {
            emission[i] = SlotVector.Load(scores.Slice(i * Stride, Stride)) & SlotVector.LabelMask;
        }

        var pairs = new PairScores(transitions, edges, scratch.EdgeRows.AsSpan(0, 2 * n));
        if (edges is not null)
        {
            for (var i = 1; i < n; i++)
            {
                (scratch.EdgeRows[2 * i], scratch.EdgeRows[(2 * i) + 1]) = edges.Rows.RowsAt(chars[i - 1], chars[i]);
            }
        }

        var best = scratch.Best.AsSpan(0, n);
        Viterbi(emission, pairs, best, scratch);
        if (namesOnly && best.IndexOfAnyExcept(CrfLabels.Outside) < 0)
        {
            labels.Fill(NerLabels.Outside);
            return;
        }

        var posterior = scratch.Posterior;
        Marginals(emission, pairs, n, scratch);
        for (var i = 0; i < n; i++)
        {
            labels[i] = CrfLabels.ToBio(best[i]);
            probs[i] = posterior[i].Get(Slots[best[i]]);
        }

        // A name's characters all get the probability of the whole name (its labels from first to last),
        // which is lower than any one character's: that is what a caller thresholding the name needs.
        for (var start = 0; start < n; start++)
        {
            if (best[start] == CrfLabels.Outside)
            {
                continue;
            }

            var end = start;
            while (!CrfLabels.IsClosed(best[end]) && end + 1 < n)
            {
                end++;
            }

            var p = SpanProbability(pairs, best, start, end, scratch);
            probs[start..(end + 1)].Fill(p);
            start = end;
        }
    }

    /// <summary>
    /// P(labels start..end are exactly the chosen ones) from the scaled forward-backward quantities:
    /// α̂(start) × Π (exp T × local / scale) over the following characters × β̂(end), over the step's total.
    /// </summary>
    private static float SpanProbability(in PairScores pairs, ReadOnlySpan<int> best, int start, int end, Scratch scratch)
    {
        var p = (double)scratch.Alpha[start].Get(Slots[best[start]]);
        for (var i = start + 1; i <= end; i++)
        {
            var expScore = pairs.Edges is null ? pairs.Transitions.ExpRows[best[i - 1] + 1] : scratch.ExpPairs[(i * K) + best[i - 1]];
            p *= expScore.Get(Slots[best[i]]) * scratch.Local[i].Get(Slots[best[i]]) / scratch.Scale[i];
        }

        p *= scratch.Beta[end].Get(Slots[best[end]]) / scratch.Total[end];
        return (float)Math.Clamp(p, 0, 1);
    }

    private static void Viterbi(SlotVector[] emission, in PairScores pairs, Span<int> best, Scratch scratch)
    {
        var transitions = pairs.Transitions;
        var global = transitions.Rows.AsSpan(1);
        var edges = pairs.Edges;
        var n = best.Length;
        var back = scratch.Back;
        var delta = transitions.Rows[0] + emission[0];
        Span<float> previous = stackalloc float[Stride];
        for (var i = 1; i < n; i++)
        {
            delta.Store(previous);
            ReadOnlySpan<SlotVector> current = edges is null ? default : edges.Scores(pairs.CurrentRow(i));
            ReadOnlySpan<SlotVector> before = edges is null ? default : edges.Scores(pairs.PreviousRow(i));
            var top = SlotVector.Broadcast(float.NegativeInfinity);
            var argLow = Vector256<int>.Zero;
            var argHigh = Vector256<int>.Zero;
            for (var p = 0; p < K; p++)
            {
                var row = edges is null ? global[p] : global[p] + current[p] + before[p];
                var candidate = SlotVector.Broadcast(previous[Slots[p]]) + row;
                var low = Vector256.GreaterThan(candidate.Low, top.Low);
                var high = Vector256.GreaterThan(candidate.High, top.High);
                top = new SlotVector(Vector256.ConditionalSelect(low, candidate.Low, top.Low), Vector256.ConditionalSelect(high, candidate.High, top.High));
                argLow = Vector256.ConditionalSelect(low.AsInt32(), Vector256.Create(p), argLow);
                argHigh = Vector256.ConditionalSelect(high.AsInt32(), Vector256.Create(p), argHigh);
            }

            back[2 * i] = argLow;
            back[(2 * i) + 1] = argHigh;
            delta = top + emission[i];
        }

        (delta + transitions.EndRow).Store(previous);
        var last = 0;
        for (var y = 1; y < K; y++)
        {
            if (previous[Slots[y]] > previous[Slots[last]])
            {
                last = y;
            }
        }

        best[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            var slot = Slots[best[i]];
            best[i - 1] = slot < NerWeights.Lane ? back[2 * i].GetElement(slot) : back[(2 * i) + 1].GetElement(slot - NerWeights.Lane);
        }
    }

    /// <summary>Scaled forward-backward: every step's vector is divided by its sum, which keeps floats in range.</summary>
    private static void Marginals(SlotVector[] emission, in PairScores pairs, int n, Scratch scratch)
    {
        var transitions = pairs.Transitions;
        var globalExp = transitions.ExpRows.AsSpan(1);
        var edges = pairs.Edges;
        var local = scratch.Local;
        var alpha = scratch.Alpha;
        for (var i = 0; i < n; i++)
        {
            var e = emission[i];
            local[i] = (e + SlotVector.Broadcast(-e.MaxOfLabels())).FastExp() & SlotVector.LabelMask;
        }

        // With edge features, each position's pair rows differ: their exps are taken once here (a table of
        // them would double the edge rows' memory, which the other stages then miss in the cache).
        var expPairs = scratch.ExpPairs;
        if (edges is not null)
        {
            for (var i = 1; i < n; i++)
            {
                var current = edges.Scores(pairs.CurrentRow(i));
                var before = edges.Scores(pairs.PreviousRow(i));
                for (var p = 0; p < K; p++)
                {
                    expPairs[(i * K) + p] = globalExp[p] * (current[p] + before[p]).FastExp();
                }
            }
        }

        var a = transitions.ExpRows[0] * local[0];
        scratch.Scale[0] = a.Sum();
        alpha[0] = a / scratch.Scale[0];
        Span<float> previous = stackalloc float[Stride];
        for (var i = 1; i < n; i++)
        {
            var sum = SlotVector.Broadcast(0f);
            alpha[i - 1].Store(previous);
            var rows = edges is null ? globalExp : expPairs.AsSpan(i * K, K);
            for (var p = 0; p < K; p++)
            {
                sum += SlotVector.Broadcast(previous[Slots[p]]) * rows[p];
            }

            a = sum * local[i];
            scratch.Scale[i] = a.Sum();
            alpha[i] = a / scratch.Scale[i];
        }

        var posterior = scratch.Posterior;
        Span<float> slots = stackalloc float[Stride];
        var beta = transitions.ExpEndRow;
        beta /= beta.Sum();
        for (var i = n - 1; ; i--)
        {
            var joint = alpha[i] * beta;
            scratch.Beta[i] = beta;
            scratch.Total[i] = joint.Sum();
            posterior[i] = joint / scratch.Total[i];
            if (i == 0)
            {
                break;
            }

            // beta[i − 1][p] = Σ_y exp(T[p][y]) × local[i][y] × beta[i][y].
            var w = local[i] * beta;
            slots.Clear();
            var rows = edges is null ? globalExp : expPairs.AsSpan(i * K, K);
            for (var p = 0; p < K; p++)
            {
                slots[Slots[p]] = rows[p].Dot(w);
            }

            beta = SlotVector.Load(slots);
            beta /= beta.Sum();
        }
    }

    /// <summary>The label-pair scores of one sentence: the global ones, plus the edge rows of each position's characters when the model has them.</summary>
    private readonly ref struct PairScores(NerTransitions transitions, NerEdges? edges, ReadOnlySpan<int> edgeRows)
    {
        private readonly ReadOnlySpan<int> _edgeRows = edgeRows;

        public NerTransitions Transitions { get; } = transitions;

        public NerEdges? Edges { get; } = edges;

        public int CurrentRow(int i) => _edgeRows[2 * i];

        public int PreviousRow(int i) => _edgeRows[(2 * i) + 1];

    }

    /// <summary>Per-thread working arrays, grown as needed: decoding runs once per model window.</summary>
    private sealed class Scratch
    {
        public SlotVector[] Emission { get; private set; } = [];

        public SlotVector[] Local { get; private set; } = [];

        public SlotVector[] Alpha { get; private set; } = [];

        public SlotVector[] Posterior { get; private set; } = [];

        public SlotVector[] Beta { get; private set; } = [];

        public float[] Scale { get; private set; } = [];

        public float[] Total { get; private set; } = [];

        public Vector256<int>[] Back { get; private set; } = [];

        public int[] Best { get; private set; } = [];

        /// <summary>With edge features: per position i ≥ 1, the two <see cref="NerEdges"/> rows of the pair into it.</summary>
        public int[] EdgeRows { get; private set; } = [];

        /// <summary>With edge features: per position i ≥ 1 and previous label, exp of the pair scores into it.</summary>
        public SlotVector[] ExpPairs { get; private set; } = [];

        public void Ensure(int n)
        {
            if (Best.Length >= n)
            {
                return;
            }

            var size = Math.Max(n, 2 * Best.Length);
            Emission = new SlotVector[size];
            Local = new SlotVector[size];
            Alpha = new SlotVector[size];
            Posterior = new SlotVector[size];
            Beta = new SlotVector[size];
            Scale = new float[size];
            Total = new float[size];
            Back = new Vector256<int>[2 * size];
            Best = new int[size];
            EdgeRows = new int[2 * size];
            ExpPairs = new SlotVector[size * K];
        }
    }
}
