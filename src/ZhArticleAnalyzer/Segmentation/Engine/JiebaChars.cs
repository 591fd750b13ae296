using System.Runtime.CompilerServices;

namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>
/// The character classes behind jieba.NET 0.42.2's regular expressions, as plain tests: the block
/// pattern <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%·\-]</c>, the Han pattern <c>[\u4E00-\u9FD5]</c> and
/// the ASCII letter and digit classes of its skip patterns.
/// </summary>
internal static class JiebaChars
{
    /// <summary>A character of jieba's default block pattern (<c>RegexChineseDefault</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBlockChar(char c) =>
        c >= '\u4E00' ? c <= '\u9FD5' : char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-' or '\u00B7';

    /// <summary>A character of jieba's Han pattern, the only ones its HMMs cut.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>A character of the <c>[\.0-9]</c> class of the POS segmenter's number pattern.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNumberChar(char c) => c == '.' || char.IsAsciiDigit(c);

    /// <summary>Where the run of Han characters that starts at <paramref name="start"/> ends, at most at <paramref name="end"/>.</summary>
    public static int HanRunEnd(ReadOnlySpan<char> text, int start, int end)
    {
        var runEnd = start + 1;
        while (runEnd < end && IsHan(text[runEnd]))
        {
            runEnd++;
        }

        return runEnd;
    }
}
