using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Claims;

/// <summary>Extracts numeric claims from sentences, tokens, entities, quantities and times.</summary>
internal sealed class ClaimStage : IAnalysisStage
{
    public string Name => "claims";

    public AnalysisLayers Requires => AnalysisLayers.Sentences | AnalysisLayers.Tokens | AnalysisLayers.Entities | AnalysisLayers.Quantities | AnalysisLayers.Times;

    public AnalysisLayers Produces => AnalysisLayers.Claims;

    public void Run(AnalysisBuilder builder, CancellationToken cancellationToken) =>
        builder.SetClaims(ClaimExtractor.Extract(
            new ClaimContext(builder.NormalizedText, builder.Sentences, builder.Tokens, builder.Entities, builder.Quantities, builder.Times),
            cancellationToken));
}
