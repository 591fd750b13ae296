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

    /// <summary>For each state, the states that may come right before it.</summary>
    private static readonly int[][] Predecessors = [.. Enumerable.Range(0, States).Select(s => Enumerable.Range(0, States).Where(x => Follows(x, s)).ToArray())];

    /// <summary>Writes BIO labels and, per character, the combined probability of its state; the marginals are <see cref="NerWeights.Lane"/> floats per character.</summary>
    public static void Decode(float[] forward, float[] backward, int[] labels, float[] probs)
    {
        var n = labels.Length;
        var emission = new float[n * States];
        for (var i = 0; i < n; i++)
        {
            var f = forward.AsSpan(i * NerWeights.Lane, K);
            var b = backward.AsSpan(i * NerWeights.Lane, K);
            var e = emission.AsSpan(i * States, States);
            e[0] = Log(f[NerLabels.Outside]) + Log(b[NerLabels.Outside]);
            for (var t = 0; t < Types; t++)
            {
                var fb = Log(f[NerLabels.Begin(t)]);
                var fi = Log(f[NerLabels.Inside(t)]);
                var bb = Log(b[NerLabels.Begin(t)]);
                var bi = Log(b[NerLabels.Inside(t)]);
                e[State(t, 0)] = fb + bi;
                e[State(t, 1)] = fi + bi;
                e[State(t, 2)] = fi + bb;
                e[State(t, 3)] = fb + bb;
            }
        }

        var delta = new float[n * States];
        var back = new int[n * States];
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
            var e = emission.AsSpan(i * States, States);
            var sum = 0f;
            foreach (var v in e)
            {
                sum += MathF.Exp(v - e[s]);
            }

            probs[i] = 1f / sum;
        }
    }

    private static float Log(float p) => MathF.Log(Math.Max(p, 1e-9f));

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
}
