using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;
using ZhArticleAnalyzer.Cli.Output;
using ZhArticleAnalyzer.Pipeline;
using ZhArticleAnalyzer.Segmentation;
using ZhArticleAnalyzer.Segmentation.Engine;

namespace ZhArticleAnalyzer.Cli.Commands;

/// <summary>
/// <c>bench</c>: throughput of the full pipeline, of the engine (cut, POS cut, ISegmenter, two
/// threads) and of bare jieba.NET <c>Cut</c> and <c>PosSegmenter</c> over the same texts, in one
/// process, after a warm-up, alternating within each round so that machine load hits all alike;
/// plus the engine's load time and dictionary memory.
/// </summary>
internal static class BenchCommand
{
    private const int DefaultRounds = 5;

    public static Command Create(CliConsole console)
    {
        var corpus = new Option<string>("--corpus") { Description = "JSON Lines with a \"text\" field.", DefaultValueFactory = _ => "../shared/corpus/business-news.jsonl" };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N texts." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds; the medians are reported.", DefaultValueFactory = _ => DefaultRounds };
        var posRounds = new Option<int>("--pos-rounds") { Description = "Rounds of jieba.NET's slow PosSegmenter (at most --rounds).", DefaultValueFactory = _ => 1 };
        var noEntities = new Option<bool>("--no-entities") { Description = "Leave out the entity stage (to measure what it costs)." };
        var nodeRs = new Option<string?>("--node-rs") { Description = "Folder of benchmarks/node-rs-jieba (npm install done): also run @node-rs/jieba on the corpus and report the ratio." };
        var entityCost = new Option<bool>("--entity-cost") { Description = "Measure the pipeline with and without the entity stage in alternating rounds of one process." };
        var command = new Command("bench", "Measure pipeline and engine throughput against bare jieba.NET Cut and PosSegmenter.") { corpus, limit, json, rounds, posRounds, noEntities, nodeRs, entityCost };
        command.SetAction((result, cancellationToken) => result.GetValue(entityCost)
            ? RunEntityCostAsync(console, result.GetRequiredValue(corpus), result.GetValue(limit), Math.Max(1, result.GetValue(rounds)), cancellationToken)
            : RunAsync(
            console,
            result.GetRequiredValue(corpus),
            result.GetValue(limit),
            result.GetValue(json),
            Math.Max(1, result.GetValue(rounds)),
            Math.Clamp(result.GetValue(posRounds), 1, Math.Max(1, result.GetValue(rounds))),
            result.GetValue(noEntities),
            result.GetValue(nodeRs),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string corpusPath, int? limit, bool json, int rounds, int posRounds, bool noEntities, string? nodeRsFolder, CancellationToken cancellationToken)
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

        // The engine's load, first, in a clean heap: its binary model (from the per-user cache, built
        // on the very first run) and the dictionary with the business words.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var loadClock = Stopwatch.StartNew();
        var loadedModel = EngineModelCache.LoadUncached(null);
        var loadedDictionary = SegmenterFactory.BuildDictionary(loadedModel, business: true, []);
        var engineLoadMs = loadClock.Elapsed.TotalMilliseconds;
        var engineDictionaryMb = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / (1024.0 * 1024.0);
        GC.KeepAlive(loadedDictionary);

        var cold = Stopwatch.StartNew();
        var analyzer = ArticleAnalyzer.CreateDefault(o => o.RecognizeEntities = !noEntities);
        analyzer.Analyze(texts[0], null, cancellationToken);
        var coldStartMs = cold.Elapsed.TotalMilliseconds;

        var engine = SegmenterFactory.CreateEngine(new ZhArticleAnalyzerOptions());
        var segmenter = new EngineSegmenter(engine, useHmm: true);
        // jieba.NET with the same words as the engine: its data and the business words, through the runtime.
        SegmenterFactory.CreateJieba(new ZhArticleAnalyzerOptions());
        var jieba = JiebaRuntime.Get(null).Segmenter;
        var jiebaPos = new PosSegmenter(jieba);
        var chars = texts.Sum(t => (long)t.Length);
        var warmUp = texts.Take(50).ToList();
        Measure(warmUp, t => analyzer.Analyze(t, null, cancellationToken));
        Measure(warmUp, t => jieba.Cut(t).Count());
        Measure(warmUp, t => jiebaPos.Cut(t).Count());
        Measure(warmUp, t => EngineCut(engine, t));
        Measure(warmUp, t => EnginePos(engine, t));
        Measure(warmUp, t => segmenter.Segment(t, cancellationToken));

        var pipeline = new List<BenchRun>();
        var cut = new List<double>();
        var pos = new List<double>();
        var engineCut = new List<BenchRun>();
        var enginePos = new List<BenchRun>();
        var engineSegment = new List<BenchRun>();
        var oneThread = new List<BenchRun>();
        var twoThreads = new List<BenchRun>();
        // The thread-scaling runs repeat the texts to about 8 M characters: a run of a tenth of a
        // second would be decided by scheduling hiccups, not by the engine.
        var scalingPasses = (int)Math.Max(1, Math.Ceiling(8_000_000.0 / chars));
        var controlScaling = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternating within a round, so that a change of machine load hits all alike.
            pipeline.Add(BenchRun.OnOneThread(texts, t => analyzer.Analyze(t, null, cancellationToken)));
            cut.Add(chars / Measure(texts, t => jieba.Cut(t).Count()));
            engineCut.Add(BenchRun.OnOneThread(texts, t => EngineCut(engine, t)));
            oneThread.Add(BenchRun.OnOneThread(texts, t => EngineCut(engine, t), scalingPasses));
            twoThreads.Add(BenchRun.OnTwoThreads(texts, t => EngineCut(engine, t), scalingPasses));
            controlScaling.Add(BenchRun.OnOneThread(texts, ArithmeticControl).Seconds / BenchRun.OnTwoThreads(texts, ArithmeticControl).Seconds);
            // The POS HMM's per-thread memo starts empty each round: only repeats within the corpus count.
            EngineScratch.Current.PosCache.Clear();
            enginePos.Add(BenchRun.OnOneThread(texts, t => EnginePos(engine, t)));
            EngineScratch.Current.PosCache.Clear();
            engineSegment.Add(BenchRun.OnOneThread(texts, t => segmenter.Segment(t, cancellationToken)));
            if (round < posRounds)
            {
                pos.Add(chars / Measure(texts, t => jiebaPos.Cut(t).Count()));
            }
        }

