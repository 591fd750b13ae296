namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Words known to be names, with a bit mask of their classes (person, location, organisation,
/// other proper noun). The model reads which lexicon words cover each character as features.
/// </summary>
internal sealed class NameLexicon
{
    public const byte Person = 1;
    public const byte Location = 2;
    public const byte Organization = 4;
    public const byte OtherName = 8;

    /// <summary>Names annotated in the training data: person, location, organisation (bits 4..6).</summary>
    public const byte TrainingPerson = 16;
    public const byte TrainingLocation = 32;
    public const byte TrainingOrganization = 64;
    public const int ClassBits = 7;
    public const int MaxWordLength = 10;

    private readonly List<(string Word, byte Classes)> _entries;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<int, int> _lengths = [];   // per first two characters (as one int): bit L set when a word of length L starts with them

    public NameLexicon(int capacity = 0)
    {
        _entries = new List<(string Word, byte Classes)>(capacity);
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Length of the longest word.</summary>
    public int LongestWord { get; private set; }

    public int Count => _entries.Count;

    /// <summary>A copy with the same words and classes.</summary>
    public NameLexicon Clone()
    {
        var copy = new NameLexicon();
        foreach (var (word, classes) in _entries)
        {
            copy.Add(word, classes);
        }

        return copy;
    }

    public IReadOnlyList<(string Word, byte Classes)> Entries => _entries;

    /// <summary>Maps a jieba/ICTCLAS POS tag to a lexicon class (0 when it is no name tag).</summary>
    public static byte ClassOfPos(string pos) => pos switch
    {
        "nr" or "nrt" or "nrfg" => Person,
        "ns" => Location,
        "nt" => Organization,
        "nz" => OtherName,
        _ => 0,
    };

    public void Add(string word, byte classes)
    {
        if (word.Length is < 2 or > MaxWordLength || classes == 0)
        {
            return;
        }

        AddNormalized(CharFeatureExtractor.NormalizeWord(word), classes);
    }

    /// <summary>Adds a word already in feature form (as the model file stores them).</summary>
    public void AddNormalized(string key, byte classes)
    {
        if (_index.TryGetValue(key, out var at))
        {
            _entries[at] = (key, (byte)(_entries[at].Classes | classes));
            return;
        }

        _index.Add(key, _entries.Count);
        _entries.Add((key, classes));
        var prefix = (key[0] << 16) | key[1];
        _lengths[prefix] = _lengths.GetValueOrDefault(prefix) | (1 << key.Length);
        LongestWord = Math.Max(LongestWord, key.Length);
    }

    /// <summary>Reads jieba's <c>dict.txt</c> layout (<c>word freq tag</c>) and keeps the name-tagged words.</summary>
    public static NameLexicon FromJiebaDictionary(IEnumerable<string> lines)
    {
        var lexicon = new NameLexicon();
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && ClassOfPos(parts[2]) is var c and > 0)
            {
                lexicon.Add(parts[0], c);
            }
        }

        return lexicon;
    }

    /// <summary>Calls <paramref name="onMatch"/> for every word of two or more characters that starts at <paramref name="start"/>.</summary>
    public void MatchesAt<TState>(ReadOnlySpan<char> normalized, int start, ref TState state, CharTrie<byte>.MatchHandler<TState> onMatch)
    {
        var longest = Math.Min(LongestWord, normalized.Length - start);
        if (longest < 2 || !_lengths.TryGetValue((normalized[start] << 16) | normalized[start + 1], out var lengths))
        {
            return;
        }

        for (var length = 2; length <= longest; length++)
        {
            if ((lengths & (1 << length)) != 0 && _lookup.TryGetValue(normalized.Slice(start, length), out var at))
            {
                onMatch(ref state, length, _entries[at].Classes);
            }
        }
    }
}
