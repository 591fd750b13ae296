using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The label-pair scores of the conditional random field: one row per previous label (the first
/// row for the sentence start), one <see cref="NerWeights.Lane"/>-float vector per row over the next
/// label, and the score of ending on each label. Pairs that break BIO (O → I-PER, B-LOC → I-ORG) are
/// −∞, so no decoding can produce them; the unused last lane is −∞ too.
/// </summary>
internal sealed class NerTransitions
{
    private const int K = NerLabels.Count;
    private const int Lane = NerWeights.Lane;
    private readonly Vector256<float>[] _rows;   // per previous label + 1
    private readonly Vector256<float>[] _expRows;
    private readonly Vector256<float> _end;
    private readonly Vector256<float> _expEnd;

    /// <param name="scores">(K + 1) × K scores: the start row, then one row per previous label; disallowed pairs are ignored.</param>
    /// <param name="end">K scores of ending on each label.</param>
    public NerTransitions(ReadOnlySpan<float> scores, ReadOnlySpan<float> end)
    {
        if (scores.Length != (K + 1) * K || end.Length != K)
        {
            throw new ArgumentException("transition arrays do not match the label count.");
        }

        Scores = scores.ToArray();
        End = end.ToArray();
        _rows = new Vector256<float>[K + 1];
        _expRows = new Vector256<float>[K + 1];
        Span<float> lane = stackalloc float[Lane];
        for (var previous = -1; previous < K; previous++)
        {
            for (var y = 0; y < Lane; y++)
            {
                lane[y] = y < K && NerLabels.IsAllowed(previous, y) ? scores[((previous + 1) * K) + y] : float.NegativeInfinity;
            }

            _rows[previous + 1] = Vector256.Create<float>(lane);
            _expRows[previous + 1] = Vector256.Exp(_rows[previous + 1]);
        }

        for (var y = 0; y < Lane; y++)
        {
            lane[y] = y < K ? end[y] : float.NegativeInfinity;
        }

        _end = Vector256.Create<float>(lane);
        _expEnd = Vector256.Exp(_end);
    }

    /// <summary>The raw scores as given (start row first), for saving.</summary>
    public float[] Scores { get; }

    /// <summary>The raw end scores, for saving.</summary>
    public float[] End { get; }

    /// <summary>Scores of every next label after <paramref name="previous"/> (-1 = sentence start).</summary>
    public Vector256<float> Row(int previous) => _rows[previous + 1];

    /// <summary>exp of <see cref="Row"/>: 0 for the pairs that break BIO.</summary>
    public Vector256<float> ExpRow(int previous) => _expRows[previous + 1];

    public Vector256<float> EndRow => _end;

    public Vector256<float> ExpEndRow => _expEnd;

    public static NerTransitions Read(BinaryReader reader)
    {
        var scores = new float[(K + 1) * K];
        var end = new float[K];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = reader.ReadSingle();
        }

        for (var i = 0; i < end.Length; i++)
        {
            end[i] = reader.ReadSingle();
        }

        return new NerTransitions(scores, end);
    }

    public void Write(BinaryWriter writer)
    {
        foreach (var s in Scores)
        {
            writer.Write(s);
        }

        foreach (var s in End)
        {
            writer.Write(s);
        }
    }
}
