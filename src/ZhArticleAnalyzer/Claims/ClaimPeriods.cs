using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>
/// The period of a claim: a time of its clause; else the latest time that scopes an earlier clause of the
/// sentence; else the time that heads the latest earlier sentence of the paragraph (a report's
/// <c>2021年三季报</c> or <c>2018年，…</c> stays the period of the figures that follow it). Words such as
/// 如今, 目前 or 截至发稿, and a heading (<c>布局管线：</c>), end the carried period: the statement is about
/// another time. Some times are never periods (the base of 较去年同月, the edition of 2025年云栖大会, the
/// contract month of 7月交货的), and some stay in their own clause (2023年的阿里云, 2020Q3同期, 两年后).
/// </summary>
internal sealed class ClaimPeriods
{
    private const int MaxHeadingLength = 16;

    private readonly ClaimContext _context;
    private readonly ClaimLexicon _lexicon;
    private readonly int[] _paragraphFirst;
    private readonly TimeRole[] _roles;
    private readonly Opening?[] _openings;

    public ClaimPeriods(ClaimContext context, ClaimLexicon lexicon, int[] paragraphFirst)
    {
        _context = context;
        _lexicon = lexicon;
        _paragraphFirst = paragraphFirst;
        _roles = new TimeRole[context.Times.Length];
        for (var i = 0; i < _roles.Length; i++)
        {
            _roles[i] = RoleOf(i);
        }

        // What opens each sentence is worked out when a claim first looks back over it.
        _openings = new Opening?[context.Sentences.Length];
    }

    /// <summary>What a sentence tells later ones: the time that heads it, where its last shift word is (-1: none), whether it opens with a heading.</summary>
    private readonly record struct Opening(int? Head, int LastShift, bool Heading);

    private enum TimeRole
    {
        /// <summary>Dates the clauses after it.</summary>
        Scope,

        /// <summary>Dates its own clause only.</summary>
        Local,

        /// <summary>Never a period.</summary>
        None,
    }

    /// <summary>
    /// The period (index into the times) of a value of <paramref name="clause"/>; the clause's own times count
    /// up to <paramref name="end"/> (the value, or the 从 of 从A至B: a time after it dates the earlier value).
    /// </summary>
    public int? Find(int sentenceIndex, TextSpan clause, int end)
    {
        var times = _context.Times;
        int? after = null;
        for (var i = Sorted.FirstFrom(times, t => t.Span, clause.End) - 1; i >= 0 && times[i].Span.Start >= clause.Start; i--)
        {
            var span = times[i].Span;
            if (_roles[i] != TimeRole.None && span.Start >= clause.Start && span.End <= clause.End)
            {
                if (span.End <= end)
                {
                    // The nearest: Q1-Q3单季净利增85%（2020年同期-40%） dates -40% by 2020.
                    return i;
                }

                // 以33%的份额在2020年继续保持第一: a time later in the clause dates it when none comes before.
                after = span.Start >= end && _roles[i] == TimeRole.Scope ? i : after;
            }
        }

        if (after is not null)
        {
            return after;
        }

        var sentence = _context.Sentences[sentenceIndex].Span;
        // 从2600元一路到目前的1600余元: a shift anywhere in the clause counts, even after 从.
        var shift = LastShift(sentence.Start, Math.Max(end, clause.End));
        for (var i = Sorted.FirstFrom(times, t => t.Span, clause.Start) - 1; i >= 0 && times[i].Span.Start >= sentence.Start; i--)
        {
            var span = times[i].Span;
            if (_roles[i] == TimeRole.Scope && span.End <= clause.Start)
            {
                return span.Start > shift ? i : null;
            }
        }

        if (shift >= 0 || OpeningOf(sentenceIndex).Heading)
        {
            return null;
        }

        for (var s = sentenceIndex - 1; s >= _paragraphFirst[sentenceIndex]; s--)
        {
            var opening = OpeningOf(s);
            if (opening.Head is { } head)
            {
                return times[head].Span.Start > opening.LastShift ? head : null;
            }

            if (opening.LastShift >= 0 || opening.Heading)
            {
                return null;
            }
        }

        return null;
    }

    private Opening OpeningOf(int sentenceIndex)
    {
        if (_openings[sentenceIndex] is { } known)
        {
            return known;
        }

        var span = _context.Sentences[sentenceIndex].Span;
        var opening = new Opening(HeadOf(span), LastShift(span.Start, span.End), IsHeading(span));
        _openings[sentenceIndex] = opening;
        return opening;
    }

