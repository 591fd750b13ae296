using System.Collections.Immutable;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Claims;

/// <summary>Which sentences open a paragraph: a line break, or a run of two or more spaces (how the corpus separates paragraphs), before them.</summary>
internal static class Paragraphs
{
    /// <summary>For each sentence, the index of the first sentence of its paragraph.</summary>
    public static int[] FirstSentences(string text, ImmutableArray<Sentence> sentences)
    {
        var first = new int[sentences.Length];
        var previousEnd = 0;
        for (var i = 0; i < sentences.Length; i++)
        {
            first[i] = i == 0 || IsBreak(text, previousEnd, sentences[i].Span.Start) ? i : first[i - 1];
            previousEnd = sentences[i].Span.End;
        }

        return first;
    }

    private static bool IsBreak(string text, int start, int end)
    {
        var spaces = 0;
        for (var i = start; i < end; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                return true;
            }

            spaces = char.IsWhiteSpace(text[i]) ? spaces + 1 : 0;
            if (spaces >= 2)
            {
                return true;
            }
        }

        return false;
    }
}
