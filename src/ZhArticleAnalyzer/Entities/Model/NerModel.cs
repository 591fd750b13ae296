using System.Runtime.InteropServices;
using System.Text;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The statistical NER model: a linear multiclass classifier over hashed character features
/// (trained with ML.NET's SdcaMaximumEntropy, weights exported to half precision), decoded into
/// valid BIO spans by Viterbi. Scoring uses plain arrays only, so one instance serves any number
/// of threads.
/// </summary>
internal sealed class NerModel
{
    public const string ResourceName = "models/ner-msra.bin";

    /// <summary>How far (in nats) behind the best state a previous label may be and still be expanded.</summary>
    public const float Beam = 6f;
    private const string Magic = "ZHNER3";
    private static readonly Lazy<NerModel> ShippedModel = new(() => Load(EmbeddedData.Open(ResourceName)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Half[] _weights;     // bucket-major: weights[bucket * Count + label], as stored
    private readonly float[] _scoring;    // the same in single precision, for scoring
    private readonly float[] _previousOnly;   // (previous label + 1) × label scores of template 30
    private readonly float[] _biases;
    private readonly float[] _transitions;

    public NerModel(NameLexicon lexicon, int hashBits, Half[] weights, float[] biases, float[] transitions, bool markov = false, NerFeatureSet featureSet = NerFeatureSet.None)
    {
        Markov = markov;
        Lexicon = lexicon;
        Features = new CharFeatureExtractor(lexicon, hashBits, featureSet);
        _weights = weights;
        _biases = biases;
        _transitions = transitions;
        _scoring = new float[weights.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(weights, _scoring);

        _previousOnly = new float[(NerLabels.Count + 1) * NerLabels.Count];
        for (var previous = -1; previous < NerLabels.Count; previous++)
        {
            var row = Features.PreviousLabelOnlyFeature(previous) * NerLabels.Count;
            for (var y = 0; y < NerLabels.Count; y++)
            {
                _previousOnly[((previous + 1) * NerLabels.Count) + y] = _scoring[row + y];
            }
        }
        if (weights.Length != Features.Dimension * NerLabels.Count || biases.Length != NerLabels.Count || transitions.Length != NerLabels.Count * NerLabels.Count)
        {
            throw new ArgumentException("model arrays do not match the label count and hash size.");
        }
    }

    /// <summary>The model shipped inside the package (loaded once, on first use).</summary>
    public static NerModel Shipped => ShippedModel.Value;

    public static bool IsShipped => EmbeddedData.Exists(ResourceName);

    public NameLexicon Lexicon { get; }

    /// <summary>
    /// Whether the classifier also reads the previous character's label (a maximum-entropy Markov
    /// model, decoded exactly by Viterbi); otherwise it scores characters alone and Viterbi adds
    /// label-transition scores.
    /// </summary>
    public bool Markov { get; }

    public CharFeatureExtractor Features { get; }

    public static NerModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: false);
        var magic = reader.ReadString();
        if (magic != Magic && magic != "ZHNER2")
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.EmbeddedResourceMissing, "the NER model file has an unknown format.");
        }

