using System.Collections.Immutable;

namespace ZhArticleAnalyzer.Pipeline;

internal static class SentenceLocator
{
    /// <summary>Binary search for the last sentence starting at or before <paramref name="position"/>.</summary>
    public static int Find(ImmutableArray<Sentence> sentences, int position)
    {
        int low = 0, high = sentences.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (sentences[mid].Span.Start <= position)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }
}
