using ZhArticleAnalyzer.Keywords;

namespace ZhArticleAnalyzer.Pipeline.Stages;

/// <summary>Ranks the article's key terms by TF-IDF over its tokens.</summary>
internal sealed class KeywordStage(int count) : IAnalysisStage
{
    public string Name => "keywords";

    public AnalysisLayers Requires => AnalysisLayers.Tokens;

    public AnalysisLayers Produces => AnalysisLayers.Keywords;

    public void Run(AnalysisBuilder builder, CancellationToken cancellationToken) =>
        builder.SetKeywords(TfIdfKeywordExtractor.Extract(builder.NormalizedText, builder.Tokens, count));
}