        double Speed(List<BenchRun> runs) => chars / Median(runs.Select(r => r.Seconds).ToList());
        double PerChar(List<BenchRun> runs) => Math.Round(Median(runs.Select(r => (double)r.AllocatedBytes).ToList()) / chars, 3);
        var engineCutSpeeds = engineCut.Select(r => chars / r.Seconds).ToList();
        var engineCutSpeed = Speed(engineCut);
        var nodeRs = nodeRsFolder is null ? null : await RunNodeRsAsync(nodeRsFolder, corpusPath, limit, rounds, cancellationToken).ConfigureAwait(false);
        var result = new BenchResult(
            chars,
            Math.Round(Speed(pipeline)),
            Math.Round(Median(cut)),
            Math.Round(Speed(pipeline) / Median(cut), 3),
            Math.Round(coldStartMs, 1),
            Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0), 1),
            analyzer.Segmenter.Name,
            Math.Round(engineCutSpeed),
            Math.Round(Speed(enginePos)),
            Math.Round(Speed(engineSegment)),
            Math.Round(Median(pos)),
            Math.Round(engineCutSpeed / Median(cut), 2),
            Math.Round(Speed(enginePos) / Median(pos), 1),
            Math.Round(Speed(twoThreads) * scalingPasses),
            Math.Round(Median([.. oneThread.Zip(twoThreads, (one, two) => one.Seconds / two.Seconds)]), 2),
            Math.Round(Median(oneThread.Select(r => r.CpuSeconds).ToList()) / Median(twoThreads.Select(r => r.CpuSeconds).ToList()) * 2, 2),
            chars * scalingPasses,
            Math.Round(engineLoadMs, 1),
            Math.Round(engineDictionaryMb, 1),
            rounds,
            Math.Round((engineCutSpeeds.Max() - engineCutSpeeds.Min()) / engineCutSpeed, 3),
            LoadAverage(),
            PerChar(engineCut),
            PerChar(enginePos),
            PerChar(engineSegment),
            PerChar(pipeline),
            Math.Round(Median(twoThreads.Select(r => r.CpuSeconds / r.Seconds).ToList()), 2),
            Math.Round(Median(controlScaling), 2),
            twoThreads.Sum(r => r.Gen0Collections),
            twoThreads.Sum(r => r.Gen1Collections + r.Gen2Collections),
            pipeline.Sum(r => r.Gen0Collections),
            pipeline.Sum(r => r.Gen1Collections + r.Gen2Collections),
            nodeRs?.CutCharsPerSecond,
            nodeRs?.LoadMs,
            nodeRs is { } node ? Math.Round(engineCutSpeed / node.CutCharsPerSecond, 2) : null);
        if (json)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, CliJsonContext.Relaxed.BenchResult)).ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
                texts                  {texts.Count} ({chars:N0} chars), median of {rounds} rounds (jieba.NET POS: {posRounds})
                pipeline (Analyze)     {result.PipelineCharsPerSecond,12:N0} chars/s  (segmenter: {result.Segmenter})
                jieba.NET Cut          {result.JiebaNetCutCharsPerSecond,12:N0} chars/s
                ratio pipeline / Cut   {result.Ratio,12:F3}
                engine Cut             {result.EngineCutCharsPerSecond,12:N0} chars/s  ({result.EngineCutRatio:F2}x jieba.NET Cut, spread {result.EngineCutSpread:P1})
                engine Cut, 2 threads  {result.EngineCutTwoThreadsCharsPerSecond,12:N0} chars/s  ({result.EngineTwoThreadScaling:F2}x one thread by the clock, {result.EngineTwoThreadCpuScaling:F2}x by CPU time; both threads take the next text from a shared counter, {result.ScalingChars:N0} chars per run; the process got {result.TwoThreadCoresUsed:F2} cores)
                control, 2 threads     {result.ControlTwoThreadScaling,12:F2}x one thread (register-only arithmetic split the same way: what this machine lets any code gain)
                engine Segment         {result.EngineSegmentCharsPerSecond,12:N0} chars/s  (ISegmenter: cut, tags, tokens)
                engine POS             {result.EnginePosCharsPerSecond,12:N0} chars/s  ({result.EnginePosRatio:F1}x jieba.NET PosSegmenter)
                jieba.NET PosSegmenter {result.JiebaNetPosCharsPerSecond,12:N0} chars/s
                engine load            {result.EngineLoadMs,12:N1} ms, {result.EngineDictionaryMb:N1} MB of managed heap
                allocated per char     engine Cut {result.EngineCutBytesPerChar:F3} B, POS {result.EnginePosBytesPerChar:F3} B, Segment {result.EngineSegmentBytesPerChar:F3} B, pipeline {result.PipelineBytesPerChar:F1} B (medians of the rounds)
                GCs in all rounds      engine Cut on 2 threads: {result.TwoThreadGen0Collections} gen0, {result.TwoThreadGen1And2Collections} gen1/2; pipeline: {result.PipelineGen0Collections} gen0, {result.PipelineGen1And2Collections} gen1/2
                cold start             {result.ColdStartMs,12:N0} ms (first analyzer and first article)
                peak working set       {result.PeakWorkingSetMb,12:N1} MB
                @node-rs/jieba cut     {result.NodeRsCutCharsPerSecond,12:N0} chars/s  (engine {result.EngineCutVsNodeRs:F2}x; load {result.NodeRsLoadMs:N0} ms; with --node-rs)
                load average           {result.LoadAverage,12:F2} (machine load at the end; figures above it are noisy)
                """)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>A fixed amount of register-only arithmetic per character: scales with the cores the process gets and nothing else.</summary>
    private static void ArithmeticControl(string text)
    {
        var x = (uint)text.Length | 1;
        for (var i = text.Length * 40; i > 0; i--)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
        }

        if (x == 0)
        {
            throw new InvalidOperationException("xorshift never reaches 0 from a non-zero seed.");
        }
    }

    private static int EngineCut(JiebaEngine engine, string text)
    {
        var tokens = EngineScratch.Current.Tokens;
        tokens.Clear();
        engine.Cut(text, tokens);
        return tokens.Count;
    }

    private static int EnginePos(JiebaEngine engine, string text)
    {
        var tokens = EngineScratch.Current.Tokens;
        tokens.Clear();
        engine.CutWithPos(text, tokens);
        return tokens.Count;
    }

    /// <summary>Runs benchmarks/node-rs-jieba/bench.mjs on the same texts, after the .NET rounds.</summary>
    private static async Task<(double CutCharsPerSecond, double LoadMs)?> RunNodeRsAsync(string folder, string corpusPath, int? limit, int rounds, CancellationToken cancellationToken)
    {
        var corpus = Path.GetFullPath(corpusPath);
        if (limit is { } max)
        {
            corpus = Path.Combine(Path.GetTempPath(), "zharticle-bench-" + Guid.NewGuid().ToString("N") + ".jsonl");
            await File.WriteAllLinesAsync(corpus, File.ReadLines(corpusPath).Where(l => !string.IsNullOrWhiteSpace(l)).Take(max), cancellationToken).ConfigureAwait(false);
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("bench.mjs");
        start.ArgumentList.Add(corpus);
        start.ArgumentList.Add(rounds.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(output);
            return (document.RootElement.GetProperty("cutCharsPerSecond").GetDouble(), document.RootElement.GetProperty("loadMs").GetDouble());
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
        finally
        {
            if (limit is not null)
            {
                File.Delete(corpus);
            }
        }
    }

    /// <summary>The one-minute load average on Linux, to judge how noisy a run was; null elsewhere.</summary>
    private static double? LoadAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is null ? null : double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<int> RunEntityCostAsync(CliConsole console, string corpusPath, int? limit, int rounds, CancellationToken cancellationToken)
    {
        if (!File.Exists(corpusPath))
        {
            await console.Error.WriteLineAsync($"error: {corpusPath}: no such file (name a JSON Lines corpus with --corpus).").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        var texts = await ReadTextsAsync(corpusPath, limit, cancellationToken).ConfigureAwait(false);
        var full = ArticleAnalyzer.CreateDefault();
        var pipelines = new (string Name, ArticleAnalyzer Analyzer)[]
        {
            ("without entities", ArticleAnalyzer.CreateDefault(o => o.RecognizeEntities = false)),
            ("with entities, no claims", ArticleAnalyzer.CreateDefault(o => o.ExtractClaims = false)),
            ("with entities and claims", full),
        };
        var chars = texts.Sum(t => (long)t.Length);

        // Two whole passes each before timing: after a few dozen texts the JIT is still recompiling hot
        // methods in the background, which skewed single runs of this comparison by tens of percent.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (_, analyzer) in pipelines)
            {
                Measure(texts, t => analyzer.Analyze(t, null, cancellationToken));
            }
        }

        // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
        var wall = pipelines.Select(_ => new List<double>()).ToArray();
        var cpu = pipelines.Select(_ => new List<double>()).ToArray();
        var stageTimes = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var stageBytes = new Dictionary<string, long>(StringComparer.Ordinal);
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var p = 0; p < pipelines.Length; p++)
            {
                var analyzer = pipelines[p].Analyzer;
                process.Refresh();
                var start = process.TotalProcessorTime;
                wall[p].Add(Measure(texts, t => analyzer.Analyze(t, null, cancellationToken)));
                process.Refresh();
                cpu[p].Add((process.TotalProcessorTime - start).TotalSeconds);
            }

            foreach (var (stage, (seconds, bytes)) in MeasureStages(full, texts, cancellationToken))
            {
                (stageTimes.TryGetValue(stage, out var list) ? list : stageTimes[stage] = []).Add(seconds);
                stageBytes[stage] = bytes;
            }
        }

        var w = wall.Select(Median).ToArray();
        var c = cpu.Select(Median).ToArray();

        // What a pipeline adds, as the median of the rounds' own ratios: the pipelines of one round ran
        // seconds apart, under the same neighbours, which the ratio of overall medians does not ensure.
        double Adds(List<double>[] times, int with) => Median([.. times[with].Select((t, r) => (t - times[0][r]) / times[0][r])]);
        var stages = stageTimes.ToDictionary(kv => kv.Key, kv => Median(kv.Value), StringComparer.Ordinal);
        var entities = stages.GetValueOrDefault("entities");
        var claims = stages.GetValueOrDefault("claims");
        var others = stages.Values.Sum() - entities - claims;
        var lines = pipelines.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"pipeline {p.Name,-25}{chars / w[i],12:N0} chars/s wall, {chars / c[i],12:N0} chars/s CPU"));
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            texts                        {texts.Count} ({chars:N0} chars), median of {rounds} alternating rounds
            {string.Join(Environment.NewLine, lines)}
            NER adds                     {Adds(wall, 1),12:P0} wall time, {Adds(cpu, 1),12:P0} CPU time (entities without claims against no entities; median of the rounds' ratios)
            NER and claims add           {Adds(wall, 2),12:P0} wall time, {Adds(cpu, 2),12:P0} CPU time (claims need entities)
            stages, wall (median)        {string.Join(", ", stages.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value * 1000:F0} ms")))}
            stages, allocated per char   {string.Join(", ", stageBytes.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {(double)kv.Value / chars:F1} B")))}
            of which                     entity stage {entities / others,5:P0}, claim stage {claims / others,5:P0} of the other stages' time
            with the claim stage         entity stage {entities / (others + claims),5:P0} of all the other stages' time
            """)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Runs the analyzer's stages one by one over the texts and sums each stage's wall time (seconds)
    /// and the bytes it allocated (what drives the garbage collector; unlike time, not disturbed by load).
    /// </summary>
    private static Dictionary<string, (double Seconds, long Bytes)> MeasureStages(ArticleAnalyzer analyzer, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, (double Seconds, long Bytes)>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var builder = new AnalysisBuilder(text, null);
            foreach (var stage in analyzer.Stages)
            {
                builder.EnterStage(stage.Name);
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                stage.Run(builder, cancellationToken);
                var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var total = totals.GetValueOrDefault(stage.Name);
                totals[stage.Name] = (total.Seconds + seconds, total.Bytes + GC.GetAllocatedBytesForCurrentThread() - bytes);
            }
        }

        return totals;
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
