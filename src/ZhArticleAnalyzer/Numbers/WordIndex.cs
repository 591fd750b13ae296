using System.Collections.Frozen;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>
/// Words of one kind (currencies, measure words, hedges) indexed by their first and by their last
/// character, so that a look-up at a position compares only the few words that can match there.
/// </summary>
internal sealed class WordIndex<T>
    where T : class
{
    private readonly FrozenDictionary<char, T[]> _byFirst;
    private readonly FrozenDictionary<char, T[]> _byLast;
    private readonly Func<T, string> _surface;

    public WordIndex(IEnumerable<T> words, Func<T, string> surface)
    {
        _surface = surface;
        All = [.. words.OrderByDescending(w => surface(w).Length)];
        _byFirst = All.GroupBy(w => surface(w)[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _byLast = All.GroupBy(w => surface(w)[^1]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every word, longest first.</summary>
    public T[] All { get; }

    /// <summary>The longest word that the text holds at <paramref name="index"/>.</summary>
    public T? MatchAt(string text, int index)
    {
        if (index < 0 || index >= text.Length || !_byFirst.TryGetValue(text[index], out var candidates))
        {
            return null;
        }

        foreach (var word in candidates)
        {
            var s = _surface(word);
            if (index + s.Length <= text.Length && string.CompareOrdinal(text, index, s, 0, s.Length) == 0)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The longest word that ends exactly at <paramref name="end"/>.</summary>
    public T? MatchEndingAt(string text, int end)
    {
        if (end <= 0 || end > text.Length || !_byLast.TryGetValue(text[end - 1], out var candidates))
        {
            return null;
        }

        foreach (var word in candidates)
        {
            var s = _surface(word);
            if (end - s.Length >= 0 && string.CompareOrdinal(text, end - s.Length, s, 0, s.Length) == 0)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Like <see cref="MatchAt"/>, with up to a few spaces allowed between the characters (个 百 分 点).</summary>
    public T? MatchAtLoose(string text, int index, out int end)
    {
        end = index;
        if (index < 0 || index >= text.Length || !_byFirst.TryGetValue(text[index], out var candidates))
        {
            return null;
        }

        foreach (var word in candidates)
        {
            var s = _surface(word);
            var k = index;
            var matched = 0;
            while (matched < s.Length && k < text.Length)
            {
                if (text[k] == s[matched])
                {
                    matched++;
                    k++;
                }
                else if (text[k] == ' ' && matched > 0 && k - index < s.Length + 8)
                {
                    k++;
                }
                else
                {
                    break;
                }
            }

            if (matched == s.Length)
            {
                end = k;
                return word;
            }
        }

        return null;
    }
}
