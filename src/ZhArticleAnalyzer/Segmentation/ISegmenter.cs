using System.Collections.Immutable;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Segmentation;

/// <summary>Cuts text into POS-tagged tokens. Implementations are thread-safe singletons.</summary>
public interface ISegmenter
{
    /// <summary>A short name for logs and benchmarks.</summary>
    string Name { get; }

    /// <summary>
    /// Segments <paramref name="text"/>. The tokens are in text order and cover every
    /// non-whitespace character exactly once; whitespace belongs to no token.
    /// </summary>
    ImmutableArray<Token> Segment(string text, CancellationToken cancellationToken = default);
}
