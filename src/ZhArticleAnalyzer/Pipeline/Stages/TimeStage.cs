using ZhArticleAnalyzer.Times;

namespace ZhArticleAnalyzer.Pipeline.Stages;

/// <summary>
/// Finds the time expressions. Relative ones (去年, 上月) are resolved against the article's
/// <see cref="ArticleInfo.PublishedOn"/>, else against <see cref="ZhArticleAnalyzerOptions.AnchorDate"/>, else left null.
/// </summary>
internal sealed class TimeStage(DateOnly? anchorDate) : IAnalysisStage
{
    public string Name => "times";

    public AnalysisLayers Requires => AnalysisLayers.Sentences;

    public AnalysisLayers Produces => AnalysisLayers.Times;

    public void Run(AnalysisBuilder builder, CancellationToken cancellationToken)
    {
        var anchor = builder.Info?.PublishedOn ?? anchorDate;
        builder.SetTimes([.. TimeExtractor.Extract(builder.NormalizedText, builder.SentenceAt, anchor)]);
    }
}
