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
    long ScalingChars,
    double EngineLoadMs,
    double EngineDictionaryMb,
    int Rounds,
    double EngineCutSpread,
    double? LoadAverage,
    double EngineCutBytesPerChar,
    double EnginePosBytesPerChar,
    double EngineSegmentBytesPerChar,
    double PipelineBytesPerChar,
    double TwoThreadCoresUsed,
    double ControlTwoThreadScaling,
    int TwoThreadGen0Collections,
    int TwoThreadGen1And2Collections,
    int PipelineGen0Collections,
    int PipelineGen1And2Collections,
    double? NodeRsCutCharsPerSecond = null,
    double? NodeRsLoadMs = null,
    double? EngineCutVsNodeRs = null);

/// <summary>Precision, recall and F1 of one layer, with the counts behind them.</summary>
internal sealed record QuantityEvalFigures(double Precision, double Recall, double F1, int Gold, int System, int Correct);

/// <summary>One dev-set file's scores in <c>eval quantities --json</c>.</summary>
internal sealed record QuantityEvalFile(string Id, QuantityEvalFigures Quantities, QuantityEvalFigures Times);

/// <summary><c>eval quantities --json</c>.</summary>
internal sealed record QuantityEvalReport(IReadOnlyList<QuantityEvalFile> Files, QuantityEvalFigures Quantities, QuantityEvalFigures Times);

/// <summary>The figures <c>train ner</c> records beside the model (CI checks the slice F1).</summary>
internal sealed record NerModelMetrics(
    string TrainedOn,
    int TrainingSentences,
    string? AlsoTrainedOn,
    int? AlsoTrainingSentences,
    string? AlsoTrainedOnFilteredBy,
    int Seed,
    int Iterations,
    int HashBits,
    string Features,
    bool Bidirectional,
    float? L2,
    float? Tolerance,
    int LexiconFolds,
    string Objective,
    int? CrfPasses,
    int? CrfKeptPass,
    double? CrfHeldOutF1,
    float? CrfTemperature,
    float? CrfOutsideBias,
    float? CrfLearningRate,
    int? CrfRuns,
    int? CrfEdgeCharacters,
    int MsraTestSliceSentences,
    double MsraTestSlicePrecision,
    double MsraTestSliceRecall,
    double MsraTestSliceF1);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchError))]
[JsonSerializable(typeof(SegmentationScore))]
[JsonSerializable(typeof(BenchResult))]
[JsonSerializable(typeof(QuantityEvalReport))]
[JsonSerializable(typeof(NerModelMetrics))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    public static CliJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });

    public static CliJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
