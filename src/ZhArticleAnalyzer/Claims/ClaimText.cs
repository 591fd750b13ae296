using System.Collections.Immutable;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>Text scans claim extraction shares: clauses, change verbs, cue words and tokens.</summary>
internal static class ClaimText
{
    /// <summary>Clauses split on commas, semicolons and colons inside the sentence (the text is normalised: ，→ ,).</summary>
    internal static List<TextSpan> Clauses(string text, TextSpan sentence)
    {
        var clauses = new List<TextSpan>();
        var start = sentence.Start;
        for (var i = sentence.Start; i <= sentence.End; i++)
        {
            // 10,707台: a comma between digits groups thousands, it does not end a clause.
            var thousands = i < sentence.End && text[i] is ',' or '，' && i > sentence.Start && i + 1 < sentence.End && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);

            // A run of spaces inside a sentence separates a heading from the text after it (…大幅减少　　2018年，…).
            var gap = i + 1 < sentence.End && char.IsWhiteSpace(text[i]) && char.IsWhiteSpace(text[i + 1]);
            if (i == sentence.End || gap || (!thousands && text[i] is ',' or ';' or ':' or '，' or '；' or '：'))
            {
                if (i > start)
                {
                    clauses.Add(new TextSpan(start, i));
                }

                start = i + 1;
            }
        }

        return clauses;
    }

    /// <summary>The change verb nearest before <paramref name="end"/>; of overlapping verbs (跃升 / 升至) the one that starts first.</summary>
    internal static (int Start, int Length, ChangeDirection Direction)? FindVerb(ClaimContext context, int start, int end, ClaimLexicon lexicon)
    {
        var text = context.Text;
        var searchEnd = end;
        (int Start, int Length, ChangeDirection Value) found;
        while (true)
        {
            if (lexicon.Verbs.LastBefore(text, start, searchEnd) is not { } candidate)
            {
                return null;
            }

            found = candidate;
            if (!InMetricTerm(text, found.Start, found.Start + found.Length, lexicon) && !EndsInsideAWord(context.Tokens, found.Start + found.Length))
            {
                break;
            }

            // 营收增速不低于45%, 定向增发: the 增 of the metric 增速 or of the word 增发 is no verb.
            searchEnd = found.Start + found.Length - 1;
        }

        var best = (found.Start, found.Length, Direction: found.Value);
        for (var earlier = found.Start - 1; earlier >= Math.Max(start, found.Start - lexicon.Verbs.MaxLength + 1); earlier--)
        {
            if (lexicon.Verbs.LongestAt(text, earlier, end) is { } overlapping && earlier + overlapping.Length > best.Start)
            {
                best = (earlier, overlapping.Length, overlapping.Value);
            }
        }

        return best;
    }

    private static bool EndsInsideAWord(ImmutableArray<Pipeline.Token> tokens, int end)
    {
        var before = FirstTokenFrom(tokens, end) - 1;
        return before >= 0 && tokens[before].Span.End > end;
    }

    /// <summary>A metric term covers [start, end) and reaches beyond it.</summary>
    private static bool InMetricTerm(string text, int start, int end, ClaimLexicon lexicon)
    {
        for (var i = Math.Max(0, start - lexicon.Metrics.MaxLength + 1); i <= start; i++)
        {
            if (lexicon.Metrics.LongestAt(text, i, Math.Min(text.Length, i + lexicon.Metrics.MaxLength)) is { } term && i + term.Length >= end && term.Length > end - start)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool HasCue(string text, int start, int end, ClaimLexicon lexicon, CueRole role)
    {
        for (var i = start; i < end; i++)
        {
            if (lexicon.Cues.LongestAt(text, i, end) is { } cue && cue.Value == role)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A plan word outside metric terms: 目标 is a plan, 目标价 a metric.</summary>
    internal static bool HasPlanCue(string text, int start, int end, ClaimLexicon lexicon)
    {
        for (var i = start; i < end; i++)
        {
            var cue = lexicon.Cues.LongestAt(text, i, end);
            if (lexicon.Metrics.LongestAt(text, i, end) is { } term && term.Length > (cue?.Length ?? 0))
            {
                i += term.Length - 1;
                continue;
            }

            if (cue is { Value: CueRole.Plan })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The direction a metric such as 利润增速 or 跌幅 states by itself: Growth (by the value's sign) or Fall; null for other metrics.</summary>
    internal static CueRole? EndsWithGrowthWord(string metric, ClaimLexicon lexicon) =>
        lexicon.Cues.LastBefore(metric, 0, metric.Length) is { } cue && cue.Start + cue.Length == metric.Length && cue.Value is CueRole.Growth or CueRole.Fall ? cue.Value : null;

    internal static (int Start, int Length)? FindCue(string text, int start, int end, ClaimLexicon lexicon, CueRole role)
    {
        for (var i = start; i < end; i++)
        {
            if (lexicon.Cues.LongestAt(text, i, end) is { } cue && cue.Value == role)
            {
                return (i, cue.Length);
            }
        }

        return null;
    }

    internal static bool ContainsCue(string metric, ClaimLexicon lexicon, CueRole role) => HasCue(metric, 0, metric.Length, lexicon, role);

    internal static bool IsNounLike(string pos) => pos.Length > 0 && (pos[0] == 'n' || pos is "vn" or "eng" or "an" or "j" or "b" or "s");

    internal static bool InEntity(ImmutableArray<EntityMention> entities, TextSpan span)
    {
        foreach (var entity in entities)
        {
            if (entity.Span.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    internal static int TokenEndingAt(ImmutableArray<Pipeline.Token> tokens, int end)
    {
        var before = FirstTokenFrom(tokens, end) - 1;
        return before >= 0 && tokens[before].Span.End == end ? before : -1;
    }

    internal static int TokenStartingAt(ImmutableArray<Pipeline.Token> tokens, int start)
    {
        var index = FirstTokenFrom(tokens, start);
        return index < tokens.Length && tokens[index].Span.Start == start ? index : -1;
    }

    /// <summary>The tokens inside [start, end), by binary search (tokens are sorted and do not overlap).</summary>
    internal static ReadOnlySpan<Pipeline.Token> TokensIn(ImmutableArray<Pipeline.Token> tokens, int start, int end)
    {
        var first = FirstTokenFrom(tokens, start);
        var last = first;
        while (last < tokens.Length && tokens[last].Span.End <= end)
        {
            last++;
        }

        return tokens.AsSpan()[first..last];
    }

    /// <summary>The index of the first token that starts at or after <paramref name="position"/>.</summary>
    internal static int FirstTokenFrom(ImmutableArray<Pipeline.Token> tokens, int position)
    {
        int low = 0, high = tokens.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (tokens[middle].Span.Start < position)
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
