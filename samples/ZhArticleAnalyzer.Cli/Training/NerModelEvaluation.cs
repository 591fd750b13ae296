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

    /// <summary>The confidence buckets <see cref="Calibration"/> reports: lower bounds, the last one closed at 1.</summary>
    public static readonly double[] CalibrationBounds = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

    /// <summary>
    /// How often the model's spans are right (exact span and type) per confidence bucket: whether a
    /// confidence of 0.9 means right about 9 times in 10.
    /// </summary>
    public static (int Spans, int Right)[] Calibration(NerModel model, IEnumerable<NerSentence> sentences)
    {
        var buckets = new (int Spans, int Right)[CalibrationBounds.Length];
        foreach (var sentence in sentences)
        {
            var gold = BioCorpus.Spans(sentence.Labels).Select(s => (s.Start, s.End, NerLabels.TypeOf(NerLabels.Begin(s.Type)))).ToHashSet();
            foreach (var span in model.Predict(sentence.Text))
            {
                var bucket = Array.FindLastIndex(CalibrationBounds, bound => span.Confidence >= bound);
                var right = gold.Contains((span.Start, span.End, span.Type)) ? 1 : 0;
                buckets[bucket] = (buckets[bucket].Spans + 1, buckets[bucket].Right + right);
            }
        }

        return buckets;
    }
}