    private TimeRole RoleOf(int index)
    {
        var text = _context.Text;
        var time = _context.Times[index];
        var after = time.Span.End;
        if (StartsEvent(after) || (_lexicon.PeriodCues.LongestAt(text, after, text.Length) is { } next && next.Value is PeriodCueRole.Event or PeriodCueRole.Delivery))
        {
            return TimeRole.None;
        }

        var before = time.Span.Start;
        while (before > 0 && char.IsWhiteSpace(text[before - 1]))
        {
            before--;
        }

        if (_lexicon.PeriodCues.LastBefore(text, Math.Max(0, before - _lexicon.PeriodCues.MaxLength), before) is { } previous
            && previous.Start + previous.Length == before && previous.Value == PeriodCueRole.Base)
        {
            return TimeRole.None;
        }

        // 两年后, 两年前, 两年间: a span of time away from the text's own time, not a period that later clauses share;
        // 上年同期 is the base of a comparison; a time in brackets (（6月销量为7.2万辆）) is an aside.
        var local = _lexicon.PeriodCues.LongestAt(text, after, text.Length) is { Value: PeriodCueRole.Local }
            || (_lexicon.PeriodCues.LastBefore(text, time.Span.Start, time.Span.End) is { Value: PeriodCueRole.Local } last && last.Start + last.Length == time.Span.End)
            || (time.Value is null && text[time.Span.End - 1] is '前' or '后')
            || time.Value is ['P', ..]
            || InBrackets(time.Span.Start);
        return local ? TimeRole.Local : TimeRole.Scope;
    }

    /// <summary>An opening bracket of the same sentence before the position is not yet closed.</summary>
    private bool InBrackets(int position)
    {
        var sentence = Sorted.FirstFrom(_context.Sentences, s => s.Span, position + 1) - 1;
        var sentenceStart = sentence >= 0 ? _context.Sentences[sentence].Span.Start : 0;
        for (var i = position - 1; i >= sentenceStart; i--)
        {
            if (_context.Text[i] is ')' or '）')
            {
                return false;
            }

            if (_context.Text[i] is '(' or '（')
            {
                return true;
            }
        }

        return false;
    }

    private bool StartsEvent(int position)
    {
        var entities = _context.Entities;
        for (var i = Sorted.FirstFrom(entities, e => e.Span, position); i < entities.Length && entities[i].Span.Start == position; i++)
        {
            if (entities[i].Type == EntityType.Event)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The time that opens a sentence: the first scoping time before its first figure (after a heading or lead-in colon).</summary>
    private int? HeadOf(TextSpan sentence)
    {
        var firstFigure = sentence.End;
        var quantities = _context.Quantities;
        var first = Sorted.FirstFrom(quantities, q => q.Span, sentence.Start);
        if (first < quantities.Length && sentence.Contains(quantities[first].Span))
        {
            firstFigure = quantities[first].Span.Start;
        }

        var start = sentence.Start;
        for (var i = sentence.Start; i < firstFigure; i++)
        {
            if (_context.Text[i] is ':' or '：')
            {
                start = i + 1;
            }
        }

        if (firstFigure == sentence.End)
        {
            // A sentence without figures heads what follows only by a time of its first clause (公司公布2021年三季报，…),
            // not by one deep inside it (…，考虑2021Q3宏观风险).
            var comma = _context.Text.AsSpan(start, sentence.End - start).IndexOfAny(',', '，');
            firstFigure = comma < 0 ? sentence.End : start + comma;
        }

        for (var i = Sorted.FirstFrom(_context.Times, t => t.Span, start); i < _context.Times.Length && _context.Times[i].Span.Start < firstFigure; i++)
        {
            if (_roles[i] == TimeRole.Scope && _context.Times[i].Span.End <= firstFigure)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>A short label and a colon opening the sentence (布局管线：, 事件：): a new topic.</summary>
    private bool IsHeading(TextSpan sentence)
    {
        var text = _context.Text;
        for (var i = sentence.Start; i < Math.Min(sentence.End, sentence.Start + MaxHeadingLength); i++)
        {
            if (text[i] is ',' or '，' or '。')
            {
                return false;
            }

            if (text[i] is ':' or '：')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the last word that shifts the time (如今, 截至发稿) starts in [start, end), outside time expressions; -1 if none.</summary>
    private int LastShift(int start, int end)
    {
        var text = _context.Text;
        var searchEnd = end;
        while (_lexicon.PeriodCues.LastBefore(text, start, searchEnd) is { } cue)
        {
            if (cue.Value == PeriodCueRole.Shift && !InTime(cue.Start))
            {
                return cue.Start;
            }

            searchEnd = cue.Start + cue.Length - 1;
        }

        return -1;
    }

    private bool InTime(int position) => Coverage.InTime(_context, new TextSpan(position, position + 1));
}
