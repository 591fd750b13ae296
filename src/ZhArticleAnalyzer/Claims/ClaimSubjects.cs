using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>
/// Who a claim is about: the organisation or product that owns the metric, else the first one the clause
/// names as an actor (not the object of 收购 or 来自), else what a pronoun before the metric refers to, else
/// the first one of the sentence. 公司 in a research note is the covered company: the article's main
/// organisation (the one named most often as an actor), else the last organisation named; 其 and 该公司
/// are the last organisation named, else the main one.
/// </summary>
internal sealed class ClaimSubjects
{
    private const int MinMainMentions = 2;
    private const int MaxAnnouncerLength = 8;
    private const int MaxLabelLength = 8;

    /// <summary>Words that end the name of a unit of a company: 炼铁厂, 装配车间, 云事业部, 上海分公司.</summary>
    private static readonly string[] UnitHeads = ["厂", "车间", "基地", "事业部", "事业群", "分公司", "子公司", "分行", "支行", "研究院", "矿"];

    // Entities do not overlap; a name longer than this ending at a position is not looked for (LocationEndingAt).
    private const int MaxNameLength = 64;

    private readonly ClaimContext _context;
    private readonly ClaimLexicon _lexicon;
    private readonly int[] _paragraphFirst;
    private readonly int? _main;
    private readonly Subject? _lead;
    private readonly bool _implicitWordUsed;

    public ClaimSubjects(ClaimContext context, ClaimLexicon lexicon, int[] paragraphFirst)
    {
        _context = context;
        _lexicon = lexicon;
        _paragraphFirst = paragraphFirst;
        _main = MainOrganisation();
        _lead = LeadAnnouncer();
        _implicitWordUsed = lexicon.ImplicitSubject is { } word && OpensAClause(word);
    }

    /// <summary>What 公司 stands for: the announcer of the first sentence, else the main organisation, else the word itself when the text uses it so.</summary>
    private Subject? Company => _lead ?? (_main is { } main ? new Subject(main, null) : _implicitWordUsed ? new Subject(null, _lexicon.ImplicitSubject) : null);

    /// <summary>
    /// The subject when nothing in the sentence or paragraph names one: what 公司 stands for, when the text speaks of
    /// 公司 or names it in the paragraph (a digest of unrelated news does not lend one item's company to another).
    /// </summary>
    public Subject? DefaultFor(int sentenceIndex)
    {
        if (Company is not { } company)
        {
            return null;
        }

        if (_implicitWordUsed)
        {
            return company;
        }

        var first = _paragraphFirst[sentenceIndex];
        var last = sentenceIndex;
        while (last + 1 < _paragraphFirst.Length && _paragraphFirst[last + 1] == first)
        {
            last++;
        }

        var paragraph = new TextSpan(_context.Sentences[first].Span.Start, _context.Sentences[last].Span.End);
        var named = company.Entity is { } entity
            ? _context.Entities.Any(e => paragraph.Contains(e.Span) && e.Canonical == _context.Entities[entity].Canonical)
            : _context.Text.AsSpan(paragraph.Start, paragraph.Length).Contains(company.Text, StringComparison.Ordinal);
        return named ? company : null;
    }

    /// <summary>The subject named in the clause, or by a pronoun of the sentence, for a metric that starts at <paramref name="metricStart"/>.</summary>
    public Subject? Find(TextSpan sentence, TextSpan clause, int metricStart, int valueStart, bool segmentNamed)
    {
        // Only a metric written before the value has an owner in front of it (来自腾讯的5亿美元投资: 腾讯 is the source).
        if (metricStart < valueStart && PossessorOf(clause.Start, metricStart) is { } possessor)
        {
            return new Subject(possessor, null);
        }

        // 纽约商品交易所7月交货的轻质原油期货价格: a name that qualifies another noun (…的) yields to the segment the metric names.
        if (FirstActor(clause.Start, metricStart) is { } inClause
            && !(segmentNamed && _context.Text.AsSpan(_context.Entities[inClause].Span.End, metricStart - _context.Entities[inClause].Span.End).Contains('的')))
        {
            return new Subject(inClause, null);
        }

        // A segment named in front of the metric (全国煤电指数) outranks a pronoun of an earlier clause.
        if (LastPronoun(sentence.Start, metricStart) is { } pronoun && !(segmentNamed && pronoun.Start < clause.Start))
        {
            if (pronoun.Role == CueRole.Implicit && _lead is not null)
            {
                return _lead;
            }


            var referent = pronoun.Role switch
            {
                CueRole.Implicit => _main ?? LastOrganisationBefore(pronoun.Start),
                CueRole.Demonstrative => LastActorBefore(pronoun.Start),
                _ => LastOrganisationBefore(pronoun.Start) ?? _main,
            };
            return referent is { } entity ? new Subject(entity, null) : Company ?? new Subject(null, _context.Text.Substring(pronoun.Start, pronoun.Length));
        }

        return null;
    }

