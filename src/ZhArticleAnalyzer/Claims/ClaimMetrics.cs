using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>Where the metric of a claim is written: a dictionary term before the value, extended over the nouns that qualify it, or the nouns after the value.</summary>
internal static class ClaimMetrics
{
    internal const int MaxMetricLength = 16;
    private const int MaxSegmentLength = 4;
    private const int MaxDegreeWords = 2;

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
            if (token.Span.Start < start || term.Start + term.Length - token.Span.Start > MaxMetricLength || !ClaimText.IsNounLike(token.Pos) || Coverage.InEntity(context, token.Span) || Coverage.InTime(context, token.Span)
                || (lexicon.Cues.TryGet(context.Text.AsSpan(token.Span.Start, token.Span.Length), out var role) && role != CueRole.Segment))
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

    /// <summary>
    /// 蔚来交付新车10,707台, 每公里成本比上一代降低60%, 国际油价5日上涨超过5%: with no dictionary term, the words
    /// right before the value (or its verb) name the metric: nouns, or a verb with its object, after the subject
    /// and the comparison (比上一代), without the link words (为, 达到, 获) and the time between them and the value.
    /// <c>Core</c> is the last noun when nouns qualify it (国际 + 油价), else the whole phrase.
    /// </summary>
    internal static (TextSpan Metric, TextSpan Core)? PhraseBefore(ClaimContext context, ClaimLexicon lexicon, int start, int end)
    {
        var text = context.Text;
        if (lexicon.PeriodCues.LastBefore(text, start, end) is { Value: PeriodCueRole.Base } comparedWith && !Coverage.InTime(context, new TextSpan(comparedWith.Start, comparedWith.Start + 1))
            && !InCueWord(text, lexicon, comparedWith.Start))
        {
            // 每公里成本比上一代降低60%: what is compared comes before 比.
            end = comparedWith.Start;
        }

        var words = WordsBefore(context, start, end);
        var i = words.Count - 1;
        while (i >= 0 && IsLinkWord(context, lexicon, words[i]))
        {
            i--;
        }

        if (i < 0)
        {
            return null;
        }

        var last = i;
        var first = -1;
        while (i >= 0 && words[last].Span.End - words[i].Span.Start <= MaxMetricLength && IsPhraseWord(context, lexicon, words[i])
            && (first < 0 || words[i].Span.End == words[first].Span.Start))
        {
            first = i;
            i--;
        }

        if (first < 0)
        {
            return null;
        }

        var phrase = new TextSpan(words[first].Span.Start, words[last].Span.End);
        var qualified = last > first && ClaimText.IsNounLike(words[last].Pos) && Enumerable.Range(first, last - first).All(k => ClaimText.IsNounLike(words[k].Pos));
        return (phrase, qualified ? words[last].Span : phrase);
    }

