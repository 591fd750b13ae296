namespace ZhArticleAnalyzer.Segmentation;

/// <summary>Which segmenter an analyzer uses (<see cref="ZhArticleAnalyzerOptions.Segmenter"/>).</summary>
public enum SegmenterKind
{
    /// <summary>
    /// The library's own jieba-compatible engine (the default): jieba's algorithm and data, the
    /// same words and tags as jieba.NET, many times faster, and a dictionary of its own per analyzer.
    /// </summary>
    Engine = 0,

    /// <summary>jieba.NET 0.42.2 itself, with its one dictionary per process. Kept as the reference.</summary>
    JiebaNet = 1,
}
