using System.Collections.Immutable;
using ZhArticleAnalyzer.Numbers;

namespace ZhArticleAnalyzer.Pipeline.Stages;

/// <summary>
/// Finds and normalises the numeric expressions, outside the spans the time stage took (the year
/// of 2025年二季度 is part of the time, not a quantity). Counted nouns come from the tokens.
/// </summary>
internal sealed class QuantityStage : IAnalysisStage
{
    public string Name => "quantities";

    public AnalysisLayers Requires => AnalysisLayers.Sentences | AnalysisLayers.Tokens | AnalysisLayers.Times;

    public AnalysisLayers Produces => AnalysisLayers.Quantities;

    public void Run(AnalysisBuilder builder, CancellationToken cancellationToken)
    {
        var text = builder.NormalizedText;
        var tokens = builder.Tokens;
        var blocked = builder.Times.Select(t => t.Span).ToArray();
        var quantities = QuantityExtractor.Default.Extract(text, blocked, position => CountedNoun.After(text, tokens, position));
        builder.SetQuantities([.. quantities.Select(q => q with { Sentence = builder.SentenceAt(q.Span.Start) })]);
    }
}
