namespace ZhArticleAnalyzer.Claims;

/// <summary>The shape of a numeric claim.</summary>
public enum ClaimType
{
    /// <summary>A metric has a value.</summary>
    Level,

    /// <summary>A metric moved from one value to another.</summary>
    Change,

    /// <summary>A metric grew or shrank by a rate.</summary>
    Growth,

    /// <summary>A share of a whole.</summary>
    Share,

    /// <summary>A plan or target.</summary>
    Plan,

    /// <summary>A comparison with another subject.</summary>
    Comparison,
}
