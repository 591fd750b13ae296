using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>
/// Trains the NER model with ML.NET (SdcaMaximumEntropy, one thread, seeded, no shuffling inside
/// ML.NET: the sentence order is shuffled here with the seed): a left-to-right maximum-entropy
/// Markov model and, when asked, a right-to-left one over the same character features, whose
/// linear weights are exported to a <see cref="NerModel"/>.
/// </summary>
internal sealed class NerTrainer(NerTrainerOptions options)
{
    /// <param name="sentences">The main training sentences; their names join the shipped lexicon.</param>
    /// <param name="lexicon">The names every text sees (jieba's).</param>
    /// <param name="extraSentences">More training sentences whose names must not be shipped (data under other
    /// terms): they are read with the shipped lexicon, as a new text is, and their names stay out of it.</param>
    public NerModel Train(IReadOnlyList<NerSentence> sentences, NameLexicon lexicon, IReadOnlyList<NerSentence>? extraSentences = null)
    {
        var log = options.Log ?? (_ => { });
        var corpus = Prepare(sentences, lexicon, extraSentences);
        var extractor = corpus.Extractor;
        var directions = new List<(float[] Weights, float[] Biases)> { TrainDirection(corpus.Sentences, extractor, rightToLeft: false, log) };
        if (options.Bidirectional)
        {
            directions.Add(TrainDirection(corpus.Sentences, extractor, rightToLeft: true, log));
        }

        return new NerModel(corpus.Lexicon, options.HashBits, options.FeatureSet, NerWeights.FromDirections(extractor.Dimension, directions));
    }

    /// <summary>
    /// The training sentences in the seeded order with every character's features, and the lexicon
    /// and feature extractor the model ships with (the training names included).
    /// </summary>
    public EncodedCorpus Prepare(IReadOnlyList<NerSentence> sentences, NameLexicon lexicon, IReadOnlyList<NerSentence>? extraSentences = null)
    {
        var log = options.Log ?? (_ => { });
        var ordered = Shuffled(sentences, options.Seed);
        if (options.MaxSentences is { } max && max < ordered.Length)
        {
            ordered = ordered[..max];
        }

        // Names annotated in the training data join the lexicon. So that the model does not learn to
        // trust them blindly, the sentences are cut into folds, and each fold sees only the names of
        // the other folds (as a new text sees only names from elsewhere).
        var foldCount = options.LexiconFolds;
        var shipped = lexicon.Clone();
        var folds = Enumerable.Range(0, foldCount).Select(_ => lexicon.Clone()).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            foreach (var (start, end, type) in BioCorpus.Spans(ordered[i].Labels))
            {
                var word = ordered[i].Text[start..end];
                var nameClass = (byte)(NameLexicon.TrainingPerson << type);
                shipped.Add(word, nameClass);
                for (var f = 0; f < foldCount; f++)
                {
                    if (f != i % foldCount)
                    {
                        folds[f].Add(word, nameClass);
                    }
                }
            }
        }

        var extractors = folds.Select(f => new CharFeatureExtractor(f, options.HashBits, options.FeatureSet)).ToArray();
        var extractor = new CharFeatureExtractor(shipped, options.HashBits, options.FeatureSet);
        log($"lexicon: {lexicon.Count} words, {shipped.Count} with the training names");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var encoded = new EncodedSentence[ordered.Length];
        var features = new List<int>();
        for (var index = 0; index < ordered.Length; index++)
        {
            encoded[index] = Encode(ordered[index], extractors[index % foldCount], features);
        }

        if (extraSentences is { Count: > 0 })
        {
            // Mixed into one seeded order so that SDCA's passes do not see the two sources in blocks.
            encoded = [.. encoded, .. extraSentences.Select(s => Encode(s, extractor, features))];
            new Random(options.Seed).Shuffle(encoded);
        }

