using System.Collections.Immutable;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Times;

namespace ZhArticleAnalyzer.Claims;

/// <summary>What claim extraction reads: the normalised text and the layers found in it.</summary>
internal sealed record ClaimContext(
    string Text,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<Token> Tokens,
    ImmutableArray<EntityMention> Entities,
    ImmutableArray<Quantity> Quantities,
    ImmutableArray<TimeExpression> Times);
