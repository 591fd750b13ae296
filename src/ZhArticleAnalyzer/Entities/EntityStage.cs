using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Entities;

/// <summary>Adds the named-entity mentions (gazetteers, patterns, the statistical model).</summary>
internal sealed class EntityStage(EntityRecognizer recognizer) : IAnalysisStage
{
    public string Name => "entities";

    public AnalysisLayers Requires => AnalysisLayers.Tokens | AnalysisLayers.Sentences;

    public AnalysisLayers Produces => AnalysisLayers.Entities;

    public void Run(AnalysisBuilder builder, CancellationToken cancellationToken) =>
        builder.SetEntities(recognizer.Recognize(
            builder.Text, builder.NormalizedText, builder.Sentences.AsSpan(), builder.Tokens.AsSpan(), builder.Parts, builder.SentenceAt, cancellationToken));
}
