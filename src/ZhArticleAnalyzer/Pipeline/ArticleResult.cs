namespace ZhArticleAnalyzer.Pipeline;

/// <summary>The outcome for one article of a stream: its document, or why it failed.</summary>
public sealed record ArticleResult
{
    private ArticleResult(string id, AnalyzedDocument? document, string? errorCode, string? error)
    {
        Id = id;
        Document = document;
        ErrorCode = errorCode;
        Error = error;
    }

    /// <summary>The id of the input.</summary>
    public string Id { get; }

    /// <summary>The analysed document, when analysis succeeded.</summary>
    public AnalyzedDocument? Document { get; }

    /// <summary>The error code, when it failed.</summary>
    public string? ErrorCode { get; }

    /// <summary>What went wrong, when it failed.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Document"/> is set.</summary>
    public bool Succeeded => Document is not null;

    internal static ArticleResult Success(string id, AnalyzedDocument document) => new(id, document, null, null);

    internal static ArticleResult Failure(string id, string code, string error) => new(id, null, code, error);
}
