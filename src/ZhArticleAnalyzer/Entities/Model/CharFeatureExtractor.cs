using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Turns each character of a sentence into hashed feature indices: characters and character
/// n-grams in a ±2 window, character classes, the lexicon words that cover it (class, role
/// B/M/E, length) and, as <see cref="NerFeatureSet"/> asks, surname buckets of nearby characters
/// and jieba's words (<see cref="JiebaWordFeatures"/>). The hash is our own (FNV-style over ints),
/// so indices are stable across processes and platforms.
/// </summary>
internal sealed class CharFeatureExtractor(NameLexicon lexicon, int hashBits, NerFeatureSet featureSet = NerFeatureSet.None)
{
    private const char Before = '\u0002';
    private const char After = '\u0003';
    private readonly uint _mask = (1u << hashBits) - 1;
    [ThreadStatic]
    private static PositionedFeatures? t_extra;

    private readonly Dictionary<char, int>? _surnames = (featureSet & NerFeatureSet.Surnames) != 0 ? SurnameBuckets(lexicon) : null;

    public int HashBits { get; } = hashBits;

    public NerFeatureSet FeatureSet { get; } = featureSet;

    public int Dimension => 1 << HashBits;

    /// <summary>The form a character takes in features: ASCII for full-width forms, digits as 0, Latin lower-case.</summary>
    public static char NormalizeChar(char c)
    {
        c = CharNormalizer.Map(c);
        return c switch
        {
            >= '0' and <= '9' => '0',
            >= 'A' and <= 'Z' => (char)(c + 32),
            _ => c,
        };
    }

    public static string NormalizeWord(string word) => string.Create(word.Length, word, static (d, w) =>
    {
        for (var i = 0; i < w.Length; i++)
        {
            d[i] = NormalizeChar(w[i]);
        }
    });

    /// <summary>
    /// Appends the features of every character of <paramref name="sentence"/> to <paramref name="features"/>;
    /// <paramref name="starts"/>[i]..<paramref name="starts"/>[i+1] delimit character i's features.
    /// </summary>
    public void Extract(ReadOnlySpan<char> sentence, List<int> features, Span<int> starts)
    {
        var n = sentence.Length;
        Span<char> c = n + 4 <= 512 ? stackalloc char[n + 4] : new char[n + 4];
        c[0] = c[1] = Before;
        c[n + 2] = c[n + 3] = After;
        for (var i = 0; i < n; i++)
        {
            c[i + 2] = NormalizeChar(sentence[i]);
        }

        // Lexicon matches: for each character, the (class, role, length) of the words covering it.
        var extra = t_extra ??= new PositionedFeatures();
        extra.Clear();
        var state = new LexiconState(extra, 0, this);
        var normalized = c.Slice(2, n);
        for (var i = 0; i < n; i++)
        {
            state.Start = i;
            lexicon.MatchesAt(normalized, i, ref state, OnLexiconMatch);
        }

        if ((FeatureSet & (NerFeatureSet.Words | NerFeatureSet.WordIdentity | NerFeatureSet.NeighbourWords)) != 0)
        {
            JiebaWordFeatures.Add(sentence, this, extra);
        }

        extra.Group(n);

        // Each character's surname bucket once (the templates read it at up to four offsets).
        Span<int> surnames = _surnames is null ? [] : n + 4 <= 512 ? stackalloc int[n + 4] : new int[n + 4];
        for (var i = 0; i < surnames.Length; i++)
        {
            surnames[i] = Surname(c[i]);
        }

        for (var i = 0; i < n; i++)
        {
            starts[i] = features.Count;
            var p = i + 2;
            features.Add(Hash(1, 0, 0, 0));
            features.Add(Hash(2, c[p - 2], 0, 0));
            features.Add(Hash(3, c[p - 1], 0, 0));
            features.Add(Hash(4, c[p], 0, 0));
            features.Add(Hash(5, c[p + 1], 0, 0));
            features.Add(Hash(6, c[p + 2], 0, 0));
            features.Add(Hash(7, c[p - 2], c[p - 1], 0));
            features.Add(Hash(8, c[p - 1], c[p], 0));
            features.Add(Hash(9, c[p], c[p + 1], 0));
            features.Add(Hash(10, c[p + 1], c[p + 2], 0));
            features.Add(Hash(11, c[p - 1], c[p + 1], 0));
            features.Add(Hash(12, c[p - 2], c[p - 1], c[p]));
            features.Add(Hash(13, c[p - 1], c[p], c[p + 1]));
            features.Add(Hash(14, c[p], c[p + 1], c[p + 2]));
            features.Add(Hash(15, Kind(c[p - 1]), Kind(c[p]), Kind(c[p + 1])));
            if ((FeatureSet & NerFeatureSet.WideChars) != 0)
            {
                var before3 = p >= 3 ? c[p - 3] : Before;
                var after3 = p + 3 < c.Length ? c[p + 3] : After;
                features.Add(Hash(16, before3, 0, 0));
                features.Add(Hash(17, after3, 0, 0));
                features.Add(Hash(18, before3, c[p - 2], 0));
                features.Add(Hash(19, c[p + 2], after3, 0));
            }
            if (_surnames is not null)
            {
                var before = surnames[p - 1];
                var here = surnames[p];
                var next = surnames[p + 1];
                features.Add(Hash(50, here, 0, 0));
                features.Add(Hash(51, before, here, 0));
                features.Add(Hash(52, here, next, 0));
                features.Add(Hash(53, surnames[p - 2], before, here));
            }

            features.AddRange(extra.At(i));
        }

        starts[n] = features.Count;
    }

