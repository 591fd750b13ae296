using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Entities;

/// <summary>A possible mention, before overlaps are resolved and names made canonical.</summary>
/// <param name="Span">Where it lies in the text.</param>
/// <param name="Type">Its type.</param>
/// <param name="Canonical">The canonical name a dictionary gave it, else null.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Source">What found it.</param>
internal readonly record struct EntityCandidate(TextSpan Span, EntityType Type, string? Canonical, double Confidence, EntitySource Source);
