using System.Collections.Immutable;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>Binary search in a document's layers, which are sorted by start (entities, quantities, times).</summary>
internal static class Sorted
{
    /// <summary>The index of the first item that starts at or after <paramref name="position"/> (the length when none does).</summary>
    public static int FirstFrom<T>(ImmutableArray<T> items, Func<T, TextSpan> span, int position)
    {
        int low = 0, high = items.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (span(items[middle]).Start < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
