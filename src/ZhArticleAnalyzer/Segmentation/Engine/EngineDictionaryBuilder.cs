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
    private double _total;

    public EngineDictionaryBuilder(EngineModel model)
    {
        _model = model;
        _total = model.Total;
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
        var probability = 1.0;
        foreach (var part in CutWithoutHmm(word))
        {
            probability *= FrequencyOrOne(part) / _total;
        }

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

    private int JiebaSuggestFrequency(string word)
    {
        var probability = 1.0;
        foreach (var part in CutWithoutHmm(word))
        {
            probability *= FrequencyOrOne(part) / _total;
        }

        return Math.Max((int)(probability * _total) + 1, FrequencyOrOne(word));
    }

    private void AddWord(string word, int frequency)
    {
        var current = Frequency(word);
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

    private int Frequency(string key)
    {
        if (_frequencies.TryGetValue(key, out var frequency))
        {
            return frequency;
        }

        var node = _model.Words.Find(key);
        return node >= 0 ? _model.Words.Values[node] : 0;
    }

    private int FrequencyOrOne(string key)
    {
        var frequency = Frequency(key);
        return frequency > 0 ? frequency : 1;
    }

    private bool IsKey(string key) => _prefixes.Contains(key) || _model.Words.Find(key) >= 0;

    /// <summary>jieba.NET's <c>Cut(word, hmm: false)</c> over this builder's dictionary (strings: this is not the hot path).</summary>
    internal List<string> CutWithoutHmm(string text)
    {
        var words = new List<string>();
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

                CutBlockWithoutHmm(text[i..end], words);
                i = end;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                words.Add("\r\n");
                i += 2;
            }
            else
            {
                words.Add(text[i].ToString());
                i++;
            }
        }

        return words;
    }

    private void CutBlockWithoutHmm(string sentence, List<string> words)
    {
        var n = sentence.Length;
        var weights = new double[n + 1];
        var ends = new int[n + 1];
        var logTotal = Math.Log(_total);
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            var found = false;
            for (var j = i; j < n; j++)
            {
                var key = sentence[i..(j + 1)];
                if (!IsKey(key))
                {
                    break;
                }

                var frequency = Frequency(key);
                if (frequency > 0)
                {
                    found = true;
                    var weight = Math.Log(frequency) - logTotal + weights[j + 1];
                    if (best < weight)
                    {
                        best = weight;
                        bestEnd = j + 1;
                    }
                }
            }

            if (!found)
            {
                best = Math.Log(1) - logTotal + weights[i + 1];
                bestEnd = i + 1;
            }

            weights[i] = best;
            ends[i] = bestEnd;
        }

        var buffer = string.Empty;
        for (var x = 0; x < n;)
        {
            var y = ends[x];
            var word = sentence[x..y];
            if (word.Length == 1 && char.IsAsciiLetterOrDigit(word[0]))
            {
                buffer += word;
            }
            else
            {
                if (buffer.Length > 0)
                {
                    words.Add(buffer);
                    buffer = string.Empty;
                }

                words.Add(word);
            }

            x = y;
        }

        if (buffer.Length > 0)
        {
            words.Add(buffer);
        }
    }
}

/// <summary>A word as it was added to a dictionary: its frequency after the suggestion rule, and its tag.</summary>
internal readonly record struct AppliedWord(string Word, int Frequency, string Pos);
