using System.Collections.Immutable;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>
/// Finds numeric claims clause by clause. For each claimable quantity it finds the change verb before
/// it, a 从A…至B pair, the metric (a dictionary term before the value, extended over the nouns in front
/// of it, else the noun the value counts or qualifies), the subject (the first organisation or product
/// of the clause, else of the sentence, else the last claim's, with 其/该公司 resolved to the last
/// organisation), the period (a time of the clause, else of the sentence) and the claim's shape.
/// </summary>
internal static class ClaimExtractor
{
    private const int MaxMetricLength = 16;

    public static ImmutableArray<Claim> Extract(ClaimContext context, CancellationToken cancellationToken = default)
    {
        var lexicon = ClaimLexicon.Instance;
        var claims = ImmutableArray.CreateBuilder<Claim>();
        var paragraphFirst = Paragraphs.FirstSentences(context.Text, context.Sentences);
        var periods = new ClaimPeriods(context, lexicon, paragraphFirst);
        Subject? carried = null;
        foreach (var sentence in context.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (paragraphFirst[sentence.Index] == sentence.Index)
            {
                // A subject carries over sentences of one paragraph, not into the next.
                carried = null;
            }

            var sentenceClaimsStart = claims.Count;
            foreach (var clause in Clauses(context.Text, sentence.Span))
            {
                var quantities = QuantitiesIn(context, clause);
                var used = new HashSet<int>();
                foreach (var index in quantities)
                {
                    if (used.Contains(index))
                    {
                        continue;
                    }

                    var claim = ClaimFor(context, lexicon, periods, sentence.Index, sentence.Span, clause, quantities, index, used, ref carried, claims, sentenceClaimsStart);
                    if (claim is not null)
                    {
                        claims.Add(claim);
                    }
                }
            }
        }

        return SpreadOverLists(context, claims.ToImmutable());
    }

