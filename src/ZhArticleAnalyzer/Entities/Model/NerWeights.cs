using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The linear weights of every reading direction, in half precision, interleaved by feature bucket:
/// row b holds direction 0's <see cref="NerLabels.Count"/> label weights and a zero, then direction
/// 1's. One feature's weights for both directions thus share one 32-byte block (scoring is bound by
/// memory reads, not arithmetic), and the model needs half the memory of single precision. The
/// file holds the rows without the zeros.
/// </summary>
internal sealed class NerWeights
{
    /// <summary>The slots of one direction in a row: the label weights and a zero.</summary>
    public const int Lane = 8;

    private static readonly float TwoToThe112 = BitConverter.Int32BitsToSingle((127 + 112) << 23);
    private readonly Half[] _rows;
    private readonly float[][] _biases;

    private NerWeights(Half[] rows, float[][] biases)
    {
        _rows = rows;
        _biases = biases;
    }

    public int Directions => _biases.Length;

    /// <summary>The floats of one row: <see cref="Lane"/> per direction.</summary>
    public int Stride => Lane * Directions;

    /// <summary>Interleaves per-direction weights given bucket-major (weights[bucket × labels + label]).</summary>
    public static NerWeights FromDirections(int buckets, IReadOnlyList<(Half[] Weights, float[] Biases)> directions)
    {
        const int k = NerLabels.Count;
        var stride = Lane * directions.Count;
        var rows = new Half[buckets * stride];
        for (var d = 0; d < directions.Count; d++)
        {
            var weights = directions[d].Weights;
            if (weights.Length != buckets * k || directions[d].Biases.Length != k)
            {
                throw new ArgumentException("model arrays do not match the label count and hash size.");
            }

            for (var b = 0; b < buckets; b++)
            {
                weights.AsSpan(b * k, k).CopyTo(rows.AsSpan((b * stride) + (d * Lane), k));
            }
        }

        return new NerWeights(rows, [.. directions.Select(d => d.Biases)]);
    }

    public static NerWeights Read(BinaryReader reader, int buckets, int directions)
    {
        var biases = new float[directions][];
        for (var d = 0; d < directions; d++)
        {
            biases[d] = new float[NerLabels.Count];
            for (var y = 0; y < NerLabels.Count; y++)
            {
                biases[d][y] = reader.ReadSingle();
            }
        }

        const int k = NerLabels.Count;
        var stride = Lane * directions;
        var rows = new Half[buckets * stride];
        var packed = new Half[Math.Min(buckets, 1 << 16) * k * directions];
        for (var first = 0; first < buckets; first += 1 << 16)
        {
            var count = Math.Min(1 << 16, buckets - first);
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(packed.AsSpan(0, count * k * directions)));
            for (var b = 0; b < count; b++)
            {
                for (var d = 0; d < directions; d++)
                {
                    packed.AsSpan(((b * directions) + d) * k, k).CopyTo(rows.AsSpan(((first + b) * stride) + (d * Lane)));
                }
            }
        }

        return new NerWeights(rows, biases);
    }

    public void Write(BinaryWriter writer)
    {
        foreach (var direction in _biases)
        {
            foreach (var b in direction)
            {
                writer.Write(b);
            }
        }

        writer.Flush();
        const int k = NerLabels.Count;
        var packed = new Half[k * Directions];
        for (var row = 0; row < _rows.Length; row += Stride)
        {
            for (var d = 0; d < Directions; d++)
            {
                _rows.AsSpan(row + (d * Lane), k).CopyTo(packed.AsSpan(d * k));
            }

            writer.BaseStream.Write(MemoryMarshal.AsBytes(packed.AsSpan()));
        }
    }

    public ReadOnlySpan<float> Biases(int direction) => _biases[direction];

    /// <summary>Adds the rows of <paramref name="buckets"/> to <paramref name="sums"/> (<see cref="Stride"/> floats).</summary>
    public void AddRows(ReadOnlySpan<int> buckets, Span<float> sums)
    {
        var stride = Stride;
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        for (var lane = 0; lane < stride; lane += Lane)
        {
            var sum = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(sums), (nuint)lane);
            foreach (var bucket in buckets)
            {
                sum += Widen(Vector128.LoadUnsafe(ref Unsafe.As<Half, short>(ref rows), (nuint)((bucket * stride) + lane)));
            }

            sum.StoreUnsafe(ref MemoryMarshal.GetReference(sums), (nuint)lane);
        }
    }

    /// <summary>Adds one direction's label weights of <paramref name="bucket"/> to <paramref name="scores"/>.</summary>
    public void AddRow(int bucket, int direction, Span<float> scores)
    {
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        var row = Widen(Vector128.LoadUnsafe(ref Unsafe.As<Half, short>(ref rows), (nuint)((bucket * Stride) + (direction * Lane))));
        for (var y = 0; y < scores.Length; y++)
        {
            scores[y] += row[y];
        }
    }

    /// <summary>
    /// Eight half-precision values to single precision: the exponent and mantissa bits moved into
    /// place and rescaled by 2^112 (which also handles subnormal halves exactly), then the sign.
    /// Weights are finite, so infinities and NaNs need no care.
    /// </summary>
    private static Vector256<float> Widen(Vector128<short> halves)
    {
        var wide = Vector256.Create(
            Vector128.WidenLower(halves),
            Vector128.WidenUpper(halves));
        var magnitude = Vector256.ShiftLeft(wide & Vector256.Create(0x7FFF), 13).AsSingle() * Vector256.Create(TwoToThe112);
        var sign = Vector256.ShiftLeft(wide & Vector256.Create(0x8000), 16);
        return (magnitude.AsInt32() | sign).AsSingle();
    }
}
