using System.Collections.Immutable;
using ZhArticleAnalyzer.Claims;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Text;
using ZhArticleAnalyzer.Times;

namespace ZhArticleAnalyzer.Pipeline;

/// <summary>
/// The only mutable object of an analysis, alive for one call. Stages read the text, its
/// same-length normalised copy and the layers built so far, and set their own layers.
/// Every setter checks the spans it is given, so a faulty stage fails loudly, by name.
/// </summary>
public sealed class AnalysisBuilder
{
    private readonly List<AnalysisWarning> _warnings = [];
    private string _currentStage = "caller";

    internal AnalysisBuilder(string text, ArticleInfo? info)
    {
        Text = text;
        Info = info;
        NormalizedText = CharNormalizer.Normalize(text);
    }

    /// <summary>The caller's string, untouched.</summary>
    public string Text { get; }

    /// <summary>
    /// The same text with full-width ASCII forms (１２％，) mapped to ASCII and ideographic spaces to
    /// spaces, char for char: offsets in it are offsets in <see cref="Text"/>.
    /// </summary>
    public string NormalizedText { get; }

    /// <summary>What the caller said about the article.</summary>
    public ArticleInfo? Info { get; }

    /// <summary>The layers set so far.</summary>
    public AnalysisLayers Layers { get; private set; }

    /// <summary>Title, abstract, body and source.</summary>
    public ArticleParts Parts { get; private set; } = ArticleParts.Empty;

    /// <summary>Sentences, once set.</summary>
    public ImmutableArray<Sentence> Sentences { get; private set; } = [];

    /// <summary>Tokens, once set.</summary>
    public ImmutableArray<Token> Tokens { get; private set; } = [];

    /// <summary>Keywords, once set.</summary>
    public ImmutableArray<Keyword> Keywords { get; private set; } = [];

    /// <summary>Entities, once set.</summary>
    public ImmutableArray<EntityMention> Entities { get; private set; } = [];

    /// <summary>Times, once set.</summary>
    public ImmutableArray<TimeExpression> Times { get; private set; } = [];

    /// <summary>Quantities, once set.</summary>
    public ImmutableArray<Quantity> Quantities { get; private set; } = [];

    /// <summary>Claims, once set.</summary>
    public ImmutableArray<Claim> Claims { get; private set; } = [];

    /// <summary>Index of the sentence holding <paramref name="position"/>, or the nearest one before it.</summary>
    public int SentenceAt(int position) => Math.Max(0, SentenceLocator.Find(Sentences, position));

    /// <summary>Records something the analysis could not resolve.</summary>
    public void AddWarning(AnalysisWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        _warnings.Add(warning);
    }

    /// <summary>Sets sentences and article parts.</summary>
    public void SetSentences(ImmutableArray<Sentence> sentences, ArticleParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        CheckOrderedWithin(sentences.Select(s => s.Span), "sentences", disjoint: true);
        for (var i = 0; i < sentences.Length; i++)
        {
            Require(sentences[i].Index == i, $"sentence {i} has index {sentences[i].Index}");
        }

        Sentences = sentences;
        Parts = parts;
        Layers |= AnalysisLayers.Sentences;
    }

    /// <summary>Sets the tokens; they must cover every non-whitespace character exactly once.</summary>
    public void SetTokens(ImmutableArray<Token> tokens)
    {
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            // Tokens are checked in one pass (they are the largest layer): order, bounds, pairs, coverage.
            var span = token.Span;
            if (span.Start < previousEnd || span.IsEmpty || span.End > Text.Length || SplitsSurrogatePair(span.Start) || SplitsSurrogatePair(span.End))
            {
                CheckOrderedWithin(tokens.Select(t => t.Span), "tokens", disjoint: true);
                Require(!span.IsEmpty, $"empty token at {span}");
            }

            RequireWhitespaceOnly(previousEnd, span.Start);
            previousEnd = span.End;
        }

