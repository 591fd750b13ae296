using System.Runtime.CompilerServices;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// An immutable character trie in flat arrays. Node 0 is the root; the children of node <c>n</c>
/// are the nodes <c>[First[n], First[n + 1])</c>, sorted by <see cref="Labels"/>. The root's
/// children are also reachable through a 64 K table, which serves most lookups in one read.
/// Every node carries an integer value and a tag id (−1 for none).
/// </summary>
internal sealed class PrefixTrie
{
    private const int LinearSearchLimit = 8;
    private readonly int[] _rootTable;

    public PrefixTrie(char[] labels, int[] first, int[] values, int[] tags)
    {
        Labels = labels;
        First = first;
        Values = values;
        Tags = tags;
        _rootTable = new int[char.MaxValue + 1];
        Array.Fill(_rootTable, -1);
        if (first.Length > 1)
        {
            for (var child = first[0]; child < first[1]; child++)
            {
                _rootTable[labels[child]] = child;
            }
        }
    }

    public char[] Labels { get; }

    public int[] First { get; }

    public int[] Values { get; }

    public int[] Tags { get; }

    public int NodeCount => Labels.Length;

    public bool IsEmpty => NodeCount <= 1;

    /// <summary>Builds a trie from keys sorted in ordinal order, without duplicates. Nodes that end no key get <paramref name="missingValue"/>.</summary>
    public static PrefixTrie Build(IReadOnlyList<string> sortedKeys, IReadOnlyList<int> values, IReadOnlyList<int> tags, int missingValue)
    {
        var labels = new List<char> { '\0' };
        var first = new List<int>();
        var nodeValues = new List<int> { missingValue };
        var nodeTags = new List<int> { -1 };
        var queue = new Queue<(int Node, int Low, int High, int Depth)>();
        queue.Enqueue((0, 0, sortedKeys.Count, 0));
        while (queue.Count > 0)
        {
            var (node, low, high, depth) = queue.Dequeue();
            first.Add(labels.Count);
            if (low < high && sortedKeys[low].Length == depth)
            {
                nodeValues[node] = values[low];
                nodeTags[node] = tags[low];
                low++;
            }

            while (low < high)
            {
                var label = sortedKeys[low][depth];
                var end = low + 1;
                while (end < high && sortedKeys[end][depth] == label)
                {
                    end++;
                }

                var child = labels.Count;
                labels.Add(label);
                nodeValues.Add(missingValue);
                nodeTags.Add(-1);
                queue.Enqueue((child, low, end, depth + 1));
                low = end;
            }
        }

        first.Add(labels.Count);
        return new PrefixTrie([.. labels], [.. first], [.. nodeValues], [.. nodeTags]);
    }

    /// <summary>The child of the root for <paramref name="c"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Root(char c) => _rootTable[c];

    /// <summary>The child of <paramref name="node"/> for <paramref name="c"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Child(int node, char c)
    {
        var low = First[node];
        var high = First[node + 1];
        var labels = Labels;
        if (high - low <= LinearSearchLimit)
        {
            for (var i = low; i < high; i++)
            {
                if (labels[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }

        high--;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var label = labels[middle];
            if (label == c)
            {
                return middle;
            }

            if (label < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The node reached by <paramref name="key"/>, or −1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        if (key.Length == 0)
        {
            return 0;
        }

        var node = Root(key[0]);
        for (var i = 1; i < key.Length && node >= 0; i++)
        {
            node = Child(node, key[i]);
        }

        return node;
    }
}
