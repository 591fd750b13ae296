using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// One value per <see cref="CrfLabels"/> label in slot order (see <see cref="CrfLabels.Slot"/>),
/// as two eight-float vectors: the layout of a <see cref="NerWeights"/> row of two lanes, so the
/// random field's scores need no reordering.
/// </summary>
internal readonly record struct SlotVector(Vector256<float> Low, Vector256<float> High)
{
    /// <summary>All-ones lanes where a slot holds a label.</summary>
    public static readonly SlotVector LabelMask = new(
        Vector256.Create([.. Enumerable.Range(0, 8).Select(s => Label(s) >= 0 ? -1 : 0)]).AsSingle(),
        Vector256.Create([.. Enumerable.Range(8, 8).Select(s => Label(s) >= 0 ? -1 : 0)]).AsSingle());

    /// <summary>The label of a slot, or -1 for an unused one.</summary>
    public static int Label(int slot) => CrfLabels.LabelAt(slot / NerWeights.Lane, slot % NerWeights.Lane) is var label and >= 0 && slot % NerWeights.Lane < NerWeights.Lane - 1 ? label : -1;

    /// <summary>A vector of per-label values (label order), <paramref name="unused"/> in the unused slots.</summary>
    public static SlotVector FromLabels(ReadOnlySpan<float> labels, float unused)
    {
        Span<float> slots = stackalloc float[CrfLabels.Stride];
        slots.Fill(unused);
        for (var y = 0; y < labels.Length; y++)
        {
            slots[CrfLabels.Slot(y)] = labels[y];
        }

        return Load(slots);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SlotVector Load(ReadOnlySpan<float> slots) => new(Vector256.Create(slots), Vector256.Create(slots[NerWeights.Lane..]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SlotVector Broadcast(float value) => new(Vector256.Create(value), Vector256.Create(value));

    public float Get(int slot) => slot < NerWeights.Lane ? Low.GetElement(slot) : High.GetElement(slot - NerWeights.Lane);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> slots)
    {
        Low.CopyTo(slots);
        High.CopyTo(slots[NerWeights.Lane..]);
    }

    public static SlotVector operator +(SlotVector a, SlotVector b) => new(a.Low + b.Low, a.High + b.High);

    public static SlotVector operator *(SlotVector a, SlotVector b) => new(a.Low * b.Low, a.High * b.High);

    public static SlotVector operator /(SlotVector a, float b) => new(a.Low / Vector256.Create(b), a.High / Vector256.Create(b));

    public static SlotVector operator &(SlotVector a, SlotVector b) => new(a.Low & b.Low, a.High & b.High);

    public float Sum() => Vector256.Sum(Low) + Vector256.Sum(High);

    /// <summary>The largest value of the label slots.</summary>
    public float MaxOfLabels()
    {
        var none = Vector256.Create(float.NegativeInfinity);
        var v = Vector256.Max(Vector256.ConditionalSelect(LabelMask.Low, Low, none), Vector256.ConditionalSelect(LabelMask.High, High, none));
        var halves = Vector128.Max(v.GetLower(), v.GetUpper());
        halves = Vector128.Max(halves, Vector128.Shuffle(halves, Vector128.Create(2, 3, 0, 1)));
        halves = Vector128.Max(halves, Vector128.Shuffle(halves, Vector128.Create(1, 0, 3, 2)));
        return halves.ToScalar();
    }

    public SlotVector Exp() => new(Vector256.Exp(Low), Vector256.Exp(High));

    /// <summary>exp with our polynomial (see <see cref="VectorMath"/>): finite inputs only.</summary>
    public SlotVector FastExp() => new(VectorMath.Exp(Low), VectorMath.Exp(High));

    public float Dot(SlotVector other) => Vector256.Dot(Low, other.Low) + Vector256.Dot(High, other.High);
}
