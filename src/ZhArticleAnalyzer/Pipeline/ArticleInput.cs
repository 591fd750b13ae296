namespace ZhArticleAnalyzer.Pipeline;

/// <summary>One article of a stream handed to <see cref="IArticleAnalyzer.AnalyzeManyAsync"/>.</summary>
public sealed record ArticleInput
{
    /// <summary>An article to analyse.</summary>
    public ArticleInput(string id, string text, ArticleInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Info = info;
    }

    private ArticleInput(string id, string unreadableReason)
    {
        Id = id;
        Text = string.Empty;
        UnreadableReason = unreadableReason;
    }

    /// <summary>The caller's id, echoed in the result.</summary>
    public string Id { get; }

    /// <summary>The article text.</summary>
    public string Text { get; }

    /// <summary>Extra facts about the article.</summary>
    public ArticleInfo? Info { get; }

    /// <summary>Why the input could not be read, for placeholders made by <see cref="Unreadable"/>.</summary>
    public string? UnreadableReason { get; }

    /// <summary>
    /// A placeholder for an input the caller could not read (a bad JSON line, say). It flows through
    /// the stream in its place and comes out as a failed result, so no article is silently lost.
    /// </summary>
    public static ArticleInput Unreadable(string id, string reason)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(reason);
        return new ArticleInput(id, reason);
    }
}
