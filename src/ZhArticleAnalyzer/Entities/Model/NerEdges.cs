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
            }
        }
    }

    public NerEdgeRows Rows { get; }

    /// <summary>Per previous label, the scores a row adds to every next label (0 where BIOES forbids the pair).</summary>
    public ReadOnlySpan<SlotVector> Scores(int row) => _vectors.AsSpan(row * K, K);

    public static NerEdges Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var characters = new char[count];
        for (var i = 0; i < count; i++)
        {
            characters[i] = (char)reader.ReadUInt16();
        }

        // Reserved for hashed rows of character pairs, which this version does not have.
        if (reader.ReadInt32() != 0)
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.EmbeddedResourceMissing, "the NER model's edge features have character-pair rows, which this version of the library cannot read.");
        }

        var rows = new NerEdgeRows(characters);
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

        writer.Write(0);
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