        var markov = reader.ReadBoolean();
        var featureSet = magic == "ZHNER2" ? NerFeatureSet.None : (NerFeatureSet)reader.ReadInt32();
        var hashBits = reader.ReadInt32();
        var labels = reader.ReadInt32();
        if (labels != NerLabels.Count || hashBits is < 10 or > 24)
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.EmbeddedResourceMissing, "the NER model file does not match this version of the library.");
        }

        var biases = ReadFloats(reader, labels);
        var transitions = ReadFloats(reader, labels * labels);
        var weights = new Half[(1 << hashBits) * labels];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        var count = reader.ReadInt32();
        var lexicon = new NameLexicon(count);
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            lexicon.AddNormalized(word, reader.ReadByte());
        }

        return new NerModel(lexicon, hashBits, weights, biases, transitions, markov, featureSet);
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Markov);
        writer.Write((int)Features.FeatureSet);
        writer.Write(Features.HashBits);
        writer.Write(NerLabels.Count);
        foreach (var b in _biases)
        {
            writer.Write(b);
        }

        foreach (var t in _transitions)
        {
            writer.Write(t);
        }

        writer.Flush();
        stream.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
        writer.Write(Lexicon.Count);
        foreach (var (word, classes) in Lexicon.Entries)
        {
            writer.Write(word);
            writer.Write(classes);
        }
    }

    /// <summary>Finds person, location and organisation spans in one sentence.</summary>
    public List<NerSpan> Predict(ReadOnlySpan<char> sentence)
    {
        var result = new List<NerSpan>();
        var n = sentence.Length;
        if (n == 0)
        {
            return result;
        }

        var features = new List<int>(n * 20);
        var starts = new int[n + 1];
        var wordCodes = new int[n];
        Features.Extract(sentence, features, starts, wordCodes);
        var labels = new int[n];
        var probs = Markov ? DecodeMarkov(sentence, features, starts, wordCodes, labels) : DecodeLocal(features, starts, labels);
        for (var i = 0; i < n;)
        {
            if (labels[i] == NerLabels.Outside)
            {
                i++;
                continue;
            }

            var start = i;
            var type = NerLabels.TypeIndex(labels[i]);
            var confidence = probs[i];
            i++;
            while (i < n && labels[i] == NerLabels.Inside(type))
            {
                confidence = Math.Min(confidence, probs[i]);
                i++;
            }

            result.Add(new NerSpan(start, i, NerLabels.TypeOf(labels[start]), confidence));
        }

        return result;
    }

    /// <summary>Scores each character alone, then Viterbi with transition scores; returns the chosen labels' probabilities.</summary>
    private float[] DecodeLocal(List<int> features, int[] starts, int[] labels)
    {
        const int k = NerLabels.Count;
        var n = labels.Length;
        var logProbs = new float[n * k];
        Span<float> scores = stackalloc float[k];
        for (var i = 0; i < n; i++)
        {
            BaseScores(features, starts[i], starts[i + 1], scores);
            LogSoftmax(scores, logProbs.AsSpan(i * k, k));
        }

        BioViterbi.Decode(logProbs, _transitions, labels);
        var probs = new float[n];
        for (var i = 0; i < n; i++)
        {
            probs[i] = MathF.Exp(logProbs[(i * k) + labels[i]]);
        }

        return probs;
    }

    /// <summary>
    /// Viterbi over log P(label | previous label, sentence); returns the chosen labels' probabilities.
    /// Previous labels more than <see cref="Beam"/> nats behind the best are not expanded: they cannot
    /// catch up in practice, and skipping them makes decoding several times faster.
    /// </summary>
    private float[] DecodeMarkov(ReadOnlySpan<char> sentence, List<int> features, int[] starts, int[] wordCodes, int[] labels)
    {
        const int k = NerLabels.Count;
        var n = labels.Length;
        var delta = new float[n * k];
        var back = new int[n * k];
        var chosen = new float[n * k];
        Span<float> baseScores = stackalloc float[k];
        Span<float> scores = stackalloc float[k];
        Span<float> logP = stackalloc float[k];
        Span<int> extra = stackalloc int[CharFeatureExtractor.MaxPreviousLabelFeatures];
        var weights = _scoring;
        for (var i = 0; i < n; i++)
        {
            BaseScores(features, starts[i], starts[i + 1], baseScores);
            var c0 = CharFeatureExtractor.NormalizeChar(sentence[i]);
            var c1 = i + 1 < n ? CharFeatureExtractor.NormalizeChar(sentence[i + 1]) : CharFeatureExtractor.EndMark;
            var bestBefore = float.NegativeInfinity;
            if (i > 0)
            {
                for (var x = 0; x < k; x++)
                {
                    bestBefore = Math.Max(bestBefore, delta[((i - 1) * k) + x]);
                }
            }

            for (var y = 0; y < k; y++)
            {
                delta[(i * k) + y] = float.NegativeInfinity;
            }

            for (var previous = i == 0 ? -1 : 0; previous < (i == 0 ? 0 : k); previous++)
            {
                var before = i == 0 ? 0 : delta[((i - 1) * k) + previous];
                if (i > 0 && before < bestBefore - Beam)
                {
                    continue;
                }

                var table = (previous + 1) * k;
                for (var y = 0; y < k; y++)
                {
                    scores[y] = baseScores[y] + _previousOnly[table + y];
                }

                var count = Features.AddPreviousLabelFeatures(c0, c1, wordCodes[i], previous, extra);
                foreach (var f in extra[..count])
                {
                    var row = f * k;
                    for (var y = 0; y < k; y++)
                    {
                        scores[y] += weights[row + y];
                    }
                }

                LogSoftmax(scores, logP);
                for (var y = 0; y < k; y++)
                {
                    if (!NerLabels.IsAllowed(previous, y))
                    {
                        continue;
                    }

                    var total = before + logP[y];
                    if (total > delta[(i * k) + y])
                    {
                        delta[(i * k) + y] = total;
                        back[(i * k) + y] = previous;
                        chosen[(i * k) + y] = logP[y];
                    }
                }
            }
        }

        var last = 0;
        for (var y = 1; y < k; y++)
        {
            if (delta[((n - 1) * k) + y] > delta[((n - 1) * k) + last])
            {
                last = y;
            }
        }

        labels[n - 1] = last;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * k) + labels[i]];
        }

        var probs = new float[n];
        for (var i = 0; i < n; i++)
        {
            probs[i] = MathF.Exp(chosen[(i * k) + labels[i]]);
        }

        return probs;
    }

    private void BaseScores(List<int> features, int from, int to, Span<float> scores)
    {
        const int k = NerLabels.Count;
        _biases.CopyTo(scores);
        var weights = _scoring;
        for (var f = from; f < to; f++)
        {
            var row = features[f] * k;
            for (var y = 0; y < k; y++)
            {
                scores[y] += weights[row + y];
            }
        }
    }

    private static void LogSoftmax(ReadOnlySpan<float> scores, Span<float> output)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0f;
        foreach (var s in scores)
        {
            sum += MathF.Exp(s - max);
        }

        var logSum = max + MathF.Log(sum);
        for (var y = 0; y < scores.Length; y++)
        {
            output[y] = scores[y] - logSum;
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
