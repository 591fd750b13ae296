using System.Runtime.InteropServices;
using System.Text;
using ZhArticleAnalyzer.Entities.Model;

namespace ZhArticleAnalyzer.Cli.Training;

/// <summary>
/// Reads a model file of the previous format (ZHNER4: half-precision weights, per bucket each
/// direction's label weights in turn) into a model of the current one, so a model trained before the
/// switch to 8-bit weights can be converted (<c>train ner --from-model</c>) instead of retrained.
/// </summary>
internal static class HalfPrecisionNerModelReader
{
    private const string Magic = "ZHNER4";

    public static NerModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: false);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException($"not a {Magic} model file.");
        }

        var featureSet = (NerFeatureSet)reader.ReadInt32();
        var hashBits = reader.ReadInt32();
        var labels = reader.ReadInt32();
        var directions = reader.ReadInt32();
        if (labels != NerLabels.Count || hashBits is < 10 or > 24 || directions is < 1 or > 2)
        {
            throw new InvalidDataException("the model file does not match the label set.");
        }

        var biases = new float[directions][];
        for (var d = 0; d < directions; d++)
        {
            biases[d] = new float[labels];
            for (var y = 0; y < labels; y++)
            {
                biases[d][y] = reader.ReadSingle();
            }
        }

        var buckets = 1 << hashBits;
        var packed = new Half[buckets * labels * directions];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(packed.AsSpan()));
        var weights = new float[directions][];
        for (var d = 0; d < directions; d++)
        {
            weights[d] = new float[buckets * labels];
            for (var b = 0; b < buckets; b++)
            {
                for (var y = 0; y < labels; y++)
                {
                    weights[d][(b * labels) + y] = (float)packed[(((b * directions) + d) * labels) + y];
                }
            }
        }

        var count = reader.ReadInt32();
        var lexicon = new NameLexicon(count);
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            lexicon.AddNormalized(word, reader.ReadByte());
        }

        var directionWeights = Enumerable.Range(0, directions).Select(d => (weights[d], biases[d])).ToList();
        return new NerModel(lexicon, hashBits, featureSet, NerWeights.FromDirections(buckets, directionWeights));
    }
}
