using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The linear weights of every reading direction, 8-bit, interleaved by feature bucket: row b holds
/// direction 0's <see cref="NerLabels.Count"/> label weights and a power-of-two scale, then direction
/// 1's. One feature's weights for both directions thus share one 16-byte block: scoring is bound by
/// memory reads, not arithmetic, so the smaller the table the more of it stays in cache. A scale per
/// row and direction (rather than per table) keeps rare features' small weights from rounding to
/// zero next to the large weights of frequent ones. The file holds the rows as they are in memory.
/// </summary>
internal sealed class NerWeights
{
    /// <summary>The bytes of one direction in a row: the label weights and the scale's exponent.</summary>
    public const int Lane = 8;

    private const int Exponent = Lane - 1;
    private const int Levels = 127;
    private static readonly Vector256<float> LabelLanes = Vector256.Create(-1, -1, -1, -1, -1, -1, -1, 0).AsSingle();
    private readonly sbyte[] _rows;
    private readonly float[][] _biases;

    private NerWeights(sbyte[] rows, float[][] biases)
    {
        _rows = rows;
        _biases = biases;
    }

    public int Directions => _biases.Length;

    /// <summary>The bytes of one row (and the floats <see cref="AddRows"/> adds to): <see cref="Lane"/> per direction.</summary>
    public int Stride => Lane * Directions;

    /// <summary>Quantises and interleaves per-direction weights given bucket-major (weights[bucket × labels + label]).</summary>
    public static NerWeights FromDirections(int buckets, IReadOnlyList<(float[] Weights, float[] Biases)> directions)
    {
        const int k = NerLabels.Count;
        var stride = Lane * directions.Count;
        var rows = new sbyte[buckets * stride];
        for (var d = 0; d < directions.Count; d++)
        {
            var weights = directions[d].Weights;
            if (weights.Length != buckets * k || directions[d].Biases.Length != k)
            {
                throw new ArgumentException("model arrays do not match the label count and hash size.");
            }

            for (var b = 0; b < buckets; b++)
            {
                Quantise(weights.AsSpan(b * k, k), rows.AsSpan((b * stride) + (d * Lane), Lane));
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

        var rows = new sbyte[buckets * Lane * directions];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(rows.AsSpan()));
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
        writer.BaseStream.Write(MemoryMarshal.AsBytes(_rows.AsSpan()));
    }

    public ReadOnlySpan<float> Biases(int direction) => _biases[direction];

    /// <summary>
    /// Adds the rows of <paramref name="buckets"/> to <paramref name="sums"/> (<see cref="Stride"/> floats;
    /// each direction's last one stays as it is). Both directions are read in one pass, one 16-byte block per bucket.
    /// </summary>
    public void AddRows(ReadOnlySpan<int> buckets, Span<float> sums)
    {
        if (sums.Length < Stride)
        {
            throw new ArgumentException("sums must hold a whole row.", nameof(sums));
        }

        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref var target = ref MemoryMarshal.GetReference(sums);
        var first = Vector256.LoadUnsafe(ref target);
        if (Directions == 1)
        {
            foreach (var bucket in buckets)
            {
                first += Widen(ref Unsafe.Add(ref rows, (nint)((uint)bucket * Lane)));
            }

            first.StoreUnsafe(ref target);
            return;
        }

        var second = Vector256.LoadUnsafe(ref target, Lane);
        foreach (var bucket in buckets)
        {
            ref var row = ref Unsafe.Add(ref rows, (nint)((uint)bucket * (2 * Lane)));
            first += Widen(ref row);
            second += Widen(ref Unsafe.Add(ref row, Lane));
        }

        first.StoreUnsafe(ref target);
        second.StoreUnsafe(ref target, Lane);
    }

    /// <summary>One direction's label weights of <paramref name="bucket"/>, and a zero in the last lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Row(int bucket, int direction)
    {
        var at = (bucket * Stride) + (direction * Lane);
        if ((uint)at > (uint)(_rows.Length - Lane))
        {
            throw new ArgumentOutOfRangeException(nameof(bucket));
        }

        return Widen(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rows), at));
    }

    /// <summary>The row's weights as q × 2^e with |q| ≤ 127 and the smallest e that fits the largest weight.</summary>
    private static void Quantise(ReadOnlySpan<float> weights, Span<sbyte> lane)
    {
        var max = 0f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        lane.Clear();
        if (max == 0f)
        {
            return;
        }

        var exponent = Math.Clamp((int)Math.Ceiling(Math.Log2(max / Levels)), -126, 127);
        while (exponent < 127 && MathF.Round(max / Scale(exponent)) > Levels)
        {
            exponent++;
        }

        for (var y = 0; y < weights.Length; y++)
        {
            lane[y] = (sbyte)Math.Clamp(MathF.Round(weights[y] / Scale(exponent)), -Levels, Levels);
        }

        lane[Exponent] = (sbyte)exponent;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Scale(int exponent) => BitConverter.Int32BitsToSingle((exponent + 127) << 23);

    /// <summary>One direction's eight bytes as floats: the label weights times the scale, and a zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Widen(ref sbyte lane)
    {
        var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<long>(ref Unsafe.As<sbyte, byte>(ref lane))).AsSByte();
        Vector256<int> ints;
        if (Avx2.IsSupported)
        {
            ints = Avx2.ConvertToVector256Int32(bytes);
        }
        else
        {
            var shorts = Vector128.WidenLower(bytes);
            ints = Vector256.Create(Vector128.WidenLower(shorts), Vector128.WidenUpper(shorts));
        }

        var scale = Vector256.Create(Scale(Unsafe.Add(ref lane, Exponent))) & LabelLanes;
        return Vector256.ConvertToSingle(ints) * scale;
    }
}
