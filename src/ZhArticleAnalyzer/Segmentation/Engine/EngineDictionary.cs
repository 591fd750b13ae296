using System.Runtime.CompilerServices;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// One engine's dictionary: jieba's shared <see cref="EngineModel"/> with this engine's own added
/// words laid over it. An added word overrides the frequency and tag of the same word in dict.txt;
/// the total frequency is adjusted the way jieba.NET's <c>AddWord</c> adjusts it. Immutable.
/// </summary>
internal sealed class EngineDictionary
{
    public EngineDictionary(EngineModel model, PrefixTrie added, double total, string[] tagNames)
    {
        Model = model;
        Added = added;
        Total = total;
        LogTotal = Math.Log(total);
        TagNames = tagNames;
        AddedLogFrequencies = new double[added.NodeCount];
        for (var node = 0; node < added.NodeCount; node++)
        {
            var frequency = added.Values[node];
            AddedLogFrequencies[node] = frequency > 0 ? Math.Log(frequency) : 0;
        }
    }

    public EngineModel Model { get; }

    /// <summary>The added words; a node's value is the word's frequency, or −1 where no added word ends.</summary>
    public PrefixTrie Added { get; }

    public double[] AddedLogFrequencies { get; }

    public double Total { get; }

    public double LogTotal { get; }

    /// <summary>The model's tags followed by any new tags of the added words.</summary>
    public string[] TagNames { get; }

    /// <summary>How many words were added to jieba's dictionary.</summary>
    public int AddedWordCount => Added.Values.Count(v => v >= 0);

    public static EngineDictionary Plain(EngineModel model) =>
        new(model, PrefixTrie.Build([], [], [], -1), model.Total, model.TagNames);

    /// <summary>The frequency of <paramref name="word"/> (0 when it is no word), as jieba.NET's <c>Trie[word]</c>.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        Find(word, out var baseNode, out var addedNode);
        return FrequencyAt(baseNode, addedNode);
    }

    /// <summary>The tag id of <paramref name="word"/>, or −1 when the tag table has none.</summary>
    public int Tag(ReadOnlySpan<char> word)
    {
        Find(word, out var baseNode, out var addedNode);
        return TagAt(baseNode, addedNode);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FrequencyAt(int baseNode, int addedNode)
    {
        if (addedNode >= 0 && Added.Values[addedNode] >= 0)
        {
            return Added.Values[addedNode];
        }

        return baseNode >= 0 ? Model.Words.Values[baseNode] : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int TagAt(int baseNode, int addedNode)
    {
        if (addedNode >= 0 && Added.Tags[addedNode] >= 0)
        {
            return Added.Tags[addedNode];
        }

        return baseNode >= 0 ? Model.Words.Tags[baseNode] : -1;
    }

    private void Find(ReadOnlySpan<char> word, out int baseNode, out int addedNode)
    {
        baseNode = word.Length == 0 ? -1 : Model.Words.Find(word);
        addedNode = word.Length == 0 || Added.IsEmpty ? -1 : Added.Find(word);
    }
}
