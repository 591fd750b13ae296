using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Claims;

/// <summary>One statement that a subject's metric has a value, or moved to a value.</summary>
/// <param name="Span">The clause that states it.</param>
/// <param name="Sentence">Index of the sentence that holds it.</param>
/// <param name="SubjectEntity">Index into the document's entities, when an entity is the subject.</param>
/// <param name="SubjectText">The subject as written, when no entity fits.</param>
/// <param name="Metric">The measured thing as written.</param>
/// <param name="Value">Index into the document's quantities of the stated (or final) value.</param>
/// <param name="Previous">Index of the earlier value in 从A到B patterns.</param>
/// <param name="Change">Which way it moved, when the text says.</param>
/// <param name="ChangeWord">The verb as written.</param>
/// <param name="PeriodTime">Index into the document's times of the period.</param>
/// <param name="PeriodText">The period as text, when it is not a time expression.</param>
/// <param name="Type">The shape of the claim.</param>
public sealed record Claim(
    TextSpan Span,
    int Sentence,
    int? SubjectEntity,
    string? SubjectText,
    string Metric,
    int Value,
    int? Previous,
    ChangeDirection? Change,
    string? ChangeWord,
    int? PeriodTime,
    string? PeriodText,
    ClaimType Type);
