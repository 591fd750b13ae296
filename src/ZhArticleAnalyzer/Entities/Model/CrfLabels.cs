namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The labels of the conditional random field: O, then B (first), I (inside), E (last) and S
/// (single-character name) for person, location and organisation. Marking a name's last character
/// lets the field learn where names end, which matters when names follow one another with nothing
/// between them (李鹏乔石李瑞环). The weights keep the 13 labels in two lanes of a
/// <see cref="NerWeights"/> row (labels 0–6 and 7–12), hence <see cref="Slot"/>.
/// </summary>
internal static class CrfLabels
{
    public const int Count = 13;
    public const int Outside = 0;

    /// <summary>Floats per character in the scores <see cref="NerWeights"/> adds up for a two-lane row.</summary>
    public const int Stride = 2 * NerWeights.Lane;

    private const int LaneLabels = NerWeights.Lane - 1;

    public static int Begin(int type) => 1 + (4 * type);

    public static int Inside(int type) => 2 + (4 * type);

    public static int End(int type) => 3 + (4 * type);

    public static int Single(int type) => 4 + (4 * type);

    /// <summary>0 for PER, 1 for LOC, 2 for ORG; -1 for O.</summary>
    public static int TypeIndex(int label) => label == Outside ? -1 : (label - 1) / 4;

    /// <summary>0 B, 1 I, 2 E, 3 S.</summary>
    private static int Role(int label) => (label - 1) % 4;

    /// <summary>Where the label's score sits in a row of <see cref="Stride"/> floats.</summary>
    public static int Slot(int label) => label < LaneLabels ? label : NerWeights.Lane + (label - LaneLabels);

    /// <summary>The label of a lane position (<paramref name="lane"/> 0 or 1, <paramref name="index"/> 0–6), or -1 for an unused one.</summary>
    public static int LabelAt(int lane, int index) => lane == 0 ? index : LaneLabels + index < Count ? LaneLabels + index : -1;

    /// <summary>Whether the label closes a name or is O (so that anything may start after it).</summary>
    public static bool IsClosed(int label) => label == Outside || Role(label) is 2 or 3;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool IsAllowed(int previous, int next)
    {
        var opens = next == Outside || Role(next) is 0 or 3;
        if (previous < 0 || IsClosed(previous))
        {
            return opens;
        }

        return !opens && TypeIndex(next) == TypeIndex(previous);
    }

    /// <summary>Whether a sentence may end on the label.</summary>
    public static bool CanEnd(int label) => IsClosed(label);

    /// <summary>The BIO label (<see cref="NerLabels"/>) of a label.</summary>
    public static int ToBio(int label) => label == Outside
        ? NerLabels.Outside
        : Role(label) is 0 or 3 ? NerLabels.Begin(TypeIndex(label)) : NerLabels.Inside(TypeIndex(label));

    /// <summary>BIOES labels of a BIO sequence (an I- that cannot continue its predecessor starts a name).</summary>
    public static int[] FromBio(ReadOnlySpan<int> bio)
    {
        var labels = new int[bio.Length];
        for (var i = 0; i < bio.Length; i++)
        {
            var type = NerLabels.TypeIndex(bio[i]);
            if (type < 0)
            {
                continue;
            }

            var starts = NerLabels.IsBegin(bio[i]) || i == 0 || NerLabels.TypeIndex(bio[i - 1]) != type;
            var continues = i + 1 < bio.Length && NerLabels.IsInside(bio[i + 1]) && NerLabels.TypeIndex(bio[i + 1]) == type;
            labels[i] = (starts, continues) switch
            {
                (true, true) => Begin(type),
                (true, false) => Single(type),
                (false, true) => Inside(type),
                (false, false) => End(type),
            };
        }

        return labels;
    }
}
