using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Numbers;

/// <summary>A numeric expression, normalised.</summary>
/// <param name="Span">The mention, including its unit and hedge words.</param>
/// <param name="Sentence">Index of the sentence that holds it.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Value">The number in base units (14.09亿元 → 1409000000), when the text gives one.</param>
/// <param name="Min">Lower bound of a range or vague amount.</param>
/// <param name="Max">Upper bound of a range or vague amount.</param>
/// <param name="Unit">ISO 4217 code for money, <c>%</c>, <c>pp</c>, <c>x</c>, or the measure word as written.</param>
/// <param name="Counted">For counts, the thing counted.</param>
/// <param name="Approximate">True when the text hedges.</param>
/// <param name="Qualifier">How it hedges, when it does.</param>
public sealed record Quantity(
    TextSpan Span,
    int Sentence,
    QuantityKind Kind,
    decimal? Value,
    decimal? Min = null,
    decimal? Max = null,
    string? Unit = null,
    string? Counted = null,
    bool Approximate = false,
    QuantityQualifier? Qualifier = null);
