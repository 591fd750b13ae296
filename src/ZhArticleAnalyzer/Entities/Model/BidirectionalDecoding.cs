using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Combines the marginals of a left-to-right and a right-to-left model into one labelling. Each
/// character takes one of the states O, and B (first), I (inside), E (last), S (single) of a type;
/// a state is scored by the product of what the two directions give it (left to right B- = B or
/// S, I- = I or E; right to left B- = E or S, I- = B or I), and Viterbi finds the best valid
/// state sequence. Reading both directions removes most of a one-way model's label bias: the
/// left-to-right model decides where a name starts before it sees where it ends.
/// </summary>
internal static class BidirectionalDecoding
{
    private const int K = NerLabels.Count;
    private const int Types = 3;
    private const int States = 1 + (4 * Types);

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Of the last eight states, the ones the first eight do not include.</summary>
    private static readonly Vector256<float> HighLanes = Vector256.Create([.. Enumerable.Range(States - 8, 8).Select(s => s >= 8 ? -1 : 0)]).AsSingle();

    /// <summary>For each state, the states that may come right before it.</summary>
    private static readonly int[][] Predecessors = [.. Enumerable.Range(0, States).Select(s => Enumerable.Range(0, States).Where(x => Follows(x, s)).ToArray())];

    /// <summary>Writes BIO labels and, per character, the combined probability of its state; the marginals are <see cref="NerWeights.Lane"/> floats per character.</summary>
    public static void Decode(ReadOnlySpan<float> forward, ReadOnlySpan<float> backward, Span<int> labels, Span<float> probs)
    {
        var n = labels.Length;
        var scratch = t_scratch ??= new Scratch();
        var emission = scratch.Floats(0, n * States);
        Span<float> f = stackalloc float[NerWeights.Lane];
        Span<float> b = stackalloc float[NerWeights.Lane];
        var floor = Vector256.Create(1e-9f);
        for (var i = 0; i < n; i++)
        {
            Vector256.Log(Vector256.Max(Vector256.Create<float>(forward.Slice(i * NerWeights.Lane, NerWeights.Lane)), floor)).CopyTo(f);
            Vector256.Log(Vector256.Max(Vector256.Create<float>(backward.Slice(i * NerWeights.Lane, NerWeights.Lane)), floor)).CopyTo(b);
            var e = emission.Slice(i * States, States);
            e[0] = f[NerLabels.Outside] + b[NerLabels.Outside];
            for (var t = 0; t < Types; t++)
            {
                var fb = f[NerLabels.Begin(t)];
                var fi = f[NerLabels.Inside(t)];
                var bb = b[NerLabels.Begin(t)];
                var bi = b[NerLabels.Inside(t)];
                e[State(t, 0)] = fb + bi;
                e[State(t, 1)] = fi + bi;
                e[State(t, 2)] = fi + bb;
                e[State(t, 3)] = fb + bb;
            }
        }

        var delta = scratch.Floats(1, n * States);
        var back = scratch.Ints(n * States);
        for (var s = 0; s < States; s++)
        {
            delta[s] = CanStart(s) ? emission[s] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var s = 0; s < States; s++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                foreach (var x in Predecessors[s])
                {
                    if (delta[((i - 1) * States) + x] > best)
                    {
                        best = delta[((i - 1) * States) + x];
                        arg = x;
                    }
                }

                delta[(i * States) + s] = best + emission[(i * States) + s];
                back[(i * States) + s] = arg;
            }
        }

        var last = 0;
        for (var s = 1; s < States; s++)
        {
            if (CanEnd(s) && delta[((n - 1) * States) + s] > delta[((n - 1) * States) + last])
            {
                last = s;
            }
        }

        Span<int> states = n <= 1024 ? stackalloc int[n] : new int[n];
        states[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            states[i - 1] = back[(i * States) + states[i]];
        }

        for (var i = 0; i < n; i++)
        {
            var s = states[i];
            labels[i] = s == 0 ? NerLabels.Outside : Role(s) is 0 or 3 ? NerLabels.Begin(TypeOf(s)) : NerLabels.Inside(TypeOf(s));
            var e = emission.Slice(i * States, States);
            var chosen = Vector256.Create(e[s]);
            var low = VectorMath.Exp(Vector256.Create<float>(e[..8]) - chosen);
            var high = VectorMath.Exp(Vector256.Create<float>(emission.Slice((i * States) + States - 8, 8)) - chosen) & HighLanes;
            probs[i] = 1f / (Vector256.Sum(low) + Vector256.Sum(high));
        }
    }

    /// <summary>Role 0 B, 1 I, 2 E, 3 S.</summary>
    private static int State(int type, int role) => 1 + (type * 4) + role;

    private static int TypeOf(int state) => (state - 1) / 4;

    private static int Role(int state) => (state - 1) % 4;

    /// <summary>Whether the state closes what came before it (O, E, S: the next may start anew).</summary>
    private static bool IsClosed(int state) => state == 0 || Role(state) is 2 or 3;

    private static bool CanStart(int state) => state == 0 || Role(state) is 0 or 3;

    private static bool CanEnd(int state) => IsClosed(state);

    private static bool Follows(int previous, int next) =>
        IsClosed(previous) ? CanStart(next) : Role(next) is 1 or 2 && TypeOf(next) == TypeOf(previous);

    /// <summary>Per-thread working arrays, grown as needed: decoding runs once per model window.</summary>
    private sealed class Scratch
    {
        private readonly float[][] _floats = [[], []];
        private int[] _ints = [];

        public Span<float> Floats(int which, int length)
        {
            if (_floats[which].Length < length)
            {
                _floats[which] = new float[Math.Max(length, 2 * _floats[which].Length)];
            }

            return _floats[which].AsSpan(0, length);
        }

        public Span<int> Ints(int length)
        {
            if (_ints.Length < length)
            {
                _ints = new int[Math.Max(length, 2 * _ints.Length)];
            }

            return _ints.AsSpan(0, length);
        }
    }
}
