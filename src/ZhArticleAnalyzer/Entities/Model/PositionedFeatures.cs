namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// Features produced out of character order (per lexicon word or jieba word, for every character it
/// covers), handed out per character in the order they were added. Two flat lists and a counting
/// sort instead of a list per character: the extractor runs for every model window, and per-character
/// lists were most of its allocations.
/// </summary>
internal sealed class PositionedFeatures
{
    private readonly List<int> _positions = [];
    private readonly List<int> _features = [];
    private int[] _sorted = [];
    private int[] _starts = [];

    public void Clear()
    {
        _positions.Clear();
        _features.Clear();
    }

    public void Add(int position, int feature)
    {
        _positions.Add(position);
        _features.Add(feature);
    }

    /// <summary>Groups what was added by position; call once after the last <see cref="Add"/>, before <see cref="At"/>.</summary>
    public void Group(int positions)
    {
        if (_starts.Length < positions + 1)
        {
            _starts = new int[positions + 1];
        }

        if (_sorted.Length < _features.Count)
        {
            _sorted = new int[_features.Count];
        }

        var starts = _starts.AsSpan(0, positions + 1);
        starts.Clear();
        foreach (var position in _positions)
        {
            starts[position + 1]++;
        }

        for (var p = 1; p <= positions; p++)
        {
            starts[p] += starts[p - 1];
        }

        Span<int> next = positions <= 512 ? stackalloc int[positions] : new int[positions];
        starts[..positions].CopyTo(next);
        for (var i = 0; i < _positions.Count; i++)
        {
            _sorted[next[_positions[i]]++] = _features[i];
        }
    }

    /// <summary>The features of <paramref name="position"/>, in the order they were added.</summary>
    public ReadOnlySpan<int> At(int position) => _sorted.AsSpan(_starts[position], _starts[position + 1] - _starts[position]);
}
