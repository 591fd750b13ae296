using System.Collections.Immutable;
using ZhArticleAnalyzer.Claims;
using ZhArticleAnalyzer.Entities;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Text;
using ZhArticleAnalyzer.Times;

namespace ZhArticleAnalyzer.Pipeline;

/// <summary>
/// The result of analysing one article: built once, never changed, safe to share between threads.
/// It keeps the caller's exact string; every element points back into it with a <see cref="TextSpan"/>.
/// </summary>
public sealed class AnalyzedDocument
{
    internal AnalyzedDocument(
        string text,
        ArticleInfo? info,
        AnalysisLayers layers,
        ArticleParts parts,
        ImmutableArray<Sentence> sentences,
        ImmutableArray<Token> tokens,
        ImmutableArray<Keyword> keywords,
        ImmutableArray<EntityMention> entities,
        ImmutableArray<TimeExpression> times,
        ImmutableArray<Quantity> quantities,
        ImmutableArray<Claim> claims,
        ImmutableArray<AnalysisWarning> warnings)
    {
        Text = text;
        Info = info;
        Layers = layers;
        Parts = parts;
        Sentences = sentences;
        Tokens = tokens;
        Keywords = keywords;
        Entities = entities;
        Times = times;
        Quantities = quantities;
        Claims = claims;
        Warnings = warnings;
    }

    /// <summary>The caller's string, untouched.</summary>
    public string Text { get; }

    /// <summary>What the caller said about the article.</summary>
    public ArticleInfo? Info { get; }

    /// <summary>The layers the pipeline produced; lists of other layers are empty because nothing filled them.</summary>
    public AnalysisLayers Layers { get; }

    /// <summary>Title, abstract, body and source.</summary>
    public ArticleParts Parts { get; }

    /// <summary>Sentences in text order.</summary>
    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>Tokens in text order.</summary>
    public ImmutableArray<Token> Tokens { get; }

    /// <summary>Key terms, heaviest first.</summary>
    public ImmutableArray<Keyword> Keywords { get; }

    /// <summary>Named-entity mentions in text order.</summary>
    public ImmutableArray<EntityMention> Entities { get; }

    /// <summary>Time expressions in text order.</summary>
    public ImmutableArray<TimeExpression> Times { get; }

    /// <summary>Numeric expressions in text order.</summary>
    public ImmutableArray<Quantity> Quantities { get; }

    /// <summary>Numeric claims in text order.</summary>
    public ImmutableArray<Claim> Claims { get; }

    /// <summary>What the analyzer could not resolve.</summary>
    public ImmutableArray<AnalysisWarning> Warnings { get; }

    /// <summary>The characters a span covers, without allocating.</summary>
    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    /// <summary>The characters a span covers, as a string.</summary>
    public string GetText(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>True when the pipeline produced the layer.</summary>
    public bool Has(AnalysisLayers layer) => (Layers & layer) == layer;

    /// <summary>Index of the sentence holding <paramref name="position"/>, or the nearest one before it; -1 when none.</summary>
    public int SentenceAt(int position) => SentenceLocator.Find(Sentences, position);
}
