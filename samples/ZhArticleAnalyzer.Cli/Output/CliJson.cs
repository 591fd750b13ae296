using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZhArticleAnalyzer.Cli.Output;

/// <summary>What <c>batch</c> writes in place of a record for an article that failed.</summary>
internal sealed record BatchError(string Id, string Error);

/// <summary><c>eval segmentation --json</c>.</summary>
internal sealed record SegmentationScore(double Precision, double Recall, double F1, double OovRecall);

/// <summary><c>bench --json</c>.</summary>
internal sealed record BenchResult(
    long Chars,
    double PipelineCharsPerSecond,
    double JiebaNetCutCharsPerSecond,
    double Ratio,
    double ColdStartMs,
    double PeakWorkingSetMb,
    string Segmenter,
    double EngineCutCharsPerSecond,
    double EnginePosCharsPerSecond,
    double EngineSegmentCharsPerSecond,
    double JiebaNetPosCharsPerSecond,
    double EngineCutRatio,
    double EnginePosRatio,
    double EngineCutTwoThreadsCharsPerSecond,
    double EngineTwoThreadScaling,
    double EngineTwoThreadCpuScaling,
    double EngineLoadMs,
    double EngineDictionaryMb,
    int Rounds,
    double EngineCutSpread,
    double? LoadAverage,
    double? NodeRsCutCharsPerSecond = null,
    double? NodeRsLoadMs = null,
    double? EngineCutVsNodeRs = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchError))]
[JsonSerializable(typeof(SegmentationScore))]
[JsonSerializable(typeof(BenchResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    public static CliJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
