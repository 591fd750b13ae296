using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using JiebaNet.Segmenter;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>bench</c>: throughput of the full pipeline and of bare jieba.NET <c>Cut</c> over the same texts,
/// in one process, after a warm-up, alternating rounds so that machine load hits both alike.
/// </summary>
internal static class BenchCommand
{
    private const int Rounds = 3;

    public static Command Create(CliConsole console)
    {
        var corpus = new Option<string>("--corpus") { Description = "JSON Lines with a \"text\" field.", DefaultValueFactory = _ => "../shared/corpus/business-news.jsonl" };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N texts." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var noEntities = new Option<bool>("--no-entities") { Description = "Leave out the entity stage (to measure what it costs)." };
        var entityCost = new Option<bool>("--entity-cost") { Description = "Measure the pipeline with and without the entity stage in alternating rounds of one process." };
        var command = new Command("bench", "Measure pipeline throughput against bare jieba.NET Cut.") { corpus, limit, json, noEntities, entityCost };
        command.SetAction((result, cancellationToken) => result.GetValue(entityCost)
            ? RunEntityCostAsync(console, result.GetRequiredValue(corpus), result.GetValue(limit), cancellationToken)
            : RunAsync(console, result.GetRequiredValue(corpus), result.GetValue(limit), result.GetValue(json), result.GetValue(noEntities), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string corpusPath, int? limit, bool json, bool noEntities, CancellationToken cancellationToken)
    {
        if (!File.Exists(corpusPath))
        {
            await console.Error.WriteLineAsync($"error: {corpusPath}: no such file (name a JSON Lines corpus with --corpus).").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        var texts = await ReadTextsAsync(corpusPath, limit, cancellationToken).ConfigureAwait(false);
        if (texts.Count == 0)
        {
            await console.Error.WriteLineAsync($"error: {corpusPath}: holds no texts.").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        var cold = Stopwatch.StartNew();
        var analyzer = ArticleAnalyzer.CreateDefault(o => o.RecognizeEntities = !noEntities);
        analyzer.Analyze(texts[0], null, cancellationToken);
        var coldStartMs = cold.Elapsed.TotalMilliseconds;

        var jieba = new JiebaSegmenter();
        var chars = texts.Sum(t => (long)t.Length);
        var warmUp = texts.Take(50).ToList();
        Measure(warmUp, t => analyzer.Analyze(t, null, cancellationToken));
        Measure(warmUp, t => jieba.Cut(t).Count());

        var pipeline = new List<double>();
        var cut = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            pipeline.Add(chars / Measure(texts, t => analyzer.Analyze(t, null, cancellationToken)));
            cut.Add(chars / Measure(texts, t => jieba.Cut(t).Count()));
        }

        var result = new BenchResult(
            chars,
            Math.Round(Median(pipeline)),
            Math.Round(Median(cut)),
            Math.Round(Median(pipeline) / Median(cut), 3),
            Math.Round(coldStartMs, 1),
            Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1));
        if (json)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, CliJsonContext.Relaxed.BenchResult)).ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
                texts                  {texts.Count} ({chars:N0} chars), median of {Rounds} rounds
                pipeline (Analyze)     {result.PipelineCharsPerSecond,12:N0} chars/s
                jieba.NET Cut          {result.JiebaNetCutCharsPerSecond,12:N0} chars/s
                ratio pipeline / Cut   {result.Ratio,12:F3}
                cold start             {result.ColdStartMs,12:N0} ms (first analyzer and first article)
                peak working set       {result.PeakWorkingSetMb,12:N1} MB
                """)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> RunEntityCostAsync(CliConsole console, string corpusPath, int? limit, CancellationToken cancellationToken)
    {
        if (!File.Exists(corpusPath))
        {
            await console.Error.WriteLineAsync($"error: {corpusPath}: no such file (name a JSON Lines corpus with --corpus).").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        var texts = await ReadTextsAsync(corpusPath, limit, cancellationToken).ConfigureAwait(false);
        var with = ArticleAnalyzer.CreateDefault();
        var without = ArticleAnalyzer.CreateDefault(o => o.RecognizeEntities = false);
        var chars = texts.Sum(t => (long)t.Length);
        var warmUp = texts.Take(50).ToList();
        Measure(warmUp, t => with.Analyze(t, null, cancellationToken));
        Measure(warmUp, t => without.Analyze(t, null, cancellationToken));
        // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
        var withTimes = new List<double>();
        var withoutTimes = new List<double>();
        var withCpu = new List<double>();
        var withoutCpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < 5; round++)
        {
            var cpu = process.TotalProcessorTime;
            withoutTimes.Add(Measure(texts, t => without.Analyze(t, null, cancellationToken)));
            process.Refresh();
            withoutCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            cpu = process.TotalProcessorTime;
            withTimes.Add(Measure(texts, t => with.Analyze(t, null, cancellationToken)));
            process.Refresh();
            withCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }

        var a = Median(withoutTimes);
        var b = Median(withTimes);
        var ca = Median(withoutCpu);
        var cb = Median(withCpu);
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            texts                        {texts.Count} ({chars:N0} chars), median of 5 alternating rounds
            pipeline without entities    {chars / a,12:N0} chars/s wall, {chars / ca,12:N0} chars/s CPU
            pipeline with entities       {chars / b,12:N0} chars/s wall, {chars / cb,12:N0} chars/s CPU
            entity stage adds            {(b - a) / a,12:P0} wall time, {(cb - ca) / ca,12:P0} CPU time
            """)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static double Measure(IReadOnlyList<string> texts, Action<string> work)
    {
        var clock = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            work(text);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<List<string>> ReadTextsAsync(string path, int? limit, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (limit is { } max && texts.Count >= max)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } value)
            {
                texts.Add(value);
            }
        }

        return texts;
    }
}
