namespace ZhArticleAnalyzer.Pipeline;

/// <summary>The layers of annotation a stage needs or adds.</summary>
[Flags]
public enum AnalysisLayers
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Sentences and article parts.</summary>
    Sentences = 1 << 0,

    /// <summary>Tokens with POS tags.</summary>
    Tokens = 1 << 1,

    /// <summary>Key terms.</summary>
    Keywords = 1 << 2,

    /// <summary>Named-entity mentions.</summary>
    Entities = 1 << 3,

    /// <summary>Time expressions.</summary>
    Times = 1 << 4,

    /// <summary>Numeric expressions.</summary>
    Quantities = 1 << 5,

    /// <summary>Numeric claims.</summary>
    Claims = 1 << 6,
}
