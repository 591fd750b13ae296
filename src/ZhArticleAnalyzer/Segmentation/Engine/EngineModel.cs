using System.Text;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// jieba's data as the engine reads it: the prefix dictionary of dict.txt (frequency and tag per
/// word), its total frequency, and both HMMs. Immutable and shared by every engine of a process
/// that reads the same data; engines add their own words on top (<see cref="EngineDictionary"/>).
/// </summary>
internal sealed class EngineModel
{
    public const string DictFile = "dict.txt";

    public EngineModel(PrefixTrie words, double total, string[] tagNames, BmesModel bmes, PosHmmModel pos)
    {
        Words = words;
        Total = total;
        TagNames = tagNames;
        Bmes = bmes;
        Pos = pos;
        LogFrequencies = new double[words.NodeCount];
        for (var node = 0; node < words.NodeCount; node++)
        {
            var frequency = words.Values[node];
            LogFrequencies[node] = frequency > 0 ? Math.Log(frequency) : 0;
        }

        var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tagNames.Length; i++)
        {
            tagIndex.TryAdd(tagNames[i], i);
        }

        TagIndex = tagIndex;
        PosStateTags = [.. pos.Poses.Select(p => tagIndex[p])];
        TagX = tagIndex["x"];
        TagEng = tagIndex["eng"];
        TagM = tagIndex["m"];
    }

    /// <summary>Every word of dict.txt; a node's value is its frequency (0 for prefixes), its tag the word's POS.</summary>
    public PrefixTrie Words { get; }

    /// <summary><c>Math.Log</c> of each node's frequency (0 when it is not a word).</summary>
    public double[] LogFrequencies { get; }

    /// <summary>The sum of dict.txt's frequencies, line by line, as jieba.NET counts it.</summary>
    public double Total { get; }

    public string[] TagNames { get; }

    public IReadOnlyDictionary<string, int> TagIndex { get; }

    public BmesModel Bmes { get; }

    public PosHmmModel Pos { get; }

    /// <summary>The tag id of each POS HMM state's POS.</summary>
    public int[] PosStateTags { get; }

    public int TagX { get; }

    public int TagEng { get; }

    public int TagM { get; }

    /// <summary>Reads jieba's text and JSON data files (slow: about a second; the binary cache avoids it).</summary>
    public static EngineModel Parse(Func<string, Stream> open)
    {
        var entries = new Dictionary<string, (int Frequency, string Tag)>(400_000, StringComparer.Ordinal);
        var total = 0.0;
        using (var reader = new StreamReader(open(DictFile), Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                // jieba.NET: line.Split(' '), word and frequency required, the tag is the third field.
                var parts = line.Split(' ');
                if (parts.Length < 2)
                {
                    continue;
                }

                var frequency = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                total += frequency;
                entries[parts[0]] = (frequency, parts.Length > 2 ? parts[2] : "x");
            }
        }

        var bmes = OpenBoth(open, "prob_trans.json", "prob_emit.json", BmesModel.Load);
        PosHmmModel pos;
        using (var start = open("pos_prob_start.json"))
        using (var transitions = open("pos_prob_trans.json"))
        using (var emissions = open("pos_prob_emit.json"))
        using (var charStates = open("char_state_tab.json"))
        {
            pos = PosHmmModel.Load(start, transitions, emissions, charStates);
        }

        var tagNames = new List<string> { "x", "eng", "m" };
        var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal) { ["x"] = 0, ["eng"] = 1, ["m"] = 2 };
        int Tag(string name)
        {
            if (!tagIndex.TryGetValue(name, out var id))
            {
                id = tagNames.Count;
                tagIndex[name] = id;
                tagNames.Add(name);
            }

            return id;
        }

        foreach (var poses in pos.Poses)
        {
            Tag(poses);
        }

        var keys = entries.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var values = new int[keys.Length];
        var tags = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var (frequency, tag) = entries[keys[i]];
            values[i] = frequency;
            tags[i] = Tag(tag);
        }

        var trie = PrefixTrie.Build(keys, values, tags, missingValue: 0);
        return new EngineModel(trie, total, [.. tagNames], bmes, pos);
    }

    private static T OpenBoth<T>(Func<string, Stream> open, string first, string second, Func<Stream, Stream, T> load)
    {
        using var a = open(first);
        using var b = open(second);
        return load(a, b);
    }
}
