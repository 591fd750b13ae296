using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Pipeline;

/// <summary>One sentence of the article.</summary>
/// <param name="Index">Position of the sentence in the article, from 0.</param>
/// <param name="Span">Where it lies in the text, without surrounding whitespace.</param>
public readonly record struct Sentence(int Index, TextSpan Span);
