using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The label-pair scores of the conditional random field over <see cref="CrfLabels"/>: one row per
/// previous label (the first row for the sentence start) and the score of ending on each label.
/// Pairs that break BIOES (O → I-PER, B-LOC → I-ORG, ending on B-) are −∞, so no decoding can
/// produce them.
/// </summary>
internal sealed class NerTransitions
{
    private const int K = CrfLabels.Count;

    /// <param name="scores">(K + 1) × K scores: the start row, then one row per previous label; disallowed pairs are ignored.</param>
    /// <param name="end">K scores of ending on each label; labels that cannot end a sentence are ignored.</param>
    public NerTransitions(ReadOnlySpan<float> scores, ReadOnlySpan<float> end)
    {
        if (scores.Length != (K + 1) * K || end.Length != K)
        {
            throw new ArgumentException("transition arrays do not match the label count.");
        }

        Scores = scores.ToArray();
        End = end.ToArray();
        Span<float> row = stackalloc float[K];
        Rows = new SlotVector[K + 1];
        ExpRows = new SlotVector[K + 1];
        for (var previous = -1; previous < K; previous++)
        {
            for (var y = 0; y < K; y++)
            {
                row[y] = CrfLabels.IsAllowed(previous, y) ? scores[((previous + 1) * K) + y] : float.NegativeInfinity;
            }

            Rows[previous + 1] = SlotVector.FromLabels(row, float.NegativeInfinity);
            ExpRows[previous + 1] = Rows[previous + 1].Exp();
        }

        for (var y = 0; y < K; y++)
        {
            row[y] = CrfLabels.CanEnd(y) ? end[y] : float.NegativeInfinity;
        }

        EndRow = SlotVector.FromLabels(row, float.NegativeInfinity);
        ExpEndRow = EndRow.Exp();
    }

    /// <summary>Per previous label + 1 (0 = sentence start): the scores of every next label in slot order (−∞ where forbidden or unused).</summary>
    public SlotVector[] Rows { get; }

    /// <summary>exp of <see cref="Rows"/>: 0 where forbidden or unused.</summary>
    public SlotVector[] ExpRows { get; }

    public SlotVector EndRow { get; }

    public SlotVector ExpEndRow { get; }

    /// <summary>The raw scores as given (start row first), for saving.</summary>
    public float[] Scores { get; }

    /// <summary>The raw end scores, for saving.</summary>
    public float[] End { get; }

    /// <summary>The score of <paramref name="next"/> after <paramref name="previous"/> (-1 = sentence start); −∞ when BIOES forbids it.</summary>
    public float Score(int previous, int next) => Rows[previous + 1].Get(CrfLabels.Slot(next));

    /// <summary>The score of ending the sentence on <paramref name="label"/>.</summary>
    public float EndScore(int label) => EndRow.Get(CrfLabels.Slot(label));

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
