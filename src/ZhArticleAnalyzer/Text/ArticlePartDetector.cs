namespace ZhArticleAnalyzer.Text;

/// <summary>
/// Finds title, abstract (摘要), body and source (来源) by their labels and line layout.
/// A title is a short first line without sentence-final punctuation that has more text after it.
/// </summary>
internal static class ArticlePartDetector
{
    private const int MaxTitleLength = 64;

    /// <param name="text">The normalised working copy (full-width colons already mapped to ':').</param>
    public static ArticleParts Detect(ReadOnlySpan<char> text)
    {
        var lines = Lines(text);
        if (lines.Count == 0)
        {
            return ArticleParts.Empty;
        }

        TextSpan? title = null, summary = null, source = null;
        var bodyFirst = 0;
        var bodyLast = lines.Count - 1;

        if (LabelledContent(text, lines[bodyLast], "来源") is { } sourceSpan)
        {
            source = sourceSpan;
            bodyLast--;
        }

        if (bodyFirst <= bodyLast && LabelledContent(text, lines[bodyFirst], "摘要") is null && IsTitle(text, lines[bodyFirst]) && bodyFirst < bodyLast)
        {
            title = lines[bodyFirst];
            bodyFirst++;
        }

        if (bodyFirst <= bodyLast && LabelledContent(text, lines[bodyFirst], "摘要") is { } abstractSpan)
        {
            summary = abstractSpan;
            bodyFirst++;
        }

        var body = bodyFirst <= bodyLast ? new TextSpan(lines[bodyFirst].Start, lines[bodyLast].End) : default;
        return new ArticleParts(title, summary, body, source);
    }

    private static List<TextSpan> Lines(ReadOnlySpan<char> text)
    {
        var lines = new List<TextSpan>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '\n' or '\r')
            {
                var trimmed = Trim(text, lineStart, i);
                if (!trimmed.IsEmpty)
                {
                    lines.Add(trimmed);
                }

                lineStart = i + 1;
            }
        }

        return lines;
    }

    private static TextSpan? LabelledContent(ReadOnlySpan<char> text, TextSpan line, string label)
    {
        var content = text[line.Start..line.End];
        if (!content.StartsWith(label, StringComparison.Ordinal))
        {
            return null;
        }

        var afterLabel = content[label.Length..].TrimStart();
        if (afterLabel.Length == 0 || afterLabel[0] != ':')
        {
            return null;
        }

        var contentStart = line.End - afterLabel.Length + 1;
        var trimmed = Trim(text, contentStart, line.End);
        return trimmed.IsEmpty ? null : trimmed;
    }

    private static bool IsTitle(ReadOnlySpan<char> text, TextSpan line)
    {
        if (line.Length > MaxTitleLength)
        {
            return false;
        }

        // Headlines may hold commas, but never a full stop, and never end like a sentence.
        var content = text[line.Start..line.End];
        return content.IndexOf('。') < 0 && "。!?;,:…".IndexOf(content[^1]) < 0;
    }

    private static TextSpan Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
