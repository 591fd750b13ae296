namespace ZhArticleAnalyzer.Segmentation.Engine;

/// <summary>A word found by the engine: where it is and its tag id (see <see cref="EngineToken.NoTag"/> and <see cref="EngineToken.Whitespace"/>).</summary>
internal readonly record struct EngineToken(int Start, int Length, int Tag)
{
    /// <summary>The tag was not looked up (plain cut).</summary>
    public const int NoTag = -1;

    /// <summary>A whitespace token (jieba yields them; <see cref="ISegmenter"/> drops them). Its POS is <c>x</c>.</summary>
    public const int Whitespace = -2;

    public int End => Start + Length;
}
