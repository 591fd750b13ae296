using System.Runtime.InteropServices;
using System.Text;
using ZhArticleAnalyzer.Segmentation;

namespace ZhArticleAnalyzer.Entities.Model;

/// <summary>
/// The statistical NER model over hashed character features (weights in 8 bits, see <see cref="NerWeights"/>):
/// the shipped one is a conditional random field (<see cref="CrfDecoding"/>, with <see cref="NerEdges"/> when
/// trained with them); older files hold a maximum-entropy Markov model trained with ML.NET's
/// SdcaMaximumEntropy, read left to right and, when it has one, right to left as well (see
/// <see cref="BidirectionalDecoding"/>). Either is decoded into valid BIO spans. Scoring uses plain
/// arrays only, so one instance serves any number of threads.
/// </summary>
internal sealed class NerModel
{
    public const string ResourceName = "models/ner-msra.bin";

    private const string Magic = "ZHNER7";

    /// <summary>The format before edge features: read as a field without them.</summary>
    private const string PreviousMagic = "ZHNER6";
    private static readonly Lazy<NerModel> ShippedModel = new(() => Load(EmbeddedData.Open(ResourceName)), LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static List<int>? t_features;

    [ThreadStatic]
    private static PredictBuffers? t_buffers;

    private readonly NerWeights _weights;
    private readonly NerDirectionModel _forward;
    private readonly NerDirectionModel? _backward;
    private readonly NerTransitions? _transitions;
    private readonly NerEdges? _edges;

    /// <summary>
    /// A maximum-entropy Markov model over <paramref name="weights"/> of one direction (left to right) or
    /// two (right to left second), or, with <paramref name="transitions"/>, a conditional random field
    /// whose <see cref="CrfLabels"/> fill the two lanes of each row, and which may have <paramref name="edges"/>.
    /// </summary>
    public NerModel(NameLexicon lexicon, int hashBits, NerFeatureSet featureSet, NerWeights weights, NerTransitions? transitions = null, NerEdges? edges = null)
    {
        if (weights.Directions is < 1 or > 2 || (transitions is not null && weights.Directions != 2))
        {
            throw new ArgumentException("a Markov model reads in one or two directions; a random field's rows have two lanes.", nameof(weights));
        }

        if (edges is not null && transitions is null)
        {
            throw new ArgumentException("only a random field has edge features.", nameof(edges));
        }

        _transitions = transitions;
        _edges = edges;

        Lexicon = lexicon;
        Features = new CharFeatureExtractor(lexicon, hashBits, featureSet);
        _weights = weights;
        _forward = new NerDirectionModel(weights, 0, Features);
        _backward = weights.Directions == 2 && transitions is null ? new NerDirectionModel(weights, 1, Features) : null;
    }

    /// <summary>The model shipped inside the package (loaded once, on first use).</summary>
    public static NerModel Shipped => ShippedModel.Value;

    public static bool IsShipped => EmbeddedData.Exists(ResourceName);

    public NameLexicon Lexicon { get; }

    /// <summary>Whether the model also reads right to left.</summary>
    public bool IsBidirectional => _backward is not null;

    /// <summary>Whether the model is a conditional random field (rather than a Markov model).</summary>
    public bool IsRandomField => _transitions is not null;

    /// <summary>Whether the field's pair scores depend on the characters (<see cref="NerEdges"/>).</summary>
    public bool HasEdgeFeatures => _edges is not null;

    public CharFeatureExtractor Features { get; }

    public static NerModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: false);
        var magic = reader.ReadString();
        if (magic != Magic && magic != PreviousMagic)
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.EmbeddedResourceMissing, "the NER model file has an unknown format.");
        }

        var featureSet = (NerFeatureSet)reader.ReadInt32();
        var hashBits = reader.ReadInt32();
        var labels = reader.ReadInt32();
        var directions = reader.ReadInt32();
        var randomField = reader.ReadBoolean();
        var knownFeatures = Enum.GetValues<NerFeatureSet>().Aggregate(NerFeatureSet.None, (all, f) => all | f);
        if (labels != NerLabels.Count || hashBits is < 10 or > 24 || directions is < 1 or > 2 || (featureSet & ~knownFeatures) != 0)
        {
            throw new ZhArticleAnalyzerException(ErrorCodes.EmbeddedResourceMissing, "the NER model file does not match this version of the library.");
        }

        var weights = NerWeights.Read(reader, 1 << hashBits, directions);
        var transitions = randomField ? NerTransitions.Read(reader) : null;
        var edges = magic == Magic && reader.ReadBoolean() ? NerEdges.Read(reader) : null;
        var count = reader.ReadInt32();
        var lexicon = new NameLexicon(count);
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            lexicon.AddNormalized(word, reader.ReadByte());
        }

        return new NerModel(lexicon, hashBits, featureSet, weights, transitions, edges);
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write((int)Features.FeatureSet);
        writer.Write(Features.HashBits);
        writer.Write(NerLabels.Count);
        writer.Write(_weights.Directions);
        writer.Write(IsRandomField);
        _weights.Write(writer);
        _transitions?.Write(writer);
        writer.Write(_edges is not null);
        _edges?.Write(writer);
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

        var features = t_features ??= new List<int>(1024);
        features.Clear();
        var buffers = t_buffers ??= new PredictBuffers();
        buffers.Ensure(n, _weights.Stride);
        var starts = buffers.Starts.AsSpan(0, n + 1);
        Features.Extract(sentence, features, starts);
        var chars = buffers.Chars.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            chars[i] = CharFeatureExtractor.NormalizeChar(sentence[i]);
        }

        var labels = buffers.Labels.AsSpan(0, n);
        var probs = buffers.Probs.AsSpan(0, n);
        var baseScores = buffers.BaseScores.AsSpan(0, n * _weights.Stride);
        MarkovDecoding.BaseScores(_weights, features, starts, n, baseScores);
        if (_transitions is not null)
        {
            CrfDecoding.Decode(baseScores, _transitions, labels, probs, namesOnly: true, _edges, chars);
        }
        else if (_backward is null)
        {
            MarkovDecoding.Viterbi(_forward, Features, chars, baseScores, labels, probs);
        }
        else
        {
            var forward = buffers.Forward.AsSpan(0, n * NerWeights.Lane);
            var backward = buffers.Backward.AsSpan(0, n * NerWeights.Lane);
            MarkovDecoding.Marginals(_forward, Features, chars, baseScores, forward);
            MarkovDecoding.Marginals(_backward, Features, chars, baseScores, backward);
            BidirectionalDecoding.Decode(forward, backward, labels, probs);
        }

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

    /// <summary>Per-thread working arrays of <see cref="Predict"/>, grown as needed: it runs once per model window.</summary>
    private sealed class PredictBuffers
    {
        public int[] Starts { get; private set; } = [];

        public char[] Chars { get; private set; } = [];

        public int[] Labels { get; private set; } = [];

        public float[] Probs { get; private set; } = [];

        public float[] BaseScores { get; private set; } = [];

        public float[] Forward { get; private set; } = [];

        public float[] Backward { get; private set; } = [];

        public void Ensure(int n, int stride)
        {
            if (Chars.Length >= n && BaseScores.Length >= n * stride)
            {
                return;
            }

            var size = Math.Max(n, 2 * Chars.Length);
            Starts = new int[size + 1];
            Chars = new char[size];
            Labels = new int[size];
            Probs = new float[size];
            BaseScores = new float[size * stride];
            Forward = new float[size * NerWeights.Lane];
            Backward = new float[size * NerWeights.Lane];
        }
    }
}
