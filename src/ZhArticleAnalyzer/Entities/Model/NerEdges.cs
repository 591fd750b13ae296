namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Edge features of the conditional random field: label-pair scores that depend on the characters
/// where the pair meets, added to the global <see cref="NerTransitions"/>. A global pair score cannot
/// tell 李鹏|乔石 (a name ends and the next begins) from a name that goes on; rows per character can.
/// Each row holds, per previous label, the scores of every next label in slot order (as <see cref="SlotVector"/>s, 0 where BIOES forbids the pair:
/// the global row's −∞ already forbids it). Stored as half floats.
/// </summary>
internal sealed class NerEdges
{
    private const int K = CrfLabels.Count;

    private readonly SlotVector[] _vectors;   // row × previous label
    private readonly SlotVector[] _expVectors;   // exp of _vectors: forward-backward multiplies them instead of taking exp per character

    /// <param name="rows">Which rows a position reads.</param>
    /// <param name="scores">Per row, K × K scores, previous-major in label order.</param>
    public NerEdges(NerEdgeRows rows, ReadOnlySpan<float> scores)
    {
        if (scores.Length != rows.Count * K * K)
        {
            throw new ArgumentException("edge scores do not match the row count.", nameof(scores));
        }

        Rows = rows;
        _vectors = new SlotVector[rows.Count * K];
        _expVectors = new SlotVector[rows.Count * K];
        Span<float> labels = stackalloc float[K];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var p = 0; p < K; p++)
            {
                for (var y = 0; y < K; y++)
                {
                    labels[y] = CrfLabels.IsAllowed(p, y) ? scores[(((r * K) + p) * K) + y] : 0f;
                }

                _vectors[(r * K) + p] = SlotVector.FromLabels(labels, 0f);
                for (var y = 0; y < K; y++)
                {
                    labels[y] = MathF.Exp(labels[y]);
                }

                _expVectors[(r * K) + p] = SlotVector.FromLabels(labels, 1f);
            }
        }
    }

    public NerEdgeRows Rows { get; }

    /// <summary>
    /// The pair scores between two characters (normalised): per previous label, <paramref name="global"/>'s
    /// row plus the edge rows', into <paramref name="output"/> (K vectors).
    /// </summary>
    public void PairRows(char previous, char current, ReadOnlySpan<SlotVector> global, Span<SlotVector> output)
    {
        Span<int> rows = stackalloc int[3];
        Rows.RowsAt(previous, current, rows);
        var first = _vectors.AsSpan(rows[0] * K, K);
        var second = _vectors.AsSpan(rows[1] * K, K);
        for (var p = 0; p < K; p++)
        {
            output[p] = global[p] + first[p] + second[p];
        }

        if (Rows.PerPosition > 2)
        {
            var third = _vectors.AsSpan(rows[2] * K, K);
            for (var p = 0; p < K; p++)
            {
                output[p] += third[p];
            }
        }
    }

    /// <summary>exp of <see cref="PairRows"/>, given <paramref name="globalExp"/>, the exp of the global rows: a product of precomputed exps.</summary>
    public void ExpPairRows(char previous, char current, ReadOnlySpan<SlotVector> globalExp, Span<SlotVector> output)
    {
        Span<int> rows = stackalloc int[3];
        Rows.RowsAt(previous, current, rows);
        var first = _expVectors.AsSpan(rows[0] * K, K);
        var second = _expVectors.AsSpan(rows[1] * K, K);
        for (var p = 0; p < K; p++)
        {
            output[p] = globalExp[p] * first[p] * second[p];
        }

        if (Rows.PerPosition > 2)
        {
            var third = _expVectors.AsSpan(rows[2] * K, K);
            for (var p = 0; p < K; p++)
            {
                output[p] *= third[p];
            }
        }
    }

    public static NerEdges Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var characters = new char[count];
        for (var i = 0; i < count; i++)
        {
            characters[i] = (char)reader.ReadUInt16();
        }

        var rows = new NerEdgeRows(characters, reader.ReadInt32());
        var scores = new float[rows.Count * K * K];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var p = 0; p < K; p++)
            {
                for (var y = 0; y < K; y++)
                {
                    if (CrfLabels.IsAllowed(p, y))
                    {
                        scores[(((r * K) + p) * K) + y] = (float)reader.ReadHalf();
                    }
                }
            }
        }

        return new NerEdges(rows, scores);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Rows.Characters.Count);
        foreach (var c in Rows.Characters)
        {
            writer.Write((ushort)c);
        }

        writer.Write(Rows.BigramBits);
        for (var r = 0; r < Rows.Count; r++)
        {
            for (var p = 0; p < K; p++)
            {
                for (var y = 0; y < K; y++)
                {
                    if (CrfLabels.IsAllowed(p, y))
                    {
                        writer.Write((Half)_vectors[(r * K) + p].Get(CrfLabels.Slot(y)));
                    }
                }
            }
        }
    }
}
