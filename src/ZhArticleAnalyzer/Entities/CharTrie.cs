namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// A character trie from words to values, built once from its words and then read by many threads.
/// Transitions live in flat arrays (the root's in one table indexed by the character, deeper nodes'
/// in sorted runs), so a lookup allocates nothing and most text positions are rejected by one array read.
/// </summary>
internal sealed class CharTrie<TValue>
{
    private const int NoNode = 0;

    private readonly int[] _rootChildren = new int[char.MaxValue + 1];   // character → node, NoNode when no word starts with it
    private readonly int[] _firstChild;    // node → index of its first transition in _labels/_targets
    private readonly int[] _childCount;    // node → number of transitions
    private readonly char[] _labels;       // transitions, sorted by character within each node
    private readonly int[] _targets;
    private readonly bool[] _hasValue;
    private readonly TValue[] _values;

    /// <summary>Builds the trie; a word given twice keeps its last value.</summary>
    public CharTrie(IEnumerable<(string Word, TValue Value)> words)
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
                    next = new BuilderNode();
                    node.Children.Add(c, next);
                }

                node = next;
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

        _firstChild = new int[order.Count];
        _childCount = new int[order.Count];
        _labels = new char[order.Count - 1];
        _targets = new int[order.Count - 1];
        _hasValue = new bool[order.Count];
        _values = new TValue[order.Count];
        var transition = 0;
        foreach (var node in order)
        {
            _hasValue[node.Id] = node.HasValue;
            _values[node.Id] = node.Value!;
            _firstChild[node.Id] = transition;
            foreach (var (c, child) in node.SortedChildren())
            {
                _labels[transition] = c;
                _targets[transition] = child.Id;
                transition++;
                if (node.Id == 0)
                {
                    _rootChildren[c] = child.Id;
                }
            }

            _childCount[node.Id] = transition - _firstChild[node.Id];
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

        if (node == NoNode || !_hasValue[node])
        {
            return false;
        }

        value = _values[node];
        return true;
    }

    /// <summary>Length of the longest word starting at <paramref name="start"/> (0 if none), and its value.</summary>
    public int LongestAt(ReadOnlySpan<char> text, int start, out TValue value)
    {
        value = default!;
        var best = 0;
        var node = _rootChildren[text[start]];
        for (var i = start + 1; node != NoNode; i++)
        {
            if (_hasValue[node])
            {
                best = i - start;
                value = _values[node];
            }

            if (i == text.Length)
            {
                break;
            }

            node = Child(node, text[i]);
        }

        return best;
    }

    /// <summary>Whether some word starts with <paramref name="c"/>: one array read, for skipping text quickly.</summary>
    public bool StartsAWord(char c) => _rootChildren[c] != NoNode;

    /// <summary>Receives one match (its length and value); the model's name lexicon reports its matches through it.</summary>
    public delegate void MatchHandler<TState>(ref TState state, int length, TValue value);

    private int Child(int node, char c)
    {
        var from = _firstChild[node];
        var to = from + _childCount[node];
        for (var i = from; i < to; i++)
        {
            var label = _labels[i];
            if (label >= c)
            {
                return label == c ? _targets[i] : NoNode;
            }
        }

        return NoNode;
    }

    private sealed class BuilderNode
    {
        public Dictionary<char, BuilderNode>? Children;
        public bool HasValue;
        public TValue? Value;
        public int Id;

        public IEnumerable<(char, BuilderNode)> SortedChildren() =>
            Children is null ? [] : Children.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));
    }
}
