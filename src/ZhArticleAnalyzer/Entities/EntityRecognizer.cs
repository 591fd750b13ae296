using System.Collections.Immutable;
using ZhArticleAnalyzer.Entities.Model;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>
/// Finds the entity mentions of an article: gazetteer matches, pattern rules, the statistical model
/// (sentence by sentence) and, optionally, jieba's person tags; then resolves overlaps and makes the
/// names canonical. Holds only read-only data, so one instance serves all threads.
/// </summary>
internal sealed class EntityRecognizer(Gazetteer gazetteer, NerModel? model, EntityRecognizerSettings settings)
{
    public static EntityRecognizer CreateDefault() =>
        new(Gazetteer.Shipped, NerModel.IsShipped ? NerModel.Shipped : null, EntityRecognizerSettings.Default);

    public ImmutableArray<EntityMention> Recognize(
        string text,
        string normalized,
        IReadOnlyList<Sentence> sentences,
        IReadOnlyList<Token> tokens,
        ArticleParts parts,
        Func<int, int> sentenceAt,
        CancellationToken cancellationToken = default)
    {
        var candidates = new List<EntityCandidate>();
        var gazetteerMatches = gazetteer.Match(normalized, tokens);
        candidates.AddRange(gazetteerMatches);
        candidates.AddRange(EntityPatterns.IndexNames(normalized, gazetteerMatches));
        candidates.AddRange(EntityPatterns.Match(normalized, tokens, parts));
        var tokenAt = Gazetteer.TokenIndex(normalized.Length, tokens);
        if (model is not null)
        {
            var known = gazetteerMatches.Select(m => m.Span).ToHashSet();
            foreach (var window in ModelWindows(sentences, tokens, settings.WindowContext, known))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var span in model.Predict(normalized.AsSpan(window.Start, window.Length)))
                {
                    var start = window.Start + span.Start;
                    var end = window.Start + span.End;

                    // A span that touches a cut the window made (not a sentence edge) may be truncated.
                    if ((span.Start == 0 && !window.StartsSentence) || (span.End == window.Length && !window.EndsSentence))
                    {
                        continue;
                    }

                    if (span.Confidence >= settings.ModelThreshold && end - start >= 2 && !Gazetteer.CutsLatinWord(normalized, start, end)
                        && !IsOneCommonWord(start, end, tokens, tokenAt))
                    {
                        candidates.Add(new EntityCandidate(new TextSpan(start, end), span.Type, null, span.Confidence, EntitySource.Model));
                    }
                }
            }
        }

        if (settings.UsePersonTags)
        {
            foreach (var token in tokens)
            {
                if (token.Pos is "nr" && token.Span.Length is >= 2 and <= 4)
                {
                    candidates.Add(new EntityCandidate(token.Span, EntityType.Person, null, 0.5, EntitySource.PosTag));
                }
            }
        }

        var resolved = OverlapResolver.Resolve(candidates.Where(c => !IsWhitespaceEdged(text, c)).ToList());
        for (var i = 0; i < resolved.Count; i++)
        {
            // A name the rules or the model found may still be a gazetteer name: take its canonical.
            if (resolved[i].Canonical is null && gazetteer.TryGet(normalized.Substring(resolved[i].Span.Start, resolved[i].Span.Length), out var entry) && entry.Type == resolved[i].Type)
            {
                resolved[i] = resolved[i] with { Canonical = entry.Canonical };
            }
        }

        var (linked, links) = ParentheticalLinker.Apply(normalized, resolved);
        var order = Enumerable.Range(0, linked.Count).OrderBy(i => linked[i].Span).ToArray();
        var position = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }

        var canonical = EntityCanonicalizer.Apply(text, [.. order.Select(i => linked[i])], [.. links.Select(l => (position[l.Name], position[l.Alias]))]);
        return [.. canonical.Select(x => new EntityMention(x.Candidate.Span, sentenceAt(x.Candidate.Span.Start), x.Candidate.Type, x.Canonical, Math.Clamp(x.Candidate.Confidence, 0, 1)))];
    }

    /// <summary>
    /// The stretches of text the model reads: around every token jieba tags as a person, place or
    /// organisation (nr, ns, nt) that is not exactly a gazetteer name,
    /// <paramref name="context"/> characters either side, merged and kept inside their sentence. Reading
    /// only these keeps the model's cost a fraction of the pipeline's; with <paramref name="context"/> 0
    /// or less the model reads whole sentences.
    /// </summary>
    internal static List<ModelWindow> ModelWindows(IReadOnlyList<Sentence> sentences, IReadOnlyList<Token> tokens, int context, IReadOnlySet<TextSpan>? known = null)
    {
        var windows = new List<ModelWindow>();
        var t = 0;
        foreach (var sentence in sentences)
        {
            var s = sentence.Span;
            if (context <= 0)
            {
                windows.Add(new ModelWindow(s.Start, s.End, true, true));
                continue;
            }

            while (t < tokens.Count && tokens[t].Span.End <= s.Start)
            {
                t++;
            }

            int? open = null;
            var close = 0;
            for (; t < tokens.Count && tokens[t].Span.Start < s.End; t++)
            {
                if (!IsNameTag(tokens[t].Pos) || (known is not null && known.Contains(tokens[t].Span)))
                {
                    continue;
                }

                var from = Math.Max(s.Start, tokens[t].Span.Start - context);
                var to = Math.Min(s.End, tokens[t].Span.End + context);
                if (open is { } o && from <= close + 2)
                {
                    close = Math.Max(close, to);
                    continue;
                }

                if (open is { } done)
                {
                    windows.Add(new ModelWindow(done, close, done == s.Start, close == s.End));
                }

                open = from;
                close = to;
            }

            if (open is { } last)
            {
                windows.Add(new ModelWindow(last, close, last == s.Start, close == s.End));
            }
        }

        return windows;
    }

    private static bool IsNameTag(string pos) => pos is "nr" or "nrt" or "nrfg" or "ns" or "nt";

    /// <summary>A model span inside one ordinary segmenter word (公司 in 公司公告, n) is no name.</summary>
    private static bool IsOneCommonWord(int start, int end, IReadOnlyList<Token> tokens, int[] tokenAt)
    {
        var t = tokenAt[start];
        return t >= 0 && tokens[t].Span.Start <= start && tokens[t].Span.End >= end && !EntityPatterns.IsNamePart(tokens[t].Pos) && tokens[t].Pos is not ("x" or "m");
    }

    private static bool IsWhitespaceEdged(string text, EntityCandidate c) =>
        c.Span.IsEmpty || char.IsWhiteSpace(text[c.Span.Start]) || char.IsWhiteSpace(text[c.Span.End - 1]);
}

/// <summary>Tunable settings of <see cref="EntityRecognizer"/> (chosen on the dev set).</summary>
internal sealed record EntityRecognizerSettings(double ModelThreshold, bool UsePersonTags, int WindowContext)
{
    /// <summary>
    /// Model spans below 0.6 confidence are dropped (chosen on the dev set: 0.5 → 0.6 removes false persons such as 高达).
    /// The model reads ±4 characters around name-tagged tokens (dev-set F1 the same for 3, 4, 6 and 10; whole sentences +1 mention, at about twice the cost).
    /// </summary>
    public static EntityRecognizerSettings Default { get; } = new(0.6, false, 4);
}

/// <summary>A stretch of text the model reads, and whether its ends are sentence ends.</summary>
internal readonly record struct ModelWindow(int Start, int End, bool StartsSentence, bool EndsSentence)
{
    public int Length => End - Start;
}
