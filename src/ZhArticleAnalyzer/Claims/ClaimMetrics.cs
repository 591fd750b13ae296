using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>Where the metric of a claim is written: a dictionary term before the value, extended over the nouns that qualify it, or the nouns after the value.</summary>
internal static class ClaimMetrics
{
    internal const int MaxMetricLength = 16;

    /// <summary>The metric with the dictionary term at its end (<c>Core</c>): 轻质原油期货价格 has core 价格.</summary>
    internal static (TextSpan Metric, TextSpan Core)? FindMetricWithCore(ClaimContext context, ClaimLexicon lexicon, int start, int end)
    {
        var searchEnd = end;
        (int Start, int Length, bool Value)? found;
        while ((found = lexicon.Metrics.LastBefore(context.Text, start, searchEnd)) is { } candidate
            && lexicon.Cues.TryGet(context.Text.AsSpan(candidate.Start, candidate.Length), out var role) && role == CueRole.Basis)
        {
            searchEnd = candidate.Start;
        }

        if (found is not { } term)
        {
            return null;
        }

        var metricStart = term.Start;
        var tokenIndex = ClaimText.TokenEndingAt(context.Tokens, metricStart);
        while (tokenIndex >= 0)
        {
            var token = context.Tokens[tokenIndex];
            if (token.Span.Start < start || term.Start + term.Length - token.Span.Start > MaxMetricLength || !ClaimText.IsNounLike(token.Pos) || ClaimText.InEntity(context.Entities, token.Span) || InTime(context, token.Span)
                || lexicon.Cues.TryGet(context.Text.AsSpan(token.Span.Start, token.Span.Length), out _))
            {
                break;
            }

            metricStart = token.Span.Start;
            tokenIndex--;
            if (tokenIndex >= 0 && context.Tokens[tokenIndex].Span.End != metricStart)
            {
                break;
            }
        }

        return (new TextSpan(metricStart, term.Start + term.Length), new TextSpan(term.Start, term.Start + term.Length));
    }

    /// <summary>A metric term that starts right after the value (after an optional 的): 2000亿估值.</summary>
    internal static TextSpan? MetricRightAfter(ClaimContext context, ClaimLexicon lexicon, Quantity quantity)
    {
        var position = quantity.Span.End;
        if (position < context.Text.Length && context.Text[position] == '的')
        {
            position++;
        }

        if (lexicon.Metrics.LongestAt(context.Text, position, context.Text.Length) is not { } term
            || (lexicon.Cues.TryGet(context.Text.AsSpan(position, term.Length), out var role) && role == CueRole.Basis))
        {
            return null;
        }

        return new TextSpan(position, position + term.Length);
    }

    /// <summary>80%的中国科技企业, 29个地域: the nouns right after the value (after an optional 的).</summary>
    internal static TextSpan? NounPhraseAfter(ClaimContext context, Quantity quantity)
    {
        var position = quantity.Span.End;
        if (position < context.Text.Length && context.Text[position] == '的')
        {
            position++;
        }

        var tokenIndex = ClaimText.TokenStartingAt(context.Tokens, position);
        var end = position;
        while (tokenIndex >= 0 && tokenIndex < context.Tokens.Length)
        {
            var token = context.Tokens[tokenIndex];
            if (token.Span.Start != end || !ClaimText.IsNounLike(token.Pos) || token.Span.End - position > MaxMetricLength)
            {
                break;
            }

            end = token.Span.End;
            tokenIndex++;
        }

        // A trailing one-character noun is usually a particle of time or place (…市场份额时), not part of the name.
        if (tokenIndex > 0 && end > position)
        {
            var last = context.Tokens[tokenIndex - 1];
            if (last.Span.End == end && last.Span.Length == 1 && last.Span.Start > position)
            {
                end = last.Span.Start;
            }
        }

        return end > position ? new TextSpan(position, end) : null;
    }

    /// <summary>本季度收入, 2021Q3收入: a time in front of the metric dates it, it is not part of its name.</summary>
    private static bool InTime(ClaimContext context, TextSpan span)
    {
        foreach (var time in context.Times)
        {
            if (time.Span.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }
}