    /// <summary>How many features <see cref="AddContextLabelFeatures"/> writes.</summary>
    public const int ContextLabelFeatures = 2;

    /// <summary>The context-label feature that reads nothing else (template 30), for a lookup table.</summary>
    public int ContextLabelOnlyFeature(int contextLabel) => Hash(30, contextLabel + 1, 0, 0);

    /// <summary>
    /// The features of the maximum-entropy Markov model that read the context label (the label of
    /// the character read just before: the previous one left to right, the next one right to left;
    /// -1 at the sentence edge) besides <see cref="ContextLabelOnlyFeature"/>: with this character
    /// <paramref name="c0"/>, and with it and the character read next <paramref name="c1"/>.
    /// </summary>
    public void AddContextLabelFeatures(char c0, char c1, int contextLabel, Span<int> output)
    {
        var p = contextLabel + 1;
        if ((FeatureSet & NerFeatureSet.ContextRows) != 0)
        {
            output[0] = (Hash(31, 0, c0, 0) & ~7) | p;
            output[1] = (Hash(32, 0, c0, c1) & ~7) | p;
            return;
        }

        output[0] = Hash(31, p, c0, 0);
        output[1] = Hash(32, p, c0, c1);
    }

    /// <summary>
    /// With <see cref="NerFeatureSet.ContextRows"/>: the first buckets of the blocks that hold the
    /// <see cref="AddContextLabelFeatures"/> rows of every context label (the label + 1 is the offset
    /// in the block), so the hashes are computed once per character rather than once per label.
    /// </summary>
    public bool ContextLabelBlocks(char c0, char c1, Span<int> output)
    {
        if ((FeatureSet & NerFeatureSet.ContextRows) == 0)
        {
            return false;
        }

        output[0] = Hash(31, 0, c0, 0) & ~7;
        output[1] = Hash(32, 0, c0, c1) & ~7;
        return true;
    }

    public static char EndMark => After;

    private static void OnLexiconMatch(ref LexiconState state, int length, byte classes)
    {
        var start = state.Start;
        var lengthBucket = Math.Min(length, 5);
        for (var j = start; j < start + length; j++)
        {
            var role = j == start ? 1 : j == start + length - 1 ? 3 : 2;
            for (var bit = 0; bit < NameLexicon.ClassBits; bit++)
            {
                if ((classes & (1 << bit)) != 0)
                {
                    state.Features.Add(j, state.Extractor.Hash(20, bit, role, lengthBucket));
                    state.Features.Add(j, state.Extractor.Hash(21, bit, role, 0));
                }
            }
        }
    }

    private static char Kind(char c) => c switch
    {
        Before or After => 'S',
        '0' => 'D',
        >= 'a' and <= 'z' => 'L',
        >= '\u4E00' and <= '\u9FFF' => 'H',
        _ when char.IsPunctuation(c) || char.IsSymbol(c) => 'P',
        _ => 'O',
    };

    /// <summary>
    /// How often each character starts a person name of two to four Han characters among the
    /// lexicon's training names, in buckets 1 (once or twice) to 4 (30 times or more).
    /// </summary>
    private static Dictionary<char, int> SurnameBuckets(NameLexicon lexicon)
    {
        var counts = new Dictionary<char, int>();
        foreach (var (word, classes) in lexicon.Entries)
        {
            if ((classes & NameLexicon.TrainingPerson) != 0 && word.Length is >= 2 and <= 4 && Kind(word[0]) == 'H')
            {
                counts[word[0]] = counts.GetValueOrDefault(word[0]) + 1;
            }
        }

        return counts.ToDictionary(p => p.Key, p => p.Value switch { < 3 => 1, < 10 => 2, < 30 => 3, _ => 4 });
    }

    private int Surname(char c) => _surnames!.GetValueOrDefault(c);

    internal int Hash(int template, int a, int b, int d)
    {
        var h = 2166136261u;
        h = (h ^ (uint)template) * 16777619u;
        h = (h ^ (uint)a) * 16777619u;
        h = (h ^ (uint)b) * 16777619u;
        h = (h ^ (uint)d) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & _mask);
    }

    private struct LexiconState(PositionedFeatures features, int start, CharFeatureExtractor extractor)
    {
        public readonly PositionedFeatures Features = features;
        public int Start = start;
        public readonly CharFeatureExtractor Extractor = extractor;
    }
}
