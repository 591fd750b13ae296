namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// For each character, how often it begins, continues or ends the lexicon's words of each class,
/// in buckets. This carries what known names teach about their characters over to unseen names
/// built of the same characters: 斯, 尔, 堡 in transliterated places, 省 and 县 ending places,
/// common surnames beginning persons.
/// </summary>
internal sealed class NameCharacterRoles
{
    /// <summary>Roles: 0 begins, 1 continues, 2 ends a word.</summary>
    public const int Roles = 3;

    private readonly Dictionary<char, byte[]> _buckets = [];

    public NameCharacterRoles(NameLexicon lexicon)
    {
        var counts = new Dictionary<char, int[]>();
        foreach (var (word, classes) in lexicon.Entries)
        {
            for (var i = 0; i < word.Length; i++)
            {
                var role = i == 0 ? 0 : i == word.Length - 1 ? 2 : 1;
                if (!counts.TryGetValue(word[i], out var byClassRole))
                {
                    byClassRole = new int[NameLexicon.ClassBits * Roles];
                    counts.Add(word[i], byClassRole);
                }

                for (var bit = 0; bit < NameLexicon.ClassBits; bit++)
                {
                    if ((classes & (1 << bit)) != 0)
                    {
                        byClassRole[(bit * Roles) + role]++;
                    }
                }
            }
        }

        foreach (var (c, byClassRole) in counts)
        {
            _buckets.Add(c, [.. byClassRole.Select(Bucket)]);
        }
    }

    /// <summary>Bucket (0 none … 5 at least 200 words) by class × <see cref="Roles"/> + role; empty for a character in no word.</summary>
    public ReadOnlySpan<byte> Of(char c) => _buckets.TryGetValue(c, out var b) ? b : [];

    private static byte Bucket(int count) => count switch
    {
        0 => 0,
        < 3 => 1,
        < 10 => 2,
        < 50 => 3,
        < 200 => 4,
        _ => 5,
    };
}
