namespace ZhArticleAnalyzer.Pipeline;

/// <summary>What the caller knows about an article besides its text.</summary>
/// <param name="Id">The caller's id; when null the record's id is a stable hash of the text.</param>
/// <param name="PublishedOn">The date the article appeared, used as the anchor for relative times (去年, 上月).</param>
public sealed record ArticleInfo(string? Id = null, DateOnly? PublishedOn = null);
