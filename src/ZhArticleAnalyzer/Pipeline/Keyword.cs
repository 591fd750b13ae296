namespace ZhArticleAnalyzer.Pipeline;

/// <summary>A key term of the article.</summary>
/// <param name="Text">The term as written.</param>
/// <param name="Weight">Relative importance, 0..1; the top keyword has weight 1.</param>
public readonly record struct Keyword(string Text, double Weight);
