using System.Collections.Immutable;

namespace ZhArticleAnalyzer.Text;

/// <summary>
/// Splits text into sentences on 。！？；… and line breaks, never inside quotes 「」“”『』‘’《》
/// or parentheses. Closing quotes and brackets right after a terminator stay with its sentence, and a
/// quote that ends on a terminator (“……。”) ends the sentence.
/// Sentences carry no leading or trailing whitespace, and together they cover every
/// non-whitespace character exactly once.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Nesting deeper than this is treated as unbalanced text, not real nesting.</summary>
    private const int MaxDepth = 8;

    /// <param name="text">The normalised working copy (full-width punctuation already mapped to ASCII).</param>
    public static ImmutableArray<TextSpan> Split(ReadOnlySpan<char> text)
    {
        var sentences = ImmutableArray.CreateBuilder<TextSpan>();
        var start = -1;
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                // A line break always ends a sentence: an unclosed quote must not swallow the article.
                Close(sentences, text, ref start, i);
                depth = 0;
                i++;
                continue;
            }

            if (start < 0 && !char.IsWhiteSpace(c))
            {
                start = i;
            }

            if (IsOpening(c))
            {
                depth = Math.Min(depth + 1, MaxDepth);
            }
            else if (IsClosing(c))
            {
                depth = Math.Max(depth - 1, 0);

                // “……。”: a quote that ends on a terminator ends the sentence once the quote is closed.
                if (depth == 0 && i > 0 && IsTerminator(text[i - 1]))
                {
                    var end = i + 1;
                    while (end < text.Length && IsClosing(text[end]))
                    {
                        end++;
                    }

                    Close(sentences, text, ref start, end);
                    i = end;
                    continue;
                }
            }
            else if (depth == 0 && IsTerminator(c))
            {
                var end = i + 1;
                while (end < text.Length && (IsTerminator(text[end]) || IsClosing(text[end])))
                {
                    end++;
                }

                Close(sentences, text, ref start, end);
                i = end;
                continue;
            }

            i++;
        }

        Close(sentences, text, ref start, text.Length);
        return sentences.ToImmutable();
    }

    private static void Close(ImmutableArray<TextSpan>.Builder sentences, ReadOnlySpan<char> text, ref int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        var trimmedEnd = end;
        while (trimmedEnd > start && char.IsWhiteSpace(text[trimmedEnd - 1]))
        {
            trimmedEnd--;
        }

        if (trimmedEnd > start)
        {
            sentences.Add(new TextSpan(start, trimmedEnd));
        }

        start = -1;
    }

    private static bool IsTerminator(char c) => c is '。' or '!' or '?' or ';' or '…' or '！' or '？' or '；';

    private static bool IsOpening(char c) => c is '「' or '“' or '『' or '‘' or '《' or '(' or '（' or '【' or '〔';

    private static bool IsClosing(char c) => c is '」' or '”' or '』' or '’' or '》' or ')' or '）' or '】' or '〕';
}
