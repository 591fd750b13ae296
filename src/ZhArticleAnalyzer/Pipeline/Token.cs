using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Pipeline;

/// <summary>One token of the segmentation.</summary>
/// <param name="Span">Where it lies in the text. Tokens cover every non-whitespace character exactly once.</param>
/// <param name="Pos">Part-of-speech tag from the jieba/ICTCLAS tag set (n, nr, ns, nt, nz, v, m, q, x, eng …).</param>
public readonly record struct Token(TextSpan Span, string Pos);
