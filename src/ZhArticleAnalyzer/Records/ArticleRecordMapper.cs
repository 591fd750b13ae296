using System.Security.Cryptography;
using System.Text;
using ZhArticleAnalyzer.Claims;
using ZhArticleAnalyzer.Numbers;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Records;

/// <summary>Projects an <see cref="AnalyzedDocument"/> onto the contract record.</summary>
public static class ArticleRecordMapper
{
    /// <summary>Builds the record of a document.</summary>
    /// <param name="document">The analysed article.</param>
    /// <param name="includeTokens">Whether to list the tokens.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static ArticleRecord ToRecord(AnalyzedDocument document, bool includeTokens = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var parts = document.Parts;
        return new ArticleRecord
        {
            Id = document.Info?.Id ?? StableId(text),
            Title = Slice(text, parts.Title),
            Abstract = Slice(text, parts.Abstract),
            Source = Slice(text, parts.Source),
            Length = text.Length,
            Sentences = document.Has(AnalysisLayers.Sentences)
                ? [.. document.Sentences.Select(s => new SentenceRecord(s.Index, s.Span.Start, s.Span.End))]
                : null,
            Tokens = includeTokens && document.Has(AnalysisLayers.Tokens)
                ? [.. document.Tokens.Select(t => new TokenRecord(text.Substring(t.Span.Start, t.Span.Length), t.Span.Start, t.Span.End, t.Pos))]
                : null,
            Entities = document.Has(AnalysisLayers.Entities)
                ? [.. document.Entities.Select((e, i) => new EntityRecord(EntityId(i), document.GetText(e.Span), e.Span.Start, e.Span.End, e.Sentence, e.Type.ToString(), e.Canonical, Math.Round(e.Confidence, 4)))]
                : null,
            Times = document.Has(AnalysisLayers.Times)
                ? [.. document.Times.Select((t, i) => new TimeRecord(TimeId(i), document.GetText(t.Span), t.Span.Start, t.Span.End, t.Sentence, t.Value))]
                : null,
            Quantities = document.Has(AnalysisLayers.Quantities)
                ? [.. document.Quantities.Select((q, i) => ToRecord(document, q, i))]
                : null,
            Claims = document.Has(AnalysisLayers.Claims)
                ? [.. document.Claims.Select((c, i) => ToRecord(c, i))]
                : null,
            Keywords = document.Has(AnalysisLayers.Keywords)
                ? [.. document.Keywords.Select(k => new KeywordRecord(k.Text, k.Weight))]
                : null,
        };
    }

    /// <summary>The id of a text without a caller id: the first 16 hex digits of the SHA-256 of its UTF-8 bytes.</summary>
    public static string StableId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>
    /// Removes trailing zeros (14.09 × 10⁸ is stored as 1409000000.00 otherwise), so JSON shows 1409000000.
    /// </summary>
    public static decimal Canonical(decimal value) => value / 1.000000000000000000000000000000000m;

    private static QuantityRecord ToRecord(AnalyzedDocument document, Quantity quantity, int index) => new()
    {
        Id = QuantityId(index),
        Text = document.GetText(quantity.Span),
        Start = quantity.Span.Start,
        End = quantity.Span.End,
        Sentence = quantity.Sentence,
        Kind = quantity.Kind.ToString(),
        Value = quantity.Value is { } v ? Canonical(v) : null,
        Min = quantity.Min is { } min ? Canonical(min) : null,
        Max = quantity.Max is { } max ? Canonical(max) : null,
        Unit = quantity.Unit,
        Counted = quantity.Counted,
        Approximate = quantity.Approximate ? true : null,
        Qualifier = quantity.Qualifier is { } q ? JsonNamingLower(q.ToString()) : null,
    };

    private static ClaimRecord ToRecord(Claim claim, int index) => new()
    {
        Id = "c" + (index + 1),
        Sentence = claim.Sentence,
        Start = claim.Span.Start,
        End = claim.Span.End,
        Subject = claim.SubjectEntity is { } e ? EntityId(e) : claim.SubjectText,
        Metric = claim.Metric,
        Value = QuantityId(claim.Value),
        Previous = claim.Previous is { } p ? QuantityId(p) : null,
        Change = claim.Change?.ToString().ToLowerInvariant(),
        ChangeWord = claim.ChangeWord,
        Period = claim.PeriodTime is { } t ? TimeId(t) : claim.PeriodText,
        ClaimType = claim.Type.ToString(),
    };

    private static string EntityId(int index) => "e" + (index + 1);

    private static string TimeId(int index) => "t" + (index + 1);

    private static string QuantityId(int index) => "q" + (index + 1);

    private static string JsonNamingLower(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Slice(string text, TextSpan? span) => span is { } s ? text.Substring(s.Start, s.Length) : null;
}
