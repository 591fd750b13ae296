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
    public static ImmutableArray<Claim> Extract(ClaimContext context, CancellationToken cancellationToken = default)
    {
        var lexicon = ClaimLexicon.Instance;
        var claims = ImmutableArray.CreateBuilder<Claim>();
        var paragraphFirst = Paragraphs.FirstSentences(context.Text, context.Sentences);
        var periods = new ClaimPeriods(context, lexicon, paragraphFirst);
        var subjects = new ClaimSubjects(context, lexicon, paragraphFirst);
        ClaimSubjects.Subject? carried = null;
        var carriedSentence = -1;
        foreach (var sentence in context.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (paragraphFirst[sentence.Index] == sentence.Index)
            {
                // A subject carries over sentences of one paragraph, not into the next.
                carried = null;
            }

            var sentenceClaimsStart = claims.Count;
            foreach (var clause in ClaimText.Clauses(context.Text, sentence.Span))
            {
                var quantities = QuantitiesIn(context, lexicon, clause);
                var used = new HashSet<int>();
                foreach (var index in quantities)
                {
                    if (used.Contains(index) || (context.Quantities[index].Kind == QuantityKind.Duration && !IsMeasuredDuration(context, lexicon, clause, quantities, index)))
                    {
                        continue;
                    }

                    var claim = ClaimFor(context, lexicon, periods, subjects, sentence.Index, sentence.Span, clause, quantities, index, used, ref carried, ref carriedSentence, claims, sentenceClaimsStart);
                    if (claim is not null)
                    {
                        claims.Add(claim);
                    }
                }
            }
        }

        return ClaimRespectively.Apply(context, lexicon, ClaimLists.SpreadOverLists(context, claims.ToImmutable()));
    }

    private static Claim? ClaimFor(
        ClaimContext context, ClaimLexicon lexicon, ClaimPeriods periods, ClaimSubjects subjects, int sentenceIndex, TextSpan sentence, TextSpan clause,
        List<int> quantities, int index, HashSet<int> used, ref ClaimSubjects.Subject? carried, ref int carriedSentence, ImmutableArray<Claim>.Builder claims, int sentenceClaimsStart)
    {
        var text = context.Text;
        var quantity = context.Quantities[index];
        int? previous = null;
        var value = index;
        (int Start, int Length, ChangeDirection Direction)? verb = null;

        // 从A跃升至B, 从巅峰时的A暴跌至B: A is the earlier value, B the stated one.
        var fromCue = ClaimText.FindCue(context.Text, RegionStart(context, clause, quantities, index), quantity.Span.Start, lexicon, CueRole.From);
        if (fromCue is not null)
        {
            var next = quantities.FirstOrDefault(i => i > index && !used.Contains(i), -1);
            if (next >= 0 && ClaimText.FindVerb(context, quantity.Span.End, context.Quantities[next].Span.Start, lexicon) is { } between)
            {
                previous = index;
                value = next;
                verb = between;
                used.Add(next);
            }
            else if (next >= 0 && ClaimText.HasCue(text, quantity.Span.End, context.Quantities[next].Span.Start, lexicon, CueRole.To))
            {
                // 股价从2600元一路到目前的1600余元: 到 links the two values without a change verb; the values give the direction.
                previous = index;
                value = next;
                used.Add(next);
            }
        }

        var stated = context.Quantities[value];
        if (verb is null && previous is null && LevelAfterChange(context, lexicon, quantities, value) is { } earlierValue)
        {
            // 平均上网电价提升2.2%至407.27元, 同比增长273小时（增幅6.8%）至4264小时: the verb before the change leads to the new level.
            verb = ClaimText.FindVerb(context, clause.Start, context.Quantities[earlierValue].Span.Start, lexicon);
        }

        var periodEnd = previous is not null && fromCue is { } fromWord ? fromWord.Start : stated.Span.Start;
        var regionStart = RegionStart(context, clause, quantities, previous ?? value);
        verb ??= ClaimText.FindVerb(context, regionStart, context.Quantities[previous ?? value].Span.Start, lexicon)
            ?? ClaimText.FindVerb(context, stated.Span.End, Math.Min(clause.End, stated.Span.End + 2), lexicon);
        var valueStart = context.Quantities[previous ?? value].Span.Start;
        var metricEnd = previous is not null && fromCue is { } from ? from.Start : Math.Min(verb?.Start ?? valueStart, valueStart);
        var metricAfterValue = false;
        TextSpan? nounSubject = null;
        // 7/6/6倍PE: the metric after the last value of a list names every value of it.
        var metric = ClaimMetrics.MetricRightAfter(context, lexicon, stated) ?? ClaimMetrics.MetricRightAfter(context, lexicon, context.Quantities[ClaimLists.ListTail(context, quantities, value)]);
        if (metric is not null)
        {
            // 2000亿估值, 3800亿投入: a metric term right after the amount names it.
            metricAfterValue = true;
            if (ClaimMetrics.IsInsidePhrase(context, metric.Value))
            {
                return null;
            }
        }
        else if ((ClaimMetrics.FindMetricWithCore(context, lexicon, clause.Start, metricEnd)
            ?? (previous is null && verb is { } before && before.Start + before.Length <= valueStart ? ClaimMetrics.FindMetricWithCore(context, lexicon, before.Start + before.Length, valueStart) : null)) is { } withCore)
        {
            // 下调2021-2023年EPS至0.76: the metric may follow the verb.
            nounSubject = ClaimMetrics.SegmentBefore(context, lexicon, withCore.Metric, withCore.Core);
            metric = nounSubject is { } segment ? new TextSpan(segment.End, withCore.Metric.End) : withCore.Metric;
        }

        if (metric is null && ClaimMetrics.NounPhraseAfter(context, stated) is { } after && !NamesAnActor(context, after))
        {
            if (ClaimMetrics.IsInsidePhrase(context, after))
            {
                return null;
            }

            metric = ClaimMetrics.WithoutPlanWord(context, lexicon, after);
            metricAfterValue = true;
        }

        if (verb is null && metricAfterValue && stated.Kind == QuantityKind.Count && stated.Value is < 10 && ClaimMetrics.MetricRightAfter(context, lexicon, stated) is null)
        {
            // 三层协同, 两大业务引擎: a small count that no metric or verb makes a statement describes, it does not claim.
            return null;
        }

        var comparison = ClaimText.HasCue(text, clause.Start, stated.Span.Start, lexicon, CueRole.Comparison);
        var sentenceClaims = claims.Count - sentenceClaimsStart;
        if (metric is null && comparison && sentenceClaims > 0)
        {
            // 远低于AWS的42.1%: the metric is the one of the claim it compares with.
            var compared = claims[^1];
            claims[^1] = compared with { Type = ClaimType.Comparison };
            return Build(context, lexicon, periods, subjects, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, compared.Metric, ClaimType.Comparison, metricStart: stated.Span.Start, ref carried, ref carriedSentence);
        }

        if (metric is null && sentenceClaims > 0 && IsBracketedAfterValue(context, quantities, value))
        {
            // 城建4708亿（+56%）: a rate in brackets right after a value is that value's growth.
            var growthOf = claims[^1];
            var bracketType = Shape(context, lexicon, clause, stated, previous, verb, growthOf.Metric, false, comparison);
            return Build(context, lexicon, periods, subjects, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, growthOf.Metric, bracketType, metricStart: clause.Start, ref carried, ref carriedSentence);
        }

        // Words before the value that the dictionary lacks (全国煤电指数同比上涨2.9%) name a new metric; only a clause
        // without them continues the last one.
        var phrase = metric is null ? ClaimMetrics.PhraseBefore(context, lexicon, clause.Start, metricEnd) : null;
        var namesSomething = phrase is { } words && ClaimMetrics.HasNoun(context, words.Metric);

        // 路桥2456亿: a place name right before the value names a segment as well.
        var segmentName = namesSomething && ClaimMetrics.IsSegmentOfValue(context, lexicon, phrase!.Value.Metric, stated) ? phrase.Value.Metric
            : metric is null && !namesSomething ? PlaceRightBefore(context, stated) : null;

        // The metric the sentence measures: its last claim's, a term of an earlier clause, or the last claim's of a
        // sentence it continues after a semicolon (…铁路133亿（+61%）；基建设计362亿).
        var earlierMetric = metric is not null || segmentName is null ? null
            : sentenceClaims > 0 ? claims[^1].Metric
            : ClaimMetrics.FindMetricWithCore(context, lexicon, sentence.Start, clause.Start) is { } inSentence ? context.Text.Substring(inSentence.Metric.Start, inSentence.Metric.Length)
            : claims.Count > 0 && claims[^1].Sentence == sentenceIndex - 1 && EndsWithSemicolon(context, sentenceIndex - 1) ? claims[^1].Metric : null;
        // A segment is measured like the claim before it (基建8908亿 after 10067亿); 员工5000人 after 营收100亿元 is a metric of its own.
        var sameKind = sentenceClaims == 0 || Enumerable.Range(sentenceClaimsStart, sentenceClaims).Any(k => context.Quantities[claims[k].Value].Kind == stated.Kind);
        if (metric is null && segmentName is { } name && earlierMetric is not null && sameKind)
        {
            // 新签分业务，基建8908亿（+35%），其中城建4708亿: a short name right before the value is a segment measured by the sentence's metric.
            var segment = new ClaimSubjects.Subject(null, context.Text.Substring(name.Start, name.Length));
            var segmentType = Shape(context, lexicon, clause, stated, previous, verb, earlierMetric, false, comparison);
            return Build(context, lexicon, periods, subjects, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, earlierMetric, segmentType, metricStart: clause.Start, ref carried, ref carriedSentence, segment: segment);
        }

        if (metric is null && !namesSomething && sentenceClaims > 0 && (verb is not null || ClaimText.HasCue(text, clause.Start, stated.Span.Start, lexicon, CueRole.Basis)
            || ClaimLists.IsListContinuation(context, quantities, value) || LinksToTheValue(context, lexicon, clause.Start, stated.Span.Start)))
        {
            // 营业收入30.9亿元，同比增长20%: a clause that only states the change continues the last claim's metric.
            var continued = claims[^1];
            var continuedType = Shape(context, lexicon, clause, stated, previous, verb, continued.Metric, false, comparison);
            return Build(context, lexicon, periods, subjects, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, continued.Metric, continuedType, metricStart: clause.Start, ref carried, ref carriedSentence);
        }

        if (metric is null && phrase is { } wordsBefore)
        {
            nounSubject = ClaimMetrics.SegmentBefore(context, lexicon, wordsBefore.Metric, wordsBefore.Core);
            metric = nounSubject is { } phraseSegment ? new TextSpan(phraseSegment.End, wordsBefore.Metric.End) : wordsBefore.Metric;
        }

        if (metric is not { } metricSpan || metricSpan.IsEmpty)
        {
            return null;
        }

        if (metricAfterValue && verb is { } inside && inside.Start >= metricSpan.Start && inside.Start < metricSpan.End)
        {
            // 贡献了60%的增长: the 增 of the metric after the value is no verb.
            verb = null;
        }

        var metricText = context.Text.Substring(metricSpan.Start, metricSpan.Length);
        CueRole? growthWord = null;
        if (lexicon.Cues.TryGet(metricText, out var growthRole) && growthRole is CueRole.Growth or CueRole.Fall)
        {
            // 1.25/1.39/1.52元，增速24/11/10%; 273小时（增幅6.8%）: a bare growth word is the growth of the last claim's metric,
            // else of the metric named earlier in the sentence (股价逆势拉升，最高涨幅达到7.62%).
            var named = sentenceClaims > 0 ? claims[^1].Metric
                : ClaimMetrics.FindMetricWithCore(context, lexicon, sentence.Start, clause.Start) is { } earlier ? context.Text.Substring(earlier.Metric.Start, earlier.Metric.Length) : null;
            if (named is not null)
            {
                metricText = named;
                growthWord = growthRole;
            }
        }

        var type = Shape(context, lexicon, clause, stated, previous, verb, metricText, metricAfterValue, comparison);
        return Build(context, lexicon, periods, subjects, periodEnd, sentenceIndex, sentence, clause, stated, value, previous, verb, metricText, type, metricAfterValue ? stated.Span.Start : metricSpan.Start, ref carried, ref carriedSentence, nounSubject, growthWord);
    }

    private static Claim Build(
        ClaimContext context, ClaimLexicon lexicon, ClaimPeriods periods, ClaimSubjects subjects, int periodEnd, int sentenceIndex, TextSpan sentence, TextSpan clause, Quantity stated, int value, int? previous,
        (int Start, int Length, ChangeDirection Direction)? verb, string metric, ClaimType type, int metricStart, ref ClaimSubjects.Subject? carried, ref int carriedSentence, TextSpan? nounSubject = null, CueRole? growthWord = null, ClaimSubjects.Subject? segment = null)
    {
        // With no entity to name it, the nouns in front of the metric term are the subject (轻质原油期货 + 价格).
        // A subject of an earlier clause of the sentence goes on (不考虑爱奇艺，百度核心业务收入240亿元，同比增长27%);
        // one of an earlier sentence yields to a name in this sentence.
        var carriedHere = carried is not null && carriedSentence == sentenceIndex ? carried : null;
        // 其中AI定制化项目贡献了60%的增长: with the metric after the value, the nouns before the verb are the subject.
        var phraseSubject = metricStart >= stated.Span.Start && ClaimMetrics.PhraseBefore(context, lexicon, clause.Start, stated.Span.Start) is { } nounsBefore
            && nounsBefore.Core.End == nounsBefore.Metric.End && ClaimText.IsNounLike(LastTokenPos(context, nounsBefore.Metric.End))
            && HasVerbBetween(context, lexicon, nounsBefore.Metric.End, stated.Span.Start)
            ? new ClaimSubjects.Subject(null, context.Text.Substring(nounsBefore.Metric.Start, nounsBefore.Metric.Length))
            : null;
        // 纽约商品交易所7月交货的轻质原油期货价格, 数控系统行业收入: a segment named in front of the metric is what it measures.
        var qualifier = nounSubject is { } nouns ? new ClaimSubjects.Subject(null, context.Text.Substring(nouns.Start, nouns.Length)) : null;

        // 公司溶液类注射产品实现营收12.93亿元, 重卡行业累计实现批发销量: the nouns before 实现 name the part that achieved it.
        segment ??= lexicon.Metrics.LastBefore(metric, 0, metric.Length) is not null
            && ClaimMetrics.AchieverBefore(context, lexicon, clause.Start, metricStart) is { } achiever
            ? new ClaimSubjects.Subject(null, context.Text.Substring(achiever.Start, achiever.Length))
            : null;
        var subject = segment ?? subjects.Find(sentence, clause, metricStart, stated.Span.Start, qualifier is not null)
            ?? (metricStart < stated.Span.Start ? subjects.PlaceBefore(clause.Start, metricStart) : null) ?? phraseSubject ?? qualifier ?? carriedHere
            ?? subjects.InSentence(sentence, clause) ?? subjects.LineLabel(sentence) ?? carried ?? subjects.LaterInSentence(sentence, clause) ?? subjects.LastInParagraph(sentenceIndex, clause.Start)
            ?? subjects.DefaultFor(sentenceIndex);
        carried = subject;
        carriedSentence = sentenceIndex;
        var period = periods.Find(sentenceIndex, clause, periodEnd);
        ChangeDirection? change = verb?.Direction;
        if (change == ChangeDirection.Increase && stated.Value < 0)
        {
            // 同比增长-7%: the sign wins over the verb.
            change = ChangeDirection.Decrease;
        }

        if (change is null && previous is { } p && context.Quantities[p].Value is { } before && stated.Value is { } after)
        {
            change = after > before ? ChangeDirection.Increase : after < before ? ChangeDirection.Decrease : ChangeDirection.Stable;
        }
        else if (change is null && IsSignedRate(context, lexicon, clause, stated) && stated.Value is { } rate)
        {
            // 同比+33.9%, （-0.91pct）: a signed rate states its direction.
            change = rate > 0 ? ChangeDirection.Increase : rate < 0 ? ChangeDirection.Decrease : ChangeDirection.Stable;
        }
        else if (change is null && type != ClaimType.Plan && (ClaimText.EndsWithGrowthWord(metric, lexicon) ?? growthWord) is { } growth && stated.Value is { } size)
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

    /// <summary>业绩考核目标为（…）：2023-2025年营收增速不低于45%: a clause after a colon whose lead-in names a plan.</summary>
    private static bool IntroducedByAPlan(ClaimContext context, ClaimLexicon lexicon, TextSpan clause)
    {
        var text = context.Text;
        var colon = clause.Start - 1;
        if (colon < 0 || text[colon] is not (':' or '：'))
        {
            return false;
        }

        var leadStart = colon;
        while (leadStart > 0 && text[leadStart - 1] is not (',' or '，' or '。' or ';' or '；' or ':' or '：' or '!' or '?'))
        {
            leadStart--;
        }

        return ClaimText.HasPlanCue(text, leadStart, colon, lexicon);
    }

    private static TextSpan? PlaceRightBefore(ClaimContext context, Quantity value)
    {
        var entities = context.Entities;
        var before = Sorted.FirstFrom(entities, e => e.Span, value.Span.Start) - 1;
        return before >= 0 && entities[before].Type == EntityType.Location && context.Text.AsSpan(entities[before].Span.End, Math.Max(0, value.Span.Start - entities[before].Span.End)).IsWhiteSpace()
            ? entities[before].Span
            : null;
    }

    private static bool IsBracketedAfterValue(ClaimContext context, List<int> quantities, int index)
    {
        var position = quantities.IndexOf(index);
        if (position <= 0)
        {
            return false;
        }

        var before = context.Quantities[quantities[position - 1]].Span;
        return context.Text.AsSpan(before.End, context.Quantities[index].Span.Start - before.End).Trim() is "(" or "（";
    }

    private static bool EndsWithSemicolon(ClaimContext context, int sentenceIndex)
    {
        var span = context.Sentences[sentenceIndex].Span;
        return span.Length > 0 && context.Text[span.End - 1] is ';' or '；';
    }

    /// <summary>The value before this one when only 至 or 到 (and a bracketed aside) lies between them.</summary>
    private static int? LevelAfterChange(ClaimContext context, ClaimLexicon lexicon, List<int> quantities, int index)
    {
        var position = quantities.IndexOf(index);
        for (var k = position - 1; k >= 0; k--)
        {
            var gap = context.Text.AsSpan(context.Quantities[quantities[k]].Span.End, context.Quantities[index].Span.Start - context.Quantities[quantities[k]].Span.End).Trim();
            if (gap.Length > 0 && gap[0] is ')' or '）')
            {
                gap = gap[1..].Trim();
            }

            if (gap is "至" or "到")
            {
                return quantities[k];
            }

            // Skip a value in brackets between them: 273小时（增幅6.8%）至4264小时.
            var open = context.Text.AsSpan(context.Quantities[quantities[k - 1 >= 0 ? k - 1 : k]].Span.End, Math.Max(0, context.Quantities[quantities[k]].Span.Start - context.Quantities[quantities[k - 1 >= 0 ? k - 1 : k]].Span.End));
            if (k == 0 || open.IndexOfAny('(', '（') < 0)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>收于每桶39.55美元, 为5%: the clause only links a level to what the sentence measures.</summary>
    private static bool LinksToTheValue(ClaimContext context, ClaimLexicon lexicon, int clauseStart, int valueStart)
    {
        var head = context.Text.AsSpan(clauseStart, valueStart - clauseStart).Trim();
        for (var length = Math.Min(lexicon.Cues.MaxLength, head.Length); length > 0; length--)
        {
            if (lexicon.Cues.TryGet(head[..length], out var role) && role == CueRole.To)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A verb or link word (贡献了, 达到) between the phrase and the value: the phrase is its subject, not its object.</summary>
    private static bool HasVerbBetween(ClaimContext context, ClaimLexicon lexicon, int start, int end)
    {
        foreach (var token in ClaimText.TokensIn(context.Tokens, start, end))
        {
            if (token.Pos.StartsWith('v') || (lexicon.Cues.TryGet(context.Text.AsSpan(token.Span.Start, token.Span.Length), out var role) && role == CueRole.To))
            {
                return true;
            }
        }

        return false;
    }

    private static string LastTokenPos(ClaimContext context, int end) =>
        ClaimText.TokenEndingAt(context.Tokens, end) is var index and >= 0 ? context.Tokens[index].Pos : string.Empty;

    private static ClaimType Shape(
        ClaimContext context, ClaimLexicon lexicon, TextSpan clause, Quantity stated, int? previous,
        (int Start, int Length, ChangeDirection Direction)? verb, string metric, bool metricAfterValue, bool comparison)
    {
        var text = context.Text;
        // 计划 before the value (计划投入3800亿) or closing the noun phrase after it (3800亿投入计划); a plan
        // elsewhere in the clause (增速滑落到3%、上市计划折戟) is another statement.
        var after = ClaimMetrics.NounPhraseAfter(context, stated);
        if (ClaimText.HasPlanCue(text, clause.Start, stated.Span.Start, lexicon) || IntroducedByAPlan(context, lexicon, clause)
            || (after is { } phrase && ClaimText.HasPlanCue(text, phrase.Start, phrase.End, lexicon)))
        {
            return ClaimType.Plan;
        }

        if (comparison)
        {
            return ClaimType.Comparison;
        }

        // 拿下49.2%的市场份额, 80%的中国科技企业; but 砍掉20%非核心业务 is a change by a verb.
        if (ClaimText.ContainsCue(metric, lexicon, CueRole.Share) || (metricAfterValue && stated.Kind == QuantityKind.Percent && verb is null))
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
            var afterVerb = text.AsSpan((v.Start + v.Length)..stated.Span.Start).Trim();
            var verbText = text.AsSpan(v.Start, v.Length);
            var linksToLevel = (afterVerb.Length > 0 && lexicon.Cues.TryGet(afterVerb, out var role) && role == CueRole.To)
                || afterVerb.EndsWith("至") || afterVerb.EndsWith("到")
                || verbText.EndsWith("至") || verbText.EndsWith("到") || verbText.EndsWith("回");
            return linksToLevel ? ClaimType.Change : ClaimType.Growth;
        }

        // （+26%）, 同比+33.9%, 利润增速19%: a signed rate or a growth word states a growth without a verb.
        return IsSignedRate(context, lexicon, clause, stated) || ClaimText.EndsWithGrowthWord(metric, lexicon) is not null ? ClaimType.Growth : ClaimType.Level;
    }

    private static List<int> QuantitiesIn(ClaimContext context, ClaimLexicon lexicon, TextSpan clause)
    {
        var found = new List<int>();
        for (var i = 0; i < context.Quantities.Length; i++)
        {
            var quantity = context.Quantities[i];
            if (clause.Contains(quantity.Span) && (IsClaimable(quantity.Kind) || quantity.Kind == QuantityKind.Duration) && !ClaimLists.IsRevision(context, i)
                && !IsConversion(context, lexicon, i))
            {
                found.Add(i);
            }
        }

        return found;
    }

    private static bool IsSignedRate(ClaimContext context, ClaimLexicon lexicon, TextSpan clause, Quantity quantity)
    {
        if (quantity.Kind is not (QuantityKind.Percent or QuantityKind.PercentagePoint))
        {
            return false;
        }

        var first = context.Text[quantity.Span.Start];
        var before = quantity.Span.Start > 0 ? context.Text[quantity.Span.Start - 1] : ' ';
        return first is '+' or '-' || before is '+' or '-' || ClaimText.HasCue(context.Text, clause.Start, quantity.Span.Start, lexicon, CueRole.Basis);
    }

    /// <summary>A person, organisation or product inside the phrase: 80%的中国科技企业 names a metric, 收购Fast Flow Limited does not.</summary>
    private static bool NamesAnActor(ClaimContext context, TextSpan phrase)
    {
        foreach (var entity in context.Entities)
        {
            if (entity.Span.Overlaps(phrase) && entity.Type is not (EntityType.Location or EntityType.Event or EntityType.Work))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 利用小时同比增长273小时, 8-10年更新周期: a length of time is a figure only when a change verb leads to it or a
    /// metric of a length of time follows it; 连续八个季度三位数增长, 三年CAGR or 三年3800亿投入 use it as a span of time.
    /// </summary>
    private static bool IsMeasuredDuration(ClaimContext context, ClaimLexicon lexicon, TextSpan clause, List<int> quantities, int index)
    {
        var quantity = context.Quantities[index];
        if (ClaimMetrics.MetricRightAfter(context, lexicon, quantity) is { } after && lexicon.Cues.LastBefore(context.Text, after.Start, after.End) is { Value: CueRole.Span } span
            && span.Start + span.Length == after.End)
        {
            return true;
        }

        var regionStart = RegionStart(context, clause, quantities, index);
        return ClaimText.FindVerb(context, regionStart, quantity.Span.Start, lexicon) is { } verb
            && ClaimMetrics.FindMetricWithCore(context, lexicon, clause.Start, verb.Start) is not null;
    }

    /// <summary>1055.53亿日元（约合63.2亿人民币）: the same amount in another currency, no figure of its own.</summary>
    private static bool IsConversion(ClaimContext context, ClaimLexicon lexicon, int index)
    {
        var quantity = context.Quantities[index].Span;
        var start = quantity.Start;
        var open = start - 1;
        while (open >= 0 && context.Text[open] is not ('(' or '（' or ',' or '，' or '。'))
        {
            open--;
        }

        return open >= 0 && context.Text[open] is '(' or '（' && ClaimText.HasCue(context.Text, open + 1, quantity.End, lexicon, CueRole.Conversion);
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
}