    /// <summary>吴泳铭抛出“三年3800亿AI基建投入计划”时，…阿里在AI基础设施上的投入已超1000亿元: the first actor later in the sentence.</summary>
    public Subject? LaterInSentence(TextSpan sentence, TextSpan clause) =>
        FirstActor(clause.End, sentence.End) is { } later ? new Subject(later, null) : null;

    /// <summary>小鹏汽车P7新增车型正式上市。新车推出2款车型，官方指导价23.29万元: the last organisation or product named earlier in the paragraph.</summary>
    public Subject? LastInParagraph(int sentenceIndex, int position)
    {
        var paragraphStart = _context.Sentences[_paragraphFirst[sentenceIndex]].Span.Start;
        return LastActorBefore(position) is { } last && _context.Entities[last].Span.Start >= paragraphStart ? new Subject(last, null) : null;
    }

    /// <summary>
    /// 炼铁厂：高炉铁水产量一月份实现65.6万吨: a sentence that opens with a unit of the company and a colon
    /// reports that unit's figures. Section labels (盈利预测：, 事件：) are no units, so the label must end
    /// in a unit word (厂, 车间, 事业部, 分公司 …) or be an organisation or product the article names.
    /// </summary>
    public Subject? LineLabel(TextSpan sentence)
    {
        var text = _context.Text;
        var start = sentence.Start;
        while (start < sentence.End && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var colon = text.AsSpan(start, Math.Min(sentence.End, start + MaxLabelLength + 1) - start).IndexOf(':');
        if (colon < 2)
        {
            return null;
        }

        var label = new TextSpan(start, start + colon);
        for (var i = Sorted.FirstFrom(_context.Entities, e => e.Span, label.Start); i < _context.Entities.Length && _context.Entities[i].Span.Start == label.Start; i++)
        {
            if (_context.Entities[i].Span == label && IsSubjectType(_context.Entities[i].Type))
            {
                return new Subject(i, null);
            }
        }

        foreach (var token in ClaimText.TokensIn(_context.Tokens, label.Start, label.End))
        {
            if (!ClaimText.IsNounLike(token.Pos))
            {
                return null;
            }
        }

        var word = text.AsSpan(label.Start, label.Length);
        foreach (var head in UnitHeads)
        {
            if (word.EndsWith(head, StringComparison.Ordinal) && word.Length > head.Length)
            {
                return new Subject(null, word.ToString());
            }
        }

        return null;
    }

    /// <summary>
    /// 美国7月核心CPI月率上涨0.3%, 上海房价: a place right before the metric, with at most a time and 的 between,
    /// is where the figure was measured.
    /// </summary>
    public Subject? PlaceBefore(int clauseStart, int metricStart)
    {
        var entities = _context.Entities;
        var last = Sorted.FirstFrom(entities, e => e.Span, metricStart) - 1;
        if (last < 0 || entities[last].Type != EntityType.Location || entities[last].Span.Start < clauseStart || entities[last].Span.End > metricStart)
        {
            return null;
        }

        for (var p = entities[last].Span.End; p < metricStart; p++)
        {
            if (!(_context.Text[p] is '的' or ' ' || Coverage.InTime(_context, new TextSpan(p, p + 1))))
            {
                return null;
            }
        }

        return new Subject(last, null);
    }

    /// <summary>The first actor of the sentence before the clause.</summary>
    public Subject? InSentence(TextSpan sentence, TextSpan clause) =>
        FirstActor(sentence.Start, clause.Start) is { } inSentence ? new Subject(inSentence, null) : null;

    /// <summary>
    /// 将贵州茅台的目标价调至3000元, 上调腾讯控股目标价: the organisation or product right before the metric
    /// (or before 的 and the metric) owns it, whoever else the clause names first.
    /// </summary>
    private int? PossessorOf(int clauseStart, int metricStart)
    {
        var end = metricStart;
        if (end > clauseStart && _context.Text[end - 1] == '的')
        {
            end--;
        }

        for (var i = Sorted.FirstFrom(_context.Entities, e => e.Span, end) - 1; i >= 0 && _context.Entities[i].Span.Start >= clauseStart; i--)
        {
            var entity = _context.Entities[i];
            if (entity.Span.End == end && IsSubjectType(entity.Type))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The first organisation or product in the range that is not the object of 收购, 来自 …; 字节火山引擎
    /// (a unit right after its parent) gives the unit.
    /// </summary>
    private int? FirstActor(int start, int end)
    {
        var entities = _context.Entities;
        for (var i = Sorted.FirstFrom(entities, e => e.Span, start); i < entities.Length && entities[i].Span.Start < end; i++)
        {
            var entity = entities[i];
            if (entity.Span.End > end || !IsSubjectType(entity.Type) || IsObject(i) || IsForecaster(entity.Span.End))
            {
                continue;
            }

            var chosen = i;
            while (chosen + 1 < entities.Length && entities[chosen + 1].Span.Start == entities[chosen].Span.End && entities[chosen + 1].Span.End <= end
                && IsSubjectType(entities[chosen + 1].Type))
            {
                chosen++;
            }

            return chosen;
        }

        return null;
    }

    /// <summary>收购新加坡 Fast Flow Limited, 来自CYVN的投资: the entity follows a word that makes it an object.</summary>
    private bool IsObject(int index)
    {
        var text = _context.Text;
        var position = _context.Entities[index].Span.Start;
        while (true)
        {
            while (position > 0 && char.IsWhiteSpace(text[position - 1]))
            {
                position--;
            }

            // A place between the word and the name (收购新加坡 X) does not change whose object it is.
            var place = LocationEndingAt(position);
            if (place is null)
            {
                break;
            }

            position = place.Value;
        }

        return _lexicon.Cues.LastBefore(text, Math.Max(0, position - _lexicon.Cues.MaxLength), position) is { Value: CueRole.Oblique } cue && cue.Start + cue.Length == position;
    }

    /// <summary>彭博预期的309亿元: a name before 预期的 (预测的) is whose expectation the figure is, not who it is about.</summary>
    private bool IsForecaster(int end) =>
        _lexicon.Cues.LongestAt(_context.Text, end, _context.Text.Length) is { Value: CueRole.Plan } cue
        && end + cue.Length < _context.Text.Length && _context.Text[end + cue.Length] == '的';

    private int? LocationEndingAt(int position)
    {
        var entities = _context.Entities;
        for (var i = Sorted.FirstFrom(entities, e => e.Span, position) - 1; i >= 0 && entities[i].Span.End >= position - MaxNameLength; i--)
        {
            if (entities[i].Span.End == position && entities[i].Type == EntityType.Location)
            {
                return entities[i].Span.Start;
            }
        }

        return null;
    }

    /// <summary>The pronoun (其, 该公司) or implicit subject word (公司) nearest before <paramref name="end"/>.</summary>
    private (int Start, int Length, CueRole Role)? LastPronoun(int start, int end)
    {
        var searchEnd = end;
        while (_lexicon.Cues.LastBefore(_context.Text, start, searchEnd) is { } cue)
        {
            // 初创公司Momenta, 科创板公司: 公司 after a noun heads a common noun, it does not refer.
            if (cue.Value is CueRole.Pronoun or CueRole.Demonstrative || (cue.Value == CueRole.Implicit && !AfterANoun(cue.Start)))
            {
                return (cue.Start, cue.Length, cue.Value);
            }

            // 其中, 其一: a longer word that holds a pronoun hides it.
            searchEnd = cue.Start;
        }

        return null;
    }

    /// <summary>这款芯片: the last organisation or product named.</summary>
    private int? LastActorBefore(int position)
    {
        var entities = _context.Entities;
        for (var i = Sorted.FirstFrom(entities, e => e.Span, position) - 1; i >= 0; i--)
        {
            if (entities[i].Span.End <= position && IsSubjectType(entities[i].Type))
            {
                return i;
            }
        }

        return null;
    }

    private bool AfterANoun(int position)
    {
        var before = ClaimText.TokenEndingAt(_context.Tokens, position);
        return before >= 0 && ClaimText.IsNounLike(_context.Tokens[before].Pos) && !InTime(_context.Tokens[before].Span.Start);
    }

    private int? LastOrganisationBefore(int position)
    {
        var entities = _context.Entities;
        for (var i = Sorted.FirstFrom(entities, e => e.Span, position) - 1; i >= 0; i--)
        {
            if (entities[i].Span.End <= position && entities[i].Type == EntityType.Organization)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The organisation named most often as an actor (not as the object of 收购, 与 …), at least twice; of
    /// equals the one named first. Its longest mention stands for it (百度集团 rather than 百度).
    /// </summary>
    private int? MainOrganisation()
    {
        var entities = _context.Entities;
        var counts = new Dictionary<string, (int Count, int First, int Longest)>(StringComparer.Ordinal);
        for (var i = 0; i < entities.Length; i++)
        {
            if (entities[i].Type != EntityType.Organization || IsObject(i) || IsAppositive(i))
            {
                continue;
            }

            var canonical = entities[i].Canonical;
            counts[canonical] = counts.TryGetValue(canonical, out var seen)
                ? (seen.Count + 1, seen.First, entities[i].Span.Length > entities[seen.Longest].Span.Length ? i : seen.Longest)
                : (1, i, i);
        }

        var best = counts.Values.Where(c => c.Count >= MinMainMentions).OrderByDescending(c => c.Count).ThenBy(c => c.First).Select(c => (int?)c.Longest).FirstOrDefault();
        return best;
    }

    /// <summary>
    /// 中国重汽发布2023半年报业绩预告, 7月12日，蔚来汽车公告: who announces in the article's first sentence is
    /// what a report note is about: the organisation named there, else the short noun phrase itself when no
    /// entity covers it (the name may be missing from the gazetteers).
    /// </summary>
    private Subject? LeadAnnouncer()
    {
        if (_context.Sentences.IsEmpty)
        {
            return null;
        }

        var text = _context.Text;
        var sentence = _context.Sentences[0].Span;
        var clauseStart = sentence.Start;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            if (_lexicon.Cues.LongestAt(text, i, sentence.End) is { Value: CueRole.Announce } verb)
            {
                return AnnouncerIn(new TextSpan(clauseStart, i));
            }

            if (text[i] is ',' or '，' or ':' or '：' or '■' || char.IsWhiteSpace(text[i]) || InTime(i))
            {
                clauseStart = i + 1;
            }
        }

        return null;
    }

    private Subject? AnnouncerIn(TextSpan span)
    {
        for (var i = _context.Entities.Length - 1; i >= 0; i--)
        {
            var entity = _context.Entities[i];
            if (span.Contains(entity.Span) && entity.Type == EntityType.Organization)
            {
                return new Subject(i, null);
            }
        }

        var name = _context.Text.AsSpan(span.Start, span.Length).Trim();
        var isName = name.Length is >= 2 and <= MaxAnnouncerLength && !name.SequenceEqual(_lexicon.ImplicitSubject)
            && ClaimText.TokensIn(_context.Tokens, span.Start, span.End).ToArray().All(t => ClaimText.IsNounLike(t.Pos));
        return isName ? new Subject(null, name.ToString()) : null;
    }

    private bool InTime(int position) => Coverage.InTime(_context, new TextSpan(position, position + 1));

    /// <summary>日本机床工业协会（JMTBA）: a name in brackets right after another name of the same thing.</summary>
    private bool IsAppositive(int index)
    {
        if (index == 0)
        {
            return false;
        }

        var before = _context.Entities[index - 1];
        var gap = _context.Text.AsSpan(before.Span.End, Math.Max(0, _context.Entities[index].Span.Start - before.Span.End)).Trim();
        return gap is "(" or "（" && before.Type == _context.Entities[index].Type;
    }

    /// <summary>The word opens a sentence or clause somewhere (公司发布年报, ，公司收入…): the text uses it as a subject.</summary>
    private bool OpensAClause(string word)
    {
        var text = _context.Text;
        for (var position = text.IndexOf(word, StringComparison.Ordinal); position >= 0; position = text.IndexOf(word, position + 1, StringComparison.Ordinal))
        {
            var before = position;
            while (before > 0 && char.IsWhiteSpace(text[before - 1]))
            {
                before--;
            }

            if (before == 0 || text[before - 1] is ',' or '，' or '。' or ';' or '；' or ':' or '：' or ')' or '）' or '!' or '?')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSubjectType(EntityType type) => type is EntityType.Organization or EntityType.Product;

    /// <summary>A subject: an entity of the document, or a word when no entity fits.</summary>
    internal sealed record Subject(int? Entity, string? Text);
}
