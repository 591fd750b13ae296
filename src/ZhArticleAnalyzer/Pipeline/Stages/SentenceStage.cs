using System.Collections.Immutable;
using ZhArticleAnalyzer.Text;

namespace ZhArticleAnalyzer.Pipeline.Stages;

/// <summary>Splits the article into sentences and finds its parts.</summary>
internal sealed class SentenceStage : IAnalysisStage
{
    public string Name => "sentences";

    public AnalysisLayers Requires => AnalysisLayers.None;

    public AnalysisLayers Produces => AnalysisLayers.Sentences;

    public void Run(AnalysisBuilder builder, CancellationToken cancellationToken)
    {
        var spans = SentenceSplitter.Split(builder.NormalizedText);
        var sentences = ImmutableArray.CreateBuilder<Sentence>(spans.Length);
        for (var i = 0; i < spans.Length; i++)
        {
            sentences.Add(new Sentence(i, spans[i]));
        }

        builder.SetSentences(sentences.MoveToImmutable(), ArticlePartDetector.Detect(builder.NormalizedText));
    }
}
