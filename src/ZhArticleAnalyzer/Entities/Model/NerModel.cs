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
    private const string Magic = "ZHNER1";
    private static readonly Lazy<NerModel> ShippedModel = new(() => Load(EmbeddedData.Open(ResourceName)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Half[] _weights;     // bucket-major: weights[bucket * Count + label]
    private readonly float[] _biases;
    private readonly float[] _transitions;

    public NerModel(NameLexicon lexicon, int hashBits, Half[] weights, float[] biases, float[] transitions)
    {
        Lexicon = lexicon;
        Features = new CharFeatureExtractor(lexicon, hashBits);
        _weights = weights;
        _biases = biases;
        _transitions = transitions;
        if (weights.Length != Features.Dimension * NerLabels.Count || biases.Length != NerLabels.Count || transitions.Length != NerLabels.Count * NerLabels.Count)
        {
            throw new ArgumentException("model arrays do not match the label count and hash size.");
        }
    }

    /// <summary>The model shipped inside the package (loaded once, on first use).</summary>
    public static NerModel Shipped => ShippedModel.Value;

    public static bool IsShipped => EmbeddedData.Exists(ResourceName);

    public NameLexicon Lexicon { get; }

    public CharFeatureExtractor Features { get; }

    public static NerModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: false);
        if (reader.ReadString() != Magic)
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.EmbeddedResourceMissing, "the NER model file has an unknown format.");
        }

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
        var lexicon = new NameLexicon();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            lexicon.Add(word, reader.ReadByte());
        }

        return new NerModel(lexicon, hashBits, weights, biases, transitions);
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
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

        const int k = NerLabels.Count;
        var features = new List<int>(n * 20);
        var starts = new int[n + 1];
        Features.Extract(sentence, features, starts);
        var logProbs = new float[n * k];
        var probs = new float[n * k];
        Span<float> scores = stackalloc float[k];
        var weights = _weights;
        for (var i = 0; i < n; i++)
        {
            _biases.CopyTo(scores);
            for (var f = starts[i]; f < starts[i + 1]; f++)
            {
                var row = features[f] * k;
                for (var y = 0; y < k; y++)
                {
                    scores[y] += (float)weights[row + y];
                }
            }

            var max = float.NegativeInfinity;
            for (var y = 0; y < k; y++)
            {
                max = Math.Max(max, scores[y]);
            }

            var sum = 0f;
            for (var y = 0; y < k; y++)
            {
                sum += MathF.Exp(scores[y] - max);
            }

            var logSum = max + MathF.Log(sum);
            for (var y = 0; y < k; y++)
            {
                logProbs[(i * k) + y] = scores[y] - logSum;
                probs[(i * k) + y] = MathF.Exp(scores[y] - logSum);
            }
        }

        var labels = new int[n];
        BioViterbi.Decode(logProbs, _transitions, labels);
        for (var i = 0; i < n;)
        {
            if (labels[i] == NerLabels.Outside)
            {
                i++;
                continue;
            }

            var start = i;
            var type = NerLabels.TypeIndex(labels[i]);
            var confidence = probs[(i * k) + labels[i]];
            i++;
            while (i < n && labels[i] == NerLabels.Inside(type))
            {
                confidence = Math.Min(confidence, probs[(i * k) + labels[i]]);
                i++;
            }

            result.Add(new NerSpan(start, i, NerLabels.TypeOf(labels[start]), confidence));
        }

        return result;
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
