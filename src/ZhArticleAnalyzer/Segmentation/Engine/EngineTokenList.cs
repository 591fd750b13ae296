using System.Runtime.CompilerServices;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>A reusable, growable list of tokens (one per thread, see <see cref="EngineScratch"/>).</summary>
internal sealed class EngineTokenList
{
    private EngineToken[] _items = new EngineToken[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<EngineToken> Items => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int start, int length, int tag)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = new EngineToken(start, length, tag);
    }
}
