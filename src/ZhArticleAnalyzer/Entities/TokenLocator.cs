using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Entities;

/// <summary>Finds the token that covers a position, by binary search over the ordered, disjoint tokens.</summary>
internal static class TokenLocator
{
    /// <summary>Index of the token covering <paramref name="position"/>, or -1 (whitespace, or no tokens).</summary>
    public static int Covering(ReadOnlySpan<Token> tokens, int position)
    {
        int low = 0, high = tokens.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var span = tokens[mid].Span;
            if (position < span.Start)
            {
                high = mid - 1;
            }
            else if (position >= span.End)
            {
                low = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
