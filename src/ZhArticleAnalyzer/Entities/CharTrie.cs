namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// A character trie from words to values, built once and then read by many threads.
/// <see cref="MatchesAt"/> lists every word that starts at a position, shortest first.
/// </summary>
internal sealed class CharTrie<TValue>
{
    private readonly Node _root = new();

    public int Count { get; private set; }

    public int MaxLength { get; private set; }

    /// <summary>Adds or replaces a word (build time only, not thread-safe).</summary>
    public void Add(string word, TValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        var node = _root;
        foreach (var c in word)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var next))
            {
                next = new Node();
                node.Children.Add(c, next);
            }

            node = next;
        }

        if (!node.HasValue)
        {
            Count++;
        }

        node.HasValue = true;
        node.Value = value;
        MaxLength = Math.Max(MaxLength, word.Length);
    }

    /// <summary>Whether <paramref name="word"/> is in the trie, and its value.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out TValue value)
    {
        var node = _root;
        foreach (var c in word)
        {
            if (node.Children is null || !node.Children.TryGetValue(c, out node))
            {
                value = default!;
                return false;
            }
        }

        value = node.Value!;
        return node.HasValue;
    }

    /// <summary>Calls <paramref name="onMatch"/> with the length and value of every word starting at <paramref name="start"/>.</summary>
    public void MatchesAt<TState>(ReadOnlySpan<char> text, int start, ref TState state, MatchHandler<TState> onMatch)
    {
        var node = _root;
        for (var i = start; i < text.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(text[i], out node))
            {
                return;
            }

            if (node.HasValue)
            {
                onMatch(ref state, i + 1 - start, node.Value!);
            }
        }
    }

    /// <summary>Length of the longest word starting at <paramref name="start"/> (0 if none), and its value.</summary>
    public int LongestAt(ReadOnlySpan<char> text, int start, out TValue value)
    {
        var node = _root;
        var best = 0;
        value = default!;
        for (var i = start; i < text.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(text[i], out node))
            {
                break;
            }

            if (node.HasValue)
            {
                best = i + 1 - start;
                value = node.Value!;
            }
        }

        return best;
    }

    public delegate void MatchHandler<TState>(ref TState state, int length, TValue value);

    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public bool HasValue;
        public TValue? Value;
    }
}
