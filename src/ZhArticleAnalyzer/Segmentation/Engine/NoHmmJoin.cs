namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// jieba's <c>__cut_DAG_NO_HMM</c> after the route is chosen: the route's words as they are, but
/// runs of single ASCII letters and digits joined into one word. Shared by the engine's cut without
/// HMM and by the dictionary builder's frequency suggestion, which must cut alike.
/// </summary>
internal static class NoHmmJoin
{
    /// <summary>
    /// Emits the words of the block <c>text[start..start + n]</c>, where <paramref name="ends"/>[x] is the
    /// end (relative to <paramref name="start"/>) of the route's word at x and <paramref name="tags"/>[x]
    /// its tag id; with no tags, every word gets <see cref="EngineToken.NoTag"/>.
    /// </summary>
    public static void Emit(ReadOnlySpan<char> text, int start, int n, ReadOnlySpan<int> ends, ReadOnlySpan<int> tags, EngineTokenList tokens)
    {
        var tagged = !tags.IsEmpty;
        var bufferStart = -1;
        for (var x = 0; x < n;)
        {
            var y = ends[x];
            if (y - x == 1 && char.IsAsciiLetterOrDigit(text[start + x]))
            {
                if (bufferStart < 0)
                {
                    bufferStart = x;
                }
            }
            else
            {
                if (bufferStart >= 0)
                {
                    tokens.Add(start + bufferStart, x - bufferStart, EngineToken.NoTag);
                    bufferStart = -1;
                }

                tokens.Add(start + x, y - x, tagged ? tags[x] : EngineToken.NoTag);
            }

            x = y;
        }

        if (bufferStart >= 0)
        {
            tokens.Add(start + bufferStart, n - bufferStart, EngineToken.NoTag);
        }
    }
}
