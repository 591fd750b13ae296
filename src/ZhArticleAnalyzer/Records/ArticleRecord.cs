namespace ZhArticleAnalyzer.Records;

/// <summary>
/// The output contract: one record per article, serialised as JSON with <see cref="ArticleRecordJson"/>.
/// Lists of layers the pipeline did not produce are null and therefore absent from the JSON.
/// </summary>
public sealed record ArticleRecord
{
    /// <summary>The contract version, <c>"1.0"</c>.</summary>
    public string SchemaVersion { get; init; } = "1.0";

    /// <summary>The unit of every offset, <c>"utf16"</c>.</summary>
    public string OffsetUnit { get; init; } = "utf16";

    /// <summary>The caller's id, else a stable hash of the text.</summary>
    public required string Id { get; init; }

    /// <summary>The headline, when the text has one.</summary>
    public string? Title { get; init; }

    /// <summary>The text after a leading 摘要: label.</summary>
    public string? Abstract { get; init; }

    /// <summary>The publisher after a 来源: label.</summary>
    public string? Source { get; init; }

    /// <summary>Length of the input string in UTF-16 code units.</summary>
    public required int Length { get; init; }

    /// <summary>Every sentence.</summary>
    public IReadOnlyList<SentenceRecord>? Sentences { get; init; }

    /// <summary>The segmentation, unless switched off.</summary>
    public IReadOnlyList<TokenRecord>? Tokens { get; init; }

    /// <summary>Named-entity mentions.</summary>
    public IReadOnlyList<EntityRecord>? Entities { get; init; }

    /// <summary>Time expressions.</summary>
    public IReadOnlyList<TimeRecord>? Times { get; init; }

    /// <summary>Numeric expressions.</summary>
    public IReadOnlyList<QuantityRecord>? Quantities { get; init; }

    /// <summary>Numeric claims.</summary>
    public IReadOnlyList<ClaimRecord>? Claims { get; init; }

    /// <summary>Key terms, heaviest first.</summary>
    public IReadOnlyList<KeywordRecord>? Keywords { get; init; }
}

/// <summary>A sentence of the record.</summary>
public sealed record SentenceRecord(int Index, int Start, int End);

/// <summary>A token of the record.</summary>
public sealed record TokenRecord(string Text, int Start, int End, string Pos);

/// <summary>An entity mention of the record.</summary>
public sealed record EntityRecord(string Id, string Text, int Start, int End, int Sentence, string Type, string Canonical, double Confidence);

/// <summary>A time expression of the record.</summary>
public sealed record TimeRecord(string Id, string Text, int Start, int End, int Sentence, string? Value);

/// <summary>A quantity of the record.</summary>
public sealed record QuantityRecord
{
    /// <summary>Short id, unique in the record (<c>q1</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The mention as written.</summary>
    public required string Text { get; init; }

    /// <summary>Start offset.</summary>
    public required int Start { get; init; }

    /// <summary>End offset (exclusive).</summary>
    public required int End { get; init; }

    /// <summary>Sentence index.</summary>
    public required int Sentence { get; init; }

    /// <summary>Money, Percent, PercentagePoint, Count, Multiple, Duration, Magnitude, Ratio, Ordinal or Number.</summary>
    public required string Kind { get; init; }

    /// <summary>The number in base units.</summary>
    public decimal? Value { get; init; }

    /// <summary>Lower bound.</summary>
    public decimal? Min { get; init; }

    /// <summary>Upper bound.</summary>
    public decimal? Max { get; init; }

    /// <summary>ISO currency code, %, pp, x, or the measure word.</summary>
    public string? Unit { get; init; }

    /// <summary>The thing counted.</summary>
    public string? Counted { get; init; }

    /// <summary>True when the text hedges; omitted otherwise.</summary>
    public bool? Approximate { get; init; }

    /// <summary>over, under, about, atLeast or atMost.</summary>
    public string? Qualifier { get; init; }
}

/// <summary>A numeric claim of the record.</summary>
public sealed record ClaimRecord
{
    /// <summary>Short id, unique in the record (<c>c1</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Sentence index.</summary>
    public required int Sentence { get; init; }

    /// <summary>Start of the clause.</summary>
    public required int Start { get; init; }

    /// <summary>End of the clause (exclusive).</summary>
    public required int End { get; init; }

    /// <summary>Entity id, or the subject's text when no entity fits.</summary>
    public string? Subject { get; init; }

    /// <summary>The measured thing as written.</summary>
    public required string Metric { get; init; }

    /// <summary>Quantity id of the stated or final value.</summary>
    public required string Value { get; init; }

    /// <summary>Quantity id of the earlier value.</summary>
    public string? Previous { get; init; }

    /// <summary>increase, decrease or stable.</summary>
    public string? Change { get; init; }

    /// <summary>The verb as written.</summary>
    public string? ChangeWord { get; init; }

    /// <summary>Time id, or the period as text.</summary>
    public string? Period { get; init; }

    /// <summary>Level, Change, Growth, Share, Plan or Comparison.</summary>
    public required string ClaimType { get; init; }
}

/// <summary>A keyword of the record.</summary>
public sealed record KeywordRecord(string Text, double Weight);