        log($"features: {encoded.Length} sentences, {encoded.Sum(e => e.PerChar.Length)} characters, {stopwatch.Elapsed.TotalSeconds:F1} s");
        return new EncodedCorpus(shipped, extractor, encoded);
    }

    internal static EncodedSentence Encode(NerSentence sentence, CharFeatureExtractor extractor, List<int> features)
    {
        var text = sentence.Text;
        features.Clear();
        var starts = new int[text.Length + 1];
        extractor.Extract(text, features, starts);
        var perChar = new int[text.Length][];
        for (var i = 0; i < text.Length; i++)
        {
            perChar[i] = features.GetRange(starts[i], starts[i + 1] - starts[i]).ToArray();
        }

        return new EncodedSentence(sentence, perChar);
    }

    /// <summary>The sentences in the seeded order training reads them (with a sentence limit, the ones past it are held out).</summary>
    public static NerSentence[] Shuffled(IReadOnlyList<NerSentence> sentences, int seed)
    {
        var ordered = sentences.ToArray();
        new Random(seed).Shuffle(ordered);
        return ordered;
    }

    /// <summary>The labels as a right-to-left reader sees them: B- on an entity's last character, I- on the others.</summary>
    internal static int[] ReverseReading(int[] labels)
    {
        var reversed = new int[labels.Length];
        foreach (var (start, end, type) in BioCorpus.Spans(labels))
        {
            for (var i = start; i < end; i++)
            {
                reversed[i] = i == end - 1 ? NerLabels.Begin(type) : NerLabels.Inside(type);
            }
        }

        return reversed;
    }

    private (float[] Weights, float[] Biases) TrainDirection(EncodedSentence[] encoded, CharFeatureExtractor extractor, bool rightToLeft, Action<string> log)
    {
        var rows = new List<Row>();
        var buffer = new List<int>();
        var context = new int[CharFeatureExtractor.ContextLabelFeatures];
        foreach (var sentence in encoded)
        {
            var text = sentence.Source.Text;
            var n = text.Length;
            var labels = rightToLeft ? ReverseReading(sentence.Source.Labels) : sentence.Source.Labels;
            for (var i = 0; i < n; i++)
            {
                // The gold label of the character read just before; decoding supplies it when predicting.
                var before = rightToLeft ? i + 1 : i - 1;
                var after = rightToLeft ? i - 1 : i + 1;
                var contextLabel = before >= 0 && before < n ? labels[before] : -1;
                var c0 = CharFeatureExtractor.NormalizeChar(text[i]);
                var c1 = after >= 0 && after < n ? CharFeatureExtractor.NormalizeChar(text[after]) : CharFeatureExtractor.EndMark;
                buffer.Clear();
                buffer.AddRange(sentence.PerChar[i]);
                buffer.Add(extractor.ContextLabelOnlyFeature(contextLabel));
                extractor.AddContextLabelFeatures(c0, c1, contextLabel, context);
                buffer.AddRange(context);
                rows.Add(new Row { Features = ToVector(buffer, extractor.Dimension), Label = (uint)labels[i] });
            }
        }

        var ml = new MLContext(options.Seed);
        ml.Log += (_, e) =>
        {
            if (e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Info)
            {
                log("  " + e.Message);
            }
        };
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
            ConvergenceTolerance = options.ConvergenceTolerance,
            L2Regularization = options.L2,
            L1Regularization = options.L1,
        });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var transformer = trainer.Fit(data);
        log($"ML.NET SdcaMaximumEntropy, {(rightToLeft ? "right to left" : "left to right")}: {stopwatch.Elapsed.TotalSeconds:F1} s");
        var parameters = transformer.Model;
        VBuffer<float>[] classWeights = [];
        parameters.GetWeights(ref classWeights, out var classes);
        var biases = parameters.GetBiases().ToArray();
        if (classes != NerLabels.Count)
        {
            throw new InvalidOperationException($"expected {NerLabels.Count} classes, got {classes}.");
        }

        var weights = new float[extractor.Dimension * NerLabels.Count];
        for (var y = 0; y < classes; y++)
        {
            var dense = classWeights[y].DenseValues().ToArray();
            for (var f = 0; f < dense.Length; f++)
            {
                weights[(f * NerLabels.Count) + y] = dense[f];
            }
        }

        return (weights, biases);
    }

    private static VBuffer<float> ToVector(List<int> features, int dimension)
    {
        var indices = features.ToArray();
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

    /// <summary>SDCA stops before <see cref="Iterations"/> once its duality gap falls below this (ML.NET's default 0.1).</summary>
    public float ConvergenceTolerance { get; init; } = 0.1f;

    public float? L2 { get; init; } = 1e-6f;

    public float? L1 { get; init; } = 0f;

    /// <summary>How many parts the training names are cut into for the lexicon features (each part sees the others' names).</summary>
    public int LexiconFolds { get; init; } = 2;

    /// <summary>Also train a right-to-left model (decoded together with the left-to-right one).</summary>
    public bool Bidirectional { get; init; }

    public NerFeatureSet FeatureSet { get; init; } = NerFeatureSet.None;

    public Action<string>? Log { get; init; }
}
