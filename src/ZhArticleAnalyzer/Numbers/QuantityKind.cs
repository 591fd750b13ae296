namespace ZhArticleAnalyzer.Numbers;

/// <summary>What a numeric expression measures.</summary>
public enum QuantityKind
{
    /// <summary>An amount of money.</summary>
    Money,

    /// <summary>A percentage (49.2%).</summary>
    Percent,

    /// <summary>Percentage points (0.8个百分点).</summary>
    PercentagePoint,

    /// <summary>A count of things, with its measure word.</summary>
    Count,

    /// <summary>A multiple (倍).</summary>
    Multiple,

    /// <summary>A length of time used as an amount (八个季度).</summary>
    Duration,

    /// <summary>A number of digits (三位数).</summary>
    Magnitude,

    /// <summary>A ratio or fraction.</summary>
    Ratio,

    /// <summary>An ordinal (第一).</summary>
    Ordinal,

    /// <summary>A bare number.</summary>
    Number,
}
