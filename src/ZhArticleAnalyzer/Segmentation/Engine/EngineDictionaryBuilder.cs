namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// Adds words to jieba's dictionary for one engine, one at a time and in order, as
/// <see cref="JiebaRuntime"/> adds them to jieba.NET: a word without a frequency gets the smallest
/// one that keeps it whole against its own parts (jieba's <c>suggest_freq</c>, computed on the
/// dictionary as it stands, earlier additions included). Only used while an engine is built.
/// </summary>
internal sealed class EngineDictionaryBuilder
{
    private readonly EngineModel _model;
    private readonly Dictionary<string, int> _frequencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly List<AppliedWord> _applied = [];
    private readonly EngineTokenList _parts = new();
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _frequencyLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private double[] _weights = new double[64];
    private int[] _ends = new int[64];
    private double _total;

    public EngineDictionaryBuilder(EngineModel model)
    {
        _model = model;
        _total = model.Total;
        _frequencyLookup = _frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The words added so far with the frequency each was given, in order.</summary>
    public IReadOnlyList<AppliedWord> Applied => _applied;

    /// <summary>Adds a word with its own frequency, or with the suggested one when it has none.</summary>
    public void Add(LexiconEntry entry)
    {
        var frequency = entry.Frequency ?? SuggestFrequency(entry.Word);
        if (frequency <= 0)
        {
            // jieba.NET's AddWord replaces a frequency of 0 or less with its own suggestion.
            frequency = JiebaSuggestFrequency(entry.Word);
        }

        AddWord(entry.Word, frequency);
        if (!string.IsNullOrEmpty(entry.Pos))
        {
            _tags[entry.Word] = entry.Pos;
        }

        _applied.Add(new AppliedWord(entry.Word, frequency, entry.Pos));
    }

    /// <summary><see cref="JiebaRuntime"/>'s rule: jieba's suggestion, kept at least the word's current frequency and the floor for added words, within 1 … int.MaxValue.</summary>
    public int SuggestFrequency(string word)
    {
        var probability = PartProbability(word);
        var suggested = (long)(probability * _total) + 1;
        return (int)Math.Clamp(Math.Max(Math.Max(suggested, FrequencyOrOne(word)), JiebaRuntime.MinimumAddedWordFrequency), 1, int.MaxValue);
    }

    public EngineDictionary Build()
    {
        var keys = _frequencies.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var tagNames = _model.TagNames.ToList();
        var tagIndex = new Dictionary<string, int>(_model.TagIndex, StringComparer.Ordinal);
        var values = new int[keys.Length];
        var tags = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = _frequencies[keys[i]];
            tags[i] = -1;
            if (_tags.TryGetValue(keys[i], out var tag))
            {
                if (!tagIndex.TryGetValue(tag, out var id))
                {
                    id = tagNames.Count;
                    tagIndex[tag] = id;
                    tagNames.Add(tag);
                }

                tags[i] = id;
            }
        }

        return new EngineDictionary(_model, PrefixTrie.Build(keys, values, tags, missingValue: -1), _total, [.. tagNames]);
    }

    private int JiebaSuggestFrequency(string word) =>
        Math.Max((int)(PartProbability(word) * _total) + 1, FrequencyOrOne(word));

    /// <summary>The product of freq(part) / total over the parts of <c>Cut(word, hmm: false)</c>.</summary>
    private double PartProbability(string word)
    {
        _parts.Clear();
        CutWithoutHmm(word, _parts);
        var probability = 1.0;
        foreach (var part in _parts.Items)
        {
            probability *= FrequencyOrOne(word.AsSpan(part.Start, part.Length)) / _total;
        }

        return probability;
    }

    private void AddWord(string word, int frequency)
    {
        var current = Frequency(word.AsSpan());
        if (current > 0)
        {
            _total -= current;
        }

        _frequencies[word] = frequency;
        _total += frequency;
        for (var length = 1; length <= word.Length; length++)
        {
            _prefixes.Add(word[..length]);
        }
    }

    private int Frequency(ReadOnlySpan<char> key)
    {
        if (_frequencyLookup.TryGetValue(key, out var frequency))
        {
            return frequency;
        }

        var node = _model.Words.Find(key);
        return node >= 0 ? _model.Words.Values[node] : 0;
    }

    private int FrequencyOrOne(ReadOnlySpan<char> key)
    {
        var frequency = Frequency(key);
        return frequency > 0 ? frequency : 1;
    }

    /// <summary>jieba.NET's <c>Cut(word, hmm: false)</c> over this builder's dictionary, as spans of <paramref name="text"/>.</summary>
    private void CutWithoutHmm(string text, EngineTokenList parts)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (JiebaChars.IsBlockChar(text[i]))
            {
                var end = i + 1;
                while (end < text.Length && JiebaChars.IsBlockChar(text[end]))
                {
                    end++;
                }

                CutBlockWithoutHmm(text, i, end, parts);
                i = end;
            }
            else
            {
                var length = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                parts.Add(i, length, EngineToken.NoTag);
                i += length;
            }
        }
    }

    private void CutBlockWithoutHmm(string text, int start, int end, EngineTokenList parts)
    {
        var n = end - start;
        EngineScratch.Ensure(ref _weights, n + 1);
        EngineScratch.Ensure(ref _ends, n + 1);
        var weights = _weights;
        var ends = _ends;
        var logTotal = Math.Log(_total);
        var words = _model.Words;
        weights[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            var node = words.Root(text[start + i]);
            for (var j = i; j < n; j++)
            {
                if (j > i && node >= 0)
                {
                    node = words.Child(node, text[start + j]);
                }

                // A key of jieba.NET's dictionary: a dict.txt word or prefix, or an added word or prefix.
                var key = text.AsSpan(start + i, j + 1 - i);
                var added = _prefixLookup.Contains(key);
                if (node < 0 && !added)
                {
                    break;
                }

                var frequency = added && _frequencyLookup.TryGetValue(key, out var f) ? f : node >= 0 ? words.Values[node] : 0;
                if (frequency > 0)
                {
                    var weight = Math.Log(frequency) - logTotal + weights[j + 1];
                    if (best < weight)
                    {
                        best = weight;
                        bestEnd = j + 1;
                    }
                }
            }

            if (bestEnd < 0)
            {
                best = Math.Log(1) - logTotal + weights[i + 1];
                bestEnd = i + 1;
            }

            weights[i] = best;
            ends[i] = bestEnd;
        }

        NoHmmJoin.Emit(text, start, n, ends, [], parts);
    }
}

/// <summary>A word as it was added to a dictionary: its frequency after the suggestion rule, and its tag.</summary>
internal readonly record struct AppliedWord(string Word, int Frequency, string Pos);
