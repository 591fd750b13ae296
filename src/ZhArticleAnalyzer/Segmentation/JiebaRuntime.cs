using JiebaNet.Segmenter;

namespace ZhArticleAnalyzer.Segmentation;

/// <summary>
/// jieba.NET keeps one dictionary for the whole process and throws when a word is added while
/// another thread cuts. This class owns that global state: it points jieba at its data once,
/// checks that the data really loaded (jieba itself silently degrades), adds words under a write
/// lock, and makes every cut take the read lock.
/// </summary>
internal sealed class JiebaRuntime
{
    /// <summary>About the frequency of an everyday content word in jieba's dictionary; chosen on SIGHAN (see README).</summary>
    internal const int MinimumAddedWordFrequency = 1000;

    private static readonly Lock InitLock = new();
    private static JiebaRuntime? _instance;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly HashSet<string> _loadedSources = new(StringComparer.Ordinal);
    private readonly List<Engine.AppliedWord> _applied = [];

    private JiebaRuntime(string dataDirectory, JiebaSegmenter segmenter, PosTagTable tags)
    {
        DataDirectory = dataDirectory;
        Segmenter = segmenter;
        Tags = tags;
    }

    public string DataDirectory { get; }

    public JiebaSegmenter Segmenter { get; }

    public PosTagTable Tags { get; }

    /// <summary>Returns the process-wide runtime, initialising jieba on first use.</summary>
    /// <param name="dataDirectory">A folder with jieba's data files, or null for the embedded copy.</param>
    public static JiebaRuntime Get(string? dataDirectory)
    {
        lock (InitLock)
        {
            if (_instance is null)
            {
                var folder = JiebaDataFiles.Prepare(dataDirectory);
                ConfigManager.ConfigFileBaseDir = folder;

                // Our tag table and jieba's dictionary parse the same file: do both at once to halve the cold start.
                var tags = Task.Run(() => PosTagTable.LoadJiebaDictionary(Path.Combine(folder, "dict.txt")));
                var segmenter = new JiebaSegmenter();
                var dictionary = WordDictionary.Instance;
                if (!(dictionary.Total > 0) || !dictionary.ContainsWord("有限公司"))
                {
                    throw new ZhArticleAnalyzerException(
                        ErrorCodes.JiebaDataCorrupt,
                        $"jieba's dictionary did not load from '{Path.Combine(folder, "dict.txt")}' (total frequency {dictionary.Total}). " +
                        "jieba.NET reads its data only once per process: make sure nothing else used jieba.NET before the analyzer, and that dict.txt is jieba's.");
                }

                _instance = new JiebaRuntime(folder, segmenter, tags.GetAwaiter().GetResult());
            }
            else if (dataDirectory is not null && !PathsEqual(dataDirectory, _instance.DataDirectory))
            {
                throw new ZhArticleAnalyzerException(
                    ErrorCodes.JiebaAlreadyInitialised,
                    $"jieba.NET already loaded its data from '{_instance.DataDirectory}' in this process and cannot load '{dataDirectory}' as well; use one JiebaDataDirectory per process.");
            }

            return _instance;
        }
    }

    /// <summary>
    /// Adds words once per named source. A word without a frequency gets the larger of jieba's
    /// <c>suggest_freq</c> (the smallest frequency that keeps it whole against its own parts) and
    /// <see cref="MinimumAddedWordFrequency"/>: with <c>suggest_freq</c> alone a word like 财报 gets
    /// frequency 1 and loses to its neighbours in context (财|报上).
    /// </summary>
    public void AddWordsOnce(string source, Func<IReadOnlyList<LexiconEntry>> entries)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_loadedSources.Add(source))
            {
                return;
            }

            var list = entries();
            foreach (var entry in list)
            {
                var frequency = entry.Frequency ?? SuggestFrequency(entry.Word);
                Segmenter.AddWord(entry.Word, frequency, entry.Pos);
                _applied.Add(new Engine.AppliedWord(entry.Word, frequency, entry.Pos));
            }

            Tags.Add(list);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Every word added to jieba.NET's dictionary so far, in order, with the frequency it was given. Call under <see cref="Read{T}"/>.</summary>
    internal IReadOnlyList<Engine.AppliedWord> AppliedWordsUnlocked => _applied;

    /// <summary>Runs a cut under the read lock; the result must be materialised inside.</summary>
    public T Read<T>(Func<JiebaSegmenter, T> cut)
    {
        _lock.EnterReadLock();
        try
        {
            return cut(Segmenter);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    internal int SuggestFrequency(string word)
    {
        var dictionary = WordDictionary.Instance;
        var total = dictionary.Total;
        var probability = 1.0;
        foreach (var part in Segmenter.Cut(word, cutAll: false, hmm: false))
        {
            probability *= dictionary.GetFreqOrDefault(part) / total;
        }

        var suggested = (long)(probability * total) + 1;
        return (int)Math.Clamp(Math.Max(Math.Max(suggested, dictionary.GetFreqOrDefault(word)), MinimumAddedWordFrequency), 1, int.MaxValue);
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
