using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Tests.Infrastructure;

/// <summary>One default analyzer for the whole test run: jieba loads its dictionary once per process anyway.</summary>
internal static class SharedAnalyzer
{
    private static readonly Lazy<ArticleAnalyzer> Lazy = new(() => ArticleAnalyzer.CreateDefault());

    public static ArticleAnalyzer Instance => Lazy.Value;

    public static string[] Tokens(string text) =>
        [.. Instance.Segmenter.Segment(text).Select(t => text.Substring(t.Span.Start, t.Span.Length))];
}