    /// <summary>The 比 of 同比, 环比, 占比: part of a longer cue word.</summary>
    private static bool InCueWord(string text, ClaimLexicon lexicon, int position)
    {
        for (var start = Math.Max(0, position - lexicon.Cues.MaxLength + 1); start <= position; start++)
        {
            if (lexicon.Cues.LongestAt(text, start, text.Length) is { } cue && start + cue.Length > position && cue.Length > 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The nouns before an achievement verb (实现, 录得, 累计实现) that leads to the metric at <paramref name="metricStart"/>:
    /// 溶液类注射产品实现营收, 重卡行业累计实现批发销量.
    /// </summary>
    internal static TextSpan? AchieverBefore(ClaimContext context, ClaimLexicon lexicon, int clauseStart, int metricStart)
    {
        var verbStart = metricStart;
        var tokens = context.Tokens;
        var index = ClaimText.TokenEndingAt(tokens, verbStart);
        var achieved = false;
        while (index >= 0 && tokens[index].Span.Start >= clauseStart)
        {
            var word = context.Text.AsSpan(tokens[index].Span.Start, tokens[index].Span.Length);
            var isAchieve = lexicon.Cues.TryGet(word, out var role) && role == CueRole.Achieve;
            if (!isAchieve && !(achieved && tokens[index].Pos == "d"))
            {
                break;
            }

            achieved |= isAchieve;
            verbStart = tokens[index].Span.Start;
            index--;
        }

        if (!achieved || PhraseBefore(context, lexicon, clauseStart, verbStart) is not { } phrase || phrase.Metric.End != verbStart || !HasNoun(context, phrase.Metric))
        {
            return null;
        }

        return phrase.Metric;
    }

    /// <summary>The span holds a noun (not only verbs: 载客, 交付).</summary>
    internal static bool HasNoun(ClaimContext context, TextSpan span) =>
        ClaimText.TokensIn(context.Tokens, span.Start, span.End).ToArray().Any(t => ClaimText.IsNounLike(t.Pos) && !t.Pos.StartsWith('v'));

    /// <summary>基建8908亿, 零部件3万元: a short name that is no metric term, right before the value.</summary>
    internal static bool IsSegmentOfValue(ClaimContext context, ClaimLexicon lexicon, TextSpan name, Quantity value) =>
        name.Length <= MaxSegmentLength && context.Text.AsSpan(name.End, Math.Max(0, value.Span.Start - name.End)).IsWhiteSpace()
        && lexicon.Metrics.LastBefore(context.Text, name.Start, name.End) is null
        && !StartsOrEndsWithAVerb(context, lexicon, name);

    /// <summary>交付新车, 电动SUV交付: a verb at either end makes an action, not a name; 疏浚业务 ends with a segment word.</summary>
    private static bool StartsOrEndsWithAVerb(ClaimContext context, ClaimLexicon lexicon, TextSpan name)
    {
        var words = ClaimText.TokensIn(context.Tokens, name.Start, name.End).ToArray();
        static bool IsVerb(Pipeline.Token t) => t.Pos.StartsWith('v') && t.Pos != "vn";
        var last = words.Length > 0 ? words[^1] : default;
        var endsWithSegment = words.Length > 0 && lexicon.Cues.TryGet(context.Text.AsSpan(last.Span.Start, last.Span.Length), out var role) && role == CueRole.Segment;
        return words.Length > 0 && (IsVerb(words[0]) && !endsWithSegment || IsVerb(last));
    }

    /// <summary>
    /// The tokens in [start, end); a token that <paramref name="end"/> cuts (价格上涨 before the verb 上涨) gives its
    /// first part as a noun.
    /// </summary>
    private static List<Pipeline.Token> WordsBefore(ClaimContext context, int start, int end)
    {
        var words = new List<Pipeline.Token>();
        var tokens = context.Tokens;
        for (var i = ClaimText.FirstTokenFrom(tokens, start); i < tokens.Length && tokens[i].Span.Start < end; i++)
        {
            var token = tokens[i];
            words.Add(token.Span.End <= end ? token : new Pipeline.Token(new TextSpan(token.Span.Start, end), "n"));
        }

        return words;
    }

    /// <summary>
    /// 数控系统行业 + 收入, 轻质原油期货 + 价格: the qualifying nouns in front of the metric's core when they end with a
    /// word that names a segment (行业, 业务, 期货); 政企客户占比 or 核心广告收入 stay one metric.
    /// </summary>
    internal static TextSpan? SegmentBefore(ClaimContext context, ClaimLexicon lexicon, TextSpan metric, TextSpan core)
    {
        if (core.Start <= metric.Start)
        {
            return null;
        }

        // The last segment word before the core that ends on a word boundary: 数控系统行业 + 收入, 全国 + 煤电指数.
        var searchEnd = core.Start;
        while (lexicon.Cues.LastBefore(context.Text, metric.Start, searchEnd) is { } cue)
        {
            var end = cue.Start + cue.Length;
            if (cue.Value == CueRole.Segment && (end == core.Start || ClaimText.TokenEndingAt(context.Tokens, end) >= 0))
            {
                return new TextSpan(metric.Start, end);
            }

            searchEnd = end - 1;
        }

        return null;
    }

    /// <summary>Words between a metric and its value that are not part of it: 为, 达到, 约, 已, 获, 了, spaces and times.</summary>
    private static bool IsLinkWord(ClaimContext context, ClaimLexicon lexicon, Pipeline.Token token)
    {
        var word = context.Text.AsSpan(token.Span.Start, token.Span.Length);
        return word.IsWhiteSpace() || Coverage.InTime(context, token.Span)
            || (lexicon.Cues.TryGet(word, out var role) && role is CueRole.To or CueRole.Basis)
            || token.Pos is "d" or "p" or "c" or "u" or "ul" or "uj" or "uz" or "ug" or "uv" or "ud" or "r" or "m" or "q" or "x"
            || (token.Pos.StartsWith('v') && token.Span.Length == 1);
    }

    private static bool IsPhraseWord(ClaimContext context, ClaimLexicon lexicon, Pipeline.Token token) =>
        (ClaimText.IsNounLike(token.Pos) || token.Pos is "b" || token.Pos.StartsWith('v'))
        && !Coverage.InEntity(context, token.Span) && !Coverage.InTime(context, token.Span)
        && !(lexicon.Cues.TryGet(context.Text.AsSpan(token.Span.Start, token.Span.Length), out var role) && role != CueRole.Segment)
        && !Coverage.InQuantity(context, token.Span);


    /// <summary>A metric term that starts right after the value (after an optional 的): 2000亿估值.</summary>
    internal static TextSpan? MetricRightAfter(ClaimContext context, ClaimLexicon lexicon, Quantity quantity)
    {
        var position = quantity.Span.End;
        if (position < context.Text.Length && context.Text[position] == '的')
        {
            position++;

            // 接近50%的较高市占率: words of degree between 的 and the metric do not name it.
            var next = ClaimText.TokenStartingAt(context.Tokens, position);
            var skipped = position;
            for (var k = 0; k < MaxDegreeWords && next >= 0 && next < context.Tokens.Length && context.Tokens[next].Pos is "a" or "d" or "ad" or "zg"; k++, next++)
            {
                skipped = context.Tokens[next].Span.End;
                if (lexicon.Metrics.LongestAt(context.Text, skipped, context.Text.Length) is not null)
                {
                    position = skipped;
                    break;
                }
            }
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
        var afterDe = position < context.Text.Length && context.Text[position] == '的';
        if (afterDe)
        {
            position++;
        }

        var tokens = context.Tokens;
        var tokenIndex = ClaimText.TokenStartingAt(tokens, position);
        var end = position;
        while (tokenIndex >= 0 && tokenIndex < tokens.Length)
        {
            var token = tokens[tokenIndex];
            // 60%的增长: after 的 a verb is a noun; 3800亿AI基建投入: an adjective inside the phrase qualifies the noun after it.
            var fits = ClaimText.IsNounLike(token.Pos)
                || (afterDe && end == position && token.Pos.StartsWith('v'))
                || (token.Pos == "a" && tokenIndex + 1 < tokens.Length && tokens[tokenIndex + 1].Span.Start == token.Span.End && ClaimText.IsNounLike(tokens[tokenIndex + 1].Pos));
            if (token.Span.Start != end || !fits || token.Span.End - position > MaxMetricLength)
            {
                break;
            }

            end = token.Span.End;
            tokenIndex++;
        }

        // A trailing one-character noun is usually a particle of time or place (…市场份额时), not part of the name.
        if (tokenIndex > 0 && end > position)
        {
            var last = tokens[tokenIndex - 1];
            if (last.Span.End == end && last.Span.Length == 1 && last.Span.Start > position)
            {
                end = last.Span.Start;
            }
        }

        return end > position ? new TextSpan(position, end) : null;
    }

    /// <summary>3800亿投入背后的…, 百亿投入中: a value whose noun is followed by a word of place is part of a larger phrase, not a statement.</summary>
    internal static bool IsInsidePhrase(ClaimContext context, TextSpan phrase)
    {
        var next = ClaimText.TokenStartingAt(context.Tokens, phrase.End);
        return next >= 0 && context.Tokens[next].Pos == "f";
    }

    /// <summary>The metric named by a noun phrase after the value, without a closing plan word (3800亿AI基建投入计划 → AI基建投入).</summary>
    internal static TextSpan WithoutPlanWord(ClaimContext context, ClaimLexicon lexicon, TextSpan phrase)
    {
        if (lexicon.Cues.LastBefore(context.Text, phrase.Start, phrase.End) is { Value: CueRole.Plan } cue && cue.Start + cue.Length == phrase.End && cue.Start > phrase.Start)
        {
            return new TextSpan(phrase.Start, cue.Start);
        }

        return phrase;
    }
}
