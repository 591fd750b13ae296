using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>One mention of a named entity.</summary>
/// <param name="Span">Where it lies in the text.</param>
/// <param name="Sentence">Index of the sentence that holds it.</param>
/// <param name="Type">What kind of thing it names.</param>
/// <param name="Canonical">The name all mentions of this thing share (字节 → 字节跳动).</param>
/// <param name="Confidence">0..1.</param>
public sealed record EntityMention(TextSpan Span, int Sentence, EntityType Type, string Canonical, double Confidence);
