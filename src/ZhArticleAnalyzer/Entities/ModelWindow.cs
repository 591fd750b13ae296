namespace ZhArticleAnalyzer.Entities;

/// <summary>A stretch of text the model reads, and whether its ends are sentence ends.</summary>
internal readonly record struct ModelWindow(int Start, int End, bool StartsSentence, bool EndsSentence)
{
    public int Length => End - Start;
}
