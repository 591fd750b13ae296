using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Pipeline;

/// <summary>Something the analyzer could not resolve and recorded instead of throwing.</summary>
/// <param name="Code">A stable code such as <c>ZHAA101</c> (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">What went wrong, in words.</param>
/// <param name="Span">Where in the text, when it concerns one place.</param>
public sealed record AnalysisWarning(string Code, string Message, TextSpan? Span = null);
