using System.Collections.Immutable;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>The thing a count counts: the nouns right after its measure word (29个地域 → 地域).</summary>
internal static class CountedNoun
{
    private const int MaxTokens = 3;

    /// <summary>The run of noun tokens that starts at <paramref name="position"/>, or null.</summary>
    public static string? After(string text, ImmutableArray<Token> tokens, int position)
    {
        var index = FirstTokenAtOrAfter(tokens, position);
        if (index < 0 || tokens[index].Span.Start != position)
        {
            return null;
        }

        var start = position;
        var end = position;
        for (var k = index; k < tokens.Length && k - index < MaxTokens; k++)
        {
            var token = tokens[k];
            if (token.Span.Start != end || !IsNounLike(token.Pos))
            {
                break;
            }

            end = token.Span.End;
        }

        return end > start ? text[start..end] : null;
    }

    private static bool IsNounLike(string pos) => pos.Length > 0 && (pos[0] == 'n' || pos is "vn" or "eng" or "j" or "l");

    private static int FirstTokenAtOrAfter(ImmutableArray<Token> tokens, int position)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Span.Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < tokens.Length ? lo : -1;
    }
}
