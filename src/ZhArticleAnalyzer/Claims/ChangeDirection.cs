namespace ZhArticleAnalyzer.Claims;

/// <summary>Which way a metric moved.</summary>
public enum ChangeDirection
{
    /// <summary>Up.</summary>
    Increase,

    /// <summary>Down.</summary>
    Decrease,

    /// <summary>Unchanged.</summary>
    Stable,
}
