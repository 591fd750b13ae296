namespace ZhArticleAnalyzer.Text;

/// <summary>
/// Where the parts of an article lie in its text. Each span covers the part's content
/// without its label (摘要：, 来源：) and without surrounding whitespace.
/// </summary>
/// <param name="Title">The headline, when the first line is one.</param>
/// <param name="Abstract">The text after a leading 摘要: label, up to the end of its line.</param>
/// <param name="Body">The article body: everything from the first line after title and abstract up to the source line.</param>
/// <param name="Source">The publisher after a 来源: label.</param>
public sealed record ArticleParts(TextSpan? Title, TextSpan? Abstract, TextSpan Body, TextSpan? Source)
{
    /// <summary>Parts of an empty text.</summary>
    public static ArticleParts Empty { get; } = new(null, null, default, null);
}
