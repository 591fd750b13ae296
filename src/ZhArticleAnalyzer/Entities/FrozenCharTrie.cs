using System.Runtime.CompilerServices;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// A character trie from words to values, built once from its words and then read by many threads.
/// Transitions live in flat arrays (the root's in one table indexed by the character, deeper nodes'
/// in sorted runs), so a lookup allocates nothing. Two bit sets that stay in the first-level cache
/// (one-character words; hashed first two characters of longer words) reject most text positions
/// before the tables are read. A node's fields share one array element and a transition's character
/// sits beside its target, and a node holds its value, so that a step reads two cache lines, not
/// six, when the tables are cold.
/// </summary>
internal sealed class FrozenCharTrie<TValue>
{
    private const int NoNode = 0;

    private const int PairBits = 1 << 17;

    private readonly ulong[] _oneCharWords = new ulong[(char.MaxValue + 1) / 64];
    private readonly ulong[] _wordStarts = new ulong[PairBits / 64];   // hashed first two characters (16 KB, about 1 % set)
    private readonly bool _hasOneCharWords;
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];   // character → node, NoNode when no word starts with it
    private readonly Node[] _nodes;
    private readonly Transition[] _transitions;   // sorted by character within each node
    private readonly PairEntry[] _pairs;           // open addressing: the first two characters of a word → the node after them
    private readonly int _pairShift;

    /// <summary>Builds the trie; a word given twice keeps its last value.</summary>
    public FrozenCharTrie(IEnumerable<(string Word, TValue Value)> words)
    {
        var builder = new BuilderNode();
        foreach (var (word, value) in words)
        {
            ArgumentException.ThrowIfNullOrEmpty(word);
            var node = builder;
            foreach (var c in word)
            {
                node.Children ??= [];
                if (!node.Children.TryGetValue(c, out var next))
                {
                    next = new BuilderNode { Depth = node.Depth + 1, First = node.Depth == 0 ? c : node.First, Second = node.Depth == 1 ? c : node.Second };
                    node.Children.Add(c, next);
                }

                node = next;
            }

            if (word.Length == 1)
            {
                Set(_oneCharWords, word[0]);
                _hasOneCharWords = true;
            }
            else
            {
                Set(_wordStarts, PairBit(word[0], word[1]));
            }

            Count += node.HasValue ? 0 : 1;
            node.HasValue = true;
            node.Value = value;
            MaxLength = Math.Max(MaxLength, word.Length);
        }

        // Number the nodes breadth-first (node 0 is the root), then lay out each node's transitions.
        var order = new List<BuilderNode> { builder };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var (_, child) in order[i].SortedChildren())
            {
                child.Id = order.Count;
                order.Add(child);
            }
        }

        _nodes = new Node[order.Count];
        _transitions = new Transition[order.Count - 1];
        var transition = 0;
        foreach (var node in order)
        {
            var first = transition;
            foreach (var (c, child) in node.SortedChildren())
            {
                _transitions[transition++] = new Transition(c, child.Id);
                if (node.Id == 0)
                {
                    _rootChildren[c] = child.Id;
                }
            }

            _nodes[node.Id] = new Node(first, transition - first, node.HasValue, node.Value!);
        }

        var pairs = order.Where(n => n.Depth == 2).ToList();
        var bits = Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(1, pairs.Count) * 2.0)));
        _pairShift = 32 - bits;
        _pairs = new PairEntry[1 << bits];
        foreach (var node in pairs)
        {
            var key = PairKey(node.First, node.Second);
            var slot = PairSlot(key);
            while (_pairs[slot].Node != NoNode)
            {
                slot = (slot + 1) & (_pairs.Length - 1);
            }

            _pairs[slot] = new PairEntry(key, node.Id);
        }
    }

    public int Count { get; }

    public int MaxLength { get; }

    /// <summary>Whether <paramref name="word"/> is in the trie, and its value.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out TValue value)
    {
        value = default!;
        if (word.IsEmpty)
        {
            return false;
        }

        var node = _rootChildren[word[0]];
        for (var i = 1; i < word.Length && node != NoNode; i++)
        {
            node = Child(node, word[i]);
        }

        if (node == NoNode || !_nodes[node].HasValue)
        {
            return false;
        }

        value = _nodes[node].Value;
        return true;
    }

    /// <summary>Length of the longest word starting at <paramref name="start"/> (0 if none), and its value.</summary>
    public int LongestAt(ReadOnlySpan<char> text, int start, out TValue value)
    {
        value = default!;
        var best = 0;
        var i = start + 1;
        int node;
        if (_hasOneCharWords || i == text.Length)
        {
            node = _rootChildren[text[start]];
        }
        else
        {
            // No word of one character: the first two characters at once, in a small table, instead of the
            // 256 KB root table and the first character's (often many) transitions.
            node = PairNode(text[start], text[i]);
            i++;
        }

        for (; node != NoNode; i++)
        {
            ref readonly var n = ref _nodes[node];
            if (n.HasValue)
            {
                best = i - start;
                value = n.Value;
            }

            if (i == text.Length)
            {
                break;
            }

            node = Child(node, text[i]);
        }

        return best;
    }

    /// <summary>
    /// The lengths of the words that start at <paramref name="start"/> and end at or before
    /// <paramref name="limit"/>, as a bit set (bit k: a word of length k); only lengths below 32 are reported.
    /// </summary>
    public uint LengthsAt(ReadOnlySpan<char> text, int start, int limit)
    {
        var lengths = 0u;
        limit = Math.Min(limit, Math.Min(text.Length, start + 31));
        if (start >= limit)
        {
            return 0;
        }

        var node = _rootChildren[text[start]];
        for (var i = start + 1; node != NoNode; i++)
        {
            if (_nodes[node].HasValue)
            {
                lengths |= 1u << (i - start);
            }

            if (i >= limit)
            {
                break;
            }

            node = Child(node, text[i]);
        }

        return lengths;
    }

    /// <summary>
    /// The first position at or after <paramref name="from"/> where a word may start (a few false alarms,
    /// never a miss), or the text's length: two bit reads per position, for skipping text quickly.
    /// </summary>
    public int NextPossibleStart(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (MayStartAt(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// Whether a word may start at <paramref name="start"/> (a few false alarms, never a miss): two bit
    /// reads that stay in the first-level cache, before the 256 KB root table is touched.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartAt(ReadOnlySpan<char> text, int start)
    {
        if (start + 1 < text.Length)
        {
            var bit = PairBit(text[start], text[start + 1]);
            if ((_wordStarts[bit >> 6] & (1UL << bit)) != 0)
            {
                return true;
            }
        }

        return _hasOneCharWords && (_oneCharWords[text[start] >> 6] & (1UL << text[start])) != 0;
    }

    private static uint PairKey(char first, char second) => ((uint)first << 16) | second;

    private int PairSlot(uint key) => (int)((key * 0x9E3779B1u) >> _pairShift);

    /// <summary>The node after a word's first two characters, or <see cref="NoNode"/>.</summary>
    private int PairNode(char first, char second)
    {
        var key = PairKey(first, second);
        for (var slot = PairSlot(key); ; slot = (slot + 1) & (_pairs.Length - 1))
        {
            var entry = _pairs[slot];
            if (entry.Node == NoNode || entry.Key == key)
            {
                return entry.Node;
            }
        }
    }

    private static int PairBit(char first, char second) => (int)(((uint)((first << 16) | second) * 0x9E3779B1u) >> 15);

    private static void Set(ulong[] bits, int i) => bits[i >> 6] |= 1UL << (i & 63);

    private int Child(int node, char c)
    {
        var n = _nodes[node];
        var transitions = _transitions.AsSpan(n.FirstChild, n.ChildCount);
        if (transitions.Length > 8)
        {
            int low = 0, high = transitions.Length - 1;
            while (low <= high)
            {
                var mid = (low + high) >>> 1;
                var label = transitions[mid].Label;
                if (label == c)
                {
                    return transitions[mid].Target;
                }

                if (label < c)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return NoNode;
        }

        foreach (var transition in transitions)
        {
            if (transition.Label == c)
            {
                return transition.Target;
            }
        }

        return NoNode;
    }

    /// <summary>A node: where its transitions start, how many there are, whether a word ends here and its value (beside the rest: one cache line).</summary>
    private readonly record struct Node(int FirstChild, int ChildCount, bool HasValue, TValue Value);

    /// <summary>An entry of the table of first two characters: both characters as one number, and the node after them.</summary>
    private readonly record struct PairEntry(uint Key, int Node);

    /// <summary>A transition: the character read and the node it leads to.</summary>
    private readonly record struct Transition(char Label, int Target);

    private sealed class BuilderNode
    {
        public Dictionary<char, BuilderNode>? Children;
        public bool HasValue;
        public int Depth;
        public char First;
        public char Second;
        public TValue? Value;
        public int Id;

        public IEnumerable<(char, BuilderNode)> SortedChildren() =>
            Children is null ? [] : Children.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));
    }
}
