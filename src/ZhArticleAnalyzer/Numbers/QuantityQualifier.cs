namespace ZhArticleAnalyzer.Numbers;

/// <summary>How the text hedges a number.</summary>
public enum QuantityQualifier
{
    /// <summary>超, 超过, 逾, 以上, +.</summary>
    Over,

    /// <summary>不到, 以下, 未满.</summary>
    Under,

    /// <summary>约, 左右, 上下, 近.</summary>
    About,

    /// <summary>至少, 不低于.</summary>
    AtLeast,

    /// <summary>至多, 不超过.</summary>
    AtMost,
}
