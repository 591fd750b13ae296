using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Times;

/// <summary>A date, year, quarter, period or duration named in the text.</summary>
/// <param name="Span">Where it lies in the text.</param>
/// <param name="Sentence">Index of the sentence that holds it.</param>
/// <param name="Value">ISO-like normal form (<c>2025</c>, <c>2025-Q2</c>, <c>2023-Q3/2025-Q2</c>, <c>P2Y</c>), or null when it cannot be resolved.</param>
public sealed record TimeExpression(TextSpan Span, int Sentence, string? Value);
