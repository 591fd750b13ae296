namespace ZhArticleAnalyzer.Pipeline;

/// <summary>Turns Chinese business articles into analysed documents. One instance is safe for concurrent callers.</summary>
public interface IArticleAnalyzer
{
    /// <summary>Analyses one article.</summary>
    /// <param name="text">The article text, used as given: all offsets point into it.</param>
    /// <param name="info">What the caller knows about the article (id, publication date).</param>
    /// <param name="cancellationToken">Checked between stages and inside long stages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="text"/> is longer than <see cref="ZhArticleAnalyzerOptions.MaxTextLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    AnalyzedDocument Analyze(string text, ArticleInfo? info = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Analyses a stream of articles in parallel (<see cref="ZhArticleAnalyzerOptions.MaxDegreeOfParallelism"/> at
    /// once) and yields one result per input, in input order. At most a few articles per worker are held in memory.
    /// An article that fails yields a failed result; the others go on.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IAsyncEnumerable<ArticleResult> AnalyzeManyAsync(IAsyncEnumerable<ArticleInput> inputs, CancellationToken cancellationToken = default);
}
