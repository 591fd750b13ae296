namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>A span the model found, relative to the text it was given.</summary>
internal readonly record struct NerSpan(int Start, int End, EntityType Type, double Confidence);
