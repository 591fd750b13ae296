using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Pipeline.Stages;

/// <summary>Segments the normalised copy of the text into POS-tagged tokens.</summary>
internal sealed class SegmentationStage(ISegmenter segmenter) : IAnalysisStage
{
    public string Name => "segmentation";

    public AnalysisLayers Requires => AnalysisLayers.None;

    public AnalysisLayers Produces => AnalysisLayers.Tokens;

    public void Run(AnalysisBuilder builder, CancellationToken cancellationToken) =>
        builder.SetTokens(segmenter.Segment(builder.NormalizedText, cancellationToken));
}
