using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>Scores the statistical model alone on BIO-labelled sentences (MSRA layout).</summary>
internal static class NerModelEvaluation
{
    /// <summary>The fixed slice CI checks: the first 500 sentences of the MSRA BIO test file.</summary>
    public const int SliceSentences = 500;

    public static EntityScorer Score(NerModel model, IEnumerable<NerSentence> sentences)
    {
        var scorer = new EntityScorer();
        foreach (var sentence in sentences)
        {
            var gold = BioCorpus.Spans(sentence.Labels).Select(s => (s.Start, s.End, NerLabels.TypeOf(NerLabels.Begin(s.Type)).ToString()));
            var predicted = model.Predict(sentence.Text).Select(p => (p.Start, p.End, p.Type.ToString()));
            scorer.Add(gold, predicted);
        }

        return scorer;
    }
}