        RequireWhitespaceOnly(previousEnd, Text.Length);
        Tokens = tokens;
        Layers |= AnalysisLayers.Tokens;
    }

    /// <summary>Sets the keywords, heaviest first, weights in 0..1.</summary>
    public void SetKeywords(ImmutableArray<Keyword> keywords)
    {
        for (var i = 0; i < keywords.Length; i++)
        {
            Require(keywords[i].Weight is >= 0 and <= 1, $"keyword weight {keywords[i].Weight} outside 0..1");
            Require(i == 0 || keywords[i - 1].Weight >= keywords[i].Weight, "keywords not ordered by weight");
        }

        Keywords = keywords;
        Layers |= AnalysisLayers.Keywords;
    }

    /// <summary>Sets the entity mentions, ordered and without overlaps.</summary>
    public void SetEntities(ImmutableArray<EntityMention> entities)
    {
        CheckOrderedWithin(entities.Select(e => e.Span), "entities", disjoint: true);
        Entities = entities;
        Layers |= AnalysisLayers.Entities;
    }

    /// <summary>Sets the time expressions, ordered and without overlaps.</summary>
    public void SetTimes(ImmutableArray<TimeExpression> times)
    {
        CheckOrderedWithin(times.Select(t => t.Span), "times", disjoint: true);
        Times = times;
        Layers |= AnalysisLayers.Times;
    }

    /// <summary>Sets the quantities, ordered and without overlaps.</summary>
    public void SetQuantities(ImmutableArray<Quantity> quantities)
    {
        CheckOrderedWithin(quantities.Select(q => q.Span), "quantities", disjoint: true);
        Quantities = quantities;
        Layers |= AnalysisLayers.Quantities;
    }

    /// <summary>Sets the claims; their indices must point at existing entities, quantities and times.</summary>
    public void SetClaims(ImmutableArray<Claim> claims)
    {
        CheckOrderedWithin(claims.Select(c => c.Span), "claims", disjoint: false);
        foreach (var claim in claims)
        {
            Require(claim.Value >= 0 && claim.Value < Quantities.Length, $"claim value {claim.Value} is no quantity");
            Require(claim.Previous is null || (claim.Previous >= 0 && claim.Previous < Quantities.Length), "claim previous is no quantity");
            Require(claim.SubjectEntity is null || (claim.SubjectEntity >= 0 && claim.SubjectEntity < Entities.Length), "claim subject is no entity");
            Require(claim.PeriodTime is null || (claim.PeriodTime >= 0 && claim.PeriodTime < Times.Length), "claim period is no time");
        }

        Claims = claims;
        Layers |= AnalysisLayers.Claims;
    }

    internal void EnterStage(string name) => _currentStage = name;

    internal AnalyzedDocument Build() => new(
        Text, Info, Layers, Parts, Sentences, Tokens, Keywords, Entities, Times, Quantities, Claims, [.. _warnings]);

    private void CheckOrderedWithin(IEnumerable<TextSpan> spans, string what, bool disjoint)
    {
        TextSpan? previous = null;
        foreach (var span in spans)
        {
            Require(span.End <= Text.Length, $"{what}: {span} lies beyond the text (length {Text.Length})");
            Require(!SplitsSurrogatePair(span.Start) && !SplitsSurrogatePair(span.End), $"{what}: {span} splits a surrogate pair");
            if (previous is { } p)
            {
                Require(p.CompareTo(span) <= 0, $"{what}: {span} comes after {p}");
                Require(!disjoint || !p.Overlaps(span), $"{what}: {span} overlaps {p}");
            }

            previous = span;
        }
    }

    private bool SplitsSurrogatePair(int index) =>
        index > 0 && index < Text.Length && char.IsHighSurrogate(Text[index - 1]) && char.IsLowSurrogate(Text[index]);

    private void RequireWhitespaceOnly(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            Require(char.IsWhiteSpace(Text[i]), $"tokens: character {i} (U+{(int)Text[i]:X4}) is not covered");
        }
    }

    private void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{ErrorCodes.StageInvariantBroken}: stage '{_currentStage}' broke an invariant: {message}.");
        }
    }

    /// <summary>The same check; the message is formatted only when the check fails.</summary>
    private void Require(bool condition, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument(nameof(condition))] ref InvariantMessageHandler message)
    {
        if (!condition)
        {
            Require(condition, message.ToStringAndClear());
        }
    }
}
