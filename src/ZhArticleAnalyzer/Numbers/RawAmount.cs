namespace ZhArticleAnalyzer.Numbers;

/// <summary>
/// A quantity while it is being read: the span found so far, the number(s) before any unit scaling,
/// and what the unit word said. Lists sharing a unit are completed from it afterwards.
/// </summary>
internal sealed class RawAmount
{
    public int Start { get; set; }

    public int End { get; set; }

    /// <summary>Where the number itself starts (after hedges and sign).</summary>
    public int NumberStart { get; set; }

    public decimal? Value { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>True when the numeral itself carried a scale (万, 亿).</summary>
    public bool HasScale { get; set; }

    /// <summary>The largest scale of the numeral (10⁴ for 万, 10⁸ for 亿), 1 when none.</summary>
    public decimal Scale { get; set; } = 1;

    /// <summary>True when the numeral was written with Chinese characters only.</summary>
    public bool IsChinese { get; set; }

    public QuantityKind? Kind { get; set; }

    public string? Unit { get; set; }

    public string? Counted { get; set; }

    public bool Approximate { get; set; }

    public QuantityQualifier? Qualifier { get; set; }

    /// <summary>True when a hedge word stood before the number (so a list after it shares it).</summary>
    public bool HedgedBefore { get; set; }

    /// <summary>True for a lone 一, kept only before %, 成, 倍 or a currency.</summary>
    public bool LoneOne { get; set; }

    /// <summary>True when a currency symbol stood before the number ($20).</summary>
    public bool PrefixCurrency { get; set; }

    public bool HasUnit => Kind is not null;

    public Quantity ToQuantity() => new(
        new Text.TextSpan(Start, End), 0, Kind ?? QuantityKind.Number, Value, Min, Max, Unit, Counted, Approximate, Qualifier);
}