    /// <summary>
    /// A list of values of one metric (1.25/1.39/1.52元) shares what its first value states: the change word
    /// (下调EPS至0.76、0.89、1.03元) and, under a year interval (2023-2025年), one year per value; a list of
    /// two such runs (0.30/0.41/0.49元和0.36/0.48/0.57港币) restarts the years.
    /// </summary>
    private static ImmutableArray<Claim> SpreadOverLists(ClaimContext context, ImmutableArray<Claim> claims)
    {
        var result = claims.ToBuilder();
        var i = 0;
        while (i < result.Count)
        {
            var run = 1;
            while (i + run < result.Count && result[i + run].PeriodTime == result[i].PeriodTime && result[i + run].Metric == result[i].Metric
                && IsListed(context, result[i + run - 1].Value, result[i + run].Value))
            {
                run++;
            }

            var head = result[i];
            for (var k = 1; k < run; k++)
            {
                var item = result[i + k];
                if (item.Change is null && head.ChangeWord is not null)
                {
                    item = item with { Change = head.Change, ChangeWord = head.ChangeWord, Type = head.Type };
                }
                else if (item.Change is null && head.Change is not null && context.Quantities[item.Value] is { Kind: QuantityKind.Percent or QuantityKind.PercentagePoint, Value: { } rate })
                {
                    // -40%/-40%/3%: in a list of signed rates an unsigned one is a rise.
                    item = item with { Change = rate > 0 ? ChangeDirection.Increase : rate < 0 ? ChangeDirection.Decrease : ChangeDirection.Stable, Type = head.Type };
                }

                result[i + k] = item;
            }

            if (run > 1 && head.PeriodTime is { } time && YearInterval(context.Times[time].Value) is { } years && run % (years.Last - years.First + 1) == 0)
            {
                var count = years.Last - years.First + 1;
                for (var k = 0; k < run; k++)
                {
                    result[i + k] = result[i + k] with { PeriodTime = null, PeriodText = (years.First + (k % count)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                }
            }

            else if (run == 1 && head.PeriodTime is { } carried && context.Times[carried].Sentence != head.Sentence && YearInterval(context.Times[carried].Value) is not null)
            {
                // A forecast interval (2021-23年EPS为…) dates the lists that follow it, not a lone value of a later sentence (维持目标价8.95元).
                result[i] = head with { PeriodTime = null };
            }

            i += run;
        }

        return result.ToImmutable();
    }

    private static bool IsListed(ClaimContext context, int first, int second) => IsListSeparator(ListGap(context, first, second));

    private static (int First, int Last)? YearInterval(string? value)
    {
        if (value is not { Length: 9 } || value[4] != '/'
            || !int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(value.AsSpan(5, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)
            || last <= first)
        {
            return null;
        }

        return (first, last);
    }

    private static Claim? ClaimFor(
        ClaimContext context, ClaimLexicon lexicon, ClaimPeriods periods, int sentenceIndex, TextSpan sentence, TextSpan clause,
        List<int> quantities, int index, HashSet<int> used, ref Subject? carried, ImmutableArray<Claim>.Builder claims, int sentenceClaimsStart)
    {
        var text = context.Text.AsSpan();
        var quantity = context.Quantities[index];
        int? previous = null;
        var value = index;
        (int Start, int Length, ChangeDirection Direction)? verb = null;

        // 从A跃升至B, 从巅峰时的A暴跌至B: A is the earlier value, B the stated one.
        var fromCue = FindCue(context.Text, RegionStart(context, clause, quantities, index), quantity.Span.Start, lexicon, CueRole.From);
        if (fromCue is not null)
        {
            var next = quantities.FirstOrDefault(i => i > index && !used.Contains(i), -1);
            if (next >= 0 && FindVerb(text, quantity.Span.End, context.Quantities[next].Span.Start, lexicon) is { } between)
            {
                previous = index;
                value = next;
                verb = between;
                used.Add(next);
            }
            else if (next >= 0 && HasCue(text, quantity.Span.End, context.Quantities[next].Span.Start, lexicon, CueRole.To))
            {
                // 股价从2600元一路到目前的1600余元: 到 links the two values without a change verb; the values give the direction.
                previous = index;
                value = next;
                used.Add(next);
            }
        }

        var stated = context.Quantities[value];
        var periodEnd = previous is not null && fromCue is { } fromWord ? fromWord.Start : stated.Span.Start;
        var regionStart = RegionStart(context, clause, quantities, previous ?? value);
        verb ??= FindVerb(text, regionStart, context.Quantities[previous ?? value].Span.Start, lexicon)
            ?? FindVerb(text, stated.Span.End, Math.Min(clause.End, stated.Span.End + 2), lexicon);
        var valueStart = context.Quantities[previous ?? value].Span.Start;
        var metricEnd = previous is not null && fromCue is { } from ? from.Start : Math.Min(verb?.Start ?? valueStart, valueStart);
        var metricAfterValue = false;
        TextSpan? nounSubject = null;
        // 7/6/6倍PE: the metric after the last value of a list names every value of it.
        var metric = MetricRightAfter(context, lexicon, stated) ?? MetricRightAfter(context, lexicon, context.Quantities[ListTail(context, quantities, value)]);
        if (metric is not null)
        {
            // 2000亿估值, 3800亿投入: a metric term right after the amount names it.
            metricAfterValue = true;
        }
        else if ((FindMetricWithCore(context, lexicon, clause.Start, metricEnd)
            ?? (previous is null && verb is { } before && before.Start + before.Length <= valueStart ? FindMetricWithCore(context, lexicon, before.Start + before.Length, valueStart) : null)) is { } withCore)
        {
            // 下调2021-2023年EPS至0.76: the metric may follow the verb.
            metric = withCore.Metric;
            nounSubject = withCore.Core.Start > withCore.Metric.Start ? new TextSpan(withCore.Metric.Start, withCore.Core.Start) : null;
        }

        if (metric is null && NounPhraseAfter(context, stated) is { } after && !InEntity(context.Entities, after))
        {
            metric = after;
            metricAfterValue = true;
        }

        if (verb is null && metricAfterValue && stated.Kind == QuantityKind.Count && stated.Value is < 10 && MetricRightAfter(context, lexicon, stated) is null)
        {
            // 三层协同, 两大业务引擎: a small count that no metric or verb makes a statement describes, it does not claim.
            return null;
        }

        var comparison = HasCue(text, clause.Start, stated.Span.Start, lexicon, CueRole.Comparison);
        var sentenceClaims = claims.Count - sentenceClaimsStart;
        if (metric is null && comparison && sentenceClaims > 0)
        {
            // 远低于AWS的42.1%: the metric is the one of the claim it compares with.
            var compared = claims[^1];
            claims[^1] = compared with { Type = ClaimType.Comparison };
            return Build(context, lexicon, periods, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, compared.Metric, ClaimType.Comparison, metricStart: stated.Span.Start, ref carried);
        }

        if (metric is null && sentenceClaims > 0 && (verb is not null || HasCue(text, clause.Start, stated.Span.Start, lexicon, CueRole.Basis) || IsListContinuation(context, quantities, value)))
        {
            // 营业收入30.9亿元，同比增长20%: a clause that only states the change continues the last claim's metric.
            var continued = claims[^1];
            var continuedType = Shape(context, lexicon, clause, stated, previous, verb, continued.Metric, false, comparison);
            return Build(context, lexicon, periods, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, continued.Metric, continuedType, metricStart: clause.Start, ref carried);
        }

        if (metric is not { } metricSpan || metricSpan.IsEmpty)
        {
            return null;
        }

        var metricText = context.Text.Substring(metricSpan.Start, metricSpan.Length);
        if (sentenceClaims > 0 && lexicon.Cues.TryGet(metricText, out var growthRole) && growthRole is CueRole.Growth or CueRole.Fall)
        {
            // 1.25/1.39/1.52元，增速24/11/10%; 273小时（增幅6.8%）: a bare growth word is the growth of the last claim's metric.
            metricText = claims[^1].Metric;
        }

        var type = Shape(context, lexicon, clause, stated, previous, verb, metricText, metricAfterValue, comparison);
        return Build(context, lexicon, periods, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, metricText, type, metricAfterValue ? stated.Span.Start : metricSpan.Start, ref carried, nounSubject);
    }

    private static Claim Build(
        ClaimContext context, ClaimLexicon lexicon, ClaimPeriods periods, int periodEnd, int sentenceIndex, TextSpan sentence, TextSpan clause, Quantity stated, int value, int? previous,
        (int Start, int Length, ChangeDirection Direction)? verb, string metric, ClaimType type, int metricStart, ref Subject? carried, TextSpan? nounSubject = null)
    {
        // With no entity to name it, the nouns in front of the metric term are the subject (轻质原油期货 + 价格).
        var subject = FindSubject(context, lexicon, sentence, clause, metricStart) ?? carried
            ?? (nounSubject is { } nouns ? new Subject(null, context.Text.Substring(nouns.Start, nouns.Length)) : null)
            ?? (lexicon.ImplicitSubject is { } implicitSubject && context.Text.Contains(implicitSubject, StringComparison.Ordinal) ? new Subject(null, implicitSubject) : null);
        carried = subject;
        var period = periods.Find(sentenceIndex, clause, periodEnd);
        ChangeDirection? change = verb?.Direction;
        if (change is null && previous is { } p && context.Quantities[p].Value is { } before && stated.Value is { } after)
        {
            change = after > before ? ChangeDirection.Increase : after < before ? ChangeDirection.Decrease : ChangeDirection.Stable;
        }
        else if (change is null && IsSignedRate(context, lexicon, clause, stated) && stated.Value is { } rate)
        {
            // 同比+33.9%, （-0.91pct）: a signed rate states its direction.
            change = rate > 0 ? ChangeDirection.Increase : rate < 0 ? ChangeDirection.Decrease : ChangeDirection.Stable;
        }
        else if (change is null && type != ClaimType.Plan && EndsWithGrowthWord(metric, lexicon) is { } growth && stated.Value is { } size)
        {
            // 利润增速19%, 跌幅为1.85%: the growth word gives the direction.
            change = growth == CueRole.Fall || size < 0 ? ChangeDirection.Decrease : size > 0 ? ChangeDirection.Increase : ChangeDirection.Stable;
        }

        return new Claim(
            clause,
            sentenceIndex,
            subject?.Entity,
            subject?.Entity is null ? subject?.Text : null,
            metric,
            value,
            previous,
            change,
            verb is { } v ? context.Text.Substring(v.Start, v.Length) : null,
            period,
            null,
            type);
    }

    private static ClaimType Shape(
        ClaimContext context, ClaimLexicon lexicon, TextSpan clause, Quantity stated, int? previous,
        (int Start, int Length, ChangeDirection Direction)? verb, string metric, bool metricAfterValue, bool comparison)
    {
        var text = context.Text.AsSpan();
        // 计划 before the value (计划投入3800亿) or closing the noun phrase after it (3800亿投入计划); a plan
        // elsewhere in the clause (增速滑落到3%、上市计划折戟) is another statement.
        var after = NounPhraseAfter(context, stated);
        if (HasPlanCue(text, clause.Start, stated.Span.Start, lexicon)
            || (after is { } phrase && HasPlanCue(text, phrase.Start, phrase.End, lexicon)))
        {
            return ClaimType.Plan;
        }

        if (comparison)
        {
            return ClaimType.Comparison;
        }

        if (ContainsCue(metric, lexicon, CueRole.Share) || (metricAfterValue && stated.Kind == QuantityKind.Percent))
        {
            return ClaimType.Share;
        }

        if (previous is not null)
        {
            return ClaimType.Change;
        }

        if (verb is { } trailing && trailing.Start >= stated.Span.End)
        {
            // 三位数增长: a verb after the value makes the value the size of the change.
            return ClaimType.Growth;
        }

        if (verb is { } v)
        {
            var afterVerb = text[(v.Start + v.Length)..stated.Span.Start].Trim();
            var verbText = text.Slice(v.Start, v.Length);
            var linksToLevel = (afterVerb.Length > 0 && lexicon.Cues.TryGet(afterVerb, out var role) && role == CueRole.To)
                || afterVerb.EndsWith("至") || afterVerb.EndsWith("到")
                || verbText.EndsWith("至") || verbText.EndsWith("到") || verbText.EndsWith("回");
            return linksToLevel ? ClaimType.Change : ClaimType.Growth;
        }

        // （+26%）, 同比+33.9%, 利润增速19%: a signed rate or a growth word states a growth without a verb.
        return IsSignedRate(context, lexicon, clause, stated) || EndsWithGrowthWord(metric, lexicon) is not null ? ClaimType.Growth : ClaimType.Level;
    }

    /// <summary>Clauses split on commas, semicolons and colons inside the sentence (the text is normalised: ，→ ,).</summary>
    internal static List<TextSpan> Clauses(string text, TextSpan sentence)
    {
        var clauses = new List<TextSpan>();
        var start = sentence.Start;
        for (var i = sentence.Start; i <= sentence.End; i++)
        {
            if (i == sentence.End || text[i] is ',' or ';' or ':' or '，' or '；' or '：')
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

    private static List<int> QuantitiesIn(ClaimContext context, TextSpan clause)
    {
        var found = new List<int>();
        for (var i = 0; i < context.Quantities.Length; i++)
        {
            var quantity = context.Quantities[i];
            if (clause.Contains(quantity.Span) && IsClaimable(quantity.Kind) && !IsRevision(context, i))
            {
                found.Add(i);
            }
        }

        return found;
    }

    /// <summary>
    /// 0.76（-0.08）元, 17.76（-2.84）亿元: a signed amount in brackets right after an amount of the same kind
    /// says by how much a forecast was revised; it is not a figure of its own. A rate after a rate
    /// (6.69%（-1.26%）) is a change of the rate and stays a claim.
    /// </summary>
    private static bool IsRevision(ClaimContext context, int index)
    {
        var quantity = context.Quantities[index];
        if (index == 0 || quantity.Kind is QuantityKind.Percent or QuantityKind.PercentagePoint || context.Text[quantity.Span.Start] is not ('+' or '-'))
        {
            return false;
        }

        var before = context.Quantities[index - 1];
        var opening = context.Text.AsSpan(before.Span.End, quantity.Span.Start - before.Span.End).Trim();
        var end = quantity.Span.End;
        while (end < context.Text.Length && char.IsWhiteSpace(context.Text[end]))
        {
            end++;
        }

        return before.Kind == quantity.Kind && opening is "(" or "（" && end < context.Text.Length && context.Text[end] is ')' or '）';
    }

    /// <summary>The text between two listed values, without a revision in brackets after the first (0.76（-0.08）、0.89).</summary>
    private static ReadOnlySpan<char> ListGap(ClaimContext context, int first, int second)
    {
        var a = context.Quantities[first].Span;
        var b = context.Quantities[second].Span;
        if (b.Start < a.End)
        {
            return "?";
        }

        var gap = context.Text.AsSpan(a.End, b.Start - a.End).Trim();
        for (var i = first + 1; i < second; i++)
        {
            if (!IsRevision(context, i))
            {
                return "?";
            }
        }

        if (second > first + 1 && gap.Length > 0 && gap[0] is '(' or '（')
        {
            var close = gap.IndexOfAny(')', '）');
            gap = close < 0 ? gap : gap[(close + 1)..].Trim();
        }

        return gap;
    }

    private static bool IsListSeparator(ReadOnlySpan<char> gap) => gap is "/" or "、" or "和" or "及" or "与" or "," or "";

    private static bool IsSignedRate(ClaimContext context, ClaimLexicon lexicon, TextSpan clause, Quantity quantity)
    {
        if (quantity.Kind is not (QuantityKind.Percent or QuantityKind.PercentagePoint))
        {
            return false;
        }

        var first = context.Text[quantity.Span.Start];
        var before = quantity.Span.Start > 0 ? context.Text[quantity.Span.Start - 1] : ' ';
        return first is '+' or '-' || before is '+' or '-' || HasCue(context.Text, clause.Start, quantity.Span.Start, lexicon, CueRole.Basis);
    }

    /// <summary>1.25/1.39/1.52元, 59%、25%和8%: only a list separator lies between this value and the one before it.</summary>
    private static bool IsListContinuation(ClaimContext context, List<int> quantities, int index)
    {
        var position = quantities.IndexOf(index);
        if (position <= 0)
        {
            return false;
        }

        return IsListed(context, quantities[position - 1], index);
    }

    /// <summary>The last value of the list that <paramref name="index"/> belongs to (itself when it is not listed).</summary>
    private static int ListTail(ClaimContext context, List<int> quantities, int index)
    {
        var position = quantities.IndexOf(index);
        while (position >= 0 && position + 1 < quantities.Count && IsListed(context, quantities[position], quantities[position + 1]))
        {
            position++;
        }

        return position >= 0 ? quantities[position] : index;
    }

    private static bool IsClaimable(QuantityKind kind) =>
        kind is not (QuantityKind.Duration or QuantityKind.Ordinal or QuantityKind.Number);

    private static int RegionStart(ClaimContext context, TextSpan clause, List<int> quantities, int index)
    {
        var start = clause.Start;
        foreach (var i in quantities)
        {
            if (i < index)
            {
                start = Math.Max(start, context.Quantities[i].Span.End);
            }
        }

        return start;
    }

    /// <summary>The change verb nearest before <paramref name="end"/>; of overlapping verbs (跃升 / 升至) the one that starts first.</summary>
    private static (int Start, int Length, ChangeDirection Direction)? FindVerb(ReadOnlySpan<char> text, int start, int end, ClaimLexicon lexicon)
    {
        if (lexicon.Verbs.LastBefore(text, start, end) is not { } found)
        {
            return null;
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

    /// <summary>The nearest metric term before <paramref name="end"/>, extended left over the nouns that qualify it (政企客户 + 占比).</summary>
    private static TextSpan? FindMetric(ClaimContext context, ClaimLexicon lexicon, int start, int end) =>
        FindMetricWithCore(context, lexicon, start, end)?.Metric;

    /// <summary>The metric with the dictionary term at its end (<c>Core</c>): 轻质原油期货价格 has core 价格.</summary>
    private static (TextSpan Metric, TextSpan Core)? FindMetricWithCore(ClaimContext context, ClaimLexicon lexicon, int start, int end)
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
        var tokenIndex = TokenEndingAt(context.Tokens, metricStart);
        while (tokenIndex >= 0)
        {
            var token = context.Tokens[tokenIndex];
            if (token.Span.Start < start || term.Start + term.Length - token.Span.Start > MaxMetricLength || !IsNounLike(token.Pos) || InEntity(context.Entities, token.Span)
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
    private static TextSpan? MetricRightAfter(ClaimContext context, ClaimLexicon lexicon, Quantity quantity)
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
    private static TextSpan? NounPhraseAfter(ClaimContext context, Quantity quantity)
    {
        var position = quantity.Span.End;
        if (position < context.Text.Length && context.Text[position] == '的')
        {
            position++;
        }

        var tokenIndex = TokenStartingAt(context.Tokens, position);
        var end = position;
        while (tokenIndex >= 0 && tokenIndex < context.Tokens.Length)
        {
            var token = context.Tokens[tokenIndex];
            if (token.Span.Start != end || !IsNounLike(token.Pos) || token.Span.End - position > MaxMetricLength)
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

    private static Subject? FindSubject(ClaimContext context, ClaimLexicon lexicon, TextSpan sentence, TextSpan clause, int before)
    {
        if (PossessorOf(context, clause.Start, before) is { } possessor)
        {
            return new Subject(possessor, null);
        }

        if (FirstSubjectEntity(context.Entities, clause.Start, before) is { } inClause)
        {
            return new Subject(inClause, null);
        }

        if ((FindCue(context.Text, sentence.Start, before, lexicon, CueRole.Pronoun) ?? FindCue(context.Text, sentence.Start, before, lexicon, CueRole.Implicit)) is { } pronoun)
        {
            // 公司/其/该公司 mean the last organisation; a broker note that never names its company keeps the word.
            return LastOrganisationBefore(context.Entities, pronoun.Start) is { } referent
                ? new Subject(referent, null)
                : new Subject(null, context.Text.Substring(pronoun.Start, pronoun.Length));
        }

        return FirstSubjectEntity(context.Entities, sentence.Start, clause.Start) is { } inSentence ? new Subject(inSentence, null) : null;
    }

    /// <summary>
    /// 将贵州茅台的目标价调至3000元, 上调腾讯控股目标价: the organisation or product right before the metric
    /// (or before 的 and the metric) owns it, whoever else the clause names first.
    /// </summary>
    private static int? PossessorOf(ClaimContext context, int clauseStart, int metricStart)
    {
        var end = metricStart;
        if (end > clauseStart && context.Text[end - 1] == '的')
        {
            end--;
        }

        for (var i = context.Entities.Length - 1; i >= 0; i--)
        {
            var entity = context.Entities[i];
            if (entity.Span.End == end && entity.Span.Start >= clauseStart && entity.Type is EntityType.Organization or EntityType.Product)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The first organisation or product in the range; 字节火山引擎 (a unit right after its parent) gives the unit.</summary>
    private static int? FirstSubjectEntity(ImmutableArray<EntityMention> entities, int start, int end)
    {
        for (var i = 0; i < entities.Length; i++)
        {
            var entity = entities[i];
            if (entity.Span.Start < start || entity.Span.End > end || entity.Type is not (EntityType.Organization or EntityType.Product))
            {
                continue;
            }

            var chosen = i;
            while (chosen + 1 < entities.Length && entities[chosen + 1].Span.Start == entities[chosen].Span.End && entities[chosen + 1].Span.End <= end
                && entities[chosen + 1].Type is EntityType.Organization or EntityType.Product)
            {
                chosen++;
            }

            return chosen;
        }

        return null;
    }

    private static int? LastOrganisationBefore(ImmutableArray<EntityMention> entities, int position)
    {
        for (var i = entities.Length - 1; i >= 0; i--)
        {
            if (entities[i].Span.End <= position && entities[i].Type == EntityType.Organization)
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsPrecededByCue(string text, int clauseStart, int position, ClaimLexicon lexicon, CueRole role)
    {
        var end = position;
        while (end > clauseStart && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return lexicon.Cues.LastBefore(text, Math.Max(clauseStart, end - lexicon.Cues.MaxLength), end) is { } cue && cue.Start + cue.Length == end && cue.Value == role;
    }

    private static bool HasCue(ReadOnlySpan<char> text, int start, int end, ClaimLexicon lexicon, CueRole role)
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
    private static bool HasPlanCue(ReadOnlySpan<char> text, int start, int end, ClaimLexicon lexicon)
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
    private static CueRole? EndsWithGrowthWord(string metric, ClaimLexicon lexicon) =>
        lexicon.Cues.LastBefore(metric, 0, metric.Length) is { } cue && cue.Start + cue.Length == metric.Length && cue.Value is CueRole.Growth or CueRole.Fall ? cue.Value : null;

    private static (int Start, int Length)? FindCue(string text, int start, int end, ClaimLexicon lexicon, CueRole role)
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

    private static bool ContainsCue(string metric, ClaimLexicon lexicon, CueRole role) => HasCue(metric, 0, metric.Length, lexicon, role);

    private static bool IsNounLike(string pos) => pos.Length > 0 && (pos[0] == 'n' || pos is "vn" or "eng" or "an" or "j");

    private static bool InEntity(ImmutableArray<EntityMention> entities, TextSpan span)
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

    private static int TokenEndingAt(ImmutableArray<Pipeline.Token> tokens, int end)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Span.End == end)
            {
                return i;
            }

            if (tokens[i].Span.Start >= end)
            {
                break;
            }
        }

        return -1;
    }

    private static int TokenStartingAt(ImmutableArray<Pipeline.Token> tokens, int start)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Span.Start == start)
            {
                return i;
            }

            if (tokens[i].Span.Start > start)
            {
                break;
            }
        }

        return -1;
    }

    private sealed record Subject(int? Entity, string? Text);
}
