using System.Collections.Immutable;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>
/// 分别: a list of names before it and a list of as many values after it pair up in order. A name that is a
/// metric (销售费用率、管理费用率、研发费用率分别为8.4%/6.5%/8.9%) gives each value its metric; any other
/// name (纽约油价和伦敦油价当周涨幅分别为11.43%和11.79%, 出口/国内分别为27/61万辆) gives each value its
/// subject. A later 分别 of the same sentence with no names of its own (同比分别-2.4pct/+2.0pct/+1.9pct) pairs
/// with the same names.
/// </summary>
internal static class ClaimRespectively
{
    private const string Word = "分别";

    public static ImmutableArray<Claim> Apply(ClaimContext context, ClaimLexicon lexicon, ImmutableArray<Claim> claims)
    {
        var result = claims.ToBuilder();
        List<TextSpan>? names = null;
        var namesSentence = -1;
        var i = 0;
        while (i < result.Count)
        {
            var run = 1;
            while (i + run < result.Count && result[i + run].Span == result[i].Span && ClaimLists.IsListed(context, result[i + run - 1].Value, result[i + run].Value))
            {
                run++;
            }

            var clause = result[i].Span;
            var word = context.Text.AsSpan(clause.Start, context.Quantities[result[i].Value].Span.Start - clause.Start).IndexOf(Word, StringComparison.Ordinal);
            if (run > 1 && word >= 0)
            {
                var own = Names(context, lexicon, new TextSpan(clause.Start, clause.Start + word), result[i]);
                if (own.Count == run)
                {
                    names = own;
                    namesSentence = result[i].Sentence;
                }

                if (names is not null && names.Count == run && namesSentence == result[i].Sentence)
                {
                    var earlierMetric = i > 0 && result[i - 1].Sentence == result[i].Sentence ? result[i - 1].Metric : null;
                    for (var k = 0; k < run; k++)
                    {
                        result[i + k] = Pair(context, lexicon, result[i + k], names[k], names, earlierMetric);
                    }
                }
            }

            i += run;
        }

        return result.ToImmutable();
    }

    private static Claim Pair(ClaimContext context, ClaimLexicon lexicon, Claim claim, TextSpan name, List<TextSpan> names, string? earlierMetric)
    {
        var text = context.Text;
        if (ClaimMetrics.FindMetricWithCore(context, lexicon, name.Start, name.End) is { } metric && metric.Metric.End == name.End)
        {
            return claim with { Metric = text.Substring(metric.Metric.Start, metric.Metric.Length) };
        }

        var subject = EntityAt(context, name) is { } entity ? claim with { SubjectEntity = entity, SubjectText = null } : claim with { SubjectEntity = null, SubjectText = text.Substring(name.Start, name.Length) };

        // The metric was read from the names themselves (出口/国内分别为…): the sentence's earlier metric is the one
        // meant; a bare growth word (涨幅) is the growth of what the names end with (纽约油价 → 油价).
        var metricInNames = names.Any(n => text.AsSpan(n.Start, n.Length).Contains(claim.Metric, StringComparison.Ordinal));
        if (metricInNames && earlierMetric is not null)
        {
            return subject with { Metric = earlierMetric };
        }

        if (lexicon.Cues.TryGet(claim.Metric, out var role) && role is CueRole.Growth or CueRole.Fall && LastNoun(context, name) is { } noun)
        {
            return subject with { Metric = text.Substring(noun.Start, noun.Length) };
        }

        return subject;
    }

    /// <summary>The names before 分别, split at 、 和 及 与 /, without times, brackets and 其中; empty when there is no list.</summary>
    private static List<TextSpan> Names(ClaimContext context, ClaimLexicon lexicon, TextSpan region, Claim claim)
    {
        var text = context.Text;
        var names = new List<TextSpan>();
        var start = region.Start;
        var depth = 0;
        for (var i = region.Start; i <= region.End; i++)
        {
            var c = i < region.End ? text[i] : '\0';
            depth += c is '(' or '（' ? 1 : c is ')' or '）' ? -1 : 0;
            if (i == region.End || (depth == 0 && c is '、' or '和' or '及' or '与' or '/'))
            {
                if (Clean(context, lexicon, new TextSpan(start, i)) is { } name)
                {
                    names.Add(name);
                }
                else
                {
                    return [];
                }

                start = i + 1;
            }
        }

        // The last name runs into what the clause measures (伦敦油价当周涨幅): it ends where a time or the metric begins.
        if (names.Count > 1)
        {
            var last = names[^1];
            var cut = context.Times.Where(t => t.Span.Start > last.Start && t.Span.Start < last.End).Select(t => t.Span.Start).DefaultIfEmpty(last.End).Min();
            var metricAt = text.IndexOf(claim.Metric, last.Start, last.Length, StringComparison.Ordinal);
            if (metricAt > last.Start && !names.Take(names.Count - 1).Any(n => text.AsSpan(n.Start, n.Length).EndsWith(claim.Metric, StringComparison.Ordinal)))
            {
                cut = Math.Min(cut, metricAt);
            }

            names[^1] = new TextSpan(last.Start, cut);
        }

        return names.Count > 1 && names.All(n => n.Length > 0) ? names : [];
    }

    /// <summary>The name without times, bracketed asides, 其中 and spaces around it.</summary>
    private static TextSpan? Clean(ClaimContext context, ClaimLexicon lexicon, TextSpan span)
    {
        var text = context.Text;
        var start = span.Start;
        var end = span.End;
        var bracket = text.AsSpan(start, end - start).IndexOfAny('(', '（');
        if (bracket >= 0)
        {
            end = start + bracket;
        }

        while (true)
        {
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            if (context.Times.FirstOrDefault(t => t.Span.Start == start) is { } time && time.Span.End <= end)
            {
                start = time.Span.End;
                continue;
            }

            if (lexicon.Cues.LongestAt(text, start, end) is { Value: CueRole.Word or CueRole.Implicit } prefix && prefix.Length < end - start)
            {
                start += prefix.Length;
                continue;
            }

            break;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end > start && end - start <= ClaimMetrics.MaxMetricLength ? new TextSpan(start, end) : null;
    }

    private static int? EntityAt(ClaimContext context, TextSpan name)
    {
        for (var i = 0; i < context.Entities.Length; i++)
        {
            if (context.Entities[i].Span == name)
            {
                return i;
            }
        }

        return null;
    }

    private static TextSpan? LastNoun(ClaimContext context, TextSpan name)
    {
        var index = ClaimText.TokenEndingAt(context.Tokens, name.End);
        return index >= 0 && context.Tokens[index].Span.Start >= name.Start && ClaimText.IsNounLike(context.Tokens[index].Pos) ? context.Tokens[index].Span : null;
    }
}
