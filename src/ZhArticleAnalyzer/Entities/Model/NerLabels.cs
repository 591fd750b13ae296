namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The BIO label set of the statistical model: O, then B-/I- for person, location and organisation
/// (the three types the training data annotate).
/// </summary>
internal static class NerLabels
{
    public const int Count = 7;
    public const int Outside = 0;

    private static readonly string[] Names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];
    private static readonly EntityType[] Types = [EntityType.Person, EntityType.Location, EntityType.Organization];

    public static string Name(int label) => Names[label];

    /// <summary>Parses <c>O</c>, <c>B-PER</c>, <c>I-LOC</c> … (unknown types become O).</summary>
    public static int Parse(string tag) => Array.IndexOf(Names, tag) is var i and >= 0 ? i : Outside;

    public static bool IsBegin(int label) => label > 0 && label % 2 == 1;

    public static bool IsInside(int label) => label > 0 && label % 2 == 0;

    /// <summary>0 for PER, 1 for LOC, 2 for ORG; -1 for O.</summary>
    public static int TypeIndex(int label) => label == 0 ? -1 : (label - 1) / 2;

    public static EntityType TypeOf(int label) => Types[TypeIndex(label)];

    public static int Begin(int typeIndex) => (typeIndex * 2) + 1;

    public static int Inside(int typeIndex) => (typeIndex * 2) + 2;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start) in valid BIO.</summary>
    public static bool IsAllowed(int previous, int next) =>
        !IsInside(next) || (previous >= 0 && previous != Outside && TypeIndex(previous) == TypeIndex(next));
}
