using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Entities.Training;

/// <summary>
/// Trains the character-level NER model with ML.NET (SdcaMaximumEntropy, one thread, seeded, no
/// shuffling inside ML.NET: the sentence order is shuffled here with the seed), then exports the
/// linear weights to a <see cref="NerModel"/> and estimates label-transition scores from the data.
/// </summary>
internal sealed class NerTrainer(NerTrainerOptions options)
{
    public NerModel Train(IReadOnlyList<NerSentence> sentences, NameLexicon lexicon)
    {
        var log = options.Log ?? (_ => { });
        var ordered = sentences.ToArray();
        new Random(options.Seed).Shuffle(ordered);
        if (options.MaxSentences is { } max && max < ordered.Length)
        {
            ordered = ordered[..max];
        }

        // Names annotated in the training data join the lexicon. So that the model does not learn to
        // trust them blindly, each half of the sentences sees only the names of the other half.
        var shipped = lexicon.Clone();
        var folds = new[] { lexicon.Clone(), lexicon.Clone() };
        for (var i = 0; i < ordered.Length; i++)
        {
            foreach (var (start, end, type) in BioCorpus.Spans(ordered[i].Labels))
            {
                var word = ordered[i].Text[start..end];
                var nameClass = (byte)(NameLexicon.TrainingPerson << type);
                shipped.Add(word, nameClass);
                folds[1 - (i % 2)].Add(word, nameClass);
            }
        }

        var extractors = folds.Select(f => new CharFeatureExtractor(f, options.HashBits, options.FeatureSet)).ToArray();
        var extractor = new CharFeatureExtractor(shipped, options.HashBits, options.FeatureSet);
        log($"lexicon: {lexicon.Count} words, {shipped.Count} with the training names");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var rows = new List<Row>();
        var features = new List<int>();
        for (var index = 0; index < ordered.Length; index++)
        {
            var sentence = ordered[index];
            features.Clear();
            var starts = new int[sentence.Text.Length + 1];
            var wordCodes = new int[sentence.Text.Length];
            extractors[index % 2].Extract(sentence.Text, features, starts, wordCodes);
            var buffer = new List<int>();
            for (var i = 0; i < sentence.Text.Length; i++)
            {
                buffer.Clear();
                for (var f = starts[i]; f < starts[i + 1]; f++)
                {
                    buffer.Add(features[f]);
                }

                if (options.Markov)
                {
                    // The gold previous label during training; Viterbi supplies it when predicting.
                    var previous = i == 0 ? -1 : sentence.Labels[i - 1];
                    var c0 = CharFeatureExtractor.NormalizeChar(sentence.Text[i]);
                    var c1 = i + 1 < sentence.Text.Length ? CharFeatureExtractor.NormalizeChar(sentence.Text[i + 1]) : CharFeatureExtractor.EndMark;
                    var extra = new int[CharFeatureExtractor.MaxPreviousLabelFeatures];
                    var count = extractor.AddPreviousLabelFeatures(c0, c1, wordCodes[i], previous, extra);
                    buffer.Add(extractor.PreviousLabelOnlyFeature(previous));
                    buffer.AddRange(extra.AsSpan(0, count));
                }

                rows.Add(new Row { Features = ToVector(buffer, 0, buffer.Count, extractor.Dimension), Label = (uint)sentence.Labels[i] });
            }
        }

        log($"features: {ordered.Length} sentences, {rows.Count} characters, {stopwatch.Elapsed.TotalSeconds:F1} s");
        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, extractor.Dimension);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), NerLabels.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            NumberOfThreads = 1,
            Shuffle = false,
            MaximumNumberOfIterations = options.Iterations,
            L2Regularization = options.L2,
            L1Regularization = options.L1,
        });
        stopwatch.Restart();
        var transformer = trainer.Fit(data);
        log($"ML.NET SdcaMaximumEntropy: {stopwatch.Elapsed.TotalSeconds:F1} s");
        var parameters = transformer.Model;
        VBuffer<float>[] classWeights = [];
        parameters.GetWeights(ref classWeights, out var classes);
        var biases = parameters.GetBiases().ToArray();
        if (classes != NerLabels.Count)
        {
            throw new InvalidOperationException($"expected {NerLabels.Count} classes, got {classes}.");
        }

        var weights = new Half[extractor.Dimension * NerLabels.Count];
        for (var y = 0; y < classes; y++)
        {
            var dense = classWeights[y].DenseValues().ToArray();
            for (var f = 0; f < dense.Length; f++)
            {
                weights[(f * NerLabels.Count) + y] = (Half)dense[f];
            }
        }

        var transitions = options.Markov ? new float[NerLabels.Count * NerLabels.Count] : Transitions(ordered, options.TransitionWeight);
        return new NerModel(shipped, options.HashBits, weights, biases, transitions, options.Markov, options.FeatureSet);
    }

    /// <summary>log P(next | previous) from the training labels, times <paramref name="weight"/> (add-one smoothed).</summary>
    private static float[] Transitions(IEnumerable<NerSentence> sentences, float weight)
    {
        const int k = NerLabels.Count;
        var counts = new double[k * k];
        foreach (var s in sentences)
        {
            for (var i = 1; i < s.Labels.Length; i++)
            {
                counts[(s.Labels[i - 1] * k) + s.Labels[i]]++;
            }
        }

        var result = new float[k * k];
        for (var x = 0; x < k; x++)
        {
            var total = 0.0;
            for (var y = 0; y < k; y++)
            {
                total += counts[(x * k) + y] + 1;
            }

            for (var y = 0; y < k; y++)
            {
                result[(x * k) + y] = weight * (float)Math.Log((counts[(x * k) + y] + 1) / total);
            }
        }

        return result;
    }

    private static VBuffer<float> ToVector(List<int> features, int from, int to, int dimension)
    {
        var indices = new int[to - from];
        for (var i = from; i < to; i++)
        {
            indices[i - from] = features[i];
        }

        Array.Sort(indices);
        var unique = 0;
        var values = new float[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            if (unique > 0 && indices[unique - 1] == indices[i])
            {
                values[unique - 1] += 1;
                continue;
            }

            indices[unique] = indices[i];
            values[unique] = 1;
            unique++;
        }

        return new VBuffer<float>(dimension, unique, values, indices);
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }
    }
}

/// <summary>Settings of <see cref="NerTrainer"/>.</summary>
internal sealed record NerTrainerOptions
{
    public int Seed { get; init; } = 1;

    public int HashBits { get; init; } = 20;

    public int? MaxSentences { get; init; }

    public int Iterations { get; init; } = 10;

    public float? L2 { get; init; } = 1e-6f;

    public float? L1 { get; init; } = 0f;

    public float TransitionWeight { get; init; } = 0.5f;

    /// <summary>Train a maximum-entropy Markov model (features of the previous label) instead of a per-character classifier.</summary>
    public bool Markov { get; init; } = true;

    public NerFeatureSet FeatureSet { get; init; } = NerFeatureSet.None;

    public Action<string>? Log { get; init; }
}
